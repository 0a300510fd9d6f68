#pragma once
// The guided session's loop (start): the player driven by a monotonic clock, keys and signals,
// on a terminal (a screen redrawn in place) or, when stdout is none, as lines.
#include <iosfwd>
#include <optional>

#include "guide/player.hpp"
#include "model/library.hpp"
#include "terminal/terminal.hpp"

namespace mp::cli {

class Speech;

/// How the session is run.
struct GuideSettings {
  bool bell = true;
  bool color = false;
  double clock_speed = 1;    ///< test-only MASSAGE_PLAN_CLOCK_SPEED; 1 is real time
  Speech* speech = nullptr;  ///< --speak
};

/// How a session ended.
struct GuideEnd {
  std::optional<terminal::Signal> signal;  ///< SIGINT, SIGTERM or SIGHUP ended it
  bool quit = false;  ///< `q`, the input closed, or (as lines) the output closed
};

/// Runs the session on the terminal (stdin and stdout) to its end, `q` or a signal; the
/// terminal is given back before it returns or throws.
GuideEnd guide_on_terminal(guide::Player& player, const model::Library& lib,
                           const GuideSettings& settings, terminal::Signals& signals);

/// Prints each cue as a line as it begins, in real time (times the clock speed), to out.
GuideEnd guide_as_lines(guide::Player& player, const GuideSettings& settings,
                        terminal::Signals& signals, std::ostream& out);

/// The exit status after a signal: 128 + its number, as a shell reports it.
int signal_exit_status(terminal::Signal signal);

}  // namespace mp::cli
