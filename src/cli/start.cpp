// `start`: a guided session with timers (SPEC §5, v3): a session of the saved plan (WHEN), or
// techniques and a routine of the person's choosing. --dry-run prints its timeline whole;
// without it the session is guided (cli/guide_run.cpp) and recorded.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <memory>
#include <optional>

#include "cli/context.hpp"
#include "cli/guide_run.hpp"
#include "cli/history_common.hpp"
#include "cli/plan_flags.hpp"
#include "cli/plan_inputs.hpp"
#include "cli/timeline_output.hpp"
#include "guide/timeline.hpp"
#include "history/marks.hpp"
#include "history/pick.hpp"
#include "history/store.hpp"
#include "model/suggest.hpp"
#include "planner/eligibility.hpp"
#include "planner/plan_error.hpp"
#include "planner/planner.hpp"

namespace mp::cli {
namespace {

struct StartOptions {
  std::optional<std::string> when;      ///< a session of the saved plan (default: now)
  std::vector<std::string> techniques;  ///< ID[:MIN]
  std::string routine;
  std::vector<std::string> conditions;
  bool dry_run = false;
  GuideFlags guide;
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

// The saved plan's session WHEN names (history/pick.hpp, as `done` picks): by default the
// latest of today that has begun and is not marked, else the next one today. A session marked
// already can still be guided when WHEN names it.
model::SavedSession saved_session(const Context& ctx, const StartOptions& o) {
  const model::Date today = local_today();
  const model::When when = o.when ? parse_when(o.when) : model::When{today, local_minute_now()};
  history::Store store(history_path(ctx), history::OpenMode::kRead);
  std::optional<model::SavedSession> chosen;
  std::string problem;
  store.transaction([&] {
    if (!store.has_plan()) return;
    auto sessions = store.sessions(when.date, when.date);
    const auto marks = history::mark_sessions(sessions, store.entries(when.date, when.date));
    const auto pick = history::pick_session(sessions, marks, when, !o.when);
    const std::string day = model::format_date(when.date);
    switch (pick.outcome) {
      case history::PickOutcome::kSession:
      case history::PickOutcome::kAlreadyMarked:
      case history::PickOutcome::kNoneBegun:
        chosen = *pick.session;
        return;
      case history::PickOutcome::kNoSessions:
        problem = fmt::format("no saved session on {} to guide", day);
        return;
      case history::PickOutcome::kAllMarked:
        problem = fmt::format("every saved session on {} is marked already", day);
        return;
      case history::PickOutcome::kNoneNear:
        problem = fmt::format("no saved session within 3 hours of {}", model::format_when(when));
        return;
    }
  });
  if (chosen) return *chosen;
  if (problem.empty())
    throw Error(ExitCode::kNothingPlanned, "no saved plan to guide",
                "save one with `massage-plan plan --save`, or name what to guide with "
                "--technique ID or --routine ID");
  throw Error(ExitCode::kNothingPlanned, problem,
              "name what to guide with --technique ID or --routine ID");
}

int run_start(const Context& ctx, const StartOptions& o) {
  const bool own = !o.techniques.empty() || !o.routine.empty();
  if (own && o.when)
    usage(
        fmt::format("WHEN '{}' names a session of the saved plan: leave out --technique and "
                    "--routine, or WHEN",
                    *o.when));
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
  if (o.format != "text" && !o.dry_run)
    usage(fmt::format("--format {}: only with --dry-run (the guided session is for a person)",
                      o.format));
  std::vector<guide::Item> items;
  GuidedWhat what;
  what.date = local_today();
  what.minute = local_minute_now();
  if (!own) {
    const model::SavedSession session = saved_session(ctx, o);
    what.session = session;
    if (session.date != what.date) what.minute = session.start_minute;
    what.date = session.date;
    if (session.kind == model::SessionKind::kProfessional)
      usage(
          fmt::format("the session at {} on {} is a professional visit: it has no guide, the "
                      "therapist leads it",
                      model::format_time(session.start_minute), model::format_date(session.date)));
    for (const auto& item : session.items)
      items.push_back(guide::Item{item.technique, item.minutes});
  }
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
  if (!o.dry_run) return run_guided(ctx, std::move(timeline), lib, what, o.guide);
  ctx.out << (o.format == "json" ? timeline_json(timeline) : timeline_text(timeline));
  return 0;
}

}  // namespace

void setup_start(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<StartOptions>();
  auto* cmd = app.add_subcommand("start", "A guided session with timers, recorded in the history");
  cmd->add_option("when", o->when,
                  "A session of the saved plan: a day (its first session not yet marked) or a "
                  "moment (the session nearest it); default: the one in progress or the next "
                  "one today")
      ->type_name("WHEN");
  cmd->add_option("--technique", o->techniques,
                  "Guide this technique, for MIN minutes or its default (repeatable)")
      ->type_name("ID[:MIN]")
      ->allow_extra_args(false);
  cmd->add_option("--routine", o->routine, "Guide this routine (its techniques first)")
      ->type_name("ID");
  cmd->add_option("--condition", o->conditions,
                  "A health condition, added to the profile's (repeatable)")
      ->type_name("ID");
  cmd->add_flag("--dry-run", o->dry_run, "Print the whole timeline at once; nothing is timed");
  cmd->add_option("--format", o->format, "text or json (with --dry-run)")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT");
  cmd->add_flag("--no-bell", o->guide.no_bell, "No bell at each change of step");
  cmd->add_flag("--speak", o->guide.speak, "Say each step aloud (needs espeak-ng)");
  cmd->add_flag("--no-log", o->guide.no_log, "Record nothing in the history");
  cmd->add_option("--ready", o->ready, "Seconds of get-ready countdown (default 10; 0: none)")
      ->type_name("SECONDS");
  cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_start(ctx, *o); }; });
}

}  // namespace mp::cli
