// Asking the terminal, waiting for a key or a signal, writing.
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>

#include "terminal/terminal.hpp"

namespace mp::terminal {

bool is_terminal(int fd) { return ::isatty(fd) != 0; }

int columns(int fd) {
  winsize size{};
  if (::isatty(fd) != 0 && ::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;
  return 0;
}

Wake wait(int in_fd, int signal_fd, int timeout_ms) {
  pollfd fds[2] = {{in_fd, POLLIN, 0}, {signal_fd, POLLIN, 0}};
  Wake wake;
  const int n = ::poll(fds, 2, timeout_ms);
  if (n <= 0) return wake;  // the time ran out, or EINTR: the caller looks again
  if (fds[1].revents & POLLIN) wake.signal = true;
  if (in_fd >= 0 && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
    char c = 0;
    const auto got = ::read(in_fd, &c, 1);
    if (got == 1)
      wake.key = c;
    else if (got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN))
      wake.closed = true;
  }
  return wake;
}

bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const auto n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace mp::terminal
