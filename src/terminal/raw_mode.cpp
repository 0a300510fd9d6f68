// Raw mode: no line buffering, no echo, the cursor hidden, the alternate screen; and back.
#include <termios.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

#include "terminal/terminal.hpp"

namespace mp::terminal {
namespace {

constexpr std::string_view kEnterScreen = "\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J";
constexpr std::string_view kLeaveScreen = "\x1b[0m\x1b[?25h\x1b[?1049l";

}  // namespace

RawMode::RawMode(int in_fd, int out_fd) : in_fd_(in_fd), out_fd_(out_fd) {
  termios found{};
  if (::tcgetattr(in_fd_, &found) != 0) throw std::runtime_error("not a terminal");
  saved_.resize(sizeof found);
  std::memcpy(saved_.data(), &found, sizeof found);
  enter();
}

RawMode::~RawMode() { leave(); }

void RawMode::enter() {
  if (active_) return;
  termios raw{};
  std::memcpy(&raw, saved_.data(), sizeof raw);
  raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);  // ISIG stays: Ctrl-C, Ctrl-Z signal
  raw.c_cc[VMIN] = 1;
  raw.c_cc[VTIME] = 0;
  ::tcsetattr(in_fd_, TCSADRAIN, &raw);
  write_all(out_fd_, kEnterScreen);
  active_ = true;
}

void RawMode::leave() {
  if (!active_) return;
  active_ = false;
  write_all(out_fd_, kLeaveScreen);
  termios found{};
  std::memcpy(&found, saved_.data(), sizeof found);
  ::tcsetattr(in_fd_, TCSADRAIN, &found);
}

}  // namespace mp::terminal
