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
#include "library/loader.hpp"
#include "model/enums.hpp"
#include "model/error.hpp"
#include "model/library.hpp"
#include "model/plan.hpp"
#include "model/profile.hpp"
#include "planner/planner.hpp"

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
namespace {

using mp::model::Movement;
using mp::model::Position;
using mp::model::Region;

const std::vector<Movement> kNeckMovements = {Movement::kNeckFlexion, Movement::kNeckExtension,
                                              Movement::kNeckRotation, Movement::kNeckSideBend};
const std::vector<Movement> kSpineMovements = {Movement::kNeckFlexion,  Movement::kNeckExtension,
                                               Movement::kNeckRotation, Movement::kNeckSideBend,
                                               Movement::kSpineFlexion, Movement::kSpineExtension,
                                               Movement::kSpineRotation};

bool excluded(const Technique& t, std::string_view condition) {
  return std::find(t.contraindications.begin(), t.contraindications.end(), condition) !=
         t.contraindications.end();
}

bool is_massage(const Technique& t) {
  return t.kind == Kind::kSelfMassage || t.kind == Kind::kProfessional;
}

bool moves(const Technique& t, const std::vector<Movement>& any) {
  if (!t.movements) return true;  // undeclared: the fail-safe reading
  return std::any_of(any.begin(), any.end(), [&](Movement m) {
    return std::find(t.movements->begin(), t.movements->end(), m) != t.movements->end();
  });
}

// Undeclared regions count as every region, as the rules read them (fail-safe).
bool works_on(const Technique& t, const std::vector<Region>& any) {
  return !t.regions || std::any_of(any.begin(), any.end(), [&](Region r) {
    return std::find(t.regions->begin(), t.regions->end(), r) != t.regions->end();
  });
}

bool lies_on_back(const Technique& t) {
  return !t.positions || std::find(t.positions->begin(), t.positions->end(),
                                   Position::kLyingBack) != t.positions->end();
}

bool needs(const Technique& t, std::string_view equipment) {
  return std::find(t.equipment.begin(), t.equipment.end(), equipment) != t.equipment.end();
}

// A technique that works on or moves the neck (breathing and mindfulness only name it).
bool neck_technique(const Technique& t) {
  const bool practice = t.kind == Kind::kBreathing || t.kind == Kind::kMindfulness;
  return (!practice && works_on(t, {Region::kNeck})) || moves(t, kNeckMovements);
}

// Every technique `which` selects is contraindicated by `condition`; at least one is selected.
template <typename Pred>
void check_rules_out(std::string_view condition, std::string_view what, Pred which) {
  CAPTURE(condition);
  CAPTURE(what);
  REQUIRE(builtin().find_condition(condition) != nullptr);
  int selected = 0;
  for (const Technique& t : builtin().techniques) {
    if (!which(t)) continue;
    CAPTURE(t.id);
    CHECK(excluded(t, condition));
    ++selected;
  }
  CHECK_MESSAGE(selected > 0, "the filter selects no technique");
}

// The named techniques exist and stay plannable with `condition` (a written decision).
void check_keeps(std::string_view condition, std::initializer_list<std::string_view> ids) {
  CAPTURE(condition);
  for (std::string_view id : ids) {
    CAPTURE(id);
    const Technique* t = builtin().find_technique(id);
    REQUIRE(t != nullptr);
    CHECK_FALSE(excluded(*t, condition));
  }
}

}  // namespace

TEST_CASE("catalogue: every technique declares its movements and positions") {
  REQUIRE_FALSE(builtin().techniques.empty());
  for (const Technique& t : builtin().techniques) {
    CAPTURE(t.id);
    CHECK(t.movements.has_value());
    REQUIRE(t.positions.has_value());
    CHECK_FALSE(t.positions->empty());
  }
}

TEST_CASE("catalogue: techniques list their own contraindications only where no rule can say why") {
  std::set<std::pair<std::string, std::string>> own;
  for (const Technique& t : builtin().techniques)
    for (const auto& c : t.declared_contraindications) own.emplace(t.id, c);
  const std::set<std::pair<std::string, std::string>> expected = {
      {"towel-roll-chest-opener", "vertebral-fracture"},  // the roll presses along the spine
      {"thai-massage", "joint-replacement"},              // passive limb stretches
      {"shiatsu", "joint-replacement"}};
  CHECK(own == expected);
}

TEST_CASE("catalogue: dvt, fever, skin problems and recent surgery leave out every massage") {
  for (const char* condition :
       {"dvt", "fever-or-infection", "skin-problems-at-site", "recent-surgery"})
    check_rules_out(condition, "massage of any kind (own hands, ball, roller, partner, therapist)",
                    is_massage);
}

TEST_CASE("catalogue: heat is left out where skin, a fresh strain or swelling would suffer") {
  for (const char* condition : {"fever-or-infection", "skin-problems-at-site", "recent-surgery",
                                "acute-neck-injury", "lymphoedema", "cancer-treatment"})
    check_rules_out(condition, "needs a heat pack",
                    [](const Technique& t) { return needs(t, "heat-pack"); });
}

TEST_CASE("catalogue: recent surgery leaves out stretches and spinal movement, keeps breathing") {
  check_rules_out("recent-surgery", "stretch",
                  [](const Technique& t) { return t.kind == Kind::kStretch; });
  check_rules_out("recent-surgery", "moves the neck or spine",
                  [](const Technique& t) { return moves(t, kSpineMovements); });
  check_rules_out("recent-surgery", "exercise of the neck, shoulders or back",
                  [](const Technique& t) {
                    return t.kind == Kind::kMobility &&
                           works_on(t, {Region::kNeck, Region::kShoulders, Region::kUpperBack,
                                        Region::kMidBack, Region::kLowerBack});
                  });
  check_keeps("recent-surgery", {"slow-breathing", "body-scan", "walking"});
}

TEST_CASE(
    "catalogue: a fresh neck strain leaves out pressure, stretch, extension; keeps movement") {
  const char* c = "acute-neck-injury";
  check_rules_out(c, "massage of the neck or shoulders", [](const Technique& t) {
    return is_massage(t) && works_on(t, {Region::kNeck, Region::kShoulders});
  });
  check_rules_out(c, "stretch that moves the neck", [](const Technique& t) {
    return t.kind == Kind::kStretch && moves(t, kNeckMovements);
  });
  check_rules_out(c, "neck extension",
                  [](const Technique& t) { return moves(t, {Movement::kNeckExtension}); });
  check_rules_out(c, "neck work at moderate or firm effort", [](const Technique& t) {
    return works_on(t, {Region::kNeck}) && t.intensity != Intensity::kGentle;
  });
  // docs/library.md: gentle movement within comfort is what neck-strain guidance favours.
  check_keeps(c, {"gentle-neck-turns", "chin-tuck", "deep-neck-flexor-training"});
}

TEST_CASE("catalogue: neck instability leaves out all that presses on, moves or trains the neck") {
  check_rules_out("cervical-instability", "works on or moves the neck", neck_technique);
  check_rules_out("cervical-instability", "firm",
                  [](const Technique& t) { return t.intensity == Intensity::kFirm; });
}

TEST_CASE(
    "catalogue: artery disease leaves out neck pressure and turning or tipping the head back") {
  const char* c = "cervical-artery-disease";
  check_rules_out(c, "massage of the neck",
                  [](const Technique& t) { return is_massage(t) && works_on(t, {Region::kNeck}); });
  check_rules_out(c, "neck extension or rotation", [](const Technique& t) {
    return moves(t, {Movement::kNeckExtension, Movement::kNeckRotation});
  });
  check_keeps(c, {"chin-tuck", "deep-neck-flexor-training", "band-row"});
}

TEST_CASE(
    "catalogue: a pinched neck nerve leaves out extension, side-bend, rotation; keeps tucks") {
  const char* c = "cervical-radiculopathy";
  check_rules_out(c, "neck extension, side-bend or rotation", [](const Technique& t) {
    return moves(t, {Movement::kNeckExtension, Movement::kNeckSideBend, Movement::kNeckRotation});
  });
  check_rules_out(c, "firm pressure on the neck", [](const Technique& t) {
    return t.intensity == Intensity::kFirm && works_on(t, {Region::kNeck});
  });
  check_keeps(c, {"chin-tuck", "deep-neck-flexor-training"});
}

TEST_CASE("catalogue: bleeding risks leave out firm work, others' kneading, ball and roller") {
  for (const char* c : {"anticoagulants", "bleeding-disorder"}) {
    check_rules_out(c, "firm", [](const Technique& t) { return t.intensity == Intensity::kFirm; });
    check_rules_out(c, "kneading by a partner or therapist", [](const Technique& t) {
      return is_massage(t) && t.performer != Performer::kSelf && t.intensity != Intensity::kGentle;
    });
    check_rules_out(c, "massage on a ball or roller", [](const Technique& t) {
      return is_massage(t) && (needs(t, "tennis-ball") || needs(t, "foam-roller"));
    });
  }
}

TEST_CASE("catalogue: bleeding risks keep own self-massage only with a caution to keep it light") {
  int kept = 0;
  for (const Technique& t : builtin().techniques) {
    if (t.kind != Kind::kSelfMassage || t.intensity == Intensity::kGentle) continue;
    if (excluded(t, "anticoagulants")) continue;
    CAPTURE(t.id);
    CHECK(mentions(t.cautions, "blood thinners"));
    ++kept;
  }
  CHECK(kept > 0);
}

TEST_CASE("catalogue: cancer treatment keeps only gentle massage") {
  check_rules_out("cancer-treatment", "massage firmer than gentle", [](const Technique& t) {
    return is_massage(t) && t.intensity != Intensity::kGentle;
  });
  check_keeps("cancer-treatment", {"swedish-massage"});
}

TEST_CASE("catalogue: fragile bones leave out firm work, rounding and twisting; extension stays") {
  for (const char* c : {"osteoporosis", "vertebral-fracture"}) {
    check_rules_out(c, "firm", [](const Technique& t) { return t.intensity == Intensity::kFirm; });
    check_rules_out(c, "rounds or twists the spine", [](const Technique& t) {
      return moves(t, {Movement::kSpineFlexion, Movement::kSpineRotation});
    });
    check_rules_out(c, "foam roller", [](const Technique& t) { return needs(t, "foam-roller"); });
    check_keeps(c, {"thoracic-extension", "prone-y-t-raises", "band-row", "walking"});
  }
}

TEST_CASE(
    "catalogue: pregnancy leaves out firm massage; lying on the back says what after 20 weeks") {
  check_rules_out("pregnancy", "firm massage (sustained point pressure)", [](const Technique& t) {
    return is_massage(t) && t.intensity == Intensity::kFirm;
  });
  // docs/library.md: a caution, not a rule, because the condition does not know the week.
  int lying = 0;
  for (const Technique& t : builtin().techniques) {
    if (!lies_on_back(t) || excluded(t, "pregnancy")) continue;
    CAPTURE(t.id);
    CHECK(mentions(t.cautions, "20 weeks of pregnancy"));
    ++lying;
  }
  CHECK(lying > 0);
}

TEST_CASE("catalogue: inflammatory arthritis leaves out firm work and others handling the neck") {
  const char* c = "inflammatory-arthritis";
  check_rules_out(c, "firm", [](const Technique& t) { return t.intensity == Intensity::kFirm; });
  check_rules_out(c, "neck stretch", [](const Technique& t) {
    return t.kind == Kind::kStretch && moves(t, kNeckMovements);
  });
  check_rules_out(c, "a partner or therapist kneading or moving the neck", [](const Technique& t) {
    return t.performer != Performer::kSelf && works_on(t, {Region::kNeck}) &&
           (t.intensity != Intensity::kGentle || moves(t, kNeckMovements));
  });
  check_keeps(c, {"gentle-neck-turns", "deep-neck-flexor-training", "walking"});
}

TEST_CASE("catalogue: lymphoedema leaves out professional massage and firmer self-massage") {
  check_rules_out("lymphoedema", "professional massage",
                  [](const Technique& t) { return t.kind == Kind::kProfessional; });
  check_rules_out("lymphoedema", "self-massage firmer than gentle", [](const Technique& t) {
    return t.kind == Kind::kSelfMassage && t.intensity != Intensity::kGentle;
  });
}

TEST_CASE("catalogue: disc pain, hypertension and joint replacement rule out what they name") {
  check_rules_out("acute-disc-pain", "bends the spine forward",
                  [](const Technique& t) { return moves(t, {Movement::kSpineFlexion}); });
  check_rules_out("uncontrolled-hypertension", "firm professional", [](const Technique& t) {
    return t.kind == Kind::kProfessional && t.intensity == Intensity::kFirm;
  });
  for (const char* id : {"thai-massage", "shiatsu"}) {
    CAPTURE(id);
    const Technique* t = builtin().find_technique(id);
    REQUIRE(t != nullptr);
    CHECK(excluded(*t, "joint-replacement"));
  }
}

TEST_CASE("catalogue: every exclusion the safety audit found missing is now made") {
  const std::vector<std::pair<const char*, std::vector<const char*>>> audit = {
      {"acute-neck-injury",
       {"swedish-massage", "petrissage-kneading", "myofascial-release", "shiatsu",
        "acupressure-headache-points", "cat-cow"}},
      {"cervical-instability",
       {"swedish-massage", "petrissage-kneading", "myofascial-release", "shiatsu",
        "acupressure-headache-points", "cat-cow", "gentle-neck-turns"}},
      {"recent-surgery",
       {"upper-trap-stretch", "levator-scapulae-stretch", "scalene-stretch", "chin-tuck",
        "gentle-neck-turns", "cat-cow", "open-book-rotation", "seated-thoracic-rotation",
        "childs-pose", "temple-scalp-massage", "acupressure-headache-points"}},
      {"dvt",
       {"sternocleidomastoid-release", "suboccipital-release", "temple-scalp-massage",
        "acupressure-headache-points"}},
      {"anticoagulants", {"acupressure-headache-points", "partner-neck-shoulder-massage"}},
      {"bleeding-disorder", {"acupressure-headache-points", "partner-neck-shoulder-massage"}},
      {"cancer-treatment",
       {"wall-ball-upper-back", "foam-roller-upper-back", "partner-neck-shoulder-massage"}},
      {"vertebral-fracture", {"cat-cow", "rhomboid-hug-stretch"}},
      {"cervical-radiculopathy",
       {"scalene-stretch", "upper-trap-stretch", "levator-scapulae-stretch", "gentle-neck-turns",
        "thai-massage"}},
      {"cervical-artery-disease",
       {"sternocleidomastoid-release", "scalene-stretch", "levator-scapulae-stretch",
        "gentle-neck-turns", "suboccipital-release", "acupressure-headache-points",
        "trigger-point-therapy", "deep-tissue-massage", "thai-massage"}},
      {"pregnancy", {"thai-massage", "shiatsu", "acupressure-headache-points"}},
      {"joint-replacement", {"shiatsu"}},
  };
  for (const auto& [condition, ids] : audit) {
    CAPTURE(condition);
    for (const char* id : ids) {
      CAPTURE(id);
      const Technique* t = builtin().find_technique(id);
      REQUIRE(t != nullptr);
      CHECK(excluded(*t, condition));
    }
  }
}

TEST_CASE("catalogue: every neck technique carries the stop rule") {
  int neck = 0;
  for (const Technique& t : builtin().techniques) {
    if (!neck_technique(t)) continue;
    CAPTURE(t.id);
    std::vector<std::string> text = t.cautions;
    text.insert(text.end(), t.steps.begin(), t.steps.end());
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
  profile.professional = mp::model::Professional{2, 60, mp::model::kAllWeekdays, 10 * 60};
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
