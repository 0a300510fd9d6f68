#pragma once
// v3: the saved plan as `agenda`, `today` and `next` show it. Pure: sessions, entries and "now"
// come as arguments.
#include <optional>
#include <string>
#include <vector>

#include "model/agenda.hpp"
#include "model/library.hpp"
#include "model/plan.hpp"
#include "model/when.hpp"

namespace mp::history {

/// Each session with its state: done or skipped as mark_sessions() finds it (a mark wins over a
/// pause), else paused on a day a pause covers, else open. Order kept.
std::vector<model::AgendaSession> session_states(const std::vector<model::SavedSession>& sessions,
                                                 const std::vector<model::Entry>& entries);

/// The pause among entries that covers day (the latest recorded when several do); nullptr when
/// none does.
const model::Entry* pause_covering(const std::vector<model::Entry>& entries, model::Date day);

/// The sessions as a plan of `days` days from `from` (days without sessions kept), each session
/// carrying its state, for the plan writers. profile is the plan's profile (its goals are the
/// saved plan's). The score is left for the caller (planner::compute_score).
model::Plan agenda_plan(const std::vector<model::AgendaSession>& sessions, model::Date from,
                        int days, model::Profile profile);

/// The technique ids of the sessions that library does not hold (renamed or removed since the
/// plan was saved), first seen first.
std::vector<std::string> missing_techniques(const std::vector<model::AgendaSession>& sessions,
                                            const model::Library& library);

/// The next open session at `now`: the first open one (time order) that has not ended — one in
/// progress counts. Done, skipped and paused sessions are passed over; nullptr when none is left.
const model::AgendaSession* next_open(const std::vector<model::AgendaSession>& sessions,
                                      const model::When& now);

}  // namespace mp::history
