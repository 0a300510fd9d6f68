#include "model/exclusion_rule.hpp"

#include <fmt/format.h>

namespace mp::model {
namespace {
template <typename T>
void add(std::string& out, std::string_view key, const std::optional<std::vector<T>>& values) {
  if (!values) return;
  std::vector<std::string_view> words;
  for (const auto& v : *values) {
    if constexpr (std::is_same_v<T, std::string>)
      words.emplace_back(v);
    else
      words.push_back(to_string(v));
  }
  if (out.size() > 1) out += ", ";
  out += fmt::format("{}: [{}]", key, fmt::join(words, ", "));
}
}  // namespace

std::string to_string(const ExclusionRule& rule) {
  std::string out = "{";
  add(out, "kind", rule.kind);
  add(out, "performer", rule.performer);
  add(out, "intensity", rule.intensity);
  add(out, "regions", rule.regions);
  add(out, "movements", rule.movements);
  add(out, "positions", rule.positions);
  add(out, "equipment", rule.equipment);
  add(out, "technique", rule.technique);
  return out + "}";
}

}  // namespace mp::model
