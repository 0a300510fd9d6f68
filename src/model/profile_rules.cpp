#include "model/profile_rules.hpp"

#include <algorithm>
#include <string>

namespace mp::model {
namespace {

bool none(const WeekdaySet& set) {
  return std::none_of(set.begin(), set.end(), [](bool b) { return b; });
}

std::string str(int n) { return std::to_string(n); }

}  // namespace

std::vector<Diagnostic> check_profile(const Profile& p) {
  std::vector<Diagnostic> out;
  auto problem = [&](const SourceLocation& where, std::string message) {
    out.emplace_back(where, std::move(message));
  };
  for (const auto& g : p.goals)
    if (g.priority < 1 || g.priority > kMaxPriority)
      problem(g.where, "goal '" + g.id + "' has priority " + str(g.priority) + ": use 1 to " +
                           str(kMaxPriority));
  if (none(p.weekdays)) problem(p.where, "weekdays must name at least one day");
  if (p.sessions.empty()) problem(p.where, "sessions must list at least one session");
  if (p.sessions.size() > kMaxSessionsPerDay)
    problem(p.where, "more than " + std::to_string(kMaxSessionsPerDay) + " sessions a day");
  // In the order given, so each problem is reported at the later of two sessions; a session
  // already refused is not compared with the others.
  std::vector<const SessionSlot*> fine;
  for (const auto& s : p.sessions) {
    if (s.minutes < 1 || s.minutes > kMaxSessionMinutes) {
      problem(s.where, "session at " + format_time(s.start_minute) + " lasts " + str(s.minutes) +
                           " minutes: use 1 to " + str(kMaxSessionMinutes));
      continue;
    }
    if (s.start_minute + s.minutes > 24 * 60) {
      problem(s.where, "session at " + format_time(s.start_minute) + " for " + str(s.minutes) +
                           " minutes runs past midnight");
      continue;
    }
    for (const SessionSlot* other : fine)
      if (s.start_minute < other->start_minute + other->minutes &&
          other->start_minute < s.start_minute + s.minutes)
        problem(s.where, "session at " + format_time(s.start_minute) + " overlaps the session at " +
                             format_time(other->start_minute));
    fine.push_back(&s);
  }
  if (p.professional) {
    const auto& pro = *p.professional;
    if (pro.sessions_per_week < 0 || pro.sessions_per_week > kMaxProfessionalPerWeek)
      problem(pro.where, str(pro.sessions_per_week) + " professional sessions a week: use 0 to " +
                             str(kMaxProfessionalPerWeek));
    if (pro.minutes < 1 || pro.minutes > kMaxProfessionalMinutes)
      problem(pro.where, "professional sessions of " + str(pro.minutes) + " minutes: use 1 to " +
                             str(kMaxProfessionalMinutes));
    else if (pro.start_minute + pro.minutes > 24 * 60)
      problem(pro.where, "professional session at " + format_time(pro.start_minute) + " for " +
                             str(pro.minutes) + " minutes runs past midnight");
    if (none(pro.weekdays)) problem(pro.where, "professional weekdays must name at least one day");
  }
  for (const auto& id : p.prefer)
    if (std::find(p.avoid.begin(), p.avoid.end(), id) != p.avoid.end())
      problem(p.where, "technique '" + id + "' is both preferred and avoided: keep it in one list");
  return out;
}

}  // namespace mp::model
