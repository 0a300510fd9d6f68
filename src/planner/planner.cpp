#include "planner/planner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <queue>
#include <set>
#include <string>
#include <vector>

#include "model/suggest.hpp"
#include "planner/constraints.hpp"
#include "planner/score.hpp"

namespace mp::planner {
namespace {

using model::Library;
using model::Profile;
using model::Technique;

// Gains below this count as ties or as no gain at all; the score lives in [0, 1].
constexpr double kEps = 1e-12;
// Libraries with more usable techniques than this are pruned to the best per goal.
constexpr std::size_t kPruneAbove = 256;
// Local search looks at every candidate up to this many, else at a short list.
constexpr std::size_t kFullNeighbourhood = 48;
// Perturbation rounds per plan for small problems (see Search::perturb_block).
constexpr int kPerturbRounds = 64;
// … ending a block's rounds early after this many in a row without a gain.
constexpr int kPerturbPatience = 24;
// … and spending at most this many times the work of the week's first search.
constexpr std::uint64_t kPerturbWork = 12;

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// A gain per minute as an integer, so that near-equal gains tie exactly and the tie-breaks
// (variety, time of day) decide.
std::int64_t quantise(double rate) { return std::llround(rate * 1e13); }

struct Tech {
  const Technique* def = nullptr;
  std::vector<std::pair<int, double>> w;  // (goal index, weight) for the profile's goals
  int min = 1;
  int max = 1;
  int per_week = 7;
  int rest = 1;  // least days between uses
  bool therapist = false;
  double value = 0;  // priority-weighted weight per minute, for pruning and short lists
  int rank = 0;      // seeded position among equal candidates (variety)
};

struct Item {
  int tech = 0;
  int minutes = 0;
};

// Everything fixed about one planning problem, precomputed once.
struct Problem {
  int days = 0;
  int blocks = 0;
  int goals = 0;
  int slots = 0;
  std::vector<int> weekday;
  std::vector<char> selfcare;
  std::vector<char> proday;
  std::vector<int> block_len;
  std::vector<double> coef_daily;    // per goal: p_g / (2 P |A|)
  std::vector<double> coef_weekly;   // per goal: p_g / (2 P K)
  std::vector<double> daily_target;  // per goal: τ_g / 7
  std::vector<double> block_target;  // per block and goal: τ_g |k| / 7
  std::vector<int> slot_cap;
  int day_minutes = 0;  // Σ slot_cap: a self-care day's minutes
  std::vector<int> slot_start;
  std::vector<Tech> techs;
  std::vector<int> pool;       // self-care candidates (indices into techs)
  std::vector<int> shortlist;  // candidates local search tries
  std::vector<int> pros;       // therapist candidates
  int pro_minutes = 0;
  int pro_per_week = 0;
  int pro_start = 0;
  std::uint64_t seed = 0;
};

int preference(const Tech& t, int slot_start) {
  switch (t.def->time_of_day) {
    case model::TimeOfDay::kMorning:
      return slot_start < 12 * 60 ? 1 : -1;
    case model::TimeOfDay::kEvening:
      return slot_start >= 17 * 60 ? 1 : -1;
    case model::TimeOfDay::kAny:
      break;
  }
  return 0;
}

// The plan under construction with its coverage, kept in step so every move is priced
// exactly and incrementally.
class Search {
 public:
  explicit Search(const Problem& p)
      : p_(p),
        cov_(static_cast<std::size_t>(p.days * p.goals), 0.0),
        bsum_(static_cast<std::size_t>(p.blocks * p.goals), 0.0),
        used_(p.techs.size()),
        slots_(static_cast<std::size_t>(p.days * p.slots)),
        load_(static_cast<std::size_t>(p.days * p.slots), 0),
        pro_at_(static_cast<std::size_t>(p.days), -1) {}

  double total() const { return total_; }
  std::uint64_t work() const { return work_; }
  const std::vector<Item>& slot(int d, int s) const { return slots_[idx(d, s)]; }
  int pro_at(int d) const { return pro_at_[static_cast<std::size_t>(d)]; }
  int uses(int t) const { return static_cast<int>(used_[static_cast<std::size_t>(t)].size()); }

  // Score change if t's minutes on day d changed by dm (no change made).
  double delta(int t, int d, int dm) const {
    ++work_;
    const int k = d / 7;
    double sum = 0;
    for (auto [g, w] : p_.techs[static_cast<std::size_t>(t)].w) {
      const double dc = w * dm;
      const double c = cov_[ci(d, g)];
      const double s = bsum_[bi(k, g)];
      // A part met before and after the change does not move (the common case, and cheap).
      if (p_.selfcare[static_cast<std::size_t>(d)]) {
        const double tg = p_.daily_target[static_cast<std::size_t>(g)];
        if (c < tg || c + dc < tg)
          sum += p_.coef_daily[static_cast<std::size_t>(g)] *
                 (coverage_fraction(c + dc, tg) - coverage_fraction(c, tg));
      }
      const double bt = p_.block_target[bi(k, g)];
      if (s < bt || s + dc < bt)
        sum += p_.coef_weekly[static_cast<std::size_t>(g)] *
               (coverage_fraction(s + dc, bt) - coverage_fraction(s, bt));
    }
    return sum;
  }

  // Whether t may be used once more on day d: once a day, the block cap and the rest rule.
  bool can_use(int t, int d) const {
    const Tech& tech = p_.techs[static_cast<std::size_t>(t)];
    const auto& u = used_[static_cast<std::size_t>(t)];
    auto it = std::lower_bound(u.begin(), u.end(), d);
    if (it != u.end() && *it - d < tech.rest) return false;
    if (it != u.begin() && d - *(it - 1) < tech.rest) return false;
    const int k = d / 7;
    auto lo = std::lower_bound(u.begin(), u.end(), 7 * k);
    auto hi = std::lower_bound(lo, u.end(), 7 * k + p_.block_len[static_cast<std::size_t>(k)]);
    return hi - lo < block_cap(tech.per_week, p_.block_len[static_cast<std::size_t>(k)]);
  }
  // Why t cannot go on day d (assuming it is not used that day): "weekly cap" or "rest rule".
  bool blocked_by_cap(int t, int d) const {
    const Tech& tech = p_.techs[static_cast<std::size_t>(t)];
    const auto& u = used_[static_cast<std::size_t>(t)];
    const int k = d / 7;
    auto lo = std::lower_bound(u.begin(), u.end(), 7 * k);
    auto hi = std::lower_bound(lo, u.end(), 7 * k + p_.block_len[static_cast<std::size_t>(k)]);
    return hi - lo >= block_cap(tech.per_week, p_.block_len[static_cast<std::size_t>(k)]);
  }

  void add_pinned(int t, int d, int minutes) {
    mark(t, d);
    change(t, d, minutes);
  }

  void add_item(int d, int s, int t, int minutes) {
    slots_[idx(d, s)].push_back({t, minutes});
    load_[idx(d, s)] += minutes;
    mark(t, d);
    change(t, d, minutes);
  }
  void remove_item(int d, int s, std::size_t i) {
    auto& v = slots_[idx(d, s)];
    const Item item = v[i];
    change(item.tech, d, -item.minutes);
    unmark(item.tech, d);
    load_[idx(d, s)] -= item.minutes;
    v.erase(v.begin() + static_cast<std::ptrdiff_t>(i));
  }
  void resize_item(int d, int s, std::size_t i, int dm) {
    auto& item = slots_[idx(d, s)][i];
    change(item.tech, d, dm);
    item.minutes += dm;
    load_[idx(d, s)] += dm;
  }
  int slack(int d, int s) const {
    return p_.slot_cap[static_cast<std::size_t>(s)] - load_[idx(d, s)];
  }

  void add_pro(int d, int t) {
    pro_at_[static_cast<std::size_t>(d)] = t;
    mark(t, d);
    change(t, d, p_.pro_minutes);
  }
  void remove_pro(int d) {
    const int t = pro_at_[static_cast<std::size_t>(d)];
    change(t, d, -p_.pro_minutes);
    unmark(t, d);
    pro_at_[static_cast<std::size_t>(d)] = -1;
  }

  // A copy of some slots (and, for whole blocks, their professional sessions), to undo a
  // tentative move.
  struct Snapshot {
    std::vector<std::pair<int, std::vector<Item>>> slots;  // (d * S + s, items)
    int pro_first = 0;
    std::vector<int> pros;  // pro_at of days pro_first, pro_first + 1, …
    double total = 0;
  };
  Snapshot save(std::initializer_list<std::pair<int, int>> which) const {
    Snapshot snap;
    snap.total = total_;
    for (auto [d, s] : which) {
      const int key = d * p_.slots + s;
      bool dup = false;
      for (const auto& e : snap.slots) dup = dup || e.first == key;
      if (!dup) snap.slots.emplace_back(key, slots_[idx(d, s)]);
    }
    return snap;
  }
  Snapshot save_block(int first, int last) const {
    Snapshot snap;
    snap.total = total_;
    snap.pro_first = first;
    snap.pros.assign(pro_at_.begin() + first, pro_at_.begin() + last);
    for (int d = first; d < last; ++d)
      for (int s = 0; s < p_.slots; ++s)
        snap.slots.emplace_back(d * p_.slots + s, slots_[idx(d, s)]);
    return snap;
  }
  // Fills every self-care slot of days first..last-1 (a move on one day can free another).
  void fill_block(int first, int last, const std::vector<int>& cands) {
    for (int d = first; d < last; ++d)
      if (p_.selfcare[static_cast<std::size_t>(d)])
        for (int s = 0; s < p_.slots; ++s) fill(d, s, cands);
  }
  void restore(const Snapshot& snap) {
    for (std::size_t i = 0; i < snap.pros.size(); ++i) {
      const int d = snap.pro_first + static_cast<int>(i);
      if (pro_at(d) == snap.pros[i]) continue;
      if (pro_at(d) >= 0) remove_pro(d);
      if (snap.pros[i] >= 0) add_pro(d, snap.pros[i]);
    }
    for (const auto& [key, items] : snap.slots) {
      const int d = key / p_.slots;
      const int s = key % p_.slots;
      while (!slots_[idx(d, s)].empty()) remove_item(d, s, slots_[idx(d, s)].size() - 1);
      for (const auto& item : items) add_item(d, s, item.tech, item.minutes);
    }
    total_ = snap.total;  // drop rounding drift
  }

  // Greedy by gain per minute: adds at the shortest duration and one-minute extensions, from a
  // lazy heap (gains only fall as coverage grows, so a stale entry is an upper bound).
  void greedy_block(int k) {
    struct Entry {
      std::int64_t key;
      int extend;  // 1 = lengthen an item, 0 = add one; lengthening wins ties
      int pref;
      int tie;
      int t, d, s;
      std::size_t i;
    };
    auto worse = [](const Entry& a, const Entry& b) {
      if (a.key != b.key) return a.key < b.key;
      if (a.extend != b.extend) return a.extend < b.extend;
      if (a.pref != b.pref) return a.pref < b.pref;
      if (a.tie != b.tie) return a.tie < b.tie;
      if (a.d != b.d) return a.d > b.d;
      if (a.s != b.s) return a.s > b.s;
      if (a.t != b.t) return a.t > b.t;
      return a.i > b.i;
    };
    std::priority_queue<Entry, std::vector<Entry>, decltype(worse)> heap(worse);
    const int first = 7 * k;
    const int last = first + p_.block_len[static_cast<std::size_t>(k)];
    for (int d = first; d < last; ++d) {
      if (!p_.selfcare[static_cast<std::size_t>(d)]) continue;
      for (int s = 0; s < p_.slots; ++s)
        for (int t : p_.pool) {
          const Tech& tech = p_.techs[static_cast<std::size_t>(t)];
          if (tech.min > slack(d, s) || !can_use(t, d)) continue;
          const std::int64_t key = quantise(delta(t, d, tech.min) / tech.min);
          if (key <= 0) continue;
          heap.push({key, 0, preference(tech, p_.slot_start[static_cast<std::size_t>(s)]),
                     tie(t, d), t, d, s, 0});
        }
    }
    while (!heap.empty()) {
      Entry e = heap.top();
      heap.pop();
      const Tech& tech = p_.techs[static_cast<std::size_t>(e.t)];
      double rate = 0;
      if (e.extend == 0) {
        if (tech.min > slack(e.d, e.s) || !can_use(e.t, e.d)) continue;
        rate = delta(e.t, e.d, tech.min) / tech.min;
      } else {
        const Item& item = slots_[idx(e.d, e.s)][e.i];
        if (item.minutes >= tech.max || slack(e.d, e.s) < 1) continue;
        rate = delta(e.t, e.d, 1);
      }
      e.key = quantise(rate);
      if (e.key <= 0) continue;
      if (!heap.empty() && worse(e, heap.top())) {
        heap.push(e);
        continue;
      }
      if (e.extend == 0) {
        add_item(e.d, e.s, e.t, tech.min);
        e.i = slots_[idx(e.d, e.s)].size() - 1;
        e.extend = 1;
      } else {
        resize_item(e.d, e.s, e.i, 1);
      }
      if (slots_[idx(e.d, e.s)][e.i].minutes < tech.max) heap.push(e);
    }
  }

  // Fills one slot greedily, minute by minute, from the given candidates.
  void fill(int d, int s, const std::vector<int>& cands) {
    const int start = p_.slot_start[static_cast<std::size_t>(s)];
    for (;;) {
      const int free = slack(d, s);
      if (free <= 0) return;
      std::int64_t best_key = 0;
      int best_pref = 0;
      int best_tie = 0;
      int best_t = -1;
      std::size_t best_i = 0;
      bool best_extend = false;
      const auto& items = slots_[idx(d, s)];
      for (std::size_t i = 0; i < items.size(); ++i) {
        const Tech& tech = p_.techs[static_cast<std::size_t>(items[i].tech)];
        if (items[i].minutes >= tech.max) continue;
        const std::int64_t key = quantise(delta(items[i].tech, d, 1));
        if (key > best_key || (key == best_key && key > 0 && !best_extend)) {
          best_key = key;
          best_extend = true;
          best_i = i;
          best_t = items[i].tech;
        }
      }
      for (int t : cands) {
        const Tech& tech = p_.techs[static_cast<std::size_t>(t)];
        if (tech.min > free || !can_use(t, d)) continue;
        const std::int64_t key = quantise(delta(t, d, tech.min) / tech.min);
        if (key <= 0 || key < best_key) continue;
        const int pref = preference(tech, start);
        const int tb = tie(t, d);
        if (key == best_key &&
            (best_extend || pref < best_pref || (pref == best_pref && tb <= best_tie)))
          continue;
        best_key = key;
        best_extend = false;
        best_t = t;
        best_pref = pref;
        best_tie = tb;
      }
      if (best_key <= 0) return;
      if (best_extend)
        resize_item(d, s, best_i, 1);
      else
        add_item(d, s, best_t, p_.techs[static_cast<std::size_t>(best_t)].min);
    }
  }

  // Local search inside block k until no move improves the score (or the pass limit). Small
  // problems use day-level moves (a day's items re-packed into its slots exactly); large ones
  // use cheaper slot-level moves. The moves run in a fixed cycle, and the search stops as soon
  // as every move of the cycle has failed since the last gain: they would fail again on the
  // same plan (that is where a last pass over the whole cycle would end the search too).
  void improve_block(int k, int max_passes) {
    const int first = 7 * k;
    const int last = first + p_.block_len[static_cast<std::size_t>(k)];
    const auto& cands = p_.shortlist;
    const bool by_day = p_.pool.size() <= kFullNeighbourhood;
    enum class Move { kDay, kDayMoves, kDayDp, kShorten, kReplace, kSqueeze, kMove, kSwaps, kPros };
    struct Step {
      Move move;
      int d, s;
    };
    std::vector<Step> cycle;
    for (int d = first; d < last; ++d) {
      if (!p_.selfcare[static_cast<std::size_t>(d)]) continue;
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
          return try_day(step.d, cands);
        case Move::kDayMoves:
          return try_day_moves(step.d, first, last, cands);
        case Move::kDayDp:
          return try_day_dp(step.d, cands);
        case Move::kShorten:
          return try_shorten(step.d, step.s, cands);
        case Move::kReplace:
          return try_replace(step.d, step.s, cands);
        case Move::kSqueeze:
          return try_squeeze(step.d, step.s, cands);
        case Move::kMove:
          return try_move(step.d, step.s, first, last, cands);
        case Move::kSwaps:
          return try_swaps(first, last, cands);
        case Move::kPros:
          return try_pro_moves(first, last);
      }
      return false;
    };
    const std::size_t n = cycle.size();
    std::size_t failed = 0;  // moves in a row without a gain
    for (std::size_t i = 0; i < n * static_cast<std::size_t>(max_passes) && failed < n; ++i) {
      if (block_met(k)) return;  // nothing left to gain in this block
      failed = run(cycle[i % n]) ? 0 : failed + 1;
    }
  }

  // Iterated local search for small problems: local search stops at a plan no single move
  // improves, often short of the optimum (a day's mix is locked in by the caps and rest rules
  // of the days around it). Each round clears a few self-care days of block k, or every use of
  // one technique in it, refills greedily and searches again; the round is kept when the
  // score rises, undone otherwise (an equal plan is undone too, so ties keep their tie-breaks:
  // variety, time of day). Rounds are drawn from the plan's seed, so the
  // result stays deterministic.
  void perturb_block(int k, int rounds, std::uint64_t budget) {
    const std::uint64_t stop = work_ + budget;
    const int first = 7 * k;
    const int last = first + p_.block_len[static_cast<std::size_t>(k)];
    std::vector<int> days;
    for (int d = first; d < last; ++d)
      if (p_.selfcare[static_cast<std::size_t>(d)]) days.push_back(d);
    if (days.size() < 2) return;
    std::uint64_t rng = p_.seed ^ (0x9e3779b97f4a7c15ULL * static_cast<std::uint64_t>(k + 1));
    int idle = 0;  // rounds in a row without a gain
    for (int r = 0; r < rounds && idle < kPerturbPatience && work_ < stop && !block_met(k); ++r) {
      const Snapshot snap = save_block(first, last);  // slots and professional sessions
      const std::uint64_t pick = splitmix64(rng);
      if (pick % 3 == 0) {
        // Every use of one technique in the block: frees its cap for other days.
        std::vector<int> used;
        for (int d : days)
          for (int s = 0; s < p_.slots; ++s)
            for (const auto& it : slots_[idx(d, s)])
              if (std::find(used.begin(), used.end(), it.tech) == used.end())
                used.push_back(it.tech);
        if (used.empty()) {
          ++idle;
          continue;
        }
        const int t = used[static_cast<std::size_t>((pick / 3) % used.size())];
        for (int d : days)
          for (int s = 0; s < p_.slots; ++s)
            for (std::size_t i = slots_[idx(d, s)].size(); i-- > 0;)
              if (slots_[idx(d, s)][i].tech == t) remove_item(d, s, i);
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
            while (!slots_[idx(d, s)].empty()) remove_item(d, s, slots_[idx(d, s)].size() - 1);
      }
      fill_days(first, last, p_.shortlist);
      improve_block(k, 2);
      if (total_ > snap.total + kEps) {
        idle = 0;
      } else {
        restore(snap);
        ++idle;
      }
    }
  }

  // Whether every goal meets its target in block k and on each of its self-care days: then
  // the block adds all it can to the score and no move inside it can gain. "Meets" allows what
  // rounding leaves (a sum of weight × minutes may land an ulp below a target it reaches): the
  // test is that all the block's parts together lack less than any move must gain.
  bool block_met(int k) const {
    const int first = 7 * k;
    return met(k, first, first + p_.block_len[static_cast<std::size_t>(k)]);
  }
  // The same for block k's weekly parts and the daily parts of its days first..last-1.
  bool met(int k, int first, int last) const {
    double lack = 0;
    for (int g = 0; g < p_.goals; ++g) {
      const auto gi = static_cast<std::size_t>(g);
      lack += p_.coef_weekly[gi] *
              (1.0 - coverage_fraction(bsum_[bi(k, g)], p_.block_target[bi(k, g)]));
      for (int d = first; d < last; ++d)
        if (p_.selfcare[static_cast<std::size_t>(d)])
          lack +=
              p_.coef_daily[gi] * (1.0 - coverage_fraction(cov_[ci(d, g)], p_.daily_target[gi]));
    }
    return lack <= kEps / 2;
  }

  // --- Day-level moves. The score depends only on each day's minutes per technique, so a
  // day's items may be re-packed into its slots at will. ---

  std::vector<Item> day_items(int d) const {
    std::vector<Item> items;
    for (int s = 0; s < p_.slots; ++s)
      for (const auto& it : slots_[idx(d, s)]) items.push_back(it);
    return items;
  }

  // Assigns items to slots by a bounded exact search, longest first; false when they do not fit.
  bool pack(std::vector<Item>& items, std::vector<int>& where) const {
    // Longest first, equal lengths in their order (a stable insertion sort: a day holds few).
    for (std::size_t i = 1; i < items.size(); ++i) {
      const Item x = items[i];
      std::size_t j = i;
      for (; j > 0 && items[j - 1].minutes < x.minutes; --j) items[j] = items[j - 1];
      items[j] = x;
    }
    where.assign(items.size(), 0);
    auto& free = pack_free_;
    free.assign(p_.slot_cap.begin(), p_.slot_cap.end());
    long budget = 20000;
    auto dfs = [&](auto&& self, std::size_t i) -> bool {
      if (i == items.size()) return true;
      if (--budget < 0) return false;
      for (int s = 0; s < p_.slots; ++s) {
        auto& f = free[static_cast<std::size_t>(s)];
        if (f < items[i].minutes) continue;
        f -= items[i].minutes;
        where[i] = s;
        if (self(self, i + 1)) return true;
        f += items[i].minutes;
      }
      return false;
    };
    return dfs(dfs, 0);
  }
  bool fits(std::vector<Item> items) const {
    std::vector<int> where;
    return pack(items, where);
  }
  // Replaces day d's items by `items`, re-packed; false (and no change) when they do not fit.
  bool set_day(int d, std::vector<Item> items) {
    std::vector<int> where;
    if (!pack(items, where)) return false;
    for (int s = 0; s < p_.slots; ++s)
      while (!slots_[idx(d, s)].empty()) remove_item(d, s, slots_[idx(d, s)].size() - 1);
    for (std::size_t i = 0; i < items.size(); ++i)
      add_item(d, where[i], items[i].tech, items[i].minutes);
    return true;
  }
  bool on_day(int t, int d) const {
    const auto& u = used_[static_cast<std::size_t>(t)];
    return std::binary_search(u.begin(), u.end(), d);
  }

  // Greedy fill of a whole day, by gain per minute, re-packing as needed: each step takes the
  // best option (lengthen an item by a minute or add a technique at its shortest) that still
  // fits. Gains only fall as the day fills, so options wait in a lazy heap, re-priced only when
  // they reach its top; one that no longer fits, or gains nothing, never will again.
  void fill_day(int d, const std::vector<int>& cands) {
    struct Option {
      std::int64_t key;
      int extend;  // 1 = lengthen the day's item of t, 0 = add t
      int tie;
      int t;
    };
    auto worse = [](const Option& a, const Option& b) {
      if (a.key != b.key) return a.key < b.key;
      if (a.extend != b.extend) return a.extend < b.extend;
      if (a.tie != b.tie) return a.tie < b.tie;
      return a.t > b.t;
    };
    auto free_minutes = [&] {
      int free = 0;
      for (int s = 0; s < p_.slots; ++s) free += slack(d, s);
      return free;
    };
    // The option's gain per minute now, or 0 when it can no longer be taken.
    auto price = [&](const Option& o, int free) -> std::int64_t {
      const Tech& tech = p_.techs[static_cast<std::size_t>(o.t)];
      if (o.extend == 0) {
        if (tech.min > free || !can_use(o.t, d)) return 0;
        return quantise(delta(o.t, d, tech.min) / tech.min);
      }
      for (int s = 0; s < p_.slots; ++s)
        for (const auto& it : slots_[idx(d, s)])
          if (it.tech == o.t) return it.minutes < tech.max ? quantise(delta(o.t, d, 1)) : 0;
      return 0;
    };
    int free = free_minutes();
    if (free <= 0) return;
    std::priority_queue<Option, std::vector<Option>, decltype(worse)> heap(worse);
    for (const auto& it : day_items(d)) {
      const Option o{0, 1, 0, it.tech};
      if (const std::int64_t key = price(o, free); key > 0) heap.push({key, 1, 0, it.tech});
    }
    for (int t : cands) {
      const Option o{0, 0, tie(t, d), t};
      if (const std::int64_t key = price(o, free); key > 0) heap.push({key, 0, o.tie, t});
    }
    while (!heap.empty()) {
      Option o = heap.top();
      heap.pop();
      const std::int64_t key = price(o, free);
      if (key <= 0) continue;
      if (key != o.key) {
        o.key = key;
        if (!heap.empty() && worse(o, heap.top())) {
          heap.push(o);
          continue;
        }
      }
      auto next = day_items(d);
      if (o.extend == 1) {
        for (auto& it : next)
          if (it.tech == o.t) ++it.minutes;
      } else {
        next.push_back({o.t, p_.techs[static_cast<std::size_t>(o.t)].min});
      }
      if (!set_day(d, next)) continue;  // a fuller day will not take it either
      free = free_minutes();
      if (free <= 0) return;
      const Option more{0, 1, 0, o.t};
      if (const std::int64_t k = price(more, free); k > 0) heap.push({k, 1, 0, o.t});
    }
  }

  // Makes room on day d for t at its shortest duration by shortening or dropping the items
  // that lose least per minute freed; false when no room can be made.
  bool squeeze_in(int d, int t) {
    const int need = p_.techs[static_cast<std::size_t>(t)].min;
    for (;;) {
      auto items = day_items(d);
      items.push_back({t, need});
      if (fits(items)) return set_day(d, items);
      items.pop_back();
      if (items.empty()) return false;
      std::size_t best_i = items.size();
      bool best_drop = false;
      double best_rate = 0;
      for (std::size_t i = 0; i < items.size(); ++i) {
        const Tech& tech = p_.techs[static_cast<std::size_t>(items[i].tech)];
        const double drop = delta(items[i].tech, d, -items[i].minutes) / items[i].minutes;
        if (best_i == items.size() || drop > best_rate) {
          best_i = i;
          best_drop = true;
          best_rate = drop;
        }
        if (items[i].minutes > tech.min) {
          const double cut = delta(items[i].tech, d, -1);
          if (cut > best_rate) {
            best_i = i;
            best_drop = false;
            best_rate = cut;
          }
        }
      }
      if (best_drop)
        items.erase(items.begin() + static_cast<std::ptrdiff_t>(best_i));
      else
        --items[best_i].minutes;
      set_day(d, items);
    }
  }

  Snapshot save_day(int d) const { return save_block(d, d + 1); }
  void fill_days(int first, int last, const std::vector<int>& cands) {
    for (int d = first; d < last; ++d)
      if (p_.selfcare[static_cast<std::size_t>(d)]) fill_day(d, cands);
  }

  // The few candidates that serve day d best per minute right now (replacement is costly).
  std::vector<int> day_shortlist(int d, const std::vector<int>& cands) const {
    constexpr std::size_t kKeep = 12;
    if (cands.size() <= kKeep) return cands;
    std::vector<std::pair<double, int>> rated;
    for (int t : cands) {
      const Tech& tech = p_.techs[static_cast<std::size_t>(t)];
      if (on_day(t, d) || !can_use(t, d)) continue;
      rated.emplace_back(delta(t, d, tech.min) / tech.min, t);
    }
    const std::size_t n = std::min(kKeep, rated.size());
    std::partial_sort(rated.begin(), rated.begin() + static_cast<std::ptrdiff_t>(n), rated.end(),
                      [](const auto& a, const auto& b) {
                        return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    std::vector<int> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(rated[i].second);
    return out;
  }

  // One day: shorten an item, replace or drop an item, or squeeze in a new technique.
  bool try_day(int d, const std::vector<int>& all) {
    bool improved = false;
    const auto cands = day_shortlist(d, all);
    const auto base_items = day_items(d);
    for (std::size_t i = 0; i < base_items.size(); ++i) {
      auto snap = save_day(d);
      auto items = day_items(d);
      if (i >= items.size()) break;
      if (items[i].minutes > p_.techs[static_cast<std::size_t>(items[i].tech)].min) {
        --items[i].minutes;
        set_day(d, items);
        fill_day(d, cands);
        if (total_ > snap.total + kEps) {
          improved = true;
          continue;
        }
        restore(snap);
      }
    }
    // Replace item i by t (t = -1: drop it; i = none: only add t).
    for (std::size_t i = 0; i <= day_items(d).size(); ++i) {
      auto snap = save_day(d);
      const auto items = day_items(d);
      if (i > items.size()) break;
      double best = snap.total + kEps;
      int best_t = -2;
      auto attempt = [&](int t) {
        if (i < items.size()) {
          auto rest = items;
          rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(i));
          set_day(d, rest);
        }
        if (t >= 0 && (on_day(t, d) || !can_use(t, d) || !squeeze_in(d, t))) return false;
        fill_day(d, cands);
        return true;
      };
      for (int c = -1, n = static_cast<int>(cands.size()); c < n; ++c) {
        const int t = c < 0 ? -1 : cands[static_cast<std::size_t>(c)];
        if (i == items.size() && t < 0) continue;
        if (t >= 0 && on_day(t, d)) continue;
        if (attempt(t) && total_ > best) {
          best = total_;
          best_t = t;
        }
        restore(snap);
      }
      if (best_t != -2) {
        attempt(best_t);
        improved = true;
      }
    }
    return improved;
  }

  // Re-plans day d as a whole: a knapsack over the slots' loads (exact packing) of the day's
  // items and its best few other candidates, each at any length in its range, keeping the few
  // best partial plans per load by the exact concave score given the rest of the block.
  // Bounded: only small slot grids, a short candidate list and a narrow beam.
  bool try_day_dp(int d, const std::vector<int>& all) {
    constexpr std::size_t kBeam = 4;
    constexpr std::size_t kOthers = 14;
    constexpr int kMaxStates = 512;
    if (p_.slots == 0 || p_.slots > 3) return false;
    // Nothing to gain when every goal is already met on this day and in its block.
    if (met(d / 7, d, d + 1)) return false;
    int states = 1;
    for (int cap : p_.slot_cap) {
      states *= cap + 1;
      if (states > kMaxStates) return false;
    }
    if (day_cannot_gain(d, all)) return false;
    auto snap = save_day(d);
    const auto before = day_items(d);
    set_day(d, {});
    // Candidates: the day's items, then the best others per minute on the emptied day.
    std::vector<int> cands;
    for (const auto& it : before)
      if (can_use(it.tech, d)) cands.push_back(it.tech);
    {
      std::vector<std::pair<double, int>> rated;
      for (int t : all) {
        if (std::find(cands.begin(), cands.end(), t) != cands.end() || !can_use(t, d)) continue;
        const Tech& tech = p_.techs[static_cast<std::size_t>(t)];
        const double r = delta(t, d, tech.min) / tech.min;
        if (r > 0) rated.emplace_back(r, t);
      }
      const std::size_t n = std::min(kOthers, rated.size());
      std::partial_sort(rated.begin(), rated.begin() + static_cast<std::ptrdiff_t>(n), rated.end(),
                        [](const auto& a, const auto& b) {
                          return a.first != b.first ? a.first > b.first : a.second < b.second;
                        });
      for (std::size_t i = 0; i < n; ++i) cands.push_back(rated[i].second);
    }
    // Goals the candidates touch, with the day's and block's coverage without the day's items.
    const int k = d / 7;
    const bool self = p_.selfcare[static_cast<std::size_t>(d)] != 0;
    std::vector<int> gmap(static_cast<std::size_t>(p_.goals), -1);
    std::vector<int> goals;
    for (int t : cands)
      for (auto [g, w] : p_.techs[static_cast<std::size_t>(t)].w)
        if (gmap[static_cast<std::size_t>(g)] < 0) {
          gmap[static_cast<std::size_t>(g)] = static_cast<int>(goals.size());
          goals.push_back(g);
        }
    const std::size_t G = goals.size();
    if (G == 0 || cands.empty()) {
      restore(snap);
      return false;
    }
    // Per goal: (coefficient, coverage so far, target) of the daily and the weekly part.
    struct Part {
      double coef, base, target;
    };
    std::vector<Part> parts;
    for (int g : goals) {
      const auto gi = static_cast<std::size_t>(g);
      parts.push_back({self ? p_.coef_daily[gi] : 0.0, cov_[ci(d, g)], p_.daily_target[gi]});
      parts.push_back({p_.coef_weekly[gi], bsum_[bi(k, g)], p_.block_target[bi(k, g)]});
    }
    std::vector<double> slope;  // per part: score per unit of coverage below the target
    for (const Part& part : parts) slope.push_back(part.target > 0 ? part.coef / part.target : 0);
    auto value = [&](const double* c) {
      double v = 0;
      for (std::size_t j = 0; j < G; ++j) {
        const Part& a = parts[2 * j];
        const Part& b = parts[2 * j + 1];
        v += a.coef * coverage_fraction(a.base + c[j], a.target) +
             b.coef * coverage_fraction(b.base + c[j], b.target);
      }
      return v;
    };
    // An upper bound on what the candidates from `from` on can still add to coverage c: the
    // score is concave in coverage, so no minute gains more than the best candidate's gain per
    // minute at c (its right derivative), and no goal's part more than it lacks to its target.
    struct Bound {
      double rate, headroom;
    };
    // The best rate depends only on the first candidate left and on which parts are still
    // below their targets: with few parts, it is worked out once per such pair.
    const std::size_t P = parts.size();
    const bool memo = P <= 10;
    std::vector<double> rate_memo(memo ? (cands.size() + 1) << P : 0, -1.0);
    auto bound_at = [&](const double* c, std::size_t from) {
      Bound out{0, 0};
      unsigned below = 0;
      for (std::size_t q = 0; q < P; ++q) {
        if (memo && parts[q].base + c[q / 2] < parts[q].target) below |= 1U << q;
        out.headroom +=
            parts[q].coef * (1.0 - coverage_fraction(parts[q].base + c[q / 2], parts[q].target));
      }
      double* known = memo ? &rate_memo[(from << P) | below] : nullptr;
      if (known != nullptr && *known >= 0) {
        out.rate = *known;
        return out;
      }
      for (std::size_t i = from; i < cands.size(); ++i) {
        double r = 0;
        for (auto [g, w] : p_.techs[static_cast<std::size_t>(cands[i])].w) {
          const auto j = static_cast<std::size_t>(gmap[static_cast<std::size_t>(g)]);
          for (std::size_t q = 2 * j; q < 2 * j + 2; ++q)
            if (parts[q].base + c[j] < parts[q].target) r += w * slope[q];
        }
        out.rate = std::max(out.rate, r);
      }
      if (known != nullptr) *known = out.rate;
      return out;
    };
    // The value of the day as it is: a partial plan that cannot beat it is not worth keeping.
    double floor = 0;
    {
      std::vector<double> c0(G, 0.0);
      for (const auto& it : before)
        for (auto [g, w] : p_.techs[static_cast<std::size_t>(it.tech)].w)
          c0[static_cast<std::size_t>(gmap[static_cast<std::size_t>(g)])] += w * it.minutes;
      floor = value(c0.data());
    }
    const int capacity = p_.day_minutes;
    // Layered beam: per layer and load state, the kBeam best partial plans (value, coverage,
    // parent entry, choice). The buffers live in the Search and are reused from call to call.
    std::vector<int> radix(static_cast<std::size_t>(p_.slots), 1);
    for (int s = 1; s < p_.slots; ++s)
      radix[static_cast<std::size_t>(s)] = radix[static_cast<std::size_t>(s - 1)] *
                                           (p_.slot_cap[static_cast<std::size_t>(s - 1)] + 1);
    if (beam_.size() < cands.size() + 1) beam_.resize(cands.size() + 1);
    for (std::size_t li = 0; li <= cands.size(); ++li) {
      beam_[li].entries.clear();
      beam_[li].cov.clear();
      beam_[li].state.clear();
    }
    std::vector<double> zero(G, 0.0);
    beam_[0].entries.push_back({value(zero.data()), -1, 0, -1});
    beam_[0].cov.assign(G, 0.0);
    beam_[0].state.push_back(0);
    std::vector<int> in_state(static_cast<std::size_t>(states) * kBeam);
    std::vector<unsigned char> count(static_cast<std::size_t>(states));
    std::vector<double> mc;  // per length m: coverage (G each)
    std::vector<double> mv;  // per length m: value
    for (std::size_t li = 0; li < cands.size(); ++li) {
      const BeamLayer& prev = beam_[li];
      BeamLayer& next = beam_[li + 1];
      std::fill(count.begin(), count.end(), 0);
      const Tech& tech = p_.techs[static_cast<std::size_t>(cands[li])];
      auto offer = [&](int state, double v, int parent, int minutes, int slot, const double* cv) {
        int* list = in_state.data() + static_cast<std::size_t>(state) * kBeam;
        const std::size_t n = count[static_cast<std::size_t>(state)];
        std::size_t worst = 0;
        if (n >= kBeam) {
          for (std::size_t i = 1; i < n; ++i)
            if (next.entries[static_cast<std::size_t>(list[i])].v <
                next.entries[static_cast<std::size_t>(list[worst])].v)
              worst = i;
          if (next.entries[static_cast<std::size_t>(list[worst])].v >= v) return;
        }
        for (std::size_t i = 0; i < n; ++i) {  // same coverage: keep the first
          const double* ec = next.cov.data() + static_cast<std::size_t>(list[i]) * G;
          bool same = true;
          for (std::size_t j = 0; j < G && same; ++j) same = std::abs(ec[j] - cv[j]) < 1e-9;
          if (same) return;
        }
        if (n >= kBeam) {
          const int e = list[worst];
          next.entries[static_cast<std::size_t>(e)] = {v, parent, minutes, slot};
          std::copy(
              cv, cv + G,
              next.cov.begin() + static_cast<std::ptrdiff_t>(e) * static_cast<std::ptrdiff_t>(G));
          return;
        }
        list[n] = static_cast<int>(next.entries.size());
        ++count[static_cast<std::size_t>(state)];
        next.entries.push_back({v, parent, minutes, slot});
        next.cov.insert(next.cov.end(), cv, cv + G);
        next.state.push_back(state);
      };
      for (std::size_t e = 0; e < prev.entries.size(); ++e) {
        const double* pc = prev.cov.data() + e * G;
        const int state = prev.state[e];
        int filled = 0;  // minutes over all slots
        for (int s = 0; s < p_.slots; ++s)
          filled += state / radix[static_cast<std::size_t>(s)] %
                    (p_.slot_cap[static_cast<std::size_t>(s)] + 1);
        // Children have at least this coverage, so these bounds hold for them too.
        const Bound bound = bound_at(pc, li + 1);
        auto hopeless = [&](double v, int used) {
          return v + std::min(bound.rate * (capacity - used), bound.headroom) <= floor;
        };
        if (!hopeless(prev.entries[e].v, filled))
          offer(state, prev.entries[e].v, static_cast<int>(e), 0, -1, pc);
        // The value of each length does not depend on the slot: price each once.
        int room_max = 0;
        for (int s = 0; s < p_.slots; ++s)
          room_max = std::max(room_max, p_.slot_cap[static_cast<std::size_t>(s)] -
                                            state / radix[static_cast<std::size_t>(s)] %
                                                (p_.slot_cap[static_cast<std::size_t>(s)] + 1));
        const int top = std::min(tech.max, room_max);
        if (top < tech.min) continue;
        const auto lengths = static_cast<std::size_t>(top - tech.min + 1);
        mc.resize(lengths * G);
        mv.resize(lengths);
        for (int m = tech.min; m <= top; ++m) {
          double* c = mc.data() + static_cast<std::size_t>(m - tech.min) * G;
          std::copy(pc, pc + G, c);
          for (auto [g, w] : tech.w)
            c[static_cast<std::size_t>(gmap[static_cast<std::size_t>(g)])] += w * m;
          mv[static_cast<std::size_t>(m - tech.min)] = value(c);
        }
        for (int s = 0; s < p_.slots; ++s) {
          const int load = state / radix[static_cast<std::size_t>(s)] %
                           (p_.slot_cap[static_cast<std::size_t>(s)] + 1);
          const int room = p_.slot_cap[static_cast<std::size_t>(s)] - load;
          for (int m = tech.min; m <= std::min(tech.max, room); ++m) {
            const auto i = static_cast<std::size_t>(m - tech.min);
            if (hopeless(mv[i], filled + m)) continue;
            offer(state + m * radix[static_cast<std::size_t>(s)], mv[i], static_cast<int>(e), m, s,
                  mc.data() + i * G);
          }
        }
      }
    }
    const BeamLayer& last = beam_[cands.size()];
    if (last.entries.empty()) {
      restore(snap);
      return false;
    }
    std::size_t best = 0;
    for (std::size_t e = 1; e < last.entries.size(); ++e)
      if (last.entries[e].v > last.entries[best].v) best = e;
    std::vector<Item> items;
    int e = static_cast<int>(best);
    for (std::size_t li = cands.size(); li > 0; --li) {
      const BeamEntry& en = beam_[li].entries[static_cast<std::size_t>(e)];
      if (en.minutes > 0) items.push_back({cands[li - 1], en.minutes});
      e = en.parent;
    }
    if (set_day(d, items) && total_ > snap.total + kEps) return true;
    restore(snap);
    return false;
  }

  // Whether no other plan for day d, made of its items and the candidates in `all`, can beat
  // it (a proof, so the day re-plan need not run). The score is concave in the day's coverage
  // c, so for a supergradient g of it at the day's coverage c0 every day plan x scores at most
  // score(c0) + g·(c(x) − c0); the most g·c(x) can be is a fractional knapsack over the day's
  // minutes (each technique up to its longest length that fits a slot). When that bound does
  // not exceed the day's score, the day is optimal. A goal part exactly at its target may take
  // any slope between 0 and its own; both ends are tried.
  bool day_cannot_gain(int d, const std::vector<int>& all) const {
    const int k = d / 7;
    const bool self = p_.selfcare[static_cast<std::size_t>(d)] != 0;
    const auto G = static_cast<std::size_t>(p_.goals);
    struct Part {
      double slope;  // score per unit of coverage below the target
      double gap;    // target minus coverage when slightly below it, else 0
      bool kink;     // at (or within rounding of) the target: slope 0 is allowed too
      bool below;    // strictly below the target (outside the rounding band)
    };
    std::vector<Part> parts(2 * G);
    std::vector<std::size_t> kinks;
    for (std::size_t g = 0; g < G; ++g)
      for (int weekly = 0; weekly < 2; ++weekly) {
        const double coef = weekly ? p_.coef_weekly[g] : (self ? p_.coef_daily[g] : 0.0);
        const double target =
            weekly ? p_.block_target[bi(k, static_cast<int>(g))] : p_.daily_target[g];
        const double y =
            weekly ? bsum_[bi(k, static_cast<int>(g))] : cov_[ci(d, static_cast<int>(g))];
        Part& part = parts[2 * g + static_cast<std::size_t>(weekly)];
        part = {0, 0, false, false};
        if (coef <= 0 || target <= 0 || y > target) continue;
        part.slope = coef / target;
        if (target - y <= 1e-9 * target) {
          part.kink = true;
          part.gap = target - y;
          kinks.push_back(2 * g + static_cast<std::size_t>(weekly));
        } else {
          part.below = true;
        }
      }
    if (kinks.size() > 8) return false;
    std::vector<double> c0(G, 0.0);
    std::vector<int> techs;
    for (int s = 0; s < p_.slots; ++s)
      for (const auto& it : slots_[idx(d, s)]) {
        techs.push_back(it.tech);
        for (auto [g, w] : p_.techs[static_cast<std::size_t>(it.tech)].w)
          c0[static_cast<std::size_t>(g)] += w * it.minutes;
      }
    for (int t : all)
      if (!on_day(t, d) && can_use(t, d)) techs.push_back(t);
    const int capacity = p_.day_minutes;
    const int longest = *std::max_element(p_.slot_cap.begin(), p_.slot_cap.end());
    std::vector<double> slope(2 * G);
    std::vector<std::pair<double, int>> rates;
    for (unsigned pick = 0; pick < (1U << kinks.size()); ++pick) {
      double bound = 0;  // best score(c(x)) - score(c0) by this supergradient
      for (std::size_t q = 0; q < 2 * G; ++q) slope[q] = parts[q].below ? parts[q].slope : 0.0;
      for (std::size_t i = 0; i < kinks.size(); ++i) {
        const Part& part = parts[kinks[i]];
        if ((pick >> i & 1U) != 0)
          slope[kinks[i]] = part.slope;
        else
          bound += part.slope * part.gap;  // slope 0 just below the target costs this much
      }
      for (std::size_t g = 0; g < G; ++g) bound -= (slope[2 * g] + slope[2 * g + 1]) * c0[g];
      rates.clear();
      for (int t : techs) {
        const Tech& tech = p_.techs[static_cast<std::size_t>(t)];
        double r = 0;
        for (auto [g, w] : tech.w)
          r += w * (slope[2 * static_cast<std::size_t>(g)] +
                    slope[2 * static_cast<std::size_t>(g) + 1]);
        if (r > 0) rates.emplace_back(r, std::min(tech.max, longest));
      }
      std::sort(rates.begin(), rates.end(),
                [](const auto& a, const auto& b) { return a.first > b.first; });
      int left = capacity;
      for (auto [r, m] : rates) {
        const int take = std::min(m, left);
        bound += r * take;
        left -= take;
        if (left == 0) break;
      }
      if (bound <= kEps / 2) return true;
    }
    return false;
  }

  // Move one of day d's items to another day of the block, making room there.
  bool try_day_moves(int d, int first, int last, const std::vector<int>& cands) {
    bool improved = false;
    for (std::size_t i = 0; i < day_items(d).size(); ++i) {
      for (int d2 = first; d2 < last; ++d2) {
        if (d2 == d || !p_.selfcare[static_cast<std::size_t>(d2)]) continue;
        auto items = day_items(d);
        if (i >= items.size()) break;
        const int t = items[i].tech;
        auto snap = save_block(first, last);
        items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
        set_day(d, items);
        if (can_use(t, d2) && squeeze_in(d2, t)) {
          fill_days(first, last, cands);
          if (total_ > snap.total + kEps) {
            improved = true;
            break;
          }
        }
        restore(snap);
      }
    }
    return improved;
  }

  // Professional sessions for block k: up to the cap, each at the best (gain, variety) day.
  void place_pros(int k) {
    if (p_.pros.empty()) return;
    const int first = 7 * k;
    const int len = p_.block_len[static_cast<std::size_t>(k)];
    const int cap = block_cap(p_.pro_per_week, len);
    for (int n = 0; n < cap; ++n) {
      std::int64_t best_key = -1;
      int best_tie = 0;
      int best_t = -1;
      int best_d = -1;
      for (int d = first; d < first + len; ++d) {
        if (!p_.proday[static_cast<std::size_t>(d)] || pro_at(d) >= 0) continue;
        for (int t : p_.pros) {
          if (!can_use(t, d)) continue;
          const std::int64_t key = quantise(delta(t, d, p_.pro_minutes));
          const int tb = tie(t, d);
          if (key > best_key || (key == best_key && tb > best_tie)) {
            best_key = key;
            best_tie = tb;
            best_t = t;
            best_d = d;
          }
        }
      }
      if (best_t < 0) return;
      add_pro(best_d, best_t);
    }
  }

 private:
  std::size_t idx(int d, int s) const { return static_cast<std::size_t>(d * p_.slots + s); }
  std::size_t ci(int d, int g) const { return static_cast<std::size_t>(d * p_.goals + g); }
  std::size_t bi(int k, int g) const { return static_cast<std::size_t>(k * p_.goals + g); }

  // Higher is preferred among equal gains: rotates the seeded order by day so that equal
  // techniques take turns across days and weeks.
  int tie(int t, int d) const {
    const int n = static_cast<int>(p_.techs.size());
    const int r = p_.techs[static_cast<std::size_t>(t)].rank;
    return -(((r - d - d / 7) % n + n) % n);
  }

  void mark(int t, int d) {
    auto& u = used_[static_cast<std::size_t>(t)];
    u.insert(std::upper_bound(u.begin(), u.end(), d), d);
  }
  void unmark(int t, int d) {
    auto& u = used_[static_cast<std::size_t>(t)];
    auto it = std::lower_bound(u.begin(), u.end(), d);
    if (it != u.end() && *it == d) u.erase(it);
  }
  void change(int t, int d, int dm) {
    const int k = d / 7;
    total_ += delta(t, d, dm);
    for (auto [g, w] : p_.techs[static_cast<std::size_t>(t)].w) {
      cov_[ci(d, g)] += w * dm;
      bsum_[bi(k, g)] += w * dm;
    }
  }

  // Shorten an item by one minute and refill the slot.
  bool try_shorten(int d, int s, const std::vector<int>& cands) {
    bool improved = false;
    for (std::size_t i = 0; i < slots_[idx(d, s)].size(); ++i) {
      const Item item = slots_[idx(d, s)][i];
      if (item.minutes <= p_.techs[static_cast<std::size_t>(item.tech)].min) continue;
      auto snap = save({{d, s}});
      resize_item(d, s, i, -1);
      fill(d, s, cands);
      if (total_ > snap.total + kEps)
        improved = true;
      else
        restore(snap);
    }
    return improved;
  }

  // Replace an item by another technique (or by nothing) and refill the slot; best wins.
  bool try_replace(int d, int s, const std::vector<int>& cands) {
    bool improved = false;
    for (std::size_t i = 0; i < slots_[idx(d, s)].size(); ++i) {
      const int old = slots_[idx(d, s)][i].tech;
      auto snap = save({{d, s}});
      double best = snap.total + kEps;
      int best_t = -2;
      auto attempt = [&](int t) {
        remove_item(d, s, i);
        if (t >= 0) {
          const Tech& tech = p_.techs[static_cast<std::size_t>(t)];
          if (tech.min > slack(d, s) || !can_use(t, d)) return false;
          add_item(d, s, t, tech.min);
        }
        fill(d, s, cands);
        return true;
      };
      for (int t = -1, n = static_cast<int>(cands.size()); t < n; ++t) {
        const int cand = t < 0 ? -1 : cands[static_cast<std::size_t>(t)];
        if (cand == old) continue;
        const bool ok = attempt(cand);
        if (ok && total_ > best) {
          best = total_;
          best_t = cand;
        }
        restore(snap);
      }
      if (best_t != -2) {
        attempt(best_t);
        improved = true;
      }
    }
    return improved;
  }

  // Make room for a technique not yet in the day by shortening the items that lose least.
  bool try_squeeze(int d, int s, const std::vector<int>& cands) {
    bool improved = false;
    for (int t : cands) {
      const Tech& tech = p_.techs[static_cast<std::size_t>(t)];
      if (tech.min > p_.slot_cap[static_cast<std::size_t>(s)] || !can_use(t, d)) continue;
      int need = tech.min - slack(d, s);
      if (need <= 0) continue;
      if (quantise(delta(t, d, tech.min)) <= 0) continue;
      auto snap = save({{d, s}});
      bool ok = true;
      while (need > 0 && ok) {
        const auto& items = slots_[idx(d, s)];
        std::size_t best_i = items.size();
        double best_loss = 0;
        for (std::size_t i = 0; i < items.size(); ++i) {
          if (items[i].minutes <= p_.techs[static_cast<std::size_t>(items[i].tech)].min) continue;
          const double loss = delta(items[i].tech, d, -1);
          if (best_i == items.size() || loss > best_loss) {
            best_loss = loss;
            best_i = i;
          }
        }
        if (best_i == items.size()) {
          // Nothing left to shorten: drop the item that serves least per minute.
          ok = false;
          break;
        }
        resize_item(d, s, best_i, -1);
        --need;
      }
      if (ok) {
        add_item(d, s, t, tech.min);
        fill(d, s, cands);
      }
      if (ok && total_ > snap.total + kEps)
        improved = true;
      else
        restore(snap);
    }
    return improved;
  }

  // Move an item to another slot of the block (any day), refilling both.
  bool try_move(int d, int s, int first, int last, const std::vector<int>& cands) {
    bool improved = false;
    for (std::size_t i = 0; i < slots_[idx(d, s)].size(); ++i) {
      const Item item = slots_[idx(d, s)][i];
      const Tech& tech = p_.techs[static_cast<std::size_t>(item.tech)];
      for (int d2 = first; d2 < last && i < slots_[idx(d, s)].size(); ++d2) {
        if (!p_.selfcare[static_cast<std::size_t>(d2)]) continue;
        for (int s2 = 0; s2 < p_.slots; ++s2) {
          if (d2 == d && s2 == s) continue;
          if (p_.slot_cap[static_cast<std::size_t>(s2)] < tech.min) continue;
          if (slots_[idx(d, s)][i].tech != item.tech) break;
          auto snap = save_block(first, last);
          remove_item(d, s, i);
          if (tech.min <= slack(d2, s2) && can_use(item.tech, d2)) {
            add_item(d2, s2, item.tech, tech.min);
            fill(d2, s2, cands);
            fill_block(first, last, cands);
            if (total_ > snap.total + kEps) {
              improved = true;
              break;
            }
          }
          restore(snap);
        }
        if (i >= slots_[idx(d, s)].size() || slots_[idx(d, s)][i].tech != item.tech) break;
      }
    }
    return improved;
  }

  // Exchange two items between days (helps when rest rules or caps pin techniques down).
  bool try_swaps(int first, int last, const std::vector<int>& cands) {
    bool improved = false;
    for (int d1 = first; d1 < last; ++d1)
      for (int d2 = d1 + 1; d2 < last; ++d2) {
        if (!p_.selfcare[static_cast<std::size_t>(d1)] ||
            !p_.selfcare[static_cast<std::size_t>(d2)])
          continue;
        for (std::size_t i1 = 0; i1 < day_items(d1).size(); ++i1)
          for (std::size_t i2 = 0; i2 < day_items(d2).size(); ++i2) {
            auto a_items = day_items(d1);
            auto b_items = day_items(d2);
            if (i1 >= a_items.size() || i2 >= b_items.size()) break;
            const int a = a_items[i1].tech;
            const int b = b_items[i2].tech;
            if (a == b || on_day(a, d2) || on_day(b, d1)) continue;
            auto snap = save_block(first, last);
            a_items.erase(a_items.begin() + static_cast<std::ptrdiff_t>(i1));
            b_items.erase(b_items.begin() + static_cast<std::ptrdiff_t>(i2));
            set_day(d1, a_items);
            set_day(d2, b_items);
            bool ok = can_use(a, d2) && squeeze_in(d2, a) && can_use(b, d1) && squeeze_in(d1, b);
            if (ok) fill_days(first, last, cands);
            if (ok && total_ > snap.total + kEps)
              improved = true;
            else
              restore(snap);
          }
      }
    return improved;
  }

  // Move a professional session to another day of the block or change its technique.
  bool try_pro_moves(int first, int last) {
    bool improved = false;
    for (int d = first; d < last; ++d) {
      const int old = pro_at(d);
      if (old < 0) continue;
      const double base = total_;
      remove_pro(d);
      double best = base + kEps;
      int best_t = -1;
      int best_d = -1;
      for (int d2 = first; d2 < last; ++d2) {
        if (!p_.proday[static_cast<std::size_t>(d2)] || pro_at(d2) >= 0) continue;
        for (int t : p_.pros) {
          if (!can_use(t, d2)) continue;
          const double value = total_ + delta(t, d2, p_.pro_minutes);
          if (value > best) {
            best = value;
            best_t = t;
            best_d = d2;
          }
        }
      }
      if (best_t >= 0) {
        add_pro(best_d, best_t);
        improved = true;
      } else {
        add_pro(d, old);
        total_ = base;
      }
    }
    return improved;
  }

  const Problem& p_;
  double total_ = 0;
  mutable std::uint64_t work_ = 0;  // moves priced so far: a deterministic measure of effort
  std::vector<double> cov_;
  std::vector<double> bsum_;
  std::vector<std::vector<int>> used_;  // per technique: sorted days of use (with repeats)
  std::vector<std::vector<Item>> slots_;
  std::vector<int> load_;
  std::vector<int> pro_at_;
  // The day re-plan's beam, kept between calls so its buffers are allocated once.
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
  mutable std::vector<int> pack_free_;  // pack()'s free minutes per slot
};

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

std::string quoted_list(const std::vector<std::string>& ids, std::size_t limit = 5) {
  std::vector<std::string> shown;
  for (std::size_t i = 0; i < ids.size() && i < limit; ++i) shown.push_back("'" + ids[i] + "'");
  std::string out = join(shown, ", ");
  if (ids.size() > limit) out += fmt::format(" and {} more", ids.size() - limit);
  return out;
}

std::string weekday_words(const model::WeekdaySet& set) {
  std::vector<std::string> words;
  for (std::size_t i = 0; i < 7; ++i)
    if (set[i]) words.emplace_back(model::kWeekdayNames[i]);
  return words.empty() ? std::string("none") : join(words, ", ");
}

template <typename T>
std::vector<std::string> ids_of(const std::vector<T>& list) {
  std::vector<std::string> ids;
  ids.reserve(list.size());
  for (const auto& e : list) ids.push_back(e.id);
  return ids;
}

void refuse_red_flags(const Library& library, const Profile& profile) {
  std::vector<std::string> lines;
  for (const auto& id : profile.conditions) {
    const model::Condition* c = library.find_condition(id);
    if (c == nullptr || !c->red_flag) continue;
    std::string line = fmt::format("'{}' ({}) is a red flag: {}", c->name, c->id,
                                   c->urgent ? "see a clinician now, urgently, before any self-care"
                                             : "see a clinician soon, before starting self-care");
    if (!c->advice.empty()) line += ". " + c->advice;
    lines.push_back(std::move(line));
  }
  if (!lines.empty())
    throw Error(ExitCode::kNothingPlanned, "nothing planned: " + join(lines, "\n"),
                "massage-plan gives wellness guidance, not medical care");
}

void check_ids(const Library& library, const Profile& profile, const PlanRequest& request) {
  std::vector<Diagnostic> diags;
  auto unknown = [&](std::string_view what, const std::string& id,
                     const std::vector<std::string>& known, const SourceLocation& where) {
    diags.push_back(
        {where, fmt::format("unknown {} '{}'", what, id), model::did_you_mean(id, known)});
  };
  const auto goals = ids_of(library.goals);
  const auto conditions = ids_of(library.conditions);
  const auto equipment = ids_of(library.equipment);
  const auto routines = ids_of(library.routines);
  for (const auto& g : profile.goals)
    if (library.find_goal(g.id) == nullptr) unknown("goal", g.id, goals, g.where);
  for (const auto& c : profile.conditions)
    if (library.find_condition(c) == nullptr) unknown("condition", c, conditions, {});
  for (const auto& e : profile.equipment)
    if (library.find_equipment(e) == nullptr) unknown("equipment", e, equipment, {});
  for (const auto& r : profile.routines)
    if (library.find_routine(r.id) == nullptr) unknown("routine", r.id, routines, r.where);
  if (!request.routine_only.empty() && library.find_routine(request.routine_only) == nullptr)
    unknown("routine", request.routine_only, routines, {});
  if (!diags.empty()) throw DiagnosticError(std::move(diags));
}

// Why a library technique cannot be used at all in this plan, or "" when it can.
std::string exclusion_reason(const Technique& t, const Profile& profile, const Problem& p,
                             const std::map<std::string, int>& goal_index) {
  if (auto c = contraindicating_condition(t, profile); !c.empty()) return "contraindicated by " + c;
  if (auto e = missing_equipment(t, profile); !e.empty()) return "needs " + e;
  bool serves = false;
  for (const auto& [id, w] : t.goals) serves = serves || (w > 0 && goal_index.count(id) > 0);
  if (!serves) return "serves none of the chosen goals";
  if (t.performer == model::Performer::kTherapist) {
    if (!profile.professional || profile.professional->sessions_per_week <= 0)
      return "professional technique: no professional sessions";
    const int pm = profile.professional->minutes;
    if (pm < t.duration.min || pm > t.duration.max)
      return fmt::format("does not fit a {}-minute professional session", pm);
    if (std::none_of(p.proday.begin(), p.proday.end(), [](char c) { return c != 0; }))
      return "professional technique: no professional day in this plan";
    return {};
  }
  if (t.frequency.max_per_week <= 0) return "weekly cap";
  if (p.slots == 0 ||
      std::none_of(p.selfcare.begin(), p.selfcare.end(), [](char c) { return c != 0; }))
    return "no self-care sessions in this plan";
  const int longest = *std::max_element(p.slot_cap.begin(), p.slot_cap.end());
  if (t.duration.min > longest)
    return fmt::format("needs at least {} minutes, longer than any session ({} minutes)",
                       t.duration.min, longest);
  return {};
}

double weight_for(const Tech& t, int g) {
  for (auto [gi, w] : t.w)
    if (gi == g) return w;
  return 0;
}

// The best few techniques per goal and overall: enough to fill every slot of a week with
// distinct techniques, so the search stays linear in the library size.
std::vector<int> prune(const std::vector<int>& cands, const Problem& p, std::size_t per_goal) {
  if (cands.size() <= per_goal) return cands;
  std::vector<char> keep(p.techs.size(), 0);
  auto take_best = [&](auto score) {
    std::vector<int> order;
    for (int t : cands)
      if (score(t) > 0) order.push_back(t);
    const std::size_t n = std::min(per_goal, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(),
                      [&](int a, int b) {
                        const double sa = score(a);
                        const double sb = score(b);
                        if (sa != sb) return sa > sb;
                        const auto& ta = p.techs[static_cast<std::size_t>(a)];
                        const auto& tb = p.techs[static_cast<std::size_t>(b)];
                        if (ta.value != tb.value) return ta.value > tb.value;
                        return a < b;
                      });
    for (std::size_t i = 0; i < n; ++i) keep[static_cast<std::size_t>(order[i])] = 1;
  };
  for (int g = 0; g < p.goals; ++g)
    take_best([&](int t) { return weight_for(p.techs[static_cast<std::size_t>(t)], g); });
  take_best([&](int t) { return p.techs[static_cast<std::size_t>(t)].value; });
  std::vector<int> out;
  for (int t : cands)
    if (keep[static_cast<std::size_t>(t)]) out.push_back(t);
  return out;
}

// The pinned-only plan's broken rules, as warnings: the person chose these routines.
void warn_pinned(const model::Plan& pinned_only, const Library& library,
                 std::vector<std::string>& warnings) {
  for (const auto& problem : check_constraints(pinned_only, library))
    warnings.push_back("pinned routines break a rule: " + problem);
}

// The steps of a routine that may be done, with warnings for those left out.
std::vector<std::pair<const Technique*, int>> usable_steps(const model::Routine& routine,
                                                           const Library& library,
                                                           const Profile& profile,
                                                           std::vector<std::string>& warnings) {
  std::vector<std::pair<const Technique*, int>> out;
  for (const auto& step : routine.steps) {
    const Technique* t = library.find_technique(step.technique);
    if (t == nullptr) {
      warnings.push_back(
          fmt::format("routine '{}': left out unknown technique '{}'", routine.id, step.technique));
      continue;
    }
    if (auto c = contraindicating_condition(*t, profile); !c.empty()) {
      warnings.push_back(
          fmt::format("routine '{}': left out '{}' (contraindicated by {})", routine.id, t->id, c));
      continue;
    }
    if (auto e = missing_equipment(*t, profile); !e.empty()) {
      warnings.push_back(
          fmt::format("routine '{}': left out '{}' (needs {})", routine.id, t->id, e));
      continue;
    }
    out.emplace_back(t, step.minutes);
  }
  return out;
}

model::PlannedSession routine_session(const std::string& id, int start,
                                      const std::vector<std::pair<const Technique*, int>>& steps) {
  model::PlannedSession session;
  session.kind = model::SessionKind::kRoutine;
  session.routine = id;
  session.start_minute = start;
  session.end_minute = start;
  for (const auto& [t, minutes] : steps) {
    session.items.push_back({t->id, minutes, 0});
    session.end_minute += minutes;
  }
  return session;
}

void sort_sessions(model::Plan& plan) {
  for (auto& day : plan.plan)
    std::stable_sort(day.sessions.begin(), day.sessions.end(),
                     [](const model::PlannedSession& a, const model::PlannedSession& b) {
                       return a.start_minute < b.start_minute;
                     });
}

void finish(model::Plan& plan, const Library& library) {
  sort_sessions(plan);
  plan.score = compute_score(plan, library);
  fill_score_shares(plan, library);
  std::sort(plan.excluded.begin(), plan.excluded.end(),
            [](const model::Exclusion& a, const model::Exclusion& b) {
              return a.technique < b.technique;
            });
}

std::vector<model::SessionSlot> usable_slots(const Profile& profile) {
  std::vector<model::SessionSlot> slots;
  for (const auto& s : profile.sessions)
    if (s.minutes > 0) slots.push_back(s);
  std::stable_sort(slots.begin(), slots.end(),
                   [](const auto& a, const auto& b) { return a.start_minute < b.start_minute; });
  return slots;
}

}  // namespace

model::Plan make_plan(const Library& library, const Profile& profile, const PlanRequest& request) {
  refuse_red_flags(library, profile);
  check_ids(library, profile, request);
  if (request.days < 1) throw Error(ExitCode::kUsage, "a plan needs at least one day");

  model::Plan plan;
  plan.start = request.start;
  plan.days = request.days;
  plan.profile = profile;
  const int days = request.days;
  for (int d = 0; d < days; ++d) {
    model::PlanDay day;
    day.date = model::add_days(request.start, d);
    day.weekday = model::weekday_of(day.date);
    plan.plan.push_back(std::move(day));
  }
  const auto slots = usable_slots(profile);
  auto is_selfcare = [&](int d) {
    return profile
        .weekdays[static_cast<std::size_t>(plan.plan[static_cast<std::size_t>(d)].weekday)];
  };

  if (!request.routine_only.empty()) {
    // A plan made of one routine: once on each self-care day, at the first session's time.
    const model::Routine& routine = *library.find_routine(request.routine_only);
    const auto steps = usable_steps(routine, library, profile, plan.warnings);
    if (steps.empty())
      throw Error(ExitCode::kNothingPlanned,
                  fmt::format("nothing planned: no step of routine '{}' can be done ({})",
                              routine.id, join(plan.warnings, "; ")));
    const int start =
        slots.empty() ? model::SessionSlot{}.start_minute : slots.front().start_minute;
    bool any = false;
    for (int d = 0; d < days; ++d) {
      if (!is_selfcare(d)) continue;
      plan.plan[static_cast<std::size_t>(d)].sessions.push_back(
          routine_session(routine.id, start, steps));
      any = true;
    }
    if (!any)
      throw Error(
          ExitCode::kNothingPlanned,
          fmt::format("nothing planned: none of the {} day(s) from {} is a self-care day "
                      "(weekdays: {})",
                      days, model::format_date(request.start), weekday_words(profile.weekdays)));
    warn_pinned(plan, library, plan.warnings);
    std::set<std::string> in_routine;
    for (const auto& [t, m] : steps) in_routine.insert(t->id);
    for (const auto& t : library.techniques) {
      if (in_routine.count(t.id) > 0) continue;
      std::string reason = contraindicating_condition(t, profile);
      if (!reason.empty())
        reason = "contraindicated by " + reason;
      else if (auto e = missing_equipment(t, profile); !e.empty())
        reason = "needs " + e;
      else
        reason = fmt::format("not part of routine '{}'", routine.id);
      plan.excluded.push_back({t.id, reason});
    }
    finish(plan, library);
    return plan;
  }

  // --- The problem: goals, days, slots, techniques. ---
  Problem p;
  p.days = days;
  p.blocks = (days + 6) / 7;
  p.seed = request.seed;
  std::map<std::string, int> goal_index;
  std::vector<double> priority;
  std::vector<double> target;
  for (const auto& gp : profile.goals) {
    if (goal_index.count(gp.id) > 0) continue;
    goal_index[gp.id] = static_cast<int>(priority.size());
    priority.push_back(gp.priority);
    target.push_back(library.find_goal(gp.id)->weekly_target_minutes);
  }
  p.goals = static_cast<int>(priority.size());
  double total_priority = 0;
  for (double pr : priority) total_priority += pr;
  for (int d = 0; d < days; ++d) {
    p.weekday.push_back(plan.plan[static_cast<std::size_t>(d)].weekday);
    p.selfcare.push_back(is_selfcare(d) ? 1 : 0);
    const bool pro = profile.professional && profile.professional->sessions_per_week > 0 &&
                     profile.professional->weekdays[static_cast<std::size_t>(p.weekday.back())];
    p.proday.push_back(pro ? 1 : 0);
  }
  const int active = static_cast<int>(std::count(p.selfcare.begin(), p.selfcare.end(), 1));
  for (int k = 0; k < p.blocks; ++k) p.block_len.push_back(std::min(7, days - 7 * k));
  for (int g = 0; g < p.goals; ++g) {
    const double pg =
        total_priority > 0 ? priority[static_cast<std::size_t>(g)] / total_priority : 0;
    p.coef_daily.push_back(active > 0 ? pg / (2.0 * active) : 0.0);
    p.coef_weekly.push_back(pg / (2.0 * p.blocks));
    p.daily_target.push_back(target[static_cast<std::size_t>(g)] / 7.0);
  }
  for (int k = 0; k < p.blocks; ++k)
    for (int g = 0; g < p.goals; ++g)
      p.block_target.push_back(target[static_cast<std::size_t>(g)] *
                               p.block_len[static_cast<std::size_t>(k)] / 7.0);
  p.slots = static_cast<int>(slots.size());
  for (const auto& s : slots) {
    p.slot_cap.push_back(s.minutes);
    p.slot_start.push_back(s.start_minute);
    p.day_minutes += s.minutes;
  }
  if (profile.professional) {
    p.pro_minutes = profile.professional->minutes;
    p.pro_per_week = profile.professional->sessions_per_week;
    p.pro_start = profile.professional->start_minute;
  }

  // Techniques: the eligible ones, and any a pinned routine uses (they count too).
  std::vector<int> tech_of(library.techniques.size(), -1);
  std::vector<std::string> reason_of(library.techniques.size());
  auto add_tech = [&](std::size_t li) {
    if (tech_of[li] >= 0) return tech_of[li];
    const Technique& def = library.techniques[li];
    Tech t;
    t.def = &def;
    for (const auto& [id, w] : def.goals) {
      auto it = goal_index.find(id);
      if (it != goal_index.end() && w > 0) {
        t.w.emplace_back(it->second, w);
        t.value += priority[static_cast<std::size_t>(it->second)] * w /
                   std::max(target[static_cast<std::size_t>(it->second)], 1e-9);
      }
    }
    std::sort(t.w.begin(), t.w.end());
    t.min = std::max(1, def.duration.min);
    t.max = std::max(t.min, def.duration.max);
    t.per_week = def.frequency.max_per_week;
    t.rest = rest_days(def.frequency.min_rest_hours);
    t.therapist = def.performer == model::Performer::kTherapist;
    tech_of[li] = static_cast<int>(p.techs.size());
    p.techs.push_back(std::move(t));
    return tech_of[li];
  };
  std::vector<int> eligible_self;
  for (std::size_t li = 0; li < library.techniques.size(); ++li) {
    reason_of[li] = exclusion_reason(library.techniques[li], profile, p, goal_index);
    if (!reason_of[li].empty()) continue;
    const int t = add_tech(li);
    if (p.techs[static_cast<std::size_t>(t)].therapist)
      p.pros.push_back(t);
    else
      eligible_self.push_back(t);
  }

  // Pinned routines, with the steps that may be done.
  struct Pinned {
    int day;
    int start;
    const model::Routine* routine;
    std::vector<std::pair<const Technique*, int>> steps;
  };
  std::vector<Pinned> pinned;
  for (const auto& pr : profile.routines) {
    const model::Routine* routine = library.find_routine(pr.id);
    const auto steps = usable_steps(*routine, library, profile, plan.warnings);
    if (steps.empty()) continue;
    for (int d = 0; d < days; ++d)
      if (pr.weekdays[static_cast<std::size_t>(p.weekday[static_cast<std::size_t>(d)])])
        pinned.push_back({d, pr.start_minute, routine, steps});
  }
  for (const auto& pin : pinned)
    for (const auto& [t, m] : pin.steps)
      add_tech(static_cast<std::size_t>(t - library.techniques.data()));

  if (eligible_self.empty() && p.pros.empty() && pinned.empty()) {
    std::vector<std::string> lines;
    if (profile.goals.empty()) {
      lines.push_back("the profile names no goals (add one with --goal)");
    } else {
      std::map<std::string, std::vector<std::string>> by_reason;
      for (std::size_t li = 0; li < library.techniques.size(); ++li)
        by_reason[reason_of[li]].push_back(library.techniques[li].id);
      bool any_serves = false;
      for (const auto& t : library.techniques)
        for (const auto& [id, w] : t.goals)
          any_serves = any_serves || (w > 0 && goal_index.count(id) > 0);
      if (!any_serves) {
        std::vector<std::string> goal_ids;
        for (const auto& g : profile.goals) goal_ids.push_back(g.id);
        lines.push_back(fmt::format("no technique in the library serves the chosen goals ({})",
                                    join(goal_ids, ", ")));
      } else {
        for (const auto& [reason, ids] : by_reason)
          lines.push_back(fmt::format("{}: {}", reason, quoted_list(ids)));
      }
      if (library.techniques.empty()) lines.push_back("the library has no techniques");
    }
    throw Error(ExitCode::kNothingPlanned,
                "nothing planned: no technique can be scheduled\n  " + join(lines, "\n  "));
  }

  // Seeded order among equal candidates: variety that a seed can reshuffle.
  {
    std::vector<int> order(p.techs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::uint64_t state = request.seed;
    for (std::size_t i = order.size(); i > 1; --i)
      std::swap(order[i - 1], order[splitmix64(state) % i]);
    for (std::size_t i = 0; i < order.size(); ++i)
      p.techs[static_cast<std::size_t>(order[i])].rank = static_cast<int>(i);
  }

  std::size_t items_per_day = 0;
  if (!eligible_self.empty()) {
    int shortest = p.techs[static_cast<std::size_t>(eligible_self.front())].min;
    for (int t : eligible_self)
      shortest = std::min(shortest, p.techs[static_cast<std::size_t>(t)].min);
    for (int cap : p.slot_cap) items_per_day += static_cast<std::size_t>(cap / shortest);
  }
  p.pool = eligible_self.size() > kPruneAbove
               ? prune(eligible_self, p, std::max<std::size_t>(16, 7 * items_per_day + 7))
               : eligible_self;
  p.pros = p.pros.size() > kPruneAbove ? prune(p.pros, p, 16) : p.pros;
  p.shortlist = p.pool.size() > kFullNeighbourhood ? prune(p.pool, p, 8) : p.pool;

  // --- The search, one week block at a time (blocks share only rest rules). ---
  Search search(p);
  for (const auto& pin : pinned)
    for (const auto& [t, m] : pin.steps)
      search.add_pinned(tech_of[static_cast<std::size_t>(t - library.techniques.data())], pin.day,
                        m);
  const bool small = p.pool.size() <= kFullNeighbourhood;
  // A fixed budget of perturbation rounds per plan, shared by its blocks: short plans of small
  // libraries get a thorough search, long ones stay linear in their length.
  const int rounds = small ? kPerturbRounds / p.blocks : 0;
  for (int k = 0; k < p.blocks; ++k) {
    const std::uint64_t before = search.work();
    search.place_pros(k);
    search.greedy_block(k);
    search.improve_block(k, small ? 8 : 2);
    // The rounds may cost at most a few times what the week's first search cost.
    search.perturb_block(k, rounds, kPerturbWork * (search.work() - before));
  }

  // --- The plan. ---
  {
    model::Plan pinned_only = plan;
    for (const auto& pin : pinned)
      pinned_only.plan[static_cast<std::size_t>(pin.day)].sessions.push_back(
          routine_session(pin.routine->id, pin.start, pin.steps));
    warn_pinned(pinned_only, library, plan.warnings);
    plan.plan = std::move(pinned_only.plan);
  }
  for (int d = 0; d < days; ++d) {
    auto& day = plan.plan[static_cast<std::size_t>(d)];
    if (search.pro_at(d) >= 0) {
      model::PlannedSession session;
      session.kind = model::SessionKind::kProfessional;
      session.start_minute = p.pro_start;
      session.end_minute = p.pro_start + p.pro_minutes;
      session.items.push_back(
          {p.techs[static_cast<std::size_t>(search.pro_at(d))].def->id, p.pro_minutes, 0});
      day.sessions.push_back(std::move(session));
    }
    // Score-neutral: moving items between slots of one day keeps the day's coverage, so
    // time-of-day preferences are honoured here without touching the score.
    std::vector<std::vector<Item>> items(static_cast<std::size_t>(p.slots));
    std::vector<int> load(static_cast<std::size_t>(p.slots), 0);
    for (int s = 0; s < p.slots; ++s) {
      items[static_cast<std::size_t>(s)] = search.slot(d, s);
      for (const auto& it : items[static_cast<std::size_t>(s)])
        load[static_cast<std::size_t>(s)] += it.minutes;
    }
    auto pref = [&](const Item& it, int s) {
      return preference(p.techs[static_cast<std::size_t>(it.tech)],
                        p.slot_start[static_cast<std::size_t>(s)]);
    };
    for (bool moved = true; moved;) {
      moved = false;
      for (int s1 = 0; s1 < p.slots && !moved; ++s1)
        for (std::size_t i = 0; i < items[static_cast<std::size_t>(s1)].size() && !moved; ++i)
          for (int s2 = 0; s2 < p.slots && !moved; ++s2) {
            if (s2 == s1) continue;
            auto& from = items[static_cast<std::size_t>(s1)];
            auto& to = items[static_cast<std::size_t>(s2)];
            const Item a = from[i];
            if (pref(a, s2) <= pref(a, s1)) continue;
            if (load[static_cast<std::size_t>(s2)] + a.minutes <=
                p.slot_cap[static_cast<std::size_t>(s2)]) {
              to.push_back(a);
              from.erase(from.begin() + static_cast<std::ptrdiff_t>(i));
              load[static_cast<std::size_t>(s2)] += a.minutes;
              load[static_cast<std::size_t>(s1)] -= a.minutes;
              moved = true;
              break;
            }
            for (std::size_t j = 0; j < to.size(); ++j) {
              const Item b = to[j];
              const int gain = pref(a, s2) + pref(b, s1) - pref(a, s1) - pref(b, s2);
              const int l1 = load[static_cast<std::size_t>(s1)] - a.minutes + b.minutes;
              const int l2 = load[static_cast<std::size_t>(s2)] - b.minutes + a.minutes;
              if (gain <= 0 || l1 > p.slot_cap[static_cast<std::size_t>(s1)] ||
                  l2 > p.slot_cap[static_cast<std::size_t>(s2)])
                continue;
              std::swap(from[i], to[j]);
              load[static_cast<std::size_t>(s1)] = l1;
              load[static_cast<std::size_t>(s2)] = l2;
              moved = true;
              break;
            }
          }
    }
    for (int s = 0; s < p.slots; ++s) {
      auto& list = items[static_cast<std::size_t>(s)];
      if (list.empty()) continue;
      std::sort(list.begin(), list.end(), [&](const Item& a, const Item& b) {
        const Technique& ta = *p.techs[static_cast<std::size_t>(a.tech)].def;
        const Technique& tb = *p.techs[static_cast<std::size_t>(b.tech)].def;
        if (ta.phase != tb.phase) return ta.phase < tb.phase;
        return ta.id < tb.id;
      });
      model::PlannedSession session;
      session.kind = model::SessionKind::kSelf;
      session.start_minute = p.slot_start[static_cast<std::size_t>(s)];
      session.end_minute = session.start_minute;
      for (const auto& it : list) {
        session.items.push_back(
            {p.techs[static_cast<std::size_t>(it.tech)].def->id, it.minutes, 0});
        session.end_minute += it.minutes;
      }
      day.sessions.push_back(std::move(session));
    }
  }

  // --- Explain what was left out. ---
  std::set<std::string> used;
  for (const auto& day : plan.plan)
    for (const auto& session : day.sessions)
      for (const auto& item : session.items) used.insert(item.technique);
  for (std::size_t li = 0; li < library.techniques.size(); ++li) {
    const Technique& def = library.techniques[li];
    if (used.count(def.id) > 0) continue;
    std::string reason = reason_of[li];
    if (reason.empty()) {
      const int t = tech_of[li];
      bool fits = false;
      bool capped = false;
      for (int d = 0; d < days && !fits; ++d) {
        const bool day_ok = p.techs[static_cast<std::size_t>(t)].therapist
                                ? p.proday[static_cast<std::size_t>(d)] != 0
                                : p.selfcare[static_cast<std::size_t>(d)] != 0;
        if (!day_ok) continue;
        if (search.can_use(t, d))
          fits = true;
        else
          capped = capped || search.blocked_by_cap(t, d);
      }
      reason = fits ? "budget: other techniques served the goals better"
                    : (capped ? "weekly cap" : "rest rule");
    }
    plan.excluded.push_back({def.id, reason});
  }
  if (std::none_of(plan.plan.begin(), plan.plan.end(),
                   [](const model::PlanDay& day) { return !day.sessions.empty(); }))
    throw Error(
        ExitCode::kNothingPlanned,
        fmt::format("nothing planned: no session fits the {} day(s) from {} "
                    "(self-care weekdays: {})",
                    days, model::format_date(request.start), weekday_words(profile.weekdays)));
  finish(plan, library);
  return plan;
}

}  // namespace mp::planner
