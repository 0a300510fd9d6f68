#pragma once
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "model/history.hpp"
#include "model/library.hpp"
#include "model/report.hpp"

namespace mp::exporter {

/// The schema id of `report --format json` (docs/report.schema.json).
inline constexpr std::string_view kReportSchemaId = "massage-plan/report@1";

/// The formats of `report --format`.
enum class ReportFormat { kText, kJson, kMarkdown, kHtml };
/// "text", "json", "markdown" or "html" → the format; nullopt for anything else.
std::optional<ReportFormat> parse_report_format(std::string_view word);

/// Writes report in format to out (text fits 80 columns, with sparklines of the weeks). Text,
/// markdown and html name goals and techniques by their names in library (ids it lacks stay
/// ids); JSON keeps the ids.
void write_report(std::ostream& out, ReportFormat format, const model::Report& report,
                  const model::Library& library);
void write_report_text(std::ostream& out, const model::Report& report,
                       const model::Library& library);
void write_report_json(std::ostream& out, const model::Report& report);
void write_report_markdown(std::ostream& out, const model::Report& report,
                           const model::Library& library);
/// One self-contained page: adherence per week as bars, each symptom as a line over the weeks,
/// goals as bars, a data table beside every chart (docs/formats.md).
void write_report_html(std::ostream& out, const model::Report& report,
                       const model::Library& library);

/// A report ratio as "85%", or "-" when there is none (nothing planned); every report format
/// writes it so.
std::string ratio_text(const std::optional<double>& ratio);
/// A pause (v3) as "2026-03-09 to 2026-03-15 (reason: holiday)", printable; every report
/// format writes it so.
std::string pause_text(const model::ReportPause& pause);
/// A weekly mean rating as "4.5", or "-" when there is none (no check-in).
std::string mean_text(const std::optional<double>& mean);

/// "▁▂▃▄▅▆▇█" bars of values scaled from 0 to top; a missing value is a space.
std::string sparkline(const std::vector<std::optional<double>>& values, double top);

/// The formats of `history --format`.
enum class HistoryFormat { kText, kJson, kCsv };
/// "text", "json" or "csv" → the format; nullopt for anything else.
std::optional<HistoryFormat> parse_history_format(std::string_view word);
/// Saved sessions by id, for the time and items of entries that mark a session.
using SessionsById = std::map<long long, model::SavedSession>;
/// One line saying what an entry records (session: the saved session it marks, or null).
std::string describe_entry(const model::Entry& entry, const model::SavedSession* session);
/// Writes every entry in format: text one line each, json an array, csv RFC 4180 rows.
void write_history(std::ostream& out, HistoryFormat format,
                   const std::vector<model::Entry>& entries, const SessionsById& sessions);

}  // namespace mp::exporter
