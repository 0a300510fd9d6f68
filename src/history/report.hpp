#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/history.hpp"
#include "model/report.hpp"
#include "model/when.hpp"

namespace mp::history {

/// The ISO 8601 week of d, e.g. "2026-W10".
std::string iso_week(model::Date d);
/// The Monday of d's ISO week.
model::Date week_start(model::Date d);

/// The report over [from, to] (SPEC §5). sessions and entries are every saved session and
/// entry up to `to` (earlier ones count for the streak); goals are the saved plans' goals
/// (when empty, every goal a done technique serves); weights give effective minutes. now is the
/// present (today and the minute): a session that begins after it and is not marked is upcoming,
/// not planned; without now every session is due. Pause
/// entries (v3) among `entries` take their days out of the figures and are listed. Pure.
model::Report make_report(const std::vector<model::SavedSession>& sessions,
                          const std::vector<model::Entry>& entries,
                          const std::vector<std::string>& goals, const model::GoalWeights& weights,
                          model::Date from, model::Date to,
                          const std::optional<model::When>& now = std::nullopt);

}  // namespace mp::history
