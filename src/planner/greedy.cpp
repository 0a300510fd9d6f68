#include "planner/greedy.hpp"

#include <algorithm>
#include <queue>

namespace mp::planner::detail {

void place_pros(PlanState& st, int k) {
  const Problem& p = st.problem();
  if (p.pros.empty()) return;
  const WeekBlock block = p.score.block(k);
  const int cap = block_cap(p.pro_per_week, block.days);
  for (int n = 0; n < cap; ++n) {
    std::int64_t best_key = -1;
    int best_tie = 0;
    int best_t = -1;
    int best_d = -1;
    for (int d = block.first; d < block.end(); ++d) {
      if (!p.pro_day(d) || st.pro_at(d) >= 0) continue;
      for (int t : p.pros) {
        if (!st.can_use(t, d)) continue;
        const std::int64_t key = quantise(st.price(t, d, p.pro_minutes));
        const int tb = tie(p, t, d);
        if (key > best_key || (key == best_key && tb > best_tie)) {
          best_key = key;
          best_tie = tb;
          best_t = t;
          best_d = d;
        }
      }
    }
    if (best_t < 0) return;
    st.add_pro(best_d, best_t);
  }
}

void greedy_block(PlanState& st, int k) {
  const Problem& p = st.problem();
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
  const WeekBlock block = p.score.block(k);
  for (int d = block.first; d < block.end(); ++d) {
    if (!p.selfcare(d)) continue;
    for (int s = 0; s < p.slots; ++s)
      for (int t : p.pool) {
        const Tech& tech = p.tech(t);
        if (tech.min > st.slack(d, s) || !st.can_use(t, d)) continue;
        const std::int64_t key = quantise(st.price(t, d, tech.min) / tech.min);
        if (key <= 0) continue;
        heap.push({key, 0, preference(tech, p.start(s)), tie(p, t, d), t, d, s, 0});
      }
  }
  while (!heap.empty()) {
    Entry e = heap.top();
    heap.pop();
    const Tech& tech = p.tech(e.t);
    double rate = 0;
    if (e.extend == 0) {
      if (tech.min > st.slack(e.d, e.s) || !st.can_use(e.t, e.d)) continue;
      rate = st.price(e.t, e.d, tech.min) / tech.min;
    } else {
      const Item& item = st.slot(e.d, e.s)[e.i];
      if (item.minutes >= tech.max || st.slack(e.d, e.s) < 1) continue;
      rate = st.price(e.t, e.d, 1);
    }
    e.key = quantise(rate);
    if (e.key <= 0) continue;
    if (!heap.empty() && worse(e, heap.top())) {
      heap.push(e);
      continue;
    }
    if (e.extend == 0) {
      st.add_item(e.d, e.s, e.t, tech.min);
      e.i = st.slot(e.d, e.s).size() - 1;
      e.extend = 1;
    } else {
      st.resize_item(e.d, e.s, e.i, 1);
    }
    if (st.slot(e.d, e.s)[e.i].minutes < tech.max) heap.push(e);
  }
}

void fill_slot(PlanState& st, int d, int s, const std::vector<int>& cands) {
  const Problem& p = st.problem();
  const int start = p.start(s);
  for (;;) {
    const int free = st.slack(d, s);
    if (free <= 0) return;
    std::int64_t best_key = 0;
    int best_pref = 0;
    int best_tie = 0;
    int best_t = -1;
    std::size_t best_i = 0;
    bool best_extend = false;
    const auto& items = st.slot(d, s);
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Tech& tech = p.tech(items[i].tech);
      if (items[i].minutes >= tech.max) continue;
      const std::int64_t key = quantise(st.price(items[i].tech, d, 1));
      if (key > best_key || (key == best_key && key > 0 && !best_extend)) {
        best_key = key;
        best_extend = true;
        best_i = i;
        best_t = items[i].tech;
      }
    }
    for (int t : cands) {
      const Tech& tech = p.tech(t);
      if (tech.min > free || !st.can_use(t, d)) continue;
      const std::int64_t key = quantise(st.price(t, d, tech.min) / tech.min);
      if (key <= 0 || key < best_key) continue;
      const int pref = preference(tech, start);
      const int tb = tie(p, t, d);
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
      st.resize_item(d, s, best_i, 1);
    else
      st.add_item(d, s, best_t, p.tech(best_t).min);
  }
}

void fill_block(PlanState& st, int first, int last, const std::vector<int>& cands) {
  const Problem& p = st.problem();
  for (int d = first; d < last; ++d)
    if (p.selfcare(d))
      for (int s = 0; s < p.slots; ++s) fill_slot(st, d, s, cands);
}

// Each step takes the best option (lengthen an item by a minute or add a technique at its
// shortest) that still fits. Gains only fall as the day fills, so options wait in a lazy heap,
// re-priced only when they reach its top; one that no longer fits, or gains nothing, never
// will again.
void fill_day(PlanState& st, int d, const std::vector<int>& cands) {
  const Problem& p = st.problem();
  struct Option {
    std::int64_t key;
    int extend;  // 1 = lengthen the day's item of t, 0 = add t
    int tie;
    int t;
    unsigned grown;  // how many times the day had grown when `key` was priced
  };
  auto worse = [](const Option& a, const Option& b) {
    if (a.key != b.key) return a.key < b.key;
    if (a.extend != b.extend) return a.extend < b.extend;
    if (a.tie != b.tie) return a.tie < b.tie;
    return a.t > b.t;
  };
  // The option's gain per minute now, or 0 when it can no longer be taken.
  auto price = [&](const Option& o, int free) -> std::int64_t {
    const Tech& tech = p.tech(o.t);
    if (o.extend == 0) {
      if (tech.min > free || !st.can_use(o.t, d)) return 0;
      return quantise(st.price(o.t, d, tech.min) / tech.min);
    }
    for (int s = 0; s < p.slots; ++s)
      for (const auto& it : st.slot(d, s))
        if (it.tech == o.t) return it.minutes < tech.max ? quantise(st.price(o.t, d, 1)) : 0;
    return 0;
  };
  int free = st.free_minutes(d);
  if (free <= 0) return;
  // A max-heap by `worse` (as std::priority_queue keeps it), its storage reused from call to
  // call: the search fills days many thousands of times.
  thread_local std::vector<Option> heap;
  heap.clear();
  auto push = [&](const Option& o) {
    heap.push_back(o);
    std::push_heap(heap.begin(), heap.end(), worse);
  };
  // The first options are heaped at once: `worse` orders distinct options totally, so the
  // order they leave the heap in does not depend on how it was built.
  for (int s = 0; s < p.slots; ++s)
    for (const auto& it : st.slot(d, s)) {
      const Option o{0, 1, 0, it.tech, 0};
      if (const std::int64_t key = price(o, free); key > 0) heap.push_back({key, 1, 0, it.tech, 0});
    }
  for (int t : cands) {
    const Option o{0, 0, 0, t, 0};  // (its tie-break only once it gains)
    if (const std::int64_t key = price(o, free); key > 0)
      heap.push_back({key, 0, tie(p, t, d), t, 0});
  }
  std::make_heap(heap.begin(), heap.end(), worse);
  unsigned grown = 0;  // successful grow_day calls so far: the day changes only there
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), worse);
    Option o = heap.back();
    heap.pop_back();
    // An option priced since the day last grew has its key still: the same price, counted
    // as priced again so that effort (and the budgets it sets) stays as before.
    const bool fresh = o.grown == grown;
    const std::int64_t key = fresh ? o.key : price(o, free);
    if (fresh) st.count_price();
    if (key <= 0) continue;
    if (key != o.key) {
      o.key = key;
      o.grown = grown;
      if (!heap.empty() && worse(o, heap.front())) {
        push(o);
        continue;
      }
    }
    // A fuller day will not take it either.
    if (!st.grow_day(d, o.t, o.extend == 0, p.tech(o.t).min)) continue;
    ++grown;
    free = st.free_minutes(d);
    if (free <= 0) return;
    const Option more{0, 1, 0, o.t, grown};
    if (const std::int64_t k = price(more, free); k > 0) push({k, 1, 0, o.t, grown});
  }
}

void fill_days(PlanState& st, int first, int last, const std::vector<int>& cands) {
  for (int d = first; d < last; ++d)
    if (st.problem().selfcare(d)) fill_day(st, d, cands);
}

bool squeeze_in(PlanState& st, int d, int t) {
  const Problem& p = st.problem();
  const int need = p.tech(t).min;
  thread_local std::vector<Item> items;  // storage reused, as fill_day's heap
  for (;;) {
    st.day_items(d, items);
    items.push_back({t, need});
    if (st.set_day(d, items)) return true;  // (no change when they do not fit)
    items.pop_back();
    if (items.empty()) return false;
    std::size_t best_i = items.size();
    bool best_drop = false;
    double best_rate = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Tech& tech = p.tech(items[i].tech);
      const double drop = st.price(items[i].tech, d, -items[i].minutes) / items[i].minutes;
      if (best_i == items.size() || drop > best_rate) {
        best_i = i;
        best_drop = true;
        best_rate = drop;
      }
      if (items[i].minutes > tech.min) {
        const double cut = st.price(items[i].tech, d, -1);
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
    st.set_day(d, items);
  }
}

}  // namespace mp::planner::detail
