#pragma once
#include <algorithm>

namespace mp::planner {

/// A week block of SPEC §4: a run of consecutive plan days, 7 long except perhaps the last.
struct WeekBlock {
  int first = 0;  ///< index of the block's first plan day
  int days = 0;   ///< |k|, 1 to 7
  /// One past the block's last plan day.
  [[nodiscard]] int end() const { return first + days; }
};

/// The number of week blocks K of a horizon of plan_days days.
inline int block_count(int plan_days) { return (plan_days + 6) / 7; }

/// The week block that plan day `day` belongs to.
inline int block_of(int day) { return day / 7; }

/// Week block k of a horizon of plan_days days.
inline WeekBlock week_block(int k, int plan_days) {
  return {7 * k, std::min(7, plan_days - 7 * k)};
}

/// Uses allowed in a week block of block_days days: max(1, ⌊n·|k|/7⌋) for n ≥ 1, else 0.
inline int block_cap(int per_week, int block_days) {
  if (per_week <= 0) return 0;
  return std::max(1, per_week * block_days / 7);
}

}  // namespace mp::planner
