#pragma once
// The plan under construction: its items, the coverage they give and the rules' bookkeeping,
// kept in step so every move is priced exactly and incrementally (planner internals).
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <utility>
#include <vector>

#include "planner/problem.hpp"

namespace mp::planner::detail {

/// The plan under construction, its coverage and score, and the search's effort counter.
class PlanState {
 public:
  explicit PlanState(const Problem& p);

  /// The problem this plan is for.
  [[nodiscard]] const Problem& problem() const { return p_; }
  /// The plan's score, kept up to date by every change.
  [[nodiscard]] double total() const { return total_; }
  /// Moves priced so far (price() and every change): the deterministic measure of work that
  /// budgets the perturbation rounds.
  [[nodiscard]] std::uint64_t effort() const { return effort_; }
  /// The items of slot s on day d.
  [[nodiscard]] const std::vector<Item>& slot(int d, int s) const { return slots_[idx(d, s)]; }
  /// The technique of day d's professional session, or -1.
  [[nodiscard]] int pro_at(int d) const { return pro_at_[static_cast<std::size_t>(d)]; }
  /// Minutes still free in slot s on day d.
  [[nodiscard]] int slack(int d, int s) const { return p_.cap(s) - load_[idx(d, s)]; }

  /// The score's change if t's minutes on day d changed by dm (nothing is changed or counted).
  [[nodiscard]] double delta(int t, int d, int dm) const {
    const ScoreModel& m = p_.score;
    const int k = block_of(d);
    const bool self = m.selfcare(d);
    double sum = 0;
    for (auto [g, w] : p_.tech(t).w) {
      const double dc = w * dm;
      if (self)
        sum += ScoreModel::part_gain(m.daily_weight(g), cov_[ci(d, g)], dc, m.daily_target(g));
      const double credit = m.capped(g) ? m.credit_gain(k, g, technique_coverage(t, k, g), dc) : dc;
      sum +=
          ScoreModel::part_gain(m.weekly_weight(g), bsum_[bi(k, g)], credit, m.block_target(k, g));
    }
    return sum;
  }
  /// delta(), counted as one unit of effort: how the search prices a candidate move.
  double price(int t, int d, int dm) {
    ++effort_;
    return delta(t, d, dm);
  }
  /// Counts one unit of effort for a price the search already knows (the plan has not changed
  /// since it was priced), as if price() had computed it again.
  void count_price() { ++effort_; }

  /// Whether t may be used once more on day d: once a day, the block cap and the rest rule.
  [[nodiscard]] bool can_use(int t, int d) const {
    const Tech& tech = p_.tech(t);
    const auto& u = used_[static_cast<std::size_t>(t)];
    auto it = std::lower_bound(u.begin(), u.end(), d);
    if (it != u.end() && *it - d < tech.rest) return false;
    if (it != u.begin() && d - *(it - 1) < tech.rest) return false;
    // blocked_by_cap, counting the block's uses outward from d's place: a block holds few, a
    // long plan's list many (a year's search asks this millions of times).
    const WeekBlock block = p_.score.block(block_of(d));
    auto lo = it;
    while (lo != u.begin() && *(lo - 1) >= block.first) --lo;
    auto hi = it;
    while (hi != u.end() && *hi < block.end()) ++hi;
    return hi - lo < block_cap(tech.per_week, block.days);
  }
  /// Whether t's week block cap is used up in day d's block.
  [[nodiscard]] bool blocked_by_cap(int t, int d) const {
    const auto& u = used_[static_cast<std::size_t>(t)];
    const WeekBlock block = p_.score.block(block_of(d));
    auto lo = std::lower_bound(u.begin(), u.end(), block.first);
    auto hi = std::lower_bound(lo, u.end(), block.end());
    return hi - lo >= block_cap(p_.tech(t).per_week, block.days);
  }
  /// Whether t is planned on day d.
  [[nodiscard]] bool on_day(int t, int d) const {
    const auto& u = used_[static_cast<std::size_t>(t)];
    return std::binary_search(u.begin(), u.end(), d);
  }

  /// A pinned routine's step: counts for the rules and the score, and is never moved.
  void add_pinned(int t, int d, int minutes);
  void add_item(int d, int s, int t, int minutes);
  void remove_item(int d, int s, std::size_t i);
  void resize_item(int d, int s, std::size_t i, int dm);
  void add_pro(int d, int t);
  void remove_pro(int d);

  /// A copy of some slots (and, for whole days, their professional sessions), to undo a
  /// tentative move.
  struct Snapshot {
    std::vector<int> keys;          // d * S + s of each saved slot
    std::vector<std::size_t> ends;  // per saved slot: one past its last item in `items`
    std::vector<Item> items;        // the saved slots' items, one slot after the other
    int pro_first = 0;
    std::vector<int> pros;  // pro_at of days pro_first, pro_first + 1, …
    double total = 0;
  };
  /// The given (day, slot) pairs.
  [[nodiscard]] Snapshot save(std::initializer_list<std::pair<int, int>> which) const;
  /// Days first..last-1, their professional sessions included.
  [[nodiscard]] Snapshot save_block(int first, int last) const;
  /// The same into `snap` (its storage reused: the search saves and restores in its loops).
  void save_block(int first, int last, Snapshot& snap) const;
  [[nodiscard]] Snapshot save_day(int d) const { return save_block(d, d + 1); }
  void save_day(int d, Snapshot& snap) const { save_block(d, d + 1, snap); }
  /// Puts the saved slots back, and the score as it was (dropping rounding drift).
  void restore(const Snapshot& snap);
  /// Sets the score to a value saved before a change that was undone (drops rounding drift).
  void restore_total(double total) { total_ = total; }

  /// Whether every goal meets its target in block k and on each of its self-care days: then
  /// the block adds all it can to the score and no move inside it can gain. "Meets" allows what
  /// rounding leaves (a sum of weight × minutes may land an ulp below a target it reaches): the
  /// test is that all the block's parts together lack less than any move must gain.
  [[nodiscard]] bool block_met(int k) const;
  /// The same for block k's weekly parts and the daily parts of its days first..last-1.
  [[nodiscard]] bool met(int k, int first, int last) const;

  /// Goal g's effective minutes on day d.
  [[nodiscard]] double coverage(int d, int g) const { return cov_[ci(d, g)]; }
  /// Goal g's weekly credit in week block k: its effective minutes, each technique's capped at
  /// σ_g·T[g,k] (v2).
  [[nodiscard]] double block_coverage(int k, int g) const { return bsum_[bi(k, g)]; }
  /// What technique t gives goal g in block k, uncapped (kept for capped goals only, else 0).
  [[nodiscard]] double technique_coverage(int t, int k, int g) const {
    const auto& v = tcov_[static_cast<std::size_t>(t)];
    return v.empty() ? 0.0 : v[bi(k, g)];
  }

  // --- Whole days. The score depends only on each day's minutes per technique, so a day's
  // items may be re-packed into its slots at will. ---

  /// Day d's items, slot by slot.
  [[nodiscard]] std::vector<Item> day_items(int d) const;
  /// How many items day d has.
  [[nodiscard]] std::size_t day_size(int d) const {
    std::size_t n = 0;
    for (int s = 0; s < p_.slots; ++s) n += slots_[idx(d, s)].size();
    return n;
  }
  /// The same into `out` (its storage reused).
  void day_items(int d, std::vector<Item>& out) const;
  /// Assigns items to slots by a bounded exact search, longest first; false when they do not
  /// fit. Sorts `items`, longest first.
  bool pack(std::vector<Item>& items, std::vector<int>& where) const;
  /// Whether the items fit day's slots.
  [[nodiscard]] bool fits(const std::vector<Item>& items) const;
  /// Replaces day d's items by `items`, re-packed; false (and no change) when they do not fit.
  bool set_day(int d, const std::vector<Item>& items);
  /// set_day of day d's items with one minute more for t's item (add = false) or with t added
  /// at `minutes` (add = true): the same result and effort, re-pricing only t (and, with one
  /// slot, without copying or re-packing the day).
  bool grow_day(int d, int t, bool add, int minutes);
  /// Free minutes over all of day d's slots.
  [[nodiscard]] int free_minutes(int d) const;

 private:
  [[nodiscard]] std::size_t idx(int d, int s) const {
    return static_cast<std::size_t>(d * p_.slots + s);
  }
  [[nodiscard]] std::size_t ci(int d, int g) const {
    return static_cast<std::size_t>(d * p_.score.goals() + g);
  }
  [[nodiscard]] std::size_t bi(int k, int g) const {
    return static_cast<std::size_t>(k * p_.score.goals() + g);
  }
  void mark(int t, int d);
  void unmark(int t, int d);
  // Every change prices itself once (counted as effort, as a priced move is) and applies it.
  // With total = false the price is only counted, not computed, and the score is left behind:
  // for restore(), which sets the score to the saved one after its changes.
  void change(int t, int d, int dm, bool total = true);
  // Moves day d's coverage and rule bookkeeping from the items `before` to `after`,
  // re-pricing only the techniques whose minutes differ (total: as for change).
  void reprice(int d, const std::vector<Item>& before, const std::vector<Item>& after,
               bool total = true);

  const Problem& p_;
  double total_ = 0;
  std::uint64_t effort_ = 0;
  std::vector<double> cov_;                // per day and goal
  std::vector<double> bsum_;               // per block and goal: the weekly credit
  std::vector<std::vector<double>> tcov_;  // per technique (once used), block and goal
  std::vector<std::vector<int>> used_;     // per technique: sorted days of use (with repeats)
  std::vector<std::vector<Item>> slots_;
  std::vector<int> load_;
  std::vector<int> pro_at_;
  mutable std::vector<int> pack_free_;  // pack()'s free minutes per slot
  // Scratch buffers, kept between calls so the search loop does not allocate.
  mutable std::vector<Item> fit_items_;
  mutable std::vector<int> fit_where_;
  std::vector<Item> next_, before_, after_, grow_;
  std::vector<int> where_;
  // reprice()'s per-technique scratch: minutes and uses after minus before, and whether seen
  // (all zero between calls).
  std::vector<int> net_minutes_, net_uses_;
  std::vector<char> seen_;
};

}  // namespace mp::planner::detail
