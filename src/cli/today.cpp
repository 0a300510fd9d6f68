// `today [--format text|json]` (v3): today's sessions of the saved plan, with their states.
#include <memory>
#include <optional>
#include <sstream>

#include "cli/context.hpp"
#include "cli/history_common.hpp"
#include "cli/saved_plan.hpp"
#include "export/saved_plan.hpp"
#include "history/agenda.hpp"

namespace mp::cli {
namespace {

int run_today(const Context& ctx, const std::string& format) {
  const model::Date today = local_today();
  const auto lib = load_library(ctx);
  const auto saved = read_saved_plan(ctx, today, today);
  warn_missing_techniques(ctx, saved.sessions, lib);
  std::optional<std::string> paused;
  if (const auto* pause = history::pause_covering(saved.pauses, today)) paused = pause->reason;
  std::ostringstream text;
  if (format == "json")
    exporter::write_today_json(text, today, saved.sessions, paused, lib);
  else
    exporter::write_today_text(text, today, saved.sessions, paused, lib);
  ctx.out << text.str();
  return 0;
}

}  // namespace

void setup_today(CLI::App& app, Context& ctx) {
  auto format = std::make_shared<std::string>("text");
  auto* cmd =
      app.add_subcommand("today", "Show today's sessions of the saved plan and their state");
  cmd->add_option("--format", *format, "text or json (default text)")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT");
  cmd->callback(
      [&ctx, format] { ctx.action = [&ctx, format] { return run_today(ctx, *format); }; });
}

}  // namespace mp::cli
