// The report's v3 parts (issue 25): sessions not yet due, what was done per technique, and the
// notes and skip reasons, as pure functions of sessions and entries.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "history/report.hpp"

using mp::model::Date;
using mp::model::Entry;
using mp::model::EntryKind;
using mp::model::SavedSession;

namespace {

Date day(const char* text) { return *mp::model::parse_date(text); }

SavedSession session(long long id, const char* date, int start,
                     std::vector<std::pair<std::string, int>> items) {
  SavedSession s;
  s.id = id;
  s.date = day(date);
  s.start_minute = start;
  for (auto& [t, m] : items) s.items.push_back({t, m});
  s.end_minute = start + s.minutes();
  return s;
}

Entry entry(EntryKind kind, const char* date, std::optional<long long> session = {}) {
  Entry e;
  e.kind = kind;
  e.date = day(date);
  e.session = session;
  return e;
}

// 07:30 and 21:00 on two days: chin tuck 5 + trapezius 3, then breathing 10.
const std::vector<SavedSession> kSessions{
    session(1, "2026-03-02", 7 * 60 + 30, {{"chin", 5}, {"trap", 3}}),
    session(2, "2026-03-02", 21 * 60, {{"breath", 10}}),
    session(3, "2026-03-03", 7 * 60 + 30, {{"chin", 5}, {"trap", 3}}),
    session(4, "2026-03-03", 21 * 60, {{"breath", 10}})};

const mp::model::GoalWeights kWeights{{"chin", {{"rom", 1.0}}}, {"breath", {{"calm", 1.0}}}};

}  // namespace

TEST_CASE("report: a session not yet due is still to come, not missed") {
  std::vector<Entry> entries{entry(EntryKind::kDone, "2026-03-02", 1),
                             entry(EntryKind::kDone, "2026-03-02", 2),
                             entry(EntryKind::kDone, "2026-03-03", 3)};
  const auto from = day("2026-03-02"), to = day("2026-03-03");
  // At 15:00 on the second day its 21:00 session has not begun.
  auto r = mp::history::make_report(kSessions, entries, {"rom", "calm"}, kWeights, from, to,
                                    mp::model::When{to, 15 * 60});
  CHECK(r.adherence.planned == 3);
  CHECK(r.adherence.done == 3);
  CHECK(r.adherence.ratio == doctest::Approx(1.0));
  CHECK(r.adherence.upcoming == 1);
  CHECK(r.weeks.at(0).adherence.planned == 3);
  CHECK(r.goals.at("calm").planned_minutes == doctest::Approx(10));  // its minutes wait too
  SUBCASE("once it has begun it counts, done or not") {
    auto later = mp::history::make_report(kSessions, entries, {"rom", "calm"}, kWeights, from, to,
                                          mp::model::When{to, 21 * 60});
    CHECK(later.adherence.planned == 4);
    CHECK(later.adherence.done == 3);
    CHECK(later.adherence.upcoming == 0);
  }
  SUBCASE("a session marked early counts even before its time") {
    entries.push_back(entry(EntryKind::kSkip, "2026-03-03", 4));
    auto early = mp::history::make_report(kSessions, entries, {"rom", "calm"}, kWeights, from, to,
                                          mp::model::When{to, 15 * 60});
    CHECK(early.adherence.planned == 4);
    CHECK(early.adherence.upcoming == 0);
  }
  SUBCASE("without now every session is due (a report of the past)") {
    auto past = mp::history::make_report(kSessions, entries, {"rom", "calm"}, kWeights, from, to);
    CHECK(past.adherence.planned == 4);
    CHECK(past.adherence.upcoming == 0);
  }
}

TEST_CASE("report: minutes and times done per technique, most minutes first") {
  Entry short_session = entry(EntryKind::kDone, "2026-03-02", 1);
  short_session.minutes = 4;  // half of the 8 planned: each item counts half
  Entry extra = entry(EntryKind::kDone, "2026-03-03");
  extra.techniques = {{"chin", 6}};
  std::vector<Entry> entries{short_session, entry(EntryKind::kDone, "2026-03-02", 2),
                             entry(EntryKind::kSkip, "2026-03-03", 3), extra};
  auto r = mp::history::make_report(kSessions, entries, {}, kWeights, day("2026-03-02"),
                                    day("2026-03-03"));
  REQUIRE(r.done.size() == 3);
  CHECK(r.done[0].technique == "breath");
  CHECK(r.done[0].minutes == doctest::Approx(10));
  CHECK(r.done[0].times == 1);
  CHECK(r.done[1].technique == "chin");
  CHECK(r.done[1].minutes == doctest::Approx(2.5 + 6));
  CHECK(r.done[1].times == 2);
  CHECK(r.done[2].technique == "trap");
  CHECK(r.done[2].minutes == doctest::Approx(1.5));
  CHECK(r.done[2].times == 1);
}

TEST_CASE("report: notes and skip reasons by the day they are about, then as recorded") {
  Entry late = entry(EntryKind::kCheckIn, "2026-03-02");  // recorded a day late, first of all
  late.note = "stiff after the drive";
  Entry done = entry(EntryKind::kDone, "2026-03-03", 3);
  done.note = "looser";
  Entry skip = entry(EntryKind::kSkip, "2026-03-02", 2);
  skip.reason = "late meeting";
  Entry plain = entry(EntryKind::kDone, "2026-03-02", 1);  // no note: not listed
  Entry moment = entry(EntryKind::kDone, "2026-03-03");
  moment.techniques = {{"chin", 3}};
  moment.minute = 12 * 60 + 5;
  moment.note = "at lunch";
  std::vector<Entry> entries{done, late, skip, plain, moment};
  auto r = mp::history::make_report(kSessions, entries, {}, kWeights, day("2026-03-02"),
                                    day("2026-03-03"));
  REQUIRE(r.notes.size() == 4);
  CHECK(r.notes[0].text == "stiff after the drive");
  CHECK(r.notes[0].kind == EntryKind::kCheckIn);
  CHECK_FALSE(r.notes[0].minute.has_value());
  CHECK(r.notes[1].text == "late meeting");
  CHECK(r.notes[1].kind == EntryKind::kSkip);
  CHECK(r.notes[1].minute == 21 * 60);  // the session's time
  CHECK(r.notes[2].text == "looser");
  CHECK(r.notes[2].minute == 7 * 60 + 30);
  CHECK(r.notes[3].text == "at lunch");
  CHECK(r.notes[3].minute == 12 * 60 + 5);  // the moment given
}
