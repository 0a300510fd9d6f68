#include "model/adaptation.hpp"

#include <algorithm>

namespace mp::model {

void apply_adaptations(Library& library, const std::vector<Adaptation>& adaptations) {
  for (const auto& a : adaptations) {
    auto it = std::lower_bound(library.techniques.begin(), library.techniques.end(), a.technique,
                               [](const Technique& t, const std::string& id) { return t.id < id; });
    if (it == library.techniques.end() || it->id != a.technique) continue;
    for (auto& [goal, weight] : it->goals) weight = std::min(1.0, weight * a.factor);
  }
}

}  // namespace mp::model
