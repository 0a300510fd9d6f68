#include "planner/week_bound.hpp"

#include <algorithm>
#include <limits>

namespace mp::planner::detail {
namespace {

// Subgradient steps: few, with a shrinking step, from the plan's own slopes.
constexpr int kSteps = 40;
constexpr double kFirstStep = 0.5;
constexpr double kShrink = 0.88;

}  // namespace

double block_value(const PlanState& st, int k) {
  const Problem& p = st.problem();
  const ScoreModel& m = p.score;
  const WeekBlock block = m.block(k);
  double v = 0;
  for (int g = 0; g < m.goals(); ++g) {
    v += m.weekly_weight(g) * coverage_fraction(st.block_coverage(k, g), m.block_target(k, g));
    for (int d = block.first; d < block.end(); ++d)
      if (m.selfcare(d))
        v += m.daily_weight(g) * coverage_fraction(st.coverage(d, g), m.daily_target(g));
  }
  return v;
}

double block_upper_bound(const PlanState& st, int k) {
  const Problem& p = st.problem();
  const ScoreModel& m = p.score;
  const WeekBlock block = m.block(k);
  const auto G = static_cast<std::size_t>(m.goals());
  const auto D = static_cast<std::size_t>(block.days);
  auto at = [](int i) { return static_cast<std::size_t>(i); };
  // The techniques that can take part: self-care candidates, professional ones, pinned steps.
  struct Local {
    int t;
    int kind;          // 0 self-care candidate, 1 professional, 2 pinned only
    double reach = 0;  // most minutes a day (self-care)
    int uses = 0;      // block cap (self-care)
  };
  std::vector<Local> techs;
  std::vector<int> local_of(p.techs.size(), -1);
  auto add = [&](int t, int kind) {
    if (local_of[at(t)] >= 0) return;
    local_of[at(t)] = static_cast<int>(techs.size());
    techs.push_back({t, kind});
  };
  const int longest =
      p.slot_cap.empty() ? 0 : *std::max_element(p.slot_cap.begin(), p.slot_cap.end());
  for (int t : p.pool) {
    const Tech& tech = p.tech(t);
    const int reach = std::min(tech.max, longest);
    const int uses = block_cap(tech.per_week, block.days);
    if (reach < tech.min || uses <= 0) continue;
    add(t, 0);
    techs.back().reach = reach;
    techs.back().uses = uses;
  }
  const int visits = p.pros.empty() ? 0 : block_cap(p.pro_per_week, block.days);
  if (visits > 0)
    for (int t : p.pros) add(t, 1);
  // Pinned steps: constants of the coverage (per day and goal, per technique and goal).
  std::vector<double> pinned_day(D * G, 0.0);
  std::vector<double> pinned_tech;  // per local technique and goal, filled below
  for (const auto& pin : p.pinned)
    if (pin.day >= block.first && pin.day < block.end())
      for (std::size_t i = 0; i < pin.techs.size(); ++i) add(pin.techs[i], 2);
  const std::size_t L = techs.size();
  pinned_tech.assign(L * G, 0.0);
  for (const auto& pin : p.pinned)
    if (pin.day >= block.first && pin.day < block.end())
      for (std::size_t i = 0; i < pin.techs.size(); ++i) {
        const auto l = at(local_of[at(pin.techs[i])]);
        for (auto [g, w] : p.tech(pin.techs[i]).w) {
          const double c = w * pin.steps[i].second;
          pinned_day[at(pin.day - block.first) * G + at(g)] += c;
          pinned_tech[l * G + at(g)] += c;
        }
      }

  // Multipliers, from the plan's own slopes: a part below its target at full slope, a met
  // part at 0; a technique below its share at μ = 1, one at its share at 0; no cap prices.
  std::vector<double> lam_day(D * G, 0.0);  // daily parts (self-care days only)
  std::vector<double> lam_week(G, 0.0);
  std::vector<double> mu(L * G, 1.0);
  std::vector<double> nu(L, 0.0);
  for (std::size_t g = 0; g < G; ++g) {
    const int gi = static_cast<int>(g);
    const double dt = m.daily_target(gi);
    const double bt = m.block_target(k, gi);
    for (std::size_t i = 0; i < D; ++i) {
      const int d = block.first + static_cast<int>(i);
      if (m.selfcare(d) && dt > 0 && st.coverage(d, gi) < dt)
        lam_day[i * G + g] = m.daily_weight(gi) / dt;
    }
    if (bt > 0 && st.block_coverage(k, gi) < bt) lam_week[g] = m.weekly_weight(gi) / bt;
    if (m.capped(gi))
      for (std::size_t l = 0; l < L; ++l)
        if (st.technique_coverage(techs[l].t, k, gi) >= m.credit_cap(k, gi)) mu[l * G + g] = 0;
  }

  std::vector<double> x(L * D, 0.0);  // the relaxation's minutes (or visits) per technique, day
  std::vector<double> cov(D * G);
  std::vector<double> y(L * G);
  std::vector<std::pair<double, std::size_t>> rates;
  double best = std::numeric_limits<double>::infinity();
  double rate_scale = 0;
  double step = kFirstStep;
  for (int it = 0; it < kSteps; ++it, step *= kShrink) {
    double ub = 0;
    // The parts' constants a − λT, the shares' (1 − μ)·λ·C and the pinned coverage.
    for (std::size_t g = 0; g < G; ++g) {
      const int gi = static_cast<int>(g);
      for (std::size_t i = 0; i < D; ++i) {
        const int d = block.first + static_cast<int>(i);
        if (!m.selfcare(d)) continue;
        ub += m.daily_weight(gi) - lam_day[i * G + g] * m.daily_target(gi) +
              lam_day[i * G + g] * pinned_day[i * G + g];
      }
      ub += m.weekly_weight(gi) - lam_week[g] * m.block_target(k, gi);
      for (std::size_t l = 0; l < L; ++l) {
        const double mg = m.capped(gi) ? mu[l * G + g] : 1.0;
        if (m.capped(gi)) ub += lam_week[g] * (1 - mg) * m.credit_cap(k, gi);
        ub += lam_week[g] * mg * pinned_tech[l * G + g];
      }
    }
    for (std::size_t l = 0; l < L; ++l)
      if (techs[l].kind == 0) ub += nu[l] * techs[l].uses * techs[l].reach;
    std::fill(x.begin(), x.end(), 0.0);
    auto rate = [&](std::size_t l, std::size_t i, bool self) {
      double r = 0;
      for (auto [g, w] : p.tech(techs[l].t).w) {
        const auto gg = at(g);
        r += w * ((self ? lam_day[i * G + gg] : 0.0) +
                  lam_week[gg] * (m.capped(g) ? mu[l * G + gg] : 1.0));
      }
      return r;
    };
    // Self-care: a fractional knapsack per day.
    for (std::size_t i = 0; i < D; ++i) {
      const int d = block.first + static_cast<int>(i);
      if (!m.selfcare(d)) continue;
      rates.clear();
      for (std::size_t l = 0; l < L; ++l) {
        if (techs[l].kind != 0) continue;
        const double r = rate(l, i, true) - nu[l];
        rate_scale = std::max(rate_scale, r);
        if (r > 0) rates.emplace_back(r, l);
      }
      std::sort(rates.begin(), rates.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
      });
      double left = p.day_minutes;
      for (auto [r, l] : rates) {
        const double take = std::min(techs[l].reach, left);
        x[l * D + i] = take;
        ub += r * take;
        left -= take;
        if (left <= 0) break;
      }
    }
    // Professional visits: the best technique on each professional day, the best days.
    if (visits > 0) {
      std::vector<std::pair<double, std::pair<std::size_t, std::size_t>>> days;
      for (std::size_t i = 0; i < D; ++i) {
        const int d = block.first + static_cast<int>(i);
        if (!p.pro_day(d)) continue;
        double bv = 0;
        std::size_t bl = L;
        for (std::size_t l = 0; l < L; ++l) {
          if (techs[l].kind != 1) continue;
          const double v = rate(l, i, m.selfcare(d)) * p.pro_minutes;
          if (v > bv) {
            bv = v;
            bl = l;
          }
        }
        if (bl < L) days.push_back({bv, {bl, i}});
      }
      std::sort(days.begin(), days.end(),
                [](const auto& a, const auto& b) { return a.first > b.first; });
      for (std::size_t n = 0; n < days.size() && n < static_cast<std::size_t>(visits); ++n) {
        ub += days[n].first;
        x[days[n].second.first * D + days[n].second.second] = p.pro_minutes;
      }
    }
    best = std::min(best, ub);
    if (it + 1 == kSteps) break;
    // The relaxation's coverage, and a projected subgradient step on every multiplier.
    std::copy(pinned_day.begin(), pinned_day.end(), cov.begin());
    std::copy(pinned_tech.begin(), pinned_tech.end(), y.begin());
    for (std::size_t l = 0; l < L; ++l)
      for (std::size_t i = 0; i < D; ++i) {
        const double mins = x[l * D + i];
        if (mins <= 0) continue;
        for (auto [g, w] : p.tech(techs[l].t).w) {
          cov[i * G + at(g)] += w * mins;
          y[l * G + at(g)] += w * mins;
        }
      }
    for (std::size_t g = 0; g < G; ++g) {
      const int gi = static_cast<int>(g);
      const double dt = m.daily_target(gi);
      const double dcap = dt > 0 ? m.daily_weight(gi) / dt : 0.0;
      double week = 0;
      for (std::size_t i = 0; i < D; ++i) {
        const int d = block.first + static_cast<int>(i);
        if (!m.capped(gi)) week += cov[i * G + g];
        if (!m.selfcare(d) || dt <= 0) continue;
        double& lam = lam_day[i * G + g];
        lam = std::clamp(lam - step * dcap * (cov[i * G + g] - dt) / dt, 0.0, dcap);
      }
      const double bt = m.block_target(k, gi);
      if (bt <= 0) continue;
      const double wcap = m.weekly_weight(gi) / bt;
      if (m.capped(gi)) {
        const double c = m.credit_cap(k, gi);
        for (std::size_t l = 0; l < L; ++l) {
          double& mg = mu[l * G + g];
          const double yl = y[l * G + g];
          week += mg * yl + (1 - mg) * c;
          if (lam_week[g] > 0 && c > 0) mg = std::clamp(mg - step * (yl - c) / c, 0.0, 1.0);
        }
      }
      lam_week[g] = std::clamp(lam_week[g] - step * wcap * (week - bt) / bt, 0.0, wcap);
    }
    for (std::size_t l = 0; l < L; ++l) {
      if (techs[l].kind != 0) continue;
      double used = 0;
      for (std::size_t i = 0; i < D; ++i) used += x[l * D + i];
      const double room = techs[l].uses * techs[l].reach;
      nu[l] = std::max(0.0, nu[l] - step * rate_scale * (room - used) / room);
    }
  }
  return best;
}

}  // namespace mp::planner::detail
