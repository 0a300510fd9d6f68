#pragma once
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "model/library.hpp"
#include "model/plan.hpp"

namespace mp::exporter {

/// The output formats of `plan --format` (SPEC §6).
enum class Format { kText, kMarkdown, kJson, kCsv, kIcs, kHtml };

/// "text", "markdown", "json", "csv", "ics" or "html" → the format; nullopt for anything else.
std::optional<Format> parse_format(std::string_view word);
/// The --format word of a format.
std::string_view to_string(Format format);

/// Choices the caller makes for a writer; the writers read no environment and no clock.
struct ExportOptions {
  bool color = false;       ///< text: ANSI colours (the caller decides: tty, NO_COLOR, --color)
  bool explain = false;     ///< text: goals and score share per item, excluded techniques
  int remind_minutes = 10;  ///< ics: VALARM this many minutes before; 0 = no alarm
  std::optional<long long> dtstamp_epoch;  ///< ics DTSTAMP: SOURCE_DATE_EPOCH, else now
  std::string generator = "massage-plan";  ///< json "generator", ics PRODID, html generator
  /// html: the score of each week block alone (SPEC §4 on that week's days), for the bars under
  /// each week; the planner computes it. Left empty, only a one-week plan shows its bars.
  std::vector<model::Score> week_scores;
  /// html: each technique's figure as an <svg> element, by technique id, drawn by the caller
  /// (mp::figure); the how-to section shows it beside the steps. Left empty, no pictures.
  std::map<std::string, std::string> figures;
};

/// Writes plan in format to out. The library supplies names, doses, steps and cautions.
/// Throws mp::Error(kUsage) for an ics plan whose profile names an unknown time zone.
void write_plan(std::ostream& out, Format format, const model::Plan& plan,
                const model::Library& library, const ExportOptions& options);

/// The per-format writers write_plan dispatches to.
void write_text(std::ostream& out, const model::Plan& plan, const model::Library& library,
                const ExportOptions& options);
void write_markdown(std::ostream& out, const model::Plan& plan, const model::Library& library,
                    const ExportOptions& options);
void write_json(std::ostream& out, const model::Plan& plan, const model::Library& library,
                const ExportOptions& options);
void write_csv(std::ostream& out, const model::Plan& plan, const model::Library& library,
               const ExportOptions& options);
void write_ics(std::ostream& out, const model::Plan& plan, const model::Library& library,
               const ExportOptions& options);
void write_html(std::ostream& out, const model::Plan& plan, const model::Library& library,
                const ExportOptions& options);

}  // namespace mp::exporter
