#pragma once
// What the history commands share: where the database lives, the local clock, WHEN words.
#include <optional>
#include <string>

#include "cli/context.hpp"
#include "model/calendar.hpp"
#include "model/history.hpp"
#include "model/when.hpp"

namespace mp::cli {

/// --history, else $XDG_STATE_HOME/massage-plan/history.db, else
/// ~/.local/state/massage-plan/history.db. Throws Error(kCantCreate) when neither is set.
std::string history_path(const Context& ctx);

/// The moment MASSAGE_PLAN_NOW names (test-only, YYYY-MM-DDTHH:MM, docs/guide.md): every reading
/// of the clock for "today" and "now" uses it when set. Throws Error(kUsage) when malformed.
std::optional<model::When> fixed_now();
/// Today in local time (the TZ of the process).
model::Date local_today();
/// Minutes after local midnight now.
int local_minute_now();
/// Now (or SOURCE_DATE_EPOCH when set) as "YYYY-MM-DDTHH:MM:SS" local time, for recorded_at.
std::string local_timestamp();

/// WHEN as `done`/`skip` take it (model::read_when, weekdays the last one); none means now.
/// Throws Error(kUsage) with the problem in the value's words otherwise.
model::When parse_when(const std::optional<std::string>& text);
/// DAY (model::read_day, weekdays the last one) for flag; throws Error(kUsage) otherwise.
model::Date parse_day(std::string_view flag, const std::string& text);

/// Every technique's goal weights, for effective minutes.
model::GoalWeights goal_weights(const model::Library& library);

/// Throws Error(kDataErr) with a did-you-mean hint unless library knows technique id.
void check_technique(const model::Library& library, const std::string& id);

}  // namespace mp::cli
