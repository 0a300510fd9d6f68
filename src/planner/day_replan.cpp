#include "planner/day_replan.hpp"

#include <algorithm>
#include <cmath>

namespace mp::planner::detail {

// Whether no other plan for day d, made of its items and the candidates in `all`, can beat
// it (a proof, so the day re-plan need not run). The score is concave in the day's coverage
// c, so for a supergradient g of it at the day's coverage c0 every day plan x scores at most
// score(c0) + g·(c(x) − c0); the most g·c(x) can be is a fractional knapsack over the day's
// minutes (each technique up to its longest length that fits a slot). When that bound does
// not exceed the day's score, the day is optimal. A goal part exactly at its target may take
// any slope between 0 and its own; both ends are tried.
bool day_cannot_gain(const PlanState& st, int d, const std::vector<int>& all) {
  const Problem& p = st.problem();
  const int k = d / 7;
  const bool self = p.selfcare(d);
  const auto G = static_cast<std::size_t>(p.score.goals());
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
      const int gi = static_cast<int>(g);
      const double coef =
          weekly ? p.score.weekly_weight(gi) : (self ? p.score.daily_weight(gi) : 0.0);
      const double target = weekly ? p.score.block_target(k, gi) : p.score.daily_target(gi);
      const double y = weekly ? st.block_coverage(k, gi) : st.coverage(d, gi);
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
  for (int s = 0; s < p.slots; ++s)
    for (const auto& it : st.slot(d, s)) {
      techs.push_back(it.tech);
      for (auto [g, w] : p.tech(it.tech).w) c0[static_cast<std::size_t>(g)] += w * it.minutes;
    }
  for (int t : all)
    if (!st.on_day(t, d) && st.can_use(t, d)) techs.push_back(t);
  const int capacity = p.day_minutes;
  const int longest = *std::max_element(p.slot_cap.begin(), p.slot_cap.end());
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
    // With share caps (v2) a technique at its cap for a goal gains that goal's weekly part
    // nothing more, and losing minutes there costs no more than slope 0 says: its own slope is
    // 0, which keeps the bound an upper bound.
    auto rate = [&](int t) {
      double r = 0;
      for (auto [g, w] : p.tech(t).w) {
        const auto q = 2 * static_cast<std::size_t>(g);
        const bool at_cap =
            p.score.capped(g) && st.technique_coverage(t, k, g) >= p.score.credit_cap(k, g);
        r += w * (slope[q] + (at_cap ? 0.0 : slope[q + 1]));
      }
      return r;
    };
    if (p.score.any_capped()) {
      for (int s = 0; s < p.slots; ++s)
        for (const auto& it : st.slot(d, s)) bound -= rate(it.tech) * it.minutes;
    } else {
      for (std::size_t g = 0; g < G; ++g) bound -= (slope[2 * g] + slope[2 * g + 1]) * c0[g];
    }
    rates.clear();
    for (int t : techs) {
      const Tech& tech = p.tech(t);
      double r = 0;
      if (p.score.any_capped())
        r = rate(t);
      else
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

// Re-plans day d as a whole: a knapsack over the slots' loads (exact packing) of the day's
// items and its best few other candidates, each at any length in its range, keeping the few
// best partial plans per load by the exact concave score given the rest of the block.
// Bounded: only small slot grids, a short candidate list and a narrow beam.
bool DayReplanner::run(PlanState& st, int d, const std::vector<int>& all) {
  const Problem& p = st.problem();
  constexpr std::size_t kBeam = 2;
  constexpr std::size_t kOthers = 14;
  constexpr int kMaxStates = 512;
  if (p.slots == 0 || p.slots > 3) return false;
  // Nothing to gain when every goal is already met on this day and in its block.
  if (st.met(d / 7, d, d + 1)) return false;
  int states = 1;
  for (int cap : p.slot_cap) {
    states *= cap + 1;
    if (states > kMaxStates) return false;
  }
  if (day_cannot_gain(st, d, all)) return false;
  auto snap = st.save_day(d);
  const auto before = st.day_items(d);
  st.set_day(d, {});
  // Candidates: the day's items, then the best others per minute on the emptied day.
  std::vector<int> cands;
  for (const auto& it : before)
    if (st.can_use(it.tech, d)) cands.push_back(it.tech);
  {
    std::vector<std::pair<double, int>> rated;
    for (int t : all) {
      if (std::find(cands.begin(), cands.end(), t) != cands.end() || !st.can_use(t, d)) continue;
      const Tech& tech = p.tech(t);
      const double r = st.price(t, d, tech.min) / tech.min;
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
  const bool self = p.selfcare(d);
  std::vector<int> gmap(static_cast<std::size_t>(p.score.goals()), -1);
  std::vector<int> goals;
  for (int t : cands)
    for (auto [g, w] : p.tech(t).w)
      if (gmap[static_cast<std::size_t>(g)] < 0) {
        gmap[static_cast<std::size_t>(g)] = static_cast<int>(goals.size());
        goals.push_back(g);
      }
  const std::size_t G = goals.size();
  if (G == 0 || cands.empty()) {
    st.restore(snap);
    return false;
  }
  // Per goal: (coefficient, coverage so far, target) of the daily and the weekly part.
  struct Part {
    double coef, base, target;
  };
  std::vector<Part> parts;
  for (int g : goals) {
    parts.push_back(
        {self ? p.score.daily_weight(g) : 0.0, st.coverage(d, g), p.score.daily_target(g)});
    parts.push_back(
        {p.score.weekly_weight(g), st.block_coverage(k, g), p.score.block_target(k, g)});
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
      for (auto [g, w] : p.techs[static_cast<std::size_t>(cands[i])].w) {
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
      for (auto [g, w] : p.tech(it.tech).w)
        c0[static_cast<std::size_t>(gmap[static_cast<std::size_t>(g)])] += w * it.minutes;
    floor = value(c0.data());
  }
  const int capacity = p.day_minutes;
  // Layered beam: per layer and load state, the kBeam best partial plans (value, coverage,
  // parent entry, choice). The buffers live in the replanner and are reused from call to call.
  std::vector<int> radix(static_cast<std::size_t>(p.slots), 1);
  for (int s = 1; s < p.slots; ++s)
    radix[static_cast<std::size_t>(s)] =
        radix[static_cast<std::size_t>(s - 1)] * (p.slot_cap[static_cast<std::size_t>(s - 1)] + 1);
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
    const Tech& tech = p.techs[static_cast<std::size_t>(cands[li])];
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
      for (int s = 0; s < p.slots; ++s)
        filled += state / radix[static_cast<std::size_t>(s)] %
                  (p.slot_cap[static_cast<std::size_t>(s)] + 1);
      // Children have at least this coverage, so these bounds hold for them too.
      const Bound bound = bound_at(pc, li + 1);
      auto hopeless = [&](double v, int used) {
        return v + std::min(bound.rate * (capacity - used), bound.headroom) <= floor;
      };
      if (!hopeless(prev.entries[e].v, filled))
        offer(state, prev.entries[e].v, static_cast<int>(e), 0, -1, pc);
      // The value of each length does not depend on the slot: price each once.
      int room_max = 0;
      for (int s = 0; s < p.slots; ++s)
        room_max = std::max(room_max, p.slot_cap[static_cast<std::size_t>(s)] -
                                          state / radix[static_cast<std::size_t>(s)] %
                                              (p.slot_cap[static_cast<std::size_t>(s)] + 1));
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
      for (int s = 0; s < p.slots; ++s) {
        const int load = state / radix[static_cast<std::size_t>(s)] %
                         (p.slot_cap[static_cast<std::size_t>(s)] + 1);
        const int room = p.slot_cap[static_cast<std::size_t>(s)] - load;
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
    st.restore(snap);
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
  if (st.set_day(d, items) && st.total() > snap.total + kEps) return true;
  st.restore(snap);
  return false;
}

}  // namespace mp::planner::detail
