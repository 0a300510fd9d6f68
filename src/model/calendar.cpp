#include "model/calendar.hpp"

#include <cstdio>

namespace mp::model {
namespace {
std::optional<int> digits(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}
}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = digits(text.substr(0, 4));
  auto m = digits(text.substr(5, 2));
  auto d = digits(text.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  Date date{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
            std::chrono::day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string format_date(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

Date add_days(Date d, int n) { return Date{std::chrono::sys_days{d} + std::chrono::days{n}}; }

WeekdayIndex weekday_of(Date d) {
  // iso_encoding: Monday = 1 … Sunday = 7.
  return static_cast<int>(std::chrono::weekday{std::chrono::sys_days{d}}.iso_encoding()) - 1;
}

std::optional<int> parse_time(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  auto h = digits(text.substr(0, 2));
  auto m = digits(text.substr(3, 2));
  if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
  return *h * 60 + *m;
}

std::string format_time(int minute_of_day) {
  char buf[8];
  int m = ((minute_of_day % 1440) + 1440) % 1440;
  std::snprintf(buf, sizeof buf, "%02d:%02d", m / 60, m % 60);
  return buf;
}

std::optional<WeekdayIndex> parse_weekday(std::string_view word) {
  for (int i = 0; i < 7; ++i)
    if (kWeekdayNames[static_cast<std::size_t>(i)] == word) return i;
  return std::nullopt;
}

}  // namespace mp::model
