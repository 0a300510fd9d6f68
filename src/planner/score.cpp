#include "planner/score.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "planner/eligibility.hpp"
#include "planner/problem.hpp"

namespace mp::planner {

namespace {

/// What the score of a plan is computed from: the scored goals with their caps, each day's
/// effective minutes per goal and each technique's per block (SPEC §4).
struct Tally {
  std::vector<ScoredGoal> goals;
  std::vector<char> selfcare;
  std::vector<double> coverage;                              // [d · G + g]
  std::map<std::string, std::vector<double>> per_technique;  // id → [k · G + g]
};

Tally tally(const model::Plan& plan, const model::Library& library) {
  Tally out;
  out.goals = scored_goals(plan.profile, library);
  const int days = static_cast<int>(plan.plan.size());
  const std::size_t n_goals = out.goals.size();
  std::vector<int> weekdays;
  for (const auto& day : plan.plan) weekdays.push_back(day.weekday);
  set_share_caps(out.goals, library, plan.profile, plan_shape(plan.profile, weekdays));
  out.coverage.assign(static_cast<std::size_t>(days) * n_goals, 0.0);
  const std::size_t block_size = static_cast<std::size_t>(block_count(days)) * n_goals;
  for (int d = 0; d < days; ++d) {
    const auto& day = plan.plan[static_cast<std::size_t>(d)];
    const int wd = day.weekday;
    out.selfcare.push_back(wd >= 0 && wd <= 6 &&
                           plan.profile.weekdays[static_cast<std::size_t>(wd)]);
    for (const auto& session : day.sessions) {
      for (const auto& item : session.items) {
        const model::Technique* t = library.find_technique(item.technique);
        if (t == nullptr) continue;
        auto& tb = out.per_technique[t->id];
        if (tb.empty()) tb.assign(block_size, 0.0);
        for (std::size_t g = 0; g < n_goals; ++g) {
          auto it = t->goals.find(out.goals[g].id);
          if (it == t->goals.end()) continue;
          out.coverage[static_cast<std::size_t>(d) * n_goals + g] += it->second * item.minutes;
          tb[static_cast<std::size_t>(block_of(d)) * n_goals + g] += it->second * item.minutes;
        }
      }
    }
  }
  return out;
}

}  // namespace

double adaptation_term(const model::Plan& plan) {
  if (plan.adaptations.empty()) return 0;
  std::vector<char> selfcare;
  std::vector<char> proday;
  const auto& pro = plan.profile.professional;
  for (const auto& day : plan.plan) {
    const auto wd = static_cast<std::size_t>(std::clamp(day.weekday, 0, 6));
    selfcare.push_back(plan.profile.weekdays[wd] ? 1 : 0);
    proday.push_back(pro && pro->sessions_per_week > 0 && pro->weekdays[wd] ? 1 : 0);
  }
  const double horizon = detail::horizon_minutes(plan.profile, selfcare, proday);
  std::map<std::string, int> minutes;
  for (const auto& day : plan.plan)
    for (const auto& session : day.sessions)
      for (const auto& item : session.items) minutes[item.technique] += item.minutes;
  double term = 0;
  for (const auto& a : plan.adaptations)
    if (auto it = minutes.find(a.technique); it != minutes.end() && a.factor > 0)
      term += adaptation_per_minute(a.factor, horizon) * it->second;
  return term;
}

model::Score compute_score(const model::Plan& plan, const model::Library& library) {
  Tally t = tally(plan, library);
  std::vector<std::vector<double>> technique_blocks;
  for (auto& [id, tb] : t.per_technique) technique_blocks.push_back(std::move(tb));
  return ScoreModel(std::move(t.goals), std::move(t.selfcare))
      .evaluate(t.coverage, technique_blocks);
}

std::vector<model::HeldBack> shares_reached(const model::Plan& plan,
                                            const model::Library& library) {
  const Tally t = tally(plan, library);
  const ScoreModel model(t.goals, t.selfcare);
  // A relative tolerance: a share met exactly by whole minutes must count as reached.
  constexpr double kTolerance = 1e-9;
  std::vector<model::HeldBack> out;
  for (const auto& [id, blocks] : t.per_technique) {
    for (int g = 0; g < model.goals(); ++g) {
      if (!model.capped(g)) continue;
      model::HeldBack held{id, model.goal(g).id, model.goal(g).share_cap, {}};
      for (int k = 0; k < model.blocks(); ++k) {
        const double cap = model.credit_cap(k, g);
        const double credit =
            blocks[static_cast<std::size_t>(k) * t.goals.size() + static_cast<std::size_t>(g)];
        if (cap > 0 && credit >= cap * (1 - kTolerance)) held.weeks.push_back(k + 1);
      }
      if (!held.weeks.empty()) out.push_back(std::move(held));
    }
  }
  return out;
}

void fill_score_shares(model::Plan& plan, const model::Library& library) {
  const auto goals = scored_goals(plan.profile, library);
  double priorities = 0;
  for (const auto& g : goals) priorities += g.priority;
  // Total weight × minutes per goal over the whole plan.
  std::vector<double> mass(goals.size(), 0.0);
  auto weight = [&](const model::Technique* t, std::size_t g) {
    if (t == nullptr) return 0.0;
    auto it = t->goals.find(goals[g].id);
    return it == t->goals.end() ? 0.0 : it->second;
  };
  for (const auto& day : plan.plan)
    for (const auto& session : day.sessions)
      for (const auto& item : session.items) {
        const model::Technique* t = library.find_technique(item.technique);
        for (std::size_t g = 0; g < goals.size(); ++g) mass[g] += weight(t, g) * item.minutes;
      }
  for (auto& day : plan.plan)
    for (auto& session : day.sessions)
      for (auto& item : session.items) {
        const model::Technique* t = library.find_technique(item.technique);
        double share = 0;
        for (std::size_t g = 0; g < goals.size(); ++g) {
          if (mass[g] <= 0 || priorities <= 0) continue;
          auto it = plan.score.goals.find(goals[g].id);
          if (it == plan.score.goals.end()) continue;
          const double contribution = goals[g].priority * it->second.score / priorities;
          share += contribution * weight(t, g) * item.minutes / mass[g];
        }
        item.score_share = share;
      }
}

std::vector<model::Score> week_scores(const model::Plan& plan, const model::Library& library) {
  std::vector<model::Score> out;
  model::Plan week;
  week.profile = plan.profile;
  for (std::size_t first = 0; first < plan.plan.size(); first += 7) {
    const std::size_t last = std::min(plan.plan.size(), first + 7);
    week.start = plan.plan[first].date;
    week.days = static_cast<int>(last - first);
    week.plan.assign(plan.plan.begin() + static_cast<std::ptrdiff_t>(first),
                     plan.plan.begin() + static_cast<std::ptrdiff_t>(last));
    out.push_back(compute_score(week, library));
  }
  return out;
}

}  // namespace mp::planner
