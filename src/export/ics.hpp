#pragma once
// RFC 5545 building blocks, exposed for the tests and for anyone writing other iCalendar data.
#include <string>
#include <string_view>

#include "model/calendar.hpp"
#include "model/enums.hpp"
#include "model/library.hpp"
#include "model/plan.hpp"

namespace mp::exporter {

/// A TEXT value escaped per RFC 5545 §3.3.11: backslash, semicolon, comma and newline (CRLF
/// counts as one) escaped; other control characters dropped; invalid UTF-8 replaced by U+FFFD.
std::string ics_escape_text(std::string_view text);
/// One content line folded at 75 octets (RFC 5545 §3.1), CRLF after every physical line. Folds
/// never split a UTF-8 sequence or a backslash escape.
std::string ics_fold_line(std::string_view line);
/// The stable UID of a session: a hash of its date, start, kind and routine, "@massage-plan".
std::string ics_session_uid(model::Date date, int start_minute, model::SessionKind kind,
                            std::string_view routine);

/// The longest calendar SUMMARY, in characters: what a phone's event list shows on one line.
inline constexpr int kIcsSummaryWidth = 64;
/// An event's SUMMARY, naming what to do: "Self-care 10 min: Chin tuck, Upper trapezius stretch"
/// ("Professional massage 60 min: …", or the routine's name for a routine). Names that do not fit
/// in kIcsSummaryWidth end in "+ N more"; a first name too long alone is cut with "…".
std::string ics_summary(const model::PlannedSession& session, const model::Library& library);

}  // namespace mp::exporter
