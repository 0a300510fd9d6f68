// Signals through a self-pipe: the handler only writes the signal's number, the loop reads it.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <stdexcept>

#include "terminal/terminal.hpp"

namespace mp::terminal {
namespace {

constexpr std::array<int, 6> kSignals{SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGWINCH};
int g_pipe[2] = {-1, -1};
std::array<struct sigaction, kSignals.size()> g_previous{};
struct sigaction g_previous_pipe {};

extern "C" void on_signal(int number) {
  const int saved = errno;
  const auto byte = static_cast<unsigned char>(number);
  [[maybe_unused]] auto n = ::write(g_pipe[1], &byte, 1);  // a full pipe drops it: one is enough
  errno = saved;
}

void install(int number, struct sigaction* previous) {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(number, &action, previous);
}

}  // namespace

Signals::Signals() {
  if (g_pipe[0] != -1) throw std::logic_error("terminal::Signals: one at a time");
  if (::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
    throw std::runtime_error("cannot create the signal pipe");
  for (std::size_t i = 0; i < kSignals.size(); ++i) install(kSignals[i], &g_previous[i]);
  // A write to a pipe whose reader is gone fails with EPIPE instead of killing the process, so
  // the caller can still record what was done (the session's output is not its only result).
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  sigaction(SIGPIPE, &ignore, &g_previous_pipe);
}

Signals::~Signals() {
  for (std::size_t i = 0; i < kSignals.size(); ++i) sigaction(kSignals[i], &g_previous[i], nullptr);
  sigaction(SIGPIPE, &g_previous_pipe, nullptr);
  ::close(g_pipe[0]);
  ::close(g_pipe[1]);
  g_pipe[0] = g_pipe[1] = -1;
}

int Signals::fd() const { return g_pipe[0]; }

std::vector<Signal> Signals::take() {
  std::vector<Signal> out;
  unsigned char buffer[64];
  for (;;) {
    const auto n = ::read(g_pipe[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    for (ssize_t i = 0; i < n; ++i) {
      switch (buffer[i]) {
        case SIGINT:
          out.push_back(Signal::kInterrupt);
          break;
        case SIGTERM:
          out.push_back(Signal::kTerminate);
          break;
        case SIGHUP:
          out.push_back(Signal::kHangUp);
          break;
        case SIGTSTP:
          out.push_back(Signal::kSuspend);
          break;
        case SIGCONT:
          out.push_back(Signal::kContinue);
          break;
        case SIGWINCH:
          out.push_back(Signal::kResize);
          break;
        default:
          break;
      }
    }
  }
  return out;
}

void Signals::suspend() {
  struct sigaction ours {};
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  sigaction(SIGTSTP, &dfl, &ours);
  ::raise(SIGTSTP);  // stops here; returns once continued (SIGCONT)
  sigaction(SIGTSTP, &ours, nullptr);
}

}  // namespace mp::terminal
