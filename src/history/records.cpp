// The store's reads and writes of plans, sessions and entries (store.cpp opens and migrates).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "history/sqlite.hpp"
#include "history/store.hpp"

namespace mp::history {
namespace {

constexpr const char* kNoLowerBound = "0000-01-01";

model::Date to_date(const std::string& text) {
  auto d = model::parse_date(text);
  return d ? *d : model::Date{};
}

model::EntryKind to_kind(const std::string& word) {
  for (std::size_t i = 0; i < model::kEntryKindNames.size(); ++i)
    if (model::kEntryKindNames[i] == word) return static_cast<model::EntryKind>(i);
  return model::EntryKind::kDone;
}

model::SessionKind to_session_kind(const std::string& word) {
  for (std::size_t i = 0; i < model::kSessionKindNames.size(); ++i)
    if (model::kSessionKindNames[i] == word) return static_cast<model::SessionKind>(i);
  return model::SessionKind::kSelf;
}

constexpr const char* kSessionColumns = "id, day, start, end, kind, routine";

model::SavedSession read_session(const Statement& s) {
  model::SavedSession out;
  out.id = s.integer(0);
  out.date = to_date(s.text(1));
  out.start_minute = static_cast<int>(s.integer(2));
  out.end_minute = static_cast<int>(s.integer(3));
  out.kind = to_session_kind(s.text(4));
  out.routine = s.text(5);
  return out;
}

constexpr const char* kEntryColumns =
    "id, kind, day, minute, session, minutes, rating, note, reason, pain, headache, stress, "
    "recorded_at, until";

model::Entry read_entry(const Statement& s) {
  model::Entry e;
  e.id = s.integer(0);
  e.kind = to_kind(s.text(1));
  e.date = to_date(s.text(2));
  e.minute = s.optional<int>(3);
  e.session = s.optional<long long>(4);
  e.minutes = s.optional<int>(5);
  e.rating = s.optional<int>(6);
  e.note = s.text(7);
  e.reason = s.text(8);
  e.symptoms.pain = s.optional<int>(9);
  e.symptoms.headache = s.optional<int>(10);
  e.symptoms.stress = s.optional<int>(11);
  e.recorded_at = s.text(12);
  if (!s.is_null(13)) e.until = model::parse_date(s.text(13));
  return e;
}

}  // namespace

SaveResult Store::save_plan(const model::Plan& plan, model::Date today) {
  SaveResult result;
  const std::string boundary = model::format_date(std::max(plan.start, today));
  std::string goals;
  for (const auto& g : plan.profile.goals)
    goals += fmt::format("{}{}:{}", goals.empty() ? "" : ",", g.id, g.priority);
  std::string adaptations;
  for (const auto& a : plan.adaptations)
    adaptations += fmt::format("{}{}={}", adaptations.empty() ? "" : ",", a.technique, a.factor);
  Statement add_plan(*db_,
                     "INSERT INTO plans(saved_at, start, days, goals, adaptations) "
                     "VALUES(datetime('now'), ?, ?, ?, ?)");
  add_plan.bind(1, model::format_date(plan.start)).bind(2, plan.days).bind(3, goals);
  add_plan.bind(4, adaptations).run();
  const long long plan_id = sqlite3_last_insert_rowid(db_->handle());
  // The future part of the current plan is replaced, except sessions an entry marks.
  Statement drop(*db_,
                 "DELETE FROM sessions WHERE day >= ? AND id NOT IN "
                 "(SELECT session FROM entries WHERE session IS NOT NULL)");
  drop.bind(1, boundary).run();
  Statement day_taken(*db_, "SELECT count(*) FROM sessions WHERE day = ?");
  Statement slot_taken(*db_, "SELECT count(*) FROM sessions WHERE day = ? AND start = ?");
  Statement add_session(*db_,
                        "INSERT INTO sessions(plan, day, start, end, kind, routine) "
                        "VALUES(?, ?, ?, ?, ?, ?)");
  Statement add_item(*db_,
                     "INSERT INTO items(session, position, technique, minutes) VALUES(?, ?, ?, ?)");
  for (const auto& day : plan.plan) {
    const std::string date = model::format_date(day.date);
    bool past = date < boundary;
    if (past) {
      day_taken.bind(1, date);
      bool taken = day_taken.step() && day_taken.integer(0) > 0;
      day_taken.reset();
      if (taken) {
        result.kept += static_cast<int>(day.sessions.size());
        continue;
      }
    }
    for (const auto& session : day.sessions) {
      if (!past) {
        slot_taken.bind(1, date).bind(2, session.start_minute);
        bool taken = slot_taken.step() && slot_taken.integer(0) > 0;
        slot_taken.reset();
        if (taken) {
          ++result.kept;
          continue;
        }
      }
      add_session.bind(1, plan_id).bind(2, date).bind(3, session.start_minute);
      add_session.bind(4, session.end_minute).bind(5, model::to_string(session.kind));
      add_session.bind(6, session.routine).run();
      const long long id = sqlite3_last_insert_rowid(db_->handle());
      int position = 0;
      for (const auto& item : session.items) {
        add_item.bind(1, id).bind(2, position++).bind(3, item.technique).bind(4, item.minutes);
        add_item.run();
      }
      ++result.saved;
    }
  }
  return result;
}

std::vector<model::SavedSession> Store::sessions(std::optional<model::Date> from, model::Date to) {
  const std::string lo = from ? model::format_date(*from) : kNoLowerBound;
  const std::string hi = model::format_date(to);
  std::vector<model::SavedSession> out;
  std::map<long long, std::size_t> index;
  Statement s(*db_, fmt::format("SELECT {} FROM sessions WHERE day BETWEEN ? AND ? "
                                "ORDER BY day, start, id",
                                kSessionColumns));
  s.bind(1, lo).bind(2, hi);
  while (s.step()) {
    index[s.integer(0)] = out.size();
    out.push_back(read_session(s));
  }
  Statement items(*db_,
                  "SELECT i.session, i.technique, i.minutes FROM items i JOIN sessions s "
                  "ON s.id = i.session WHERE s.day BETWEEN ? AND ? ORDER BY i.session, i.position");
  items.bind(1, lo).bind(2, hi);
  while (items.step()) {
    auto it = index.find(items.integer(0));
    if (it == index.end()) continue;
    out[it->second].items.push_back(
        model::SavedItem{items.text(1), static_cast<int>(items.integer(2))});
  }
  return out;
}

std::optional<model::SavedSession> Store::session(long long id) {
  Statement s(*db_, fmt::format("SELECT {} FROM sessions WHERE id = ?", kSessionColumns));
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  auto out = read_session(s);
  Statement items(*db_, "SELECT technique, minutes FROM items WHERE session = ? ORDER BY position");
  items.bind(1, id);
  while (items.step())
    out.items.push_back(model::SavedItem{items.text(0), static_cast<int>(items.integer(1))});
  return out;
}

std::vector<model::Entry> Store::entries(std::optional<model::Date> from, model::Date to) {
  const std::string lo = from ? model::format_date(*from) : kNoLowerBound;
  const std::string hi = model::format_date(to);
  std::vector<model::Entry> out;
  std::map<long long, std::size_t> index;
  // A long range reads the table in id order (unary + keeps SQLite off the day index, which
  // would visit rows in random order and then sort them all); a short one uses the index.
  const bool long_range =
      !from || std::chrono::sys_days{to} - std::chrono::sys_days{*from} > std::chrono::days{62};
  Statement s(*db_, fmt::format("SELECT {} FROM entries WHERE {}day BETWEEN ? AND ? ORDER BY id",
                                kEntryColumns, long_range ? "+" : ""));
  s.bind(1, lo).bind(2, hi);
  while (s.step()) {
    index[s.integer(0)] = out.size();
    out.push_back(read_entry(s));
  }
  Statement t(*db_,
              "SELECT t.entry, t.technique, t.minutes FROM entry_techniques t JOIN entries e "
              "ON e.id = t.entry WHERE e.day BETWEEN ? AND ? ORDER BY t.rowid");
  t.bind(1, lo).bind(2, hi);
  while (t.step()) {
    auto it = index.find(t.integer(0));
    if (it == index.end()) continue;
    out[it->second].techniques.push_back(
        model::EntryTechnique{t.text(1), static_cast<int>(t.integer(2))});
  }
  return out;
}

std::vector<model::Entry> Store::pauses() {
  std::vector<model::Entry> out;
  Statement s(*db_, fmt::format("SELECT {} FROM entries WHERE kind = 'pause' ORDER BY id",
                                kEntryColumns));
  while (s.step()) out.push_back(read_entry(s));
  return out;
}

std::set<long long> Store::marked_sessions(model::Date day) {
  Statement s(*db_,
              "SELECT DISTINCT e.session FROM entries e JOIN sessions s ON s.id = e.session "
              "WHERE s.day = ?");
  s.bind(1, model::format_date(day));
  std::set<long long> out;
  while (s.step()) out.insert(s.integer(0));
  return out;
}

void Store::add_entry(model::Entry& entry) {
  Statement s(*db_,
              "INSERT INTO entries(kind, day, minute, session, minutes, rating, note, reason, "
              "pain, headache, stress, recorded_at, until) "
              "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, model::kEntryKindNames[static_cast<std::size_t>(entry.kind)]);
  s.bind(2, model::format_date(entry.date)).bind(3, entry.minute).bind(4, entry.session);
  s.bind(5, entry.minutes).bind(6, entry.rating).bind(7, entry.note).bind(8, entry.reason);
  s.bind(9, entry.symptoms.pain).bind(10, entry.symptoms.headache);
  s.bind(11, entry.symptoms.stress).bind(12, entry.recorded_at);
  s.bind(13, entry.until ? std::optional<std::string>(model::format_date(*entry.until))
                         : std::nullopt)
      .run();
  entry.id = sqlite3_last_insert_rowid(db_->handle());
  Statement t(*db_, "INSERT INTO entry_techniques(entry, technique, minutes) VALUES(?, ?, ?)");
  for (const auto& x : entry.techniques)
    t.bind(1, entry.id).bind(2, x.technique).bind(3, x.minutes).run();
}

void Store::set_rating(long long entry_id, int rating) {
  Statement s(*db_, "UPDATE entries SET rating = ? WHERE id = ?");
  s.bind(1, rating).bind(2, entry_id).run();
}

std::optional<model::Entry> Store::remove_last_entry() {
  Statement s(*db_, fmt::format("SELECT {} FROM entries ORDER BY id DESC LIMIT 1", kEntryColumns));
  if (!s.step()) return std::nullopt;
  auto entry = read_entry(s);
  Statement t(*db_,
              "SELECT technique, minutes FROM entry_techniques WHERE entry = ? ORDER BY rowid");
  t.bind(1, entry.id);
  while (t.step())
    entry.techniques.push_back(model::EntryTechnique{t.text(0), static_cast<int>(t.integer(1))});
  Statement del(*db_, "DELETE FROM entries WHERE id = ?");
  del.bind(1, entry.id).run();
  return entry;
}

std::vector<std::string> Store::plan_goals() {
  std::vector<std::string> out;
  Statement s(*db_, "SELECT goals FROM plans ORDER BY id");
  while (s.step()) {
    std::string list = s.text(0);
    std::size_t pos = 0;
    while (pos < list.size()) {
      auto comma = list.find(',', pos);
      auto item = list.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
      auto id = item.substr(0, item.find(':'));
      if (!id.empty() && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
      if (comma == std::string::npos) break;
      pos = comma + 1;
    }
  }
  return out;
}

std::vector<model::GoalPriority> Store::latest_plan_goals() {
  std::vector<model::GoalPriority> out;
  Statement s(*db_, "SELECT goals FROM plans ORDER BY id DESC LIMIT 1");
  if (!s.step()) return out;
  const std::string list = s.text(0);
  std::size_t pos = 0;
  while (pos < list.size()) {
    auto comma = list.find(',', pos);
    auto item = list.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    auto colon = item.find(':');
    model::GoalPriority goal;
    goal.id = item.substr(0, colon);
    if (colon != std::string::npos) {
      // Written by save_plan as id:priority; a damaged number keeps the default priority.
      const std::string digits = item.substr(colon + 1);
      if (!digits.empty() && digits.size() < 3 &&
          std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        goal.priority = std::stoi(digits);
    }
    if (!goal.id.empty()) out.push_back(std::move(goal));
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return out;
}

bool Store::has_plan() { return db_->scalar("SELECT count(*) FROM plans") > 0; }

}  // namespace mp::history
