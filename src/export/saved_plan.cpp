#include "export/saved_plan.hpp"

#include <chrono>
#include <cstdio>

#include "export/ics.hpp"
#include "export/json_writer.hpp"
#include "export/plan_view.hpp"
#include "export/utf8.hpp"

namespace mp::exporter {
namespace {

constexpr int kWidth = 80;

long long days_between(model::Date from, model::Date to) {
  return (std::chrono::sys_days{to} - std::chrono::sys_days{from}).count();
}

std::string clock_span(const model::SavedSession& s) {
  return model::format_time(s.start_minute) + "-" + model::format_time(s.end_minute);
}

void session_json(JsonWriter& json, const model::AgendaSession& a, const model::Library& library) {
  const auto& s = a.session;
  json.key("date").value(model::format_date(s.date));
  json.key("start").value(model::format_time(s.start_minute));
  json.key("end").value(model::format_time(s.end_minute));
  json.key("kind").value(model::to_string(s.kind));
  if (s.kind == model::SessionKind::kRoutine) json.key("routine").value(s.routine);
  json.key("state").value(model::to_string(a.state));
  json.key("summary").value(ics_summary(model::planned_session(s), library));
  json.key("minutes").value(s.minutes());
  json.key("items").begin_array();
  for (const auto& item : s.items) {
    json.begin_object();
    json.key("technique").value(item.technique);
    json.key("name").value(technique_name(library, item.technique));
    json.key("minutes").value(item.minutes);
    json.key("known").value(library.find_technique(item.technique) != nullptr);
    json.end_object();
  }
  json.end_array();
}

}  // namespace

std::string span_words(int minutes) {
  const int h = minutes / 60;
  const int m = minutes % 60;
  if (h == 0) return std::to_string(m) + " min";
  if (m == 0) return std::to_string(h) + " h";
  return std::to_string(h) + " h " + std::to_string(m) + " min";
}

long long minutes_until(const model::SavedSession& session, const model::When& now) {
  return days_between(now.date, session.date) * 24 * 60 + session.start_minute -
         now.minute.value_or(0);
}

std::string next_line(const model::AgendaSession& next, const model::When& now,
                      const model::Library& library) {
  const auto& s = next.session;
  const long long days = days_between(now.date, s.date);
  std::string line;
  if (days == 1)
    line = "tomorrow ";
  else if (days > 1)
    line = std::string(weekday_short_name(model::weekday_of(s.date))) + " " +
           model::format_date(s.date) + " ";
  line += model::format_time(s.start_minute) + " " +
          printable(ics_summary(model::planned_session(s), library), false);
  const long long until = minutes_until(s, now);
  if (until <= 0)
    line += " (now, until " + model::format_time(s.end_minute) + ")";
  else if (until < 24 * 60)
    line += " (in " + span_words(static_cast<int>(until)) + ")";
  else
    line += " (in " + std::to_string(days) + (days == 1 ? " day)" : " days)");
  return line;
}

void write_next_json(std::ostream& out, const model::AgendaSession& next, const model::When& now,
                     const model::Library& library) {
  JsonWriter json(out);
  json.begin_object();
  json.key("schema").value(kNextSchemaId);
  json.key("now").value(model::format_date(now.date) + "T" +
                        model::format_time(now.minute.value_or(0)));
  session_json(json, next, library);
  const long long until = minutes_until(next.session, now);
  json.key("in_progress").value(until <= 0);
  json.key("minutes_until_start").value(until);
  json.key("line").value(next_line(next, now, library));
  json.end_object();
  json.finish();
}

void write_today_text(std::ostream& out, model::Date day,
                      const std::vector<model::AgendaSession>& sessions,
                      const std::optional<std::string>& paused_reason,
                      const model::Library& library) {
  int done = 0;
  for (const auto& a : sessions) done += a.state == model::SessionState::kDone ? 1 : 0;
  std::string title = "Today, " + std::string(weekday_long_name(model::weekday_of(day))) + " " +
                      model::format_date(day);
  if (paused_reason)
    title += paused_reason->empty() ? ": paused" : ": paused (" + *paused_reason + ")";
  else if (sessions.empty())
    title += ": nothing planned in the saved plan";
  else
    title += ": " + std::to_string(sessions.size()) +
             (sessions.size() == 1 ? " session, " : " sessions, ") + std::to_string(done) + " done";
  out << truncate_to_width(printable(title, false), kWidth) << '\n';
  for (const auto& a : sessions) {
    const auto planned = model::planned_session(a.session);
    const std::string state(model::to_string(a.state));
    const int room = kWidth - 15 - static_cast<int>(state.size()) - 4;
    out << "  " << clock_span(a.session) << "  "
        << truncate_to_width(printable(session_title(planned, library), false), room) << "  ["
        << state << "]\n";
    for (const auto& item : a.session.items) {
      char minutes[32];
      std::snprintf(minutes, sizeof minutes, "    %3d min  ", item.minutes);
      out << minutes
          << truncate_to_width(printable(technique_name(library, item.technique), false),
                               kWidth - 13)
          << '\n';
    }
  }
}

void write_today_json(std::ostream& out, model::Date day,
                      const std::vector<model::AgendaSession>& sessions,
                      const std::optional<std::string>& paused_reason,
                      const model::Library& library) {
  JsonWriter json(out);
  json.begin_object();
  json.key("schema").value(kTodaySchemaId);
  json.key("date").value(model::format_date(day));
  json.key("weekday").value(model::kWeekdayNames[static_cast<std::size_t>(model::weekday_of(day))]);
  json.key("paused").value(paused_reason.has_value());
  if (paused_reason && !paused_reason->empty()) json.key("pause_reason").value(*paused_reason);
  json.key("sessions").begin_array();
  for (const auto& a : sessions) {
    json.begin_object();
    session_json(json, a, library);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  json.finish();
}

}  // namespace mp::exporter
