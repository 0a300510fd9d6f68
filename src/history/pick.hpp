#pragma once
// Which saved session `done`/`skip` mark (SPEC §5): pure, with "now" given as an argument.
#include <optional>
#include <vector>

#include "history/marks.hpp"
#include "model/history.hpp"
#include "model/when.hpp"

namespace mp::history {

/// How far a moment may be from a session and still name it: 3 hours.
inline constexpr int kNearestSessionMinutes = 180;

/// What the rules found.
enum class PickOutcome {
  kSession,        ///< session is the one to mark
  kAlreadyMarked,  ///< the moment names session, and it is marked already (never move on)
  kNoneNear,       ///< the moment is more than 3 h from every session of its day
  kNoneBegun,      ///< no WHEN: no unmarked session of today has begun; session is the next one
  kAllMarked,      ///< every session of the day is marked
  kNoSessions,     ///< nothing saved on the day
};

struct Pick {
  PickOutcome outcome = PickOutcome::kNoSessions;
  const model::SavedSession* session = nullptr;  ///< see PickOutcome
};

/// Minutes from minute to the session's time span (0 inside it, start to end).
int minutes_away(const model::SavedSession& session, int minute);

/// The rules, for the sessions of when.date (in time order) and their marks:
/// - a day (no minute): its first session not yet marked;
/// - a moment: the session at or nearest it within 3 h (ties: the earlier); marked →
/// kAlreadyMarked;
/// - now (now_minute set; when is today at now): the latest unmarked session that has begun by
///   now; none → the next unmarked one (kNoneBegun), or kAllMarked.
Pick pick_session(const std::vector<model::SavedSession>& sessions, const Marks& marks,
                  const model::When& when, bool is_now);

}  // namespace mp::history
