#pragma once
// v3 pauses (`pause --from DAY --to DAY`): days off that count neither as planned nor as missed.
#include <set>
#include <vector>

#include "model/history.hpp"

namespace mp::history {

/// The longest pause one command records, in days.
inline constexpr int kMaxPauseDays = 366;

/// Every day that a pause entry among `entries` covers (date … until). Pure.
std::set<model::Date> paused_days(const std::vector<model::Entry>& entries);

/// The sessions not on a paused day. Pure.
std::vector<model::SavedSession> without_paused(const std::vector<model::SavedSession>& sessions,
                                                const std::set<model::Date>& paused);

}  // namespace mp::history
