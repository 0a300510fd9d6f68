#pragma once
#include <string>
#include <string_view>

#include "library/yaml_tree.hpp"
#include "model/library.hpp"
#include "model/profile.hpp"

namespace mp::library {

/// Limits on a profile's values (docs/profile.md).
inline constexpr int kMaxSessionMinutes = 480;
inline constexpr int kMaxProfessionalMinutes = 240;
inline constexpr std::size_t kMaxListEntries = 1000;
inline constexpr std::size_t kMaxSessionsPerDay = 24;

/// Reads a profile (SPEC §3) strictly. When library is given, goal, condition, equipment and
/// routine ids are checked against it with did-you-mean hints. Throws mp::DiagnosticError
/// (exit 65) listing every problem.
model::Profile read_profile(std::string_view text, const std::string& file,
                            const model::Library* library = nullptr);

/// Reads a profile from an already parsed mapping (the "profile" object of a plan's JSON),
/// appending problems to diagnostics instead of throwing.
model::Profile read_profile_node(const YamlNode& node, const std::string& file,
                                 const model::Library* library,
                                 std::vector<Diagnostic>& diagnostics);

/// Problems that make a profile impossible to plan with, independent of where it came from
/// (no weekdays, overlapping or midnight-crossing sessions, …), as plain messages.
std::vector<std::string> profile_problems(const model::Profile& profile);

}  // namespace mp::library
