#pragma once
#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace mp::model {

/// A civil date (proleptic Gregorian), as C++20 chrono spells it.
using Date = std::chrono::year_month_day;

/// Weekday index 0 = Monday … 6 = Sunday.
using WeekdayIndex = int;
/// Which weekdays are switched on, indexed Monday = 0.
using WeekdaySet = std::array<bool, 7>;
inline constexpr WeekdaySet kAllWeekdays{true, true, true, true, true, true, true};
/// The profile words for weekdays, Monday first.
inline constexpr std::array<std::string_view, 7> kWeekdayNames{"mon", "tue", "wed", "thu",
                                                               "fri", "sat", "sun"};

/// "YYYY-MM-DD" → a valid date, or nullopt (2026-02-30 is not a date).
std::optional<Date> parse_date(std::string_view text);
/// A date as "YYYY-MM-DD".
std::string format_date(Date d);
/// The date n days after d.
Date add_days(Date d, int n);
/// Monday = 0 … Sunday = 6.
WeekdayIndex weekday_of(Date d);
/// "HH:MM" (00:00 … 23:59) → minutes after midnight, or nullopt.
std::optional<int> parse_time(std::string_view text);
/// Minutes after midnight as "HH:MM" (values ≥ 1440 wrap to the next day's clock).
std::string format_time(int minute_of_day);
/// "mon" … "sun" → index, or nullopt.
std::optional<WeekdayIndex> parse_weekday(std::string_view word);

}  // namespace mp::model
