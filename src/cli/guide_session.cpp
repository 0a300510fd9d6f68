#include "cli/guide_session.hpp"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <ostream>

#include "cli/guide_screen.hpp"
#include "cli/speech.hpp"
#include "cli/timeline_output.hpp"

namespace mp::cli {
namespace {

// Milliseconds of session time from a monotonic clock started now, at the test-only speed.
class SessionClock {
 public:
  explicit SessionClock(double speed) : speed_(speed), start_(std::chrono::steady_clock::now()) {}
  [[nodiscard]] std::int64_t now_ms() const {
    const auto real =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_);
    return static_cast<std::int64_t>(real.count() * speed_);
  }
  // Real milliseconds to wait for session_ms of session time (at least 1; -1 stays -1).
  [[nodiscard]] int real_wait(std::int64_t session_ms) const {
    if (session_ms < 0) return -1;
    return std::max(1, static_cast<int>(std::ceil(static_cast<double>(session_ms) / speed_)));
  }

 private:
  double speed_;
  std::chrono::steady_clock::time_point start_;
};

bool ends_session(terminal::Signal s) {
  return s == terminal::Signal::kInterrupt || s == terminal::Signal::kTerminate ||
         s == terminal::Signal::kHangUp;
}

// Says the cue that just began, and the last 3 seconds of the get-ready countdown.
class Voice {
 public:
  explicit Voice(Speech* speech) : speech_(speech) {}
  void cue_began(const guide::Player& p) {
    if (speech_ == nullptr || p.finished()) return;
    speech_->say(spoken_words(p.timeline().cues[p.current()], p.heading()));
    counted_ = -1;
  }
  void tick(const guide::Player& p) {
    if (speech_ == nullptr) return;
    speech_->reap();
    if (p.finished() || p.timeline().cues[p.current()].kind != guide::CueKind::kReady) return;
    const auto left = static_cast<int>((p.cue_left_ms() + 999) / 1000);
    if (left >= 1 && left <= 3 && left != counted_) {
      counted_ = left;
      speech_->say(std::to_string(left));
    }
  }

 private:
  Speech* speech_;
  int counted_ = -1;
};

}  // namespace

int signal_exit_status(terminal::Signal signal) {
  switch (signal) {
    case terminal::Signal::kInterrupt:
      return 130;
    case terminal::Signal::kTerminate:
      return 143;
    case terminal::Signal::kHangUp:
      return 129;
    default:
      return 1;
  }
}

GuideEnd guide_on_terminal(guide::Player& player, const model::Library& lib,
                           const GuideSettings& settings, terminal::Signals& signals) {
  terminal::RawMode raw(STDIN_FILENO, STDOUT_FILENO);
  const SessionClock clock(settings.clock_speed);
  Voice voice(settings.speech);
  GuideEnd end;
  bool ring = true;  // the first cue begins
  voice.cue_began(player);
  while (true) {
    if (player.advance(clock.now_ms())) {
      ring = true;
      voice.cue_began(player);
    }
    voice.tick(player);
    int columns = terminal::columns(STDOUT_FILENO);
    if (columns <= 0) columns = 80;
    std::string frame = terminal::frame(guide_screen(player, lib, columns),
                                        std::min(columns, kMaxColumns), settings.color);
    if (ring && settings.bell) frame += terminal::kBell;
    ring = false;
    terminal::write_all(STDOUT_FILENO, frame);
    if (player.finished() || player.quit() || end.signal) break;
    const auto wake =
        terminal::wait(STDIN_FILENO, signals.fd(), clock.real_wait(player.wake_in_ms()));
    if (wake.key) {
      if (const auto key = guide::key_of(*wake.key); key && player.press(*key, clock.now_ms())) {
        ring = true;
        voice.cue_began(player);
      }
    }
    if (wake.closed) end.quit = true;
    if (end.quit) break;
    if (!wake.signal) continue;
    for (const auto s : signals.take()) {
      if (ends_session(s)) {
        end.signal = s;
      } else if (s == terminal::Signal::kSuspend) {
        if (!player.paused()) player.press(guide::Key::kPause, clock.now_ms());
        raw.leave();
        signals.suspend();
        raw.enter();
      } else if (s == terminal::Signal::kContinue) {
        raw.leave();  // stopped from outside (SIGSTOP): take the terminal again
        raw.enter();
      }
    }
    if (end.signal) break;
  }
  player.advance(clock.now_ms());
  end.quit = end.quit || player.quit();
  return end;
}

GuideEnd guide_as_lines(guide::Player& player, const GuideSettings& settings,
                        terminal::Signals& signals, std::ostream& out) {
  const SessionClock clock(settings.clock_speed);
  Voice voice(settings.speech);
  GuideEnd end;
  std::size_t printed = 0;  // cues printed so far (headings with their first step)
  const auto& cues = player.timeline().cues;
  voice.cue_began(player);
  while (true) {
    if (player.advance(clock.now_ms())) voice.cue_began(player);
    voice.tick(player);
    for (; printed < cues.size() && (player.finished() || printed <= player.current()); ++printed)
      out << cue_line(cues[printed]) << '\n';
    if (player.finished()) out << clock_text(player.timeline().total_seconds) << "  End.\n";
    out.flush();
    if (!out) {  // the reader is gone (SIGPIPE is ignored): stop as `q` does, and record
      end.quit = true;
      break;
    }
    if (player.finished()) break;
    const auto wake = terminal::wait(-1, signals.fd(), clock.real_wait(player.wake_in_ms()));
    if (!wake.signal) continue;
    for (const auto s : signals.take()) {
      if (ends_session(s)) end.signal = s;
      if (s == terminal::Signal::kSuspend) signals.suspend();  // Ctrl-Z stops it as is
    }
    if (end.signal) break;
  }
  player.advance(clock.now_ms());
  return end;
}

}  // namespace mp::cli
