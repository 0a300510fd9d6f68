#pragma once
// Words and numbers every writer shows the same way, so the formats agree with each other.
#include <string>
#include <string_view>
#include <vector>

#include "model/library.hpp"
#include "model/plan.hpp"

namespace mp::exporter {

/// The technique's name from the library, or its id when the library lacks it.
std::string technique_name(const model::Library& library, std::string_view id);
/// The routine's name from the library, or its id when the library lacks it.
std::string routine_name(const model::Library& library, std::string_view id);
/// The goal's name from the library, or its id when the library lacks it.
std::string goal_name(const model::Library& library, std::string_view id);
/// Planned minutes of a session: the sum of its items, or end − start when it has none.
int session_minutes(const model::PlannedSession& session);
/// Where the session ends, in minutes after the start day's midnight (always after the start).
int session_end_minute(const model::PlannedSession& session);
/// "Self-care: 15 min (3 techniques)", "Professional massage: Swedish massage", or the
/// routine's name.
std::string session_title(const model::PlannedSession& session, const model::Library& library);
/// The goals of the profile that the technique serves, with their weights, in profile order.
std::vector<std::pair<std::string, double>> served_goals(const model::Plan& plan,
                                                         const model::Library& library,
                                                         std::string_view technique);
/// --explain's words for a technique held back by its share of a goal: "carries its full share of
/// stress (34% of the weekly target) in weeks 1 and 3; more of it adds nothing to that goal's
/// weekly part". `days` is the plan's horizon (one block: no weeks named; all: "every week").
std::string held_back_reason(const model::HeldBack& held, int days);
/// One section --explain adds after the plan: a title, an id for html anchors, and one line per
/// entry ("technique: why").
struct ExplainSection {
  std::string title;
  std::string id;
  std::vector<std::string> lines;
};
/// The sections of --explain that have entries, in order: what the history taught (plan
/// --adapt), what is held back at its share of a goal, what is left out. Every format shows these.
std::vector<ExplainSection> explain_sections(const model::Plan& plan);
/// A double in the shortest form that reads back exactly ("0.5", "3", "0.1").
std::string format_number(double value);
/// "Monday", … for a weekday index (Monday = 0).
std::string_view weekday_long_name(model::WeekdayIndex weekday);
/// "Mon", … for a weekday index (Monday = 0).
std::string_view weekday_short_name(model::WeekdayIndex weekday);

}  // namespace mp::exporter
