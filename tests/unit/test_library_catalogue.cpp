// The built-in library (routines/*.yaml) as a catalogue: it loads, and it keeps the promises
// docs/library.md makes about it (coverage of goals, safety data, sources, routine fit), above
// all that every condition leaves out what its advice says it leaves out. Technique::
// contraindications is the effective list (own list plus every matching condition rule): what
// the planner uses, so a technique in it can never be planned for that condition.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "builtin/builtin.hpp"
#include "catalogue_fixtures.hpp"
#include "library/loader.hpp"
#include "model/enums.hpp"
#include "model/error.hpp"
#include "model/library.hpp"
#include "model/plan.hpp"
#include "model/profile.hpp"
#include "planner/planner.hpp"

using namespace catalogue_test;  // NOLINT(google-build-using-namespace): test fixtures

namespace {

int count_kind(const Library& lib, Kind kind, Performer performer) {
  return static_cast<int>(std::count_if(
      lib.techniques.begin(), lib.techniques.end(),
      [&](const Technique& t) { return t.kind == kind && t.performer == performer; }));
}

}  // namespace

TEST_CASE("catalogue: the built-in library loads without a single diagnostic") {
  REQUIRE_NOTHROW(builtin());
  CHECK_FALSE(builtin().techniques.empty());
  CHECK_FALSE(builtin().routines.empty());
}

TEST_CASE("catalogue: techniques cover every kind in the numbers issue 3 asks for") {
  const Library& lib = builtin();
  CHECK(lib.techniques.size() >= 24);
  CHECK(count_kind(lib, Kind::kSelfMassage, Performer::kSelf) >= 4);
  CHECK(count_kind(lib, Kind::kStretch, Performer::kSelf) >= 5);
  CHECK(count_kind(lib, Kind::kMobility, Performer::kSelf) >= 3);
  CHECK(count_kind(lib, Kind::kBreathing, Performer::kSelf) >= 2);
  CHECK(count_kind(lib, Kind::kMindfulness, Performer::kSelf) >= 2);
  CHECK(count_kind(lib, Kind::kSelfMassage, Performer::kPartner) >= 1);
  CHECK(count_kind(lib, Kind::kProfessional, Performer::kTherapist) >= 7);
}

TEST_CASE("catalogue: every professional style named in the spec is offered") {
  const Library& lib = builtin();
  for (const char* id : {"swedish-massage", "petrissage-kneading", "deep-tissue-massage", "shiatsu",
                         "thai-massage", "myofascial-release", "trigger-point-therapy"}) {
    CAPTURE(id);
    const Technique* t = lib.find_technique(id);
    REQUIRE(t != nullptr);
    CHECK(t->kind == Kind::kProfessional);
    CHECK(t->performer == Performer::kTherapist);
  }
}

TEST_CASE("catalogue: professional techniques fit a typical 60-minute session") {
  for (const Technique* t :
       techniques_where([](const Technique& t) { return t.kind == Kind::kProfessional; })) {
    CAPTURE(t->id);
    CHECK(t->duration.min <= 60);
    CHECK(t->duration.max >= 60);
  }
}

TEST_CASE("catalogue: the key neck muscles are named as in anatomy") {
  std::set<std::string> muscles;
  for (const Technique& t : builtin().techniques)
    muscles.insert(t.muscles.begin(), t.muscles.end());
  for (const char* m : {"trapezius", "sternocleidomastoid", "scalenes", "rhomboids",
                        "levator-scapulae", "suboccipitals"}) {
    CAPTURE(m);
    CHECK(muscles.count(m) == 1);
  }
}

TEST_CASE("catalogue: techniques on the sternocleidomastoid warn about the front of the neck") {
  auto pressing_on_scm = [](const Technique& t) {
    const bool pressure = t.kind == Kind::kSelfMassage || t.kind == Kind::kProfessional;
    return pressure &&
           std::find(t.muscles.begin(), t.muscles.end(), "sternocleidomastoid") != t.muscles.end();
  };
  for (const Technique* t : techniques_where(pressing_on_scm)) {
    CAPTURE(t->id);
    std::vector<std::string> text = t->cautions;
    for (const auto& step : t->steps) text.push_back(step.text);
    CHECK((mentions(text, "carotid") || mentions(text, "front of the neck")));
  }
}

TEST_CASE("catalogue: every goal is served by at least three techniques") {
  const Library& lib = builtin();
  REQUIRE(lib.goals.size() >= 8);
  for (const auto& goal : lib.goals) {
    CAPTURE(goal.id);
    const auto serving =
        std::count_if(lib.techniques.begin(), lib.techniques.end(), [&](const Technique& t) {
          auto it = t.goals.find(goal.id);
          return it != t.goals.end() && it->second > 0;
        });
    CHECK(serving >= 3);
    CHECK(goal.weekly_target_minutes > 0);
  }
  for (const char* id :
       {"tension-headache", "neck-pain", "range-of-motion", "stress-reduction", "muscle-relaxation",
        "circulation", "emotional-balance", "mental-clarity", "mindfulness"}) {
    CAPTURE(id);
    CHECK(lib.find_goal(id) != nullptr);
  }
}

TEST_CASE("catalogue: every technique has a source, a dose, cautions and a frequency") {
  for (const Technique& t : builtin().techniques) {
    CAPTURE(t.id);
    CHECK_FALSE(t.sources.empty());
    CHECK_FALSE(t.dose.empty());
    CHECK_FALSE(t.steps.empty());
    CHECK_FALSE(t.cautions.empty());
    CHECK(t.frequency.max_per_week >= 1);
    CHECK(t.frequency.max_per_week <= 7);  // the planner uses a technique at most once a day
    CHECK(t.frequency.min_rest_hours >= 0);
    for (const auto& [goal, weight] : t.goals) {
      CAPTURE(goal);
      CHECK(weight > 0);
      CHECK(weight <= 1);
    }
  }
}

TEST_CASE("catalogue: self and partner techniques have at least two steps to follow") {
  for (const Technique* t :
       techniques_where([](const Technique& t) { return t.performer != Performer::kTherapist; })) {
    CAPTURE(t->id);
    CHECK(t->steps.size() >= 2);
  }
}

TEST_CASE("catalogue: no firm or moderate technique lacks contraindications") {
  for (const Technique* t :
       techniques_where([](const Technique& t) { return t.intensity == Intensity::kFirm; })) {
    CAPTURE(t->id);
    CHECK(t->contraindications.size() >= 3);
  }
  for (const Technique* t :
       techniques_where([](const Technique& t) { return t.intensity == Intensity::kModerate; })) {
    CAPTURE(t->id);
    CHECK_FALSE(t->contraindications.empty());
  }
}

TEST_CASE("catalogue: firm techniques are ruled out by blood thinners and osteoporosis") {
  for (const Technique* t :
       techniques_where([](const Technique& t) { return t.intensity == Intensity::kFirm; })) {
    CAPTURE(t->id);
    const auto& c = t->contraindications;
    CHECK(std::find(c.begin(), c.end(), "anticoagulants") != c.end());
    CHECK(std::find(c.begin(), c.end(), "osteoporosis") != c.end());
  }
}

TEST_CASE("catalogue: every routine step fits its technique's duration range") {
  const Library& lib = builtin();
  REQUIRE(lib.routines.size() >= 6);
  for (const auto& routine : lib.routines) {
    CAPTURE(routine.id);
    CHECK_FALSE(routine.steps.empty());
    for (const auto& step : routine.steps) {
      CAPTURE(step.technique);
      const Technique* t = lib.find_technique(step.technique);
      REQUIRE(t != nullptr);
      CHECK(t->kind != Kind::kProfessional);
      CHECK(step.minutes >= t->duration.min);
      CHECK(step.minutes <= t->duration.max);
    }
  }
}

TEST_CASE("catalogue: the routines issue 3 asks for are present") {
  const Library& lib = builtin();
  for (const char* id :
       {"desk-neck-reset", "desk-micro-break", "morning-mobility", "evening-wind-down",
        "tension-headache-first-aid", "pre-sleep-calm", "weekend-long-session"}) {
    CAPTURE(id);
    CHECK(lib.find_routine(id) != nullptr);
  }
}

TEST_CASE("catalogue: the everyday routines work with zero set-up (no equipment)") {
  const Library& lib = builtin();
  for (const char* id : {"desk-neck-reset", "desk-micro-break", "morning-mobility",
                         "evening-wind-down", "tension-headache-first-aid", "pre-sleep-calm"}) {
    CAPTURE(id);
    const auto* routine = lib.find_routine(id);
    REQUIRE(routine != nullptr);
    for (const auto& step : routine->steps) {
      CAPTURE(step.technique);
      const Technique* t = lib.find_technique(step.technique);
      REQUIRE(t != nullptr);
      CHECK(t->equipment.empty());
    }
  }
}

TEST_CASE("catalogue: no technique is a high-velocity manipulation") {
  for (const Technique& t : builtin().techniques) {
    CAPTURE(t.id);
    CHECK(t.id.find("manipulation") == std::string::npos);
    CHECK(t.id.find("thrust") == std::string::npos);
  }
}

TEST_CASE("catalogue: conditions and red flags carry advice, urgent ones say to get care now") {
  const Library& lib = builtin();
  int ordinary = 0;
  int red_flags = 0;
  for (const auto& c : lib.conditions) {
    CAPTURE(c.id);
    CHECK_FALSE(c.advice.empty());
    if (!c.red_flag) {
      CHECK_FALSE(c.urgent);
      ++ordinary;
      continue;
    }
    ++red_flags;
    if (c.urgent) CHECK(mentions({c.advice}, "urgent care now"));
  }
  CHECK(ordinary >= 10);
  CHECK(red_flags >= 5);
  for (const char* id : {"anticoagulants", "osteoporosis", "pregnancy", "recent-surgery",
                         "acute-neck-injury", "cervical-instability", "fever-or-infection", "dvt",
                         "cancer-treatment", "skin-problems-at-site"}) {
    CAPTURE(id);
    const auto* c = lib.find_condition(id);
    REQUIRE(c != nullptr);
    CHECK_FALSE(c->red_flag);
  }
  for (const char* id : {"cervical-artery-disease", "cervical-radiculopathy",
                         "inflammatory-arthritis", "lymphoedema"}) {
    CAPTURE(id);
    const auto* c = lib.find_condition(id);
    REQUIRE(c != nullptr);
    CHECK_FALSE(c->red_flag);
    CHECK_FALSE(c->excludes.empty());
  }
  for (const char* id :
       {"thunderclap-headache", "new-neurological-symptoms", "fever-with-stiff-neck",
        "neck-pain-after-trauma", "possible-artery-dissection", "headache-after-head-injury",
        "painful-red-eye", "cardiac-warning-signs", "cauda-equina-signs", "headache-in-pregnancy",
        "giant-cell-arteritis-signs"}) {
    CAPTURE(id);
    const auto* c = lib.find_condition(id);
    REQUIRE(c != nullptr);
    CHECK(c->red_flag);
    CHECK(c->urgent);
  }
  for (const char* id :
       {"headache-cancer-or-immunity", "headache-with-vomiting", "headache-after-new-medicine"}) {
    CAPTURE(id);
    const auto* c = lib.find_condition(id);
    REQUIRE(c != nullptr);
    CHECK(c->red_flag);
  }
}

TEST_CASE("catalogue: every condition rules something out and every equipment is used") {
  const Library& lib = builtin();
  std::set<std::string> used_conditions;
  std::set<std::string> used_equipment;
  REQUIRE_FALSE(lib.conditions.empty());
  REQUIRE_FALSE(lib.equipment.empty());
  for (const Technique& t : lib.techniques) {
    used_conditions.insert(t.contraindications.begin(), t.contraindications.end());
    used_equipment.insert(t.equipment.begin(), t.equipment.end());
  }
  for (const auto& c : lib.conditions) {
    CAPTURE(c.id);
    CHECK((c.red_flag || used_conditions.count(c.id) == 1));
  }
  for (const auto& e : lib.equipment) {
    CAPTURE(e.id);
    CHECK(used_equipment.count(e.id) == 1);
  }
}

TEST_CASE("catalogue: warm-up is mobility and breathing or mindfulness is cool-down") {
  for (const Technique* t : techniques_where([](const Technique& t) {
         return t.kind == Kind::kBreathing || t.kind == Kind::kMindfulness;
       })) {
    CAPTURE(t->id);
    CHECK(t->phase == mp::model::Phase::kCoolDown);
  }
  for (const Technique* t :
       techniques_where([](const Technique& t) { return t.phase == mp::model::Phase::kWarmUp; })) {
    CAPTURE(t->id);
    CHECK(t->kind == Kind::kMobility);
  }
}

// ---------------------------------------------------------------------------------------------
// Every condition's promise, held over the effective contraindications. Each check walks the
// techniques a filter selects and fails if the filter selects none, so a renamed attribute or an
// emptied catalogue cannot make a check pass vacuously.
// ---------------------------------------------------------------------------------------------

TEST_CASE("catalogue: every neck technique carries the stop rule") {
  int neck = 0;
  for (const Technique& t : builtin().techniques) {
    if (!neck_technique(t)) continue;
    CAPTURE(t.id);
    std::vector<std::string> text = t.cautions;
    for (const auto& step : t.steps) text.push_back(step.text);
    CHECK(mentions(text, "dizz"));
    CHECK(mentions(text, "vision"));
    CHECK(mentions(text, "tingling"));
    CHECK(mentions(text, "numb"));
    ++neck;
  }
  CHECK(neck > 0);
}

TEST_CASE("catalogue: strengthening serves neck pain with doses that progress") {
  const Library& lib = builtin();
  for (const char* id :
       {"deep-neck-flexor-training", "neck-isometrics", "band-row", "prone-y-t-raises"}) {
    CAPTURE(id);
    const Technique* t = lib.find_technique(id);
    REQUIRE(t != nullptr);
    auto w = t->goals.find("neck-pain");
    REQUIRE(w != t->goals.end());
    CHECK(w->second >= 0.4);
    CHECK(mentions({t->dose}, "week"));  // says how to progress, week by week
  }
  const Technique* row = lib.find_technique("band-row");
  REQUIRE(row != nullptr);
  CHECK(needs(*row, "resistance-band"));
}

TEST_CASE("catalogue: the chair, the towel and a wall or doorway are household equipment") {
  const Library& lib = builtin();
  for (const auto& e : lib.equipment) {
    CAPTURE(e.id);
    const bool everyday = e.id == "chair" || e.id == "towel" || e.id == "wall-or-doorway";
    CHECK(e.household == everyday);
  }
}

TEST_CASE("catalogue: professional durations stay inside what their dose texts support") {
  for (const Technique& t : builtin().techniques) {
    if (t.kind != Kind::kProfessional) continue;
    CAPTURE(t.id);
    CHECK(t.duration.max <= 60);
  }
  // Its own dose text: 30-minute sessions did no better than a wait list.
  const Technique* swedish = builtin().find_technique("swedish-massage");
  REQUIRE(swedish != nullptr);
  CHECK(swedish->duration.min >= 60);
}

TEST_CASE("catalogue: a user's firm neck massage is excluded by the built-in conditions as is") {
  const Library lib = mp::builtin::load_with_text(R"(
techniques:
  - id: firm-neck-press
    name: Firm neck press with the head tipped back
    kind: self-massage
    regions: [neck]
    goals: {muscle-relaxation: 0.3}
    duration: {min: 2, default: 3, max: 5}
    intensity: firm
    movements: [neck-extension]
    positions: [sitting]
    steps: ["Tip the head back.", "Press firmly either side of the spine."]
)",
                                                  "user.yaml");
  const Technique* t = lib.find_technique("firm-neck-press");
  REQUIRE(t != nullptr);
  for (const char* c :
       {"dvt", "fever-or-infection", "skin-problems-at-site", "recent-surgery", "anticoagulants",
        "bleeding-disorder", "osteoporosis", "cancer-treatment", "pregnancy", "acute-neck-injury",
        "cervical-instability", "cervical-artery-disease", "cervical-radiculopathy",
        "inflammatory-arthritis", "lymphoedema"}) {
    CAPTURE(c);
    CHECK(excluded(*t, c));
  }
}

namespace {

std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(MP_SOURCE_DIR) + "/" + relative);
  REQUIRE_MESSAGE(in.good(), "cannot read " << relative);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs of spaces and line breaks read as one space, so wrapped prose compares as written.
std::string squeeze(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

}  // namespace

TEST_CASE("catalogue: docs/library.md tags every technique's evidence, one row each") {
  const std::string doc = read_source_file("docs/library.md");
  const Library& lib = builtin();
  CHECK(doc.find("### Techniques (" + std::to_string(lib.techniques.size()) + ")") !=
        std::string::npos);
  for (const Technique& t : lib.techniques) {
    CAPTURE(t.id);
    const std::string head = "\n| `" + t.id + "` |";
    const auto at = doc.find(head);
    REQUIRE(at != std::string::npos);
    CHECK(doc.find(head, at + 1) == std::string::npos);
    const std::string row = doc.substr(at + 1, doc.find('\n', at + 1) - at - 1);
    // The last cell is the dose tag: E, E-low, G or C, sometimes qualified.
    const auto last = row.rfind('|', row.size() - 2);
    const std::string tag = row.substr(last + 1);
    CHECK((tag.find(" E") != std::string::npos || tag.find(" G") != std::string::npos ||
           tag.find(" C") != std::string::npos));
  }
}

TEST_CASE("catalogue: the README's counts are the library's") {
  const Library& lib = builtin();
  const auto red_flags = std::count_if(lib.conditions.begin(), lib.conditions.end(),
                                       [](const auto& c) { return c.red_flag; });
  const std::string claim =
      "a library of " + std::to_string(lib.techniques.size()) + " evidence-informed techniques, " +
      std::to_string(lib.goals.size()) + " goals, " + std::to_string(lib.conditions.size()) +
      " health conditions (" + std::to_string(red_flags) + " of them red flags) and " +
      std::to_string(lib.routines.size()) + " routines";
  CAPTURE(claim);
  CHECK(squeeze(read_source_file("README.md")).find(claim) != std::string::npos);
}

TEST_CASE("catalogue: a plan for any condition never holds a technique that it rules out") {
  const Library& lib = builtin();
  mp::model::Profile profile;
  for (const auto& g : lib.goals) profile.goals.push_back({g.id, 1, {}});
  for (const auto& e : lib.equipment) profile.equipment.push_back(e.id);
  profile.sessions = {{7 * 60 + 30, 30}, {21 * 60, 30}};
  profile.professional = mp::model::Professional{2, 60, mp::model::kAllWeekdays, 10 * 60, {}};
  // Every routine pinned once a week, so their steps face the conditions too.
  for (std::size_t i = 0; i < lib.routines.size(); ++i) {
    mp::model::PinnedRoutine pinned{lib.routines[i].id, {}, i < 7 ? 12 * 60 + 30 : 15 * 60, {}};
    pinned.weekdays[i % 7] = true;
    profile.routines.push_back(pinned);
  }
  mp::planner::PlanRequest request;
  request.start = std::chrono::year{2026} / 11 / 30;
  request.days = 7;
  int ordinary = 0;
  int routine_sessions = 0;
  for (const auto& condition : lib.conditions) {
    if (condition.red_flag) continue;
    CAPTURE(condition.id);
    ++ordinary;
    mp::model::Profile with = profile;
    with.conditions = {condition.id};
    const mp::model::Plan plan = mp::planner::make_plan(lib, with, request);
    int items = 0;
    for (const auto& day : plan.plan)
      for (const auto& session : day.sessions) {
        if (session.kind == mp::model::SessionKind::kRoutine) ++routine_sessions;
        for (const auto& item : session.items) {
          CAPTURE(item.technique);
          const Technique* t = lib.find_technique(item.technique);
          REQUIRE(t != nullptr);
          CHECK_FALSE(excluded(*t, condition.id));
          ++items;
        }
      }
    CHECK(items > 0);
  }
  CHECK(ordinary > 0);
  CHECK(routine_sessions > 0);
}
