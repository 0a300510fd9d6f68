#include "cli/output.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <ostream>

#include "model/error.hpp"

namespace mp::cli {

void write_file_atomically(const std::string& path, const std::string& text) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  int fd = mkstemp(tmp.data());
  if (fd < 0)
    throw Error(ExitCode::kCantCreate,
                fmt::format("cannot create '{}': {}", path, std::strerror(errno)));
  // mkstemp makes the file 0600; a plan is not secret, so use the usual 0666 less the umask.
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int saved = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      throw Error(ExitCode::kIoErr,
                  fmt::format("cannot write '{}': {}", path, std::strerror(saved)));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    int saved = errno;
    ::unlink(tmp.c_str());
    throw Error(ExitCode::kIoErr, fmt::format("cannot write '{}': {}", path, std::strerror(saved)));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    int saved = errno;
    ::unlink(tmp.c_str());
    throw Error(ExitCode::kCantCreate,
                fmt::format("cannot create '{}': {}", path, std::strerror(saved)));
  }
}

void emit(const Context& ctx, const std::string& path, const std::string& text) {
  if (!path.empty() && path != "-") {
    write_file_atomically(path, text);
    return;
  }
  ctx.out << text;
  ctx.out.flush();
  if (!ctx.out) throw Error(ExitCode::kIoErr, "cannot write to standard output");
}

}  // namespace mp::cli
