// `plan`: resolve the profile (file, then flags), build the plan, write it in one format.
#include <fmt/format.h>

#include <memory>
#include <sstream>

#include "cli/context.hpp"
#include "cli/history_common.hpp"
#include "cli/output.hpp"
#include "cli/plan_flags.hpp"
#include "cli/plan_history.hpp"
#include "cli/plan_inputs.hpp"
#include "export/export.hpp"
#include "figure/figure.hpp"
#include "library/yaml_tree.hpp"
#include "model/suggest.hpp"
#include "planner/plan_error.hpp"
#include "planner/planner.hpp"
#include "planner/score.hpp"
#include "version.hpp"

namespace mp::cli {
namespace {

// The planner says what went wrong; the exit status is the command line's business (SPEC §5).
ExitCode exit_code(planner::PlanErrorKind kind) {
  switch (kind) {
    case planner::PlanErrorKind::kRedFlag:
    case planner::PlanErrorKind::kNothingEligible:
      return ExitCode::kNothingPlanned;
    case planner::PlanErrorKind::kUnknownId:
      return ExitCode::kDataErr;
    case planner::PlanErrorKind::kBadRequest:
      break;
  }
  return ExitCode::kUsage;
}

model::Plan make_plan_or_exit(const model::Library& lib, const model::Profile& profile,
                              const planner::PlanRequest& request) {
  try {
    return planner::make_plan(lib, profile, request);
  } catch (const planner::PlanError& e) {
    if (!e.diagnostics().empty()) throw DiagnosticError(e.diagnostics(), exit_code(e.kind()));
    throw Error(exit_code(e.kind()), e.what(), e.hint());
  }
}

int run_plan(const Context& ctx, const PlanFlags& f) {
  auto lib = load_library(ctx);
  planner::PlanRequest request;
  // The clock is read only when the start depends on it.
  bool relative = f.start == "today" || f.start == "tomorrow";
  request.start = parse_start_flag(f.start, relative ? local_today() : model::Date{});
  request.days = plan_days(f);
  request.seed = f.seed;
  request.routine_only = f.routine;
  if (!f.routine.empty() && !lib.find_routine(f.routine)) {
    std::vector<std::string> ids;
    for (const auto& r : lib.routines) ids.push_back(r.id);
    throw Error(ExitCode::kDataErr, fmt::format("unknown routine '{}'", f.routine),
                model::did_you_mean(f.routine, ids));
  }
  auto profile = apply_plan_flags(read_profile_file(ctx, lib), f, lib);
  auto format = *exporter::parse_format(f.format);
  exporter::ExportOptions options;
  options.color = f.output.empty() && use_color(ctx.global);
  options.explain = f.explain;
  options.remind_minutes = f.remind;
  options.generator = fmt::format("massage-plan {}", kVersion);
  options.dtstamp_epoch = dtstamp_epoch();
  Learnt learnt;
  if (f.adapt) {
    learnt = learn_adaptations(ctx, request.start);
    request.adaptations = learnt.adaptations;
  }
  auto plan = make_plan_or_exit(lib, profile, request);
  for (auto& note : learnt.notes) plan.notes.push_back(std::move(note));
  if (format == exporter::Format::kHtml) {
    options.week_scores = planner::week_scores(plan, lib);
    for (const auto& t : lib.techniques)
      if (t.figure) options.figures[t.id] = figure::render_svg(*t.figure, t.name);
  }
  // Render the whole plan first: nothing is written unless all of it is known to be good.
  std::ostringstream text;
  exporter::write_plan(text, format, plan, lib, options);
  if (!ctx.global.quiet)
    for (const auto& w : plan.warnings)
      ctx.err << format_diagnostic(Diagnostic{{}, w}, Severity::kWarning) << '\n';
  if (f.save) save_plan(ctx, plan);
  emit(ctx, f.output, text.str());
  return 0;
}

}  // namespace

void setup_plan(CLI::App& app, Context& ctx) {
  auto f = std::make_shared<PlanFlags>();
  auto* cmd = app.add_subcommand("plan", "Build a plan for your goals, time and conditions");
  cmd->add_option("--goal", f->goals,
                  "A goal, optionally with priority 1-5: ID[:PRIORITY] (repeatable)")
      ->type_name("ID[:P]");
  cmd->add_option("--minutes", f->minutes, "One session of N minutes a day (at --time)")
      ->type_name("N");
  cmd->add_option("--time", f->time, "Start of the --minutes session (default 07:30)")
      ->type_name("HH:MM");
  cmd->add_option("--session", f->sessions,
                  "A daily session HH:MM=N (repeatable; replaces the profile's)")
      ->type_name("HH:MM=N");
  cmd->add_option("--weekdays", f->weekdays, "Self-care days, e.g. mon,tue,wed,thu,fri or \"mon, wed\"")
      ->type_name("DAYS");
  cmd->add_option("--start", f->start, "First day: YYYY-MM-DD, today, tomorrow or a weekday (the next one; default today)")
      ->type_name("DATE");
  auto* days = cmd->add_option("--days", f->days, "Plan N days (default 7)")->type_name("N");
  cmd->add_option("--weeks", f->weeks, "Plan W weeks")->type_name("W")->excludes(days);
  cmd->add_option("--condition", f->conditions,
                  "A health condition id (repeatable; adds to the profile's)")
      ->type_name("ID");
  cmd->add_option("--equipment", f->equipment,
                  "Equipment you have (repeatable; adds to the profile's)")
      ->type_name("ID");
  cmd->add_option("--pro", f->pro, "Professional massage sessions a week (0 = none)")
      ->type_name("N");
  cmd->add_option("--pro-minutes", f->pro_minutes, "Length of a professional session (default 60)")
      ->type_name("M");
  cmd->add_option("--pro-weekdays", f->pro_weekdays,
                  "Days a professional session may fall on (default all)")
      ->type_name("DAYS");
  cmd->add_option("--pro-time", f->pro_time, "Start of a professional session (default 10:00)")
      ->type_name("HH:MM");
  cmd->add_option("--pro-technique", f->pro_techniques,
                  "Your therapist's style: visits use only this technique (repeatable)")
      ->type_name("ID");
  cmd->add_option("--prefer", f->prefer,
                  "Plan this technique at least once a week where it is safe and fits (repeatable)")
      ->type_name("ID");
  cmd->add_option("--avoid", f->avoid, "Never plan this technique (repeatable)")->type_name("ID");
  cmd->add_option("--routine", f->routine, "A plan made of this routine only")->type_name("ID");
  cmd->add_option("--seed", f->seed, "Seed for tie-breaking; same inputs and seed, same plan")
      ->type_name("N");
  cmd->add_flag("--explain", f->explain, "Say why each item was chosen, held back or left out");
  add_plan_output_options(cmd, *f);
  cmd->add_option("--variety", f->variety,
                  "Share of a goal one technique may carry in a week, 0 < S <= 1 (default 0.34; "
                  "1 = no limit)")
      ->type_name("S");
  cmd->add_flag("--save", f->save, "Store the plan in the history as the current plan");
  cmd->add_flag("--adapt", f->adapt, "Learn from the history (docs/planning.md)");
  cmd->callback([&ctx, f] { ctx.action = [&ctx, f] { return run_plan(ctx, *f); }; });
}

}  // namespace mp::cli
