#include "history/pick.hpp"

#include <algorithm>

namespace mp::history {
namespace {

bool is_marked(const Marks& marks, long long id) {
  return marks.done.count(id) > 0 || marks.skipped.count(id) > 0;
}

}  // namespace

int minutes_away(const model::SavedSession& session, int minute) {
  if (minute < session.start_minute) return session.start_minute - minute;
  if (minute > session.end_minute) return minute - session.end_minute;
  return 0;
}

Pick pick_session(const std::vector<model::SavedSession>& sessions, const Marks& marks,
                  const model::When& when, bool is_now) {
  if (sessions.empty()) return {PickOutcome::kNoSessions, nullptr};
  const auto unmarked = [&](const model::SavedSession& s) { return !is_marked(marks, s.id); };
  if (!when.minute) {
    auto it = std::find_if(sessions.begin(), sessions.end(), unmarked);
    if (it == sessions.end()) return {PickOutcome::kAllMarked, nullptr};
    return {PickOutcome::kSession, &*it};
  }
  const int minute = *when.minute;
  if (is_now) {
    const model::SavedSession* latest = nullptr;
    for (const auto& s : sessions)
      if (s.start_minute <= minute && unmarked(s)) latest = &s;
    if (latest) return {PickOutcome::kSession, latest};
    for (const auto& s : sessions)
      if (s.start_minute > minute && unmarked(s)) return {PickOutcome::kNoneBegun, &s};
    return {PickOutcome::kAllMarked, nullptr};
  }
  const model::SavedSession* nearest = nullptr;
  for (const auto& s : sessions)
    if (!nearest || minutes_away(s, minute) < minutes_away(*nearest, minute)) nearest = &s;
  if (minutes_away(*nearest, minute) > kNearestSessionMinutes)
    return {PickOutcome::kNoneNear, nearest};
  if (!unmarked(*nearest)) return {PickOutcome::kAlreadyMarked, nearest};
  return {PickOutcome::kSession, nearest};
}

}  // namespace mp::history
