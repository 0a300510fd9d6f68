// What people type for a day or a moment (model/when.hpp): the words, the weekday rules and the
// exact problems, with "today" given as an argument so every case is fixed.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <vector>

#include "model/when.hpp"

namespace m = mp::model;

namespace {
// 2026-11-11 is a Wednesday.
const m::Date kWednesday = *m::parse_date("2026-11-11");

m::Date day(const char* text, m::WeekdayWay way = m::WeekdayWay::kLast) {
  auto d = m::read_day(text, kWednesday, way);
  REQUIRE_MESSAGE(d.value.has_value(), d.problem);
  return *d.value;
}

std::string day_problem(const char* text) {
  auto d = m::read_day(text, kWednesday, m::WeekdayWay::kLast);
  CHECK_FALSE(d.value.has_value());
  return d.problem;
}

m::When when(const char* text) {
  auto w = m::read_when(text, kWednesday, m::WeekdayWay::kLast);
  REQUIRE_MESSAGE(w.value.has_value(), w.problem);
  return *w.value;
}

std::string when_problem(const char* text) {
  auto w = m::read_when(text, kWednesday, m::WeekdayWay::kLast);
  CHECK_FALSE(w.value.has_value());
  return w.problem;
}
}  // namespace

TEST_CASE("when: today, yesterday and tomorrow count from the today given") {
  CHECK(m::format_date(day("today")) == "2026-11-11");
  CHECK(m::format_date(day("yesterday")) == "2026-11-10");
  CHECK(m::format_date(day("tomorrow")) == "2026-11-12");
  CHECK(m::format_date(day("Today")) == "2026-11-11");
  CHECK(m::format_date(day("2026-02-28")) == "2026-02-28");
  // Across a month and a year.
  auto d = m::read_day("tomorrow", *m::parse_date("2026-12-31"), m::WeekdayWay::kNext);
  CHECK(m::format_date(*d.value) == "2027-01-01");
}

TEST_CASE("when: a weekday is the last one for marking and the next one for planning") {
  using W = m::WeekdayWay;
  CHECK(m::format_date(day("mon", W::kLast)) == "2026-11-09");
  CHECK(m::format_date(day("mon", W::kNext)) == "2026-11-16");
  CHECK(m::format_date(day("thu", W::kLast)) == "2026-11-05");
  CHECK(m::format_date(day("thu", W::kNext)) == "2026-11-12");
  SUBCASE("today's own weekday is today, either way") {
    CHECK(m::format_date(day("wed", W::kLast)) == "2026-11-11");
    CHECK(m::format_date(day("wed", W::kNext)) == "2026-11-11");
  }
  SUBCASE("in full and in any case") {
    for (const char* word : {"Mon", "MON", "monday", "Monday", "MONDAY", "mOnDaY"}) {
      CAPTURE(word);
      CHECK(m::format_date(day(word, W::kNext)) == "2026-11-16");
    }
    CHECK(m::format_date(day("Sunday", W::kLast)) == "2026-11-08");
  }
}

TEST_CASE("when: a wrong date says what is wrong with it") {
  CHECK(day_problem("2026-11-31") == "2026-11-31: November has 30 days");
  CHECK(day_problem("2026-04-31") == "2026-04-31: April has 30 days");
  CHECK(day_problem("2026-02-29") == "2026-02-29: February has 28 days in 2026");
  CHECK(m::format_date(day("2028-02-29")) == "2028-02-29");  // a leap year
  CHECK(day_problem("2026-13-01") == "2026-13-01: months go from 01 to 12");
  CHECK(day_problem("2026-00-10") == "2026-00-10: months go from 01 to 12");
  CHECK(day_problem("2026-11-00") == "2026-11-00: days start at 01");
  SUBCASE("a word that is not a day gets a did-you-mean, or the forms") {
    auto typo = m::read_day("tomorow", kWednesday, m::WeekdayWay::kNext);
    CHECK(typo.problem == "'tomorow' is not a day");
    CHECK(typo.hint == "did you mean 'tomorrow'?");
    auto far = m::read_day("someday", kWednesday, m::WeekdayWay::kNext);
    CHECK(far.problem == "'someday' is not a day");
    CHECK(far.hint ==
          "use YYYY-MM-DD, today, yesterday, tomorrow or a weekday such as mon or "
          "monday");
    for (const char* bad : {"", "2026-1-5", "2026/11/11", "11-11-2026", "mo", "2026-11-11x"}) {
      CAPTURE(bad);
      CHECK(day_problem(bad) == fmt::format("'{}' is not a day", bad));
    }
  }
}

TEST_CASE("when: a clock time has one or two digits of hours and two of minutes") {
  CHECK(m::read_clock("7:30").value == 7 * 60 + 30);
  CHECK(m::read_clock("07:30").value == 7 * 60 + 30);
  CHECK(m::read_clock("0:00").value == 0);
  CHECK(m::read_clock("23:59").value == 23 * 60 + 59);
  CHECK(m::read_clock("25:00").problem == "25:00: hours go to 23");
  CHECK(m::read_clock("24:00").problem == "24:00: hours go to 23");
  CHECK(m::read_clock("07:60").problem == "07:60: minutes go to 59");
  for (const char* bad : {"7h30", "730", "7:3", "123:00", ":30", "7:300", "-1:00", "7:3a"}) {
    CAPTURE(bad);
    auto c = m::read_clock(bad);
    CHECK_FALSE(c.value.has_value());
    CHECK(c.problem == fmt::format("'{}' is not a time of day", bad));
    CHECK(c.hint == "use HH:MM, such as 07:30 or 21:00");
  }
}

TEST_CASE("when: a moment is DAY HH:MM, DAYTHH:MM or HH:MM today; a day alone has no minute") {
  CHECK(when("2026-11-09T07:40") == m::When{*m::parse_date("2026-11-09"), 7 * 60 + 40});
  CHECK(when("2026-11-09 7:40") == m::When{*m::parse_date("2026-11-09"), 7 * 60 + 40});
  CHECK(when("21:00") == m::When{kWednesday, 21 * 60});
  CHECK(when("7:30") == m::When{kWednesday, 7 * 60 + 30});
  CHECK(when("yesterday 21:00") == m::When{*m::parse_date("2026-11-10"), 21 * 60});
  CHECK(when("Monday 7:30") == m::When{*m::parse_date("2026-11-09"), 7 * 60 + 30});
  CHECK(when("  today  ") == m::When{kWednesday, std::nullopt});
  CHECK(when("2026-11-09") == m::When{*m::parse_date("2026-11-09"), std::nullopt});
  CHECK(when("mon") == m::When{*m::parse_date("2026-11-09"), std::nullopt});
  SUBCASE("the problem is the part that is wrong") {
    CHECK(when_problem("2026-11-31T07:30") == "2026-11-31: November has 30 days");
    CHECK(when_problem("2026-11-30T25:00") == "25:00: hours go to 23");
    CHECK(when_problem("yesterday 25:00") == "25:00: hours go to 23");
    CHECK(when_problem("25:00") == "25:00: hours go to 23");
    CHECK(when_problem("yesteday 21:00") == "'yesteday' is not a day");
    CHECK(when_problem("2026-11-09T7h") == "'7h' is not a time of day");
  }
  CHECK(m::format_when(when("mon 7:05")) == "2026-11-09 07:05");
  CHECK(m::format_when(when("mon")) == "2026-11-09");
}

TEST_CASE("when: the future is a later day, or a later moment today") {
  const int noon = 12 * 60;
  CHECK(m::is_future(m::When{m::add_days(kWednesday, 1), std::nullopt}, kWednesday, noon));
  CHECK_FALSE(m::is_future(m::When{kWednesday, std::nullopt}, kWednesday, noon));
  CHECK_FALSE(m::is_future(m::When{kWednesday, noon}, kWednesday, noon));
  CHECK(m::is_future(m::When{kWednesday, noon + 1}, kWednesday, noon));
  CHECK_FALSE(m::is_future(m::When{m::add_days(kWednesday, -1), 23 * 60}, kWednesday, noon));
}

TEST_CASE("when: a list splits at commas and drops the spaces around each word") {
  CHECK(m::split_list("mon, tue,wed ,  fri") ==
        std::vector<std::string>{"mon", "tue", "wed", "fri"});
  CHECK(m::split_list("mon") == std::vector<std::string>{"mon"});
  CHECK(m::split_list("").empty());
  CHECK(m::split_list("  ").empty());
  CHECK(m::split_list("mon,,tue") == std::vector<std::string>{"mon", "", "tue"});
}
