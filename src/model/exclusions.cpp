#include "model/exclusions.hpp"

#include <fmt/format.h>

#include <algorithm>

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
  auto fail_safe = [&](const auto& values, const auto& declared, std::string_view name,
                       auto matches) {
    if (!values) return true;
    if (!declared) {
      m.undeclared.emplace_back(name);
      return true;
    }
    return matches(*values, *declared);
  };
  auto is_in = [](const auto& values, const auto& value) { return contains(values, value); };
  auto shares = [](const auto& values, const auto& declared) {
    return shares_value(values, declared);
  };
  bool all = scalar(rule.kind, t.kind) && scalar(rule.performer, t.performer);
  all = all && fail_safe(rule.intensity, t.intensity, "intensity", is_in);
  all = all && fail_safe(rule.regions, t.regions, "regions", shares);
  all = all && fail_safe(rule.movements, t.movements, "movements", shares);
  all = all && fail_safe(rule.positions, t.positions, "positions", shares);
  all = all && list(rule.equipment, t.equipment) && scalar(rule.technique, t.id);
  m.matches = all;
  if (!all) m.undeclared.clear();
  return m;
}

namespace {

// Each condition's rules as text, computed once per library rather than once per match.
using RuleTexts = std::vector<std::vector<std::string>>;
RuleTexts rule_texts(const std::vector<Condition>& conditions) {
  RuleTexts texts;
  texts.reserve(conditions.size());
  for (const auto& c : conditions) {
    auto& mine = texts.emplace_back();
    for (const auto& rule : c.excludes) mine.push_back(to_string(rule));
  }
  return texts;
}

std::vector<ExclusionReason> reasons(const Technique& t, const std::vector<Condition>& conditions,
                                     const RuleTexts& texts) {
  std::vector<ExclusionReason> matched;
  for (std::size_t c = 0; c < conditions.size(); ++c) {
    const auto& rules = conditions[c].excludes;
    for (std::size_t i = 0; i < rules.size(); ++i)
      if (auto m = match_rule(rules[i], t); m.matches)
        matched.push_back(
            ExclusionReason{conditions[c].id, i, texts[c][i], std::move(m.undeclared)});
  }
  // Grouped by condition: each declared one (own list, then its matching rules), then the
  // conditions only rules add, in the order given.
  std::vector<ExclusionReason> out;
  for (const auto& id : t.declared_contraindications) {
    out.push_back(ExclusionReason{id, std::nullopt, std::string(kListedByTechnique), {}});
    for (auto& e : matched)
      if (e.condition == id) out.push_back(e);
  }
  for (auto& e : matched)
    if (!contains(t.declared_contraindications, e.condition)) out.push_back(std::move(e));
  return out;
}

}  // namespace

std::vector<ExclusionReason> exclusions_of(const Technique& t,
                                           const std::vector<Condition>& conditions) {
  return reasons(t, conditions, rule_texts(conditions));
}

void apply_exclusions(Library& library) {
  const RuleTexts texts = rule_texts(library.conditions);
  for (auto& t : library.techniques) {
    t.exclusions = reasons(t, library.conditions, texts);
    t.contraindications.clear();
    for (const auto& e : t.exclusions)
      if (!contains(t.contraindications, e.condition)) t.contraindications.push_back(e.condition);
  }
}

std::vector<Diagnostic> undeclared_attribute_warnings(const Library& library) {
  std::vector<Diagnostic> out;
  for (const auto& t : library.techniques) {
    for (std::string_view attribute : kFailSafeAttributes) {
      std::vector<std::string> hits;
      for (const auto& e : t.exclusions)
        if (contains(e.undeclared, std::string(attribute)))
          hits.push_back(fmt::format("condition '{}' rule {}", e.condition, e.why));
      if (hits.empty()) continue;
      out.emplace_back(
          t.where,
          fmt::format("technique '{}' does not declare {}, so it is excluded fail-safe by {}", t.id,
                      attribute, fmt::join(hits, "; ")),
          attribute == "intensity"
              ? std::string("declare its intensity (gentle, moderate or firm)")
              : fmt::format("declare its {} ({}: [] when it has none)", attribute, attribute));
    }
  }
  return out;
}

}  // namespace mp::model
