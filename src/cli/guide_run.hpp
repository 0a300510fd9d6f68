#pragma once
// `start` without --dry-run: the session guided, recorded and rated.
#include "cli/context.hpp"
#include "cli/guide_record.hpp"
#include "guide/timeline.hpp"

namespace mp::cli {

/// The options of start that shape the guided run.
struct GuideFlags {
  bool no_bell = false;
  bool speak = false;
  bool no_log = false;
};

/// Guides timeline (on the terminal, or as lines when stdout is none), records what was done
/// unless --no-log, asks for the rating on a terminal; the exit status (128 + the signal's
/// number after SIGINT, SIGTERM or SIGHUP).
int run_guided(const Context& ctx, guide::Timeline timeline, const model::Library& lib,
               const GuidedWhat& what, const GuideFlags& flags);

}  // namespace mp::cli
