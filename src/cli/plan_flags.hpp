#pragma once
// The `plan` command's flags and how they turn into a profile, apart from CLI11 so they can be
// tested as plain functions. Every problem is an mp::Error with exit status 64 (kUsage).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/context.hpp"
#include "model/calendar.hpp"
#include "model/library.hpp"
#include "model/profile.hpp"

namespace mp::cli {

/// The values of `plan`'s flags as given (SPEC §5 "plan").
struct PlanFlags {
  std::vector<std::string> goals;
  std::optional<int> minutes;
  std::string time;
  std::vector<std::string> sessions;
  std::optional<std::string> weekdays;  // set even when given empty, so "" is refused
  std::string start = "today";
  std::optional<int> days;
  std::optional<int> weeks;
  std::vector<std::string> conditions;
  std::vector<std::string> equipment;
  std::optional<int> pro;
  std::optional<int> pro_minutes;
  std::optional<std::string> pro_weekdays;
  std::string pro_time;
  std::string routine;
  std::uint64_t seed = 0;
  bool explain = false;
  std::string format = "text";
  std::string output;
  int remind = 10;
  std::string timezone;
  std::optional<std::string> variety;  ///< --variety S, checked by parse_variety_flag
  bool save = false;                   ///< --save: store the plan in the history
  bool adapt = false;                  ///< --adapt: learn weight factors from the history
  std::vector<std::string> prefer;          ///< --prefer ID (v3, repeatable)
  std::vector<std::string> avoid;           ///< --avoid ID (v3, repeatable)
  std::vector<std::string> pro_techniques;  ///< --pro-technique ID (v3, repeatable)
};

/// A time flag's "HH:MM" as minutes after midnight.
int parse_clock_flag(std::string_view flag, std::string_view text);
/// A weekday flag's comma-separated days ("mon,wed,fri", "Mon, Wednesday") as a set.
model::WeekdaySet parse_weekdays_flag(std::string_view flag, std::string_view text);
/// --session "HH:MM=MINUTES".
model::SessionSlot parse_session_flag(std::string_view text);
/// --goal "ID[:PRIORITY]".
model::GoalPriority parse_goal_flag(std::string_view text);
/// --start: a DAY (model::read_day; a weekday is the next one, today counting), years 1970
/// to 9000.
model::Date parse_start_flag(std::string_view text, model::Date today);
/// --days / --weeks as a number of days, 1 to kMaxPlanDays (computed in 64 bits).
int plan_days(const PlanFlags& flags);
/// The goals of a plan when none is given anywhere (SPEC §4 v2).
inline constexpr std::array<const char*, 3> kDefaultGoals{"tension-headache", "range-of-motion",
                                                          "stress-reduction"};

/// --variety S: the share of a goal one technique may carry in a week, 0 < S <= 1 (exit 64).
double parse_variety_flag(std::string_view text);

/// A five-year horizon at most (docs/limits.md).
inline constexpr int kMaxPlanDays = 5 * 366;

/// The profile a plan is made for: the file's profile with the flags applied over it. Flags
/// replace the file's goals, sessions, weekdays and professional fields, and add to its
/// conditions and equipment (never dropping one: a condition must keep protecting the person).
/// No goals anywhere means kDefaultGoals (every goal of a library that has none of them);
/// household equipment is added unless the profile says household: false. The result is checked
/// with model::check_profile; a problem is a usage error (exit 64).
model::Profile apply_plan_flags(model::Profile profile, const PlanFlags& flags,
                                const model::Library& library);

/// Refuses a time zone name the system's tz database does not know (exit 64), naming where it
/// was given ("--timezone" or the profile's file); an empty name is fine.
void check_timezone(const std::string& name, std::string_view origin);

}  // namespace mp::cli
