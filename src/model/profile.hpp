#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/calendar.hpp"
#include "model/error.hpp"

namespace mp::model {

/// Limits on a profile's values (docs/profile.md, docs/limits.md).
inline constexpr int kMaxSessionMinutes = 480;
inline constexpr int kMaxProfessionalMinutes = 240;
inline constexpr int kMaxProfessionalPerWeek = 7;
inline constexpr int kMaxPriority = 5;
inline constexpr std::size_t kMaxListEntries = 1000;
inline constexpr std::size_t kMaxSessionsPerDay = 24;

/// A goal the person wants, weighted by priority 1..5.
struct GoalPriority {
  std::string id;
  int priority = 1;
  SourceLocation where;
};

/// One self-care slot on each self-care day.
struct SessionSlot {
  int start_minute = 7 * 60 + 30;  ///< minutes after midnight
  int minutes = 15;
  SourceLocation where{};  ///< in the profile file; empty when set by a flag
};

/// Regular visits to a therapist.
struct Professional {
  int sessions_per_week = 1;
  int minutes = 60;
  WeekdaySet weekdays = kAllWeekdays;
  int start_minute = 10 * 60;
  /// v3: the therapist's style: visits use only these techniques (empty: any professional one)
  std::vector<std::string> techniques;
  SourceLocation where{};  ///< in the profile file; empty when set by a flag
};

/// A routine fixed on certain weekdays at a time.
struct PinnedRoutine {
  std::string id;
  WeekdaySet weekdays = kAllWeekdays;
  int start_minute = 12 * 60 + 30;
  SourceLocation where;
};

/// Everything about the person that shapes a plan (SPEC §3 "profile").
struct Profile {
  std::vector<GoalPriority> goals;
  WeekdaySet weekdays = kAllWeekdays;
  std::vector<SessionSlot> sessions{SessionSlot{}};
  std::vector<std::string> conditions;
  std::vector<std::string> equipment;
  std::optional<Professional> professional;
  std::vector<PinnedRoutine> routines;
  std::string timezone;   ///< IANA name, empty = floating local time
  bool household = true;  ///< v2: assume the library's household equipment (chair, towel, …)
  double variety = 0.34;  ///< σ: the share of a goal one technique may carry in a week (0 < σ ≤ 1)
  std::vector<std::string> prefer;  ///< v3: planned at least once a week where eligible and it fits
  std::vector<std::string> avoid;   ///< v3: never planned
  SourceLocation where{};  ///< the profile's mapping in its file; empty when there is none
};

}  // namespace mp::model
