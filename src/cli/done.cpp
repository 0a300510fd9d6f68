// `done [WHEN]`: a session of the saved plan, or named techniques, done.
#include <memory>

#include "cli/context.hpp"
#include "cli/mark.hpp"

namespace mp::cli {

void setup_done(CLI::App& app, Context& ctx) {
  auto f = std::make_shared<MarkFlags>();
  auto* cmd = app.add_subcommand("done", "Record a session of the saved plan (or techniques) done");
  add_mark_options(*cmd, *f);
  cmd->add_option("--minutes", f->minutes, "Minutes done (default: as planned)")->type_name("N");
  cmd->add_option("--rating", f->rating, "How helpful it was, 1 to 5")->type_name("1-5");
  cmd->add_option("--note", f->note, "A note to keep with the entry")->type_name("TEXT");
  cmd->callback(
      [&ctx, f] { ctx.action = [&ctx, f] { return run_mark(ctx, model::EntryKind::kDone, *f); }; });
}

}  // namespace mp::cli
