// model::check_profile: the one check of a whole profile, for files and flags alike, with each
// problem located where the offending part was read.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/error.hpp"
#include "model/profile.hpp"
#include "model/profile_rules.hpp"

namespace m = mp::model;

namespace {

std::vector<std::string> rendered(const m::Profile& p) {
  std::vector<std::string> out;
  for (const auto& d : m::check_profile(p)) out.push_back(mp::format_diagnostic(d));
  return out;
}

m::SessionSlot session(int start, int minutes, int line = 0) {
  m::SessionSlot s;
  s.start_minute = start;
  s.minutes = minutes;
  if (line > 0) s.where = mp::SourceLocation{"p.yaml", line, 5};
  return s;
}

}  // namespace

TEST_CASE("profile rules: the default profile keeps every rule") {
  CHECK(rendered(m::Profile{}).empty());
}

TEST_CASE("profile rules: sessions may not overlap, each reported at the later one") {
  m::Profile p;
  p.sessions = {session(450, 30, 2), session(465, 10, 3), session(600, 10, 4)};
  CHECK(rendered(p) == std::vector<std::string>{
                           "p.yaml:3:5: error: session at 07:45 overlaps the session at 07:30"});
  SUBCASE("touching sessions do not overlap") {
    p.sessions = {session(450, 30), session(480, 10)};
    CHECK(rendered(p).empty());
  }
}

TEST_CASE("profile rules: a session ends by midnight and is not compared any further") {
  m::Profile p;
  p.sessions = {session(23 * 60 + 50, 20, 4), session(23 * 60 + 55, 5, 5)};
  CHECK(rendered(p) ==
        std::vector<std::string>{
            "p.yaml:4:5: error: session at 23:50 for 20 minutes runs past midnight"});
  p.sessions = {session(23 * 60 + 50, 10)};
  CHECK(rendered(p).empty());  // ends exactly at midnight
}

TEST_CASE("profile rules: a problem set by a flag has no file and says who is speaking") {
  m::Profile p;
  p.sessions = {session(420, 30), session(435, 10)};
  CHECK(rendered(p) == std::vector<std::string>{
                           "massage-plan: error: session at 07:15 overlaps the session at 07:00"});
}

TEST_CASE("profile rules: whole-profile problems are located at the profile") {
  m::Profile p;
  p.where = mp::SourceLocation{"p.yaml", 1, 1};
  p.sessions.clear();
  p.weekdays = {};
  CHECK(rendered(p) ==
        std::vector<std::string>{"p.yaml:1:1: error: weekdays must name at least one day",
                                 "p.yaml:1:1: error: sessions must list at least one session"});
  SUBCASE("at most 24 sessions a day") {
    p.weekdays = m::kAllWeekdays;
    for (int i = 0; i < 25; ++i) p.sessions.push_back(session(i * 50, 10));
    CHECK(rendered(p) ==
          std::vector<std::string>{"p.yaml:1:1: error: more than 24 sessions a day"});
  }
}

TEST_CASE("profile rules: values out of range are refused even when no reader checked them") {
  m::Profile p;
  p.goals = {m::GoalPriority{"calm", 6, mp::SourceLocation{"p.yaml", 2, 5}}};
  p.sessions = {session(450, 0, 3)};
  CHECK(rendered(p) == std::vector<std::string>{
                           "p.yaml:2:5: error: goal 'calm' has priority 6: use 1 to 5",
                           "p.yaml:3:5: error: session at 07:30 lasts 0 minutes: use 1 to 480"});
}

TEST_CASE("profile rules: professional sessions fit a day, a week and some weekday") {
  m::Profile p;
  p.professional = m::Professional{};
  p.professional->where = mp::SourceLocation{"p.yaml", 6, 3};
  CHECK(rendered(p).empty());
  SUBCASE("past midnight") {
    p.professional->start_minute = 23 * 60 + 30;
    CHECK(rendered(p) ==
          std::vector<std::string>{"p.yaml:6:3: error: professional session at 23:30 for 60 "
                                   "minutes runs past midnight"});
  }
  SUBCASE("counts, lengths and days") {
    p.professional->sessions_per_week = 8;
    p.professional->minutes = 241;
    p.professional->weekdays = {};
    CHECK(rendered(p) ==
          std::vector<std::string>{
              "p.yaml:6:3: error: 8 professional sessions a week: use 0 to 7",
              "p.yaml:6:3: error: professional sessions of 241 minutes: use 1 to 240",
              "p.yaml:6:3: error: professional weekdays must name at least one day"});
  }
}
