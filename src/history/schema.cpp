#include "history/schema.hpp"

namespace mp::history {

const std::array<const char*, 3> kMigrations{
    // Version 1: saved plans, their sessions and items; entries and the techniques they name.
    // No CHECK constraints: the commands check ranges, and PRAGMA quick_check, run on every
    // open, would evaluate each one on every row (most of its cost).
    R"sql(
CREATE TABLE plans(
  id INTEGER PRIMARY KEY,
  saved_at TEXT NOT NULL,
  start TEXT NOT NULL,
  days INTEGER NOT NULL,
  goals TEXT NOT NULL);
CREATE TABLE sessions(
  id INTEGER PRIMARY KEY,
  plan INTEGER NOT NULL REFERENCES plans(id),
  day TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  kind TEXT NOT NULL,
  routine TEXT NOT NULL DEFAULT '');
CREATE TABLE items(
  session INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  technique TEXT NOT NULL,
  minutes INTEGER NOT NULL,
  PRIMARY KEY(session, position)) WITHOUT ROWID;
CREATE TABLE entries(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  day TEXT NOT NULL,
  minute INTEGER,
  session INTEGER REFERENCES sessions(id),
  minutes INTEGER,
  rating INTEGER,
  note TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  pain INTEGER,
  headache INTEGER,
  stress INTEGER,
  recorded_at TEXT NOT NULL);
CREATE TABLE entry_techniques(
  entry INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  technique TEXT NOT NULL,
  minutes INTEGER NOT NULL,
  PRIMARY KEY(entry, technique));
)sql",
    // Version 2: a saved plan records the adaptations it was made with (plan --adapt), and
    // the day lookups every command makes get indexes.
    R"sql(
ALTER TABLE plans ADD COLUMN adaptations TEXT NOT NULL DEFAULT '';
CREATE INDEX sessions_by_day ON sessions(day, start);
CREATE INDEX entries_by_day ON entries(day);
CREATE INDEX entries_by_session ON entries(session);
)sql",
    // Version 3: pauses (`pause --from DAY --to DAY`), entries of kind 'pause' whose day is the
    // first day paused and `until` the last.
    R"sql(
ALTER TABLE entries ADD COLUMN until TEXT;
)sql",
};

}  // namespace mp::history
