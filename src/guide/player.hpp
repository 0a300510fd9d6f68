#pragma once
// The guided session's player (v3, `start`): where a session is, given the time and the keys.
// Pure: no clock, no terminal. Times are milliseconds of a monotonic clock from the start,
// pauses included; the player takes the pauses out itself.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "guide/timeline.hpp"

namespace mp::guide {

/// The keys of a guided session (docs/guide.md, "Keys").
enum class Key { kPause, kNext, kBack, kSkip, kQuit, kHelp };

/// The key a character stands for: space, n, b, s, q, ? (either case); none for the rest.
std::optional<Key> key_of(char c);

/// How one technique of the session went.
struct TechniqueResult {
  std::string technique;
  int planned_minutes = 0;
  std::int64_t spent_ms = 0;  ///< session time spent in its cues (jumps and pauses not counted)
  bool done = false;          ///< the session went past its end without skipping it
  bool skipped = false;       ///< `s` skipped it
  /// Whole minutes spent, rounded, at least 1 when done.
  [[nodiscard]] int minutes() const;
};

/// Plays a timeline.
class Player {
 public:
  explicit Player(Timeline timeline);

  /// Moves to now; true when the current cue changed (a bell, a cue to say).
  bool advance(std::int64_t now_ms);
  /// Applies a key at now (after advance(now_ms)); true when the current cue changed.
  bool press(Key key, std::int64_t now_ms);

  [[nodiscard]] const Timeline& timeline() const { return timeline_; }
  /// The index of the current cue (never a heading); timeline().cues.size() when finished.
  [[nodiscard]] std::size_t current() const { return current_; }
  /// The heading (kTechnique) of the current cue's technique; none during get-ready.
  [[nodiscard]] const Cue* heading() const;
  /// The first cue with time after the current one; none at the last.
  [[nodiscard]] const Cue* next() const;
  /// 1-based number of the current technique among the session's; 0 during get-ready.
  [[nodiscard]] int technique_number() const;
  [[nodiscard]] int technique_count() const { return static_cast<int>(results_.size()); }
  /// Session time from the start, pauses excluded.
  [[nodiscard]] std::int64_t position_ms() const { return position_; }
  /// Milliseconds left of the current cue, and of the session.
  [[nodiscard]] std::int64_t cue_left_ms() const;
  [[nodiscard]] std::int64_t session_left_ms() const;
  [[nodiscard]] bool paused() const { return paused_; }
  [[nodiscard]] bool help() const { return help_; }
  [[nodiscard]] bool finished() const { return current_ >= timeline_.cues.size(); }
  [[nodiscard]] bool quit() const { return quit_; }
  /// Milliseconds of the monotonic clock until the next redraw: the next whole second of a
  /// countdown or the next cue; -1 while paused or over (nothing changes until a key).
  [[nodiscard]] std::int64_t wake_in_ms() const;
  /// Each technique as it went so far, in order.
  [[nodiscard]] const std::vector<TechniqueResult>& results() const { return results_; }
  /// Whether any technique began (the session went past the get-ready countdown).
  [[nodiscard]] bool began() const;

 private:
  std::size_t cue_at(std::int64_t position) const;
  bool jump(std::int64_t position);
  void finish_up_to(std::int64_t position);
  int technique_of(std::size_t cue) const;

  Timeline timeline_;
  std::vector<TechniqueResult> results_;
  std::vector<int> technique_;      ///< per cue: index into results_, -1 for get-ready
  std::vector<std::int64_t> ends_;  ///< per technique: session ms where it ends
  std::int64_t position_ = 0;       ///< session ms
  std::int64_t last_now_ = 0;       ///< the clock at the last advance
  std::size_t current_ = 0;
  bool paused_ = false;
  bool help_ = false;
  bool quit_ = false;
};

}  // namespace mp::guide
