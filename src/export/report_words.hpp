#pragma once
// The words every human-readable report format shares (text, markdown, html), so the three say
// the same thing and differ only in layout.
#include <string>

#include "model/library.hpp"
#include "model/report.hpp"

namespace mp::exporter {

/// "22 of 26 planned sessions done (85%)", then "; 2 more still to come" when some are not due.
std::string adherence_words(const model::Report& report);
/// "6 planned days in a row with every session done".
std::string streak_words(const model::Report& report);
/// "2026-03-03 07:30" (the session or moment the note is about), or the date alone.
std::string note_when(const model::ReportNote& note);
/// "done", "skipped" or "check-in": what the note came with.
std::string note_kind(const model::ReportNote& note);
/// "45 min" for whole minutes, else "7.5 min".
std::string minutes_words(double minutes);
/// "1 time", "9 times".
std::string times_words(int times);

}  // namespace mp::exporter
