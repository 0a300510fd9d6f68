#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/adaptation.hpp"
#include "model/calendar.hpp"
#include "model/enums.hpp"
#include "model/profile.hpp"

namespace mp::model {

/// v3: a saved session's state, as the history has it (`agenda`, `today`, `next`).
enum class SessionState {
  kOpen,     ///< neither done nor skipped (yet)
  kDone,     ///< a `done` covers it
  kSkipped,  ///< a `skip` covers it
  kPaused,   ///< on a day of a `pause` and not marked: neither planned nor missed
};
/// The words for session states, as every format prints them.
inline constexpr std::array<std::string_view, 4> kSessionStateNames{"open", "done", "skipped",
                                                                    "paused"};
inline std::string_view to_string(SessionState v) { return name_of(v, kSessionStateNames); }

/// One technique done for some minutes inside a session.
struct PlanItem {
  std::string technique;
  int minutes = 0;
  double score_share = 0;  ///< this item's part of the total score (shown by --explain)
};

/// One planned session: a self-care slot, a professional visit or a pinned routine.
struct PlannedSession {
  int start_minute = 0;  ///< minutes after midnight
  int end_minute = 0;    ///< start + the minutes actually planned
  SessionKind kind = SessionKind::kSelf;
  std::string routine;  ///< the routine id when kind == kRoutine
  std::vector<PlanItem> items;
  /// v3 `agenda`: the saved session's state; the planner leaves it empty and the writers then
  /// show none.
  std::optional<SessionState> state{};
};

/// One day of the horizon (days without sessions are kept, with no sessions).
struct PlanDay {
  Date date;
  WeekdayIndex weekday = 0;
  std::vector<PlannedSession> sessions;  ///< in start order
};

/// One goal's part of the score (SPEC §4).
struct GoalScore {
  double weekly = 0;
  double daily = 0;
  double score = 0;      ///< (weekly + daily) / 2
  double share_cap = 1;  ///< σ_g: the share of the weekly target one technique may carry
};

/// The plan's score: total in [0, 1] and per goal.
struct Score {
  double total = 0;
  std::map<std::string, GoalScore> goals;
};

/// A technique the planner could not or did not use, with the reason in words.
struct Exclusion {
  std::string technique;
  std::string reason;
};

/// A technique the plan uses less than it could for one goal: in the listed week blocks its minutes
/// already carry its share σ_g of the goal's weekly target (SPEC §4, v2), so more of it would add
/// nothing to that goal's weekly part. --explain shows it as "held back".
struct HeldBack {
  std::string technique;
  std::string goal;
  double share_cap = 1;    ///< σ_g
  std::vector<int> weeks;  ///< week blocks, counted from 1, in order
};

/// A whole plan over the horizon.
struct Plan {
  Date start;
  int days = 7;
  Profile profile;  ///< the fully resolved profile the plan was built for
  std::vector<PlanDay> plan;
  Score score;
  std::vector<std::string> warnings;
  std::vector<Exclusion> excluded;
  std::vector<HeldBack> held_back;      ///< techniques at their share of a goal (v2 variety)
  std::vector<Adaptation> adaptations;  ///< plan --adapt: factors learned from history
  /// v3, shown by --explain: what became of each preference, advice on session times.
  std::vector<std::string> notes;
};

}  // namespace mp::model
