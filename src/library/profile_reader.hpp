#pragma once
#include <string>
#include <string_view>

#include "library/yaml_tree.hpp"
#include "model/library.hpp"
#include "model/profile.hpp"

namespace mp::library {

/// Limits on a profile's values: one home, model/profile.hpp.
using model::kMaxListEntries;
using model::kMaxProfessionalMinutes;
using model::kMaxSessionMinutes;
using model::kMaxSessionsPerDay;

/// Reads a profile (SPEC §3) strictly, then checks it with model::check_profile. When library
/// is given, goal, condition, equipment and routine ids are checked against it with did-you-mean
/// hints. Throws mp::DiagnosticError (exit 65) listing every problem.
model::Profile read_profile(std::string_view text, const std::string& file,
                            const model::Library* library = nullptr);

/// Reads a profile from an already parsed mapping (the "profile" object of a plan's JSON),
/// appending problems (model::check_profile's too) to diagnostics instead of throwing.
model::Profile read_profile_node(const YamlNode& node, const std::string& file,
                                 const model::Library* library,
                                 std::vector<Diagnostic>& diagnostics);

}  // namespace mp::library
