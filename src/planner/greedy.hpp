#pragma once
// Greedy construction: fill a block, a slot or a day by gain per minute (planner internals).
#include <vector>

#include "planner/plan_state.hpp"

namespace mp::planner::detail {

/// Professional sessions for block k: up to the cap, each at the best (gain, variety) day.
void place_pros(PlanState& st, int k);

/// Greedy by gain per minute over block k: adds at the shortest duration and one-minute
/// extensions, from a lazy heap (gains only fall as coverage grows, so a stale entry is an
/// upper bound).
void greedy_block(PlanState& st, int k);

/// Fills one slot greedily, minute by minute, from the given candidates.
void fill_slot(PlanState& st, int d, int s, const std::vector<int>& cands);

/// Fills every self-care slot of days first..last-1 (a move on one day can free another).
void fill_block(PlanState& st, int first, int last, const std::vector<int>& cands);

/// Greedy fill of a whole day, by gain per minute, re-packing its slots as needed.
void fill_day(PlanState& st, int d, const std::vector<int>& cands);

/// fill_day() for every self-care day of first..last-1.
void fill_days(PlanState& st, int first, int last, const std::vector<int>& cands);

/// Makes room on day d for t at its shortest duration by shortening or dropping the items
/// that lose least per minute freed; false when no room can be made.
bool squeeze_in(PlanState& st, int d, int t);

}  // namespace mp::planner::detail
