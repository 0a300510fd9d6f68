#pragma once
// What people type for a day or a moment (SPEC §5 "Input people type"): pure functions that take
// "today" (and, for the future test, "now") as arguments, so no clock is read here.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/calendar.hpp"

namespace mp::model {

/// The weekdays in full, Monday first; parse_weekday (model/calendar.hpp) takes these as well as
/// kWeekdayNames, in any case ("Mon", "MONDAY").
inline constexpr std::array<std::string_view, 7> kWeekdayFullNames{
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

/// Which way a weekday word points from today. Today itself counts either way: on a Monday,
/// `--start monday` is today and `done monday` is today.
enum class WeekdayWay {
  kNext,  ///< the next one, for planning (`plan --start mon`)
  kLast,  ///< the last one, for marking (`done mon`)
};

/// A day, or a moment on it.
struct When {
  Date date;
  std::optional<int> minute;  ///< minutes after midnight, set for a moment
  friend bool operator==(const When&, const When&) = default;
};

/// DAY: `YYYY-MM-DD`, `today`, `yesterday`, `tomorrow` or a weekday (`mon` or `monday`, any case).
/// Problems say what is wrong with the value: "2026-11-31: November has 30 days",
/// "2026-13-01: months go from 01 to 12", "'someday' is not a day" (with a hint).
Parsed<Date> read_day(std::string_view text, Date today, WeekdayWay way);

/// A clock time `H:MM` or `HH:MM` → minutes after midnight. Problems: "25:00: hours go to 23",
/// "07:60: minutes go to 59", "'7h30' is not a time of day" (with a hint).
Parsed<int> read_clock(std::string_view text);

/// A day or a moment: `DAY`, `DAY HH:MM`, `DAYTHH:MM` or `HH:MM` (today at that time). Spaces
/// around the text are ignored.
Parsed<When> read_when(std::string_view text, Date today, WeekdayWay way);

/// True when when lies after now: a day after today, or a moment later than now_minute today.
bool is_future(const When& when, Date today, int now_minute);

/// "mon, tue,wed" → {"mon", "tue", "wed"}: split at commas, spaces around each word removed.
/// An empty text is no words; an empty word between two commas stays (as "").
std::vector<std::string> split_list(std::string_view text);

/// "2026-11-09 07:30" for a moment, "2026-11-09" for a day.
std::string format_when(const When& when);

}  // namespace mp::model
