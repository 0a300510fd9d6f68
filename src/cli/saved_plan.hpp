#pragma once
// What `agenda`, `today` and `next` (v3) share: the saved plan's sessions of some days with
// their states, read in one transaction, and the refusal when nothing was ever saved.
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "model/agenda.hpp"
#include "model/calendar.hpp"
#include "model/history.hpp"
#include "model/profile.hpp"

namespace mp::cli {

/// The saved plan between two days, as the history has it now.
struct SavedPlan {
  std::vector<model::AgendaSession> sessions;  ///< from … to, in time order, with their states
  std::vector<model::Entry> pauses;            ///< every pause, whatever its days
  std::vector<model::GoalPriority> goals;      ///< the goals of the plan saved last
};

/// Reads the saved sessions from … to and the entries that mark them. Throws
/// Error(kNothingPlanned) with a hint to `plan --save` when no plan was ever saved (SPEC §5).
SavedPlan read_saved_plan(const Context& ctx, model::Date from, model::Date to);

/// Warns on stderr (unless -q) for each technique of sessions the library no longer holds: the
/// session still shows, under the technique's id, without dose or steps (docs/guide.md).
/// Returns the warnings' texts.
std::vector<std::string> warn_missing_techniques(const Context& ctx,
                                                 const std::vector<model::AgendaSession>& sessions,
                                                 const model::Library& library);

}  // namespace mp::cli
