// `report --format text`: the figures a person reads at a glance, sparklines for the weeks.
#include <fmt/format.h>

#include <array>
#include <cmath>
#include <ostream>

#include "export/plan_view.hpp"
#include "export/report.hpp"
#include "export/report_words.hpp"
#include "export/utf8.hpp"

namespace mp::exporter {
namespace {

constexpr int kWidth = 80;  // SPEC §6: text fits 80 columns
// The goal table's figures after the name: "  planned   done   planned     done".
constexpr int kGoalFiguresWidth = 37;

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
  out << "  Adherence  " << adherence_words(r) << "\n";
  out << "  Streak     " << streak_words(r) << "\n";
  // v3: days off, neither planned nor missed.
  for (const auto& p : r.pauses) out << "  Paused     " << pause_text(p) << "\n";
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
    // The name column is as wide as the longest name, so names that fit 80 columns are whole.
    int name_width = 4;
    for (const auto& [id, g] : r.goals)
      name_width = std::max(name_width, display_width(printable(goal_name(library, id), false)));
    name_width = std::min(name_width, kWidth - kGoalFiguresWidth);
    out << fmt::format("\n  {}  Minutes          Effective minutes\n",
                       pad_to_width("Goal", name_width));
    out << fmt::format("  {}  planned   done   planned     done\n", std::string(name_width, ' '));
    for (const auto& [id, g] : r.goals)
      out << fmt::format(
          "  {}  {:>7.0f}  {:>5.0f}   {:>7.1f}  {:>7.1f}\n",
          pad_to_width(truncate_to_width(printable(goal_name(library, id), false), name_width),
                       name_width),
          g.planned_minutes, g.done_minutes, g.planned_effective, g.done_effective);
  }
  if (!r.done.empty()) {
    out << fmt::format("\n  {:<42}  {:>7}  {:>5}\n", "Done per technique", "Minutes", "Times");
    for (const auto& d : r.done)
      out << fmt::format(
          "    {}  {:>7.0f}  {:>5}\n",
          pad_to_width(
              truncate_to_width(printable(technique_name(library, d.technique), false), 40), 40),
          d.minutes, d.times);
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
  if (!r.notes.empty()) {
    out << "\n  Notes\n";
    for (const auto& n : r.notes) {
      const std::string head = fmt::format("    {:<16}  {:<8}  ", note_when(n), note_kind(n));
      const int indent = display_width(head);
      const auto lines = wrap_to_width(printable(n.text, false), kWidth - indent);
      for (std::size_t i = 0; i < lines.size(); ++i)
        out << (i == 0 ? head : std::string(static_cast<std::size_t>(indent), ' ')) << lines[i]
            << "\n";
    }
  }
}

}  // namespace mp::exporter
