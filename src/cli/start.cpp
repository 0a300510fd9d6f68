// `start`: a guided session with timers (SPEC §5, v3). For now its timeline: --dry-run prints
// it whole; the interactive session in the terminal is still to come (exit 64 without --dry-run).
#include <fmt/format.h>

#include <charconv>
#include <memory>

#include "cli/context.hpp"
#include "cli/plan_flags.hpp"
#include "cli/timeline_output.hpp"
#include "guide/timeline.hpp"
#include "model/suggest.hpp"
#include "planner/eligibility.hpp"
#include "planner/plan_error.hpp"
#include "planner/planner.hpp"

namespace mp::cli {
namespace {

struct StartOptions {
  std::vector<std::string> techniques;  ///< ID[:MIN]
  std::string routine;
  std::vector<std::string> conditions;
  bool dry_run = false;
  std::string format = "text";
  int ready = 10;
};

constexpr int kMaxReady = 600;

[[noreturn]] void usage(std::string message, std::string hint = {}) {
  throw Error(ExitCode::kUsage, message, std::move(hint));
}

const model::Technique& find_technique(const model::Library& lib, const std::string& id) {
  if (const auto* t = lib.find_technique(id)) return *t;
  std::vector<std::string> ids;
  for (const auto& t : lib.techniques) ids.push_back(t.id);
  throw Error(ExitCode::kDataErr, fmt::format("unknown technique '{}'", id),
              model::did_you_mean(id, ids));
}

// --technique ID[:MIN]: MIN defaults to the technique's default and must lie in its range.
guide::Item parse_technique_flag(const model::Library& lib, const std::string& flag) {
  auto colon = flag.find(':');
  std::string id = flag.substr(0, colon);
  const model::Technique& t = find_technique(lib, id);
  guide::Item item{id, t.duration.default_minutes};
  if (colon != std::string::npos) {
    std::string_view text = std::string_view(flag).substr(colon + 1);
    int minutes = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), minutes);
    if (ec != std::errc() || p != text.data() + text.size())
      usage(fmt::format("--technique {}: the minutes must be a whole number", flag));
    if (minutes < t.duration.min || minutes > t.duration.max)
      usage(fmt::format("--technique {}: {} takes {} to {} minutes", flag, id, t.duration.min,
                        t.duration.max));
    item.minutes = minutes;
  }
  return item;
}

// The same refusals as `plan` (exit 1, the reason on stderr): a red-flag condition, or a
// technique one of the person's conditions rules out.
void refuse_unsafe(const model::Library& lib, const model::Profile& profile,
                   const std::vector<guide::Item>& items) {
  try {
    planner::refuse_red_flags(lib, profile);
  } catch (const planner::PlanError& e) {
    std::string what = e.what();
    constexpr std::string_view kPlanWords = "nothing planned: ";
    if (what.rfind(kPlanWords, 0) == 0) what = "not guided: " + what.substr(kPlanWords.size());
    throw Error(ExitCode::kNothingPlanned, what, e.hint());
  }
  for (const auto& item : items) {
    const model::Technique& t = find_technique(lib, item.technique);
    for (const auto& problem : planner::safety_problems(t, profile)) {
      if (problem.kind != planner::SafetyProblem::Kind::kContraindicated) continue;
      const auto* c = lib.find_condition(problem.id);
      throw Error(ExitCode::kNothingPlanned,
                  fmt::format("not guided: {} ({}) is {} ({})", t.name, t.id, problem.reason(),
                              c != nullptr ? c->name : problem.id),
                  fmt::format("`massage-plan show {}` says why", t.id));
    }
  }
}

int run_start(const Context& ctx, const StartOptions& o) {
  if (!o.dry_run)
    usage(
        "the interactive guided session is not available yet: add --dry-run to print its "
        "timeline");
  if (o.techniques.empty() && o.routine.empty())
    usage("start needs --technique ID[:MIN] or --routine ID for now",
          "guiding a session of the saved plan is not available yet");
  if (o.ready < 0 || o.ready > kMaxReady)
    usage(fmt::format("--ready {}: use 0 to {} seconds", o.ready, kMaxReady));
  auto lib = load_library(ctx);
  auto profile = read_profile_file(ctx, lib);
  for (const auto& c : o.conditions) {
    if (lib.find_condition(c) == nullptr) {
      std::vector<std::string> ids;
      for (const auto& k : lib.conditions) ids.push_back(k.id);
      throw Error(ExitCode::kDataErr, fmt::format("unknown condition '{}'", c),
                  model::did_you_mean(c, ids));
    }
    if (std::find(profile.conditions.begin(), profile.conditions.end(), c) ==
        profile.conditions.end())
      profile.conditions.push_back(c);
  }
  std::vector<guide::Item> items;
  if (!o.routine.empty()) {
    const model::Routine* r = lib.find_routine(o.routine);
    if (r == nullptr) {
      std::vector<std::string> ids;
      for (const auto& k : lib.routines) ids.push_back(k.id);
      throw Error(ExitCode::kDataErr, fmt::format("unknown routine '{}'", o.routine),
                  model::did_you_mean(o.routine, ids));
    }
    for (const auto& step : r->steps) items.push_back(guide::Item{step.technique, step.minutes});
  }
  for (const auto& flag : o.techniques) items.push_back(parse_technique_flag(lib, flag));
  refuse_unsafe(lib, profile, items);
  auto timeline = guide::make_timeline(items, lib, guide::Options{o.ready});
  ctx.out << (o.format == "json" ? timeline_json(timeline) : timeline_text(timeline));
  return 0;
}

}  // namespace

void setup_start(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<StartOptions>();
  auto* cmd = app.add_subcommand("start", "A guided session with timers (for now: --dry-run)");
  cmd->add_option("--technique", o->techniques,
                  "Guide this technique, for MIN minutes or its default (repeatable)")
      ->type_name("ID[:MIN]");
  cmd->add_option("--routine", o->routine, "Guide this routine (its techniques first)")
      ->type_name("ID");
  cmd->add_option("--condition", o->conditions,
                  "A health condition, added to the profile's (repeatable)")
      ->type_name("ID");
  cmd->add_flag("--dry-run", o->dry_run, "Print the whole timeline at once; nothing is timed");
  cmd->add_option("--format", o->format, "text or json (with --dry-run)")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT");
  cmd->add_option("--ready", o->ready, "Seconds of get-ready countdown (default 10; 0: none)")
      ->type_name("SECONDS");
  cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_start(ctx, *o); }; });
}

}  // namespace mp::cli
