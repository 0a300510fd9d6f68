// The one home of dates, times of day and weekdays (model/calendar.hpp): the parsers every
// reader and flag goes through, with the exact words of their problems.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/calendar.hpp"

namespace m = mp::model;

TEST_CASE("calendar: HH:MM times from 00:00 to 23:59 parse to minutes after midnight") {
  CHECK(m::parse_time("00:00") == 0);
  CHECK(m::parse_time("07:30") == 7 * 60 + 30);
  CHECK(m::parse_time("23:59") == 23 * 60 + 59);
  SUBCASE("anything else is refused") {
    for (const char* bad : {"24:00", "23:60", "7:30", "07:3", "07-30", "0730", "", " 07:30",
                            "07:30 ", "-1:00", "+1:00", "aa:bb", "07:30:00"}) {
      CAPTURE(bad);
      CHECK_FALSE(m::parse_time(bad).has_value());
    }
  }
}

TEST_CASE("calendar: a time's problem names the value and says what is allowed") {
  auto ok = m::read_time_of_day("time", "07:30");
  CHECK(ok.value == 450);
  CHECK(ok.problem.empty());
  auto bad = m::read_time_of_day("--pro-time", "25:00");
  CHECK_FALSE(bad.value.has_value());
  CHECK(bad.problem == "--pro-time '25:00' is not a time of day: use HH:MM, 00:00 to 23:59");
  CHECK(bad.hint.empty());
}

TEST_CASE("calendar: format_time wraps past midnight and pads to HH:MM") {
  CHECK(m::format_time(0) == "00:00");
  CHECK(m::format_time(7 * 60 + 5) == "07:05");
  CHECK(m::format_time(24 * 60 + 30) == "00:30");
  CHECK(m::format_time(-30) == "23:30");
}

TEST_CASE("calendar: dates are real YYYY-MM-DD days") {
  CHECK(m::parse_date("2026-01-05") ==
        m::Date{std::chrono::year{2026}, std::chrono::January, std::chrono::day{5}});
  CHECK(m::parse_date("2024-02-29").has_value());
  for (const char* bad :
       {"2026-02-29", "2026-02-30", "2026-13-01", "2026-1-05", "26-01-05", "2026/01/05", ""}) {
    CAPTURE(bad);
    CHECK_FALSE(m::parse_date(bad).has_value());
  }
  CHECK(m::format_date(*m::parse_date("2026-03-09")) == "2026-03-09");
  CHECK(m::weekday_of(*m::parse_date("2026-01-05")) == 0);  // a Monday
  CHECK(m::weekday_of(*m::parse_date("2026-01-11")) == 6);  // a Sunday
}

TEST_CASE("calendar: weekday words are mon … sun or in full, any case; others get a hint") {
  CHECK(m::read_weekday("mon").value == 0);
  CHECK(m::read_weekday("sun").value == 6);
  CHECK(m::read_weekday("Mon").value == 0);
  CHECK(m::read_weekday("tuesday").value == 1);
  CHECK(m::read_weekday("SUNDAY").value == 6);
  auto typo = m::read_weekday("tues");
  CHECK_FALSE(typo.value.has_value());
  CHECK(typo.problem == "unknown weekday 'tues'");
  CHECK(typo.hint == "did you mean 'tue'?");
  auto far = m::read_weekday("xyzzy");
  CHECK(far.problem == "unknown weekday 'xyzzy'");
  CHECK(far.hint == "use one of: mon, tue, wed, thu, fri, sat, sun");
}

TEST_CASE("calendar: a weekday list is a set; unknown, repeated and no days are problems") {
  std::vector<m::WeekdayListProblem> problems;
  SUBCASE("good days make the set") {
    auto set = m::read_weekday_list("weekdays", {"mon", "wed", "fri"}, problems);
    CHECK(problems.empty());
    CHECK(set == m::WeekdaySet{true, false, true, false, true, false, false});
  }
  SUBCASE("each bad word is named by its index, in order") {
    (void)m::read_weekday_list("weekdays", {"mon", "tues", "mon"}, problems);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].index == 1);
    CHECK(problems[0].message == "unknown weekday 'tues'");
    CHECK(problems[0].hint == "did you mean 'tue'?");
    CHECK(problems[1].index == 2);
    CHECK(problems[1].message == "weekday 'mon' is listed twice");
  }
  SUBCASE("an empty list is a problem of the whole list") {
    (void)m::read_weekday_list("--pro-weekdays", {}, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].index == m::WeekdayListProblem::kWholeList);
    CHECK(problems[0].message == "--pro-weekdays must name at least one day");
  }
  SUBCASE("a list of only unknown words is not also called empty") {
    (void)m::read_weekday_list("weekdays", {"moon"}, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "unknown weekday 'moon'");
  }
}
