#include "export/library_json.hpp"

namespace mp::exporter {
namespace {

// A list of enum values as an array of their YAML words.
template <typename E>
void words(JsonWriter& w, const std::vector<E>& values) {
  w.begin_array();
  for (auto v : values) w.value(model::to_string(v));
  w.end_array();
}

// movements / positions: the words, or null when the technique does not declare them.
template <typename E>
void declared_words(JsonWriter& w, const std::optional<std::vector<E>>& values) {
  if (values)
    words(w, *values);
  else
    w.null();
}

void write_rule(JsonWriter& w, const model::ExclusionRule& r) {
  w.begin_object();
  if (r.kind) words(w.key("kind"), *r.kind);
  if (r.performer) words(w.key("performer"), *r.performer);
  if (r.intensity) words(w.key("intensity"), *r.intensity);
  if (r.regions) words(w.key("regions"), *r.regions);
  if (r.movements) words(w.key("movements"), *r.movements);
  if (r.positions) words(w.key("positions"), *r.positions);
  if (r.equipment) w.key("equipment").strings(*r.equipment);
  if (r.technique) w.key("technique").strings(*r.technique);
  w.end_object();
}

}  // namespace

void write_json(JsonWriter& w, const model::Technique& t) {
  w.begin_object();
  w.key("id").value(t.id);
  w.key("name").value(t.name);
  w.key("description").value(t.description);
  w.key("kind").value(model::to_string(t.kind));
  w.key("performer").value(model::to_string(t.performer));
  declared_words(w.key("regions"), t.regions);
  w.key("muscles").strings(t.muscles);
  w.key("goals").begin_object();
  for (const auto& [goal, weight] : t.goals) w.key(goal).value(weight);
  w.end_object();
  w.key("duration").begin_object();
  w.key("min").value(t.duration.min);
  w.key("default").value(t.duration.default_minutes);
  w.key("max").value(t.duration.max);
  w.end_object();
  w.key("frequency").begin_object();
  w.key("max_per_week").value(t.frequency.max_per_week);
  w.key("min_rest_hours").value(t.frequency.min_rest_hours);
  w.end_object();
  if (t.intensity)
    w.key("intensity").value(model::to_string(*t.intensity));
  else
    w.key("intensity").null();
  declared_words(w.key("movements"), t.movements);
  declared_words(w.key("positions"), t.positions);
  w.key("phase").value(model::to_string(t.phase));
  w.key("time_of_day").value(model::to_string(t.time_of_day));
  w.key("equipment").strings(t.equipment);
  // The effective list (own plus conditions' rules), then the technique's own and the reasons.
  w.key("contraindications").strings(t.contraindications);
  w.key("declared_contraindications").strings(t.declared_contraindications);
  w.key("exclusions").begin_array();
  for (const auto& e : t.exclusions) {
    w.begin_object();
    w.key("condition").value(e.condition);
    w.key("why").value(e.why);
    if (e.rule)  // numbered from 1, as `show CONDITION` and docs/safety-matrix.md number them
      w.key("rule").value(static_cast<long long>(*e.rule + 1));
    else
      w.key("rule").null();
    w.key("undeclared").strings(e.undeclared);
    w.end_object();
  }
  w.end_array();
  w.key("dose").value(t.dose);
  // Resolved like every other field: each step an object, untimed ones with seconds null.
  w.key("steps").begin_array();
  for (const auto& step : t.steps) {
    w.begin_object();
    w.key("text").value(step.text);
    if (step.timed())
      w.key("seconds").value(step.seconds);
    else
      w.key("seconds").null();
    w.key("sides").value(model::kSidesNames[static_cast<std::size_t>(step.sides)]);
    w.key("repeat").value(step.repeat);
    w.key("rest").value(step.rest);
    w.key("total_seconds").value(step.total_seconds());
    w.end_object();
  }
  w.end_array();
  w.key("cautions").strings(t.cautions);
  w.key("sources").strings(t.sources);
  w.end_object();
}

void write_json(JsonWriter& w, const model::Routine& r, const model::Library& library) {
  w.begin_object();
  w.key("id").value(r.id);
  w.key("name").value(r.name);
  w.key("description").value(r.description);
  int total = 0;
  w.key("steps").begin_array();
  for (const auto& s : r.steps) {
    total += s.minutes;
    w.begin_object();
    w.key("technique").value(s.technique);
    const auto* t = library.find_technique(s.technique);
    w.key("name").value(t ? t->name : std::string());
    w.key("minutes").value(s.minutes);
    w.end_object();
  }
  w.end_array();
  w.key("minutes").value(total);
  w.end_object();
}

void write_json(JsonWriter& w, const model::Goal& g) {
  w.begin_object();
  w.key("id").value(g.id);
  w.key("name").value(g.name);
  w.key("description").value(g.description);
  w.key("weekly_target_minutes").value(g.weekly_target_minutes);
  w.end_object();
}

void write_json(JsonWriter& w, const model::Condition& c) {
  w.begin_object();
  w.key("id").value(c.id);
  w.key("name").value(c.name);
  w.key("red_flag").value(c.red_flag);
  w.key("urgent").value(c.urgent);
  w.key("advice").value(c.advice);
  w.key("excludes").begin_array();
  for (const auto& rule : c.excludes) write_rule(w, rule);
  w.end_array();
  w.end_object();
}

void write_json(JsonWriter& w, const model::Equipment& e) {
  w.begin_object();
  w.key("id").value(e.id);
  w.key("name").value(e.name);
  w.key("description").value(e.description);
  w.key("household").value(e.household);
  w.end_object();
}

}  // namespace mp::exporter
