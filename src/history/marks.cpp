#include "history/marks.hpp"

#include <map>
#include <string>

namespace mp::history {

Marks mark_sessions(const std::vector<model::SavedSession>& sessions,
                    const std::vector<model::Entry>& entries) {
  Marks marks;
  // Techniques done or skipped per day, from entries that name techniques.
  std::map<std::pair<model::Date, std::string>, model::EntryKind> by_technique;
  for (const auto& e : entries) {
    if (e.kind == model::EntryKind::kCheckIn) continue;
    if (e.session) {
      (e.kind == model::EntryKind::kDone ? marks.done : marks.skipped).insert(*e.session);
      continue;
    }
    for (const auto& t : e.techniques) {
      auto& kind = by_technique.try_emplace({e.date, t.technique}, e.kind).first->second;
      if (e.kind == model::EntryKind::kDone) kind = e.kind;
    }
  }
  if (!by_technique.empty()) {
    for (const auto& s : sessions) {
      if (s.items.empty()) continue;
      bool all_done = true;
      bool all_skipped = true;
      for (const auto& item : s.items) {
        auto it = by_technique.find({s.date, item.technique});
        auto kind = it == by_technique.end() ? model::EntryKind::kCheckIn : it->second;
        all_done &= kind == model::EntryKind::kDone;
        all_skipped &= kind == model::EntryKind::kSkip;
      }
      if (all_done)
        marks.done.insert(s.id);
      else if (all_skipped)
        marks.skipped.insert(s.id);
    }
  }
  for (auto id : marks.done) marks.skipped.erase(id);
  return marks;
}

double done_item_minutes(const model::SavedSession& session, const model::SavedItem& item,
                         const model::Entry& done) {
  const int planned = session.minutes();
  if (!done.minutes || planned <= 0) return item.minutes;
  return static_cast<double>(item.minutes) * *done.minutes / planned;
}

}  // namespace mp::history
