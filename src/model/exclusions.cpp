#include "model/exclusions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace mp::model {
namespace {

template <typename T>
bool contains(const std::vector<T>& list, const T& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

template <typename T>
bool shares_value(const std::vector<T>& a, const std::vector<T>& b) {
  return std::any_of(a.begin(), a.end(), [&](const T& x) { return contains(b, x); });
}

}  // namespace

RuleMatch match_rule(const ExclusionRule& rule, const Technique& t) {
  RuleMatch m;
  auto scalar = [](const auto& values, const auto& value) {
    return !values || contains(*values, value);
  };
  auto list = [](const auto& values, const auto& declared) {
    return !values || shares_value(*values, declared);
  };
  // A rule on an attribute the technique leaves out matches: safety never rests on an author
  // remembering to declare it.
  auto optional_list = [&](const auto& values, const auto& declared, std::string_view name) {
    if (!values) return true;
    if (!declared) {
      m.undeclared.emplace_back(name);
      return true;
    }
    return shares_value(*values, *declared);
  };
  bool all = scalar(rule.kind, t.kind) && scalar(rule.performer, t.performer) &&
             scalar(rule.intensity, t.intensity) && list(rule.regions, t.regions);
  all = all && optional_list(rule.movements, t.movements, "movements");
  all = all && optional_list(rule.positions, t.positions, "positions");
  all = all && list(rule.equipment, t.equipment) && scalar(rule.technique, t.id);
  m.matches = all;
  if (!all) m.undeclared.clear();
  return m;
}

std::vector<ExclusionReason> exclusions_of(const Technique& t,
                                           const std::vector<Condition>& conditions) {
  std::vector<ExclusionReason> out;
  for (const auto& id : t.declared_contraindications)
    out.push_back(ExclusionReason{id, std::nullopt, std::string(kListedByTechnique), {}});
  for (const auto& c : conditions) {
    for (std::size_t i = 0; i < c.excludes.size(); ++i) {
      auto m = match_rule(c.excludes[i], t);
      if (m.matches)
        out.push_back(ExclusionReason{c.id, i, to_string(c.excludes[i]), m.undeclared});
    }
  }
  // Group by condition in the order the conditions first appear; a stable sort keeps the reasons
  // of one condition in order (own list, then rules).
  std::map<std::string, std::size_t> first_seen;
  for (const auto& e : out) first_seen.emplace(e.condition, first_seen.size());
  std::stable_sort(out.begin(), out.end(), [&](const ExclusionReason& a, const ExclusionReason& b) {
    return first_seen[a.condition] < first_seen[b.condition];
  });
  return out;
}

void apply_exclusions(Library& library) {
  for (auto& t : library.techniques) {
    t.exclusions = exclusions_of(t, library.conditions);
    t.contraindications.clear();
    for (const auto& e : t.exclusions)
      if (!contains(t.contraindications, e.condition)) t.contraindications.push_back(e.condition);
  }
}

std::vector<Diagnostic> undeclared_attribute_warnings(const Library& library) {
  std::vector<Diagnostic> out;
  for (const auto& t : library.techniques) {
    for (std::string_view attribute : {"movements", "positions"}) {
      std::vector<std::string> hits;
      for (const auto& e : t.exclusions)
        if (contains(e.undeclared, std::string(attribute)))
          hits.push_back(fmt::format("condition '{}' rule {}", e.condition, e.why));
      if (hits.empty()) continue;
      out.emplace_back(
          t.where,
          fmt::format("technique '{}' does not declare {}, so it is excluded fail-safe by {}", t.id,
                      attribute, fmt::join(hits, "; ")),
          fmt::format("declare its {} ({}: [] when it has none)", attribute, attribute));
    }
  }
  return out;
}

}  // namespace mp::model
