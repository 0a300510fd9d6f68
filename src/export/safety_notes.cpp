#include "export/safety_notes.hpp"

namespace mp::exporter {

std::string_view stop_rule() {
  return "Stop rule: stop at once if you feel dizzy or sick, your vision changes, or you get "
         "tingling or numbness in the arms or face, and do no neck work until a clinician has "
         "checked you.";
}

bool is_stop_rule(std::string_view caution) { return caution == stop_rule(); }

std::vector<ConditionAdvice> stated_condition_advice(const model::Plan& plan,
                                                     const model::Library& library) {
  std::vector<ConditionAdvice> out;
  for (const auto& id : plan.profile.conditions) {
    const auto* c = library.find_condition(id);
    if (c == nullptr || c->advice.empty()) continue;
    out.push_back({c->name.empty() ? id : c->name, c->advice});
  }
  return out;
}

}  // namespace mp::exporter
