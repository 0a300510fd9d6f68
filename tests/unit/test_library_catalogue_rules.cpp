// The built-in library's conditions: each leaves out what its advice says it leaves out, by
// rules over technique attributes (docs/library.md, docs/safety-matrix.md), and keeps what it
// promises to keep. Technique::contraindications is the effective list the planner uses.
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
      // Sustained pressure on one spot: traditional points (pregnancy), bruising (bleeding).
      {"acupressure-headache-points", "pregnancy"},
      {"acupressure-headache-points", "anticoagulants"},
      {"acupressure-headache-points", "bleeding-disorder"},
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
  check_keeps("cancer-treatment", {"light-stroking-massage"});
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
  check_rules_out("raised-blood-pressure", "firm professional", [](const Technique& t) {
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
