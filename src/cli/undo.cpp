// `undo`: remove the newest history entry and say what it was.
#include <memory>

#include "cli/context.hpp"
#include "cli/history_common.hpp"
#include "export/report.hpp"
#include "history/store.hpp"

namespace mp::cli {
namespace {

int run_undo(const Context& ctx) {
  history::Store store(history_path(ctx), history::OpenMode::kWrite);
  std::optional<model::Entry> removed;
  std::optional<model::SavedSession> session;
  store.transaction([&] {
    removed = store.remove_last_entry();
    if (removed && removed->session) session = store.session(*removed->session);
  });
  if (!removed) throw Error(ExitCode::kNothingPlanned, "the history has no entry to undo");
  if (!ctx.global.quiet)
    ctx.out << "removed: " << exporter::describe_entry(*removed, session ? &*session : nullptr)
            << '\n';
  return 0;
}

}  // namespace

void setup_undo(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("undo", "Remove the last history entry (and say what it was)");
  cmd->callback([&ctx] { ctx.action = [&ctx] { return run_undo(ctx); }; });
}

}  // namespace mp::cli
