#pragma once
// What `plan` and `agenda` (v3) both read outside their flags: the profile file and the ics
// DTSTAMP.
#include "cli/context.hpp"
#include "model/library.hpp"
#include "model/profile.hpp"

namespace mp::cli {

/// The profile file: --profile, else $XDG_CONFIG_HOME/massage-plan/profile.yaml when present,
/// else an empty profile. Throws DiagnosticError (65) for a bad file, Error(64) for a bad zone.
model::Profile read_profile_file(const Context& ctx, const model::Library& lib);

/// The ics DTSTAMP: SOURCE_DATE_EPOCH when set (Error 64 when it is not a number), else now.
long long dtstamp_epoch();

}  // namespace mp::cli
