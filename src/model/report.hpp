#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/calendar.hpp"
#include "model/history.hpp"

namespace mp::model {

/// Planned sessions, how many were done, and done ÷ planned (absent when nothing was planned).
/// A session not yet due (later today, or after today) and not marked is not planned yet: it
/// counts under upcoming (overall only), so it never lowers adherence before its time.
struct Adherence {
  int planned = 0;
  int done = 0;
  std::optional<double> ratio;
  int upcoming = 0;
};

/// Mean symptom ratings over some days; absent where there was no check-in with that rating.
struct SymptomMeans {
  std::optional<double> pain;
  std::optional<double> headache;
  std::optional<double> stress;
};

/// One ISO week of the report (clipped to the report's range).
struct ReportWeek {
  std::string week;  ///< ISO week, e.g. "2026-W10"
  Date first;        ///< first day of the week inside the range
  Date last;         ///< last day of the week inside the range
  Adherence adherence;
  SymptomMeans symptoms;
};

/// One goal's minutes and effective minutes (minutes × the technique's weight for the goal).
struct ReportGoal {
  double planned_minutes = 0;
  double done_minutes = 0;
  double planned_effective = 0;
  double done_effective = 0;
};

/// How often a technique was skipped in the range.
struct SkipCount {
  std::string technique;
  int count = 0;
};

/// What was done of one technique in the range: minutes and how many times (entries).
struct TechniqueDone {
  std::string technique;
  double minutes = 0;
  int times = 0;
};

/// A note (done, check-in) or a skip's reason, as the person wrote it, oldest first.
struct ReportNote {
  Date date;
  EntryKind kind = EntryKind::kDone;
  std::optional<int> minute;  ///< the session's start time, or the moment given
  std::string text;           ///< the note, or for a skip its reason
};

/// Days off (`pause`, v3) that meet the report's range: neither planned nor missed.
struct ReportPause {
  Date from;
  Date to;
  std::string reason;
};

/// The whole `report`: a plain value an export writer renders (text, json, markdown, html).
struct Report {
  Date from;
  Date to;
  Adherence adherence;
  int streak = 0;  ///< consecutive planned days, back from `to`, all of whose sessions were done
  std::vector<ReportWeek> weeks;
  std::map<std::string, ReportGoal> goals;
  std::vector<SkipCount> skipped;   ///< most skipped first
  std::vector<TechniqueDone> done;  ///< most minutes first, then by id
  std::vector<ReportNote> notes;    ///< by date, then in the order recorded
  std::vector<ReportPause> pauses;  ///< v3: pauses meeting [from, to], in the order recorded
};

}  // namespace mp::model
