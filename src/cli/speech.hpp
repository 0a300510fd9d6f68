#pragma once
// `start --speak`: each cue said aloud by the espeak-ng program, never waiting for it.
#include <sys/types.h>

#include <string>

namespace mp::cli {

/// Runs espeak-ng for each text, one at a time: a new text stops the one still being said.
/// With a folder (the test-only MASSAGE_PLAN_SPEAK_DIR), each text is written to
/// DIR/001.wav, DIR/002.wav, … instead, none stopped, and all are waited for at the end.
class Speech {
 public:
  /// Throws mp::Error (exit 69) saying how to install espeak-ng when it is not on PATH.
  explicit Speech(std::string wav_dir = {});
  ~Speech();
  Speech(const Speech&) = delete;
  Speech& operator=(const Speech&) = delete;

  /// Starts saying text (posix_spawnp; returns at once).
  void say(const std::string& text);
  /// Collects the children that ended (never blocks).
  void reap();

 private:
  std::string wav_dir_;
  int files_ = 0;
  pid_t speaking_ = -1;  ///< the child saying the latest text (aloud), -1 when none
  int running_ = 0;      ///< children not yet collected
};

/// Whether espeak-ng is on PATH.
bool espeak_available();

}  // namespace mp::cli
