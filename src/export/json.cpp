#include "export/json.hpp"

#include "export/export.hpp"
#include "export/plan_view.hpp"

namespace mp::exporter {

void write_weekdays_json(JsonWriter& json, const model::WeekdaySet& weekdays) {
  json.begin_array();
  for (std::size_t i = 0; i < weekdays.size(); ++i)
    if (weekdays[i]) json.value(model::kWeekdayNames[i]);
  json.end_array();
}

void write_profile_json(JsonWriter& json, const model::Profile& profile) {
  json.begin_object();
  json.key("goals").begin_array();
  for (const auto& goal : profile.goals) {
    json.begin_object();
    json.key("id").value(goal.id);
    json.key("priority").value(goal.priority);
    json.end_object();
  }
  json.end_array();
  json.key("weekdays");
  write_weekdays_json(json, profile.weekdays);
  json.key("sessions").begin_array();
  for (const auto& slot : profile.sessions) {
    json.begin_object();
    json.key("time").value(model::format_time(slot.start_minute));
    json.key("minutes").value(slot.minutes);
    json.end_object();
  }
  json.end_array();
  json.key("conditions").strings(profile.conditions);
  json.key("equipment").strings(profile.equipment);
  if (profile.professional) {
    const auto& pro = *profile.professional;
    json.key("professional").begin_object();
    json.key("sessions_per_week").value(pro.sessions_per_week);
    json.key("minutes").value(pro.minutes);
    json.key("weekdays");
    write_weekdays_json(json, pro.weekdays);
    json.key("time").value(model::format_time(pro.start_minute));
    json.key("techniques").strings(pro.techniques);  // v3: the therapist's style ([] = any)
    json.end_object();
  }
  json.key("routines").begin_array();
  for (const auto& routine : profile.routines) {
    json.begin_object();
    json.key("id").value(routine.id);
    json.key("weekdays");
    write_weekdays_json(json, routine.weekdays);
    json.key("time").value(model::format_time(routine.start_minute));
    json.end_object();
  }
  json.end_array();
  if (!profile.timezone.empty()) json.key("timezone").value(profile.timezone);
  json.key("variety").value(profile.variety);
  json.key("household").value(profile.household);
  json.key("prefer").strings(profile.prefer);  // v3
  json.key("avoid").strings(profile.avoid);    // v3
  json.end_object();
}

void write_json(std::ostream& out, const model::Plan& plan, const model::Library& library,
                const ExportOptions& options) {
  JsonWriter json(out);
  json.begin_object();
  json.key("schema").value(kPlanSchemaId);
  json.key("generator").value(options.generator);
  json.key("start").value(model::format_date(plan.start));
  json.key("days").value(plan.days);
  json.key("profile");
  write_profile_json(json, plan.profile);

  json.key("score").begin_object();
  json.key("total").value(plan.score.total);
  json.key("goals").begin_object();
  for (const auto& [id, goal] : plan.score.goals) {
    json.key(id).begin_object();
    json.key("weekly").value(goal.weekly);
    json.key("daily").value(goal.daily);
    json.key("score").value(goal.score);
    json.key("share_cap").value(goal.share_cap);
    json.end_object();
  }
  json.end_object();
  json.end_object();

  json.key("plan").begin_array();
  for (const auto& day : plan.plan) {
    json.begin_object();
    json.key("date").value(model::format_date(day.date));
    json.key("weekday").value(
        model::kWeekdayNames[static_cast<std::size_t>(model::weekday_of(day.date))]);
    json.key("sessions").begin_array();
    for (const auto& session : day.sessions) {
      json.begin_object();
      json.key("start").value(model::format_time(session.start_minute));
      json.key("end").value(model::format_time(session_end_minute(session)));
      json.key("kind").value(model::to_string(session.kind));
      if (session.kind == model::SessionKind::kRoutine) json.key("routine").value(session.routine);
      if (session.state) json.key("state").value(model::to_string(*session.state));  // v3 agenda
      json.key("items").begin_array();
      for (const auto& item : session.items) {
        json.begin_object();
        json.key("technique").value(item.technique);
        json.key("name").value(technique_name(library, item.technique));
        json.key("minutes").value(item.minutes);
        json.key("goals").begin_object();
        if (const auto* t = library.find_technique(item.technique))
          for (const auto& [goal, weight] : t->goals) json.key(goal).value(weight);
        json.end_object();
        json.key("score_share").value(item.score_share);
        json.end_object();
      }
      json.end_array();
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();

  json.key("warnings").strings(plan.warnings);
  json.key("excluded").begin_array();
  for (const auto& exclusion : plan.excluded) {
    json.begin_object();
    json.key("technique").value(exclusion.technique);
    json.key("reason").value(exclusion.reason);
    json.end_object();
  }
  json.end_array();
  json.key("held_back").begin_array();
  for (const auto& held : plan.held_back) {
    json.begin_object();
    json.key("technique").value(held.technique);
    json.key("goal").value(held.goal);
    json.key("share_cap").value(held.share_cap);
    json.key("weeks").begin_array();
    for (int week : held.weeks) json.value(week);
    json.end_array();
    json.end_object();
  }
  json.end_array();
  // Only an adapted plan (plan --adapt) carries the key, so other plans read as before.
  if (!plan.adaptations.empty()) {
    json.key("adaptations").begin_array();
    for (const auto& a : plan.adaptations) {
      json.begin_object();
      json.key("technique").value(a.technique);
      json.key("factor").value(a.factor);
      json.key("reason").value(a.reason);
      json.end_object();
    }
    json.end_array();
  }
  json.end_object();
  json.finish();
}

}  // namespace mp::exporter
