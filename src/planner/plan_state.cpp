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
      pro_at_(static_cast<std::size_t>(p.score.days()), -1) {}

bool PlanState::blocked_by_cap(int t, int d) const {
  const auto& u = used_[static_cast<std::size_t>(t)];
  const WeekBlock block = p_.score.block(block_of(d));
  auto lo = std::lower_bound(u.begin(), u.end(), block.first);
  auto hi = std::lower_bound(lo, u.end(), block.end());
  return hi - lo >= block_cap(p_.tech(t).per_week, block.days);
}

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
    bool dup = false;
    for (const auto& e : snap.slots) dup = dup || e.first == key;
    if (!dup) snap.slots.emplace_back(key, slots_[idx(d, s)]);
  }
  return snap;
}

PlanState::Snapshot PlanState::save_block(int first, int last) const {
  Snapshot snap;
  snap.total = total_;
  snap.pro_first = first;
  snap.pros.assign(pro_at_.begin() + first, pro_at_.begin() + last);
  for (int d = first; d < last; ++d)
    for (int s = 0; s < p_.slots; ++s) snap.slots.emplace_back(d * p_.slots + s, slots_[idx(d, s)]);
  return snap;
}

void PlanState::restore(const Snapshot& snap) {
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

bool PlanState::pack(std::vector<Item>& items, std::vector<int>& where) const {
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

bool PlanState::fits(std::vector<Item> items) const {
  std::vector<int> where;
  return pack(items, where);
}

bool PlanState::set_day(int d, std::vector<Item> items) {
  std::vector<int> where;
  if (!pack(items, where)) return false;
  for (int s = 0; s < p_.slots; ++s)
    while (!slots_[idx(d, s)].empty()) remove_item(d, s, slots_[idx(d, s)].size() - 1);
  for (std::size_t i = 0; i < items.size(); ++i)
    add_item(d, where[i], items[i].tech, items[i].minutes);
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

void PlanState::change(int t, int d, int dm) {
  const int k = block_of(d);
  total_ += price(t, d, dm);
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
