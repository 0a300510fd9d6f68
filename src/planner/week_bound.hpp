#pragma once
// An upper bound on what a week block can still gain, so the search stops spending work where
// the plan is already (near) the best possible (planner internals).
#include "planner/plan_state.hpp"

namespace mp::planner::detail {

/// An upper bound on the part of the total score that week block k can contribute (its weekly
/// parts and the daily parts of its days), over every plan of that block with the rest of the
/// plan as it is. Block k's pinned routines must be in `st` (they are kept as constants).
///
/// It is a Lagrangian bound of the SPEC §4 score relaxed to fractional minutes: each part
/// a·min(1, c/T) is bounded by λc + a − λT for any λ in [0, a/T], a technique's share of a goal
/// min(y, C) by μy + (1 − μ)C for any μ in [0, 1], and a technique's block cap by a price ν ≥ 0
/// per minute; what is left is a fractional knapsack per day (each technique up to its longest
/// length that fits a session) and the best professional technique per visit. Every choice of
/// multipliers gives a bound; a few deterministic subgradient steps from the plan's own slopes
/// tighten it, and the least is returned. Rest rules are left out (that only loosens it).
[[nodiscard]] double block_upper_bound(const PlanState& st, int k);

/// The same part of the total as the plan stands: what block_upper_bound bounds.
[[nodiscard]] double block_value(const PlanState& st, int k);

}  // namespace mp::planner::detail
