#pragma once
// Local-search moves: each tries one kind of change around a day or slot, keeps it when the
// score rises and undoes it otherwise; true when it kept one (planner internals).
#include <vector>

#include "planner/plan_state.hpp"

namespace mp::planner::detail {

// --- Slot-level moves, for large problems (cheap). ---

/// Shorten an item by one minute and refill the slot.
bool try_shorten(PlanState& st, int d, int s, const std::vector<int>& cands);
/// Replace an item by another technique (or by nothing) and refill the slot; best wins.
bool try_replace(PlanState& st, int d, int s, const std::vector<int>& cands);
/// Make room for a technique not yet in the slot by shortening the items that lose least.
bool try_squeeze(PlanState& st, int d, int s, const std::vector<int>& cands);
/// Move an item to another slot of the block (any day), refilling both.
bool try_move(PlanState& st, int d, int s, int first, int last, const std::vector<int>& cands);

// --- Day-level moves, for small problems (a day's items re-packed into its slots). ---

/// One day: shorten an item, replace or drop an item, or squeeze in a new technique.
bool try_day(PlanState& st, int d, const std::vector<int>& all);
/// Move one of day d's items to another day of the block, making room there.
bool try_day_moves(PlanState& st, int d, int first, int last, const std::vector<int>& cands);
/// Exchange two items between days (helps when rest rules or caps pin techniques down).
bool try_swaps(PlanState& st, int first, int last, const std::vector<int>& cands);

/// Move a professional session to another day of the block or change its technique.
bool try_pro_moves(PlanState& st, int first, int last);

}  // namespace mp::planner::detail
