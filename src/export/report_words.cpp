#include "export/report_words.hpp"

#include <fmt/format.h>

#include <cmath>

#include "export/report.hpp"

namespace mp::exporter {

std::string adherence_words(const model::Report& r) {
  std::string out = fmt::format("{} of {} planned sessions done ({})", r.adherence.done,
                                r.adherence.planned, ratio_text(r.adherence.ratio));
  if (r.adherence.upcoming > 0) out += fmt::format("; {} more still to come", r.adherence.upcoming);
  return out;
}

std::string streak_words(const model::Report& r) {
  return fmt::format("{} planned day{} in a row with every session done", r.streak,
                     r.streak == 1 ? "" : "s");
}

std::string note_when(const model::ReportNote& n) {
  return n.minute ? model::format_date(n.date) + " " + model::format_time(*n.minute)
                  : model::format_date(n.date);
}

std::string note_kind(const model::ReportNote& n) {
  switch (n.kind) {
    case model::EntryKind::kDone:
      return "done";
    case model::EntryKind::kSkip:
      return "skipped";
    case model::EntryKind::kCheckIn:
      return "check-in";
    case model::EntryKind::kPause:  // pauses are listed apart, never as notes
      return "pause";
  }
  return {};
}

std::string minutes_words(double minutes) {
  return std::abs(minutes - std::round(minutes)) < 0.05 ? fmt::format("{:.0f} min", minutes)
                                                        : fmt::format("{:.1f} min", minutes);
}

std::string times_words(int times) {
  return fmt::format("{} time{}", times, times == 1 ? "" : "s");
}

}  // namespace mp::exporter
