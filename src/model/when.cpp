#include "model/when.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "model/suggest.hpp"

namespace mp::model {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

constexpr std::string_view kDayHint =
    "use YYYY-MM-DD, today, yesterday, tomorrow or a weekday such as mon or monday";
constexpr std::string_view kClockHint = "use HH:MM, such as 07:30 or 21:00";

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Digits in the YYYY-MM-DD places: a date whose parts may be out of range.
bool date_shaped(std::string_view t) {
  return t.size() == 10 && t[4] == '-' && t[7] == '-' && all_digits(t.substr(0, 4)) &&
         all_digits(t.substr(5, 2)) && all_digits(t.substr(8, 2));
}

Parsed<Date> read_date_digits(std::string_view t) {
  Parsed<Date> out;
  const int y = to_int(t.substr(0, 4));
  const int m = to_int(t.substr(5, 2));
  const int d = to_int(t.substr(8, 2));
  const std::string text(t);
  if (m < 1 || m > 12) {
    out.problem = fmt::format("{}: months go from 01 to 12", text);
    return out;
  }
  const auto ym = std::chrono::year{y} / std::chrono::month{static_cast<unsigned>(m)};
  const auto last = static_cast<int>(static_cast<unsigned>((ym / std::chrono::last).day()));
  if (d < 1) {
    out.problem = fmt::format("{}: days start at 01", text);
  } else if (d > last) {
    const auto name = kMonthNames[static_cast<std::size_t>(m - 1)];
    out.problem = m == 2 ? fmt::format("{}: February has {} days in {}", text, last, y)
                         : fmt::format("{}: {} has {} days", text, name, last);
  } else {
    out.value = ym / std::chrono::day{static_cast<unsigned>(d)};
  }
  return out;
}

std::optional<Date> relative_word(const std::string& word, Date today) {
  if (word == "today") return today;
  if (word == "yesterday") return add_days(today, -1);
  if (word == "tomorrow") return add_days(today, 1);
  return std::nullopt;
}

std::vector<std::string> day_words() {
  std::vector<std::string> words{"today", "yesterday", "tomorrow"};
  for (auto w : kWeekdayNames) words.emplace_back(w);
  for (auto w : kWeekdayFullNames) words.emplace_back(w);
  return words;
}

}  // namespace

Parsed<Date> read_day(std::string_view text, Date today, WeekdayWay way) {
  const auto t = trim(text);
  if (date_shaped(t)) return read_date_digits(t);
  Parsed<Date> out;
  const std::string word = lower(t);
  if (auto d = relative_word(word, today)) {
    out.value = *d;
    return out;
  }
  if (auto wd = parse_weekday(word)) {
    const int from = weekday_of(today);
    const int ahead = ((*wd - from) % 7 + 7) % 7;  // 0 … 6 days to the next one
    out.value = way == WeekdayWay::kNext ? add_days(today, ahead)
                                         : add_days(today, ahead == 0 ? 0 : ahead - 7);
    return out;
  }
  out.problem = fmt::format("'{}' is not a day", std::string(t));
  out.hint = did_you_mean(word, day_words());
  if (out.hint.empty()) out.hint = std::string(kDayHint);
  return out;
}

Parsed<int> read_clock(std::string_view text) {
  const auto t = trim(text);
  Parsed<int> out;
  const auto colon = t.find(':');
  const bool shaped = colon != std::string_view::npos && (colon == 1 || colon == 2) &&
                      t.size() == colon + 3 && all_digits(t.substr(0, colon)) &&
                      all_digits(t.substr(colon + 1));
  if (!shaped) {
    out.problem = fmt::format("'{}' is not a time of day", std::string(t));
    out.hint = std::string(kClockHint);
    return out;
  }
  const int h = to_int(t.substr(0, colon));
  const int m = to_int(t.substr(colon + 1));
  if (h > 23)
    out.problem = fmt::format("{}: hours go to 23", std::string(t));
  else if (m > 59)
    out.problem = fmt::format("{}: minutes go to 59", std::string(t));
  else
    out.value = h * 60 + m;
  return out;
}

Parsed<When> read_when(std::string_view text, Date today, WeekdayWay way) {
  const auto t = trim(text);
  Parsed<When> out;
  // Where a day and a time meet: "DAY HH:MM" or "YYYY-MM-DDTHH:MM"; a bare "HH:MM" is today.
  std::string_view day_part = t;
  std::optional<std::string_view> clock_part;
  if (auto space = t.find(' '); space != std::string_view::npos) {
    day_part = trim(t.substr(0, space));
    clock_part = trim(t.substr(space + 1));
  } else if (t.size() > 11 && t[10] == 'T' && date_shaped(t.substr(0, 10))) {
    day_part = t.substr(0, 10);
    clock_part = t.substr(11);
  } else if (t.find(':') != std::string_view::npos) {
    auto clock = read_clock(t);
    if (clock.value) out.value = When{today, *clock.value};
    out.problem = std::move(clock.problem);
    out.hint = std::move(clock.hint);
    return out;
  }
  auto day = read_day(day_part, today, way);
  if (!day.value) {
    out.problem = std::move(day.problem);
    out.hint = std::move(day.hint);
    return out;
  }
  if (!clock_part) {
    out.value = When{*day.value, std::nullopt};
    return out;
  }
  auto clock = read_clock(*clock_part);
  if (!clock.value) {
    out.problem = std::move(clock.problem);
    out.hint = std::move(clock.hint);
    return out;
  }
  out.value = When{*day.value, *clock.value};
  return out;
}

bool is_future(const When& when, Date today, int now_minute) {
  if (when.date != today) return when.date > today;
  return when.minute && *when.minute > now_minute;
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> words;
  if (trim(text).empty()) return words;
  for (std::size_t from = 0;;) {
    const auto comma = std::min(text.find(',', from), text.size());
    words.emplace_back(trim(text.substr(from, comma - from)));
    if (comma == text.size()) break;
    from = comma + 1;
  }
  return words;
}

std::string format_when(const When& when) {
  return when.minute ? format_date(when.date) + " " + format_time(*when.minute)
                     : format_date(when.date);
}

}  // namespace mp::model
