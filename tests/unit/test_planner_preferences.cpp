// Planner v3: prefer, avoid, the therapist's style, adaptations and the ISO-week rotation.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

#include "planner_fixtures.hpp"

using namespace planner_test;  // NOLINT(google-build-using-namespace): test fixtures

namespace {

// Minutes of each technique over the whole plan.
std::map<std::string, int> minutes_of(const Plan& plan) {
  std::map<std::string, int> out;
  for (const auto& day : plan.plan)
    for (const auto& s : day.sessions)
      for (const auto& item : s.items) out[item.technique] += item.minutes;
  return out;
}

// The days (0-based) of each week block on which technique id is planned.
std::vector<int> uses_per_week(const Plan& plan, const std::string& id) {
  std::vector<int> out(static_cast<std::size_t>((plan.days + 6) / 7), 0);
  for (std::size_t d = 0; d < plan.plan.size(); ++d)
    for (const auto& s : plan.plan[d].sessions)
      for (const auto& item : s.items)
        if (item.technique == id) ++out[d / 7];
  return out;
}

std::string reason_for(const Plan& plan, const std::string& id) {
  for (const auto& e : plan.excluded)
    if (e.technique == id) return e.reason;
  return {};
}

}  // namespace

TEST_CASE("planner: an avoided technique is never planned, and says why it is left out") {
  auto lib = sample_library();
  auto profile = sample_profile();
  const Plan before = make_plan(lib, profile, week());
  REQUIRE(minutes_of(before).count("box-breathing") == 1);  // planned without the wish
  profile.avoid = {"box-breathing"};
  const Plan plan = make_plan(lib, profile, week());
  CHECK(minutes_of(plan).count("box-breathing") == 0);
  CHECK(reason_for(plan, "box-breathing") == "you asked to avoid it");
  CHECK(check_constraints(plan, lib).empty());
  // Safety is named first when both apply.
  profile.avoid = {"ball-massage"};
  profile.conditions = {"anticoagulants"};
  profile.equipment = {"tennis-ball"};
  CHECK(reason_for(make_plan(lib, profile, week()), "ball-massage") ==
        "contraindicated by anticoagulants");
}

TEST_CASE("planner: an avoided technique is left out of pinned routines, with a warning") {
  auto lib = sample_library();
  auto profile = sample_profile();
  profile.routines = {{"desk-neck-reset", mp::model::kAllWeekdays, 12 * 60 + 30, {}}};
  profile.avoid = {"upper-trap-stretch"};
  const Plan plan = make_plan(lib, profile, week());
  CHECK(minutes_of(plan).count("upper-trap-stretch") == 0);
  CHECK(
      contains(plan.warnings,
               "routine 'desk-neck-reset': left out 'upper-trap-stretch' (you asked to avoid it)"));
}

TEST_CASE("planner: a preferred technique is planned in every week where it fits") {
  auto lib = sample_library();
  // A technique that serves a chosen goal, but so little that the search leaves it out.
  auto faint = technique("faint-rolls", {{"tension-headache", 0.05}}, 6, 8);
  lib.techniques.push_back(faint);
  lib.sort_by_id();
  auto profile = sample_profile();
  profile.equipment = {"tennis-ball"};
  const Plan before = make_plan(lib, profile, week("2026-11-23", 21));
  REQUIRE(minutes_of(before).count("faint-rolls") == 0);
  profile.prefer = {"faint-rolls"};
  const Plan plan = make_plan(lib, profile, week("2026-11-23", 21));
  CHECK(uses_per_week(plan, "faint-rolls") == std::vector<int>{1, 1, 1});
  CHECK(check_constraints(plan, lib).empty());
  CHECK(plan.score.total == doctest::Approx(compute_score(plan, lib).total));
  CHECK(contains(plan.notes, "faint-rolls: preferred: planned in every week"));
  CHECK(plan.warnings.empty());
}

TEST_CASE("planner: a preferred technique that cannot be planned says why; safety wins") {
  auto lib = sample_library();
  auto profile = sample_profile();
  profile.conditions = {"anticoagulants"};
  profile.equipment = {"tennis-ball"};
  profile.prefer = {"ball-massage"};
  const Plan plan = make_plan(lib, profile, week());
  CHECK(minutes_of(plan).count("ball-massage") == 0);
  CHECK(contains(plan.warnings,
                 "preferred technique 'ball-massage' cannot be planned: contraindicated by "
                 "anticoagulants"));
  CHECK(contains(
      plan.notes,
      "ball-massage: preferred, but cannot be planned: contraindicated by anticoagulants"));
  // Missing equipment.
  profile.conditions.clear();
  profile.equipment.clear();
  CHECK(contains(make_plan(lib, profile, week()).warnings,
                 "preferred technique 'ball-massage' cannot be planned: needs tennis-ball"));
  // A week whose only self-care day is blocked by the rest rule: weeks 1 and 2 of an 8-day plan
  // starting on a Sunday, self-care on Sundays only — two Sundays 7 days apart fit, so both weeks
  // get it; with a 10-day rest the second week cannot.
  auto ball = lib.find_technique("ball-massage");
  REQUIRE(ball != nullptr);
  for (auto& t : lib.techniques)
    if (t.id == "ball-massage") t.frequency = {3, 240};
  profile.equipment = {"tennis-ball"};
  profile.weekdays = {false, false, false, false, false, false, true};
  const Plan rested = make_plan(lib, profile, week("2026-11-22", 14));
  CHECK(uses_per_week(rested, "ball-massage") == std::vector<int>{1, 0});
  CHECK(contains(rested.warnings,
                 "preferred technique 'ball-massage' is not planned in week 2: its weekly cap "
                 "or rest rule blocks every day"));
}

TEST_CASE("planner: visits use the therapist's style only, or stop with the reason") {
  auto lib = sample_library();
  auto profile = sample_profile();
  profile.professional = mp::model::Professional{1, 45, mp::model::kAllWeekdays, 10 * 60, {}, {}};
  profile.goals = {{"tension-headache", 3, {}}, {"stress-reduction", 1, {}}};
  // Without a style, the visit length (45) fits both; deep-tissue serves both goals.
  std::set<std::string> pros;
  for (const auto& day : make_plan(lib, profile, week()).plan)
    for (const auto& s : day.sessions)
      if (s.kind == SessionKind::kProfessional) pros.insert(s.items.at(0).technique);
  REQUIRE(pros == std::set<std::string>{"deep-tissue"});
  profile.professional->techniques = {"swedish-massage"};
  const Plan plan = make_plan(lib, profile, week());
  pros.clear();
  for (const auto& day : plan.plan)
    for (const auto& s : day.sessions)
      if (s.kind == SessionKind::kProfessional) pros.insert(s.items.at(0).technique);
  CHECK(pros == std::set<std::string>{"swedish-massage"});
  CHECK(reason_for(plan, "deep-tissue") ==
        "not your therapist's style (professional techniques: swedish-massage)");
  // A condition rules out the only style: no plan, exit 1's kind, and the reason.
  profile.professional->techniques = {"deep-tissue"};
  profile.conditions = {"anticoagulants"};
  try {
    (void)make_plan(lib, profile, week());
    FAIL("planned with every professional technique ruled out");
  } catch (const mp::planner::PlanError& e) {
    CHECK(e.kind() == mp::planner::PlanErrorKind::kNothingEligible);
    CHECK(std::string(e.what()) ==
          "nothing planned: none of your therapist's techniques can be used\n"
          "  deep-tissue: contraindicated by anticoagulants");
  }
}

TEST_CASE("planner: unknown preferred, avoided or professional ids are errors with a hint") {
  auto lib = sample_library();
  auto profile = sample_profile();
  profile.prefer = {"box-breathin"};
  profile.professional = mp::model::Professional{};
  profile.professional->techniques = {"chin-tuck"};
  try {
    (void)make_plan(lib, profile, week());
    FAIL("planned with unknown ids");
  } catch (const mp::planner::PlanError& e) {
    REQUIRE(e.kind() == mp::planner::PlanErrorKind::kUnknownId);
    REQUIRE(e.diagnostics().size() == 2);
    CHECK(e.diagnostics()[0].message == "unknown technique 'box-breathin'");
    CHECK(e.diagnostics()[0].hint ==
          "did you mean 'box-breathing'? `massage-plan list techniques` shows them all");
    CHECK(e.diagnostics()[1].message ==
          "'chin-tuck' is not a professional technique (a therapist does not perform it)");
  }
}

TEST_CASE("planner: adapted plans report the plain score; the factor moves the minutes") {
  auto lib = sample_library();
  auto profile = sample_profile();
  auto request = week();
  const Plan plain = make_plan(lib, profile, request);
  const int base = minutes_of(plain)["box-breathing"];
  request.adaptations = {{"box-breathing", 0.5, "skipped"}};
  const Plan less = make_plan(lib, profile, request);
  request.adaptations = {{"box-breathing", 1.25, "rated"}};
  const Plan more = make_plan(lib, profile, request);
  CHECK(minutes_of(less)["box-breathing"] <= base);
  CHECK(minutes_of(more)["box-breathing"] >= base);
  CHECK(minutes_of(less)["box-breathing"] <= minutes_of(more)["box-breathing"]);
  // The score is the library's, recomputed from the plan; the adaptations are listed.
  CHECK(more.score.total == doctest::Approx(compute_score(more, lib).total));
  REQUIRE(more.adaptations.size() == 1);
  CHECK(mp::planner::adaptation_term(more) > 0);
  CHECK(mp::planner::adaptation_term(less) < 0);
  CHECK(mp::planner::adaptation_term(plain) == 0);
}

TEST_CASE("planner: ties rotate with the ISO week, so consecutive weeks differ") {
  mp::model::Library lib;
  lib.goals = {goal("stress-reduction", 35)};
  for (const char* id : {"a-breath", "b-breath", "c-breath"})
    lib.techniques.push_back(technique(id, {{"stress-reduction", 1.0}}, 5, 5));
  lib.sort_by_id();
  mp::model::Profile profile;
  profile.goals = {{"stress-reduction", 1, {}}};
  profile.sessions = {{450, 5}};
  auto days_of = [&](const char* start) {
    std::vector<std::string> out;
    for (const auto& day : make_plan(lib, profile, week(start)).plan)
      out.push_back(day.sessions.at(0).items.at(0).technique);
    return out;
  };
  // Two Mondays a week apart (ISO weeks 48 and 49): the same week shape, another rotation.
  const auto w48 = days_of("2026-11-23");
  const auto w49 = days_of("2026-11-30");
  CHECK(w48 != w49);
  CHECK(days_of("2026-11-23") == w48);  // still deterministic
  // Each week still rotates all three.
  CHECK(std::set<std::string>(w49.begin(), w49.end()).size() == 3);
}
