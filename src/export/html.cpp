// `plan --format html`: one self-contained page, a section per week that prints on one A4 page
// (the days with a checkbox per item, the dose of each technique of the week, the week's goal
// coverage as bars and the safety line), then how to do each technique of the plan: its picture,
// steps and cautions (docs/formats.md).
#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "export/export.hpp"
#include "export/html_chart.hpp"
#include "export/html_page.hpp"
#include "export/plan_view.hpp"
#include "export/safety_notes.hpp"

namespace mp::exporter {
namespace {

std::string long_date(model::Date date) {
  return std::string(weekday_long_name(model::weekday_of(date))) + " " + model::format_date(date);
}

std::string plan_title(const model::Plan& plan) {
  std::string title = "Massage plan: " + model::format_date(plan.start);
  if (plan.days > 1)
    title += " to " + model::format_date(model::add_days(plan.start, plan.days - 1));
  return title;
}

void write_item(std::ostream& out, const model::Library& library, const model::PlanItem& item,
                bool done) {
  // v3 agenda: the items of a session the history has as done are ticked.
  out << "<li><label><input type=\"checkbox\"" << (done ? " checked" : "") << "> <span>"
      << html_text(technique_name(library, item.technique)) << "</span> <span class=\"minutes\">"
      << item.minutes << " min</span></label></li>\n";
}

/// The session's kind in a word or two: the items carry the names and minutes.
std::string short_title(const model::PlannedSession& session, const model::Library& library) {
  switch (session.kind) {
    case model::SessionKind::kSelf:
      return "Self-care";
    case model::SessionKind::kProfessional:
      return "Professional massage";
    case model::SessionKind::kRoutine:
      return session_title(session, library);
  }
  return {};
}

void write_day(std::ostream& out, const model::Library& library, const model::PlanDay& day) {
  out << "<li class=\"day\">\n<h3>" << weekday_short_name(model::weekday_of(day.date)) << ' '
      << model::format_date(day.date) << "</h3>\n";
  if (day.sessions.empty()) {
    out << "<p class=\"note\">Rest day: nothing planned.</p>\n</li>\n";
    return;
  }
  out << "<ul class=\"sessions\">\n";
  for (const auto& session : day.sessions) {
    // Print drops the word "Self-care" to save a line a day; the other kinds keep their names.
    const bool self = session.kind == model::SessionKind::kSelf;
    out << "<li class=\"session\">\n<p class=\"when\">" << model::format_time(session.start_minute)
        << "&ndash;" << model::format_time(session_end_minute(session)) << " <span"
        << (self ? " class=\"kind-self\"" : "") << ">" << html_text(short_title(session, library))
        << "</span>";
    // v3 agenda: done, skipped and paused are labelled; an open session has empty boxes.
    if (session.state && *session.state != model::SessionState::kOpen)
      out << " <span class=\"state state-" << model::to_string(*session.state) << "\">"
          << model::to_string(*session.state) << "</span>";
    out << "</p>\n<ul class=\"items\">\n";
    const bool done = session.state == model::SessionState::kDone;
    for (const auto& item : session.items) write_item(out, library, item, done);
    out << "</ul>\n</li>\n";
  }
  out << "</ul>\n</li>\n";
}

/// The techniques of the week's days in the order they first appear.
std::vector<std::string> techniques_of(const std::vector<model::PlanDay>& days) {
  std::vector<std::string> ids;
  for (const auto& day : days)
    for (const auto& session : day.sessions)
      for (const auto& item : session.items)
        if (std::find(ids.begin(), ids.end(), item.technique) == ids.end())
          ids.push_back(item.technique);
  return ids;
}

/// The cautions that several of `ids` carry (the stop rule of every neck technique, say, is in
/// the header instead): printed once, before the techniques, as "For several of these:".
std::vector<std::string> shared_cautions(const model::Library& library,
                                         const std::vector<std::string>& ids) {
  std::vector<std::string> seen;
  std::vector<std::string> shared;
  for (const auto& id : ids)
    if (const auto* t = library.find_technique(id))
      for (const auto& caution : t->cautions) {
        if (is_stop_rule(caution)) continue;  // in the header, once
        if (std::find(seen.begin(), seen.end(), caution) == seen.end())
          seen.push_back(caution);
        else if (std::find(shared.begin(), shared.end(), caution) == shared.end())
          shared.push_back(caution);
      }
  return shared;
}

/// A technique's cautions that are neither the stop rule nor among `shared`.
std::vector<const std::string*> own_cautions(const model::Technique& technique,
                                             const std::vector<std::string>& shared) {
  std::vector<const std::string*> own;
  for (const auto& caution : technique.cautions)
    if (!is_stop_rule(caution) && std::find(shared.begin(), shared.end(), caution) == shared.end())
      own.push_back(&caution);
  return own;
}

void write_shared(std::ostream& out, const std::vector<std::string>& shared) {
  if (shared.empty()) return;
  out << "<ul class=\"cautions shared\">\n";
  for (const auto& caution : shared)
    out << "<li><span class=\"caution\">For several of these:</span> " << html_text(caution)
        << "</li>\n";
  out << "</ul>\n";
}

/// The week's page: each technique of the week once, with its dose, so the week prints on one
/// page; its steps, picture and cautions are in the how-to section after the weeks.
void write_doses(std::ostream& out, const model::Library& library,
                 const std::vector<std::string>& ids, int week) {
  if (ids.empty()) return;
  out << "<div class=\"doses-block\">\n<h3 id=\"doses-" << week << "\">Doses this week</h3>\n"
      << "<ul class=\"doses\">\n";
  for (const auto& id : ids) {
    out << "<li><strong>" << html_text(technique_name(library, id)) << "</strong>";
    if (const auto* technique = library.find_technique(id); technique && !technique->dose.empty())
      out << ": " << html_text(technique->dose);
    out << "</li>\n";
  }
  out << "</ul>\n<p class=\"note\">How to do each, with its picture and cautions: <a "
         "href=\"#howto\">How to do the techniques</a>, after the last week.</p>\n</div>\n";
}

/// After the weeks: how to do every technique of the plan, once each, in the order they first
/// appear: the picture beside the dose, the steps and the cautions.
void write_howto(std::ostream& out, const model::Library& library,
                 const std::vector<std::string>& ids,
                 const std::map<std::string, std::string>& figures) {
  if (ids.empty()) return;
  const auto shared = shared_cautions(library, ids);
  out << "<section class=\"howto-all\" aria-labelledby=\"howto\">\n"
      << "<h2 id=\"howto\">How to do the techniques</h2>\n<div class=\"howto\">\n";
  write_shared(out, shared);
  for (const auto& id : ids) {
    out << "<div class=\"technique\">\n<h3>" << html_text(technique_name(library, id)) << "</h3>\n";
    const auto* technique = library.find_technique(id);
    if (technique == nullptr) {
      out << "</div>\n";
      continue;
    }
    if (auto figure = figures.find(id); figure != figures.end())
      out << "<div class=\"howto-figure\">" << figure->second << "</div>\n";
    if (!technique->dose.empty())
      out << "<p><strong>Dose:</strong> " << html_text(technique->dose) << "</p>\n";
    if (technique->steps.empty() && !technique->description.empty())
      out << "<p>" << html_text(technique->description) << "</p>\n";
    if (!technique->steps.empty()) {
      out << "<ol class=\"steps\">\n";
      for (const auto& step : technique->steps)
        out << "<li>" << html_text(step.line()) << "</li>\n";
      out << "</ol>\n";
    }
    const auto own = own_cautions(*technique, shared);
    if (!own.empty()) {
      out << "<ul class=\"cautions\">\n";
      for (const auto* caution : own)
        out << "<li><span class=\"caution\">Caution:</span> " << html_text(*caution) << "</li>\n";
      out << "</ul>\n";
    }
    out << "</div>\n";
  }
  out << "</div>\n</section>\n";
}

void write_coverage(std::ostream& out, const model::Plan& plan, const model::Library& library,
                    const model::Score& score, int week) {
  std::vector<BarRow> rows;
  std::string desc;
  for (const auto& goal : plan.profile.goals) {
    auto it = score.goals.find(goal.id);
    if (it == score.goals.end()) continue;
    const auto& s = it->second;
    BarRow row{goal_name(library, goal.id),
               {{s.weekly, whole_percent(s.weekly)},
                {s.daily, whole_percent(s.daily)},
                {s.score, whole_percent(s.score)}}};
    if (!desc.empty()) desc += " ";
    desc += row.label + ": weekly " + row.bars[0].value + ", daily " + row.bars[1].value +
            ", score " + row.bars[2].value + ".";
    rows.push_back(std::move(row));
  }
  if (rows.empty()) return;
  const std::string n = std::to_string(week);
  out << "<div class=\"coverage\">\n<h3 id=\"coverage-" << n << "\">Goal coverage in week " << n
      << "</h3>\n<figure>\n";
  write_bar_chart(out,
                  {"coverage-chart-" + n,
                   "Goal coverage in week " + n + " (share of each goal's target reached)", desc},
                  {"weekly", "daily", "score"}, rows);
  out << "<figcaption>Week score " << whole_percent(score.total)
      << ". Weekly: share of each goal's weekly target reached; daily: how evenly it is spread "
         "over the days.</figcaption>\n</figure>\n</div>\n";
}

void write_week(std::ostream& out, const model::Plan& plan, const model::Library& library,
                const ExportOptions& options, int week, int weeks) {
  const auto first = static_cast<std::size_t>(7 * week);
  const auto last = std::min(plan.plan.size(), first + 7);
  const std::vector<model::PlanDay> days(plan.plan.begin() + static_cast<std::ptrdiff_t>(first),
                                         plan.plan.begin() + static_cast<std::ptrdiff_t>(last));
  const int n = week + 1;
  out << "<section class=\"week\" aria-labelledby=\"week-" << n << "\">\n<h2 id=\"week-" << n
      << "\">Week " << n;
  if (!days.empty()) {
    out << ": " << html_text(long_date(days.front().date));
    if (days.size() > 1) out << " to " << html_text(long_date(days.back().date));
  }
  out << "</h2>\n<ul class=\"days\">\n";
  for (const auto& day : days) write_day(out, library, day);
  out << "</ul>\n";
  write_doses(out, library, techniques_of(days), n);
  // Each week's own score when the caller computed it; a one-week plan's score is the week's.
  if (static_cast<int>(options.week_scores.size()) == weeks)
    write_coverage(out, plan, library, options.week_scores[static_cast<std::size_t>(week)], n);
  else if (weeks == 1)
    write_coverage(out, plan, library, plan.score, n);
  out << "<p class=\"safety\">" << html_text(safety_line()) << "</p>\n</section>\n";
}

}  // namespace

void write_html(std::ostream& out, const model::Plan& plan, const model::Library& library,
                const ExportOptions& options) {
  const std::string title = plan_title(plan);
  write_page_start(out, title, options.generator);
  out << "<header>\n<h1>" << html_text(title) << "</h1>\n";
  if (!plan.profile.goals.empty()) {
    out << "<p class=\"meta\">Goals: ";
    for (std::size_t i = 0; i < plan.profile.goals.size(); ++i) {
      const auto& goal = plan.profile.goals[i];
      if (i > 0) out << ", ";
      out << html_text(goal_name(library, goal.id)) << " (priority " << goal.priority << ")";
    }
    out << ". Plan score " << whole_percent(plan.score.total) << ".</p>\n";
  }
  for (const auto& warning : plan.warnings)
    out << "<p class=\"warning\"><strong>Warning:</strong> " << html_text(warning) << "</p>\n";
  out << "<div class=\"notes\">\n<p class=\"stop-rule\">" << html_text(stop_rule()) << "</p>\n";
  for (const auto& c : stated_condition_advice(plan, library))
    out << "<p><strong>" << html_text(c.name) << ":</strong> " << html_text(c.advice) << "</p>\n";
  out << "</div>\n</header>\n<main>\n";
  const int weeks = static_cast<int>((plan.plan.size() + 6) / 7);
  for (int k = 0; k < weeks; ++k) write_week(out, plan, library, options, k, weeks);
  if (options.explain) {
    // Printed, the first starts a page of its own, so the last week keeps its page.
    for (const auto& section : explain_sections(plan)) {
      out << "<section class=\"explain\" aria-labelledby=\"" << section.id << "\">\n<h2 id=\""
          << section.id << "\">" << html_text(section.title) << "</h2>\n<ul>\n";
      for (const auto& line : section.lines) out << "<li>" << html_text(line) << "</li>\n";
      out << "</ul>\n</section>\n";
    }
  }
  write_howto(out, library, techniques_of(plan.plan), options.figures);
  out << "</main>\n";
  write_page_end(out);
}

}  // namespace mp::exporter
