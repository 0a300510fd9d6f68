// The strict library loader: every error kind with its exact message and location.
#include <doctest/doctest.h>

#include <string>

#include "builtin/builtin.hpp"
#include "library/loader.hpp"
#include "library/reader.hpp"
#include "library/yaml_tree.hpp"
#include "model/suggest.hpp"
#include "model/unknown_id.hpp"

using mp::Diagnostic;
using mp::DiagnosticError;
namespace lib = mp::library;

namespace {

// Loads text alone and returns the diagnostics it produced (empty when it loads).
std::vector<Diagnostic> problems(const std::string& text, bool with_builtin = false) {
  try {
    if (with_builtin)
      mp::builtin::load_with_text(text, "t.yaml");
    else
      lib::load_library_text(text, "t.yaml");
  } catch (const DiagnosticError& e) {
    return e.diagnostics();
  }
  return {};
}

std::string first(const std::string& text, bool with_builtin = false) {
  auto ds = problems(text, with_builtin);
  return ds.empty() ? std::string("(no error)") : mp::format_diagnostic(ds.front());
}

const char* kGoal = R"(
goals:
  - id: calm
    name: Calm
    weekly_target_minutes: 60
)";

std::string technique(const std::string& extra) {
  return std::string(kGoal) + R"(
techniques:
  - id: breathe
    name: Breathe
    kind: breathing
    goals: {calm: 0.5}
    duration: {min: 2, default: 3, max: 5}
    steps: ["Breathe slowly."]
)" + extra;
}

}  // namespace

TEST_CASE("loader: a valid technique loads with the defaults of SPEC §3") {
  auto library = lib::load_library_text(technique(""), "t.yaml");
  REQUIRE(library.techniques.size() == 1);
  const auto& t = library.techniques.front();
  CHECK(t.performer == mp::model::Performer::kSelf);
  CHECK(t.frequency.max_per_week == 7);
  CHECK(t.frequency.min_rest_hours == 0);
  // Left out: not assumed gentle or regionless, so condition rules on them match (fail-safe).
  CHECK_FALSE(t.intensity.has_value());
  CHECK_FALSE(t.regions.has_value());
  CHECK(t.phase == mp::model::Phase::kMain);
  CHECK(t.time_of_day == mp::model::TimeOfDay::kAny);
  CHECK(t.duration.default_minutes == 3);
  CHECK(t.where == mp::SourceLocation{"t.yaml", 8, 5});
}

TEST_CASE("loader: professional kind implies the therapist performer") {
  auto library = lib::load_library_text(std::string(kGoal) + R"(
techniques:
  - id: rub
    name: Rub
    kind: professional
    goals: {calm: 0.5}
    duration: {min: 30, max: 60}
)");
  CHECK(library.techniques.front().performer == mp::model::Performer::kTherapist);
  CHECK(library.techniques.front().duration.default_minutes == 30);
}

TEST_CASE("loader: unknown key is an error with its location and a did-you-mean") {
  auto ds = problems(technique("    contraindicatons: []\n"));
  REQUIRE(ds.size() == 1);
  CHECK(mp::format_diagnostic(ds[0]) ==
        "t.yaml:14:5: error: unknown key 'contraindicatons' in technique 'breathe'\n"
        "  hint: did you mean 'contraindications'?");
}

TEST_CASE("loader: wrong types are errors naming the key and the value") {
  SUBCASE("a number as text") {
    CHECK(first(technique("    frequency: {max_per_week: seven}\n")) ==
          "t.yaml:14:31: error: max_per_week must be a whole number, not 'seven'");
  }
  SUBCASE("a quoted number is text, not a number") {
    CHECK(first(technique("    frequency: {min_rest_hours: \"8\"}\n")) ==
          "t.yaml:14:33: error: min_rest_hours must be a number, not '8'");
  }
  SUBCASE("a list where a mapping belongs") {
    CHECK(first(technique("    frequency: [7]\n")) ==
          "t.yaml:14:16: error: frequency must be a mapping (key: value), not a list");
  }
  SUBCASE("a boolean") {
    CHECK(first("conditions:\n  - {id: x, name: X, red_flag: maybe}\n") ==
          "t.yaml:2:32: error: red_flag must be true or false, not 'maybe'");
  }
}

TEST_CASE("loader: out-of-range values are errors") {
  SUBCASE("weight above 1") {
    CHECK(first(std::string(kGoal) + R"(
techniques:
  - {id: b, name: B, kind: breathing, goals: {calm: 1.2}, duration: {min: 1, max: 2}, steps: [s]}
)") == "t.yaml:8:53: error: a goal weight must be between 0 and 1, not 1.2");
  }
  SUBCASE("default outside min..max") {
    CHECK(first(technique("").replace(technique("").find("default: 3"), 10, "default: 9")) ==
          "t.yaml:12:15: error: duration needs min <= default <= max, got min 2, default 9, "
          "max 5");
  }
  SUBCASE("zero minutes") {
    CHECK(first(technique("").replace(technique("").find("min: 2"), 6, "min: 0")) ==
          "t.yaml:12:21: error: duration min must be between 1 and 1440, not 0");
  }
}

TEST_CASE("loader: ids must be kebab-case") {
  CHECK(first("equipment:\n  - {id: Foam_Roller, name: F}\n") ==
        "t.yaml:2:10: error: id 'Foam_Roller' is not a valid id: use lower-case letters, digits "
        "and single hyphens (kebab-case)");
  CHECK(lib::is_kebab_id("a-1-b"));
  CHECK_FALSE(lib::is_kebab_id("a--b"));
  CHECK_FALSE(lib::is_kebab_id("-a"));
  CHECK_FALSE(lib::is_kebab_id(""));
}

TEST_CASE("loader: unknown enum words get a did-you-mean, or the list of words") {
  auto ds = problems(technique("    phase: cooldown\n    time_of_day: noon\n"));
  REQUIRE(ds.size() == 2);
  CHECK(mp::format_diagnostic(ds[0]) ==
        "t.yaml:14:12: error: unknown phase 'cooldown'\n  hint: did you mean 'cool-down'?");
  CHECK(mp::format_diagnostic(ds[1]) ==
        "t.yaml:15:18: error: unknown time_of_day 'noon'\n  hint: use one of: morning, evening, "
        "any");
}

TEST_CASE("loader: duplicate ids in one source are errors pointing at the first") {
  CHECK(first("equipment:\n  - {id: mat, name: Mat}\n  - {id: mat, name: Mat 2}\n") ==
        "t.yaml:3:5: error: duplicate equipment id 'mat' (first defined at t.yaml:2:5)");
}

TEST_CASE("loader: a duplicate key is an error, so a second value never hides the first") {
  CHECK(first(technique("    steps: []\n")) ==
        "t.yaml:14:5: error: duplicate key 'steps' in technique 'breathe'");
}

TEST_CASE("loader: dangling references are errors with did-you-mean") {
  auto ds = problems(technique("    contraindications: [pregnacy]\n") +
                     "conditions:\n  - {id: pregnancy, name: Pregnancy}\n");
  REQUIRE(ds.size() == 1);
  CHECK(mp::format_diagnostic(ds[0]) ==
        "t.yaml:14:25: error: unknown condition 'pregnacy' in technique 'breathe'\n"
        "  hint: did you mean 'pregnancy'?");
}

TEST_CASE("loader: routine minutes must lie inside the technique's range") {
  CHECK(first(technique(R"(routines:
  - id: r
    name: R
    steps:
      - {technique: breathe, minutes: 6}
)")) == "t.yaml:18:21: error: routine 'r' gives 'breathe' 6 minutes, outside its range 2..5");
}

TEST_CASE("loader: a missing key reports its parent mapping's location") {
  CHECK(first("goals:\n  - id: calm\n    weekly_target_minutes: 5\n") ==
        "t.yaml:2:5: error: goal 'calm' is missing required key 'name'");
}

TEST_CASE("loader: every problem of a run is reported, not only the first") {
  auto ds = problems(R"(
equipment:
  - {id: Bad_Id, name: X}
  - {id: ok, nam: Y}
goals:
  - {id: g, name: G, weekly_target_minutes: -1}
)");
  CHECK(ds.size() == 4);  // bad id, unknown key 'nam', missing 'name', negative target
}

TEST_CASE("loader: YAML syntax errors carry yaml-cpp's mark, one-based") {
  auto ds = problems("goals:\n  - {id: a, name: [unclosed\n");
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].where.line == 3);
  CHECK(ds[0].message.rfind("YAML syntax: ", 0) == 0);
}

TEST_CASE("loader: limits refuse hostile input before it can hurt") {
  SUBCASE("a line of 100,000 '[' is refused before yaml-cpp recurses") {
    CHECK(first(std::string(100000, '[')) == "t.yaml:1:65: error: nesting deeper than 64 levels");
  }
  SUBCASE("deep block nesting is refused too") {
    std::string deep = "goals:\n";
    for (int i = 0; i < 300; ++i) deep += "- ";
    deep += "x\n";
    CHECK(first(deep) == "t.yaml:2:257: error: nesting deeper than 64 levels");
  }
  SUBCASE("aliases are never expanded") {
    CHECK(first("a: &a [x, y]\ngoals: *a\n") ==
          "t.yaml:2:8: error: aliases (*name) are not supported: write the value out in full");
  }
  SUBCASE("binary data is an error") {
    CHECK(first(std::string("goals:\n  - \0\x01", 12)) ==
          "t.yaml:2:5: error: not UTF-8 text (byte 0x00): is this a binary file?");
  }
  SUBCASE("a file over the size limit is refused") {
    lib::YamlLimits limits;
    std::string big(limits.max_bytes + 1, '#');
    CHECK(first(big) == "t.yaml: error: file is larger than the limit of 16777216 bytes");
  }
  SUBCASE("too many values in one file") {
    lib::YamlLimits limits;
    limits.max_nodes = 100;
    std::vector<Diagnostic> ds;
    std::string text = "[";
    for (int i = 0; i < 200; ++i) text += "a,";
    text += "a]";
    lib::parse_yaml(text, "t.yaml", ds, limits);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].message == "more than 100 values in one file");
  }
  SUBCASE("an over-long string") {
    std::string text = "goals:\n  - {id: a, name: " + std::string(70000, 'x') + "}\n";
    CHECK(first(text) ==
          "t.yaml:2:19: error: a value of 70000 bytes is longer than the limit of 65536 bytes");
  }
}

TEST_CASE("loader: a later source replaces an earlier entry with the same id") {
  lib::Source a{"a", {{"a.yaml", "equipment:\n  - {id: mat, name: Old mat}\n"}}};
  lib::Source b{"b", {{"b.yaml", "equipment:\n  - {id: mat, name: New mat}\n"}}};
  auto result = lib::load_sources({a, b});
  REQUIRE(result.library.equipment.size() == 1);
  CHECK(result.library.equipment[0].name == "New mat");
  REQUIRE(result.notes.size() == 1);
  CHECK(result.notes[0] == "equipment 'mat' from b.yaml:2:5 replaces the one from a.yaml:2:5");
}

TEST_CASE("loader: user files may reference built-in ids") {
  CHECK(problems(R"(
routines:
  - id: my-tuck
    name: My tuck
    steps:
      - {technique: chin-tuck, minutes: 3}
)",
                 true)
            .empty());
}

TEST_CASE("suggest: did-you-mean picks the closest id, or nothing when none is close") {
  std::vector<std::string> ids{"tension-headache", "stress-reduction", "mindfulness"};
  CHECK(mp::model::did_you_mean("tension-headach", ids) == "did you mean 'tension-headache'?");
  CHECK(mp::model::did_you_mean("mindfullness", ids) == "did you mean 'mindfulness'?");
  CHECK(mp::model::did_you_mean("zzz", ids).empty());
  CHECK(mp::model::edit_distance("ab", "ba") == 1);
}

TEST_CASE("suggest: a word people use finds the ids whose names say it") {
  const std::vector<std::string> ids{"acute-disc-pain", "lumbar-radiculopathy",
                                     "cervical-radiculopathy", "acute-neck-injury"};
  const std::vector<std::string> names{"Acute back pain shooting into a leg (disc or sciatica)",
                                       "Sciatica (back pain spreading down a leg)",
                                       "Pinched nerve in the neck (cervical radiculopathy)",
                                       "Acute neck injury"};
  CHECK(mp::model::match_by_name("sciatica", ids, names) ==
        std::vector<std::string>{"acute-disc-pain", "lumbar-radiculopathy"});
  CHECK(mp::model::match_by_name("Pinched-Nerve", ids, names) ==
        std::vector<std::string>{"cervical-radiculopathy"});
  // Part of a word is not a word; without names nothing is found.
  CHECK(mp::model::match_by_name("sciat", ids, names).empty());
  CHECK(mp::model::match_by_name("sciatica", ids, {}).empty());
  // More than three names hold it: too common a word to guess from.
  CHECK(mp::model::match_by_name("a", ids, names).empty());
  CHECK(mp::model::match_by_name("pain", {"a", "b", "c", "d"},
                                 {"pain one", "pain two", "pain three", "pain four"})
            .empty());
  CHECK(mp::model::unknown_id_hint("pinched-nerve", ids, "conditions", names) ==
        "did you mean 'cervical-radiculopathy' (Pinched nerve in the neck (cervical "
        "radiculopathy))? `massage-plan list conditions` shows them all");
  CHECK(mp::model::unknown_id_hint("sciatica", ids, "conditions", names) ==
        "did you mean one of 'acute-disc-pain' (Acute back pain shooting into a leg (disc or "
        "sciatica)) or 'lumbar-radiculopathy' (Sciatica (back pain spreading down a leg))? "
        "`massage-plan list conditions` shows them all");
  // A near-miss of an id still wins over a name.
  CHECK(mp::model::unknown_id_hint("acute-neck-injry", ids, "conditions", names) ==
        "did you mean 'acute-neck-injury'? `massage-plan list conditions` shows them all");
}
