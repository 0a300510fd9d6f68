#pragma once
// v3 `today` and `next`: the saved plan's sessions of one day, or the next open one, in words
// for a terminal or a status bar, and as JSON for scripts (docs/formats.md). `agenda` uses the
// plan writers (export.hpp) instead.
#include <ostream>
#include <string>
#include <vector>

#include "model/agenda.hpp"
#include "model/library.hpp"
#include "model/when.hpp"

namespace mp::exporter {

/// The schema ids of the two JSON documents.
inline constexpr std::string_view kTodaySchemaId = "massage-plan/today@1";
inline constexpr std::string_view kNextSchemaId = "massage-plan/next@1";

/// A span of minutes as people say it: "5 min", "2 h", "2 h 15 min" (0 is "0 min").
std::string span_words(int minutes);

/// Minutes from now until the session starts; negative once it has begun.
long long minutes_until(const model::SavedSession& session, const model::When& now);

/// One line for a status bar (no newline): "21:00 Self-care 10 min: Progressive muscle
/// relaxation (in 2 h 15 min)"; "(now, until 21:10)" once begun; "tomorrow 07:30 …" or
/// "Sat 2026-03-07 07:30 …" on a later day; 24 h or more ahead, "(in N days)". The summary is
/// ics_summary's.
std::string next_line(const model::AgendaSession& next, const model::When& now,
                      const model::Library& library);

/// `next --format json`: the massage-plan/next@1 document for the session.
void write_next_json(std::ostream& out, const model::AgendaSession& next, const model::When& now,
                     const model::Library& library);

/// `today`: the day's sessions (in time order) with their states. paused_reason is set when a
/// pause covers the day (empty text: a pause without a reason).
void write_today_text(std::ostream& out, model::Date day,
                      const std::vector<model::AgendaSession>& sessions,
                      const std::optional<std::string>& paused_reason,
                      const model::Library& library);
/// `today --format json`: the massage-plan/today@1 document.
void write_today_json(std::ostream& out, model::Date day,
                      const std::vector<model::AgendaSession>& sessions,
                      const std::optional<std::string>& paused_reason,
                      const model::Library& library);

}  // namespace mp::exporter
