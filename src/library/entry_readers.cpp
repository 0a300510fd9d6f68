#include "library/entry_readers.hpp"

#include <fmt/format.h>

#include <array>
#include <span>
#include <string>

#include "library/entries.hpp"
#include "library/exclusion_reader.hpp"
#include "library/figure_reader.hpp"
#include "library/reader.hpp"
#include "library/step_reader.hpp"

namespace mp::library {
namespace {

using model::Condition;
using model::Equipment;
using model::Goal;
using model::Routine;
using model::Technique;

constexpr std::array<std::string_view, 5> kTopKeys{"techniques", "routines", "goals", "conditions",
                                                   "equipment"};
constexpr std::array<std::string_view, 4> kGoalKeys{"id", "name", "description",
                                                    "weekly_target_minutes"};
constexpr std::array<std::string_view, 6> kConditionKeys{"id",     "name",   "red_flag",
                                                         "urgent", "advice", "excludes"};
constexpr std::array<std::string_view, 4> kEquipmentKeys{"id", "name", "description", "household"};
constexpr std::array<std::string_view, 23> kTechniqueKeys{"id",
                                                          "name",
                                                          "description",
                                                          "kind",
                                                          "performer",
                                                          "regions",
                                                          "muscles",
                                                          "goals",
                                                          "duration",
                                                          "frequency",
                                                          "intensity",
                                                          "movements",
                                                          "positions",
                                                          "phase",
                                                          "time_of_day",
                                                          "equipment",
                                                          "contraindications",
                                                          "dose",
                                                          "steps",
                                                          "cautions",
                                                          "sources",
                                                          "with_exercise",
                                                          "figure"};
constexpr std::array<std::string_view, 3> kDurationKeys{"min", "default", "max"};
constexpr std::array<std::string_view, 2> kFrequencyKeys{"max_per_week", "min_rest_hours"};
constexpr std::array<std::string_view, 4> kRoutineKeys{"id", "name", "description", "steps"};
constexpr std::array<std::string_view, 2> kRoutineStepKeys{"technique", "minutes"};

constexpr int kMaxMinutes = 1440;
constexpr double kMaxRestHours = 24.0 * 365;
constexpr double kMaxWeeklyTarget = 7.0 * 1440;

// "technique 'x'" when the mapping has a plain id, else just "technique": for messages about
// the entry as a whole, even before its id is known to be valid.
std::string owner_name(std::string_view kind, const YamlNode& node) {
  for (std::size_t i = 0; i < node.size(); ++i)
    if (node.key(i).value == "id" && node.val(i).type == NodeType::kScalar)
      return fmt::format("{} '{}'", kind, node.val(i).value);
  return std::string(kind);
}

// Reads id and name, present in every kind of entry. Returns false when the id is unusable.
template <typename T>
bool read_id_and_name(Reader& r, Reader::Map& m, T& out) {
  std::optional<std::string> id;
  if (const YamlNode* n = m.require("id")) id = r.read_id(*n, "id");
  if (const YamlNode* n = m.require("name")) {
    if (auto s = r.read_string(*n, "name")) {
      if (s->empty()) r.error(*n, "name must not be empty");
      out.name = *s;
    }
  }
  if constexpr (requires { out.description; }) {
    if (const YamlNode* n = m.get("description"))
      if (auto s = r.read_string(*n, "description")) out.description = *s;
  }
  out.where = r.at(m.node());
  if (!id) return false;
  out.id = *id;
  return true;
}

// The fields of each kind of entry beyond id, name and description (read by read_section).
void read_goal(Reader& r, Reader::Map& m, Entry<Goal>& e, const std::string& /*owner*/) {
  if (const YamlNode* n = m.require("weekly_target_minutes"))
    if (auto v = r.read_number(*n, "weekly_target_minutes", 1, kMaxWeeklyTarget))
      e.value.weekly_target_minutes = *v;
}

void read_condition(Reader& r, Reader::Map& m, Entry<Condition>& e, const std::string& owner) {
  if (const YamlNode* n = m.get("red_flag"))
    if (auto v = r.read_bool(*n, "red_flag")) e.value.red_flag = *v;
  if (const YamlNode* n = m.get("urgent")) {
    if (auto v = r.read_bool(*n, "urgent")) {
      e.value.urgent = *v;
      if (*v && !e.value.red_flag)
        r.error(*n, "urgent applies only to red flags: add 'red_flag: true' or drop 'urgent'");
    }
  }
  if (const YamlNode* n = m.get("advice"))
    if (auto s = r.read_string(*n, "advice")) e.value.advice = *s;
  if (const YamlNode* n = m.get("excludes"))
    e.value.excludes = read_excludes(r, *n, owner, e.references);
}

void read_equipment(Reader& r, Reader::Map& m, Entry<Equipment>& e, const std::string& /*owner*/) {
  if (const YamlNode* n = m.get("household"))
    if (auto v = r.read_bool(*n, "household")) e.value.household = *v;
}

// Reads a list of ids and records a reference for each, located at its own item.
std::vector<std::string> read_references(Reader& r, const YamlNode& node, std::string_view what,
                                         Reference::Target target, const std::string& owner,
                                         std::vector<Reference>& refs) {
  auto ids = r.read_ids(node, what);
  if (!ids) return {};
  for (std::size_t i = 0; i < ids->size(); ++i)
    refs.push_back(Reference{target, (*ids)[i], r.at(node.children[i]), owner, 0});
  return *ids;
}

// Returns whether the duration was read whole (so later checks against it are meaningful).
bool read_duration(Reader& r, const YamlNode& node, Technique& t) {
  if (!r.expect_map(node, "duration")) return false;
  Reader::Map m(r, node, "duration", kDurationKeys);
  std::optional<long long> lo, def, hi;
  if (const YamlNode* n = m.require("min")) lo = r.read_int(*n, "duration min", 1, kMaxMinutes);
  if (const YamlNode* n = m.require("max")) hi = r.read_int(*n, "duration max", 1, kMaxMinutes);
  if (const YamlNode* n = m.get("default"))
    def = r.read_int(*n, "duration default", 1, kMaxMinutes);
  if (!lo || !hi) return false;
  if (!def) def = lo;
  if (!(*lo <= *def && *def <= *hi)) {
    r.error(node, fmt::format("duration needs min <= default <= max, got min {}, default {}, "
                              "max {}",
                              *lo, *def, *hi));
    return false;
  }
  t.duration =
      model::Duration{static_cast<int>(*lo), static_cast<int>(*def), static_cast<int>(*hi)};
  return true;
}

void read_frequency(Reader& r, const YamlNode& node, Technique& t) {
  if (!r.expect_map(node, "frequency")) return;
  Reader::Map m(r, node, "frequency", kFrequencyKeys);
  if (const YamlNode* n = m.get("max_per_week"))
    if (auto v = r.read_int(*n, "max_per_week", 1, 7 * 24)) t.frequency.max_per_week = int(*v);
  if (const YamlNode* n = m.get("min_rest_hours"))
    if (auto v = r.read_number(*n, "min_rest_hours", 0, kMaxRestHours))
      t.frequency.min_rest_hours = *v;
}

template <typename E, std::size_t N>
void read_enum(Reader& r, const Reader::Map& m, std::string_view key,
               const std::array<std::string_view, N>& names, E& out) {
  if (const YamlNode* n = m.get(key))
    if (auto i = r.read_word(*n, key, names)) out = static_cast<E>(*i);
}

template <typename E, std::size_t N>
void read_enum_list(Reader& r, const Reader::Map& m, std::string_view key, std::string_view item,
                    const std::array<std::string_view, N>& names, std::vector<E>& out) {
  if (const YamlNode* n = m.get(key))
    if (auto words = r.read_words(*n, key, item, names))
      for (auto i : *words) out.push_back(static_cast<E>(i));
}

void read_technique(Reader& r, Reader::Map& m, Entry<Technique>& e, const std::string& owner) {
  Technique& t = e.value;

  bool have_kind = false;
  if (const YamlNode* n = m.require("kind")) {
    if (auto i = r.read_word(*n, "kind", model::kKindNames)) {
      t.kind = static_cast<model::Kind>(*i);
      have_kind = true;
    }
  }
  t.performer = model::default_performer(t.kind);
  if (const YamlNode* n = m.get("performer")) {
    if (auto i = r.read_word(*n, "performer", model::kPerformerNames)) {
      t.performer = static_cast<model::Performer>(*i);
      bool professional = t.kind == model::Kind::kProfessional;
      bool therapist = t.performer == model::Performer::kTherapist;
      if (have_kind && professional != therapist)
        r.error(*n, professional ? "a professional technique's performer must be 'therapist'"
                                 : "performer 'therapist' needs kind 'professional'");
    }
  }
  if (m.get("regions")) {
    t.regions.emplace();
    read_enum_list(r, m, "regions", "region", model::kRegionNames, *t.regions);
  }
  if (const YamlNode* n = m.get("muscles"))
    if (auto v = r.read_ids(*n, "muscles")) t.muscles = *v;
  if (const YamlNode* n = m.require("goals")) {
    if (r.expect_map(*n, "goals")) {
      if (n->size() == 0) r.error(*n, "goals must name at least one goal with a weight");
      for (std::size_t i = 0; i < n->size(); ++i) {
        auto id = r.read_id(n->key(i), "goal id");
        auto w = r.read_number(n->val(i), "a goal weight", 0, 1);
        if (!id || !w) continue;
        if (t.goals.count(*id)) {
          r.error(n->key(i), fmt::format("goal '{}' is listed twice", *id));
          continue;
        }
        t.goals[*id] = *w;
        e.references.push_back(Reference{Reference::kGoal, *id, r.at(n->key(i)), owner, 0});
      }
    }
  }
  bool have_duration = false;
  if (const YamlNode* n = m.require("duration")) have_duration = read_duration(r, *n, t);
  if (const YamlNode* n = m.get("frequency")) read_frequency(r, *n, t);
  if (m.get("intensity")) {
    model::Intensity intensity = model::Intensity::kGentle;
    read_enum(r, m, "intensity", model::kIntensityNames, intensity);
    t.intensity = intensity;
  }
  if (m.get("movements")) {
    t.movements.emplace();
    read_enum_list(r, m, "movements", "movement", model::kMovementNames, *t.movements);
  }
  if (m.get("positions")) {
    t.positions.emplace();
    read_enum_list(r, m, "positions", "position", model::kPositionNames, *t.positions);
  }
  read_enum(r, m, "phase", model::kPhaseNames, t.phase);
  read_enum(r, m, "time_of_day", model::kTimeOfDayNames, t.time_of_day);
  if (const YamlNode* n = m.get("with_exercise"))
    if (auto v = r.read_bool(*n, "with_exercise")) t.with_exercise = *v;
  if (const YamlNode* n = m.get("equipment"))
    t.equipment = read_references(r, *n, "equipment", Reference::kEquipment, owner, e.references);
  if (const YamlNode* n = m.get("contraindications"))
    t.declared_contraindications =
        read_references(r, *n, "contraindications", Reference::kCondition, owner, e.references);
  if (const YamlNode* n = m.get("dose"))
    if (auto s = r.read_string(*n, "dose")) t.dose = *s;
  bool steps_read = false;  // a list read whole: only then is an empty one worth a message
  if (const YamlNode* n = m.get("steps")) {
    if (auto v = read_steps(r, *n, owner)) {
      steps_read = true;
      t.steps = std::move(*v);
      if (have_duration) check_step_time(r, *n, t, owner);
    }
  }
  if (const YamlNode* n = m.get("cautions"))
    if (auto v = r.read_strings(*n, "cautions")) t.cautions = *v;
  if (const YamlNode* n = m.get("sources"))
    if (auto v = r.read_strings(*n, "sources")) t.sources = *v;
  if (const YamlNode* n = m.get("figure")) t.figure = read_figure(r, *n, t);
  if (have_kind && t.performer != model::Performer::kTherapist && t.steps.empty() &&
      !m.get("steps"))
    r.error(m.node(), fmt::format("{} is missing required key 'steps' (self and partner "
                                  "techniques need steps to follow)",
                                  owner));
  else if (have_kind && t.performer != model::Performer::kTherapist && t.steps.empty() &&
           steps_read)
    r.error(*m.get("steps"), fmt::format("{} needs at least one step", owner));
}

void read_routine(Reader& r, Reader::Map& m, Entry<Routine>& e, const std::string& owner) {
  if (const YamlNode* n = m.require("steps")) {
    if (r.expect_list(*n, "steps")) {
      if (n->children.empty()) r.error(*n, fmt::format("{} needs at least one step", owner));
      for (const auto& item : n->children) {
        if (!r.expect_map(item, "a routine step")) continue;
        Reader::Map sm(r, item, "routine step", kRoutineStepKeys);
        model::RoutineStep step;
        step.where = r.at(item);
        std::optional<std::string> tid;
        std::optional<long long> minutes;
        if (const YamlNode* t = sm.require("technique")) tid = r.read_id(*t, "technique");
        if (const YamlNode* mn = sm.require("minutes"))
          minutes = r.read_int(*mn, "minutes", 1, kMaxMinutes);
        if (!tid || !minutes) continue;
        step.technique = *tid;
        step.minutes = static_cast<int>(*minutes);
        const YamlNode* at = sm.get("technique");
        e.references.push_back(
            Reference{Reference::kTechnique, *tid, r.at(*at), owner, step.minutes});
        e.value.steps.push_back(std::move(step));
      }
    }
  }
}

// A kind of entry: its section's key, what one entry is ("a goal"), the word its messages name
// it by ("goal 'x'") and its keys.
struct Kind {
  std::string_view section, article, noun;
  std::span<const std::string_view> keys;
};

// A section's entries: each a mapping with id and name (and a description where the kind has
// one), then the fields of its kind (read). An entry whose mapping or id is unusable is left
// out, every problem reported.
template <typename T, typename ReadFn>
void read_section(Reader& r, const YamlNode& list, const Kind& kind, std::vector<Entry<T>>& out,
                  ReadFn read) {
  if (!r.expect_list(list, kind.section)) return;
  for (const auto& node : list.children) {
    if (!r.expect_map(node, kind.article)) continue;
    const std::string owner = owner_name(kind.noun, node);
    Reader::Map m(r, node, owner, kind.keys);
    Entry<T> e;
    const bool ok = read_id_and_name(r, m, e.value);
    read(r, m, e, owner);
    if (ok) out.push_back(std::move(e));
  }
}

}  // namespace

void read_document(Reader& r, const YamlNode& doc, SourceEntries& out) {
  if (doc.type == NodeType::kNull) return;  // an empty document (only comments) is fine
  if (!r.expect_map(doc, "a library document")) return;
  Reader::Map m(r, doc, "a library document", kTopKeys);
  if (const YamlNode* n = m.get("goals"))
    read_section(r, *n, {"goals", "a goal", "goal", kGoalKeys}, out.goals, read_goal);
  if (const YamlNode* n = m.get("conditions"))
    read_section(r, *n, {"conditions", "a condition", "condition", kConditionKeys}, out.conditions,
                 read_condition);
  if (const YamlNode* n = m.get("equipment"))
    read_section(r, *n, {"equipment", "an equipment entry", "equipment", kEquipmentKeys},
                 out.equipment, read_equipment);
  if (const YamlNode* n = m.get("techniques"))
    read_section(r, *n, {"techniques", "a technique", "technique", kTechniqueKeys}, out.techniques,
                 read_technique);
  if (const YamlNode* n = m.get("routines"))
    read_section(r, *n, {"routines", "a routine", "routine", kRoutineKeys}, out.routines,
                 read_routine);
}

}  // namespace mp::library
