#pragma once
// v3: the saved plan as `agenda`, `today` and `next` show it — each session with its state.
#include "model/history.hpp"
#include "model/plan.hpp"

namespace mp::model {

/// A saved session and its state.
struct AgendaSession {
  SavedSession session;
  SessionState state = SessionState::kOpen;
};

/// A saved session as a planned one (its items' score shares left 0), for the plan writers.
inline PlannedSession planned_session(const SavedSession& saved) {
  PlannedSession out;
  out.start_minute = saved.start_minute;
  out.end_minute = saved.end_minute;
  out.kind = saved.kind;
  out.routine = saved.routine;
  for (const auto& item : saved.items)
    out.items.push_back(PlanItem{item.technique, item.minutes, 0});
  return out;
}

}  // namespace mp::model
