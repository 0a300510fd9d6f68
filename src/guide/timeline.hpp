#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "model/library.hpp"
#include "model/plan.hpp"

namespace mp::guide {

/// What a cue asks for: get ready, meet the next technique, read a step, hold, rest.
enum class CueKind { kReady, kTechnique, kRead, kHold, kRest };
/// The words for CueKind in the timeline JSON, in declaration order.
inline constexpr std::array<std::string_view, 5> kCueKindNames{"ready", "technique", "read", "hold",
                                                               "rest"};
/// Which side a cue is for; kNone for steps done once.
enum class Side { kNone, kLeft, kRight };

/// One cue of a guided session: what to do from `at` for `seconds`.
struct Cue {
  int at = 0;             ///< seconds from the start of the session
  int seconds = 0;        ///< how long it lasts (0: a marker, the technique's heading)
  std::string technique;  ///< technique id
  std::string text;
  CueKind kind = CueKind::kRead;
  Side side = Side::kNone;
  int round = 0;   ///< holds: 1..rounds (counted per side); 0 otherwise
  int rounds = 0;  ///< holds: rounds on this side; 0 otherwise
  bool operator==(const Cue&) const = default;
};

/// A whole guided session, cue after cue.
struct Timeline {
  std::vector<Cue> cues;
  int total_seconds = 0;
};

/// One technique with its planned minutes.
struct Item {
  std::string technique;
  int minutes = 0;
};

/// Settings of a timeline.
struct Options {
  int ready_seconds = 10;  ///< the get-ready countdown; 0: none
};

/// Seconds given to reading an untimed step aloud or in the head: 2.5 words a second
/// (150 words a minute), at least 5 and at most 30.
int reading_seconds(std::string_view text);

/// The cues of one technique filling minutes exactly (docs/guide.md, "Guided sessions: the
/// timeline"), from at 0, heading first. Throws mp::Error (exit 64) for a professional visit.
std::vector<Cue> technique_cues(const model::Technique& t, int minutes);

/// A session of items in order, after the get-ready cue. Throws mp::Error for an unknown
/// technique (exit 65: the plan does not match the library) or a professional visit (exit 64).
Timeline make_timeline(const std::vector<Item>& items, const model::Library& library,
                       const Options& options);

/// A routine's steps as a session.
Timeline routine_timeline(const model::Routine& routine, const model::Library& library,
                          const Options& options);

/// A saved plan's session; a professional visit has no guide (mp::Error, exit 64).
Timeline session_timeline(const model::PlannedSession& session, const model::Library& library,
                          const Options& options);

}  // namespace mp::guide
