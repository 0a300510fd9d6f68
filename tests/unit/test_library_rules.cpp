// The loader's v2 safety keys: technique movements and positions, condition excludes rules,
// equipment household. Exact messages and locations, as for every other key.
#include <doctest/doctest.h>

#include <string>

#include "library/loader.hpp"

using mp::DiagnosticError;
namespace lib = mp::library;
namespace model = mp::model;

namespace {

std::vector<std::string> messages(const std::string& text) {
  std::vector<std::string> out;
  try {
    lib::load_library_text(text, "t.yaml");
  } catch (const DiagnosticError& e) {
    for (const auto& d : e.diagnostics()) out.push_back(mp::format_diagnostic(d));
  }
  return out;
}

// A goal, a ball and one technique (extra keys appended to it), then more YAML after.
std::string library(const std::string& technique_keys, const std::string& after = "") {
  return R"(goals:
  - {id: calm, name: Calm, weekly_target_minutes: 60}
equipment:
  - {id: ball, name: Ball}
techniques:
  - id: rub
    name: Rub
    kind: self-massage
    goals: {calm: 0.5}
    duration: {min: 2, max: 5}
    steps: ["Rub."]
)" + technique_keys +
         after;
}

}  // namespace

TEST_CASE("loader: movements and positions absent are not declared, [] declares none") {
  auto absent = lib::load_library_text(library(""), "t.yaml");
  CHECK_FALSE(absent.techniques.front().movements.has_value());
  CHECK_FALSE(absent.techniques.front().positions.has_value());
  auto none = lib::load_library_text(library("    movements: []\n    positions: []\n"), "t.yaml");
  REQUIRE(none.techniques.front().movements.has_value());
  CHECK(none.techniques.front().movements->empty());
  REQUIRE(none.techniques.front().positions.has_value());
  CHECK(none.techniques.front().positions->empty());
}

TEST_CASE("loader: movements and positions read in the order written") {
  auto l = lib::load_library_text(library("    movements: [neck-extension, spine-rotation]\n"
                                          "    positions: [all-fours, lying-back]\n"),
                                  "t.yaml");
  const auto& t = l.techniques.front();
  CHECK(*t.movements ==
        std::vector{model::Movement::kNeckExtension, model::Movement::kSpineRotation});
  CHECK(*t.positions == std::vector{model::Position::kAllFours, model::Position::kLyingBack});
}

TEST_CASE("loader: an unknown movement or position is an error with a did-you-mean") {
  CHECK(messages(library("    movements: [neck-extention]\n")) ==
        std::vector<std::string>{"t.yaml:12:17: error: unknown movement 'neck-extention'\n"
                                 "  hint: did you mean 'neck-extension'?"});
  CHECK(messages(library("    positions: [supine]\n")) ==
        std::vector<std::string>{"t.yaml:12:17: error: unknown position 'supine'\n"
                                 "  hint: use one of: sitting, standing, lying-back, "
                                 "lying-front, side-lying, kneeling, all-fours"});
}

TEST_CASE("loader: a movement listed twice and a scalar movements are errors") {
  CHECK(messages(library("    movements: [neck-flexion, neck-flexion]\n")) ==
        std::vector<std::string>{"t.yaml:12:31: error: movement 'neck-flexion' is listed twice"});
  CHECK(messages(library("    positions: sitting\n")) ==
        std::vector<std::string>{
            "t.yaml:12:16: error: positions must be a list, not a single value"});
}

TEST_CASE("loader: equipment household is a boolean, false when left out") {
  auto l = lib::load_library_text(R"(equipment:
  - {id: ball, name: Ball}
  - {id: chair, name: Chair, household: true}
)",
                                  "t.yaml");
  CHECK_FALSE(l.find_equipment("ball")->household);
  CHECK(l.find_equipment("chair")->household);
  CHECK(messages("equipment:\n  - {id: chair, name: Chair, household: yes-ish}\n") ==
        std::vector<std::string>{
            "t.yaml:2:41: error: household must be true or false, not 'yes-ish'"});
}

namespace {
// A condition with the given rules (each a flow mapping on its own line).
std::string condition(const std::vector<std::string>& rules) {
  std::string out = "conditions:\n  - id: thin-blood\n    name: Thin blood\n    excludes:\n";
  for (const auto& rule : rules) out += "      - " + rule + "\n";
  return out;
}
}  // namespace

TEST_CASE("loader: a condition's excludes rules are read attribute by attribute") {
  auto l = lib::load_library_text(
      library("", condition({"{intensity: [firm]}",
                             "{kind: [self-massage, professional], equipment: [ball]}",
                             "{regions: [neck], movements: [neck-extension], positions: "
                             "[lying-back], performer: [partner], technique: [rub]}"})),
      "t.yaml");
  const auto& rules = l.find_condition("thin-blood")->excludes;
  REQUIRE(rules.size() == 3);
  CHECK(*rules[0].intensity == std::vector{model::Intensity::kFirm});
  CHECK_FALSE(rules[0].kind.has_value());
  CHECK(*rules[1].kind == std::vector{model::Kind::kSelfMassage, model::Kind::kProfessional});
  CHECK(*rules[1].equipment == std::vector<std::string>{"ball"});
  CHECK(*rules[2].technique == std::vector<std::string>{"rub"});
  CHECK(rules[2].where == mp::SourceLocation{"t.yaml", 18, 9});
  CHECK(model::to_string(rules[2]) ==
        "{performer: [partner], regions: [neck], movements: [neck-extension], positions: "
        "[lying-back], technique: [rub]}");
}

TEST_CASE("loader: a condition without excludes, or with an empty list, has no rules") {
  auto l = lib::load_library_text(
      "conditions:\n  - {id: a, name: A}\n  - {id: b, name: B, excludes: []}\n", "t.yaml");
  CHECK(l.find_condition("a")->excludes.empty());
  CHECK(l.find_condition("b")->excludes.empty());
}

TEST_CASE("loader: an unknown rule attribute is an error with a did-you-mean") {
  CHECK(messages(library("", condition({"{movement: [neck-flexion]}"}))) ==
        std::vector<std::string>{
            "t.yaml:16:10: error: unknown key 'movement' in an excludes rule of condition "
            "'thin-blood'\n  hint: did you mean 'movements'?"});
}

TEST_CASE("loader: an unknown rule value is an error with a did-you-mean") {
  CHECK(messages(library("", condition({"{intensity: [strong, firm]}"}))) ==
        std::vector<std::string>{"t.yaml:16:22: error: unknown intensity 'strong'\n"
                                 "  hint: use one of: gentle, moderate, firm"});
  CHECK(messages(library("", condition({"{positions: [lying-bak]}"}))) ==
        std::vector<std::string>{"t.yaml:16:22: error: unknown position 'lying-bak'\n"
                                 "  hint: did you mean 'lying-back'?"});
}

TEST_CASE("loader: an empty rule and an attribute without values are errors") {
  CHECK(messages(library("", condition({"{}"}))) ==
        std::vector<std::string>{
            "t.yaml:16:9: error: an excludes rule of condition 'thin-blood' is empty: name at "
            "least one attribute (kind, performer, intensity, regions, movements, positions, "
            "equipment or technique)"});
  CHECK(messages(library("", condition({"{regions: []}"}))) ==
        std::vector<std::string>{"t.yaml:16:19: error: rule attribute 'regions' needs at least "
                                 "one value (an empty list matches nothing)"});
}

TEST_CASE("loader: a rule naming an unknown technique or equipment is an error") {
  CHECK(messages(library("", condition({"{technique: [rubb]}", "{equipment: [bal]}"}))) ==
        std::vector<std::string>{
            "t.yaml:16:22: error: unknown technique 'rubb' in condition 'thin-blood'\n"
            "  hint: did you mean 'rub'?",
            "t.yaml:17:22: error: unknown equipment 'bal' in condition 'thin-blood'\n"
            "  hint: did you mean 'ball'?"});
}

TEST_CASE("loader: a rule may name a technique from a later source") {
  std::vector<lib::Source> sources{
      lib::Source{"a", {lib::FileText{"a.yaml", condition({"{technique: [later]}"})}}},
      lib::Source{"b", {lib::FileText{"b.yaml", R"(goals:
  - {id: calm, name: Calm, weekly_target_minutes: 60}
techniques:
  - {id: later, name: Later, kind: breathing, goals: {calm: 0.5}, duration: {min: 1, max: 2},
     steps: [Breathe.]}
)"}}}};
  CHECK_NOTHROW(lib::load_sources(sources));
}

TEST_CASE("loader: excludes must be a list of mappings") {
  CHECK(messages(library("", "conditions:\n  - {id: c, name: C, excludes: {kind: [stretch]}}\n")) ==
        std::vector<std::string>{"t.yaml:13:32: error: excludes must be a list, not a mapping"});
  CHECK(messages(library("", "conditions:\n  - {id: c, name: C, excludes: [firm]}\n")) ==
        std::vector<std::string>{"t.yaml:13:33: error: an excludes rule must be a mapping (key: "
                                 "value), not a single value"});
}
