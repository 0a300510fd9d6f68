// The guided session's player (src/guide/player): the keys and the timing, with no clock.
#include <doctest/doctest.h>

#include "guide/player.hpp"

using mp::guide::Cue;
using mp::guide::CueKind;
using mp::guide::Key;
using mp::guide::Player;
using mp::guide::Side;
using mp::guide::Timeline;

namespace {

// Get ready 5 s; technique a: read 5 s, a 30 s hold on each side; technique b: read 60 s.
Timeline session() {
  Timeline t;
  t.cues = {
      Cue{0, 5, "a", "Get ready: A, 1 min.", CueKind::kReady, Side::kNone, 0, 0},
      Cue{5, 0, "a", "A, 1 min", CueKind::kTechnique, Side::kNone, 0, 0},
      Cue{5, 5, "a", "Sit tall.", CueKind::kRead, Side::kNone, 0, 0},
      Cue{10, 30, "a", "Hold.", CueKind::kHold, Side::kLeft, 1, 1},
      Cue{40, 30, "a", "Hold.", CueKind::kHold, Side::kRight, 1, 1},
      Cue{70, 0, "b", "B, 1 min", CueKind::kTechnique, Side::kNone, 0, 0},
      Cue{70, 60, "b", "Breathe.", CueKind::kRead, Side::kNone, 0, 0},
  };
  t.total_seconds = 130;
  return t;
}

}  // namespace

TEST_CASE("player: keys are space, n, b, s, q and ?, either case") {
  CHECK(mp::guide::key_of(' ') == Key::kPause);
  CHECK(mp::guide::key_of('n') == Key::kNext);
  CHECK(mp::guide::key_of('N') == Key::kNext);
  CHECK(mp::guide::key_of('b') == Key::kBack);
  CHECK(mp::guide::key_of('s') == Key::kSkip);
  CHECK(mp::guide::key_of('q') == Key::kQuit);
  CHECK(mp::guide::key_of('?') == Key::kHelp);
  CHECK_FALSE(mp::guide::key_of('x').has_value());
  CHECK_FALSE(mp::guide::key_of('\n').has_value());
}

TEST_CASE("player: starts with the get-ready countdown, then the first technique's first step") {
  Player p(session());
  CHECK(p.current() == 0);
  CHECK(p.technique_number() == 0);
  CHECK(p.heading() == nullptr);
  REQUIRE(p.next() != nullptr);
  CHECK(p.next()->text == "Sit tall.");
  CHECK(p.technique_count() == 2);
  CHECK_FALSE(p.began());
  CHECK_FALSE(p.advance(4999));
  CHECK(p.cue_left_ms() == 1);
  CHECK(p.advance(5000));
  CHECK(p.current() == 2);
  CHECK(p.technique_number() == 1);
  REQUIRE(p.heading() != nullptr);
  CHECK(p.heading()->text == "A, 1 min");
  CHECK(p.began());
  CHECK(p.session_left_ms() == 125000);
}

TEST_CASE("player: the cues follow the clock; many small steps end where one big one does") {
  Player a(session());
  Player b(session());
  for (std::int64_t now = 0; now <= 75000; now += 7) a.advance(now);
  a.advance(75000);
  b.advance(75000);
  CHECK(a.position_ms() == 75000);
  CHECK(b.position_ms() == 75000);
  CHECK(a.current() == 6);
  CHECK(b.current() == 6);
  CHECK(a.results()[0].spent_ms == b.results()[0].spent_ms);
  CHECK(a.results()[0].spent_ms == 65000);  // the get-ready countdown is no technique's
  CHECK(a.results()[0].done);
  CHECK_FALSE(a.results()[1].done);
}

TEST_CASE("player: space pauses and resumes; the paused time does not count") {
  Player p(session());
  p.advance(6000);
  CHECK_FALSE(p.press(Key::kPause, 6000));
  CHECK(p.paused());
  CHECK(p.wake_in_ms() == -1);
  CHECK_FALSE(p.advance(60000));
  CHECK(p.position_ms() == 6000);
  p.press(Key::kPause, 60000);
  CHECK_FALSE(p.paused());
  p.advance(61500);
  CHECK(p.position_ms() == 7500);
  CHECK(p.results()[0].spent_ms == 2500);
}

TEST_CASE("player: n goes to the start of the next step") {
  Player p(session());
  p.advance(6000);
  CHECK(p.press(Key::kNext, 6000));
  CHECK(p.current() == 3);
  CHECK(p.position_ms() == 10000);
  CHECK(p.cue_left_ms() == 30000);
  SUBCASE("n at the last step ends the session, the technique counted done") {
    p.press(Key::kSkip, 6000);
    CHECK(p.current() == 6);
    CHECK(p.press(Key::kNext, 6000));
    CHECK(p.finished());
    CHECK(p.results()[1].done);
    CHECK(p.results()[1].minutes() == 1);  // done counts at least a minute
  }
}

TEST_CASE("player: b restarts the step after 3 seconds of it, else goes to the step before") {
  Player p(session());
  p.advance(12000);  // 2 s into the left hold
  CHECK(p.press(Key::kBack, 12000));
  CHECK(p.current() == 2);
  CHECK(p.position_ms() == 5000);
  p.advance(12000 + 10000);  // 5 s later the clock says 10 s: the left hold again, 5 s in
  CHECK(p.current() == 3);
  p.advance(27000);
  CHECK(p.press(Key::kBack, 27000));  // 5 s into the hold: restart it
  CHECK(p.current() == 3);
  CHECK(p.position_ms() == 10000);
  SUBCASE("b in the get-ready countdown restarts it") {
    Player q(session());
    q.advance(1000);
    q.press(Key::kBack, 1000);
    CHECK(q.position_ms() == 0);
    CHECK(q.current() == 0);
  }
}

TEST_CASE("player: s skips the rest of the technique; it is skipped, not done") {
  Player p(session());
  p.advance(12000);
  CHECK(p.press(Key::kSkip, 12000));
  CHECK(p.current() == 6);
  CHECK(p.position_ms() == 70000);
  CHECK(p.results()[0].skipped);
  CHECK_FALSE(p.results()[0].done);
  CHECK(p.results()[0].spent_ms == 7000);
  CHECK(p.results()[0].minutes() == 0);
  SUBCASE("b back into it takes the skip back") {
    p.press(Key::kBack, 12000);
    CHECK(p.current() == 4);
    CHECK_FALSE(p.results()[0].skipped);
  }
  SUBCASE("s in the get-ready countdown starts the session") {
    Player q(session());
    q.press(Key::kSkip, 1000);
    CHECK(q.current() == 2);
    CHECK_FALSE(q.results()[0].skipped);
  }
}

TEST_CASE("player: q quits; ? shows and hides the help") {
  Player p(session());
  p.press(Key::kHelp, 0);
  CHECK(p.help());
  p.press(Key::kHelp, 0);
  CHECK_FALSE(p.help());
  p.advance(20000);
  p.press(Key::kQuit, 20000);
  CHECK(p.quit());
  CHECK(p.wake_in_ms() == -1);
  CHECK_FALSE(p.advance(200000));
  CHECK(p.position_ms() == 20000);
  CHECK_FALSE(p.results()[0].done);
  CHECK(p.results()[0].spent_ms == 15000);
}

TEST_CASE("player: the whole session played through: each technique done with its minutes") {
  Player p(session());
  CHECK(p.advance(130000));
  CHECK(p.finished());
  CHECK(p.session_left_ms() == 0);
  CHECK(p.results()[0].done);
  CHECK(p.results()[1].done);
  CHECK(p.results()[0].minutes() == 1);  // 65 s
  CHECK(p.results()[1].minutes() == 1);
  CHECK(p.results()[0].planned_minutes == 1);
  CHECK(p.results()[0].technique == "a");
  CHECK(p.results()[1].technique == "b");
}

TEST_CASE("player: it wakes at each whole second of the countdown, not more often") {
  Player p(session());
  CHECK(p.wake_in_ms() == 1000);
  p.advance(5400);
  CHECK(p.wake_in_ms() == 600);
  p.advance(9999);
  CHECK(p.wake_in_ms() == 1);
}
