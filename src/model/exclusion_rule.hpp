#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/enums.hpp"
#include "model/error.hpp"

namespace mp::model {

/// The technique attributes a rule may name, in the order rules are written out.
inline constexpr std::array<std::string_view, 8> kRuleAttributeNames{
    "kind",      "performer", "intensity", "regions",
    "movements", "positions", "equipment", "technique"};

/// One rule of a condition's `excludes:` (SPEC §3, v2): attribute -> values. It matches a
/// technique when every attribute it names matches: a scalar attribute is in the list, a list
/// attribute shares a value with it, `technique` names the technique's id. Absent attributes
/// (nullopt) are not part of the rule; a rule names at least one.
struct ExclusionRule {
  std::optional<std::vector<Kind>> kind;
  std::optional<std::vector<Performer>> performer;
  std::optional<std::vector<Intensity>> intensity;
  std::optional<std::vector<Region>> regions;
  std::optional<std::vector<Movement>> movements;
  std::optional<std::vector<Position>> positions;
  std::optional<std::vector<std::string>> equipment;  ///< equipment ids
  std::optional<std::vector<std::string>> technique;  ///< technique ids
  SourceLocation where;
  bool operator==(const ExclusionRule&) const = default;
};

/// The rule as one line of flow YAML, attributes in kRuleAttributeNames order:
/// "{kind: [self-massage, professional], equipment: [foam-roller]}".
std::string to_string(const ExclusionRule& rule);

/// Why one condition contraindicates one technique (one entry per reason).
struct ExclusionReason {
  std::string condition;            ///< condition id
  std::optional<std::size_t> rule;  ///< index into the condition's excludes; nullopt: own list
  std::string why;                  ///< "listed by the technique" or the rule as text
  /// Attributes the rule names that the technique does not declare (it matched fail-safe).
  std::vector<std::string> undeclared;
  bool operator==(const ExclusionReason&) const = default;
};

/// The why of a contraindication the technique lists itself.
inline constexpr std::string_view kListedByTechnique = "listed by the technique";

}  // namespace mp::model
