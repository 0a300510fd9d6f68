#include "planner/plan_state.hpp"

namespace mp::planner::detail {

PlanState::PlanState(const Problem& p)
    : p_(p),
      cov_(static_cast<std::size_t>(p.score.days() * p.score.goals()), 0.0),
      bsum_(static_cast<std::size_t>(p.score.blocks() * p.score.goals()), 0.0),
      tcov_(p.techs.size()),
      used_(p.techs.size()),
      slots_(static_cast<std::size_t>(p.score.days() * p.slots)),
      load_(static_cast<std::size_t>(p.score.days() * p.slots), 0),
      pro_at_(static_cast<std::size_t>(p.score.days()), -1),
      net_minutes_(p.techs.size(), 0),
      net_uses_(p.techs.size(), 0),
      seen_(p.techs.size(), 0) {}

void PlanState::add_pinned(int t, int d, int minutes) {
  mark(t, d);
  change(t, d, minutes);
}

void PlanState::add_item(int d, int s, int t, int minutes) {
  slots_[idx(d, s)].push_back({t, minutes});
  load_[idx(d, s)] += minutes;
  mark(t, d);
  change(t, d, minutes);
}

void PlanState::remove_item(int d, int s, std::size_t i) {
  auto& v = slots_[idx(d, s)];
  const Item item = v[i];
  change(item.tech, d, -item.minutes);
  unmark(item.tech, d);
  load_[idx(d, s)] -= item.minutes;
  v.erase(v.begin() + static_cast<std::ptrdiff_t>(i));
}

void PlanState::resize_item(int d, int s, std::size_t i, int dm) {
  auto& item = slots_[idx(d, s)][i];
  change(item.tech, d, dm);
  item.minutes += dm;
  load_[idx(d, s)] += dm;
}

void PlanState::add_pro(int d, int t) {
  pro_at_[static_cast<std::size_t>(d)] = t;
  mark(t, d);
  change(t, d, p_.pro_minutes);
}

void PlanState::remove_pro(int d) {
  const int t = pro_at_[static_cast<std::size_t>(d)];
  change(t, d, -p_.pro_minutes);
  unmark(t, d);
  pro_at_[static_cast<std::size_t>(d)] = -1;
}

PlanState::Snapshot PlanState::save(std::initializer_list<std::pair<int, int>> which) const {
  Snapshot snap;
  snap.total = total_;
  for (auto [d, s] : which) {
    const int key = d * p_.slots + s;
    if (std::find(snap.keys.begin(), snap.keys.end(), key) != snap.keys.end()) continue;
    snap.keys.push_back(key);
    snap.items.insert(snap.items.end(), slots_[idx(d, s)].begin(), slots_[idx(d, s)].end());
    snap.ends.push_back(snap.items.size());
  }
  return snap;
}

PlanState::Snapshot PlanState::save_block(int first, int last) const {
  Snapshot snap;
  save_block(first, last, snap);
  return snap;
}

void PlanState::save_block(int first, int last, Snapshot& snap) const {
  snap.total = total_;
  snap.pro_first = first;
  snap.pros.assign(pro_at_.begin() + first, pro_at_.begin() + last);
  const auto n = static_cast<std::size_t>((last - first) * p_.slots);
  snap.keys.clear();
  snap.ends.clear();
  snap.items.clear();
  snap.keys.reserve(n);
  snap.ends.reserve(n);
  for (int d = first; d < last; ++d)
    for (int s = 0; s < p_.slots; ++s) {
      snap.keys.push_back(d * p_.slots + s);
      snap.items.insert(snap.items.end(), slots_[idx(d, s)].begin(), slots_[idx(d, s)].end());
      snap.ends.push_back(snap.items.size());
    }
}

void PlanState::restore(const Snapshot& snap) {
  for (std::size_t i = 0; i < snap.pros.size(); ++i) {
    const int d = snap.pro_first + static_cast<int>(i);
    if (pro_at(d) == snap.pros[i]) continue;
    if (pro_at(d) >= 0) remove_pro(d);
    if (snap.pros[i] >= 0) add_pro(d, snap.pros[i]);
  }
  // Day by day: only what differs from the saved items is re-priced.
  auto begin_of = [&](std::size_t i) { return i == 0 ? std::size_t{0} : snap.ends[i - 1]; };
  const auto saved = [&](std::size_t i) {
    return std::make_pair(snap.items.begin() + static_cast<std::ptrdiff_t>(begin_of(i)),
                          snap.items.begin() + static_cast<std::ptrdiff_t>(snap.ends[i]));
  };
  for (std::size_t a = 0; a < snap.keys.size();) {
    const int d = snap.keys[a] / p_.slots;
    // A day whose slots hold what was saved (most days of a saved block) changes nothing:
    // reprice would only count its items, removed and added again.
    std::size_t b = a;
    bool same = true;
    std::uint64_t n = 0;
    for (; b < snap.keys.size() && snap.keys[b] / p_.slots == d; ++b) {
      const auto& now = slots_[static_cast<std::size_t>(snap.keys[b])];
      const auto [from, to] = saved(b);
      same = same && std::equal(now.begin(), now.end(), from, to, [](const Item& x, const Item& y) {
               return x.tech == y.tech && x.minutes == y.minutes;
             });
      n += now.size();
    }
    if (same) {
      effort_ += 2 * n;
      a = b;
      continue;
    }
    b = a;
    before_.clear();
    after_.clear();
    for (; b < snap.keys.size() && snap.keys[b] / p_.slots == d; ++b) {
      const auto key = static_cast<std::size_t>(snap.keys[b]);
      before_.insert(before_.end(), slots_[key].begin(), slots_[key].end());
      const auto [from, to] = saved(b);
      after_.insert(after_.end(), from, to);
    }
    reprice(d, before_, after_, false);  // the score is the saved one (below)
    for (std::size_t i = a; i < b; ++i) {
      const auto key = static_cast<std::size_t>(snap.keys[i]);
      const auto [from, to] = saved(i);
      slots_[key].assign(from, to);
      int load = 0;
      for (const auto& it : slots_[key]) load += it.minutes;
      load_[key] = load;
    }
    a = b;
  }
  total_ = snap.total;  // drop rounding drift
}

void PlanState::reprice(int d, const std::vector<Item>& before, const std::vector<Item>& after,
                        bool total) {
  // Per technique (a technique is on a day at most once, but be safe): the net change of its
  // minutes and uses; then only the differences change the coverage, the techniques of
  // `before` first and those only in `after` next, each in the order it first appears.
  // Counted as the full re-pricing it replaces (one unit per item removed and per item added),
  // so effort, and with it the plans, stay as they were.
  const std::uint64_t counted = before.size() + after.size();
  for (const Item& o : before) {
    net_minutes_[static_cast<std::size_t>(o.tech)] -= o.minutes;
    --net_uses_[static_cast<std::size_t>(o.tech)];
  }
  for (const Item& n : after) {
    net_minutes_[static_cast<std::size_t>(n.tech)] += n.minutes;
    ++net_uses_[static_cast<std::size_t>(n.tech)];
  }
  std::uint64_t changes = 0;
  for (const Item& o : before) {
    const auto t = static_cast<std::size_t>(o.tech);
    if (seen_[t] != 0) continue;
    seen_[t] = 1;
    if (net_minutes_[t] != 0) {
      change(o.tech, d, net_minutes_[t], total);
      ++changes;
    }
    for (; net_uses_[t] < 0; ++net_uses_[t]) unmark(o.tech, d);
    for (; net_uses_[t] > 0; --net_uses_[t]) mark(o.tech, d);
    net_minutes_[t] = 0;
  }
  for (const Item& n : after) {
    const auto t = static_cast<std::size_t>(n.tech);
    if (seen_[t] != 0) continue;
    seen_[t] = 1;
    for (; net_uses_[t] > 0; --net_uses_[t]) mark(n.tech, d);
    change(n.tech, d, net_minutes_[t], total);
    ++changes;
    net_minutes_[t] = 0;
  }
  for (const Item& o : before) seen_[static_cast<std::size_t>(o.tech)] = 0;
  for (const Item& n : after) seen_[static_cast<std::size_t>(n.tech)] = 0;
  effort_ += counted > changes ? counted - changes : 0;
}

bool PlanState::block_met(int k) const {
  const WeekBlock block = p_.score.block(k);
  return met(k, block.first, block.end());
}

bool PlanState::met(int k, int first, int last) const {
  const ScoreModel& m = p_.score;
  double lack = 0;
  for (int g = 0; g < m.goals(); ++g) {
    lack += m.weekly_weight(g) * (1.0 - coverage_fraction(bsum_[bi(k, g)], m.block_target(k, g)));
    for (int d = first; d < last; ++d)
      if (m.selfcare(d))
        lack += m.daily_weight(g) * (1.0 - coverage_fraction(cov_[ci(d, g)], m.daily_target(g)));
  }
  return lack <= kEps / 2;
}

std::vector<Item> PlanState::day_items(int d) const {
  std::vector<Item> items;
  for (int s = 0; s < p_.slots; ++s)
    for (const auto& it : slots_[idx(d, s)]) items.push_back(it);
  return items;
}

void PlanState::day_items(int d, std::vector<Item>& out) const {
  out.clear();
  for (int s = 0; s < p_.slots; ++s)
    out.insert(out.end(), slots_[idx(d, s)].begin(), slots_[idx(d, s)].end());
}

bool PlanState::pack(std::vector<Item>& items, std::vector<int>& where) const {
  // Longest first, equal lengths in their order (a stable insertion sort: a day holds few).
  for (std::size_t i = 1; i < items.size(); ++i) {
    const Item x = items[i];
    std::size_t j = i;
    for (; j > 0 && items[j - 1].minutes < x.minutes; --j) items[j] = items[j - 1];
    items[j] = x;
  }
  where.assign(items.size(), 0);
  int minutes = 0;
  for (const auto& it : items) minutes += it.minutes;
  if (minutes > p_.day_minutes) return false;
  if (p_.slots == 1) return true;  // (the one slot holds them all)
  auto& free = pack_free_;
  free.assign(p_.slot_cap.begin(), p_.slot_cap.end());
  long budget = 20000;
  // The first packing in the order below (items longest first, each into the first slot that
  // takes it); the check above only spares the search a failure it would end in.
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

bool PlanState::fits(const std::vector<Item>& items) const {
  fit_items_.assign(items.begin(), items.end());
  return pack(fit_items_, fit_where_);
}

bool PlanState::set_day(int d, const std::vector<Item>& items) {
  next_.assign(items.begin(), items.end());
  if (!pack(next_, where_)) return false;
  before_.clear();
  for (int s = 0; s < p_.slots; ++s)
    before_.insert(before_.end(), slots_[idx(d, s)].begin(), slots_[idx(d, s)].end());
  after_.assign(next_.begin(), next_.end());
  reprice(d, before_, after_);
  for (int s = 0; s < p_.slots; ++s) {
    slots_[idx(d, s)].clear();
    load_[idx(d, s)] = 0;
  }
  for (std::size_t i = 0; i < next_.size(); ++i) {
    slots_[idx(d, where_[i])].push_back(next_[i]);
    load_[idx(d, where_[i])] += next_[i].minutes;
  }
  return true;
}

bool PlanState::grow_day(int d, int t, bool add, int minutes) {
  std::size_t n = 0;
  int found = 0;  // items of t on the day
  for (int s = 0; s < p_.slots; ++s)
    for (const auto& it : slots_[idx(d, s)]) {
      ++n;
      found += it.tech == t ? 1 : 0;
    }
  const bool general = found > 1 || (add ? found > 0 : found == 0);
  // set_day re-prices only t here (the other items keep their minutes) and counts every item
  // removed and added (see reprice): n before, n or n + 1 after.
  const int dm = add ? minutes : 1;
  auto apply = [&] {
    if (add) mark(t, d);
    change(t, d, dm);
    effort_ += add ? 2 * n : 2 * n - 1;
  };
  if (p_.slots == 1 && !general) {
    // One slot: the items fit when their minutes do; set_day would sort them longest first
    // (stably), as below.
    auto& v = slots_[idx(d, 0)];
    if (load_[idx(d, 0)] + dm > p_.slot_cap[0]) return false;
    if (add) {
      v.push_back({t, minutes});
    } else {
      for (auto& it : v)
        if (it.tech == t) ++it.minutes;
    }
    apply();
    load_[idx(d, 0)] += dm;
    for (std::size_t i = 1; i < v.size(); ++i) {
      const Item x = v[i];
      std::size_t j = i;
      for (; j > 0 && v[j - 1].minutes < x.minutes; --j) v[j] = v[j - 1];
      v[j] = x;
    }
    return true;
  }
  day_items(d, grow_);
  if (add) {
    grow_.push_back({t, minutes});
  } else {
    for (auto& it : grow_)
      if (it.tech == t) ++it.minutes;
  }
  if (general) return set_day(d, grow_);
  // Several slots: packed as set_day packs them, without its general re-pricing.
  if (!pack(grow_, where_)) return false;
  apply();
  for (int s = 0; s < p_.slots; ++s) {
    slots_[idx(d, s)].clear();
    load_[idx(d, s)] = 0;
  }
  for (std::size_t i = 0; i < grow_.size(); ++i) {
    slots_[idx(d, where_[i])].push_back(grow_[i]);
    load_[idx(d, where_[i])] += grow_[i].minutes;
  }
  return true;
}

int PlanState::free_minutes(int d) const {
  int free = 0;
  for (int s = 0; s < p_.slots; ++s) free += slack(d, s);
  return free;
}

void PlanState::mark(int t, int d) {
  auto& u = used_[static_cast<std::size_t>(t)];
  u.insert(std::upper_bound(u.begin(), u.end(), d), d);
}

void PlanState::unmark(int t, int d) {
  auto& u = used_[static_cast<std::size_t>(t)];
  auto it = std::lower_bound(u.begin(), u.end(), d);
  if (it != u.end() && *it == d) u.erase(it);
}

void PlanState::change(int t, int d, int dm, bool total) {
  const int k = block_of(d);
  if (total)
    total_ += price(t, d, dm);
  else
    count_price();
  for (auto [g, w] : p_.tech(t).w) {
    cov_[ci(d, g)] += w * dm;
    if (!p_.score.capped(g)) {
      bsum_[bi(k, g)] += w * dm;
      continue;
    }
    auto& v = tcov_[static_cast<std::size_t>(t)];
    if (v.empty()) v.assign(bsum_.size(), 0.0);
    bsum_[bi(k, g)] += p_.score.credit_gain(k, g, v[bi(k, g)], w * dm);
    v[bi(k, g)] += w * dm;
  }
}

}  // namespace mp::planner::detail
