#pragma once
#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
/// The ISO 8601 week number of d, 1 … 53 (week 1 holds the year's first Thursday).
int iso_week(Date d);
/// "HH:MM" (00:00 … 23:59) → minutes after midnight, or nullopt.
std::optional<int> parse_time(std::string_view text);
/// Minutes after midnight as "HH:MM" (values ≥ 1440 wrap to the next day's clock).
std::string format_time(int minute_of_day);
/// "mon" … "sun" → index, or nullopt.
std::optional<WeekdayIndex> parse_weekday(std::string_view word);

/// A value read from text, or the problem with it in the user's words. Every reader of a time or
/// a weekday (profile files, plan JSON, command-line flags) words its problems through these, so
/// a time is refused the same way wherever it was written.
template <typename T>
struct Parsed {
  std::optional<T> value;
  std::string problem;  ///< the message when value is empty
  std::string hint;     ///< a suggestion, or empty
};

/// "HH:MM" → minutes after midnight; what names the value in the problem:
/// "time '25:00' is not a time of day: use HH:MM, 00:00 to 23:59".
Parsed<int> read_time_of_day(std::string_view what, std::string_view text);
/// One weekday word; the problem is "unknown weekday 'x'" with a did-you-mean (or the list) hint.
Parsed<WeekdayIndex> read_weekday(std::string_view word);

/// A problem with one word of a weekday list: index of the word, or kWholeList.
struct WeekdayListProblem {
  static constexpr std::size_t kWholeList = static_cast<std::size_t>(-1);
  std::size_t index;
  std::string message;
  std::string hint;
};
/// Weekday words (a YAML list's items or a flag's comma-separated words) as a set. Problems, in
/// order: unknown words, a day listed twice, and "<what> must name at least one day" for a list
/// with no day (kWholeList). The set is only meaningful when problems is empty.
WeekdaySet read_weekday_list(std::string_view what, const std::vector<std::string>& words,
                             std::vector<WeekdayListProblem>& problems);

}  // namespace mp::model
