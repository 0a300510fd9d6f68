#pragma once
// The whole-day re-plan: one day's mix chosen afresh, given the rest of its block (planner
// internals).
#include <vector>

#include "planner/plan_state.hpp"

namespace mp::planner::detail {

/// Whether no other plan for day d, made of its items and the candidates in `all`, can beat
/// it: a proof by a concave upper bound, so the re-plan need not run.
bool day_cannot_gain(const PlanState& st, int d, const std::vector<int>& all);

/// Re-plans one day as a whole: a beam search over its slots' loads (exact packing) of the
/// day's items and its best few other candidates, each at any length in its range, priced by
/// the exact concave score given the rest of the block. Keeps its buffers between calls.
class DayReplanner {
 public:
  /// Re-plans day d from its items and `all`; true when the plan's score rose (the new day is
  /// kept), false with the day unchanged.
  bool run(PlanState& st, int d, const std::vector<int>& all);

 private:
  struct BeamEntry {
    double v;
    int parent;  // index into the previous layer's entries
    int minutes;
    int slot;
  };
  struct BeamLayer {
    std::vector<BeamEntry> entries;
    std::vector<double> cov;  // G per entry
    std::vector<int> state;   // per entry
  };
  std::vector<BeamLayer> beam_;
};

}  // namespace mp::planner::detail
