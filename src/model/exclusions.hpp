#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "model/exclusion_rule.hpp"
#include "model/library.hpp"

namespace mp::model {

/// Whether a rule matches a technique, and which of the rule's attributes matched only because
/// the technique does not declare them (fail-safe: an undeclared attribute matches).
struct RuleMatch {
  bool matches = false;
  std::vector<std::string> undeclared;  ///< attribute names, in kRuleAttributeNames order
};

/// The technique attributes a rule matches fail-safe when the technique leaves them out, in
/// kRuleAttributeNames order. (kind is required; performer follows from kind; equipment left
/// out means "needs none", which the planner relies on, so it is a declaration.)
inline constexpr std::array<std::string_view, 4> kFailSafeAttributes{"intensity", "regions",
                                                                     "movements", "positions"};

/// Matches one rule against one technique (SPEC §3, v2): every attribute the rule names must
/// match; an attribute of kFailSafeAttributes the technique leaves out (nullopt, not []) matches.
RuleMatch match_rule(const ExclusionRule& rule, const Technique& technique);

/// Every reason a condition contraindicates technique: its own declared list first, in the order
/// written, then each matching rule of each condition (conditions in the order given).
std::vector<ExclusionReason> exclusions_of(const Technique& technique,
                                           const std::vector<Condition>& conditions);

/// Computes every technique's effective contraindications (declared ones first, then the
/// conditions whose rules match, in id order) and the reasons behind them. Call once after every
/// source is merged, so conditions apply to techniques from any source.
void apply_exclusions(Library& library);

/// One warning per technique and undeclared attribute that a rule matched fail-safe, located at
/// the technique: it tells the author which attribute to declare and which rules hit it.
std::vector<Diagnostic> undeclared_attribute_warnings(const Library& library);

}  // namespace mp::model
