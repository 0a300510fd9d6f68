#pragma once
#include <string>
#include <vector>

#include "library/reader.hpp"
#include "library/reference.hpp"
#include "model/exclusion_rule.hpp"

namespace mp::library {

/// Reads a condition's `excludes:` list of rules (SPEC §3, v2). Every problem is reported
/// through r; equipment and technique ids become references (checked after merging), owned by
/// owner ("condition 'x'").
std::vector<model::ExclusionRule> read_excludes(Reader& r, const YamlNode& node,
                                                const std::string& owner,
                                                std::vector<Reference>& refs);

}  // namespace mp::library
