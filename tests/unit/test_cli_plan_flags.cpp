// The `plan` flags as plain functions (cli/plan_flags.hpp): each value's parser, and how the
// flags lay over a profile read from a file. Every problem is a usage error (exit 64).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "builtin/builtin.hpp"
#include "cli/plan_flags.hpp"
#include "library/loader.hpp"
#include "library/profile_reader.hpp"
#include "model/error.hpp"

namespace m = mp::model;
using mp::cli::PlanFlags;

namespace {

const m::Library& builtin() {
  static const m::Library library = mp::builtin::load();
  return library;
}

// Runs f and returns the rendered problem(s) it throws ("" when it throws nothing); the exit
// status must be 64.
template <typename F>
std::string usage_error(F f) {
  try {
    f();
  } catch (const mp::DiagnosticError& e) {
    CHECK(e.code() == mp::ExitCode::kUsage);
    std::string out;
    for (const auto& d : e.diagnostics()) out += mp::format_diagnostic(d) + "\n";
    return out;
  } catch (const mp::Error& e) {
    CHECK(e.code() == mp::ExitCode::kUsage);
    return mp::format_diagnostic(mp::Diagnostic{{}, e.what(), e.hint()}) + "\n";
  }
  return {};
}

m::Profile apply(const PlanFlags& f, m::Profile base = {}) {
  return mp::cli::apply_plan_flags(std::move(base), f, builtin());
}

}  // namespace

TEST_CASE("plan flags: --time, --session and --pro-time read HH:MM like a profile") {
  CHECK(mp::cli::parse_clock_flag("--time", "06:45") == 405);
  CHECK(usage_error([] { (void)mp::cli::parse_clock_flag("--time", "25:00"); }) ==
        "massage-plan: error: --time '25:00' is not a time of day: use HH:MM, 00:00 to 23:59\n");
  auto s = mp::cli::parse_session_flag("18:00=25");
  CHECK(s.start_minute == 18 * 60);
  CHECK(s.minutes == 25);
  CHECK(s.where == mp::SourceLocation{});
  CHECK(usage_error([] { (void)mp::cli::parse_session_flag("18:00"); }) ==
        "massage-plan: error: --session '18:00': use HH:MM=MINUTES\n");
  CHECK(usage_error([] { (void)mp::cli::parse_session_flag("18:00=0"); }) ==
        "massage-plan: error: --session '0': use whole minutes from 1 to 480\n");
  CHECK(usage_error([] { (void)mp::cli::parse_session_flag("18:00=10min"); }) ==
        "massage-plan: error: --session '10min': use whole minutes from 1 to 480\n");
}

TEST_CASE("plan flags: weekday flags are comma-separated words, none unknown or twice") {
  CHECK(mp::cli::parse_weekdays_flag("--weekdays", "mon,sun") ==
        m::WeekdaySet{true, false, false, false, false, false, true});
  // What people type: spaces after commas, capitals, days in full.
  CHECK(mp::cli::parse_weekdays_flag("--weekdays", "mon, tue") ==
        m::WeekdaySet{true, true, false, false, false, false, false});
  CHECK(mp::cli::parse_weekdays_flag("--weekdays", "Monday, WED ,friday") ==
        m::WeekdaySet{true, false, true, false, true, false, false});
  CHECK(usage_error([] { (void)mp::cli::parse_weekdays_flag("--weekdays", "mon,tues"); }) ==
        "massage-plan: error: --weekdays: unknown weekday 'tues'\n"
        "  hint: did you mean 'tue'?\n");
  CHECK(usage_error([] { (void)mp::cli::parse_weekdays_flag("--weekdays", "mon,mon"); }) ==
        "massage-plan: error: --weekdays: weekday 'mon' is listed twice\n");
  CHECK(usage_error([] { (void)mp::cli::parse_weekdays_flag("--pro-weekdays", ""); }) ==
        "massage-plan: error: --pro-weekdays must name at least one day\n");
  CHECK(usage_error([] { (void)mp::cli::parse_weekdays_flag("--weekdays", "mon,,tue"); }) ==
        "massage-plan: error: --weekdays: unknown weekday ''\n"
        "  hint: use one of: mon, tue, wed, thu, fri, sat, sun\n");
}

TEST_CASE("plan flags: --goal is ID or ID:PRIORITY with a priority from 1 to 5") {
  auto g = mp::cli::parse_goal_flag("range-of-motion:4");
  CHECK(g.id == "range-of-motion");
  CHECK(g.priority == 4);
  CHECK(mp::cli::parse_goal_flag("range-of-motion").priority == 1);
  for (const char* bad : {"range-of-motion:0", "range-of-motion:6",
                          "range-of-motion:", "range-of-motion:x", "range-of-motion:2.5"}) {
    CAPTURE(bad);
    CHECK(usage_error([&] { (void)mp::cli::parse_goal_flag(bad); }) ==
          "massage-plan: error: --goal '" + std::string(bad) +
              "': priority must be a whole number from 1 to 5\n");
  }
}

TEST_CASE("plan flags: --start is a date from 1970 to 9000, today, tomorrow or the next weekday") {
  const m::Date today = *m::parse_date("2026-12-31");  // a Thursday
  CHECK(mp::cli::parse_start_flag("today", today) == today);
  CHECK(m::format_date(mp::cli::parse_start_flag("tomorrow", today)) == "2027-01-01");
  CHECK(m::format_date(mp::cli::parse_start_flag("2026-02-28", today)) == "2026-02-28");
  CHECK(m::format_date(mp::cli::parse_start_flag("monday", today)) == "2027-01-04");
  CHECK(m::format_date(mp::cli::parse_start_flag("Mon", today)) == "2027-01-04");
  CHECK(m::format_date(mp::cli::parse_start_flag("thu", today)) == "2026-12-31");
  CHECK(usage_error([&] { (void)mp::cli::parse_start_flag("2026-02-30", today); }) ==
        "massage-plan: error: --start 2026-02-30: February has 28 days in 2026\n");
  CHECK(usage_error([&] { (void)mp::cli::parse_start_flag("someday", today); }) ==
        "massage-plan: error: --start 'someday' is not a day\n"
        "  hint: use YYYY-MM-DD, today, yesterday, tomorrow or a weekday such as mon or monday\n");
  CHECK(usage_error([&] { (void)mp::cli::parse_start_flag("1969-12-31", today); }) ==
        "massage-plan: error: --start '1969-12-31': use a year from 1970 to 9000\n");
}

TEST_CASE("plan flags: --days and --weeks give 1 to 1830 days, counted in 64 bits") {
  PlanFlags f;
  CHECK(mp::cli::plan_days(f) == 7);
  f.days = 1830;
  CHECK(mp::cli::plan_days(f) == 1830);
  f.days.reset();
  f.weeks = 3;
  CHECK(mp::cli::plan_days(f) == 21);
  f.weeks = 400'000'000;
  CHECK(usage_error([&] { (void)mp::cli::plan_days(f); }) ==
        "massage-plan: error: the plan would span 2800000000 days: use 1 to 1830 days\n");
  f.weeks.reset();
  f.days = 0;
  CHECK(usage_error([&] { (void)mp::cli::plan_days(f); }) ==
        "massage-plan: error: the plan would span 0 days: use 1 to 1830 days\n");
}

TEST_CASE("plan flags: flags replace goals and sessions, and add conditions and equipment") {
  auto file = mp::library::read_profile(
      "goals: [range-of-motion]\nsessions: [{time: \"06:00\", minutes: 20}]\n"
      "conditions: [pregnancy]\nequipment: [tennis-ball]\n",
      "p.yaml", &builtin());
  PlanFlags f;
  f.goals = {"stress-reduction:2"};
  f.minutes = 12;
  f.conditions = {"osteoporosis", "pregnancy"};
  auto p = apply(f, file);
  REQUIRE(p.goals.size() == 1);
  CHECK(p.goals[0].id == "stress-reduction");
  CHECK(p.goals[0].priority == 2);
  REQUIRE(p.sessions.size() == 1);
  CHECK(p.sessions[0].start_minute == 7 * 60 + 30);  // --minutes without --time: 07:30
  CHECK(p.sessions[0].minutes == 12);
  CHECK(p.conditions == std::vector<std::string>{"pregnancy", "osteoporosis"});
  // The file's equipment first, then the household equipment assumed (SPEC §3 v2).
  REQUIRE_FALSE(p.equipment.empty());
  CHECK(p.equipment.front() == "tennis-ball");
  for (const auto& e : builtin().equipment) {
    bool listed = std::find(p.equipment.begin(), p.equipment.end(), e.id) != p.equipment.end();
    CHECK_MESSAGE(listed == (e.household || e.id == "tennis-ball"), e.id);
  }
  SUBCASE("household: false assumes no household equipment") {
    auto bare = file;
    bare.household = false;
    CHECK(apply(f, bare).equipment == std::vector<std::string>{"tennis-ball"});
  }
  SUBCASE("no goals anywhere means the three default goals") {
    auto all = apply(PlanFlags{});
    std::vector<std::string> ids;
    for (const auto& g : all.goals) ids.push_back(g.id);
    CHECK(ids ==
          std::vector<std::string>(mp::cli::kDefaultGoals.begin(), mp::cli::kDefaultGoals.end()));
  }
  SUBCASE("a goal given twice") {
    f.goals = {"range-of-motion", "range-of-motion:3"};
    CHECK(usage_error([&] { (void)apply(f); }) ==
          "massage-plan: error: --goal 'range-of-motion' is given twice\n");
  }
}

TEST_CASE("plan flags: the profile they make is checked by the one profile check") {
  PlanFlags f;
  f.sessions = {"07:15=10", "07:00=30"};
  CHECK(usage_error([&] { (void)apply(f); }) ==
        "massage-plan: error: session at 07:15 overlaps the session at 07:00\n");
  f.sessions = {"23:50=30"};
  CHECK(usage_error([&] { (void)apply(f); }) ==
        "massage-plan: error: session at 23:50 for 30 minutes runs past midnight\n");
  f.sessions.clear();
  for (int h = 0; h < 25; ++h)  // 00:00 … 23:00 and 00:30, ten minutes each: no overlap
    f.sessions.push_back(m::format_time(h * 60 + (h == 24 ? 30 : 0)) + "=10");
  CHECK(usage_error([&] { (void)apply(f); }) ==
        "massage-plan: error: more than 24 sessions a day\n");
}

TEST_CASE("plan flags: professional flags need --pro or a professional in the profile") {
  PlanFlags f;
  f.pro_minutes = 45;
  CHECK(usage_error([&] { (void)apply(f); }) ==
        "massage-plan: error: --pro-minutes, --pro-weekdays, --pro-time and --pro-technique need "
        "professional sessions: add --pro N\n");
  f.pro = 2;
  f.pro_time = "23:30";
  CHECK(usage_error([&] { (void)apply(f); }) ==
        "massage-plan: error: professional session at 23:30 for 45 minutes runs past "
        "midnight\n");
  f.pro_time = "09:00";
  auto p = apply(f);
  REQUIRE(p.professional.has_value());
  CHECK(p.professional->sessions_per_week == 2);
  CHECK(p.professional->minutes == 45);
  CHECK(p.professional->start_minute == 9 * 60);
  f.pro = 8;
  CHECK(usage_error([&] { (void)apply(f); }) ==
        "massage-plan: error: --pro 8: use 0 to 7 sessions a week\n");
  f.pro = 0;
  f.pro_minutes.reset();
  f.pro_time.clear();
  CHECK_FALSE(apply(f).professional.has_value());
}
