#pragma once
#include <set>
#include <vector>

#include "model/history.hpp"

namespace mp::history {

/// Which saved sessions the entries mark done or skipped.
struct Marks {
  std::set<long long> done;
  std::set<long long> skipped;
};

/// A session is done when a `done` names it, or when `done --technique` entries of its day
/// cover every item; skipped likewise when every item was skipped (a done wins). Pure.
Marks mark_sessions(const std::vector<model::SavedSession>& sessions,
                    const std::vector<model::Entry>& entries);

/// The minutes each item of a done session counts for: its planned minutes, scaled to
/// `done --minutes` when given.
double done_item_minutes(const model::SavedSession& session, const model::SavedItem& item,
                         const model::Entry& done);

}  // namespace mp::history
