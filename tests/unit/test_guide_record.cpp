// What a guided session records (cli/guide_record) and how its screen is cut and drawn
// (terminal/, cli/guide_screen): docs/guide.md, "What is recorded" and "The screen".
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "cli/guide_record.hpp"
#include "cli/guide_screen.hpp"
#include "history/store.hpp"
#include "terminal/terminal.hpp"

using mp::cli::guided_entries;
using mp::cli::GuidedWhat;
using mp::guide::TechniqueResult;
using mp::model::EntryKind;

namespace {

GuidedWhat own() {
  GuidedWhat w;
  w.date = mp::model::parse_date("2026-03-02").value();
  w.minute = 21 * 60;
  return w;
}

GuidedWhat saved() {
  GuidedWhat w = own();
  mp::model::SavedSession s;
  s.id = 7;
  s.date = w.date;
  s.items = {{"a", 2}, {"b", 3}};
  w.session = s;
  return w;
}

TechniqueResult result(const char* id, int planned, int spent_s, bool done, bool skipped = false) {
  return TechniqueResult{id, planned, spent_s * 1000LL, done, skipped};
}

}  // namespace

TEST_CASE("guide record: nothing when no technique began") {
  CHECK(guided_entries(saved(), {result("a", 2, 0, false), result("b", 3, 0, false)}, false, "x")
            .empty());
}

TEST_CASE("guide record: the saved session all done is one done of the session") {
  auto e = guided_entries(saved(), {result("a", 2, 120, true), result("b", 3, 180, true)}, true,
                          "2026-03-02T21:05:00");
  REQUIRE(e.size() == 1);
  CHECK(e[0].kind == EntryKind::kDone);
  CHECK(e[0].session == 7);
  CHECK_FALSE(e[0].minutes.has_value());  // as planned
  CHECK(e[0].techniques.empty());
  CHECK(e[0].minute == 21 * 60);
  CHECK(e[0].recorded_at == "2026-03-02T21:05:00");
  SUBCASE("done faster with n: its real minutes") {
    auto f =
        guided_entries(saved(), {result("a", 2, 40, true), result("b", 3, 100, true)}, true, "x");
    REQUIRE(f.size() == 1);
    CHECK(f[0].minutes == 3);  // 1 (40 s, at least a minute) + 2 (100 s)
  }
}

TEST_CASE("guide record: stopped part-way: the finished ones done, the rest skipped") {
  auto e =
      guided_entries(saved(), {result("a", 2, 118, true), result("b", 3, 70, false)}, true, "x");
  REQUIRE(e.size() == 2);
  CHECK(e[0].kind == EntryKind::kDone);
  CHECK_FALSE(e[0].session.has_value());
  REQUIRE(e[0].techniques.size() == 1);
  CHECK(e[0].techniques[0].technique == "a");
  CHECK(e[0].techniques[0].minutes == 2);
  CHECK(e[1].kind == EntryKind::kSkip);
  REQUIRE(e[1].techniques.size() == 1);
  CHECK(e[1].techniques[0].technique == "b");
  CHECK(e[1].techniques[0].minutes == 0);
  CHECK(e[1].reason == "not reached in a guided session");
  SUBCASE("a technique skipped with s says so") {
    auto f = guided_entries(own(), {result("a", 2, 10, false, true), result("b", 3, 180, true)},
                            true, "x");
    REQUIRE(f.size() == 2);
    CHECK(f[0].techniques[0].technique == "b");
    CHECK(f[1].techniques[0].technique == "a");
    CHECK(f[1].reason == "skipped or not reached in a guided session");
  }
}

TEST_CASE("guide record: techniques of one's own all done: a done naming each with minutes") {
  auto e = guided_entries(own(), {result("a", 2, 120, true), result("a", 2, 125, true)}, true, "x");
  REQUIRE(e.size() == 1);
  REQUIRE(e[0].techniques.size() == 1);  // the same technique twice counts once, minutes added
  CHECK(e[0].techniques[0].minutes == 4);
}

TEST_CASE("guide record: the rating is set on the recorded entry") {
  namespace fs = std::filesystem;
  auto dir = fs::temp_directory_path() / ("mp-guide-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  auto path = (dir / "h.db").string();
  {
    mp::history::Store store(path, mp::history::OpenMode::kWrite);
    auto entries = guided_entries(own(), {result("a", 2, 120, true)}, true, "x");
    store.transaction([&] { store.add_entry(entries[0]); });
    store.transaction([&] { store.set_rating(entries[0].id, 4); });
    store.transaction([&] {
      auto all = store.entries(std::nullopt, own().date);
      REQUIRE(all.size() == 1);
      CHECK(all[0].rating == 4);
    });
  }
  fs::remove_all(dir);
}

TEST_CASE("terminal: text is cut and wrapped by display columns, not bytes") {
  CHECK(mp::terminal::width_of("a · b") == 5);
  CHECK(mp::terminal::truncate("a · b", 3) == "a ·");
  CHECK(mp::terminal::truncate("abc", 5) == "abc");
  CHECK(mp::terminal::wrap("one two three four", 9) ==
        std::vector<std::string>{"one two", "three", "four"});
  CHECK(mp::terminal::wrap("abcdefghij", 4) == std::vector<std::string>{"abcd", "efgh", "ij"});
  CHECK(mp::terminal::wrap("", 4) == std::vector<std::string>{""});
}

TEST_CASE("terminal: a frame goes home, clears each line and the rest; colour only if asked") {
  using mp::terminal::Line;
  using mp::terminal::Style;
  const std::vector<Line> lines{{"Title", Style::kBold}, {"0123456789", Style::kPlain}};
  CHECK(mp::terminal::frame(lines, 6, false) == "\x1b[H\x1b[2KTitle\r\n\x1b[2K012345\x1b[J");
  CHECK(mp::terminal::frame(lines, 6, true) ==
        "\x1b[H\x1b[2K\x1b[1mTitle\x1b[0m\r\n\x1b[2K012345\x1b[J");
}

TEST_CASE("guide screen: the bar fills with the time done and ends with the time left") {
  // 20 columns: "[", 13 of bar, "] ", "0:10"
  CHECK(mp::cli::progress_bar(0, 10000, 20) == "[-------------] 0:10");
  CHECK(mp::cli::progress_bar(5000, 10000, 20) == "[######-------] 0:05");
  CHECK(mp::cli::progress_bar(10000, 10000, 20) == "[#############] 0:00");
  CHECK(mp::cli::progress_bar(3000, 10000, 40).size() == 40);
  CHECK(mp::cli::countdown_text(1) == "0:01");  // rounded up: 0:00 only when over
  CHECK(mp::cli::countdown_text(61000) == "1:01");
}

namespace {

std::string screen_text(const mp::guide::Player& p, const mp::model::Library& lib, int columns) {
  std::string out;
  for (const auto& line : mp::cli::guide_screen(p, lib, columns)) out += line.text + "\n";
  return out;
}

}  // namespace

TEST_CASE("guide screen: the countdown, then a hold with its side, the bar and what is next") {
  using mp::model::Sides;
  using mp::model::Step;
  mp::model::Technique t;
  t.id = "side-stretch";
  t.name = "Side stretch";
  t.duration = {2, 2, 5};
  t.dose = "Hold 30 s, 2 times each side";
  t.cautions = {"Stretch gently."};
  t.steps = {Step("Sit tall."), Step("Tilt and hold.", 30, Sides::kBoth, 2, 10)};
  mp::model::Library lib;
  lib.techniques = {t};
  lib.sort_by_id();
  mp::guide::Player p(mp::guide::make_timeline({{"side-stretch", 2}}, lib, {5}));
  CHECK(screen_text(p, lib, 40) ==
        "Guided session · 1 technique\n"
        "\n"
        "Get ready\n"
        "Get ready: Side stretch, 2 min.\n"
        "\n"
        "[---------------------------------] 0:05\n"  // 40 columns: [, 33, ] and 0:05
        "\n"
        "Next: Side stretch, 2 min: Hold 30 s, 2\n"
        "times each side\n"
        "Session left: 2:05\n"
        "space pause · n next · b back · s skip ·\n"  // 40 columns fit
        "q quit · ? help\n");
  // 2 minutes: 5 s of reading, one 30-s hold a side with 10 s between (two rounds a side would
  // not fit), 45 s of closing rest. 20 s in: 10 s into the left hold.
  p.advance((5 + 5 + 10) * 1000);
  CHECK(screen_text(p, lib, 40) ==
        "1 of 1 · Side stretch, 2 min\n"
        "Dose: Hold 30 s, 2 times each side\n"
        "! Stretch gently.\n"
        "\n"
        "Left side\n"
        "Tilt and hold.\n"
        "\n"
        "[###########----------------------] 0:20\n"  // a third of 33 done
        "\n"
        "Next (10 s): Rest, then the right side.\n"
        "Session left: 1:45\n"
        "space pause · n next · b back · s skip ·\n"  // 40 columns fit
        "q quit · ? help\n");
  p.press(mp::guide::Key::kPause, 20000);
  CHECK(screen_text(p, lib, 40)
            .find("[###########----------------------] 0:20\n"
                  "Paused: space resumes\n") != std::string::npos);
}
