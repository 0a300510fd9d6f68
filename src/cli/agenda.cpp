// `agenda [--from DAY] [--days N | --weeks W] [--format …]` (v3): the saved plan, each session
// done, skipped, paused or open, in the writers of `plan`.
#include "history/agenda.hpp"

#include <fmt/format.h>

#include <memory>
#include <optional>
#include <sstream>

#include "cli/context.hpp"
#include "cli/history_common.hpp"
#include "cli/output.hpp"
#include "cli/plan_flags.hpp"
#include "cli/plan_inputs.hpp"
#include "cli/saved_plan.hpp"
#include "export/export.hpp"
#include "model/error.hpp"
#include "model/when.hpp"
#include "planner/score.hpp"
#include "version.hpp"

namespace mp::cli {
namespace {

struct AgendaFlags {
  std::string from;
  std::optional<long long> days;
  std::optional<long long> weeks;
  std::string format = "text";
  std::string output;
  int remind = 10;
  std::string timezone;
};

int run_agenda(const Context& ctx, const AgendaFlags& f) {
  const model::Date today = local_today();
  model::Date from = today;
  if (!f.from.empty()) {
    // As `plan --start`: a weekday is the next one (today counting), so `plan --start mon
    // --save` and `agenda --from mon` show the same week.
    auto d = model::read_day(f.from, today, model::WeekdayWay::kNext);
    if (!d.value) throw Error(ExitCode::kUsage, fmt::format("--from {}", d.problem), d.hint);
    from = *d.value;
  }
  const long long days = f.weeks ? *f.weeks * 7LL : f.days.value_or(7);
  if (days < 1 || days > kMaxPlanDays)
    throw Error(ExitCode::kUsage,
                fmt::format("the agenda would span {} days: use 1 to {} days", days, kMaxPlanDays));
  const model::Date to = model::add_days(from, static_cast<int>(days) - 1);
  const auto lib = load_library(ctx);
  auto saved = read_saved_plan(ctx, from, to);

  // The profile file gives the time zone and the conditions' advice; the goals are the saved
  // plan's, so the coverage is that of the plan that was saved.
  auto profile = read_profile_file(ctx, lib);
  if (!f.timezone.empty()) {
    check_timezone(f.timezone, "--timezone");
    profile.timezone = f.timezone;
  }
  if (!saved.goals.empty()) profile.goals = saved.goals;
  auto plan = history::agenda_plan(saved.sessions, from, static_cast<int>(days), profile);
  plan.warnings = warn_missing_techniques(ctx, saved.sessions, lib);
  plan.score = planner::compute_score(plan, lib);
  planner::fill_score_shares(plan, lib);

  const auto format = *exporter::parse_format(f.format);
  exporter::ExportOptions options;
  options.color = f.output.empty() && use_color(ctx.global);
  options.remind_minutes = f.remind;
  options.generator = fmt::format("massage-plan {}", kVersion);
  options.dtstamp_epoch = dtstamp_epoch();
  if (format == exporter::Format::kHtml) options.week_scores = planner::week_scores(plan, lib);
  std::ostringstream text;
  exporter::write_plan(text, format, plan, lib, options);
  if (saved.sessions.empty() && !ctx.global.quiet)
    ctx.err << fmt::format(
        "massage-plan: the saved plan has no session from {} to {}\n  hint: `massage-plan plan "
        "--save` saves a plan for these days\n",
        model::format_date(from), model::format_date(to));
  emit(ctx, f.output, text.str());
  return 0;
}

}  // namespace

void setup_agenda(CLI::App& app, Context& ctx) {
  auto f = std::make_shared<AgendaFlags>();
  auto* cmd = app.add_subcommand("agenda",
                                 "Show the saved plan, each session done, skipped, paused or open");
  cmd->add_option("--from", f->from,
                  "First day: YYYY-MM-DD, today, tomorrow or a weekday (the next one; default "
                  "today)")
      ->type_name("DAY");
  auto* days = cmd->add_option("--days", f->days, "Show N days (default 7)")->type_name("N");
  cmd->add_option("--weeks", f->weeks, "Show W weeks")->type_name("W")->excludes(days);
  add_plan_output_options(cmd, *f);
  cmd->callback([&ctx, f] { ctx.action = [&ctx, f] { return run_agenda(ctx, *f); }; });
}

}  // namespace mp::cli
