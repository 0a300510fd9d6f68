#pragma once
// The search: greedy construction, local search and perturbation rounds, one week block at a
// time (planner internals).
#include "planner/plan_state.hpp"

namespace mp::planner::detail {

/// The searched plan for problem p (pinned routines included). Deterministic: the same
/// problem (and seed) gives the same plan.
PlanState search_plan(const Problem& p);

}  // namespace mp::planner::detail
