// `report --format text`: the figures a person reads at a glance, sparklines for the weeks.
#include <fmt/format.h>

#include <array>
#include <cmath>
#include <ostream>

#include "export/plan_view.hpp"
#include "export/report.hpp"
#include "export/utf8.hpp"

namespace mp::exporter {
namespace {

// The sparkline, then "4.0 -> 5.5 (+1.5)" from the first to the last week with a value.
std::string trend(const std::vector<std::optional<double>>& values, double top,
                  std::string_view none, bool show_change) {
  std::optional<double> first, last;
  int weeks = 0;
  for (const auto& v : values)
    if (v) {
      if (!first) first = v;
      last = v;
      ++weeks;
    }
  if (!first) return std::string(none);
  std::string out = sparkline(values, top);
  if (show_change && weeks == 1) out += fmt::format("  {:.1f}", *last);
  if (show_change && weeks > 1)
    out += fmt::format("  {:.1f} -> {:.1f} ({:+.1f})", *first, *last, *last - *first);
  return out;
}

}  // namespace

std::string sparkline(const std::vector<std::optional<double>>& values, double top) {
  static constexpr std::array<std::string_view, 8> kBars{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  std::string out;
  for (const auto& v : values) {
    if (!v) {
      out += ' ';
      continue;
    }
    double f = top > 0 ? std::clamp(*v / top, 0.0, 1.0) : 0;
    out += kBars[static_cast<std::size_t>(std::lround(f * 7))];
  }
  return out;
}

void write_report_text(std::ostream& out, const model::Report& r, const model::Library& library) {
  out << fmt::format("History report {} to {}\n\n", model::format_date(r.from),
                     model::format_date(r.to));
  out << fmt::format("  Adherence  {} of {} planned sessions done ({})\n", r.adherence.done,
                     r.adherence.planned, ratio_text(r.adherence.ratio));
  out << fmt::format("  Streak     {} planned day{} in a row with every session done\n", r.streak,
                     r.streak == 1 ? "" : "s");
  // v3: days off, neither planned nor missed.
  for (const auto& p : r.pauses)
    out << "  Paused     " << pause_text(p) << "\n";
  out << "\n";

  out << "  Week       Planned  Done  Adherence   Pain  Headache  Stress\n";
  std::vector<std::optional<double>> adherence, pain, headache, stress;
  for (const auto& w : r.weeks) {
    out << fmt::format("  {:<9}  {:>7}  {:>4}  {:>9}  {:>5}  {:>8}  {:>6}\n", w.week,
                       w.adherence.planned, w.adherence.done, ratio_text(w.adherence.ratio),
                       mean_text(w.symptoms.pain), mean_text(w.symptoms.headache),
                       mean_text(w.symptoms.stress));
    adherence.push_back(w.adherence.ratio);
    pain.push_back(w.symptoms.pain);
    headache.push_back(w.symptoms.headache);
    stress.push_back(w.symptoms.stress);
  }
  out << "\n  Trend by week (oldest first)\n";
  out << fmt::format("    adherence  {}\n", trend(adherence, 1.0, "no sessions planned", false));
  for (auto [name, values] :
       {std::pair{"pain", &pain}, std::pair{"headache", &headache}, std::pair{"stress", &stress}}) {
    out << fmt::format("    {:<9}  {}\n", name, trend(*values, 10.0, "no check-ins", true));
  }

  if (!r.goals.empty()) {
    out << "\n  Goal                       Minutes planned / done   Effective planned / done\n";
    for (const auto& [id, g] : r.goals)
      out << fmt::format(
          "  {}  {:>13.0f} / {:<8.0f}  {:>15.1f} / {:.1f}\n",
          pad_to_width(truncate_to_width(printable(goal_name(library, id), false), 24), 24),
          g.planned_minutes, g.done_minutes, g.planned_effective, g.done_effective);
  }
  if (!r.skipped.empty()) {
    out << "\n  Most skipped\n";
    std::size_t shown = 0;
    for (const auto& s : r.skipped) {
      if (++shown > 5) break;
      const std::string name = printable(technique_name(library, s.technique), false);
      out << fmt::format("    {}  {} time{}\n", pad_to_width(truncate_to_width(name, 40), 40),
                         s.count, s.count == 1 ? "" : "s");
    }
  }
}

}  // namespace mp::exporter
