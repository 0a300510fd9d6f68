// The saved plan as `agenda`, `today` and `next` see it (history/agenda.hpp): states from the
// entries, the plan the writers get, the next open session, a technique gone from the library.
#include <doctest/doctest.h>

#include <vector>

#include "history/agenda.hpp"
#include "test_export_fixture.hpp"

namespace h = mp::history;
namespace m = mp::model;

namespace {
m::Date day(const char* text) { return *m::parse_date(text); }

m::SavedSession session(long long id, const char* date, int start, int minutes,
                        const char* technique = "chin-tuck") {
  m::SavedSession s;
  s.id = id;
  s.date = day(date);
  s.start_minute = start;
  s.end_minute = start + minutes;
  s.items = {{technique, minutes}};
  return s;
}

m::Entry entry(m::EntryKind kind, const char* date) {
  m::Entry e;
  e.kind = kind;
  e.date = day(date);
  return e;
}

m::Entry mark(m::EntryKind kind, long long session, const char* date) {
  auto e = entry(kind, date);
  e.session = session;
  return e;
}

m::Entry pause(const char* from, const char* until, const char* reason) {
  auto e = entry(m::EntryKind::kPause, from);
  e.until = day(until);
  e.reason = reason;
  return e;
}

// Mon 2026-03-02 07:30 and 21:00, Tue 07:30 and 21:00, Wed 07:30.
const std::vector<m::SavedSession> kSessions{
    session(1, "2026-03-02", 7 * 60 + 30, 5), session(2, "2026-03-02", 21 * 60, 10),
    session(3, "2026-03-03", 7 * 60 + 30, 5), session(4, "2026-03-03", 21 * 60, 10),
    session(5, "2026-03-04", 7 * 60 + 30, 5)};

std::vector<m::SessionState> states(const std::vector<m::AgendaSession>& sessions) {
  std::vector<m::SessionState> out;
  for (const auto& s : sessions) out.push_back(s.state);
  return out;
}
}  // namespace

TEST_CASE("agenda: each session is done, skipped, paused or open, as the entries say") {
  using S = m::SessionState;
  auto technique_done = entry(m::EntryKind::kDone, "2026-03-03");
  technique_done.techniques = {{"chin-tuck", 5}};  // covers both of Tuesday's sessions
  const std::vector<m::Entry> entries{mark(m::EntryKind::kDone, 1, "2026-03-02"),
                                      mark(m::EntryKind::kSkip, 2, "2026-03-02"), technique_done,
                                      pause("2026-03-03", "2026-03-04", "holiday")};
  // Tuesday is paused too, but a mark wins: it was done.
  CHECK(states(h::session_states(kSessions, entries)) ==
        std::vector<S>{S::kDone, S::kSkipped, S::kDone, S::kDone, S::kPaused});
  CHECK(states(h::session_states(kSessions, {})) ==
        std::vector<S>{S::kOpen, S::kOpen, S::kOpen, S::kOpen, S::kOpen});
  SUBCASE("a check-in marks nothing") {
    CHECK(states(h::session_states(kSessions, {entry(m::EntryKind::kCheckIn, "2026-03-02")}))
              .front() == S::kOpen);
  }
}

TEST_CASE("agenda: the saved sessions become a plan of the asked days, empty days kept") {
  auto sessions = h::session_states(kSessions, {mark(m::EntryKind::kDone, 3, "2026-03-03")});
  // Shuffled input: the plan's sessions come back in day and time order.
  std::swap(sessions[2], sessions[3]);
  m::Profile profile;
  profile.goals = {{"range-of-motion", 2, {}}};
  const auto plan = h::agenda_plan(sessions, day("2026-03-03"), 4, profile);
  CHECK(plan.start == day("2026-03-03"));
  CHECK(plan.days == 4);
  REQUIRE(plan.plan.size() == 4);
  CHECK(plan.plan[0].date == day("2026-03-03"));
  CHECK(plan.plan[0].weekday == 1);            // Tuesday
  REQUIRE(plan.plan[0].sessions.size() == 2);  // Monday's are before the window
  CHECK(plan.plan[0].sessions[0].start_minute == 7 * 60 + 30);
  CHECK(plan.plan[0].sessions[0].state == m::SessionState::kDone);
  CHECK(plan.plan[0].sessions[1].state == m::SessionState::kOpen);
  CHECK(plan.plan[0].sessions[1].items.front().technique == "chin-tuck");
  CHECK(plan.plan[0].sessions[1].items.front().minutes == 10);
  CHECK(plan.plan[1].sessions.size() == 1);
  CHECK(plan.plan[2].sessions.empty());  // after the saved plan: kept, empty
  CHECK(plan.plan[3].date == day("2026-03-06"));
  CHECK(plan.profile.goals.front().priority == 2);
}

TEST_CASE("agenda: the next open session is the first that has not ended") {
  auto sessions = h::session_states(kSessions, {mark(m::EntryKind::kDone, 1, "2026-03-02")});
  auto next_at = [&](const char* date, int minute) {
    const auto* s = h::next_open(sessions, m::When{day(date), minute});
    return s == nullptr ? 0LL : s->session.id;
  };
  CHECK(next_at("2026-03-02", 6 * 60) == 2);        // 1 is done
  CHECK(next_at("2026-03-02", 21 * 60 + 5) == 2);   // in progress still counts
  CHECK(next_at("2026-03-02", 21 * 60 + 10) == 3);  // ended: tomorrow's
  CHECK(next_at("2026-03-04", 8 * 60) == 0);        // nothing left
  CHECK(next_at("2026-03-01", 23 * 60) == 2);
  SUBCASE("done, skipped and paused sessions are passed over") {
    sessions = h::session_states(kSessions, {mark(m::EntryKind::kSkip, 2, "2026-03-02"),
                                             pause("2026-03-03", "2026-03-03", "")});
    CHECK(next_at("2026-03-02", 8 * 60) == 5);
  }
}

TEST_CASE("agenda: the pause that covers a day, the latest recorded first") {
  const std::vector<m::Entry> entries{pause("2026-03-01", "2026-03-05", "holiday"),
                                      mark(m::EntryKind::kDone, 1, "2026-03-02"),
                                      pause("2026-03-03", "2026-03-03", "ill")};
  CHECK(h::pause_covering(entries, day("2026-03-02"))->reason == "holiday");
  CHECK(h::pause_covering(entries, day("2026-03-03"))->reason == "ill");
  CHECK(h::pause_covering(entries, day("2026-03-05"))->reason == "holiday");
  CHECK(h::pause_covering(entries, day("2026-03-06")) == nullptr);
}

TEST_CASE("agenda: techniques the library no longer holds are named once each") {
  const auto lib = mp::test::export_library();
  const std::vector<m::SavedSession> saved{session(1, "2026-03-02", 420, 5, "gone-stretch"),
                                           session(2, "2026-03-02", 600, 5, "chin-tuck"),
                                           session(3, "2026-03-03", 420, 5, "gone-stretch"),
                                           session(4, "2026-03-03", 600, 5, "old-breath")};
  CHECK(h::missing_techniques(h::session_states(saved, {}), lib) ==
        std::vector<std::string>{"gone-stretch", "old-breath"});
}
