#pragma once
// What the history commands share: where the database lives, the local clock, WHEN words.
#include <optional>
#include <string>

#include "cli/context.hpp"
#include "model/calendar.hpp"
#include "model/history.hpp"

namespace mp::cli {

/// --history, else $XDG_STATE_HOME/massage-plan/history.db, else
/// ~/.local/state/massage-plan/history.db. Throws Error(kCantCreate) when neither is set.
std::string history_path(const Context& ctx);

/// Today in local time (the TZ of the process).
model::Date local_today();
/// Minutes after local midnight now.
int local_minute_now();
/// Now (or SOURCE_DATE_EPOCH when set) as "YYYY-MM-DDTHH:MM:SS" local time, for recorded_at.
std::string local_timestamp();

/// A day or a moment on it, as `done`/`skip` take it.
struct When {
  model::Date date;
  std::optional<int> minute;  ///< set for a moment (YYYY-MM-DDTHH:MM or the default, now)
};
/// today, yesterday, YYYY-MM-DD (a day) or YYYY-MM-DDTHH:MM (a moment); none means now.
/// Throws Error(kUsage) naming the word otherwise.
When parse_when(const std::optional<std::string>& text);
/// today, yesterday or YYYY-MM-DD for flag; throws Error(kUsage) otherwise.
model::Date parse_day(std::string_view flag, const std::string& text);

/// Every technique's goal weights, for effective minutes.
model::GoalWeights goal_weights(const model::Library& library);

/// Throws Error(kDataErr) with a did-you-mean hint unless library knows technique id.
void check_technique(const model::Library& library, const std::string& id);

}  // namespace mp::cli
