#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <sstream>
#include <string>
#include <unordered_map>

#include "export/export.hpp"
#include "export/plan_view.hpp"
#include "export/safety_notes.hpp"
#include "export/utf8.hpp"

namespace mp::exporter {
namespace {

constexpr int kWidth = 80;       // the whole view fits a classic terminal
constexpr int kItemIndent = 13;  // "    15 min  " then the name
constexpr int kNameWidth = 28;   // name column when the dose shares the line
constexpr int kDoseIndent = kItemIndent + kNameWidth + 2;
constexpr int kGoalNameWidth = 24;
constexpr int kBarWidth = 10;

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kRed = "\x1b[31m";
constexpr std::string_view kGreen = "\x1b[32m";
constexpr std::string_view kYellow = "\x1b[33m";
constexpr std::string_view kCyan = "\x1b[36m";

/// Writes plain text, wrapping pieces in ANSI codes only when colour is on.
class Painter {
 public:
  Painter(std::ostream& out, bool color) : out_(out), color_(color) {}
  Painter& operator<<(std::string_view text) {
    out_ << text;
    return *this;
  }
  Painter& paint(std::string_view style, std::string_view text) {
    if (color_ && !text.empty())
      out_ << style << text << kReset;
    else
      out_ << text;
    return *this;
  }
  /// Lines of text, the first after `first` columns already written, the rest at `indent`.
  void wrapped(std::string_view style, std::string_view text, int indent, int width) {
    auto lines = wrap_to_width(text, width);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) out_ << std::string(static_cast<std::size_t>(indent), ' ');
      paint(style, lines[i]);
      out_ << '\n';
    }
  }

 private:
  std::ostream& out_;
  bool color_;
};

std::string percent(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%3d%%",
                static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 100)));
  return buf;
}

std::string fixed3(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", std::isfinite(v) ? v : 0.0);
  return buf;
}

/// "##########" part of a bar: filled in proportion to v in [0, 1].
void bar(Painter& p, double v) {
  double clamped = std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0.0;
  auto filled = static_cast<std::size_t>(std::lround(clamped * kBarWidth));
  std::string_view style = clamped >= 0.8 ? kGreen : clamped >= 0.5 ? kYellow : kRed;
  p.paint(style, std::string(filled, '#'));
  p << std::string(static_cast<std::size_t>(kBarWidth) - filled, '.') << " " << percent(v);
}

// An item's name and dose, wrapped: what follows its minutes. The same for every item of a
// technique, so a long plan renders each technique's once (Items).
void write_item_text(Painter& p, const model::Library& library, const std::string& id) {
  const auto* technique = library.find_technique(id);
  std::string name = printable(technique_name(library, id), false);
  std::string dose = technique != nullptr ? printable(technique->dose, true) : std::string();
  const int rest = kWidth - kItemIndent;
  const std::string indent(static_cast<std::size_t>(kItemIndent), ' ');
  if (display_width(name) <= kNameWidth && !dose.empty()) {
    p.paint(kBold, name);
    p << std::string(static_cast<std::size_t>(kNameWidth - display_width(name) + 2), ' ');
    p.wrapped(kDim, dose, kDoseIndent, kWidth - kDoseIndent);
  } else {
    p.wrapped(kBold, name, kItemIndent, rest);
    if (!dose.empty()) {
      p << indent;
      p.wrapped(kDim, dose, kItemIndent, rest);
    }
  }
}

/// write_item_text's output per technique id, rendered at first use (a year's plan has
/// thousands of items of a few techniques; wrapping each again was a fifth of its cost).
class Items {
 public:
  Items(const model::Library& library, bool color) : library_(library), color_(color) {}
  const std::string& text(const std::string& id) {
    auto it = cache_.find(id);
    if (it != cache_.end()) return it->second;
    std::ostringstream out;
    Painter p(out, color_);
    write_item_text(p, library_, id);
    return cache_.emplace(id, out.str()).first->second;
  }

 private:
  const model::Library& library_;
  bool color_;
  std::unordered_map<std::string, std::string> cache_;
};

void write_item(Painter& p, const model::Plan& plan, const model::Library& library, Items& items,
                const model::PlanItem& item, const ExportOptions& options) {
  char minutes[32];
  std::snprintf(minutes, sizeof minutes, "    %3d min  ", item.minutes);
  p << minutes << items.text(item.technique);
  if (options.explain) {
    std::string why = "goals: ";
    auto served = served_goals(plan, library, item.technique);
    if (served.empty()) why += "none of yours";
    for (std::size_t i = 0; i < served.size(); ++i) {
      if (i > 0) why += ", ";
      why += served[i].first + " " + format_number(served[i].second);
    }
    why += "; score share " + fixed3(item.score_share);
    p << std::string(static_cast<std::size_t>(kItemIndent), ' ');
    p.wrapped({}, why, kItemIndent, kWidth - kItemIndent);
  }
}

void write_coverage(Painter& p, const model::Plan& plan, const model::Library& library) {
  // Profile goals first, in the person's order, then any other goal the score mentions.
  std::vector<std::string> order;
  for (const auto& goal : plan.profile.goals)
    if (plan.score.goals.count(goal.id) != 0) order.push_back(goal.id);
  for (const auto& [id, unused] : plan.score.goals)
    if (std::find(order.begin(), order.end(), id) == order.end()) order.push_back(id);

  if (!order.empty()) {
    p << "  ";
    p.paint(kBold, pad_to_width("Goal coverage", kGoalNameWidth));
    p << " weekly          daily           score\n";
  }
  for (const auto& id : order) {
    const auto& goal = plan.score.goals.at(id);
    p << "  "
      << pad_to_width(truncate_to_width(printable(goal_name(library, id), false), kGoalNameWidth),
                      kGoalNameWidth);
    p << " ";
    bar(p, goal.weekly);
    p << " ";
    bar(p, goal.daily);
    p << " ";
    bar(p, goal.score);
    p << "\n";
  }
  p.paint(kBold, "Total score: " + fixed3(plan.score.total));
  p << " (" << percent(plan.score.total).substr(percent(plan.score.total).find_first_not_of(' '))
    << ")\n";
}

}  // namespace

void write_text(std::ostream& out, const model::Plan& plan, const model::Library& library,
                const ExportOptions& options) {
  Painter p(out, options.color);
  Items items(library, options.color);
  std::string title = "Massage plan: " + model::format_date(plan.start);
  if (plan.days > 1)
    title += " to " + model::format_date(model::add_days(plan.start, plan.days - 1)) + " (" +
             std::to_string(plan.days) + " days)";
  p.paint(kBold, truncate_to_width(title, kWidth));
  p << "\n";
  if (!plan.profile.goals.empty()) {
    // Wrap between goals, never inside "(priority N)".
    std::string line = "Goals:";
    for (std::size_t i = 0; i < plan.profile.goals.size(); ++i) {
      const auto& goal = plan.profile.goals[i];
      std::string piece = printable(goal_name(library, goal.id), false) + " (priority " +
                          std::to_string(goal.priority) + ")" +
                          (i + 1 < plan.profile.goals.size() ? "," : "");
      piece = truncate_to_width(piece, kWidth - 7);
      if (i > 0 && display_width(line) + 1 + display_width(piece) > kWidth) {
        p << line << "\n";
        line = "      ";
      }
      line += " " + piece;
    }
    p << line << "\n";
  }
  for (const auto& warning : plan.warnings) {
    p.paint(kYellow, "warning: ");
    p.wrapped({}, printable(warning, true), 9, kWidth - 9);
  }
  // The stop rule and the stated conditions' advice, once, before the days.
  p.wrapped({}, std::string(stop_rule()), 2, kWidth - 2);
  for (const auto& c : stated_condition_advice(plan, library))
    p.wrapped({}, printable(c.name, false) + ": " + printable(c.advice, true), 2, kWidth - 2);

  for (const auto& day : plan.plan) {
    p << "\n";
    p.paint(kBold, std::string(weekday_long_name(model::weekday_of(day.date))) + ", " +
                       model::format_date(day.date));
    p << "\n";
    if (day.sessions.empty()) p.paint(kDim, "  no sessions") << "\n";
    for (const auto& session : day.sessions) {
      p << "  ";
      p.paint(kCyan, model::format_time(session.start_minute) + "-" +
                         model::format_time(session_end_minute(session)));
      // v3 agenda: the saved session's state after its title.
      std::string state = session.state ? std::string(model::to_string(*session.state)) : "";
      const int room = kWidth - 15 - (state.empty() ? 0 : static_cast<int>(state.size()) + 3);
      p << "  " << truncate_to_width(printable(session_title(session, library), false), room);
      if (!state.empty()) {
        p << "  [";
        p.paint(session.state == model::SessionState::kDone      ? kGreen
                : session.state == model::SessionState::kSkipped ? kYellow
                                                                 : kDim,
                state);
        p << "]";
      }
      p << "\n";
      for (const auto& item : session.items) write_item(p, plan, library, items, item, options);
    }
  }

  p << "\n";
  write_coverage(p, plan, library);

  if (!options.explain) return;
  for (const auto& section : explain_sections(plan)) {
    p << "\n";
    p.paint(kBold, section.title);
    p << "\n";
    for (const auto& line : section.lines) {
      p << "  ";
      p.wrapped({}, printable(line, true), 4, kWidth - 4);
    }
  }
}

}  // namespace mp::exporter
