// Planner: whole plans — constraints kept, pinned routines, --routine, tie-breaks, random
// properties and determinism.
#include <doctest/doctest.h>

#include "planner_fixtures.hpp"

using namespace planner_test;  // NOLINT(google-build-using-namespace): test fixtures

TEST_CASE("planner: a week plan keeps every constraint and reports its own score") {
  const auto lib = sample_library();
  auto profile = sample_profile();
  profile.equipment = {"tennis-ball"};
  profile.professional = mp::model::Professional{1, 45, mp::model::kAllWeekdays, 600, {}};
  const Plan plan = make_plan(lib, profile, week());
  CHECK(check_constraints(plan, lib).empty());
  CHECK(plan.plan.size() == 7);
  CHECK(plan.plan[0].weekday == 0);
  CHECK(plan.score.total == compute_score(plan, lib).total);
  CHECK(plan.score.total > 0.5);
  int professional = 0;
  for (const auto& day : plan.plan)
    for (const auto& s : day.sessions) {
      if (s.kind == SessionKind::kProfessional) {
        ++professional;
        CHECK(s.end_minute == s.start_minute + 45);
      }
      int sum = 0;
      for (const auto& item : s.items) sum += item.minutes;
      if (s.kind != SessionKind::kProfessional) CHECK(s.end_minute == s.start_minute + sum);
    }
  CHECK(professional == 1);
  double shares = 0;
  for (const auto& day : plan.plan)
    for (const auto& s : day.sessions)
      for (const auto& item : s.items) shares += item.score_share;
  CHECK(shares == doctest::Approx(plan.score.total).epsilon(1e-9));
}

TEST_CASE("planner: pinned routines are fixed, counted, and left-out steps warned about") {
  const auto lib = sample_library();
  auto profile = sample_profile();
  profile.goals = {{"range-of-motion", 1, {}}};
  mp::model::WeekdaySet mwf{true, false, true, false, true, false, false};
  profile.routines = {{"ball-break", mwf, 12 * 60 + 30, {}}};
  profile.conditions = {"anticoagulants"};
  const Plan plan = make_plan(lib, profile, week());
  CHECK(contains(
      plan.warnings,
      "routine 'ball-break': left out 'ball-massage' (contraindicated by anticoagulants)"));
  int pinned = 0;
  for (const auto& day : plan.plan) {
    std::set<std::string> seen;
    for (const auto& s : day.sessions) {
      for (const auto& item : s.items) CHECK(seen.insert(item.technique).second);
      if (s.kind != SessionKind::kRoutine) continue;
      ++pinned;
      CHECK(s.routine == "ball-break");
      CHECK(s.start_minute == 750);
      CHECK(s.end_minute == 752);
      REQUIRE(s.items.size() == 1);
      CHECK(s.items[0].technique == "neck-rolls");
      CHECK(s.items[0].minutes == 2);
    }
  }
  CHECK(pinned == 3);
  CHECK(check_constraints(plan, lib).empty());
}

TEST_CASE("planner: a pinned routine that breaks a rule is kept, with a warning") {
  auto lib = sample_library();
  for (auto& t : lib.techniques)
    if (t.id == "chin-tuck") t.frequency = {2, 0};
  auto profile = sample_profile();
  profile.routines = {{"desk-neck-reset", mp::model::kAllWeekdays, 750, {}}};
  const Plan plan = make_plan(lib, profile, week());
  CHECK(contains(plan.warnings,
                 "pinned routines break a rule: 2026-11-23..2026-11-29: 'chin-tuck' used 7 times, "
                 "more than its cap of 2 (max_per_week 2)"));
}

TEST_CASE("planner: --routine makes a plan of that routine only") {
  const auto lib = sample_library();
  auto profile = sample_profile();
  profile.weekdays = {true, true, true, true, true, false, false};
  auto request = week();
  request.routine_only = "desk-neck-reset";
  const Plan plan = make_plan(lib, profile, request);
  for (const auto& day : plan.plan) {
    if (day.weekday >= 5) {
      CHECK(day.sessions.empty());
      continue;
    }
    REQUIRE(day.sessions.size() == 1);
    CHECK(day.sessions[0].kind == SessionKind::kRoutine);
    CHECK(day.sessions[0].start_minute == 450);
    CHECK(day.sessions[0].end_minute == 457);
    CHECK(day.sessions[0].items.size() == 3);
  }
  CHECK(plan.score.total == compute_score(plan, lib).total);
}

TEST_CASE("planner: time-of-day preferences and phase order decide ties") {
  SUBCASE("morning techniques go to morning slots, evening ones to evening slots") {
    mp::model::Library lib;
    lib.goals = {goal("stress-reduction", 70)};
    auto dawn = technique("a-evening-breath", {{"stress-reduction", 1.0}}, 5, 5);
    dawn.time_of_day = mp::model::TimeOfDay::kEvening;
    auto dusk = technique("b-morning-breath", {{"stress-reduction", 1.0}}, 5, 5);
    dusk.time_of_day = mp::model::TimeOfDay::kMorning;
    lib.techniques = {dawn, dusk};
    lib.sort_by_id();
    mp::model::Profile profile;
    profile.goals = {{"stress-reduction", 1, {}}};
    profile.sessions = {{7 * 60, 5}, {21 * 60, 5}};
    for (std::uint64_t seed = 0; seed < 4; ++seed) {
      auto request = week();
      request.seed = seed;
      const Plan plan = make_plan(lib, profile, request);
      for (const auto& day : plan.plan) {
        REQUIRE(day.sessions.size() == 2);
        CHECK(day.sessions[0].items.at(0).technique == "b-morning-breath");
        CHECK(day.sessions[1].items.at(0).technique == "a-evening-breath");
      }
    }
  }
  SUBCASE("items run warm-up, main, cool-down, then by id") {
    const auto lib = sample_library();
    mp::model::Profile profile;
    profile.goals = {{"range-of-motion", 1, {}}, {"stress-reduction", 1, {}}};
    profile.sessions = {{7 * 60, 12}};
    const Plan plan = make_plan(lib, profile, week());
    for (const auto& day : plan.plan)
      for (const auto& s : day.sessions)
        for (std::size_t i = 1; i < s.items.size(); ++i) {
          const auto* a = lib.find_technique(s.items[i - 1].technique);
          const auto* b = lib.find_technique(s.items[i].technique);
          CHECK((a->phase < b->phase || (a->phase == b->phase && a->id < b->id)));
        }
  }
}

TEST_CASE("planner: equal techniques take turns across days") {
  mp::model::Library lib;
  lib.goals = {goal("stress-reduction", 35)};
  for (const char* id : {"a-breath", "b-breath", "c-breath"})
    lib.techniques.push_back(technique(id, {{"stress-reduction", 1.0}}, 5, 5));
  lib.sort_by_id();
  mp::model::Profile profile;
  profile.goals = {{"stress-reduction", 1, {}}};
  profile.sessions = {{450, 5}};
  const Plan plan = make_plan(lib, profile, week());
  std::set<std::string> used;
  for (const auto& day : plan.plan) used.insert(day.sessions.at(0).items.at(0).technique);
  CHECK(used.size() == 3);
}

TEST_CASE("planner: property: random profiles never break a hard constraint") {
  int planned = 0;
  int refused = 0;
  for (std::uint64_t seed = 1; seed <= 1200; ++seed) {
    CAPTURE(seed);
    const Instance in = random_instance(seed);
    Plan plan;
    try {
      plan = make_plan(in.library, in.profile, in.request);
    } catch (const mp::planner::PlanError& e) {
      CHECK(e.kind() == mp::planner::PlanErrorKind::kNothingEligible);
      ++refused;
      continue;
    }
    ++planned;
    auto problems = check_constraints(plan, in.library);
    auto allowed = check_constraints(pinned_only(plan), in.library);
    std::sort(problems.begin(), problems.end());
    std::sort(allowed.begin(), allowed.end());
    CHECK_MESSAGE(problems == allowed, joined(problems));
    const auto again = compute_score(plan, in.library);
    CHECK(plan.score.total == again.total);
    CHECK(plan.score.total >= 0);
    CHECK(plan.score.total <= 1);
    for (const auto& [id, gs] : again.goals) {
      CHECK(plan.score.goals.at(id).weekly == gs.weekly);
      CHECK(plan.score.goals.at(id).daily == gs.daily);
    }
    REQUIRE(plan.plan.size() == static_cast<std::size_t>(in.request.days));
    std::set<std::string> used;
    double shares = 0;
    bool any_selfcare_day = false;
    for (std::size_t d = 0; d < plan.plan.size(); ++d) {
      const auto& day = plan.plan[d];
      CHECK(day.date == mp::model::add_days(in.request.start, static_cast<int>(d)));
      any_selfcare_day =
          any_selfcare_day || in.profile.weekdays[static_cast<std::size_t>(day.weekday)];
      for (std::size_t s = 0; s < day.sessions.size(); ++s) {
        if (s > 0) CHECK(day.sessions[s - 1].start_minute <= day.sessions[s].start_minute);
        CHECK(!day.sessions[s].items.empty());
        for (const auto& item : day.sessions[s].items) {
          used.insert(item.technique);
          shares += item.score_share;
        }
      }
    }
    if (any_selfcare_day) CHECK(shares == doctest::Approx(plan.score.total).epsilon(1e-9));
    std::set<std::string> excluded;
    for (const auto& e : plan.excluded) {
      CHECK(!e.reason.empty());
      excluded.insert(e.technique);
    }
    CHECK(excluded.size() == plan.excluded.size());
    for (const auto& t : in.library.techniques)
      CHECK((used.count(t.id) + excluded.count(t.id)) == 1);
  }
  MESSAGE("planned ", planned, ", refused ", refused);
  CHECK(planned >= 600);
}

TEST_CASE("planner: determinism: the same inputs and seed give the same plan") {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    const Instance in = random_instance(seed * 7919);
    std::string first;
    for (int run = 0; run < 2; ++run) {
      std::string text;
      try {
        const Plan plan = make_plan(in.library, in.profile, in.request);
        for (const auto& day : plan.plan)
          for (const auto& s : day.sessions)
            for (const auto& item : s.items)
              text += mp::model::format_date(day.date) + " " + std::to_string(s.start_minute) +
                      " " + item.technique + " " + std::to_string(item.minutes) + "\n";
        text += std::to_string(plan.score.total);
      } catch (const mp::planner::PlanError& e) {
        text = e.what();
      }
      if (run == 0)
        first = text;
      else
        CHECK(text == first);
    }
  }
}
