// Planner: what may be planned for whom, and the refusals when nothing may.
#include <doctest/doctest.h>

#include "planner/eligibility.hpp"
#include "planner_fixtures.hpp"

using namespace planner_test;  // NOLINT(google-build-using-namespace): test fixtures

TEST_CASE("planner: excluded techniques are explained and sorted by id") {
  const auto lib = sample_library();
  auto profile = sample_profile();
  profile.conditions = {"anticoagulants"};
  const Plan plan = make_plan(lib, profile, week());
  std::map<std::string, std::string> reasons;
  for (const auto& e : plan.excluded) reasons[e.technique] = e.reason;
  CHECK(reasons["ball-massage"] == "contraindicated by anticoagulants");
  CHECK(reasons["deep-tissue"] == "contraindicated by anticoagulants");
  CHECK(reasons["swedish-massage"] == "professional technique: no professional sessions");
  CHECK(reasons["neck-rolls"] == "serves none of the chosen goals");
  CHECK(std::is_sorted(plan.excluded.begin(), plan.excluded.end(),
                       [](const auto& a, const auto& b) { return a.technique < b.technique; }));

  profile.conditions.clear();
  profile.professional = mp::model::Professional{1, 90, mp::model::kAllWeekdays, 600, {}};
  const Plan pro = make_plan(lib, profile, week());
  reasons.clear();
  for (const auto& e : pro.excluded) reasons[e.technique] = e.reason;
  CHECK(reasons["deep-tissue"] == "does not fit a 90-minute professional session");
  CHECK(reasons["ball-massage"] == "needs tennis-ball");
}

// make_plan refuses to plan, for this reason and with exactly this message.
static void check_refused(const mp::model::Library& lib, const mp::model::Profile& profile,
                          mp::planner::PlanErrorKind kind, const std::string& message) {
  try {
    make_plan(lib, profile, week());
    FAIL("expected an error");
  } catch (const mp::planner::PlanError& e) {
    CHECK(e.kind() == kind);
    CHECK(std::string(e.what()) == message);
  }
}

TEST_CASE("planner: a red-flag condition refuses to plan and points to a clinician") {
  const auto lib = sample_library();
  auto profile = sample_profile();
  SUBCASE("urgent") {
    profile.conditions = {"acute-neck-injury"};
    check_refused(lib, profile, mp::planner::PlanErrorKind::kRedFlag,
                  "nothing planned: 'Recent neck injury' (acute-neck-injury) is a red flag: see a "
                  "clinician now, urgently, before any self-care. Get the neck checked first.");
  }
  SUBCASE("not urgent") {
    profile.conditions = {"arm-numbness"};
    check_refused(lib, profile, mp::planner::PlanErrorKind::kRedFlag,
                  "nothing planned: 'Numbness in the arm' (arm-numbness) is a red flag: see a "
                  "clinician soon, before starting self-care. Numbness needs a clinician's look.");
  }
}

TEST_CASE("planner: unknown ids in the profile are data errors with did-you-mean and list hints") {
  const auto lib = sample_library();
  auto profile = sample_profile();
  profile.goals[0].id = "tension-headach";
  profile.goals[0].where = {"profile.yaml", 1, 15};
  profile.conditions = {"anticoagulant"};
  profile.equipment = {"yoga-mat"};
  profile.routines = {{"desk-neck-rest", mp::model::kAllWeekdays, 750, {"profile.yaml", 6, 18}}};
  try {
    make_plan(lib, profile, week());
    FAIL("expected an error");
  } catch (const mp::planner::PlanError& e) {
    CHECK(e.kind() == mp::planner::PlanErrorKind::kUnknownId);
    const auto& d = e.diagnostics();
    REQUIRE(d.size() == 4);
    CHECK(d[0].message == "unknown goal 'tension-headach'");
    CHECK(d[0].hint == "did you mean 'tension-headache'? `massage-plan list goals` shows them all");
    CHECK(d[0].where == mp::SourceLocation{"profile.yaml", 1, 15});
    CHECK(d[1].message == "unknown condition 'anticoagulant'");
    CHECK(d[1].hint ==
          "did you mean 'anticoagulants'? `massage-plan list conditions` shows them all");
    CHECK(d[2].message == "unknown equipment 'yoga-mat'");
    CHECK(d[2].hint == "`massage-plan list equipment` shows them all");
    CHECK(d[3].message == "unknown routine 'desk-neck-rest'");
    CHECK(d[3].hint ==
          "did you mean 'desk-neck-reset'? `massage-plan list routines` shows them all");
    CHECK(d[3].where.line == 6);
  }
}

TEST_CASE("planner: nothing eligible is an error that gives the reasons") {
  auto lib = sample_library();
  auto profile = sample_profile();
  SUBCASE("goals no technique serves") {
    lib.goals.push_back(goal("circulation", 60));
    lib.sort_by_id();
    profile.goals = {{"circulation", 1, {}}};
    check_refused(lib, profile, mp::planner::PlanErrorKind::kNothingEligible,
                  "nothing planned: no technique can be scheduled\n"
                  "  no technique in the library serves the chosen goals (circulation)");
  }
  SUBCASE("contraindications and equipment exclude everything") {
    profile.goals = {{"tension-headache", 1, {}}};
    profile.conditions = {"anticoagulants"};
    lib.techniques.erase(
        std::remove_if(
            lib.techniques.begin(), lib.techniques.end(),
            [](const auto& t) { return t.id == "chin-tuck" || t.id == "upper-trap-stretch"; }),
        lib.techniques.end());
    check_refused(lib, profile, mp::planner::PlanErrorKind::kNothingEligible,
                  "nothing planned: no technique can be scheduled\n"
                  "  contraindicated by anticoagulants: 'ball-massage', 'deep-tissue'\n"
                  "  serves none of the chosen goals: 'box-breathing', 'neck-rolls', "
                  "'swedish-massage'");
  }
  SUBCASE("no goals at all") {
    profile.goals.clear();
    CHECK_THROWS_WITH_AS(make_plan(lib, profile, week()),
                         "nothing planned: no technique can be scheduled\n"
                         "  the profile names no goals (add one with --goal)",
                         mp::planner::PlanError);
  }
}

TEST_CASE("planner: one function gives every reason a technique is not eligible") {
  using mp::planner::ineligibility_reason;
  using mp::planner::PlanShape;
  const auto lib = sample_library();
  auto profile = sample_profile();
  const std::vector<std::string> goals{"tension-headache", "stress-reduction"};
  auto reason = [&](const char* id, const PlanShape& s = PlanShape{true, false, 10}) {
    return ineligibility_reason(*lib.find_technique(id), profile, goals, s);
  };
  CHECK(reason("chin-tuck").empty());
  CHECK(reason("ball-massage") == "needs tennis-ball");
  profile.conditions = {"anticoagulants"};
  CHECK(reason("ball-massage") == "contraindicated by anticoagulants");  // the first reason
  CHECK(reason("neck-rolls") == "serves none of the chosen goals");
  CHECK(reason("swedish-massage") == "professional technique: no professional sessions");
  profile.professional = mp::model::Professional{1, 60, mp::model::kAllWeekdays, 600, {}};
  CHECK(reason("swedish-massage") == "does not fit a 60-minute professional session");
  profile.professional->minutes = 40;
  CHECK(reason("swedish-massage") == "professional technique: no professional day in this plan");
  CHECK(reason("swedish-massage", PlanShape{true, true, 10}).empty());
  CHECK(reason("chin-tuck", PlanShape{false, false, 0}) == "no self-care sessions in this plan");
  CHECK(reason("chin-tuck", PlanShape{true, false, 2}) ==
        "needs at least 3 minutes, longer than any session (2 minutes)");
}

TEST_CASE("planner: safety problems list the contraindication, then the missing equipment") {
  const auto lib = sample_library();
  auto profile = sample_profile();
  profile.conditions = {"anticoagulants"};
  const auto problems = mp::planner::safety_problems(*lib.find_technique("ball-massage"), profile);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].reason() == "contraindicated by anticoagulants");
  CHECK(problems[1].reason() == "needs tennis-ball");
  profile.conditions.clear();
  profile.equipment = {"tennis-ball"};
  CHECK(mp::planner::safety_problems(*lib.find_technique("ball-massage"), profile).empty());
}

// The library's technique with this id, to change for one test.
static mp::model::Technique* edit(mp::model::Library& lib, const std::string& id) {
  for (auto& t : lib.techniques)
    if (t.id == id) return &t;
  FAIL("no technique " << id);
  return nullptr;
}

TEST_CASE("planner: a technique given only with exercise needs an exercise for its goals") {
  using mp::planner::eligibility_reason;
  using mp::planner::PlanShape;
  auto lib = sample_library();
  edit(lib, "box-breathing")->kind = mp::model::Kind::kBreathing;  // not exercise
  mp::model::Technique* deep = edit(lib, "deep-tissue");
  deep->with_exercise = true;
  auto profile = sample_profile();
  profile.professional = mp::model::Professional{1, 60, mp::model::kAllWeekdays, 600, {}};
  const std::string only =
      "only with exercise: no stretch, mobility or strength exercise for its "
      "goals can be planned";
  auto reason = [&](const std::vector<std::string>& goals, const PlanShape& s) {
    return eligibility_reason(*deep, lib, profile, goals, s);
  };
  const PlanShape both{true, true, 10};
  // Stretches serve tension-headache, which deep tissue serves too.
  CHECK(reason({"tension-headache", "stress-reduction"}, both).empty());
  // For stress-reduction alone only breathing and massage serve it: no exercise, no deep tissue.
  CHECK(reason({"stress-reduction"}, both) == only);
  // The ordinary reasons come first and are unchanged.
  CHECK(mp::planner::ineligibility_reason(*deep, profile, {"stress-reduction"}, both).empty());
  CHECK(reason({"range-of-motion"}, both) == "serves none of the chosen goals");
  // Exercise that cannot be planned does not count: no self-care time, or missing equipment.
  CHECK(reason({"tension-headache"}, PlanShape{false, true, 0}) == only);
  for (const char* id : {"chin-tuck", "upper-trap-stretch"}) edit(lib, id)->equipment = {"mat"};
  CHECK(reason({"tension-headache"}, both) == only);
  profile.equipment = {"mat"};
  CHECK(reason({"tension-headache"}, both).empty());
  // Another technique given only with exercise is not the exercise.
  edit(lib, "chin-tuck")->with_exercise = true;
  edit(lib, "upper-trap-stretch")->with_exercise = true;
  CHECK(reason({"tension-headache"}, both) == only);
}

TEST_CASE("planner: a plan leaves out a technique given only with exercise, with the reason") {
  auto lib = sample_library();
  edit(lib, "box-breathing")->kind = mp::model::Kind::kBreathing;
  edit(lib, "deep-tissue")->with_exercise = true;
  auto profile = sample_profile();
  profile.goals = {{"stress-reduction", 1, {}}};
  profile.professional = mp::model::Professional{1, 60, mp::model::kAllWeekdays, 600, {}};
  const Plan plan = make_plan(lib, profile, week());
  std::map<std::string, std::string> reasons;
  for (const auto& e : plan.excluded) reasons[e.technique] = e.reason;
  CHECK(reasons["deep-tissue"] ==
        "only with exercise: no stretch, mobility or strength exercise for its goals can be "
        "planned");
  for (const auto& day : plan.plan)
    for (const auto& s : day.sessions)
      for (const auto& item : s.items) CHECK(item.technique != "deep-tissue");
  // With a goal that a stretch serves too, the same visit may hold it.
  profile.goals = {{"tension-headache", 1, {}}, {"stress-reduction", 1, {}}};
  reasons.clear();
  for (const auto& e : make_plan(lib, profile, week()).excluded) reasons[e.technique] = e.reason;
  CHECK(reasons.count("deep-tissue") == 0);
}
