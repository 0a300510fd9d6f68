// read_plan_json: a plan written by `plan --format json` reads back whole, and every problem in
// a hand-edited one is located with its exact message.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "builtin/builtin.hpp"
#include "export/export.hpp"
#include "library/loader.hpp"
#include "library/plan_reader.hpp"
#include "model/error.hpp"
#include "model/plan.hpp"

namespace m = mp::model;
namespace lib = mp::library;

namespace {

const m::Library& builtin() {
  static const m::Library library = mp::builtin::load();
  return library;
}

// A small valid plan with one line to vary: {day} is the one day's object.
std::string plan_json(const std::string& day, const std::string& profile = "{}") {
  return R"({
  "schema": "massage-plan/plan@1",
  "start": "2026-11-30",
  "days": 1,
  "profile": )" +
         profile + R"(,
  "score": {"total": 0.5, "goals": {"stress-reduction": {"weekly": 0.4, "daily": 0.6, "score": 0.5}}},
  "plan": [
    )" + day +
         R"(
  ],
  "warnings": ["a warning"],
  "excluded": [{"technique": "chin-tuck", "reason": "not needed"}]
})";
}

const char* kGoodDay =
    R"({"date": "2026-11-30", "weekday": "mon", "sessions": [{"start": "23:50", "end": "00:05", "kind": "self", "items": [{"technique": "slow-breathing", "minutes": 15, "score_share": 0.5}]}]})";

std::vector<std::string> problems(const std::string& text) {
  std::vector<std::string> out;
  try {
    (void)lib::read_plan_json(text, "p.json", builtin());
  } catch (const mp::DiagnosticError& e) {
    for (const auto& d : e.diagnostics()) out.push_back(mp::format_diagnostic(d));
  }
  return out;
}

}  // namespace

TEST_CASE("plan reader: a valid plan reads back every field") {
  auto plan = lib::read_plan_json(plan_json(kGoodDay), "p.json", builtin());
  CHECK(m::format_date(plan.start) == "2026-11-30");
  CHECK(plan.days == 1);
  CHECK(plan.score.total == 0.5);
  REQUIRE(plan.score.goals.count("stress-reduction") == 1);
  CHECK(plan.score.goals.at("stress-reduction").weekly == 0.4);
  CHECK(plan.score.goals.at("stress-reduction").daily == 0.6);
  REQUIRE(plan.plan.size() == 1);
  CHECK(plan.plan[0].weekday == 0);
  REQUIRE(plan.plan[0].sessions.size() == 1);
  const auto& s = plan.plan[0].sessions[0];
  CHECK(s.start_minute == 23 * 60 + 50);
  CHECK(s.end_minute == 24 * 60 + 5);  // an end before the start ran past midnight
  CHECK(s.kind == m::SessionKind::kSelf);
  REQUIRE(s.items.size() == 1);
  CHECK(s.items[0].technique == "slow-breathing");
  CHECK(s.items[0].minutes == 15);
  CHECK(s.items[0].score_share == 0.5);
  CHECK(plan.warnings == std::vector<std::string>{"a warning"});
  REQUIRE(plan.excluded.size() == 1);
  CHECK(plan.excluded[0].reason == "not needed");
}

TEST_CASE("plan reader: what the JSON writer writes, the reader reads back") {
  m::Plan plan;
  plan.start = *m::parse_date("2026-03-02");
  plan.days = 2;
  plan.profile.goals = {m::GoalPriority{"stress-reduction", 3, {}}};
  plan.profile.sessions = {m::SessionSlot{8 * 60, 20, {}}};
  plan.profile.conditions = {"pregnancy"};
  for (int d = 0; d < 2; ++d) {
    m::PlanDay day;
    day.date = m::add_days(plan.start, d);
    day.weekday = m::weekday_of(day.date);
    m::PlannedSession s;
    s.start_minute = 8 * 60;
    s.end_minute = 8 * 60 + 10;
    s.items = {m::PlanItem{"slow-breathing", 10, 0.25}};
    day.sessions.push_back(s);
    plan.plan.push_back(day);
  }
  plan.score.total = 0.25;
  plan.score.goals["stress-reduction"] = m::GoalScore{0.2, 0.3, 0.25};
  plan.held_back = {m::HeldBack{"slow-breathing", "stress-reduction", 0.34, {1}}};
  std::ostringstream json;
  mp::exporter::write_plan(json, mp::exporter::Format::kJson, plan, builtin(), {});

  auto back = lib::read_plan_json(json.str(), "p.json", builtin());
  CHECK(back.start == plan.start);
  CHECK(back.days == 2);
  REQUIRE(back.profile.goals.size() == 1);
  CHECK(back.profile.goals[0].priority == 3);
  REQUIRE(back.profile.sessions.size() == 1);
  CHECK(back.profile.sessions[0].start_minute == 8 * 60);
  CHECK(back.profile.sessions[0].minutes == 20);
  CHECK(back.profile.conditions == std::vector<std::string>{"pregnancy"});
  REQUIRE(back.plan.size() == 2);
  CHECK(back.plan[1].weekday == 1);
  CHECK(back.plan[1].sessions.at(0).items.at(0).technique == "slow-breathing");
  CHECK(back.score.total == plan.score.total);
  CHECK(back.score.goals.at("stress-reduction").daily == 0.3);
  REQUIRE(back.held_back.size() == 1);
  CHECK(back.held_back[0].technique == "slow-breathing");
  CHECK(back.held_back[0].goal == "stress-reduction");
  CHECK(back.held_back[0].share_cap == 0.34);
  CHECK(back.held_back[0].weeks == std::vector<int>{1});
}

TEST_CASE("plan reader: problems are located, with the same words as everywhere else") {
  SUBCASE("another schema") {
    std::string text = plan_json(kGoodDay);
    text.replace(text.find("plan@1"), 6, "plan@2");
    CHECK(problems(text) ==
          std::vector<std::string>{"p.json:2:13: error: schema 'massage-plan/plan@2' is not "
                                   "massage-plan/plan@1"});
  }
  SUBCASE("a time of day is worded as in a profile") {
    std::string day = kGoodDay;
    day.replace(day.find("23:50"), 5, "7:30");
    CHECK(problems(plan_json(day)) ==
          std::vector<std::string>{"p.json:8:69: error: start '7:30' is not a time of day: "
                                   "use HH:MM, 00:00 to 23:59"});
  }
  SUBCASE("a weekday word, and a weekday that is not the date's") {
    std::string day = kGoodDay;
    day.replace(day.find("\"mon\""), 5, "\"tue\"");
    CHECK(problems(plan_json(day)) ==
          std::vector<std::string>{"p.json:8:39: error: 2026-11-30 is not a tue"});
    day.replace(day.find("\"tue\""), 5, "\"mo\"");  // "Mon" and "monday" are weekdays too
    CHECK(problems(plan_json(day)) ==
          std::vector<std::string>{"p.json:8:39: error: unknown weekday 'mo'\n"
                                   "  hint: did you mean 'mon'?"});
  }
  SUBCASE("a technique the library does not know, with a did-you-mean") {
    std::string day = kGoodDay;
    day.replace(day.find("slow-breathing"), 14, "slow-breathin");
    CHECK(problems(plan_json(day)) ==
          std::vector<std::string>{"p.json:8:134: error: unknown technique 'slow-breathin'\n"
                                   "  hint: did you mean 'slow-breathing'?"});
  }
  SUBCASE("the embedded profile keeps the profile rules") {
    CHECK(problems(plan_json(kGoodDay,
                             R"({"sessions": [{"time": "07:00", "minutes": 30},
                 {"time": "07:15", "minutes": 10}]})")) ==
          std::vector<std::string>{
              "p.json:6:18: error: session at 07:15 overlaps the session at 07:00"});
  }
  SUBCASE("a held-back week outside the plan's weeks") {
    std::string text = plan_json(kGoodDay);
    text.replace(text.find("\"excluded\""), 0,
                 R"("held_back": [{"technique": "slow-breathing", "goal": "stress-reduction", )"
                 R"("share_cap": 0.34, "weeks": [2]}],)"
                 "\n  ");
    CHECK(problems(text) ==
          std::vector<std::string>{"p.json:11:106: error: week must be between 1 and 1, not 2"});
  }
  SUBCASE("not one JSON document") {
    CHECK(problems("") ==
          std::vector<std::string>{"p.json:1:1: error: expected one JSON plan document"});
  }
  SUBCASE("a missing key names the mapping that lacks it") {
    std::string text = plan_json(kGoodDay);
    text.replace(text.find("\"days\": 1,"), 10, "");
    CHECK(problems(text) == std::vector<std::string>{
                                "p.json:1:1: error: plan document is missing required key 'days'"});
  }
}

TEST_CASE("plan reader: a session's state (v3 agenda) reads back; an unknown one is an error") {
  std::string day = kGoodDay;
  day.replace(day.find("\"kind\""), 6, "\"state\": \"done\", \"kind\"");
  auto plan = lib::read_plan_json(plan_json(day), "p.json", builtin());
  CHECK(plan.plan.front().sessions.front().state == m::SessionState::kDone);
  CHECK_FALSE(lib::read_plan_json(plan_json(kGoodDay), "p.json", builtin())
                  .plan.front()
                  .sessions.front()
                  .state.has_value());
  day.replace(day.find("\"done\""), 6, "\"finished\"");
  CHECK(problems(plan_json(day)) ==
        std::vector<std::string>{"p.json:8:103: error: unknown session state 'finished'\n"
                                 "  hint: use one of: open, done, skipped, paused"});
}
