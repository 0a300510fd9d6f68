#include "export/plan_view.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace mp::exporter {

std::string technique_name(const model::Library& library, std::string_view id) {
  const auto* t = library.find_technique(id);
  return t != nullptr && !t->name.empty() ? t->name : std::string(id);
}

std::string routine_name(const model::Library& library, std::string_view id) {
  const auto* r = library.find_routine(id);
  return r != nullptr && !r->name.empty() ? r->name : std::string(id);
}

std::string goal_name(const model::Library& library, std::string_view id) {
  const auto* g = library.find_goal(id);
  return g != nullptr && !g->name.empty() ? g->name : std::string(id);
}

int session_minutes(const model::PlannedSession& session) {
  int sum = 0;
  for (const auto& item : session.items) sum += item.minutes;
  if (sum == 0) sum = session.end_minute - session.start_minute;
  return sum > 0 ? sum : 0;
}

int session_end_minute(const model::PlannedSession& session) {
  if (session.end_minute > session.start_minute) return session.end_minute;
  // A session with no length still needs an end after its start (RFC 5545 DTEND > DTSTART).
  int minutes = session_minutes(session);
  return session.start_minute + (minutes > 0 ? minutes : 1);
}

std::string session_title(const model::PlannedSession& session, const model::Library& library) {
  switch (session.kind) {
    case model::SessionKind::kSelf: {
      std::size_t n = session.items.size();
      return "Self-care: " + std::to_string(session_minutes(session)) + " min (" +
             std::to_string(n) + (n == 1 ? " technique)" : " techniques)");
    }
    case model::SessionKind::kProfessional: {
      std::string names;
      for (const auto& item : session.items) {
        if (!names.empty()) names += " + ";
        names += technique_name(library, item.technique);
      }
      return names.empty() ? std::string("Professional massage") : "Professional massage: " + names;
    }
    case model::SessionKind::kRoutine:
      return session.routine.empty() ? std::string("Routine")
                                     : routine_name(library, session.routine);
  }
  return {};
}

std::vector<std::pair<std::string, double>> served_goals(const model::Plan& plan,
                                                         const model::Library& library,
                                                         std::string_view technique) {
  std::vector<std::pair<std::string, double>> out;
  const auto* t = library.find_technique(technique);
  if (t == nullptr) return out;
  for (const auto& goal : plan.profile.goals) {
    auto it = t->goals.find(goal.id);
    if (it != t->goals.end() && it->second > 0) out.emplace_back(goal.id, it->second);
  }
  return out;
}

std::string held_back_reason(const model::HeldBack& held, int days) {
  const auto blocks = static_cast<std::size_t>((days + 6) / 7);
  std::string weeks;
  if (blocks > 1 && held.weeks.size() >= blocks) {
    weeks = " every week";
  } else if (blocks > 1 && !held.weeks.empty()) {
    weeks = held.weeks.size() == 1 ? " in week " : " in weeks ";
    for (std::size_t i = 0; i < held.weeks.size(); ++i) {
      if (i > 0) weeks += i + 1 == held.weeks.size() ? " and " : ", ";
      weeks += std::to_string(held.weeks[i]);
    }
  }
  const long percent = std::lround(held.share_cap * 100);
  return "carries its full share of " + held.goal + " (" + std::to_string(percent) +
         "% of the weekly target)" + weeks + "; more of it adds nothing to that goal's weekly part";
}

std::vector<ExplainSection> explain_sections(const model::Plan& plan) {
  std::vector<ExplainSection> out;
  ExplainSection learnt{"Learnt from your history", "learnt", {}};
  for (const auto& a : plan.adaptations)
    learnt.lines.push_back(a.technique + " x" + format_number(a.factor) + ": " + a.reason);
  ExplainSection held{"Held back (at their share of a goal)", "held-back", {}};
  for (const auto& h : plan.held_back)
    held.lines.push_back(h.technique + ": " + held_back_reason(h, plan.days));
  ExplainSection left{"Left out", "left-out", {}};
  for (const auto& e : plan.excluded) left.lines.push_back(e.technique + ": " + e.reason);
  ExplainSection said{"Your preferences and session times", "preferences", plan.notes};
  for (auto* section : {&said, &learnt, &held, &left})
    if (!section->lines.empty()) out.push_back(std::move(*section));
  return out;
}

std::string format_number(double value) {
  if (!std::isfinite(value)) return "0";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, res.ptr);
}

std::string_view weekday_long_name(model::WeekdayIndex weekday) {
  static constexpr std::array<std::string_view, 7> kNames{
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  return kNames[static_cast<std::size_t>(((weekday % 7) + 7) % 7)];
}

std::string_view weekday_short_name(model::WeekdayIndex weekday) {
  static constexpr std::array<std::string_view, 7> kNames{"Mon", "Tue", "Wed", "Thu",
                                                          "Fri", "Sat", "Sun"};
  return kNames[static_cast<std::size_t>(((weekday % 7) + 7) % 7)];
}

}  // namespace mp::exporter
