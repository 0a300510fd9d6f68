#include "cli/guide_run.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>

#include "cli/guide_session.hpp"
#include "cli/history_common.hpp"
#include "cli/speech.hpp"
#include "export/reply.hpp"
#include "model/error.hpp"

namespace mp::cli {
namespace {

// MASSAGE_PLAN_CLOCK_SPEED (test-only, docs/guide.md): session seconds per real second.
double clock_speed() {
  const char* text = std::getenv("MASSAGE_PLAN_CLOCK_SPEED");
  if (text == nullptr || *text == '\0') return 1;
  char* end = nullptr;
  const double speed = std::strtod(text, &end);
  if (end == text || *end != '\0' || !(speed >= 1 && speed <= 1000))
    throw Error(
        ExitCode::kUsage,
        fmt::format("MASSAGE_PLAN_CLOCK_SPEED={}: use a number from 1 to 1000 (test only)", text));
  return speed;
}

// "How helpful was this? 1–5, Enter to skip" read as a line (the terminal is cooked again);
// empty when skipped, the input ends or a signal comes (then set in signal).
std::optional<int> ask_rating(const Context& ctx, terminal::Signals& signals,
                              std::optional<terminal::Signal>& signal) {
  for (int tries = 0; tries < 3; ++tries) {
    ctx.out << "How helpful was this? 1–5, Enter to skip: " << std::flush;
    std::string line;
    while (true) {
      const auto wake = terminal::wait(STDIN_FILENO, signals.fd(), -1);
      if (wake.signal) {
        for (const auto s : signals.take())
          if (s == terminal::Signal::kInterrupt || s == terminal::Signal::kTerminate ||
              s == terminal::Signal::kHangUp) {
            ctx.out << '\n';
            signal = s;
            return std::nullopt;
          }
      }
      if (wake.closed) return std::nullopt;
      if (!wake.key) continue;
      if (*wake.key == '\n' || *wake.key == '\r') break;
      line += *wake.key;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    while (!line.empty() && line.front() == ' ') line.erase(0, 1);
    if (line.empty()) return std::nullopt;
    if (line.size() == 1 && line[0] >= '1' && line[0] <= '5') return line[0] - '0';
    ctx.out << "Please answer 1 (no help) to 5 (helped a lot), or press Enter.\n";
  }
  return std::nullopt;
}

}  // namespace

int run_guided(const Context& ctx, guide::Timeline timeline, const model::Library& lib,
               const GuidedWhat& what, const GuideFlags& flags) {
  GuideSettings settings;
  settings.bell = !flags.no_bell;
  settings.clock_speed = clock_speed();
  settings.color = use_color(ctx.global);
  std::unique_ptr<Speech> speech;
  if (flags.speak) {
    const char* dir = std::getenv("MASSAGE_PLAN_SPEAK_DIR");
    speech = std::make_unique<Speech>(dir != nullptr ? dir : "");
    settings.speech = speech.get();
  }
  const bool on_terminal =
      terminal::is_terminal(STDOUT_FILENO) && terminal::is_terminal(STDIN_FILENO);
  terminal::Signals signals;
  guide::Player player(std::move(timeline));
  const GuideEnd end = on_terminal ? guide_on_terminal(player, lib, settings, signals)
                                   : guide_as_lines(player, settings, signals, ctx.out);
  speech.reset();  // the last words said (or written) before the summary
  std::optional<terminal::Signal> signal = end.signal;
  const int status = signal ? signal_exit_status(*signal) : 0;
  if (!ctx.global.quiet) {
    if (player.finished())
      ctx.out << "Session over.\n";
    else if (end.signal)
      ctx.out << "Stopped by a signal.\n";
    else
      ctx.out << "Stopped.\n";
  }
  if (flags.no_log) {
    if (!ctx.global.quiet) ctx.out << "nothing recorded (--no-log)\n";
    return status;
  }
  auto entries =
      record_guided(ctx, guided_entries(what, player.results(), player.began(), local_timestamp()));
  if (entries.empty()) {
    if (!ctx.global.quiet) ctx.out << "nothing recorded: no technique had begun\n";
    return status;
  }
  const model::SavedSession* session = what.session ? &*what.session : nullptr;
  if (!ctx.global.quiet)
    for (const auto& e : entries)
      ctx.out << "recorded: " << exporter::describe_mark(e, session, lib) << '\n';
  const model::Entry* done = nullptr;
  for (const auto& e : entries)
    if (e.kind == model::EntryKind::kDone) done = &e;
  if (done != nullptr && on_terminal && !end.signal) {
    if (const auto rating = ask_rating(ctx, signals, signal)) {
      rate_guided(ctx, done->id, *rating);
      if (!ctx.global.quiet) ctx.out << fmt::format("rated {} of 5\n", *rating);
    }
  }
  ctx.out.flush();
  return signal ? signal_exit_status(*signal) : 0;
}

}  // namespace mp::cli
