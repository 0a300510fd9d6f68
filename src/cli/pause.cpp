// `pause --from DAY --to DAY [--reason TEXT]` (v3): days off, neither planned nor missed.
#include "history/pause.hpp"

#include <fmt/format.h>

#include <chrono>
#include <memory>

#include "cli/context.hpp"
#include "cli/history_common.hpp"
#include "export/report.hpp"
#include "history/store.hpp"

namespace mp::cli {
namespace {

struct PauseFlags {
  std::string from;
  std::string to;
  std::string reason;
};

int run_pause(const Context& ctx, const PauseFlags& f) {
  model::Entry entry;
  entry.kind = model::EntryKind::kPause;
  entry.date = parse_day("--from", f.from);
  entry.until = parse_day("--to", f.to);
  if (*entry.until < entry.date)
    throw Error(ExitCode::kUsage,
                fmt::format("--from {} is after --to {}", model::format_date(entry.date),
                            model::format_date(*entry.until)));
  const auto days =
      (std::chrono::sys_days{*entry.until} - std::chrono::sys_days{entry.date}).count() + 1;
  if (days > history::kMaxPauseDays)
    throw Error(ExitCode::kUsage, fmt::format("a pause of {} days: pause at most {} days at a time",
                                              days, history::kMaxPauseDays));
  entry.reason = f.reason;
  entry.recorded_at = local_timestamp();
  history::Store store(history_path(ctx), history::OpenMode::kWrite);
  store.transaction([&] { store.add_entry(entry); });
  if (!ctx.global.quiet)
    ctx.out << "recorded: " << exporter::describe_entry(entry, nullptr)
            << " (neither planned nor missed; undo removes it)\n";
  return 0;
}

}  // namespace

void setup_pause(CLI::App& app, Context& ctx) {
  auto f = std::make_shared<PauseFlags>();
  auto* cmd = app.add_subcommand(
      "pause", "Record days off (a holiday, illness): neither planned nor missed in the report");
  cmd->add_option("--from", f->from, "First day off: today, yesterday or YYYY-MM-DD")
      ->required()
      ->type_name("DAY");
  cmd->add_option("--to", f->to, "Last day off (inclusive)")->required()->type_name("DAY");
  cmd->add_option("--reason", f->reason, "Why, e.g. holiday")->type_name("TEXT");
  cmd->callback([&ctx, f] { ctx.action = [&ctx, f] { return run_pause(ctx, *f); }; });
}

}  // namespace mp::cli
