#pragma once
// The stop rule and the advice of each condition the person stated: every format a person reads
// (the text, markdown and html plans, each calendar event's description) shows them once, so a
// warning such as "a new headache in pregnancy is a red flag" is never only in the library.
#include <string>
#include <string_view>
#include <vector>

#include "model/library.hpp"
#include "model/plan.hpp"

namespace mp::exporter {

/// The stop rule, in the words the built-in techniques' cautions use.
std::string_view stop_rule();
/// True for a caution that is the stop rule word for word: the formats show it once, up front,
/// instead of under every technique. A technique's own wording of it stays with the technique.
bool is_stop_rule(std::string_view caution);

/// A condition the person stated, by name, with its advice.
struct ConditionAdvice {
  std::string name;
  std::string advice;
};
/// The advice of each condition in the plan's profile, in the profile's order; ids the library
/// does not know and conditions without advice are skipped.
std::vector<ConditionAdvice> stated_condition_advice(const model::Plan& plan,
                                                     const model::Library& library);

}  // namespace mp::exporter
