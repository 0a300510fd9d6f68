#include "planner/score_model.hpp"

#include <algorithm>
#include <set>

namespace mp::planner {

std::vector<ScoredGoal> scored_goals(const model::Profile& profile, const model::Library& library) {
  std::vector<ScoredGoal> out;
  std::set<std::string> seen;
  for (const auto& gp : profile.goals) {
    const model::Goal* g = library.find_goal(gp.id);
    if (g == nullptr || !seen.insert(gp.id).second) continue;
    out.push_back({gp.id, static_cast<double>(gp.priority), g->weekly_target_minutes});
  }
  return out;
}

double share_cap(double variety, int servers) {
  if (variety >= 1 || servers <= 1) return 1;
  return std::max(variety, 1.0 / servers);
}

namespace {
// The adaptation term's block target: more than any coverage, so its weekly part stays linear.
constexpr double kAdaptationTarget = 1e7;
}  // namespace

ScoredGoal adaptation_goal(double horizon_minutes) {
  ScoredGoal g;
  g.id = "(adaptations)";
  g.priority = 0;
  g.weekly_target = kAdaptationTarget;
  g.adaptation = true;
  g.per_minute = adaptation_per_minute(2.0, horizon_minutes);  // per unit of weight f − 1
  return g;
}

ScoreModel::ScoreModel(std::vector<ScoredGoal> goals, std::vector<char> selfcare)
    : goals_(std::move(goals)), selfcare_(std::move(selfcare)) {
  active_ = static_cast<int>(
      std::count_if(selfcare_.begin(), selfcare_.end(), [](char c) { return c != 0; }));
  double total_priority = 0;
  for (const auto& g : goals_)
    if (!g.adaptation) total_priority += g.priority;
  const int K = blocks();
  for (const auto& g : goals_) {
    if (g.adaptation) {
      // Linear: weight·Δc/target per unit of coverage, the same in every block, no daily part.
      daily_weight_.push_back(0.0);
      weekly_weight_.push_back(g.per_minute * g.weekly_target);
      daily_target_.push_back(0.0);
      continue;
    }
    const double pg = total_priority > 0 ? g.priority / total_priority : 0;
    daily_weight_.push_back(active_ > 0 ? pg / (2.0 * active_) : 0.0);
    weekly_weight_.push_back(K > 0 ? pg / (2.0 * K) : 0.0);
    daily_target_.push_back(g.weekly_target / 7.0);
  }
  for (int k = 0; k < K; ++k)
    for (const auto& g : goals_) {
      block_target_.push_back(g.adaptation ? g.weekly_target
                                           : g.weekly_target * block(k).days / 7.0);
      credit_cap_.push_back(g.share_cap * block_target_.back());
    }
  for (const auto& g : goals_) any_capped_ = any_capped_ || g.share_cap < 1;
}

model::Score ScoreModel::evaluate(const std::vector<double>& coverage,
                                  const std::vector<std::vector<double>>& technique_blocks) const {
  model::Score score;
  const std::size_t G = goals_.size();
  const int D = days();
  const int K = blocks();
  double weighted = 0;
  double priorities = 0;
  for (int g = 0; g < goals(); ++g) {
    if (adaptation(g)) continue;  // the search's objective, not the score
    double weekly = 0;
    for (int k = 0; k < K; ++k) {
      double sum = 0;
      if (capped(g)) {
        for (const auto& tb : technique_blocks)
          sum += std::min(tb[at(k) * G + at(g)], credit_cap(k, g));
      } else {
        for (int d = block(k).first; d < block(k).end(); ++d) sum += coverage[at(d) * G + at(g)];
      }
      weekly += coverage_fraction(sum, block_target(k, g));
    }
    weekly = K > 0 ? weekly / K : 0.0;
    double daily = 0;
    for (int d = 0; d < D; ++d)
      if (selfcare(d)) daily += coverage_fraction(coverage[at(d) * G + at(g)], daily_target(g));
    daily = active_ > 0 ? daily / active_ : 1.0;
    const double s = (weekly + daily) / 2;
    score.goals[goal(g).id] = model::GoalScore{weekly, daily, s, goal(g).share_cap};
    weighted += goal(g).priority * s;
    priorities += goal(g).priority;
  }
  score.total = priorities > 0 ? weighted / priorities : 0.0;
  return score;
}

}  // namespace mp::planner
