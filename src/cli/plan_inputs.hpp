#pragma once
// What `plan` and `agenda` (v3) share outside their own flags: the profile file, the ics
// DTSTAMP and the options that say how the plan is written.
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "model/library.hpp"
#include "model/profile.hpp"

namespace mp::cli {

/// The profile file: --profile, else $XDG_CONFIG_HOME/massage-plan/profile.yaml when present,
/// else an empty profile. Throws DiagnosticError (65) for a bad file, Error(64) for a bad zone.
model::Profile read_profile_file(const Context& ctx, const model::Library& lib);

/// --format, -o/--output, --remind and --timezone: how `plan` and `agenda` write a plan, on
/// any flags with those four fields.
template <typename Flags>
void add_plan_output_options(CLI::App* cmd, Flags& f) {
  cmd->add_option("--format", f.format, "text, markdown, json, csv, ics or html (default text)")
      ->check(CLI::IsMember({"text", "markdown", "json", "csv", "ics", "html"}))
      ->type_name("FORMAT");
  cmd->add_option("-o,--output", f.output, "Write to FILE atomically instead of stdout")
      ->type_name("FILE");
  cmd->add_option("--remind", f.remind, "ics: reminder N minutes before each session (0 = none)")
      ->check(CLI::Range(0, 1440))
      ->type_name("MINUTES");
  cmd->add_option("--timezone", f.timezone, "IANA time zone for ics times, e.g. Europe/Berlin")
      ->type_name("NAME");
}

/// The ics DTSTAMP: SOURCE_DATE_EPOCH when set (Error 64 when it is not a number), else now.
long long dtstamp_epoch();

}  // namespace mp::cli
