#pragma once
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/calendar.hpp"
#include "model/enums.hpp"

namespace mp::model {

/// One item of a saved session: a technique and its planned minutes.
struct SavedItem {
  std::string technique;
  int minutes = 0;
};

/// A session of the saved (current) plan, as the history store keeps it.
struct SavedSession {
  long long id = 0;  ///< the store's id, referenced by entries that mark the session
  Date date;
  int start_minute = 0;  ///< minutes after midnight
  int end_minute = 0;
  SessionKind kind = SessionKind::kSelf;
  std::string routine;  ///< the routine id for routine sessions
  std::vector<SavedItem> items;
  /// Planned minutes of all items.
  [[nodiscard]] int minutes() const {
    int m = 0;
    for (const auto& i : items) m += i.minutes;
    return m;
  }
};

/// What an entry records.
enum class EntryKind { kDone, kSkip, kCheckIn, kPause };
/// The words for entry kinds, as `history` prints them.
inline constexpr std::array<std::string_view, 4> kEntryKindNames{"done", "skip", "check-in",
                                                                 "pause"};

/// A technique recorded by `done`/`skip --technique`, with the minutes done (0 for a skip).
struct EntryTechnique {
  std::string technique;
  int minutes = 0;
};

/// The symptom ratings of a check-in (NRS-11, 0–10); each may be absent.
struct Symptoms {
  std::optional<int> pain;
  std::optional<int> headache;
  std::optional<int> stress;
};

/// One history entry: a session or techniques done or skipped, or a check-in.
struct Entry {
  long long id = 0;
  EntryKind kind = EntryKind::kDone;
  Date date;
  std::optional<int> minute;               ///< time of day given with WHEN, if any
  std::optional<long long> session;        ///< the saved session it marks (no --technique)
  std::vector<EntryTechnique> techniques;  ///< with --technique; empty for a whole session
  std::optional<int> minutes;              ///< done: --minutes for a whole session
  std::optional<int> rating;               ///< done: how helpful, 1–5
  std::string note;
  std::string reason;       ///< skip, pause: --reason
  std::optional<Date> until;  ///< pause (v3): the last day paused; `date` is the first
  Symptoms symptoms;        ///< check-in
  std::string recorded_at;  ///< when it was written, "YYYY-MM-DDTHH:MM:SS" local time
};

/// Every technique's goal weights, as the report needs them: technique → goal → weight.
using GoalWeights = std::map<std::string, std::map<std::string, double>, std::less<>>;

}  // namespace mp::model
