#pragma once
#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "model/library.hpp"
#include "model/plan.hpp"
#include "model/profile.hpp"
#include "planner/week_blocks.hpp"

namespace mp::planner {

/// min(1, x / target); a target of 0 or less counts as met.
inline double coverage_fraction(double x, double target) {
  if (target <= 0) return 1.0;
  const double f = x / target;
  return f < 1.0 ? f : 1.0;
}

/// One goal the score counts: its priority p_g, its weekly target τ_g in minutes and its share
/// cap σ_g (v2: the part of a block's target one technique's minutes may count for).
struct ScoredGoal {
  std::string id;
  double priority = 1;
  double weekly_target = 0;
  double share_cap = 1;
  /// v3: not a goal but the adaptation term of the search's objective (adaptation_goal()).
  bool adaptation = false;
  double per_minute = 0;  ///< the adaptation term: objective per unit of its coverage
};

/// v3 adaptations (plan --adapt, docs/planning.md "Learning from the history"): a technique with
/// factor f adds kAdaptationStrength·(f − 1)/M to the objective the search maximises for each of
/// its minutes, M being the horizon's minutes (adaptation_minutes()). The term is separate from
/// the SPEC §4 score, so the optimum's minutes of that technique are monotone in f.
inline constexpr double kAdaptationStrength = 0.5;

/// The objective per minute of a technique adapted by `factor` in a horizon of M minutes.
inline double adaptation_per_minute(double factor, double horizon_minutes) {
  return kAdaptationStrength * (factor - 1.0) / std::max(horizon_minutes, 1.0);
}

/// The adaptation term as one more "goal" the search prices like any other: its weight for a
/// technique is f − 1, its weekly part is linear (a target no coverage reaches), it has no
/// daily part, and evaluate() leaves it out of the score.
ScoredGoal adaptation_goal(double horizon_minutes);

/// The profile's goals the library knows, in profile order, the first mention of each id only
/// (share caps 1: see eligibility.hpp's set_share_caps).
std::vector<ScoredGoal> scored_goals(const model::Profile& profile, const model::Library& library);

/// σ_g = max(σ, 1/n_g), where n_g techniques serve the goal (1 when none does or σ ≥ 1).
double share_cap(double variety, int servers);

/// The SPEC §4 score of one horizon, defined once: the week blocks, each part's target and its
/// weight in the total. The search prices moves with part_gain() and the weights; `score` and
/// every plan's reported score come from evaluate().
class ScoreModel {
 public:
  ScoreModel() = default;
  /// Goals in order; selfcare[d] != 0 when plan day d is a self-care day (in A).
  ScoreModel(std::vector<ScoredGoal> goals, std::vector<char> selfcare);

  /// D, the horizon in days.
  [[nodiscard]] int days() const { return static_cast<int>(selfcare_.size()); }
  /// K, the number of week blocks.
  [[nodiscard]] int blocks() const { return block_count(days()); }
  /// The number of goals scored.
  [[nodiscard]] int goals() const { return static_cast<int>(goals_.size()); }
  /// Goal g.
  [[nodiscard]] const ScoredGoal& goal(int g) const { return goals_[at(g)]; }
  /// |A|, the number of self-care days.
  [[nodiscard]] int active_days() const { return active_; }
  /// Whether plan day d is a self-care day.
  [[nodiscard]] bool selfcare(int d) const { return selfcare_[at(d)] != 0; }
  /// Week block k.
  [[nodiscard]] WeekBlock block(int k) const { return week_block(k, days()); }
  /// A self-care day's target for goal g: τ_g / 7.
  [[nodiscard]] double daily_target(int g) const { return daily_target_[at(g)]; }
  /// Block k's target for goal g: τ_g·|k| / 7.
  [[nodiscard]] double block_target(int k, int g) const {
    return block_target_[at(k) * goals_.size() + at(g)];
  }
  /// What one self-care day's daily part of g, fully met, adds to the total: p_g / (2·P·|A|).
  [[nodiscard]] double daily_weight(int g) const { return daily_weight_[at(g)]; }
  /// What one block's weekly part of g, fully met, adds to the total: p_g / (2·P·K).
  [[nodiscard]] double weekly_weight(int g) const { return weekly_weight_[at(g)]; }
  /// Whether one technique's weekly credit for g is capped (σ_g < 1).
  [[nodiscard]] bool capped(int g) const { return goals_[at(g)].share_cap < 1; }
  /// Whether goal g is the adaptation term (ScoredGoal::adaptation), not a goal of the score.
  [[nodiscard]] bool adaptation(int g) const { return goals_[at(g)].adaptation; }
  /// Whether any goal is capped.
  [[nodiscard]] bool any_capped() const { return any_capped_; }
  /// The most one technique's minutes count for g in block k: σ_g·T[g,k].
  [[nodiscard]] double credit_cap(int k, int g) const {
    return credit_cap_[at(k) * goals_.size() + at(g)];
  }
  /// How much more credit g gets in block k when a technique that gave it `have` gives it
  /// `change` more: the change itself for an uncapped goal, else what of it stays under σ_g·T.
  [[nodiscard]] double credit_gain(int k, int g, double have, double change) const {
    if (!capped(g)) return change;
    const double cap = credit_cap(k, g);
    return std::min(have + change, cap) - std::min(have, cap);
  }

  /// The change of the total when a part of the given weight and target moves from coverage
  /// `have` by `change`: 0 when the part is met before and after (the common case, and cheap).
  static double part_gain(double weight, double have, double change, double target) {
    if (have < target || have + change < target)
      return weight * (coverage_fraction(have + change, target) - coverage_fraction(have, target));
    return 0.0;
  }

  /// The score, total and per goal, of the effective minutes coverage[d·goals() + g] and, for
  /// capped goals, of each technique's in each block (technique_blocks[t][k·goals() + g]; the
  /// order of techniques does not matter). Uncapped goals need only `coverage`.
  [[nodiscard]] model::Score evaluate(
      const std::vector<double>& coverage,
      const std::vector<std::vector<double>>& technique_blocks = {}) const;

 private:
  static std::size_t at(int i) { return static_cast<std::size_t>(i); }
  std::vector<ScoredGoal> goals_;
  std::vector<char> selfcare_;
  int active_ = 0;
  std::vector<double> daily_target_;
  std::vector<double> block_target_;  // per block, then goal
  std::vector<double> daily_weight_;
  std::vector<double> weekly_weight_;
  std::vector<double> credit_cap_;  // per block, then goal
  bool any_capped_ = false;
};

}  // namespace mp::planner
