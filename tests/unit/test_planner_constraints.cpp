// Planner: the hard constraints of SPEC §4, checked on hand-made plans.
#include <doctest/doctest.h>

#include "planner_fixtures.hpp"

using namespace planner_test;  // NOLINT(google-build-using-namespace): test fixtures

TEST_CASE("planner: cap(n, k) and rest days follow SPEC §4") {
  using mp::planner::block_cap;
  using mp::planner::rest_days;
  CHECK(block_cap(7, 7) == 7);
  CHECK(block_cap(3, 7) == 3);
  CHECK(block_cap(3, 3) == 1);
  CHECK(block_cap(7, 3) == 3);
  CHECK(block_cap(1, 1) == 1);
  CHECK(block_cap(0, 7) == 0);
  CHECK(rest_days(0) == 1);
  CHECK(rest_days(24) == 1);
  CHECK(rest_days(25) == 2);
  CHECK(rest_days(48) == 2);
  CHECK(rest_days(72) == 3);
}

TEST_CASE("planner: check_constraints reports each broken hard constraint") {
  const auto lib = sample_library();
  auto profile = sample_profile();
  profile.weekdays = {true, true, true, true, true, false, false};
  profile.conditions = {"anticoagulants"};
  Plan plan = empty_plan(profile, "2026-11-23", 7);
  auto& tue = plan.plan[1].sessions;

  SUBCASE("a well-formed plan passes") {
    tue.push_back(session(450, SessionKind::kSelf, {{"chin-tuck", 4}, {"box-breathing", 5}}));
    CHECK(check_constraints(plan, lib).empty());
  }
  SUBCASE("duration outside the technique's range") {
    tue.push_back(session(450, SessionKind::kSelf, {{"chin-tuck", 9}}));
    CHECK(check_constraints(plan, lib) ==
          std::vector<std::string>{"2026-11-24 07:30: 'chin-tuck' for 9 minutes is outside its "
                                   "range 3..5"});
  }
  SUBCASE("1: more minutes than the slot holds") {
    tue.push_back(session(450, SessionKind::kSelf, {{"chin-tuck", 5}, {"upper-trap-stretch", 6}}));
    CHECK(check_constraints(plan, lib) ==
          std::vector<std::string>{"2026-11-24 07:30: 11 minutes planned in a 10-minute session"});
  }
  SUBCASE("1: self-care on a day outside the weekdays") {
    plan.plan[5].sessions.push_back(session(450, SessionKind::kSelf, {{"chin-tuck", 3}}));
    CHECK(check_constraints(plan, lib) ==
          std::vector<std::string>{"2026-11-28 07:30: self-care session on sat, which is not a "
                                   "self-care day"});
  }
  SUBCASE("1: a session at a time no slot starts") {
    tue.push_back(session(600, SessionKind::kSelf, {{"chin-tuck", 3}}));
    CHECK(check_constraints(plan, lib) ==
          std::vector<std::string>{"2026-11-24 10:00: no self-care session starts at this time"});
  }
  SUBCASE("2: a technique twice in one day") {
    tue.push_back(session(450, SessionKind::kSelf, {{"chin-tuck", 3}}));
    tue.push_back(session(1260, SessionKind::kSelf, {{"chin-tuck", 3}}));
    CHECK(check_constraints(plan, lib) ==
          std::vector<std::string>{"2026-11-24: 'chin-tuck' appears 2 times (at most once a day)"});
  }
  SUBCASE("3: more uses in a week than the cap") {
    auto lib2 = lib;
    for (auto& t : lib2.techniques)
      if (t.id == "chin-tuck") t.frequency.max_per_week = 2;
    for (int d = 0; d < 3; ++d)
      plan.plan[static_cast<std::size_t>(d)].sessions.push_back(
          session(450, SessionKind::kSelf, {{"chin-tuck", 3}}));
    CHECK(check_constraints(plan, lib2) ==
          std::vector<std::string>{"2026-11-23..2026-11-29: 'chin-tuck' used 3 times, more than "
                                   "its cap of 2 (max_per_week 2)"});
  }
  SUBCASE("3: professional sessions: none in the profile, wrong day, length, count") {
    tue.push_back(session(600, SessionKind::kProfessional, {{"swedish-massage", 40}}));
    CHECK(check_constraints(plan, lib) ==
          std::vector<std::string>{
              "2026-11-24 10:00: professional session, but the profile has none"});
    plan.profile.professional = mp::model::Professional{1, 45, {}, 600, {}};
    plan.profile.professional->weekdays[5] = true;
    plan.plan[2].sessions.push_back(
        session(600, SessionKind::kProfessional, {{"swedish-massage", 45}}));
    CHECK(check_constraints(plan, lib) ==
          std::vector<std::string>{
              "2026-11-24 10:00: professional session on tue, not a professional day",
              "2026-11-24 10:00: a professional session holds one technique for 45 minutes, not "
              "1 item(s) for 40 minutes",
              "2026-11-25 10:00: professional session on wed, not a professional day",
              "2026-11-23..2026-11-29: 2 professional sessions, more than the 1 allowed"});
  }
  SUBCASE("3: therapist techniques only in professional sessions") {
    tue.push_back(session(450, SessionKind::kSelf, {{"swedish-massage", 5}}));
    const auto problems = check_constraints(plan, lib);
    CHECK(contains(problems,
                   "2026-11-24 07:30: professional technique 'swedish-massage' outside a "
                   "professional session"));
  }
  SUBCASE("4: two uses closer than the rest rule") {
    auto lib2 = lib;
    for (auto& t : lib2.techniques)
      if (t.id == "chin-tuck") t.frequency.min_rest_hours = 48;
    plan.plan[0].sessions.push_back(session(450, SessionKind::kSelf, {{"chin-tuck", 3}}));
    tue.push_back(session(450, SessionKind::kSelf, {{"chin-tuck", 3}}));
    CHECK(check_constraints(plan, lib2) ==
          std::vector<std::string>{"2026-11-23 and 2026-11-24: 'chin-tuck' used 1 day(s) apart; "
                                   "its rest rule (48 hours) needs 2"});
  }
  SUBCASE("5: contraindicated technique and missing equipment") {
    tue.push_back(session(450, SessionKind::kSelf, {{"ball-massage", 4}}));
    CHECK(check_constraints(plan, lib) ==
          std::vector<std::string>{
              "2026-11-24 07:30: 'ball-massage' is contraindicated by anticoagulants",
              "2026-11-24 07:30: 'ball-massage' needs tennis-ball, which the profile does not "
              "list"});
  }
}
