// `report --format markdown`: the report as headings and tables, for notes or a therapist.
#include <fmt/format.h>

#include <ostream>

#include "export/markdown_text.hpp"
#include "export/plan_view.hpp"
#include "export/report.hpp"
#include "export/report_words.hpp"

namespace mp::exporter {
void write_report_markdown(std::ostream& out, const model::Report& r,
                           const model::Library& library) {
  out << fmt::format("# History report {} to {}\n\n", model::format_date(r.from),
                     model::format_date(r.to));
  out << "- Adherence: " << adherence_words(r) << "\n";
  out << "- Streak: " << streak_words(r) << "\n";
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
  if (!r.done.empty()) {
    out << "\n## Done per technique\n\n| Technique | Minutes | Times |\n|---|---:|---:|\n";
    for (const auto& d : r.done)
      out << fmt::format("| {} | {:.0f} | {} |\n", md_inline(technique_name(library, d.technique)),
                         d.minutes, d.times);
  }
  if (!r.skipped.empty()) {
    out << "\n## Most skipped\n\n";
    for (const auto& s : r.skipped)
      out << fmt::format("- {}: {} time{}\n", md_inline(technique_name(library, s.technique)),
                         s.count, s.count == 1 ? "" : "s");
  }
  if (!r.notes.empty()) {
    out << "\n## Notes\n\n";
    for (const auto& n : r.notes)
      out << fmt::format("- {} ({}): {}\n", note_when(n), note_kind(n), md_inline(n.text));
  }
}

}  // namespace mp::exporter
