#include "cli/speech.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "model/error.hpp"

extern char** environ;

namespace mp::cli {
namespace {

constexpr const char* kProgram = "espeak-ng";

}  // namespace

bool espeak_available() {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  while (true) {
    const auto colon = dirs.find(':');
    const std::string_view dir = dirs.substr(0, colon);
    const std::string file = fmt::format("{}/{}", dir.empty() ? "." : dir, kProgram);
    if (::access(file.c_str(), X_OK) == 0) return true;
    if (colon == std::string_view::npos) return false;
    dirs.remove_prefix(colon + 1);
  }
}

Speech::Speech(std::string wav_dir) : wav_dir_(std::move(wav_dir)) {
  if (!espeak_available())
    throw Error(ExitCode::kUnavailable,
                "--speak needs the espeak-ng program, which is not installed",
                "install it with `sudo apt install espeak-ng`, or leave out --speak");
}

Speech::~Speech() {
  if (wav_dir_.empty() && speaking_ > 0) ::kill(speaking_, SIGTERM);
  while (running_ > 0) {
    int status = 0;
    const pid_t pid = ::waitpid(-1, &status, 0);
    if (pid < 0 && errno == EINTR) continue;
    if (pid <= 0) break;
    --running_;
  }
}

void Speech::say(const std::string& text) {
  reap();
  std::vector<std::string> args{kProgram};
  if (wav_dir_.empty()) {
    if (speaking_ > 0) ::kill(speaking_, SIGTERM);  // the new cue is what matters now
  } else {
    args.push_back("-w");
    args.push_back(fmt::format("{}/{:03}.wav", wav_dir_, ++files_));
  }
  args.push_back("--");
  args.push_back(text);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  // Its own process group, so Ctrl-C and Ctrl-Z at the terminal reach only the guide.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setpgroup(&attr, 0);
  sigset_t defaults;
  sigemptyset(&defaults);
  for (int s : {SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGWINCH}) sigaddset(&defaults, s);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = -1;
  if (posix_spawnp(&pid, kProgram, &actions, &attr, argv.data(), environ) == 0) {
    ++running_;
    speaking_ = pid;
  }
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
}

void Speech::reap() {
  while (running_ > 0) {
    int status = 0;
    const pid_t pid = ::waitpid(-1, &status, WNOHANG);
    if (pid <= 0) break;
    --running_;
    if (pid == speaking_) speaking_ = -1;
  }
}

}  // namespace mp::cli
