// `report --format html`: the history report as one self-contained page: adherence per week as
// bars, each symptom as a line over the weeks, a data table beside every chart (docs/formats.md).
#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "export/html_chart.hpp"
#include "export/html_page.hpp"
#include "export/plan_view.hpp"
#include "export/report.hpp"
#include "export/report_words.hpp"

namespace mp::exporter {
namespace {

std::string percent(const std::optional<double>& ratio) {
  return ratio ? whole_percent(*ratio) : "-";
}

void write_adherence(std::ostream& out, const model::Report& r) {
  std::vector<BarRow> rows;
  std::vector<std::vector<std::string>> table;
  std::string desc;
  for (const auto& w : r.weeks) {
    const std::string value = w.adherence.ratio
                                  ? fmt::format("{} of {} ({})", w.adherence.done,
                                                w.adherence.planned, percent(w.adherence.ratio))
                                  : std::string("nothing planned");
    rows.push_back({w.week, {{w.adherence.ratio.value_or(0), value}}});
    table.push_back({w.week, std::to_string(w.adherence.planned), std::to_string(w.adherence.done),
                     percent(w.adherence.ratio)});
    if (!desc.empty()) desc += " ";
    desc += w.week + ": " + value + ".";
  }
  out << "<section aria-labelledby=\"adherence\">\n<h2 id=\"adherence\">Adherence per week</h2>\n"
      << "<div class=\"chart-pair\">\n<figure>\n";
  write_bar_chart(out,
                  {"adherence-chart", "Adherence per week: planned sessions done",
                   desc.empty() ? std::string("No weeks in the range.") : desc},
                  {"sessions done"}, rows);
  out << "</figure>\n";
  write_table(out, "Adherence per week", {"Week", "Planned", "Done", "Adherence"}, table);
  out << "</div>\n</section>\n";
}

void write_symptoms(std::ostream& out, const model::Report& r) {
  std::vector<std::string> labels;
  Series pain{"Pain", {}}, headache{"Headache", {}}, stress{"Stress", {}};
  std::vector<std::vector<std::string>> table;
  for (const auto& w : r.weeks) {
    labels.push_back(w.week.size() > 5 ? w.week.substr(5) : w.week);  // "W10" under the axis
    pain.values.push_back(w.symptoms.pain);
    headache.values.push_back(w.symptoms.headache);
    stress.values.push_back(w.symptoms.stress);
    table.push_back({w.week, mean_text(w.symptoms.pain), mean_text(w.symptoms.headache),
                     mean_text(w.symptoms.stress)});
  }
  std::vector<Series> series;
  std::string desc;
  for (auto* s : {&pain, &headache, &stress}) {
    std::string values;
    for (std::size_t i = 0; i < s->values.size(); ++i)
      if (s->values[i])
        values += (values.empty() ? "" : ", ") + r.weeks[i].week + " " +
                  fmt::format("{:.1f}", *s->values[i]);
    if (values.empty()) continue;
    desc += s->name + " (0 to 10): " + values + ". ";
    series.push_back(*s);
  }
  out << "<section aria-labelledby=\"symptoms\">\n<h2 id=\"symptoms\">Symptoms per week</h2>\n";
  if (series.empty()) {
    out << "<p class=\"note\">No check-ins in this range: record some with <code>massage-plan "
           "check-in</code>.</p>\n</section>\n";
    return;
  }
  out << "<div class=\"chart-pair\">\n<figure>\n";
  if (!desc.empty()) desc.pop_back();
  write_line_chart(out,
                   {"symptoms-chart", "Mean symptom ratings per week (0 none, 10 worst)", desc},
                   labels, series, 0, 10, 2);
  out << "</figure>\n";
  write_table(out, "Mean symptom ratings per week (0 to 10)",
              {"Week", "Pain", "Headache", "Stress"}, table);
  out << "</div>\n</section>\n";
}

void write_goals(std::ostream& out, const model::Report& r, const model::Library& library) {
  if (r.goals.empty()) return;
  std::vector<BarRow> rows;
  std::vector<std::vector<std::string>> table;
  std::string desc;
  for (const auto& [id, g] : r.goals) {
    const double share = g.planned_effective > 0 ? g.done_effective / g.planned_effective : 0;
    const std::string value =
        fmt::format("{:.1f} of {:.1f}", g.done_effective, g.planned_effective);
    const std::string name = goal_name(library, id);
    rows.push_back({name, {{share, value}}});
    table.push_back(
        {name, fmt::format("{:.0f}", g.planned_minutes), fmt::format("{:.0f}", g.done_minutes),
         fmt::format("{:.1f}", g.planned_effective), fmt::format("{:.1f}", g.done_effective)});
    desc += name + ": " + value + " effective minutes done. ";
  }
  desc.pop_back();
  out << "<section aria-labelledby=\"goals\">\n<h2 id=\"goals\">Goals</h2>\n"
      << "<div class=\"chart-pair\">\n<figure>\n";
  write_bar_chart(out, {"goals-chart", "Effective minutes done of those planned, per goal", desc},
                  {"effective minutes done"}, rows);
  out << "</figure>\n";
  write_table(out, "Minutes per goal",
              {"Goal", "Minutes planned", "Minutes done", "Effective planned", "Effective done"},
              table);
  out << "</div>\n</section>\n";
}

// What was done and what was skipped, one row per technique (most minutes done first, then those
// only skipped): one table, so a few weeks of history still print on one A4 page.
void write_techniques(std::ostream& out, const model::Report& r, const model::Library& library) {
  if (r.done.empty() && r.skipped.empty()) return;
  std::vector<std::vector<std::string>> table;
  std::vector<std::string> ids;
  for (const auto& d : r.done) {
    ids.push_back(d.technique);
    table.push_back({technique_name(library, d.technique), fmt::format("{:.0f}", d.minutes),
                     std::to_string(d.times), "0"});
  }
  for (const auto& s : r.skipped) {
    auto it = std::find(ids.begin(), ids.end(), s.technique);
    if (it != ids.end()) {
      table[static_cast<std::size_t>(it - ids.begin())][3] = std::to_string(s.count);
      continue;
    }
    ids.push_back(s.technique);
    table.push_back({technique_name(library, s.technique), "0", "0", std::to_string(s.count)});
  }
  out << "<section aria-labelledby=\"techniques\">\n<h2 id=\"techniques\">Techniques</h2>\n";
  write_table(out, "Done per technique (minutes and times, most minutes first) and times skipped",
              {"Technique", "Minutes done", "Times done", "Times skipped"}, table);
  out << "</section>\n";
}

void write_notes(std::ostream& out, const model::Report& r) {
  if (r.notes.empty()) return;
  // Words, not figures: the cells stay left-aligned (write_table right-aligns figures). A long
  // list may run over a printed page, a row never.
  out << "<section class=\"notes\" aria-labelledby=\"notes\">\n<h2 "
         "id=\"notes\">Notes</h2>\n"
      << "<table>\n<caption>Notes with check-ins and sessions done, and reasons for skipping"
      << "</caption>\n<thead><tr><th scope=\"col\">When</th><th scope=\"col\">With</th>"
      << "<th scope=\"col\">Note</th></tr></thead>\n<tbody>\n";
  for (const auto& n : r.notes)
    out << "<tr><th scope=\"row\">" << html_text(note_when(n))
        << "</th><td>" << html_text(note_kind(n)) << "</td><td>" << html_text(n.text)
        << "</td></tr>\n";
  out << "</tbody>\n</table>\n</section>\n";
}

}  // namespace

void write_report_html(std::ostream& out, const model::Report& r, const model::Library& library) {
  const std::string title =
      "History report " + model::format_date(r.from) + " to " + model::format_date(r.to);
  write_page_start(out, title, "massage-plan");
  out << "<header>\n<h1>" << html_text(title)
      << "</h1>\n<p class=\"meta\">Adherence: " << html_text(adherence_words(r))
      << ". Streak: " << html_text(streak_words(r)) << ".</p>\n";
  for (const auto& p : r.pauses)  // v3
    out << "<p class=\"meta\">Paused: " << html_text(pause_text(p)) << "</p>\n";
  out << "</header>\n<main>\n";
  write_adherence(out, r);
  write_symptoms(out, r);
  write_goals(out, r, library);
  write_techniques(out, r, library);
  write_notes(out, r);
  out << "</main>\n<footer>\n<p class=\"safety\">" << html_text(safety_line())
      << "</p>\n</footer>\n";
  write_page_end(out);
}

}  // namespace mp::exporter
