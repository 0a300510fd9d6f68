// Conditions exclude techniques by rules over their attributes (SPEC §3, v2): the matching, the
// fail-safe on undeclared attributes, and the effective contraindications after merging.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "builtin/builtin.hpp"
#include "library/loader.hpp"
#include "model/exclusions.hpp"

namespace lib = mp::library;
namespace model = mp::model;
using model::ExclusionRule;
using model::Technique;

namespace {

// A firm self-massage of the neck with a ball, sitting, loading neck extension.
Technique neck_rub() {
  Technique t;
  t.id = "neck-rub";
  t.kind = model::Kind::kSelfMassage;
  t.performer = model::Performer::kSelf;
  t.intensity = model::Intensity::kFirm;
  t.regions = {model::Region::kNeck, model::Region::kShoulders};
  t.movements = std::vector{model::Movement::kNeckExtension};
  t.positions = std::vector{model::Position::kSitting};
  t.equipment = {"ball"};
  return t;
}

}  // namespace

TEST_CASE("rules: a scalar attribute matches when the technique's value is in the list") {
  ExclusionRule rule;
  rule.intensity = std::vector{model::Intensity::kModerate, model::Intensity::kFirm};
  CHECK(model::match_rule(rule, neck_rub()).matches);
  rule.intensity = std::vector{model::Intensity::kGentle};
  CHECK_FALSE(model::match_rule(rule, neck_rub()).matches);
  ExclusionRule kind;
  kind.kind = std::vector{model::Kind::kStretch, model::Kind::kProfessional};
  CHECK_FALSE(model::match_rule(kind, neck_rub()).matches);
  ExclusionRule performer;
  performer.performer = std::vector{model::Performer::kSelf};
  CHECK(model::match_rule(performer, neck_rub()).matches);
}

TEST_CASE("rules: a list attribute matches when it shares a value with the rule") {
  ExclusionRule rule;
  rule.regions = std::vector{model::Region::kHead, model::Region::kShoulders};
  CHECK(model::match_rule(rule, neck_rub()).matches);
  rule.regions = std::vector{model::Region::kLowerBack};
  CHECK_FALSE(model::match_rule(rule, neck_rub()).matches);
  ExclusionRule equipment;
  equipment.equipment = std::vector<std::string>{"foam-roller", "ball"};
  CHECK(model::match_rule(equipment, neck_rub()).matches);
  equipment.equipment = std::vector<std::string>{"foam-roller"};
  CHECK_FALSE(model::match_rule(equipment, neck_rub()).matches);
  ExclusionRule movements;
  movements.movements = std::vector{model::Movement::kNeckRotation};
  CHECK_FALSE(model::match_rule(movements, neck_rub()).matches);
  movements.movements =
      std::vector{model::Movement::kNeckRotation, model::Movement::kNeckExtension};
  CHECK(model::match_rule(movements, neck_rub()).matches);
  ExclusionRule positions;
  positions.positions = std::vector{model::Position::kLyingBack};
  CHECK_FALSE(model::match_rule(positions, neck_rub()).matches);
}

TEST_CASE("rules: technique names techniques by id") {
  ExclusionRule rule;
  rule.technique = std::vector<std::string>{"other", "neck-rub"};
  CHECK(model::match_rule(rule, neck_rub()).matches);
  rule.technique = std::vector<std::string>{"other"};
  CHECK_FALSE(model::match_rule(rule, neck_rub()).matches);
}

TEST_CASE("rules: a rule with several attributes matches only when every one does") {
  ExclusionRule rule;
  rule.kind = std::vector{model::Kind::kSelfMassage};
  rule.regions = std::vector{model::Region::kNeck};
  rule.movements = std::vector{model::Movement::kNeckExtension};
  CHECK(model::match_rule(rule, neck_rub()).matches);
  SUBCASE("one attribute off") {
    rule.regions = std::vector{model::Region::kMidBack};
    CHECK_FALSE(model::match_rule(rule, neck_rub()).matches);
  }
  SUBCASE("another attribute off") {
    rule.kind = std::vector{model::Kind::kStretch};
    CHECK_FALSE(model::match_rule(rule, neck_rub()).matches);
  }
}

TEST_CASE("rules: an undeclared movements or positions matches fail-safe and says so") {
  Technique t = neck_rub();
  t.movements.reset();
  ExclusionRule rule;
  rule.movements = std::vector{model::Movement::kSpineFlexion};
  auto m = model::match_rule(rule, t);
  CHECK(m.matches);
  CHECK(m.undeclared == std::vector<std::string>{"movements"});
  t.positions.reset();
  rule.positions = std::vector{model::Position::kLyingBack};
  m = model::match_rule(rule, t);
  CHECK(m.matches);
  CHECK(m.undeclared == std::vector<std::string>{"movements", "positions"});
}

TEST_CASE("rules: declared-empty movements or positions ([]) match no rule on them") {
  Technique t = neck_rub();
  t.movements = std::vector<model::Movement>{};
  t.positions = std::vector<model::Position>{};
  ExclusionRule movements;
  movements.movements = std::vector{model::Movement::kNeckExtension};
  CHECK_FALSE(model::match_rule(movements, t).matches);
  ExclusionRule positions;
  positions.positions = std::vector{model::Position::kSitting};
  CHECK_FALSE(model::match_rule(positions, t).matches);
}

TEST_CASE("rules: fail-safe does not make a rule match when another attribute does not") {
  Technique t = neck_rub();
  t.movements.reset();
  ExclusionRule rule;
  rule.movements = std::vector{model::Movement::kSpineFlexion};
  rule.kind = std::vector{model::Kind::kBreathing};
  auto m = model::match_rule(rule, t);
  CHECK_FALSE(m.matches);
  CHECK(m.undeclared.empty());
}

namespace {
const char* kRuleLibrary = R"(goals:
  - {id: calm, name: Calm, weekly_target_minutes: 60}
conditions:
  - id: thin-blood
    name: Thin blood
    excludes:
      - {intensity: [firm]}
      - {regions: [neck], movements: [neck-extension]}
  - {id: bad-back, name: Bad back, excludes: [{movements: [spine-flexion]}]}
  - {id: sore, name: Sore}
techniques:
  - id: neck-press
    name: Neck press
    kind: self-massage
    intensity: firm
    regions: [neck]
    movements: [neck-extension]
    positions: [sitting]
    contraindications: [sore]
    goals: {calm: 0.5}
    duration: {min: 2, max: 5}
    steps: ["Press."]
  - id: breathe
    name: Breathe
    kind: breathing
    intensity: gentle
    regions: []
    goals: {calm: 0.5}
    duration: {min: 2, max: 5}
    steps: ["Breathe."]
    movements: []
    positions: [sitting]
  - id: undeclared
    name: Undeclared
    kind: stretch
    goals: {calm: 0.5}
    duration: {min: 2, max: 5}
    steps: ["Stretch."]
)";
}  // namespace

TEST_CASE("rules: effective contraindications are the declared list, then matching conditions") {
  auto l = lib::load_library_text(kRuleLibrary, "t.yaml");
  const auto* press = l.find_technique("neck-press");
  CHECK(press->declared_contraindications == std::vector<std::string>{"sore"});
  CHECK(press->contraindications == std::vector<std::string>{"sore", "thin-blood"});
  REQUIRE(press->exclusions.size() == 3);
  CHECK(press->exclusions[0].condition == "sore");
  CHECK(press->exclusions[0].why == "listed by the technique");
  CHECK_FALSE(press->exclusions[0].rule.has_value());
  CHECK(press->exclusions[1].why == "{intensity: [firm]}");
  CHECK(press->exclusions[1].rule == 0u);
  CHECK(press->exclusions[2].why == "{regions: [neck], movements: [neck-extension]}");
  CHECK(press->exclusions[2].rule == 1u);
  CHECK(l.find_technique("breathe")->contraindications.empty());
  const auto* undeclared = l.find_technique("undeclared");
  // It declares no intensity, regions, movements or positions: every rule on those matches.
  CHECK(undeclared->contraindications == std::vector<std::string>{"bad-back", "thin-blood"});
  REQUIRE(undeclared->exclusions.size() == 3);
  CHECK(undeclared->exclusions[0].undeclared == std::vector<std::string>{"movements"});
  CHECK(undeclared->exclusions[1].undeclared == std::vector<std::string>{"intensity"});
  CHECK(undeclared->exclusions[2].undeclared == std::vector<std::string>{"regions", "movements"});
}

TEST_CASE("rules: a declared intensity or region that the rule does not name does not match") {
  model::Technique t;
  t.id = "gentle-rub";
  t.kind = model::Kind::kSelfMassage;
  model::ExclusionRule firm;
  firm.intensity = std::vector{model::Intensity::kFirm};
  model::ExclusionRule neck;
  neck.regions = std::vector{model::Region::kNeck};
  // Undeclared: both match, fail-safe, and say which attribute was missing.
  CHECK(model::match_rule(firm, t).matches);
  CHECK(model::match_rule(firm, t).undeclared == std::vector<std::string>{"intensity"});
  CHECK(model::match_rule(neck, t).undeclared == std::vector<std::string>{"regions"});
  // Declared: only a value the rule names matches; [] works on no region.
  t.intensity = model::Intensity::kGentle;
  t.regions = std::vector<model::Region>{};
  CHECK_FALSE(model::match_rule(firm, t).matches);
  CHECK_FALSE(model::match_rule(neck, t).matches);
  t.intensity = model::Intensity::kFirm;
  t.regions = std::vector{model::Region::kShoulders, model::Region::kNeck};
  CHECK(model::match_rule(firm, t).matches);
  CHECK(model::match_rule(neck, t).matches);
  CHECK(model::match_rule(neck, t).undeclared.empty());
}

TEST_CASE("rules: validate warns for each technique and attribute a rule matched fail-safe") {
  auto l = lib::load_library_text(kRuleLibrary, "t.yaml");
  auto warnings = model::undeclared_attribute_warnings(l);
  REQUIRE(warnings.size() == 3);
  CHECK(mp::format_diagnostic(warnings[0], mp::Severity::kWarning) ==
        "t.yaml:33:5: warning: technique 'undeclared' does not declare intensity, so it is "
        "excluded fail-safe by condition 'thin-blood' rule {intensity: [firm]}\n"
        "  hint: declare its intensity (gentle, moderate or firm)");
  CHECK(mp::format_diagnostic(warnings[1], mp::Severity::kWarning) ==
        "t.yaml:33:5: warning: technique 'undeclared' does not declare regions, so it is "
        "excluded fail-safe by condition 'thin-blood' rule {regions: [neck], movements: "
        "[neck-extension]}\n"
        "  hint: declare its regions (regions: [] when it has none)");
  CHECK(mp::format_diagnostic(warnings[2], mp::Severity::kWarning) ==
        "t.yaml:33:5: warning: technique 'undeclared' does not declare movements, so it is "
        "excluded fail-safe by condition 'bad-back' rule {movements: [spine-flexion]}; "
        "condition 'thin-blood' rule {regions: [neck], movements: [neck-extension]}\n"
        "  hint: declare its movements (movements: [] when it has none)");
}

TEST_CASE("rules: a user's condition applies to techniques of an earlier source") {
  std::vector<lib::Source> sources{lib::Source{"a", {lib::FileText{"a.yaml", kRuleLibrary}}},
                                   lib::Source{"b", {lib::FileText{"b.yaml", R"(conditions:
  - {id: mine, name: Mine, excludes: [{kind: [breathing]}]}
)"}}}};
  auto l = lib::load_sources(sources).library;
  CHECK(l.find_technique("breathe")->contraindications == std::vector<std::string>{"mine"});
}

namespace {
std::string read_data(const std::string& name) {
  std::ifstream in(std::string(MP_TEST_DATA_DIR) + "/" + name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("rules: a new user technique is excluded by an earlier source's conditions unedited") {
  // rules-library.yaml stands for the built-in library; the user's file comes later and names
  // no contraindications at all.
  std::vector<lib::Source> sources{
      lib::Source{"stand-in",
                  {lib::FileText{"rules-library.yaml", read_data("good/rules-library.yaml")}}},
      lib::Source{"--library",
                  {lib::FileText{"firm-neck-self-massage.yaml",
                                 read_data("good/firm-neck-self-massage.yaml")}}}};
  auto l = lib::load_sources(sources).library;
  const auto* t = l.find_technique("firm-neck-self-massage");
  REQUIRE(t != nullptr);
  CHECK(t->declared_contraindications.empty());
  // Firm: thin blood. Neck self-massage and neck extension: artery disease (two rules).
  // Sitting only: late pregnancy (lying on the back) does not apply.
  CHECK(t->contraindications == std::vector<std::string>{"artery-disease", "thin-blood"});
  std::vector<std::string> why;
  for (const auto& e : t->exclusions) why.push_back(e.condition + " " + e.why);
  CHECK(why == std::vector<std::string>{
                   "artery-disease {kind: [self-massage, professional], regions: [neck]}",
                   "artery-disease {movements: [neck-extension, neck-rotation]}",
                   "thin-blood {intensity: [firm]}"});
  // The technique that declares no intensity, movements or positions is excluded fail-safe by
  // the rules on them, and validate says so once per attribute.
  const auto* undeclared = l.find_technique("undeclared-neck-rub");
  CHECK(undeclared->contraindications ==
        std::vector<std::string>{"artery-disease", "late-pregnancy", "thin-blood"});
  CHECK(model::undeclared_attribute_warnings(l).size() == 3);
}

TEST_CASE("rules: a user's condition applies to the built-in techniques") {
  auto l = mp::builtin::load_with_text(R"(conditions:
  - id: my-breathing-trouble
    name: My breathing trouble
    excludes: [{kind: [breathing]}]
)",
                                       "mine.yaml");
  int excluded = 0;
  for (const auto& t : l.techniques) {
    bool has = std::find(t.contraindications.begin(), t.contraindications.end(),
                         "my-breathing-trouble") != t.contraindications.end();
    CHECK(has == (t.kind == model::Kind::kBreathing));
    excluded += has;
  }
  CHECK(excluded > 0);
}
