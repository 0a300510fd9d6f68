// `list techniques|routines|goals|conditions|equipment`: the library, filtered, as a table or
// fully resolved JSON.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <sstream>

#include "cli/context.hpp"
#include "export/json_writer.hpp"
#include "export/library_json.hpp"
#include "model/suggest.hpp"
#include "model/unknown_id.hpp"

namespace mp::cli {
namespace {

struct ListOptions {
  std::string what;
  std::string goal;
  std::string region;
  std::string kind;
  std::vector<std::string> conditions;  ///< --condition: keep only what is safe with all of them
  std::vector<std::string> equipment;   ///< --equipment: what you have
  bool equipment_given = false;         ///< --equipment was given (a filter, even for none)
  std::string format = "text";
};

// Ids of a list of entries, for did-you-mean.
template <typename T>
std::vector<std::string> ids(const std::vector<T>& list) {
  std::vector<std::string> out;
  for (const auto& e : list) out.push_back(e.id);
  return out;
}

template <typename T>
std::vector<std::string> names(const std::vector<T>& list) {
  std::vector<std::string> out;
  for (const auto& e : list) out.push_back(e.name);
  return out;
}

bool technique_matches(const model::Technique& t, const ListOptions& o) {
  if (!o.goal.empty() && !t.goals.count(o.goal)) return false;
  // A technique that does not declare its regions is listed under none.
  if (!o.region.empty() &&
      (!t.regions || std::none_of(t.regions->begin(), t.regions->end(), [&](model::Region r) {
        return model::to_string(r) == o.region;
      })))
    return false;
  if (!o.kind.empty() && model::to_string(t.kind) != o.kind) return false;
  return true;
}

// Whether a technique may be planned for someone with every --condition: none of them is among
// its effective contraindications (its own list plus the conditions' rules).
bool technique_safe(const model::Technique& t, const model::Library& lib, const ListOptions& o) {
  return std::none_of(o.conditions.begin(), o.conditions.end(), [&](const std::string& c) {
    const auto* condition = lib.find_condition(c);
    if (condition && condition->red_flag) return true;  // a red flag stops planning altogether
    return std::find(t.contraindications.begin(), t.contraindications.end(), c) !=
           t.contraindications.end();
  });
}

// With --equipment (what you have, as `plan --equipment`): whether it needs nothing else.
bool technique_equipped(const model::Technique& t, const ListOptions& o) {
  return !o.equipment_given ||
         std::all_of(t.equipment.begin(), t.equipment.end(), [&](const auto& e) {
           return std::find(o.equipment.begin(), o.equipment.end(), e) != o.equipment.end();
         });
}

bool technique_listed(const model::Technique& t, const model::Library& lib, const ListOptions& o) {
  return technique_matches(t, o) && technique_safe(t, lib, o) && technique_equipped(t, o);
}

bool has_technique_filter(const ListOptions& o) {
  return !o.goal.empty() || !o.region.empty() || !o.kind.empty();
}

// A routine is listed when any of its techniques matches the filters (if any are given) and
// every one of them is safe with the --condition list.
bool routine_listed(const model::Routine& r, const model::Library& lib, const ListOptions& o) {
  auto step_technique = [&](const model::RoutineStep& s) {
    return lib.find_technique(s.technique);
  };
  bool matches = !has_technique_filter(o) ||
                 std::any_of(r.steps.begin(), r.steps.end(), [&](const model::RoutineStep& s) {
                   const auto* t = step_technique(s);
                   return t && technique_matches(*t, o);
                 });
  return matches && std::all_of(r.steps.begin(), r.steps.end(), [&](const model::RoutineStep& s) {
           const auto* t = step_technique(s);
           return t && technique_safe(*t, lib, o) && technique_equipped(*t, o);
         });
}

void check_filters(const ListOptions& o, const model::Library& lib) {
  bool filtered = has_technique_filter(o) || !o.conditions.empty() || o.equipment_given;
  if (filtered && o.what != "techniques" && o.what != "routines")
    throw Error(ExitCode::kUsage,
                "--goal, --region, --kind, --condition and --equipment filter techniques and "
                "routines only");
  if (!o.goal.empty() && !lib.find_goal(o.goal))
    throw Error(ExitCode::kDataErr, fmt::format("unknown goal '{}'", o.goal),
                model::unknown_id_hint(o.goal, ids(lib.goals), "goals", names(lib.goals)));
  for (const auto& c : o.conditions)
    if (!lib.find_condition(c))
      throw Error(
          ExitCode::kDataErr, fmt::format("unknown condition '{}'", c),
          model::unknown_id_hint(c, ids(lib.conditions), "conditions", names(lib.conditions)));
  for (const auto& e : o.equipment)
    if (!lib.find_equipment(e))
      throw Error(ExitCode::kDataErr, fmt::format("unknown equipment '{}'", e),
                  model::unknown_id_hint(e, ids(lib.equipment), "equipment", names(lib.equipment)));
  auto check_word = [](const std::string& word, auto names, std::string_view what) {
    if (word.empty()) return;
    std::vector<std::string> all(names.begin(), names.end());
    if (std::find(all.begin(), all.end(), word) != all.end()) return;
    std::string hint = model::did_you_mean(word, all);
    if (hint.empty()) hint = fmt::format("use one of: {}", fmt::join(all, ", "));
    throw Error(ExitCode::kUsage, fmt::format("unknown {} '{}'", what, word), hint);
  };
  check_word(o.region, model::kRegionNames, "region");
  check_word(o.kind, model::kKindNames, "kind");
}

std::string render_text(const ListOptions& o, const model::Library& lib) {
  std::string out;
  auto row = [&](std::string_view id, std::string_view middle, std::string_view name) {
    out += fmt::format("{:<32} {:<22} {}\n", id, middle, name);
  };
  if (o.what == "techniques") {
    for (const auto& t : lib.techniques)
      if (technique_listed(t, lib, o))
        row(t.id,
            fmt::format("{} {}-{} min", model::to_string(t.kind), t.duration.min, t.duration.max),
            t.name);
  } else if (o.what == "routines") {
    for (const auto& r : lib.routines) {
      if (!routine_listed(r, lib, o)) continue;
      int total = 0;
      for (const auto& s : r.steps) total += s.minutes;
      row(r.id, fmt::format("{} min, {} steps", total, r.steps.size()), r.name);
    }
  } else if (o.what == "goals") {
    for (const auto& g : lib.goals)
      row(g.id, fmt::format("{:g} min/week", g.weekly_target_minutes), g.name);
  } else if (o.what == "conditions") {
    for (const auto& c : lib.conditions)
      row(c.id, c.red_flag ? (c.urgent ? "RED FLAG (urgent)" : "RED FLAG") : "", c.name);
  } else {
    for (const auto& e : lib.equipment) row(e.id, "", e.name);
  }
  return out;
}

std::string render_json(const ListOptions& o, const model::Library& lib) {
  std::ostringstream s;
  exporter::JsonWriter w(s);
  w.begin_array();
  if (o.what == "techniques") {
    for (const auto& t : lib.techniques)
      if (technique_listed(t, lib, o)) exporter::write_json(w, t);
  } else if (o.what == "routines") {
    for (const auto& r : lib.routines)
      if (routine_listed(r, lib, o)) exporter::write_json(w, r, lib);
  } else if (o.what == "goals") {
    for (const auto& g : lib.goals) exporter::write_json(w, g);
  } else if (o.what == "conditions") {
    for (const auto& c : lib.conditions) exporter::write_json(w, c);
  } else {
    for (const auto& e : lib.equipment) exporter::write_json(w, e);
  }
  w.end_array();
  w.finish();
  return s.str();
}

}  // namespace

void setup_list(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ListOptions>();
  auto* cmd =
      app.add_subcommand("list", "List techniques, routines, goals, conditions or equipment");
  cmd->add_option("what", o->what, "techniques, routines, goals, conditions or equipment")
      ->required()
      ->check(CLI::IsMember({"techniques", "routines", "goals", "conditions", "equipment"}));
  cmd->add_option("--goal", o->goal, "Only entries serving this goal")->type_name("ID");
  cmd->add_option("--region", o->region, "Only entries working this body region")
      ->type_name("REGION");
  cmd->add_option("--kind", o->kind, "Only techniques of this kind")->type_name("KIND");
  cmd->add_option("--condition", o->conditions,
                  "Only what stays safe with this condition (repeatable)")
      ->type_name("ID");
  auto* equipment =
      cmd->add_option(
             "--equipment", o->equipment,
             "Only what needs no equipment but this: what you have, as for plan (repeatable)")
          ->type_name("ID")
          ->allow_extra_args(false);
  cmd->add_option("--format", o->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT");
  cmd->callback([&ctx, o, equipment] {
    o->equipment_given = equipment->count() > 0;
    ctx.action = [&ctx, o] {
      auto lib = load_library(ctx);
      check_filters(*o, lib);
      if (!ctx.global.quiet)
        for (const auto& id : o->conditions)
          if (const auto* c = lib.find_condition(id); c->red_flag)
            ctx.err << fmt::format(
                "massage-plan: note: '{}' ({}) is a red flag: nothing is planned with it; see a "
                "clinician {}\n",
                c->name, c->id, c->urgent ? "now" : "soon");
      ctx.out << (o->format == "json" ? render_json(*o, lib) : render_text(*o, lib));
      return 0;
    };
  });
}

}  // namespace mp::cli
