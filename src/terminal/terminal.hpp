#pragma once
// The terminal (v3, `start`): the only place that touches termios, signals and escape codes.
// It knows nothing of techniques: lines in, keys and signals out.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mp::terminal {

/// Whether fd is a terminal.
bool is_terminal(int fd);

/// The width in columns of the terminal fd is; 0 when it is none or cannot say.
int columns(int fd);

/// The signals the guided session answers, delivered through a self-pipe so the loop wakes.
enum class Signal { kInterrupt, kTerminate, kHangUp, kSuspend, kContinue, kResize };

/// Installs handlers for SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT and SIGWINCH that write to a
/// self-pipe and ignores SIGPIPE (a write to a closed pipe fails instead); the destructor puts
/// the previous handlers back. One at a time.
class Signals {
 public:
  Signals();
  ~Signals();
  Signals(const Signals&) = delete;
  Signals& operator=(const Signals&) = delete;
  /// The read end of the self-pipe, for poll().
  [[nodiscard]] int fd() const;
  /// The signals that arrived since the last call, oldest first (never blocks).
  std::vector<Signal> take();
  /// Stops the process as the default SIGTSTP would, and returns once it is continued.
  void suspend();
};

/// Raw mode as an RAII guard: no line buffering, no echo, cursor hidden, the alternate screen;
/// Ctrl-C and Ctrl-Z still raise their signals. The destructor (and leave()) give the terminal
/// back exactly as it was found.
class RawMode {
 public:
  /// Saves the settings of in_fd and switches them; out_fd gets the escape codes.
  RawMode(int in_fd, int out_fd);
  ~RawMode();
  RawMode(const RawMode&) = delete;
  RawMode& operator=(const RawMode&) = delete;
  /// Gives the terminal back (idempotent).
  void leave();
  /// Switches again after leave() (after a suspension).
  void enter();
  [[nodiscard]] bool active() const { return active_; }

 private:
  struct Saved;
  int in_fd_;
  int out_fd_;
  bool active_ = false;
  std::vector<unsigned char> saved_;  ///< the struct termios found, as bytes
};

/// What waiting gave: a key, a signal's arrival, or the time ran out.
struct Wake {
  std::optional<char> key;
  bool signal = false;
  bool closed = false;  ///< the input ended (end of file, hang-up)
};

/// Waits up to timeout_ms (negative: without limit) for a key on in_fd or a byte on signal_fd
/// (-1: none), with poll(): the process sleeps in between.
Wake wait(int in_fd, int signal_fd, int timeout_ms);

/// How a line of the screen looks.
enum class Style { kPlain, kBold, kDim, kAccent, kWarning };

/// One line of the screen.
struct Line {
  std::string text;
  Style style = Style::kPlain;
};

/// Display columns of UTF-8 text (one per code point; the screen's text has no wide ones).
int width_of(std::string_view text);
/// text cut to at most columns display columns, at a code point boundary.
std::string truncate(std::string_view text, int columns);
/// text word-wrapped to lines of at most columns display columns (a longer word is cut).
std::vector<std::string> wrap(std::string_view text, int columns);

/// A screen that redraws in place: home, each line cleared and written (cut to the width),
/// then the rest of the screen cleared. Colour only when color is set.
std::string frame(const std::vector<Line>& lines, int columns, bool color);

/// The bell.
inline constexpr std::string_view kBell = "\a";

/// Writes all of text to fd, retrying on EINTR; false when it cannot (the terminal is gone).
bool write_all(int fd, std::string_view text);

}  // namespace mp::terminal
