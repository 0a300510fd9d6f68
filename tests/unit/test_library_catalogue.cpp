// The built-in library (routines/*.yaml) as a catalogue: it loads, and it keeps the promises
// docs/library.md makes about it (coverage of goals, safety data, sources, routine fit).
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "builtin/builtin.hpp"
#include "library/loader.hpp"
#include "model/enums.hpp"
#include "model/error.hpp"
#include "model/library.hpp"

namespace {

using mp::model::Intensity;
using mp::model::Kind;
using mp::model::Library;
using mp::model::Performer;
using mp::model::Technique;

// Loads once; a failure prints every diagnostic so the broken YAML line is easy to find.
const Library& builtin() {
  static const Library library = [] {
    try {
      return mp::builtin::load();
    } catch (const mp::DiagnosticError& e) {
      for (const auto& d : e.diagnostics()) MESSAGE(mp::format_diagnostic(d));
      throw;
    }
  }();
  return library;
}

int count_kind(const Library& lib, Kind kind, Performer performer) {
  return static_cast<int>(std::count_if(
      lib.techniques.begin(), lib.techniques.end(),
      [&](const Technique& t) { return t.kind == kind && t.performer == performer; }));
}

// The built-in techniques that pass keep. A test that loops over them proves nothing when the
// filter matches nothing (a renamed kind, an emptied file), so that fails here.
template <typename Keep>
std::vector<const Technique*> techniques_where(Keep keep) {
  std::vector<const Technique*> out;
  for (const Technique& t : builtin().techniques)
    if (keep(t)) out.push_back(&t);
  REQUIRE_MESSAGE(!out.empty(), "no built-in technique matches the filter");
  return out;
}

bool mentions(const std::vector<std::string>& texts, std::string_view word) {
  return std::any_of(texts.begin(), texts.end(), [&](const std::string& s) {
    std::string lower = s;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower.find(word) != std::string::npos;
  });
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
    text.insert(text.end(), t->steps.begin(), t->steps.end());
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
       {"tension-headache", "range-of-motion", "stress-reduction", "muscle-relaxation",
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
  for (const char* id : {"desk-neck-reset", "morning-mobility", "evening-wind-down",
                         "tension-headache-first-aid", "pre-sleep-calm", "weekend-long-session"}) {
    CAPTURE(id);
    CHECK(lib.find_routine(id) != nullptr);
  }
}

TEST_CASE("catalogue: the everyday routines work with zero set-up (no equipment)") {
  const Library& lib = builtin();
  for (const char* id : {"desk-neck-reset", "morning-mobility", "evening-wind-down",
                         "tension-headache-first-aid", "pre-sleep-calm"}) {
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
  for (const char* id :
       {"thunderclap-headache", "new-neurological-symptoms", "fever-with-stiff-neck",
        "neck-pain-after-trauma", "possible-artery-dissection"}) {
    CAPTURE(id);
    const auto* c = lib.find_condition(id);
    REQUIRE(c != nullptr);
    CHECK(c->red_flag);
    CHECK(c->urgent);
  }
}

TEST_CASE("catalogue: every condition and every piece of equipment is used or is a red flag") {
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
