#include "history/pause.hpp"

#include <algorithm>

namespace mp::history {

std::set<model::Date> paused_days(const std::vector<model::Entry>& entries) {
  std::set<model::Date> out;
  for (const auto& e : entries) {
    if (e.kind != model::EntryKind::kPause || !e.until) continue;
    model::Date d = e.date;
    for (int i = 0; i < kMaxPauseDays && d <= *e.until; ++i, d = model::add_days(d, 1))
      out.insert(d);
  }
  return out;
}

std::vector<model::SavedSession> without_paused(const std::vector<model::SavedSession>& sessions,
                                                const std::set<model::Date>& paused) {
  std::vector<model::SavedSession> out;
  std::copy_if(sessions.begin(), sessions.end(), std::back_inserter(out),
               [&](const model::SavedSession& s) { return paused.count(s.date) == 0; });
  return out;
}

}  // namespace mp::history
