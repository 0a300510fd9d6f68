#pragma once
// From the searched plan to the model's Plan: sessions in time order, items in phase order, the
// reasons for what was left out, and the reported score (planner internals).
#include <string>
#include <utility>
#include <vector>

#include "model/library.hpp"
#include "model/plan.hpp"
#include "planner/plan_state.hpp"

namespace mp::planner::detail {

/// A pinned routine's session: the given steps back to back from `start`.
model::PlannedSession routine_session(
    const std::string& id, int start,
    const std::vector<std::pair<const model::Technique*, int>>& steps);

/// Warns about the rules the plan's sessions (pinned routines only, so far) break: the person
/// chose these routines, so they are kept.
void warn_pinned(const model::Plan& pinned_only, const model::Library& library,
                 std::vector<std::string>& warnings);

/// Writes the searched plan's sessions into plan.plan (whose days are set, without sessions):
/// pinned routines, professional sessions and self-care slots, each slot's items moved to the
/// slots their time-of-day preference asks for where that keeps the day's minutes.
void emit_sessions(const Problem& p, const PlanState& st, const model::Library& library,
                   model::Plan& plan);

/// Lists every library technique the plan does not use, with the reason: not eligible (the
/// set-up's reason), or the weekly cap, the rest rule or the budget.
void explain_exclusions(const Problem& p, const PlanState& st, const model::Library& library,
                        model::Plan& plan);

/// Sessions in start order, the score and each item's share of it, exclusions sorted by id.
void finish(model::Plan& plan, const model::Library& library);

}  // namespace mp::planner::detail
