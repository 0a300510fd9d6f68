// The history module: report figures and adaptation rules as pure functions of entries, and
// the store's plan replacement on a real (temporary) database.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "export/report.hpp"
#include "history/adapt.hpp"
#include "history/marks.hpp"
#include "history/report.hpp"
#include "history/store.hpp"

using mp::model::Date;
using mp::model::Entry;
using mp::model::EntryKind;
using mp::model::SavedSession;

namespace {

Date day(const char* text) { return *mp::model::parse_date(text); }

SavedSession session(long long id, const char* date, std::vector<std::string> techniques,
                     int minutes_each = 5) {
  SavedSession s;
  s.id = id;
  s.date = day(date);
  s.start_minute = 7 * 60 + 30;
  for (auto& t : techniques) s.items.push_back({t, minutes_each});
  s.end_minute = s.start_minute + s.minutes();
  return s;
}

Entry mark(EntryKind kind, const char* date, long long session_id) {
  Entry e;
  e.kind = kind;
  e.date = day(date);
  e.session = session_id;
  return e;
}

Entry techniques(EntryKind kind, const char* date, std::vector<std::string> ids, int minutes = 3) {
  Entry e;
  e.kind = kind;
  e.date = day(date);
  for (auto& id : ids) e.techniques.push_back({id, kind == EntryKind::kDone ? minutes : 0});
  return e;
}

Entry check_in(const char* date, std::optional<int> pain, std::optional<int> headache = {},
               std::optional<int> stress = {}) {
  Entry e;
  e.kind = EntryKind::kCheckIn;
  e.date = day(date);
  e.symptoms = {pain, headache, stress};
  return e;
}

}  // namespace

TEST_CASE("history: ISO weeks, including a year's first days in the previous year's week") {
  CHECK(mp::history::iso_week(day("2026-03-02")) == "2026-W10");
  CHECK(mp::history::iso_week(day("2026-03-08")) == "2026-W10");
  CHECK(mp::history::iso_week(day("2027-01-01")) == "2026-W53");
  CHECK(mp::history::iso_week(day("2024-12-30")) == "2025-W01");
  CHECK(mp::history::week_start(day("2026-03-08")) == day("2026-03-02"));
}

TEST_CASE("history: a session is done by a done naming it or by techniques covering it all") {
  std::vector<SavedSession> sessions{session(1, "2026-03-02", {"a", "b"}),
                                     session(2, "2026-03-03", {"a", "b"}),
                                     session(3, "2026-03-04", {"a", "b"})};
  std::vector<Entry> entries{mark(EntryKind::kDone, "2026-03-02", 1),
                             techniques(EntryKind::kDone, "2026-03-03", {"a"}),
                             techniques(EntryKind::kDone, "2026-03-04", {"a", "b", "c"})};
  auto marks = mp::history::mark_sessions(sessions, entries);
  CHECK(marks.done == std::set<long long>{1, 3});
  CHECK(marks.skipped.empty());
  entries.push_back(techniques(EntryKind::kSkip, "2026-03-03", {"b"}));
  marks = mp::history::mark_sessions(sessions, entries);
  CHECK(marks.done == std::set<long long>{1, 3});
  CHECK(marks.skipped == std::set<long long>{});  // one item done, one skipped: neither
}

TEST_CASE("history: report adherence, weeks, goals and the most skipped techniques") {
  std::vector<SavedSession> sessions{
      session(1, "2026-03-02", {"neck", "breath"}), session(2, "2026-03-03", {"neck"}),
      session(3, "2026-03-04", {"neck", "breath"}), session(4, "2026-03-10", {"breath"})};
  Entry done_short = mark(EntryKind::kDone, "2026-03-02", 1);
  done_short.minutes = 5;  // half of the 10 planned minutes
  std::vector<Entry> entries{done_short,
                             mark(EntryKind::kSkip, "2026-03-03", 2),
                             mark(EntryKind::kSkip, "2026-03-04", 3),
                             mark(EntryKind::kDone, "2026-03-10", 4),
                             check_in("2026-03-02", 6, 4),
                             check_in("2026-03-03", 4),
                             check_in("2026-03-10", 2, std::nullopt, 3)};
  mp::model::GoalWeights weights{{"neck", {{"rom", 0.5}}}, {"breath", {{"calm", 1.0}}}};
  auto r = mp::history::make_report(sessions, entries, {"rom", "calm"}, weights, day("2026-03-02"),
                                    day("2026-03-15"));
  CHECK(r.adherence.planned == 4);
  CHECK(r.adherence.done == 2);
  CHECK(r.adherence.ratio == doctest::Approx(0.5));
  REQUIRE(r.weeks.size() == 2);
  CHECK(r.weeks[0].week == "2026-W10");
  CHECK(r.weeks[0].adherence.planned == 3);
  CHECK(r.weeks[0].adherence.done == 1);
  CHECK(*r.weeks[0].symptoms.pain == doctest::Approx(5.0));
  CHECK(*r.weeks[0].symptoms.headache == doctest::Approx(4.0));
  CHECK_FALSE(r.weeks[0].symptoms.stress.has_value());
  CHECK(*r.weeks[1].adherence.ratio == doctest::Approx(1.0));
  CHECK(*r.weeks[1].symptoms.stress == doctest::Approx(3.0));
  // neck: planned 5 + 5 + 5 minutes; done 2.5 (half of session 1's 5) at weight 0.5.
  CHECK(r.goals.at("rom").planned_minutes == doctest::Approx(15));
  CHECK(r.goals.at("rom").done_minutes == doctest::Approx(2.5));
  CHECK(r.goals.at("rom").done_effective == doctest::Approx(1.25));
  CHECK(r.goals.at("calm").planned_minutes == doctest::Approx(15));
  CHECK(r.goals.at("calm").done_minutes == doctest::Approx(7.5));
  REQUIRE(r.skipped.size() == 2);
  CHECK(r.skipped[0].technique == "neck");
  CHECK(r.skipped[0].count == 2);
  CHECK(r.skipped[1].technique == "breath");
  CHECK(r.skipped[1].count == 1);
}

TEST_CASE("history: the streak counts planned days back from the end, gaps do not break it") {
  std::vector<SavedSession> sessions{
      session(1, "2026-03-01", {"a"}), session(2, "2026-03-02", {"a"}),
      session(3, "2026-03-04", {"a"}),  // 03-03 has nothing planned
      session(4, "2026-03-05", {"a"}), session(5, "2026-03-05", {"b"}),
      session(6, "2026-03-06", {"a"})};
  std::vector<Entry> entries{
      mark(EntryKind::kDone, "2026-03-02", 2), mark(EntryKind::kDone, "2026-03-04", 3),
      mark(EntryKind::kDone, "2026-03-05", 4), mark(EntryKind::kDone, "2026-03-05", 5)};
  auto streak = [&](const char* to) {
    return mp::history::make_report(sessions, entries, {}, {}, day("2026-03-01"), day(to)).streak;
  };
  // The last day, not yet done, does not break it (it may not be over).
  CHECK(streak("2026-03-06") == 3);
  CHECK(streak("2026-03-05") == 3);
  entries.pop_back();  // 03-05 had two sessions; one undone breaks the streak there
  CHECK(streak("2026-03-06") == 0);
  CHECK(streak("2026-03-05") == 2);
}

TEST_CASE("history: adapt plans often-skipped techniques less and well-rated ones more") {
  std::vector<SavedSession> sessions{
      session(1, "2026-03-02", {"skipme", "liked"}), session(2, "2026-03-03", {"skipme", "liked"}),
      session(3, "2026-03-04", {"skipme", "plain"}), session(4, "2026-03-05", {"skipme", "plain"})};
  Entry rated = mark(EntryKind::kDone, "2026-03-02", 1);
  rated.rating = 5;
  Entry liked = techniques(EntryKind::kDone, "2026-03-03", {"liked", "plain"});
  liked.rating = 4;
  // Session 3 is skipped whole and skipme by name on the same day: one skipped use of skipme,
  // none of plain (a whole skipped session adapts none of its techniques, v3).
  std::vector<Entry> entries{rated, liked, mark(EntryKind::kSkip, "2026-03-04", 3),
                             techniques(EntryKind::kSkip, "2026-03-04", {"skipme"}),
                             techniques(EntryKind::kSkip, "2026-03-05", {"skipme"})};
  auto a = mp::history::adapt(sessions, entries, day("2026-03-01"), day("2026-03-28"));
  REQUIRE(a.size() == 3);
  CHECK(a[0].technique == "liked");
  CHECK(a[0].factor == doctest::Approx(1.25));
  CHECK(a[0].reason == "rated 4.5 of 5 on average (2 ratings) in the last 4 weeks");
  CHECK(a[1].technique == "plain");  // rated 4 once (liked's entry); its skipped session counts not
  CHECK(a[1].factor == doctest::Approx(1.25));
  CHECK(a[1].reason == "rated 4.0 of 5 on average (1 rating) in the last 4 weeks");
  CHECK(a[2].technique == "skipme");  // skipped by name 2 of 4, rated 5 once: both rules
  CHECK(a[2].factor == doctest::Approx(0.625));
  CHECK(a[2].reason ==
        "skipped 2 of 4 planned uses in the last 4 weeks; rated 5.0 of 5 on average (1 rating) "
        "in the last 4 weeks");
  // Outside the window nothing is learnt.
  CHECK(mp::history::adapt(sessions, entries, day("2026-04-01"), day("2026-04-28")).empty());
}

TEST_CASE("history: adapt learns nothing from whole skipped sessions, only from named techniques") {
  std::vector<SavedSession> sessions{session(1, "2026-03-02", {"a", "b"}),
                                     session(2, "2026-03-03", {"a", "b"})};
  // Both sessions skipped whole ("too tired"): no technique is adapted.
  std::vector<Entry> entries{mark(EntryKind::kSkip, "2026-03-02", 1),
                             mark(EntryKind::kSkip, "2026-03-03", 2)};
  CHECK(mp::history::adapt(sessions, entries, day("2026-03-01"), day("2026-03-28")).empty());
  // The same days with b skipped by name (skip --technique, or inside a guided session): b only.
  entries.push_back(techniques(EntryKind::kSkip, "2026-03-02", {"b"}));
  entries.push_back(techniques(EntryKind::kSkip, "2026-03-03", {"b"}));
  auto a = mp::history::adapt(sessions, entries, day("2026-03-01"), day("2026-03-28"));
  REQUIRE(a.size() == 1);
  CHECK(a[0].technique == "b");
  CHECK(a[0].factor == doctest::Approx(0.5));
  CHECK(a[0].reason == "skipped 2 of 2 planned uses in the last 4 weeks");
}

TEST_CASE("history: a symptom rising by 2 or more over two weeks is flagged, once per symptom") {
  std::vector<Entry> entries{check_in("2026-03-01", 3, 2), check_in("2026-03-02", 3, 2),
                             check_in("2026-03-15", 5, 3), check_in("2026-03-14", 6, 3)};
  auto rises = mp::history::symptom_rises(entries, day("2026-03-15"));
  REQUIRE(rises.size() == 1);
  CHECK(rises[0].symptom == "pain");
  CHECK(rises[0].before == doctest::Approx(3.0));
  CHECK(rises[0].now == doctest::Approx(5.5));
  CHECK(mp::history::symptom_rises(entries, day("2026-03-30")).empty());
}

TEST_CASE("history: sparkline scales to the top and leaves gaps blank") {
  CHECK(mp::exporter::sparkline({0.0, 0.5, 1.0, std::nullopt, 2.0}, 1.0) == "▁▅█ █");
}

TEST_CASE("history: a later plan --save replaces the unmarked future, never the past") {
  namespace fs = std::filesystem;
  auto dir = fs::temp_directory_path() / ("mp-history-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  auto path = (dir / "sub" / "h.db").string();
  auto plan_from = [](const char* start, int days, const std::string& technique) {
    mp::model::Plan p;
    p.start = day(start);
    p.days = days;
    for (int i = 0; i < days; ++i) {
      mp::model::PlanDay d;
      d.date = mp::model::add_days(p.start, i);
      mp::model::PlannedSession s;
      s.start_minute = 450;
      s.end_minute = 455;
      s.items.push_back({technique, 5, 0});
      d.sessions.push_back(s);
      p.plan.push_back(d);
    }
    return p;
  };
  {
    mp::history::Store store(path, mp::history::OpenMode::kWrite);
    store.transaction([&] {
      auto r = store.save_plan(plan_from("2026-03-02", 7, "old"), day("2026-03-01"));
      CHECK(r.saved == 7);
    });
    Entry done = mark(EntryKind::kDone, "2026-03-06", 0);
    store.transaction([&] {
      done.session = store.sessions(day("2026-03-06"), day("2026-03-06")).front().id;
      store.add_entry(done);
    });
    // Saved "today" = 03-05: 03-02..03-04 are past and kept; 03-06 is marked and kept.
    store.transaction([&] {
      auto r = store.save_plan(plan_from("2026-03-01", 10, "new"), day("2026-03-05"));
      CHECK(r.saved == 1 + 5);  // 03-01 (an empty past day) and 03-05, 03-07 .. 03-10
      CHECK(r.kept == 3 + 1);
    });
    std::string days;
    store.transaction([&] {
      for (const auto& s : store.sessions(std::nullopt, day("2026-12-31")))
        days += mp::model::format_date(s.date).substr(8) + s.items.front().technique + " ";
    });
    CHECK(days == "01new 02old 03old 04old 05new 06old 07new 08new 09new 10new ");
    // v3 agenda: the goals and priorities of the plan saved last, not of an earlier one.
    auto with_goals = plan_from("2026-03-11", 1, "newer");
    with_goals.profile.goals = {{"stress-reduction", 3, {}}, {"neck-pain", 1, {}}};
    store.transaction([&] {
      CHECK(store.latest_plan_goals().empty());  // the plans above had none
      store.save_plan(with_goals, day("2026-03-05"));
      auto goals = store.latest_plan_goals();
      REQUIRE(goals.size() == 2);
      CHECK(goals[0].id == "stress-reduction");
      CHECK(goals[0].priority == 3);
      CHECK(goals[1].id == "neck-pain");
      CHECK(goals[1].priority == 1);
    });
  }
  CHECK((fs::status(dir / "sub").permissions() & fs::perms::all) == fs::perms::owner_all);
  CHECK((fs::status(path).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));
  fs::remove_all(dir);
}
