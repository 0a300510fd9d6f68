// The built-in library compiled at build time: the same library the YAML files load to, field
// by field, and a snapshot form that round-trips every field and refuses damaged bytes.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "builtin/builtin.hpp"
#include "export/json_writer.hpp"
#include "export/library_json.hpp"
#include "library/loader.hpp"
#include "library/snapshot.hpp"

namespace fs = std::filesystem;
namespace lib = mp::library;

namespace {

// routines/*.yaml read from the source tree, named as the build names them.
lib::Source yaml_source() {
  lib::Source source{"built-in", {}, {}};
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(fs::path(MP_SOURCE_DIR) / "routines"))
    if (e.path().extension() == ".yaml") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    source.files.push_back(lib::FileText{"routines/" + p.filename().string(), text.str()});
  }
  return source;
}

// `list --format json`'s view of a library: every entry fully resolved.
std::string library_json(const mp::model::Library& library) {
  std::ostringstream out;
  mp::exporter::JsonWriter w(out);
  w.begin_array();
  for (const auto& t : library.techniques) mp::exporter::write_json(w, t);
  for (const auto& r : library.routines) mp::exporter::write_json(w, r, library);
  for (const auto& g : library.goals) mp::exporter::write_json(w, g);
  for (const auto& c : library.conditions) mp::exporter::write_json(w, c);
  for (const auto& e : library.equipment) mp::exporter::write_json(w, e);
  w.end_array();
  return out.str();
}

// Compares entry by entry, so a failure names the entry that differs.
template <typename T>
void check_same_entries(const std::vector<lib::Entry<T>>& compiled,
                        const std::vector<lib::Entry<T>>& loaded) {
  REQUIRE(compiled.size() == loaded.size());
  for (std::size_t i = 0; i < loaded.size(); ++i) {
    INFO("entry '" << loaded[i].value.id << "' at " << loaded[i].value.where.file << ":"
                   << loaded[i].value.where.line);
    CHECK(compiled[i].value == loaded[i].value);
    CHECK(compiled[i].references == loaded[i].references);
  }
}

}  // namespace

TEST_CASE("builtin: the compiled library equals routines/*.yaml read by the loader") {
  const lib::Source yaml = yaml_source();
  const lib::Source compiled = mp::builtin::source();
  REQUIRE(compiled.compiled);
  const lib::SourceEntries entries = compiled.compiled();

  std::vector<std::string> yaml_names, compiled_names;
  for (const auto& f : yaml.files) yaml_names.push_back(f.name);
  for (const auto& f : compiled.files) compiled_names.push_back(f.name);
  CHECK(compiled_names == yaml_names);
  CHECK(compiled.label == "built-in");

  const lib::SourceEntries loaded = lib::compile_source(yaml);
  REQUIRE(!loaded.techniques.empty());
  check_same_entries(entries.techniques, loaded.techniques);
  check_same_entries(entries.routines, loaded.routines);
  check_same_entries(entries.goals, loaded.goals);
  check_same_entries(entries.conditions, loaded.conditions);
  check_same_entries(entries.equipment, loaded.equipment);
}

TEST_CASE("builtin: the merged library and its JSON are the same from YAML and compiled") {
  const auto from_yaml = lib::load_sources({yaml_source()}).library;
  const auto from_snapshot = mp::builtin::load();
  CHECK(from_snapshot == from_yaml);
  CHECK(library_json(from_snapshot) == library_json(from_yaml));
}

TEST_CASE("builtin: a user file replacing a built-in entry gets the same note and errors") {
  // A technique narrowed so that a built-in routine's step falls outside its range: the error
  // points into routines/routines.yaml, which only the compiled references can locate.
  const lib::Source yaml = yaml_source();
  const lib::SourceEntries loaded = lib::compile_source(yaml);
  REQUIRE(!loaded.routines.empty());
  const auto& step = loaded.routines.front().value.steps.front();
  REQUIRE(step.minutes > 1);
  const lib::Entry<mp::model::Technique>* used = nullptr;
  for (const auto& e : loaded.techniques)
    if (e.value.id == step.technique) used = &e;
  REQUIRE(used != nullptr);
  const auto& first = used->value;
  const std::string user_text = "techniques:\n  - id: " + first.id +
                                "\n    name: Narrow\n    kind: professional\n"
                                "    goals: {" +
                                first.goals.begin()->first +
                                ": 1}\n    duration: {min: 1, max: 1}\n";
  const lib::Source user{"--library u.yaml", {lib::FileText{"u.yaml", user_text}}, {}};
  auto outcome = [&](const lib::Source& builtin) {
    std::ostringstream out;
    try {
      for (const auto& note : lib::load_sources({builtin, user}).notes) out << note << '\n';
    } catch (const mp::DiagnosticError& e) {
      for (const auto& d : e.diagnostics()) out << mp::format_diagnostic(d) << '\n';
    }
    return out.str();
  };
  const std::string from_yaml = outcome(yaml);
  CHECK(from_yaml.find("routines/routines.yaml:") != std::string::npos);
  CHECK(outcome(mp::builtin::source()) == from_yaml);
}

TEST_CASE("snapshot: every field round-trips exactly, doubles bit for bit") {
  lib::SourceEntries entries;
  mp::model::Technique t;
  t.id = "t";
  t.name = "T";
  t.description = "d";
  t.kind = mp::model::Kind::kBreathing;
  t.performer = mp::model::Performer::kPartner;
  t.regions = {mp::model::Region::kHead, mp::model::Region::kNeck};
  t.muscles = {"m"};
  t.goals = {{"a", 0.1}, {"b", 1.0 / 3}};
  t.duration = {2, 3, 4};
  t.frequency = {5, 36.25};
  t.intensity = mp::model::Intensity::kFirm;
  t.movements = std::vector<mp::model::Movement>{};  // declared empty, not left out
  t.positions = std::vector<mp::model::Position>{mp::model::Position{}};
  t.declared_contraindications = {"c"};
  mp::model::ExclusionReason reason;
  reason.condition = "c";
  reason.rule = std::size_t{2};
  reason.why = "{kind: [breathing]}";
  reason.undeclared = {"movements"};
  t.exclusions = {reason};
  t.phase = mp::model::Phase::kCoolDown;
  t.time_of_day = mp::model::TimeOfDay::kEvening;
  t.equipment = {"e"};
  t.contraindications = {"c"};
  t.dose = "x";
  t.steps = {"s1", std::string(300, 's')};
  t.cautions = {"c1"};
  t.sources = {"src"};
  // Field by field: GCC 12 -O2 warns (falsely) on nested braced locations.
  auto at = [](const char* file, int line, int column) {
    mp::SourceLocation l;
    l.file = file;
    l.line = line;
    l.column = column;
    return l;
  };
  t.where = at("f.yaml", 12, 3);
  lib::Reference ref;
  ref.target = lib::Reference::kCondition;
  ref.id = "c";
  ref.where = at("f.yaml", 20, -1);
  ref.owner = "technique 't'";
  ref.minutes = 7;
  entries.techniques.push_back({t, {ref}});
  mp::model::RoutineStep step;
  step.technique = "t";
  step.minutes = 3;
  step.where = at("f.yaml", 30, 5);
  mp::model::Routine r;
  r.id = "r";
  r.name = "R";
  r.description = "rd";
  r.steps = {step};
  r.where = at("f.yaml", 28, 3);
  entries.routines.push_back({r, {}});
  mp::model::Goal g;
  g.id = "g";
  g.name = "G";
  g.description = "gd";
  g.weekly_target_minutes = 1e-300;
  g.where = at("g.yaml", 1, 1);
  entries.goals.push_back({g, {}});
  mp::model::Condition c;
  c.id = "c";
  c.name = "C";
  c.red_flag = true;
  c.urgent = true;
  c.advice = "see someone";
  mp::model::ExclusionRule rule;
  rule.kind = std::vector<mp::model::Kind>{mp::model::Kind::kBreathing};
  rule.technique = std::vector<std::string>{"t"};
  rule.where = at("c.yaml", 4, 7);
  c.excludes = {rule, mp::model::ExclusionRule{}};
  c.where = at("c.yaml", 2, 2);
  entries.conditions.push_back({c, {}});
  mp::model::Equipment e;
  e.id = "e";
  e.name = "E";
  e.description = "ed";
  e.household = true;
  e.where = at("e.yaml", 3, 3);
  entries.equipment.push_back({e, {}});

  CHECK(lib::decode_entries(lib::encode_entries(entries)) == entries);
  CHECK(lib::decode_entries(lib::encode_entries({})) == lib::SourceEntries{});
}

TEST_CASE("snapshot: damaged or foreign bytes are a clear error, never a crash") {
  const std::string bytes = lib::encode_entries(mp::builtin::source().compiled());
  const std::string damaged =
      "the built-in library's compiled form is damaged (rebuild massage-plan)";
  CHECK_THROWS_WITH_AS(lib::decode_entries(bytes.substr(0, bytes.size() / 2)), damaged.c_str(),
                       mp::Error);
  CHECK_THROWS_WITH_AS(lib::decode_entries(bytes + "x"), damaged.c_str(), mp::Error);
  CHECK_THROWS_WITH_AS(lib::decode_entries("yaml: text\n"),
                       "the built-in library's compiled form is of another version (rebuild "
                       "massage-plan)",
                       mp::Error);
}
