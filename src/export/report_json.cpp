// `report --format json`: the massage-plan/report@1 document (docs/report.schema.json).
#include <fmt/format.h>

#include <cmath>

#include "export/json_writer.hpp"
#include "export/report.hpp"
#include "export/utf8.hpp"

namespace mp::exporter {
namespace {

// Minutes to two decimals: sums of weight × minutes carry float noise no reader wants.
double cents(double v) { return std::round(v * 100) / 100; }

void optional_number(JsonWriter& json, const std::optional<double>& v) {
  if (v)
    json.value(*v);
  else
    json.null();
}

}  // namespace

std::optional<ReportFormat> parse_report_format(std::string_view word) {
  if (word == "text") return ReportFormat::kText;
  if (word == "json") return ReportFormat::kJson;
  if (word == "markdown") return ReportFormat::kMarkdown;
  if (word == "html") return ReportFormat::kHtml;
  return std::nullopt;
}

std::string ratio_text(const std::optional<double>& ratio) {
  return ratio ? fmt::format("{:.0f}%", *ratio * 100) : "-";
}

std::string pause_text(const model::ReportPause& pause) {
  std::string out = model::format_date(pause.from) + " to " + model::format_date(pause.to);
  if (!pause.reason.empty()) out += " (reason: " + pause.reason + ")";
  return printable(out, false);
}

std::string mean_text(const std::optional<double>& mean) {
  return mean ? fmt::format("{:.1f}", *mean) : "-";
}

void write_report(std::ostream& out, ReportFormat format, const model::Report& report,
                  const model::Library& library) {
  switch (format) {
    case ReportFormat::kText:
      return write_report_text(out, report, library);
    case ReportFormat::kJson:
      return write_report_json(out, report);
    case ReportFormat::kMarkdown:
      return write_report_markdown(out, report, library);
    case ReportFormat::kHtml:
      return write_report_html(out, report, library);
  }
}

void write_report_json(std::ostream& out, const model::Report& r) {
  JsonWriter json(out);
  json.begin_object();
  json.key("schema").value(kReportSchemaId);
  json.key("from").value(model::format_date(r.from));
  json.key("to").value(model::format_date(r.to));
  json.key("adherence").begin_object();
  json.key("planned").value(r.adherence.planned);
  json.key("done").value(r.adherence.done);
  json.key("ratio");
  optional_number(json, r.adherence.ratio);
  json.key("upcoming").value(r.adherence.upcoming);
  json.end_object();
  json.key("streak").value(r.streak);
  json.key("weeks").begin_array();
  for (const auto& w : r.weeks) {
    json.begin_object();
    json.key("week").value(w.week);
    json.key("planned").value(w.adherence.planned);
    json.key("done").value(w.adherence.done);
    json.key("adherence");
    optional_number(json, w.adherence.ratio);
    json.key("symptoms").begin_object();
    json.key("pain");
    optional_number(json, w.symptoms.pain);
    json.key("headache");
    optional_number(json, w.symptoms.headache);
    json.key("stress");
    optional_number(json, w.symptoms.stress);
    json.end_object();
    json.end_object();
  }
  json.end_array();
  json.key("goals").begin_object();
  for (const auto& [id, g] : r.goals) {
    json.key(id).begin_object();
    json.key("planned_minutes").value(cents(g.planned_minutes));
    json.key("done_minutes").value(cents(g.done_minutes));
    json.key("planned_effective").value(cents(g.planned_effective));
    json.key("done_effective").value(cents(g.done_effective));
    json.end_object();
  }
  json.end_object();
  json.key("skipped").begin_array();
  for (const auto& s : r.skipped) {
    json.begin_object();
    json.key("technique").value(s.technique);
    json.key("count").value(s.count);
    json.end_object();
  }
  json.end_array();
  json.key("done").begin_array();
  for (const auto& d : r.done) {
    json.begin_object();
    json.key("technique").value(d.technique);
    json.key("minutes").value(cents(d.minutes));
    json.key("times").value(d.times);
    json.end_object();
  }
  json.end_array();
  json.key("notes").begin_array();
  for (const auto& n : r.notes) {
    json.begin_object();
    json.key("date").value(model::format_date(n.date));
    json.key("time");
    if (n.minute)
      json.value(model::format_time(*n.minute));
    else
      json.null();
    json.key("kind").value(model::kEntryKindNames[static_cast<std::size_t>(n.kind)]);
    json.key("text").value(n.text);
    json.end_object();
  }
  json.end_array();
  json.key("pauses").begin_array();  // v3
  for (const auto& p : r.pauses) {
    json.begin_object();
    json.key("from").value(model::format_date(p.from));
    json.key("to").value(model::format_date(p.to));
    json.key("reason").value(p.reason);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  json.finish();
}

}  // namespace mp::exporter
