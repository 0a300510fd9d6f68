#include "library/exclusion_reader.hpp"

#include <fmt/format.h>

namespace mp::library {
namespace {

template <typename E, std::size_t N>
void read_rule_words(Reader& r, const Reader::Map& m, std::string_view key, std::string_view item,
                     const std::array<std::string_view, N>& names,
                     std::optional<std::vector<E>>& out) {
  const YamlNode* n = m.get(key);
  if (!n) return;
  if (auto words = r.read_words(*n, key, item, names)) {
    std::vector<E> values;
    for (auto i : *words) values.push_back(static_cast<E>(i));
    out = std::move(values);
  }
}

void read_rule_ids(Reader& r, const Reader::Map& m, std::string_view key, Reference::Target target,
                   const std::string& owner, std::vector<Reference>& refs,
                   std::optional<std::vector<std::string>>& out) {
  const YamlNode* n = m.get(key);
  if (!n) return;
  auto ids = r.read_ids(*n, key);
  if (!ids) return;
  for (std::size_t i = 0; i < ids->size(); ++i)
    refs.push_back(Reference{target, (*ids)[i], r.at(n->children[i]), owner, 0});
  out = std::move(*ids);
}

}  // namespace

std::vector<model::ExclusionRule> read_excludes(Reader& r, const YamlNode& node,
                                                const std::string& owner,
                                                std::vector<Reference>& refs) {
  std::vector<model::ExclusionRule> rules;
  if (!r.expect_list(node, "excludes")) return rules;
  for (const auto& item : node.children) {
    if (!r.expect_map(item, "an excludes rule")) continue;
    const std::size_t errors_before = r.error_count();
    Reader::Map m(r, item, fmt::format("an excludes rule of {}", owner),
                  model::kRuleAttributeNames);
    if (item.size() == 0)
      r.error(item, fmt::format("an excludes rule of {} is empty: name at least one attribute "
                                "(kind, performer, intensity, regions, movements, positions, "
                                "equipment or technique)",
                                owner));
    for (std::size_t i = 0; i < item.size(); ++i) {
      const YamlNode& v = item.val(i);
      if (v.type == NodeType::kNull || (v.type == NodeType::kSequence && v.children.empty()))
        r.error(v, fmt::format("rule attribute '{}' needs at least one value (an empty list "
                               "matches nothing)",
                               item.key(i).value));
    }
    model::ExclusionRule rule;
    rule.where = r.at(item);
    read_rule_words(r, m, "kind", "kind", model::kKindNames, rule.kind);
    read_rule_words(r, m, "performer", "performer", model::kPerformerNames, rule.performer);
    read_rule_words(r, m, "intensity", "intensity", model::kIntensityNames, rule.intensity);
    read_rule_words(r, m, "regions", "region", model::kRegionNames, rule.regions);
    read_rule_words(r, m, "movements", "movement", model::kMovementNames, rule.movements);
    read_rule_words(r, m, "positions", "position", model::kPositionNames, rule.positions);
    read_rule_ids(r, m, "equipment", Reference::kEquipment, owner, refs, rule.equipment);
    read_rule_ids(r, m, "technique", Reference::kTechnique, owner, refs, rule.technique);
    if (r.error_count() == errors_before) rules.push_back(std::move(rule));
  }
  return rules;
}

}  // namespace mp::library
