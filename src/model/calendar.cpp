#include "model/calendar.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "model/suggest.hpp"
#include "model/when.hpp"

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

int iso_week(Date d) {
  // The week belongs to the year of its Thursday; count weeks from that year's 1 January.
  const Date thursday = add_days(d, 3 - weekday_of(d));
  const Date jan1{thursday.year(), std::chrono::January, std::chrono::day{1}};
  const auto ordinal = (std::chrono::sys_days{thursday} - std::chrono::sys_days{jan1}).count();
  return static_cast<int>(ordinal / 7) + 1;
}

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

// Any case, short or in full (kWeekdayFullNames, model/when.hpp): what people type.
std::optional<WeekdayIndex> parse_weekday(std::string_view word) {
  std::string low(word);
  for (auto& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::size_t i = 0; i < 7; ++i)
    if (kWeekdayNames[i] == low || kWeekdayFullNames[i] == low) return static_cast<int>(i);
  return std::nullopt;
}

Parsed<int> read_time_of_day(std::string_view what, std::string_view text) {
  Parsed<int> out;
  out.value = parse_time(text);
  if (!out.value)
    out.problem = std::string(what) + " '" + std::string(text) +
                  "' is not a time of day: use HH:MM, 00:00 to 23:59";
  return out;
}

Parsed<WeekdayIndex> read_weekday(std::string_view word) {
  Parsed<WeekdayIndex> out;
  out.value = parse_weekday(word);
  if (out.value) return out;
  out.problem = "unknown weekday '" + std::string(word) + "'";
  std::vector<std::string> names(kWeekdayNames.begin(), kWeekdayNames.end());
  out.hint = did_you_mean(word, names);
  if (out.hint.empty()) {
    out.hint = "use one of: ";
    for (std::size_t i = 0; i < names.size(); ++i) out.hint += (i ? ", " : "") + names[i];
  }
  return out;
}

WeekdaySet read_weekday_list(std::string_view what, const std::vector<std::string>& words,
                             std::vector<WeekdayListProblem>& problems) {
  WeekdaySet set{};
  bool all_known = true;
  for (std::size_t i = 0; i < words.size(); ++i) {
    auto day = read_weekday(words[i]);
    if (!day.value) {
      problems.push_back(WeekdayListProblem{i, std::move(day.problem), std::move(day.hint)});
      all_known = false;
      continue;
    }
    auto& on = set[static_cast<std::size_t>(*day.value)];
    if (on)
      problems.push_back(WeekdayListProblem{i, "weekday '" + words[i] + "' is listed twice", {}});
    on = true;
  }
  if (all_known && std::none_of(set.begin(), set.end(), [](bool b) { return b; }))
    problems.push_back(WeekdayListProblem{
        WeekdayListProblem::kWholeList, std::string(what) + " must name at least one day", {}});
  return set;
}

}  // namespace mp::model
