// `next [--format text|json]` (v3): the next open session of the saved plan, on one line for a
// status bar or a shell prompt.
#include <fmt/format.h>

#include <memory>
#include <sstream>

#include "cli/context.hpp"
#include "cli/history_common.hpp"
#include "cli/saved_plan.hpp"
#include "export/saved_plan.hpp"
#include "history/agenda.hpp"
#include "model/error.hpp"

namespace mp::cli {
namespace {

int run_next(const Context& ctx, const std::string& format) {
  const model::When now{local_today(), local_minute_now()};
  const auto lib = load_library(ctx);
  // Every saved session from today on: the next one may lie beyond a paused week.
  const model::Date last{std::chrono::year{9999}, std::chrono::December, std::chrono::day{31}};
  const auto saved = read_saved_plan(ctx, now.date, last);
  const auto* next = history::next_open(saved.sessions, now);
  if (next == nullptr)
    throw Error(ExitCode::kNothingPlanned, "no open session ahead in the saved plan",
                "save a plan for the days ahead with `massage-plan plan --save`");
  warn_missing_techniques(ctx, {*next}, lib);
  std::ostringstream text;
  if (format == "json")
    exporter::write_next_json(text, *next, now, lib);
  else
    text << exporter::next_line(*next, now, lib) << '\n';
  ctx.out << text.str();
  return 0;
}

}  // namespace

void setup_next(CLI::App& app, Context& ctx) {
  auto format = std::make_shared<std::string>("text");
  auto* cmd = app.add_subcommand(
      "next", "Show the next open session of the saved plan on one line (for a status bar)");
  cmd->add_option("--format", *format, "text or json (default text)")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT");
  cmd->callback([&ctx, format] { ctx.action = [&ctx, format] { return run_next(ctx, *format); }; });
}

}  // namespace mp::cli
