// `skip [WHEN]`: a session of the saved plan, or named techniques, left out on purpose.
#include <memory>

#include "cli/context.hpp"
#include "cli/mark.hpp"

namespace mp::cli {

void setup_skip(CLI::App& app, Context& ctx) {
  auto f = std::make_shared<MarkFlags>();
  auto* cmd =
      app.add_subcommand("skip", "Record a session of the saved plan (or techniques) skipped");
  add_mark_options(*cmd, *f);
  cmd->add_option("--reason", f->reason, "Why it was skipped")->type_name("TEXT");
  cmd->callback(
      [&ctx, f] { ctx.action = [&ctx, f] { return run_mark(ctx, model::EntryKind::kSkip, *f); }; });
}

}  // namespace mp::cli
