#include <cmath>
#include <cstdio>
#include <map>
#include <ostream>

#include "export/export.hpp"
#include "export/markdown_text.hpp"
#include "export/plan_view.hpp"
#include "export/safety_notes.hpp"
#include "export/utf8.hpp"

namespace mp::exporter {

std::string md_inline(std::string_view raw) {
  std::string text = printable(raw, false);
  auto first = text.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  auto last = text.find_last_not_of(' ');
  text = text.substr(first, last - first + 1);

  std::string out;
  out.reserve(text.size() + 8);
  // "1. foo" or "3) foo" at the start would nest an ordered list: escape its delimiter.
  std::size_t digits = text.find_first_not_of("0123456789");
  std::size_t escape_at = std::string::npos;
  if (digits != std::string::npos && digits > 0 && (text[digits] == '.' || text[digits] == ')'))
    escape_at = digits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool block_start = i == 0 && (c == '-' || c == '+' || c == '=');
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '&':
      case '#':
      case '|':
      case '~':
      case '!':
        out += '\\';
        break;
      default:
        if (block_start || i == escape_at) out += '\\';
    }
    out += c;
  }
  return out;
}

namespace {

std::string percent(double v) {
  double clamped = std::isfinite(v) ? std::fmax(0.0, std::fmin(1.0, v)) : 0.0;
  return std::to_string(std::lround(clamped * 100)) + "%";
}

std::string fixed3(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", std::isfinite(v) ? v : 0.0);
  return buf;
}

/// What every item of one technique shows besides its minutes, escaped once per plan: a long
/// plan lists the same few techniques hundreds of times.
struct ItemText {
  std::string name;  // escaped
  std::string dose;  // ": dose", or empty
  std::string body;  // the numbered steps and the cautions, nested under the item
};

class ItemTexts {
 public:
  explicit ItemTexts(const model::Library& library) : library_(library) {}

  const ItemText& operator()(const std::string& id) {
    auto [it, fresh] = texts_.try_emplace(id);
    if (fresh) it->second = render(id);
    return it->second;
  }

 private:
  ItemText render(const std::string& id) const {
    ItemText text{md_inline(technique_name(library_, id)), {}, {}};
    const auto* technique = library_.find_technique(id);
    if (technique == nullptr) return text;
    if (!technique->dose.empty()) text.dose = ": " + md_inline(technique->dose);
    // Nested blocks sit two columns in, under the item's text ("- " is two columns wide).
    int n = 0;
    for (const auto& step : technique->steps) {
      std::string line = md_inline(step.line());
      if (!line.empty()) text.body += "  " + std::to_string(++n) + ". " + line + "\n";
    }
    for (const auto& caution : technique->cautions) {
      if (is_stop_rule(caution)) continue;  // shown once, before the days
      std::string line = md_inline(caution);
      if (!line.empty()) text.body += "  - **Caution:** " + line + "\n";
    }
    return text;
  }

  const model::Library& library_;
  std::map<std::string, ItemText> texts_;
};

void write_item(std::ostream& out, const ItemText& text, const model::PlanItem& item, bool done) {
  out << (done ? "- [x] **" : "- [ ] **") << text.name << "**, " << item.minutes << " min"
      << text.dose << "\n"
      << text.body;
}

}  // namespace

void write_markdown(std::ostream& out, const model::Plan& plan, const model::Library& library,
                    const ExportOptions& options) {
  out << "# Massage plan: " << model::format_date(plan.start);
  if (plan.days > 1)
    out << " to " << model::format_date(model::add_days(plan.start, plan.days - 1));
  out << "\n\n";
  if (!plan.profile.goals.empty()) {
    out << "Goals: ";
    for (std::size_t i = 0; i < plan.profile.goals.size(); ++i) {
      const auto& goal = plan.profile.goals[i];
      if (i > 0) out << ", ";
      out << md_inline(goal_name(library, goal.id)) << " (priority " << goal.priority << ")";
    }
    out << ".\n\n";
  }
  for (const auto& warning : plan.warnings) {
    std::string text = md_inline(warning);
    if (!text.empty()) out << "> **Warning:** " << text << "\n\n";
  }
  out << "> " << md_inline(stop_rule()) << "\n";
  for (const auto& c : stated_condition_advice(plan, library))
    out << ">\n> **" << md_inline(c.name) << ":** " << md_inline(c.advice) << "\n";
  out << "\n";

  ItemTexts texts(library);
  for (const auto& day : plan.plan) {
    out << "## " << weekday_long_name(model::weekday_of(day.date)) << ", "
        << model::format_date(day.date) << "\n\n";
    if (day.sessions.empty()) out << "No sessions.\n\n";
    for (const auto& session : day.sessions) {
      out << "### " << model::format_time(session.start_minute) << "-"
          << model::format_time(session_end_minute(session)) << " "
          << md_inline(session_title(session, library));
      if (session.state) out << " (" << model::to_string(*session.state) << ")";  // v3 agenda
      out << "\n\n";
      const bool done = session.state == model::SessionState::kDone;
      for (const auto& item : session.items) write_item(out, texts(item.technique), item, done);
      out << "\n";
    }
  }

  out << "## Goal coverage\n\n";
  for (const auto& goal : plan.profile.goals) {
    auto it = plan.score.goals.find(goal.id);
    if (it == plan.score.goals.end()) continue;
    out << "- " << md_inline(goal_name(library, goal.id)) << ": weekly "
        << percent(it->second.weekly) << ", daily " << percent(it->second.daily) << ", score "
        << percent(it->second.score) << "\n";
  }
  out << "\nTotal score: " << fixed3(plan.score.total) << " (" << percent(plan.score.total)
      << ").\n";

  if (!options.explain) return;
  for (const auto& section : explain_sections(plan)) {
    out << "\n## " << section.title << "\n\n";
    for (const auto& line : section.lines) out << "- " << md_inline(line) << "\n";
  }
}

}  // namespace mp::exporter
