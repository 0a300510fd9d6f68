// `report --format markdown`: the report as headings and tables, for notes or a therapist.
#include <fmt/format.h>

#include <ostream>

#include "export/markdown_text.hpp"
#include "export/plan_view.hpp"
#include "export/report.hpp"

namespace mp::exporter {
void write_report_markdown(std::ostream& out, const model::Report& r,
                           const model::Library& library) {
  out << fmt::format("# History report {} to {}\n\n", model::format_date(r.from),
                     model::format_date(r.to));
  out << fmt::format("- Adherence: {} of {} planned sessions done ({})\n", r.adherence.done,
                     r.adherence.planned, ratio_text(r.adherence.ratio));
  out << fmt::format("- Streak: {} planned day{} in a row with every session done\n", r.streak,
                     r.streak == 1 ? "" : "s");
  for (const auto& p : r.pauses) out << "- Paused: " << pause_text(p) << "\n";  // v3
  out << "\n";
  out << "## Weeks\n\n| Week | Planned | Done | Adherence | Pain | Headache | Stress |\n"
         "|---|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& w : r.weeks)
    out << fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", w.week, w.adherence.planned,
                       w.adherence.done, ratio_text(w.adherence.ratio), mean_text(w.symptoms.pain),
                       mean_text(w.symptoms.headache), mean_text(w.symptoms.stress));
  if (!r.goals.empty()) {
    out << "\n## Goals\n\n| Goal | Minutes planned | Minutes done | Effective planned | "
           "Effective done |\n|---|---:|---:|---:|---:|\n";
    for (const auto& [id, g] : r.goals)
      out << fmt::format("| {} | {:.0f} | {:.0f} | {:.1f} | {:.1f} |\n",
                         md_inline(goal_name(library, id)), g.planned_minutes, g.done_minutes,
                         g.planned_effective, g.done_effective);
  }
  if (!r.skipped.empty()) {
    out << "\n## Most skipped\n\n";
    for (const auto& s : r.skipped)
      out << fmt::format("- {}: {} time{}\n", md_inline(technique_name(library, s.technique)),
                         s.count, s.count == 1 ? "" : "s");
  }
}

}  // namespace mp::exporter
