// Which saved session `done`/`skip` mark (history/pick.hpp), for a day of three sessions.
#include <doctest/doctest.h>

#include <vector>

#include "history/pick.hpp"

namespace h = mp::history;
namespace m = mp::model;

namespace {
const m::Date kDay = *m::parse_date("2026-11-09");

m::SavedSession session(long long id, int start, int minutes) {
  m::SavedSession s;
  s.id = id;
  s.date = kDay;
  s.start_minute = start;
  s.end_minute = start + minutes;
  s.items = {{"chin-tuck", minutes}};
  return s;
}

// 07:30–07:45, 12:30–12:40, 21:00–21:10.
const std::vector<m::SavedSession> kSessions{session(1, 7 * 60 + 30, 15),
                                             session(2, 12 * 60 + 30, 10), session(3, 21 * 60, 10)};

h::Pick at(int minute, const h::Marks& marks = {}, bool now = false) {
  return h::pick_session(kSessions, marks, m::When{kDay, minute}, now);
}
}  // namespace

TEST_CASE("pick: a moment names the session at or nearest it within 3 hours") {
  CHECK(at(7 * 60 + 40).session->id == 1);  // inside 07:30–07:45
  CHECK(at(7 * 60).session->id == 1);
  CHECK(at(10 * 60 + 30).session->id == 2);  // 2 h before 12:30, 2 h 45 after 07:45
  CHECK(at(18 * 60 + 1).session->id == 3);
  CHECK(at(23 * 60 + 59).session->id == 3);
  auto far = at(16 * 60 + 45);  // 4 h 05 after 12:40 and 4 h 15 before 21:00
  CHECK(far.outcome == h::PickOutcome::kNoneNear);
  CHECK(far.session->id == 2);  // the nearest, to name it
  SUBCASE("exactly 3 hours away still names it; a minute more does not") {
    CHECK(at(4 * 60 + 30).outcome == h::PickOutcome::kSession);
    CHECK(at(4 * 60 + 29).outcome == h::PickOutcome::kNoneNear);
  }
}

TEST_CASE("pick: a moment whose session is marked says so and never moves on") {
  h::Marks marks;
  marks.done = {1};
  auto again = at(7 * 60 + 40, marks);
  CHECK(again.outcome == h::PickOutcome::kAlreadyMarked);
  CHECK(again.session->id == 1);
  h::Marks skipped;
  skipped.skipped = {3};
  CHECK(at(21 * 60, skipped).outcome == h::PickOutcome::kAlreadyMarked);
}

TEST_CASE("pick: a day names its first session not yet marked") {
  h::Marks marks;
  CHECK(h::pick_session(kSessions, marks, m::When{kDay, std::nullopt}, false).session->id == 1);
  marks.done = {1, 3};
  CHECK(h::pick_session(kSessions, marks, m::When{kDay, std::nullopt}, false).session->id == 2);
  marks.skipped = {2};
  CHECK(h::pick_session(kSessions, marks, m::When{kDay, std::nullopt}, false).outcome ==
        h::PickOutcome::kAllMarked);
  CHECK(h::pick_session({}, marks, m::When{kDay, std::nullopt}, false).outcome ==
        h::PickOutcome::kNoSessions);
}

TEST_CASE("pick: now names the latest session begun and not marked, else says which is next") {
  const int t1534 = 15 * 60 + 34;
  CHECK(at(t1534, {}, true).session->id == 2);  // not 21:00, which has not begun
  h::Marks marks;
  marks.done = {2};
  CHECK(at(t1534, marks, true).session->id == 1);  // the latest one still open
  marks.done = {1, 2};
  auto none = at(t1534, marks, true);
  CHECK(none.outcome == h::PickOutcome::kNoneBegun);
  CHECK(none.session->id == 3);
  CHECK(at(6 * 60, {}, true).outcome == h::PickOutcome::kNoneBegun);
  CHECK(at(6 * 60, {}, true).session->id == 1);
  marks.done = {1, 2, 3};
  CHECK(at(22 * 60, marks, true).outcome == h::PickOutcome::kAllMarked);
  // 12:30 itself has begun.
  CHECK(at(12 * 60 + 30, {}, true).session->id == 2);
}
