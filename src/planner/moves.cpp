#include "planner/moves.hpp"

#include <algorithm>

#include "planner/greedy.hpp"

namespace mp::planner::detail {

bool try_shorten(PlanState& st, int d, int s, const std::vector<int>& cands) {
  const Problem& p = st.problem();
  bool improved = false;
  for (std::size_t i = 0; i < st.slot(d, s).size(); ++i) {
    const Item item = st.slot(d, s)[i];
    if (item.minutes <= p.tech(item.tech).min) continue;
    auto snap = st.save({{d, s}});
    st.resize_item(d, s, i, -1);
    fill_slot(st, d, s, cands);
    if (st.total() > snap.total + kEps)
      improved = true;
    else
      st.restore(snap);
  }
  return improved;
}

bool try_replace(PlanState& st, int d, int s, const std::vector<int>& cands) {
  const Problem& p = st.problem();
  bool improved = false;
  for (std::size_t i = 0; i < st.slot(d, s).size(); ++i) {
    const int old = st.slot(d, s)[i].tech;
    auto snap = st.save({{d, s}});
    double best = snap.total + kEps;
    int best_t = -2;
    auto attempt = [&](int t) {
      st.remove_item(d, s, i);
      if (t >= 0) {
        const Tech& tech = p.tech(t);
        if (tech.min > st.slack(d, s) || !st.can_use(t, d)) return false;
        st.add_item(d, s, t, tech.min);
      }
      fill_slot(st, d, s, cands);
      return true;
    };
    for (int t = -1, n = static_cast<int>(cands.size()); t < n; ++t) {
      const int cand = t < 0 ? -1 : cands[static_cast<std::size_t>(t)];
      if (cand == old) continue;
      const bool ok = attempt(cand);
      if (ok && st.total() > best) {
        best = st.total();
        best_t = cand;
      }
      st.restore(snap);
    }
    if (best_t != -2) {
      attempt(best_t);
      improved = true;
    }
  }
  return improved;
}

bool try_squeeze(PlanState& st, int d, int s, const std::vector<int>& cands) {
  const Problem& p = st.problem();
  bool improved = false;
  for (int t : cands) {
    const Tech& tech = p.tech(t);
    if (tech.min > p.cap(s) || !st.can_use(t, d)) continue;
    int need = tech.min - st.slack(d, s);
    if (need <= 0) continue;
    if (quantise(st.price(t, d, tech.min)) <= 0) continue;
    auto snap = st.save({{d, s}});
    bool ok = true;
    while (need > 0 && ok) {
      const auto& items = st.slot(d, s);
      std::size_t best_i = items.size();
      double best_loss = 0;
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].minutes <= p.tech(items[i].tech).min) continue;
        const double loss = st.price(items[i].tech, d, -1);
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
      st.resize_item(d, s, best_i, -1);
      --need;
    }
    if (ok) {
      st.add_item(d, s, t, tech.min);
      fill_slot(st, d, s, cands);
    }
    if (ok && st.total() > snap.total + kEps)
      improved = true;
    else
      st.restore(snap);
  }
  return improved;
}

bool try_move(PlanState& st, int d, int s, int first, int last, const std::vector<int>& cands) {
  const Problem& p = st.problem();
  bool improved = false;
  for (std::size_t i = 0; i < st.slot(d, s).size(); ++i) {
    const Item item = st.slot(d, s)[i];
    const Tech& tech = p.tech(item.tech);
    for (int d2 = first; d2 < last && i < st.slot(d, s).size(); ++d2) {
      if (!p.selfcare(d2)) continue;
      for (int s2 = 0; s2 < p.slots; ++s2) {
        if (d2 == d && s2 == s) continue;
        if (p.cap(s2) < tech.min) continue;
        if (st.slot(d, s)[i].tech != item.tech) break;
        auto snap = st.save_block(first, last);
        st.remove_item(d, s, i);
        if (tech.min <= st.slack(d2, s2) && st.can_use(item.tech, d2)) {
          st.add_item(d2, s2, item.tech, tech.min);
          fill_slot(st, d2, s2, cands);
          fill_block(st, first, last, cands);
          if (st.total() > snap.total + kEps) {
            improved = true;
            break;
          }
        }
        st.restore(snap);
      }
      if (i >= st.slot(d, s).size() || st.slot(d, s)[i].tech != item.tech) break;
    }
  }
  return improved;
}

namespace {

// The few candidates that serve day d best per minute right now (replacement is costly: each
// is tried in place of every item, with the day refilled). Eight, not twelve: the day move is
// the search's costliest, and the ninth to twelfth candidates seldom win it; with eight every
// proven quality instance stays at >= 0.99 of its optimum (docs/performance.md, ninth round).
std::vector<int> day_shortlist(PlanState& st, int d, const std::vector<int>& cands) {
  constexpr std::size_t kKeep = 8;
  if (cands.size() <= kKeep) return cands;
  const Problem& p = st.problem();
  std::vector<std::pair<double, int>> rated;
  for (int t : cands) {
    const Tech& tech = p.tech(t);
    if (st.on_day(t, d) || !st.can_use(t, d)) continue;
    rated.emplace_back(st.price(t, d, tech.min) / tech.min, t);
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

}  // namespace

bool try_day(PlanState& st, int d, const std::vector<int>& all) {
  const Problem& p = st.problem();
  bool improved = false;
  const auto cands = day_shortlist(st, d, all);
  const auto base_items = st.day_items(d);
  std::vector<Item> items;
  PlanState::Snapshot snap;
  for (std::size_t i = 0; i < base_items.size(); ++i) {
    st.save_day(d, snap);
    st.day_items(d, items);
    if (i >= items.size()) break;
    if (items[i].minutes > p.tech(items[i].tech).min) {
      --items[i].minutes;
      st.set_day(d, items);
      fill_day(st, d, cands);
      if (st.total() > snap.total + kEps) {
        improved = true;
        continue;
      }
      st.restore(snap);
    }
  }
  // Replace item i by t (t = -1: drop it; i = none: only add t).
  std::vector<Item> rest;
  for (std::size_t i = 0; i <= st.day_size(d); ++i) {
    st.save_day(d, snap);
    st.day_items(d, items);
    if (i > items.size()) break;
    double best = snap.total + kEps;
    int best_t = -2;
    auto attempt = [&](int t) {
      if (i < items.size()) {
        rest.assign(items.begin(), items.end());
        rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(i));
        st.set_day(d, rest);
      }
      if (t >= 0 && (st.on_day(t, d) || !st.can_use(t, d) || !squeeze_in(st, d, t))) return false;
      fill_day(st, d, cands);
      return true;
    };
    for (int c = -1, n = static_cast<int>(cands.size()); c < n; ++c) {
      const int t = c < 0 ? -1 : cands[static_cast<std::size_t>(c)];
      if (i == items.size() && t < 0) continue;
      if (t >= 0 && st.on_day(t, d)) continue;
      if (attempt(t) && st.total() > best) {
        best = st.total();
        best_t = t;
      }
      st.restore(snap);
    }
    if (best_t != -2) {
      attempt(best_t);
      improved = true;
    }
  }
  return improved;
}

bool try_day_moves(PlanState& st, int d, int first, int last, const std::vector<int>& cands) {
  const Problem& p = st.problem();
  bool improved = false;
  std::vector<Item> items;
  PlanState::Snapshot snap;
  for (std::size_t i = 0; i < st.day_size(d); ++i) {
    for (int d2 = first; d2 < last; ++d2) {
      if (d2 == d || !p.selfcare(d2)) continue;
      st.day_items(d, items);
      if (i >= items.size()) break;
      const int t = items[i].tech;
      st.save_block(first, last, snap);
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
      st.set_day(d, items);
      if (st.can_use(t, d2) && squeeze_in(st, d2, t)) {
        fill_days(st, first, last, cands);
        if (st.total() > snap.total + kEps) {
          improved = true;
          break;
        }
      }
      st.restore(snap);
    }
  }
  return improved;
}

bool try_swaps(PlanState& st, int first, int last, const std::vector<int>& cands) {
  const Problem& p = st.problem();
  bool improved = false;
  std::vector<Item> a_items, b_items;
  PlanState::Snapshot snap;
  for (int d1 = first; d1 < last; ++d1)
    for (int d2 = d1 + 1; d2 < last; ++d2) {
      if (!p.selfcare(d1) || !p.selfcare(d2)) continue;
      for (std::size_t i1 = 0; i1 < st.day_size(d1); ++i1)
        for (std::size_t i2 = 0; i2 < st.day_size(d2); ++i2) {
          st.day_items(d1, a_items);
          st.day_items(d2, b_items);
          if (i1 >= a_items.size() || i2 >= b_items.size()) break;
          const int a = a_items[i1].tech;
          const int b = b_items[i2].tech;
          if (a == b || st.on_day(a, d2) || st.on_day(b, d1)) continue;
          st.save_block(first, last, snap);
          a_items.erase(a_items.begin() + static_cast<std::ptrdiff_t>(i1));
          b_items.erase(b_items.begin() + static_cast<std::ptrdiff_t>(i2));
          st.set_day(d1, a_items);
          st.set_day(d2, b_items);
          bool ok = st.can_use(a, d2) && squeeze_in(st, d2, a) && st.can_use(b, d1) &&
                    squeeze_in(st, d1, b);
          if (ok) fill_days(st, first, last, cands);
          if (ok && st.total() > snap.total + kEps)
            improved = true;
          else
            st.restore(snap);
        }
    }
  return improved;
}

bool try_pro_moves(PlanState& st, int first, int last) {
  const Problem& p = st.problem();
  bool improved = false;
  for (int d = first; d < last; ++d) {
    const int old = st.pro_at(d);
    if (old < 0) continue;
    const double base = st.total();
    st.remove_pro(d);
    double best = base + kEps;
    int best_t = -1;
    int best_d = -1;
    for (int d2 = first; d2 < last; ++d2) {
      if (!p.pro_day(d2) || st.pro_at(d2) >= 0) continue;
      for (int t : p.pros) {
        if (!st.can_use(t, d2)) continue;
        const double value = st.total() + st.price(t, d2, p.pro_minutes);
        if (value > best) {
          best = value;
          best_t = t;
          best_d = d2;
        }
      }
    }
    if (best_t >= 0) {
      st.add_pro(best_d, best_t);
      improved = true;
    } else {
      st.add_pro(d, old);
      st.restore_total(base);
    }
  }
  return improved;
}

}  // namespace mp::planner::detail
