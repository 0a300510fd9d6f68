#include "history/agenda.hpp"

#include <algorithm>
#include <chrono>

#include "history/marks.hpp"
#include "history/pause.hpp"

namespace mp::history {

std::vector<model::AgendaSession> session_states(const std::vector<model::SavedSession>& sessions,
                                                 const std::vector<model::Entry>& entries) {
  const Marks marks = mark_sessions(sessions, entries);
  const auto paused = paused_days(entries);
  std::vector<model::AgendaSession> out;
  out.reserve(sessions.size());
  for (const auto& s : sessions) {
    auto state = model::SessionState::kOpen;
    if (marks.done.count(s.id) != 0)
      state = model::SessionState::kDone;
    else if (marks.skipped.count(s.id) != 0)
      state = model::SessionState::kSkipped;
    else if (paused.count(s.date) != 0)
      state = model::SessionState::kPaused;
    out.push_back(model::AgendaSession{s, state});
  }
  return out;
}

const model::Entry* pause_covering(const std::vector<model::Entry>& entries, model::Date day) {
  const model::Entry* found = nullptr;
  for (const auto& e : entries)
    if (e.kind == model::EntryKind::kPause && e.date <= day && day <= e.until.value_or(e.date))
      found = &e;
  return found;
}

model::Plan agenda_plan(const std::vector<model::AgendaSession>& sessions, model::Date from,
                        int days, model::Profile profile) {
  model::Plan plan;
  plan.start = from;
  plan.days = days;
  plan.profile = std::move(profile);
  plan.plan.reserve(static_cast<std::size_t>(std::max(days, 0)));
  for (int i = 0; i < days; ++i) {
    model::PlanDay day;
    day.date = model::add_days(from, i);
    day.weekday = model::weekday_of(day.date);
    plan.plan.push_back(std::move(day));
  }
  for (const auto& s : sessions) {
    const auto offset =
        (std::chrono::sys_days{s.session.date} - std::chrono::sys_days{from}).count();
    if (offset < 0 || offset >= days) continue;
    auto planned = model::planned_session(s.session);
    planned.state = s.state;
    plan.plan[static_cast<std::size_t>(offset)].sessions.push_back(std::move(planned));
  }
  for (auto& day : plan.plan)
    std::stable_sort(day.sessions.begin(), day.sessions.end(),
                     [](const auto& a, const auto& b) { return a.start_minute < b.start_minute; });
  return plan;
}

std::vector<std::string> missing_techniques(const std::vector<model::AgendaSession>& sessions,
                                            const model::Library& library) {
  std::vector<std::string> out;
  for (const auto& s : sessions)
    for (const auto& item : s.session.items)
      if (library.find_technique(item.technique) == nullptr &&
          std::find(out.begin(), out.end(), item.technique) == out.end())
        out.push_back(item.technique);
  return out;
}

const model::AgendaSession* next_open(const std::vector<model::AgendaSession>& sessions,
                                      const model::When& now) {
  const int minute = now.minute.value_or(0);
  const model::AgendaSession* best = nullptr;
  for (const auto& s : sessions) {
    if (s.state != model::SessionState::kOpen) continue;
    if (s.session.date < now.date) continue;
    if (s.session.date == now.date && s.session.end_minute <= minute) continue;
    if (best == nullptr || s.session.date < best->session.date ||
        (s.session.date == best->session.date &&
         s.session.start_minute < best->session.start_minute))
      best = &s;
  }
  return best;
}

}  // namespace mp::history
