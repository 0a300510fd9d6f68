#include "planner/search.hpp"

#include <algorithm>

#include "planner/day_replan.hpp"
#include "planner/greedy.hpp"
#include "planner/moves.hpp"
#include "planner/week_bound.hpp"

namespace mp::planner::detail {
namespace {

// Perturbation rounds per plan for small problems (see Search::perturb_block).
constexpr int kPerturbRounds = 64;
// … ending a block's rounds early after this many in a row without a gain,
constexpr int kPerturbPatience = 24;
// … and spending at most this many times the work of the week's first search.
constexpr std::uint64_t kPerturbWork = 12;
// Costly rounds (kPerturbProbeWork effort since the block's last gain, or since the rounds
// began) have less patience; cheap ones (tiny problems) keep kPerturbPatience. Before any gain
// they end after kPerturbProbe rounds: rounds pay in weeks where they pay at once (on the
// benchmark instances the first gain comes within 3 rounds in all but one week, 0.03 % there),
// and in a week they cannot improve they cost most of the plan. After a gain they end after
// kPerturbCostlyPatience: a costly round that follows a gain seldom pays (the plain `plan`, in
// weeks where round 1 gains, ran 23 rounds for nothing).
constexpr int kPerturbProbe = 3;
constexpr int kPerturbCostlyPatience = 6;
constexpr std::uint64_t kPerturbProbeWork = 20000;
// Other professional techniques tried for the visits, per plan and per visit, the best by
// what they add first (see try_pro_alternatives).
constexpr int kProTries = 12;
constexpr int kProTriesPerVisit = 3;
// Rest-rule patterns tried per plan (see try_rest_patterns).
constexpr int kRestTries = 12;
// A block within this share of its upper bound (block_upper_bound) gets no further search: it
// is then provably at least 0.99 of the optimum, the quality target of SPEC §4, and what the steps
// after the first search could still add is less than that share (issue 23: on random built-in
// profiles they added at most 0.15 % there, at up to 8 times the first search's cost).
constexpr double kRoom = 0.01;

class Search {
 public:
  explicit Search(const Problem& p) : p_(p), st_(p) {}

  // One week block at a time (blocks share only rest rules).
  PlanState run() {
    for (const auto& pin : p_.pinned)
      for (std::size_t i = 0; i < pin.steps.size(); ++i)
        st_.add_pinned(pin.techs[i], pin.day, pin.steps[i].second);
    const bool small = p_.pool.size() <= kFullNeighbourhood;
    // A fixed budget of perturbation rounds per plan, shared by its blocks: short plans of
    // small libraries get a thorough search, long ones stay linear in their length.
    const int rounds = small ? kPerturbRounds / p_.score.blocks() : 0;
    for (int k = 0; k < p_.score.blocks(); ++k) {
      if (k >= 2 && copy_block(k - 2, k)) continue;
      const std::uint64_t before = st_.effort();
      place_pros(st_, k);
      greedy_block(st_, k);
      improve_block(k, small ? 8 : 2);
      // The rounds may cost at most a few times what the week's first search cost.
      const std::uint64_t first_search = st_.effort() - before;
      // What is left to gain in the block, by an upper bound: none, and the steps below stop.
      bound_ = small && !st_.block_met(k) ? block_upper_bound(st_, k) : 0.0;
      if (small && room(k)) try_pro_alternatives(k);
      perturb_block(k, rounds, kPerturbWork * first_search);
      if (small && room(k)) try_rest_patterns(k);
    }
    prefer_default_minutes();
    return std::move(st_);
  }

 private:
  // Whether block k may still gain: its goals are not all met and it is not within kRoom of
  // the upper bound computed after its first search (bound_).
  bool room(int k) const {
    return !st_.block_met(k) && block_value(st_, k) < bound_ * (1 - kRoom);
  }

  // Weeks are alike: a full block has the self-care and professional weekdays, pinned routines,
  // targets and caps of the full block two weeks before it, so the best plan for one is the
  // best for the other, apart from rest rules across the week's first days. So from the third
  // week on, a block takes over the plan of the block two weeks before (two, not one, so that
  // equally good techniques still alternate from week to week), use by use; when a rest rule
  // refuses a use, the block is searched as usual instead. This keeps a long plan's cost that
  // of its first two weeks, and its weeks as good as those.
  bool copy_block(int from, int to) {
    const WeekBlock a = p_.score.block(from);
    const WeekBlock b = p_.score.block(to);
    if (a.days != 7 || b.days != 7) return false;
    const int shift = b.first - a.first;
    const auto empty = st_.save_block(b.first, b.end());
    bool ok = true;
    for (int d = a.first; d < a.end() && ok; ++d) {
      const int t = st_.pro_at(d);
      if (t < 0) continue;
      ok = st_.pro_at(d + shift) < 0 && st_.can_use(t, d + shift);
      if (ok) st_.add_pro(d + shift, t);
    }
    for (int d = a.first; d < a.end() && ok; ++d)
      for (int s = 0; s < p_.slots && ok; ++s)
        for (std::size_t i = 0; i < st_.slot(d, s).size() && ok; ++i) {
          const Item item = st_.slot(d, s)[i];
          ok = st_.slack(d + shift, s) >= item.minutes && st_.can_use(item.tech, d + shift);
          if (ok) st_.add_item(d + shift, s, item.tech, item.minutes);
        }
    if (!ok) st_.restore(empty);
    return ok;
  }

  // Local search inside block k until no move improves the score (or the pass limit). Small
  // problems use day-level moves (a day's items re-packed into its slots exactly); large ones
  // use cheaper slot-level moves. The moves run in a fixed cycle, and the search stops as soon
  // as every move of the cycle has failed since the last gain: they would fail again on the
  // same plan (that is where a last pass over the whole cycle would end the search too).
  void improve_block(int k, int max_passes) {
    const WeekBlock block = p_.score.block(k);
    const int first = block.first;
    const int last = block.end();
    const auto& cands = p_.shortlist;
    const bool by_day = p_.pool.size() <= kFullNeighbourhood;
    enum class Move { kDay, kDayMoves, kDayDp, kShorten, kReplace, kSqueeze, kMove, kSwaps, kPros };
    struct Step {
      Move move;
      int d, s;
    };
    std::vector<Step> cycle;
    for (int d = first; d < last; ++d) {
      if (!p_.selfcare(d)) continue;
      if (by_day) {
        for (Move m : {Move::kDay, Move::kDayMoves, Move::kDayDp}) cycle.push_back({m, d, 0});
        continue;
      }
      for (int s = 0; s < p_.slots; ++s)
        for (Move m : {Move::kShorten, Move::kReplace, Move::kSqueeze, Move::kMove})
          cycle.push_back({m, d, s});
    }
    if (by_day) cycle.push_back({Move::kSwaps, 0, 0});
    cycle.push_back({Move::kPros, 0, 0});
    auto run = [&](const Step& step) {
      switch (step.move) {
        case Move::kDay:
          // Only day d changes: nothing to gain when its goals are met there and in the week,
          // or when the concave bound proves the day optimal (as for the day re-plan).
          if (st_.met(k, step.d, step.d + 1) ||
              (p_.slots > 0 && day_cannot_gain(st_, step.d, cands)))
            return false;
          return try_day(st_, step.d, cands);
        case Move::kDayMoves:
          return try_day_moves(st_, step.d, first, last, cands);
        case Move::kDayDp:
          return replan_.run(st_, step.d, cands);
        case Move::kShorten:
          return try_shorten(st_, step.d, step.s, cands);
        case Move::kReplace:
          return try_replace(st_, step.d, step.s, cands);
        case Move::kSqueeze:
          return try_squeeze(st_, step.d, step.s, cands);
        case Move::kMove:
          return try_move(st_, step.d, step.s, first, last, cands);
        case Move::kSwaps:
          return try_swaps(st_, first, last, cands);
        case Move::kPros:
          return try_pro_moves(st_, first, last);
      }
      return false;
    };
    const std::size_t n = cycle.size();
    std::size_t failed = 0;  // moves in a row without a gain
    for (std::size_t i = 0; i < n * static_cast<std::size_t>(max_passes) && failed < n; ++i) {
      if (st_.block_met(k)) return;  // nothing left to gain in this block
      failed = run(cycle[i % n]) ? 0 : failed + 1;
    }
  }

  // The professional visits are placed first, by what each adds to a week with nothing else in
  // it. Once the self-care is in, another professional technique may serve the goals better
  // (the self-care has met the goal the first one served, and with variety one technique's
  // share of a goal is capped). A visit moves in local search only when the swap alone gains,
  // which it seldom does in a week built around it; so, for small problems, a visit is given
  // other professional techniques in turn, the block is searched again around each, and a
  // change is kept when the block's score rises. The technique the previous block's visits
  // settled on goes first, since weeks are alike, and is always tried; then at most
  // kProTriesPerVisit others, by what they add to the week as it is, from a budget of
  // kProTries per plan spent by the first blocks (a 2-week plan with up to two visits a week
  // gets all its tries; a year plan in its first weeks, and later weeks take over what those
  // settled on), so the cost stays linear in the plan's length.
  void try_pro_alternatives(int k) {
    if (p_.pros.size() < 2) return;
    const WeekBlock block = p_.score.block(k);
    std::vector<int> settled;
    for (int d = block.first; d < block.end(); ++d) {
      if (st_.pro_at(d) < 0) continue;
      std::vector<std::pair<double, int>> order;  // (rank, technique), best first
      const auto before = st_.save_block(block.first, block.end());
      const int current = st_.pro_at(d);
      st_.remove_pro(d);
      for (int t : p_.pros) {
        if (t == current || !st_.can_use(t, d)) continue;
        const bool was_settled = std::find(settled_.begin(), settled_.end(), t) != settled_.end();
        order.emplace_back((was_settled ? 2.0 : 0.0) + st_.price(t, d, p_.pro_minutes), t);
      }
      st_.restore(before);
      std::stable_sort(order.begin(), order.end(),
                       [](const auto& a, const auto& b) { return a.first > b.first; });
      int fresh = 0;  // tries of techniques the previous block did not settle on
      for (const auto& [rank, t] : order) {
        if (rank < 2.0 && (++fresh > kProTriesPerVisit || pro_tries_left_-- <= 0)) break;
        // The local search after a kept change may have moved the visit to another day.
        if (st_.pro_at(d) < 0) break;
        if (st_.pro_at(d) == t) continue;
        const auto snap = st_.save_block(block.first, block.end());
        st_.remove_pro(d);
        if (!st_.can_use(t, d)) {
          st_.restore(snap);
          continue;
        }
        st_.add_pro(d, t);
        improve_block(k, 2);
        if (st_.total() <= snap.total + kEps) st_.restore(snap);
      }
      if (st_.pro_at(d) >= 0) settled.push_back(st_.pro_at(d));
    }
    settled_ = std::move(settled);
  }

  // A technique with a rest rule of r days fits the most uses into a week when they are exactly
  // r days apart, but the greedy fill places its first use where it gains most, often a day or
  // two late, and no single move shifts every use at once (each move of one use breaks the
  // rest rule with the next). So, for small problems, each technique of the shortlist with a
  // rest rule that the block uses, but could use more often, is tried at each offset of the
  // densest pattern: its uses removed, put back on the pattern's days at its shortest length (room
  // made by shortening what loses least), the block searched again; kept when the score rises.
  // The tries come from a budget per plan, like the professional alternatives.
  void try_rest_patterns(int k) {
    const WeekBlock block = p_.score.block(k);
    for (int t : p_.shortlist) {
      const Tech& tech = p_.tech(t);
      if (tech.rest < 2 || rest_tries_left_ <= 0) continue;
      const int cap = block_cap(tech.per_week, block.days);
      int used = 0;
      for (int d = block.first; d < block.end(); ++d) used += st_.on_day(t, d) ? 1 : 0;
      // Only a technique the week already uses: forcing one it does not use onto a pattern never
      // gained on the benchmark instances or the built-in library, and was a quarter of a plain
      // plan's cost (issue 23, fourth round).
      if (used == 0) continue;
      for (int offset = 0; offset < std::min(tech.rest, block.days) && used < cap; ++offset) {
        std::vector<int> pattern;
        for (int d = block.first + offset; d < block.end(); d += tech.rest)
          if (p_.selfcare(d)) pattern.push_back(d);
        if (static_cast<int>(pattern.size()) <= used) continue;
        if (rest_tries_left_-- <= 0) return;
        const auto snap = st_.save_block(block.first, block.end());
        for (int d = block.first; d < block.end(); ++d)
          for (int s = 0; s < p_.slots; ++s)
            for (std::size_t i = st_.slot(d, s).size(); i-- > 0;)
              if (st_.slot(d, s)[i].tech == t) st_.remove_item(d, s, i);
        int placed = 0;
        for (int d : pattern)
          if (placed < cap && st_.can_use(t, d) && squeeze_in(st_, d, t)) ++placed;
        if (placed > used) improve_block(k, 2);
        if (placed <= used || st_.total() <= snap.total + kEps) {
          st_.restore(snap);
        } else {
          used = placed;
        }
      }
    }
  }

  // Iterated local search for small problems: local search stops at a plan no single move
  // improves, often short of the optimum (a day's mix is locked in by the caps and rest rules
  // of the days around it). Each round clears a few self-care days of block k, or every use of
  // one technique in it, refills greedily and searches again; the round is kept when the
  // score rises, undone otherwise (an equal plan is undone too, so ties keep their tie-breaks:
  // variety, time of day). Rounds are drawn from the plan's seed, so the result stays
  // deterministic; they stop when they have cost `budget` effort, or after kPerturbPatience
  // rounds in a row without a gain (fewer once they are costly: kPerturbProbe before the first
  // gain, kPerturbCostlyPatience after one).
  void perturb_block(int k, int rounds, std::uint64_t budget) {
    const std::uint64_t stop = st_.effort() + budget;
    const WeekBlock block = p_.score.block(k);
    const int first = block.first;
    const int last = block.end();
    std::vector<int> days;
    for (int d = first; d < last; ++d)
      if (p_.selfcare(d)) days.push_back(d);
    if (days.size() < 2) return;
    std::uint64_t rng = p_.seed ^ (0x9e3779b97f4a7c15ULL * static_cast<std::uint64_t>(k + 1));
    int idle = 0;                        // rounds in a row without a gain
    bool gained = false;                 // whether any round of this block gained
    std::uint64_t since = st_.effort();  // the effort at the block's last gain (or the start)
    for (int r = 0; r < rounds && idle < kPerturbPatience && st_.effort() < stop && room(k) &&
                    (idle < (gained ? kPerturbCostlyPatience : kPerturbProbe) ||
                     st_.effort() - since < kPerturbProbeWork);
         ++r) {
      const auto snap = st_.save_block(first, last);  // slots and professional sessions
      const std::uint64_t pick = splitmix64(rng);
      if (pick % 3 == 0) {
        // Every use of one technique in the block: frees its cap for other days.
        std::vector<int> used;
        for (int d : days)
          for (int s = 0; s < p_.slots; ++s)
            for (const auto& it : st_.slot(d, s))
              if (std::find(used.begin(), used.end(), it.tech) == used.end())
                used.push_back(it.tech);
        if (used.empty()) {
          ++idle;
          continue;
        }
        const int t = used[static_cast<std::size_t>((pick / 3) % used.size())];
        for (int d : days)
          for (int s = 0; s < p_.slots; ++s)
            for (std::size_t i = st_.slot(d, s).size(); i-- > 0;)
              if (st_.slot(d, s)[i].tech == t) st_.remove_item(d, s, i);
      } else {
        // Two (or three) days of the block, emptied.
        const std::size_t n = days.size();
        const std::size_t a = (pick / 3) % n;
        const std::size_t b = (a + 1 + (pick / (3 * n)) % (n - 1)) % n;
        std::vector<int> clear{days[a], days[b]};
        if (pick % 3 == 2 && n > 2) {
          std::size_t c = (pick / (9 * n * n)) % n;
          while (c == a || c == b) c = (c + 1) % n;
          clear.push_back(days[c]);
        }
        for (int d : clear)
          for (int s = 0; s < p_.slots; ++s)
            while (!st_.slot(d, s).empty()) st_.remove_item(d, s, st_.slot(d, s).size() - 1);
      }
      fill_days(st_, first, last, p_.shortlist);
      improve_block(k, 2);
      if (st_.total() > snap.total + kEps) {
        idle = 0;
        gained = true;
        since = st_.effort();
      } else {
        st_.restore(snap);
        ++idle;
      }
    }
  }

  // Among plans of equal score, each technique's default minutes (SPEC §4): an item shorter
  // than its default is lengthened toward it where its slot has room (more minutes never
  // lower the score); one longer is shortened toward it while the minutes above gain nothing.
  void prefer_default_minutes() {
    for (int d = 0; d < p_.score.days(); ++d) {
      if (!p_.selfcare(d)) continue;
      for (int s = 0; s < p_.slots; ++s)
        for (std::size_t i = 0; i < st_.slot(d, s).size(); ++i) {
          const Item item = st_.slot(d, s)[i];
          const Tech& tech = p_.tech(item.tech);
          const int def = std::clamp(tech.def->duration.default_minutes, tech.min, tech.max);
          if (item.minutes < def) {
            const int more = std::min(def - item.minutes, st_.slack(d, s));
            // (v3: an adapted technique's minutes may cost; then it stays as searched.)
            if (more > 0 && st_.delta(item.tech, d, more) >= 0) st_.resize_item(d, s, i, more);
          }
          while (st_.slot(d, s)[i].minutes > def && st_.delta(item.tech, d, -1) == 0)
            st_.resize_item(d, s, i, -1);
        }
    }
  }

  const Problem& p_;
  PlanState st_;
  DayReplanner replan_;
  std::vector<int> settled_;  // the professional techniques of the previous block's visits
  int pro_tries_left_ = kProTries;
  int rest_tries_left_ = kRestTries;
  double bound_ = 0;  // the current block's upper bound (see room)
};

}  // namespace

PlanState search_plan(const Problem& p) { return Search(p).run(); }

}  // namespace mp::planner::detail
