#pragma once
// What a guided session records in the history (start): docs/guide.md, "What is recorded".
#include <optional>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "guide/player.hpp"
#include "model/history.hpp"

namespace mp::cli {

/// What was guided: a session of the saved plan, or techniques of the person's choosing.
struct GuidedWhat {
  std::optional<model::SavedSession> session;
  model::Date date;  ///< the day it was guided on (the session's day for a saved one)
  int minute = 0;    ///< when it began
};

/// The entries for how the session went (pure): nothing when no technique began; one `done`
/// of the whole session when every technique was done; else a `done` of the finished
/// techniques with their real minutes and a `skip` of the rest.
std::vector<model::Entry> guided_entries(const GuidedWhat& what,
                                         const std::vector<guide::TechniqueResult>& results,
                                         bool began, const std::string& recorded_at);

/// Records them in one transaction and returns them with their ids.
std::vector<model::Entry> record_guided(const Context& ctx, std::vector<model::Entry> entries);

/// Sets the rating of the done entry with id.
void rate_guided(const Context& ctx, long long entry_id, int rating);

}  // namespace mp::cli
