// Planner: the SPEC §4 score, one definition for the search, `score` and the constraint check.
#include <doctest/doctest.h>

#include "planner_fixtures.hpp"

using namespace planner_test;  // NOLINT(google-build-using-namespace): test fixtures

TEST_CASE("planner: the score matches the worked example in docs/planning.md") {
  // One goal, tension-headache, 70 minutes a week (10 a day); two days, both self-care.
  mp::model::Library lib;
  lib.goals = {goal("tension-headache", 70)};
  lib.techniques = {technique("upper-trap-stretch", {{"tension-headache", 0.5}}, 2, 10)};
  lib.sort_by_id();
  mp::model::Profile profile;
  profile.goals = {{"tension-headache", 1, {}}};
  Plan plan = empty_plan(profile, "2026-11-23", 2);
  plan.plan[0].sessions.push_back(session(450, SessionKind::kSelf, {{"upper-trap-stretch", 10}}));
  // Day 1: c = 0.5 × 10 = 5 of a daily target 10 → 0.5; day 2: 0 → daily = 0.25.
  // Block of 2 days: target 70 × 2 / 7 = 20, coverage 5 → weekly = 0.25. Score 0.25.
  const auto score = compute_score(plan, lib);
  CHECK(score.goals.at("tension-headache").daily == doctest::Approx(0.25));
  CHECK(score.goals.at("tension-headache").weekly == doctest::Approx(0.25));
  CHECK(score.total == doctest::Approx(0.25));
}

TEST_CASE("planner: a tiny weekly target still works") {
  mp::model::Library lib;
  lib.goals = {goal("mindfulness", 0.01)};
  lib.techniques = {technique("body-scan", {{"mindfulness", 1.0}}, 1, 5)};
  lib.sort_by_id();
  mp::model::Profile profile;
  profile.goals = {{"mindfulness", 2, {}}};
  const Plan plan = make_plan(lib, profile, week());
  CHECK(plan.score.total == doctest::Approx(1.0));
  CHECK(std::isfinite(plan.score.total));
}

TEST_CASE("planner: week blocks are runs of 7 plan days, the last one shorter") {
  using mp::planner::block_count;
  using mp::planner::block_of;
  using mp::planner::week_block;
  CHECK(block_count(1) == 1);
  CHECK(block_count(7) == 1);
  CHECK(block_count(8) == 2);
  CHECK(block_count(364) == 52);
  CHECK(block_of(6) == 0);
  CHECK(block_of(7) == 1);
  CHECK(week_block(1, 10).first == 7);
  CHECK(week_block(1, 10).days == 3);
  CHECK(week_block(1, 10).end() == 10);
  CHECK(week_block(0, 10).days == 7);
}

TEST_CASE("planner: the score model's targets and weights follow SPEC §4") {
  // Two goals, priorities 3 and 1, over 10 days (blocks of 7 and 3), 8 of them self-care.
  std::vector<char> selfcare{1, 1, 0, 1, 1, 1, 1, 1, 0, 1};
  const mp::planner::ScoreModel m({{"a", 3, 70}, {"b", 1, 35}}, selfcare);
  CHECK(m.days() == 10);
  CHECK(m.blocks() == 2);
  CHECK(m.goals() == 2);
  CHECK(m.active_days() == 8);
  CHECK_FALSE(m.selfcare(2));
  CHECK(m.daily_target(0) == 10);
  CHECK(m.block_target(0, 1) == 35);
  CHECK(m.block_target(1, 0) == 30);
  CHECK(m.daily_weight(0) == doctest::Approx(0.75 / 16));
  CHECK(m.weekly_weight(1) == doctest::Approx(0.25 / 4));
  // A part met before and after a change does not move; one below its target moves by its
  // weight times the fraction gained, and stops at the target.
  CHECK(mp::planner::ScoreModel::part_gain(0.5, 12, 3, 10) == 0);
  CHECK(mp::planner::ScoreModel::part_gain(0.5, 5, 2, 10) == doctest::Approx(0.1));
  CHECK(mp::planner::ScoreModel::part_gain(0.5, 5, 20, 10) == doctest::Approx(0.25));
  CHECK(mp::planner::ScoreModel::part_gain(0.5, 12, -4, 10) == doctest::Approx(-0.1));
}

TEST_CASE("planner: the search's part gains add up to the score evaluate() reports") {
  // The one definition, two forms: starting from nothing, the sum of every part's gain as
  // coverage arrives equals the score of the final coverage.
  std::vector<char> selfcare{1, 0, 1, 1, 1, 1, 1, 1, 1};
  const mp::planner::ScoreModel m({{"a", 2, 60}, {"b", 5, 14}, {"c", 1, 0.5}}, selfcare);
  const std::vector<double> minutes{3, 9, 0, 12, 1, 5, 7, 2, 0};  // goal a's, then b = ½, c = ¼
  std::vector<double> coverage(static_cast<std::size_t>(m.days() * m.goals()), 0.0);
  std::vector<double> block(static_cast<std::size_t>(m.blocks() * m.goals()), 0.0);
  double incremental = 0;
  for (int d = 0; d < m.days(); ++d)
    for (int g = 0; g < m.goals(); ++g) {
      const double dc = minutes[static_cast<std::size_t>(d)] * (g == 0 ? 1 : g == 1 ? 0.5 : 0.25);
      auto& c = coverage[static_cast<std::size_t>(d * m.goals() + g)];
      auto& s = block[static_cast<std::size_t>(mp::planner::block_of(d) * m.goals() + g)];
      if (m.selfcare(d))
        incremental +=
            mp::planner::ScoreModel::part_gain(m.daily_weight(g), c, dc, m.daily_target(g));
      incremental += mp::planner::ScoreModel::part_gain(
          m.weekly_weight(g), s, dc, m.block_target(mp::planner::block_of(d), g));
      c += dc;
      s += dc;
    }
  const auto score = m.evaluate(coverage);
  CHECK(score.total == doctest::Approx(incremental).epsilon(1e-12));
  // Goal c's target is tiny: met every week and on each self-care day with minutes (6 of 8).
  CHECK(score.goals.at("c").weekly == 1);
  CHECK(score.goals.at("c").daily == doctest::Approx(6.0 / 8));
  CHECK(score.goals.size() == 3);
}

TEST_CASE("planner: compute_score counts only goals the library knows, each once") {
  auto lib = sample_library();
  auto profile = sample_profile();
  profile.goals = {
      {"tension-headache", 3, {}}, {"no-such-goal", 2, {}}, {"tension-headache", 1, {}}};
  Plan plan = empty_plan(profile, "2026-11-23", 7);
  plan.plan[0].sessions.push_back(session(450, SessionKind::kSelf, {{"chin-tuck", 5}}));
  const auto score = compute_score(plan, lib);
  REQUIRE(score.goals.size() == 1);
  // chin-tuck 5 min × 0.4 = 2 of a daily 10 on one of 7 days; 2 of 70 in the week.
  CHECK(score.goals.at("tension-headache").daily == doctest::Approx(0.2 / 7));
  CHECK(score.goals.at("tension-headache").weekly == doctest::Approx(2.0 / 70));
}

namespace {

/// One goal, tension headache (70 minutes a week), served by three techniques with the given
/// weights (at most 20 minutes, 5 a week for the first two, 10 and 2 for the third), and a
/// profile of that goal with one 15-minute session at 07:30.
struct HeadacheCase {
  mp::model::Library lib;
  mp::model::Profile profile;
};
HeadacheCase headache_case(double a, double b, double c, int c_max_per_week, int c_max) {
  HeadacheCase out;
  out.lib.goals = {goal("tension-headache", 70)};
  out.lib.techniques = {technique("a-relaxation", {{"tension-headache", a}}, 5, 20),
                        technique("b-self-massage", {{"tension-headache", b}}, 5, 20),
                        technique("c-stretch", {{"tension-headache", c}}, c_max_per_week, c_max)};
  out.lib.sort_by_id();
  out.profile.goals = {{"tension-headache", 1, {}}};
  out.profile.sessions = {{450, 15}};
  return out;
}

}  // namespace

TEST_CASE(
    "planner: variety caps each technique's share of a week (the example in docs/planning.md)") {
  auto [lib, profile] = headache_case(1.0, 1.0, 1.0, 5, 20);
  Plan one = empty_plan(profile, "2026-11-23", 7);
  for (auto& day : one.plan)
    day.sessions.push_back(session(450, SessionKind::kSelf, {{"a-relaxation", 15}}));
  // Three techniques serve the goal: σ_g = max(0.34, 1/3) = 0.34; one counts for 23.8 of 70.
  auto score = compute_score(one, lib);
  CHECK(score.goals.at("tension-headache").share_cap == doctest::Approx(0.34));
  CHECK(score.goals.at("tension-headache").weekly == doctest::Approx(0.34));
  CHECK(score.goals.at("tension-headache").daily == 1);
  // The same minutes shared by three techniques: 3 × 23.8 ≥ 70, the week is met.
  Plan three = empty_plan(profile, "2026-11-23", 7);
  const char* ids[] = {"a-relaxation", "b-self-massage", "c-stretch"};
  for (std::size_t d = 0; d < 7; ++d)
    three.plan[d].sessions.push_back(session(450, SessionKind::kSelf, {{ids[d % 3], 15}}));
  CHECK(compute_score(three, lib).goals.at("tension-headache").weekly == 1);
  // Variety 1: the v1 model, where one technique may carry the goal.
  one.profile.variety = 1;
  score = compute_score(one, lib);
  CHECK(score.goals.at("tension-headache").share_cap == 1);
  CHECK(score.goals.at("tension-headache").weekly == 1);
  // A goal only one technique serves keeps no cap: σ_g = max(σ, 1/1) = 1.
  lib.techniques.resize(1);
  one.profile.variety = 0.34;
  CHECK(compute_score(one, lib).goals.at("tension-headache").weekly == 1);
}

TEST_CASE("planner: a planned week with variety uses several techniques and rescores") {
  auto [lib, profile] = headache_case(1.0, 0.8, 0.6, 2, 10);
  const Plan plan = make_plan(lib, profile, week());
  std::set<std::string> used;
  for (const auto& day : plan.plan)
    for (const auto& s : day.sessions)
      for (const auto& item : s.items) used.insert(item.technique);
  CHECK(used.size() >= 2);
  CHECK(plan.score.total == compute_score(plan, lib).total);
  CHECK(check_constraints(plan, lib).empty());
  profile.variety = 1;
  const Plan v1 = make_plan(lib, profile, week());
  std::set<std::string> used_v1;
  for (const auto& day : v1.plan)
    for (const auto& s : day.sessions)
      for (const auto& item : s.items) used_v1.insert(item.technique);
  CHECK(used_v1 == std::set<std::string>{"a-relaxation"});  // best per minute, every day
}

TEST_CASE("planner: shares_reached names each technique at its share of a goal, and the weeks") {
  auto [lib, profile] = headache_case(1.0, 1.0, 1.0, 5, 20);
  // σ_g = 0.34: one technique's share of a week's 70 minutes is 23.8. Week 1: relaxation 15
  // minutes a day (105 ≥ 23.8). Week 2: relaxation once (15) and self-massage 3 × 10 (30).
  Plan plan = empty_plan(profile, "2026-11-23", 14);
  for (std::size_t d = 0; d < 8; ++d)
    plan.plan[d].sessions.push_back(session(450, SessionKind::kSelf, {{"a-relaxation", 15}}));
  for (std::size_t d = 9; d < 12; ++d)
    plan.plan[d].sessions.push_back(session(450, SessionKind::kSelf, {{"b-self-massage", 10}}));
  auto held = shares_reached(plan, lib);
  REQUIRE(held.size() == 2);
  CHECK(held[0].technique == "a-relaxation");
  CHECK(held[0].goal == "tension-headache");
  CHECK(held[0].share_cap == doctest::Approx(0.34));
  CHECK(held[0].weeks == std::vector<int>{1});
  CHECK(held[1].technique == "b-self-massage");
  CHECK(held[1].weeks == std::vector<int>{2});
  // Self-massage 2 × 10 = 20 < 23.8 in week 2: below its share, not held back.
  plan.plan[11].sessions.clear();
  held = shares_reached(plan, lib);
  REQUIRE(held.size() == 1);
  CHECK(held[0].technique == "a-relaxation");
  // Variety 1 (the v1 model): nothing is capped, nothing held back.
  plan.profile.variety = 1;
  CHECK(shares_reached(plan, lib).empty());
}

TEST_CASE("planner: a planned week says what it held back, and --variety 1 holds back nothing") {
  auto [lib, profile] = headache_case(1.0, 0.8, 0.6, 2, 10);
  const Plan plan = make_plan(lib, profile, week());
  CHECK_FALSE(plan.held_back.empty());
  for (const auto& held : plan.held_back) {
    // Each entry is what shares_reached finds in the plan as emitted.
    CHECK(held.goal == "tension-headache");
    CHECK(held.weeks == std::vector<int>{1});
  }
  CHECK(plan.held_back.size() == shares_reached(plan, lib).size());
  profile.variety = 1;
  CHECK(make_plan(lib, profile, week()).held_back.empty());
}
