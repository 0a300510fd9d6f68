// `today` and `next` in words and JSON (export/saved_plan.hpp), and the plan writers showing a
// saved session's state for `agenda`.
#include <doctest/doctest.h>

#include <sstream>

#include "export/export.hpp"
#include "export/saved_plan.hpp"
#include "test_export_fixture.hpp"

namespace e = mp::exporter;
namespace m = mp::model;

namespace {
m::Date day(const char* text) { return *m::parse_date(text); }

m::AgendaSession agenda_session(const char* date, int start, m::SessionState state,
                                std::vector<m::SavedItem> items) {
  m::AgendaSession a;
  a.session.date = day(date);
  a.session.start_minute = start;
  int minutes = 0;
  for (const auto& i : items) minutes += i.minutes;
  a.session.end_minute = start + minutes;
  a.session.items = std::move(items);
  a.state = state;
  return a;
}

const auto kEvening = agenda_session("2026-03-02", 21 * 60, m::SessionState::kOpen,
                                     {{"box-breathing", 4}, {"chin-tuck", 6}});
}  // namespace

TEST_CASE("saved plan: spans of minutes read as people say them") {
  CHECK(e::span_words(0) == "0 min");
  CHECK(e::span_words(5) == "5 min");
  CHECK(e::span_words(60) == "1 h");
  CHECK(e::span_words(135) == "2 h 15 min");
  CHECK(e::span_words(24 * 60 - 1) == "23 h 59 min");
}

TEST_CASE("saved plan: next is one line, with how long until it starts") {
  const auto lib = mp::test::export_library();
  CHECK(e::next_line(kEvening, m::When{day("2026-03-02"), 18 * 60 + 45}, lib) ==
        "21:00 Self-care 10 min: Box breathing, Chin tuck (in 2 h 15 min)");
  CHECK(e::next_line(kEvening, m::When{day("2026-03-02"), 21 * 60 + 3}, lib) ==
        "21:00 Self-care 10 min: Box breathing, Chin tuck (now, until 21:10)");
  CHECK(e::next_line(kEvening, m::When{day("2026-03-01"), 22 * 60}, lib) ==
        "tomorrow 21:00 Self-care 10 min: Box breathing, Chin tuck (in 23 h)");
  CHECK(e::next_line(kEvening, m::When{day("2026-03-01"), 20 * 60}, lib) ==
        "tomorrow 21:00 Self-care 10 min: Box breathing, Chin tuck (in 1 day)");
  CHECK(e::next_line(kEvening, m::When{day("2026-02-27"), 8 * 60}, lib) ==
        "Mon 2026-03-02 21:00 Self-care 10 min: Box breathing, Chin tuck (in 3 days)");
  SUBCASE("a technique gone from the library shows by its id") {
    auto gone = agenda_session("2026-03-02", 7 * 60, m::SessionState::kOpen, {{"old-rub", 5}});
    CHECK(e::next_line(gone, m::When{day("2026-03-02"), 6 * 60}, lib) ==
          "07:00 Self-care 5 min: old-rub (in 1 h)");
  }
}

TEST_CASE("saved plan: next as JSON carries the line, the state and the minutes to go") {
  const auto lib = mp::test::export_library();
  std::ostringstream out;
  e::write_next_json(out, kEvening, m::When{day("2026-03-02"), 20 * 60}, lib);
  const std::string json = out.str();
  CHECK(json.find("\"schema\": \"massage-plan/next@1\"") != std::string::npos);
  CHECK(json.find("\"now\": \"2026-03-02T20:00\"") != std::string::npos);
  CHECK(json.find("\"state\": \"open\"") != std::string::npos);
  CHECK(json.find("\"minutes_until_start\": 60") != std::string::npos);
  CHECK(json.find("\"in_progress\": false") != std::string::npos);
  CHECK(json.find("\"line\": \"21:00 Self-care 10 min: Box breathing, Chin tuck (in 1 h)\"") !=
        std::string::npos);
}

TEST_CASE("saved plan: today lists each session with its state") {
  const auto lib = mp::test::export_library();
  const std::vector<m::AgendaSession> sessions{
      agenda_session("2026-03-02", 7 * 60 + 30, m::SessionState::kDone, {{"chin-tuck", 5}}),
      kEvening};
  std::ostringstream out;
  e::write_today_text(out, day("2026-03-02"), sessions, std::nullopt, lib);
  CHECK(out.str() ==
        "Today, Monday 2026-03-02: 2 sessions, 1 done\n"
        "  07:30-07:35  Self-care: 5 min (1 technique)  [done]\n"
        "      5 min  Chin tuck\n"
        "  21:00-21:10  Self-care: 10 min (2 techniques)  [open]\n"
        "      4 min  Box breathing\n"
        "      6 min  Chin tuck\n");
  SUBCASE("a paused day says so, with the reason") {
    std::ostringstream paused;
    e::write_today_text(paused, day("2026-03-02"), {}, std::string("holiday"), lib);
    CHECK(paused.str() == "Today, Monday 2026-03-02: paused (holiday)\n");
  }
  SUBCASE("a day without sessions says so") {
    std::ostringstream none;
    e::write_today_text(none, day("2026-03-02"), {}, std::nullopt, lib);
    CHECK(none.str() == "Today, Monday 2026-03-02: nothing planned in the saved plan\n");
  }
  SUBCASE("as JSON") {
    std::ostringstream json;
    e::write_today_json(json, day("2026-03-02"), sessions, std::string(), lib);
    CHECK(json.str().find("\"paused\": true") != std::string::npos);
    CHECK(json.str().find("pause_reason") == std::string::npos);  // none given
    CHECK(json.str().find("\"state\": \"done\"") != std::string::npos);
  }
}

TEST_CASE("saved plan: the plan writers show a session's state only when it has one") {
  const auto lib = mp::test::export_library();
  auto plan = mp::test::export_plan();
  auto render = [&](e::Format format) {
    std::ostringstream out;
    e::ExportOptions options;
    options.dtstamp_epoch = 0;
    e::write_plan(out, format, plan, lib, options);
    return out.str();
  };
  const auto plain_text = render(e::Format::kText);
  const auto plain_ics = render(e::Format::kIcs);
  CHECK(plain_text.find("[done]") == std::string::npos);
  CHECK(render(e::Format::kCsv).find(",state\r\n") == std::string::npos);
  CHECK(render(e::Format::kJson).find("\"state\"") == std::string::npos);

  plan.plan[0].sessions[0].state = m::SessionState::kDone;
  plan.plan[0].sessions[1].state = m::SessionState::kSkipped;
  const auto text = render(e::Format::kText);
  CHECK(text.find("07:30-07:40  Self-care: 10 min (3 techniques)  [done]\n") != std::string::npos);
  CHECK(text.find("  [skipped]\n") != std::string::npos);
  const auto markdown = render(e::Format::kMarkdown);
  CHECK(markdown.find("### 07:30-07:40 Self-care: 10 min (3 techniques) (done)\n\n- [x] **Chin "
                      "tuck**") != std::string::npos);
  CHECK(markdown.find("(skipped)\n\n- [ ] **Swedish massage**") != std::string::npos);
  const auto csv = render(e::Format::kCsv);
  CHECK(csv.rfind("date,start,end,session_kind,technique,name,minutes,goals,state\r\n", 0) == 0);
  CHECK(csv.find(",done\r\n") != std::string::npos);
  CHECK(render(e::Format::kJson).find("\"state\": \"skipped\"") != std::string::npos);
  const auto html = render(e::Format::kHtml);
  CHECK(html.find("<span class=\"state state-done\">done</span>") != std::string::npos);
  CHECK(html.find("<input type=\"checkbox\" checked>") != std::string::npos);
  // A calendar's events are the plan's: the states change nothing in the ics.
  CHECK(render(e::Format::kIcs) == plain_ics);
}
