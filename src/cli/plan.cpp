// `plan`: resolve the profile (file, then flags), build the plan, write it in one format.
#include <date/tz.h>
#include <fmt/format.h>

#include <array>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>

#include "cli/context.hpp"
#include "cli/output.hpp"
#include "export/export.hpp"
#include "library/profile_reader.hpp"
#include "library/yaml_tree.hpp"
#include "model/suggest.hpp"
#include "planner/plan_error.hpp"
#include "planner/planner.hpp"
#include "version.hpp"

namespace mp::cli {
namespace {

constexpr int kMaxDays = 5 * 366;  // a five-year horizon at most (docs/limits.md)

struct PlanFlags {
  std::vector<std::string> goals;
  std::optional<int> minutes;
  std::string time;
  std::vector<std::string> sessions;
  std::optional<std::string> weekdays;  // set even when given empty, so "" is refused
  std::string start = "today";
  std::optional<int> days;
  std::optional<int> weeks;
  std::vector<std::string> conditions;
  std::vector<std::string> equipment;
  std::optional<int> pro;
  std::optional<int> pro_minutes;
  std::optional<std::string> pro_weekdays;
  std::string pro_time;
  std::string routine;
  std::uint64_t seed = 0;
  bool explain = false;
  std::string format = "text";
  std::string output;
  int remind = 10;
  std::string timezone;
  std::optional<std::string> variety;
};

// The goals of a plan when none is given anywhere (SPEC §4 v2).
constexpr std::array<const char*, 3> kDefaultGoals{"tension-headache", "range-of-motion",
                                                   "stress-reduction"};

[[noreturn]] void usage(std::string message, std::string hint = {}) {
  throw Error(ExitCode::kUsage, std::move(message), std::move(hint));
}

// --variety S: the share of a goal one technique may carry in a week, 0 < S <= 1.
double parse_variety(const std::string& text) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !(v > 0 && v <= 1))
    usage(fmt::format("--variety {}: use a share above 0 and at most 1 (1 = no limit)", text));
  return v;
}

int parse_minutes(std::string_view flag, std::string_view text, int max) {
  int v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || v < 1 || v > max)
    usage(fmt::format("{} '{}': use whole minutes from 1 to {}", flag, text, max));
  return v;
}

int parse_clock(std::string_view flag, const std::string& text) {
  auto t = model::parse_time(text);
  if (!t) usage(fmt::format("{} '{}' is not a time of day: use HH:MM, 00:00 to 23:59", flag, text));
  return *t;
}

model::WeekdaySet parse_weekdays(std::string_view flag, const std::string& text) {
  model::WeekdaySet set{};
  std::vector<std::string> names(model::kWeekdayNames.begin(), model::kWeekdayNames.end());
  std::stringstream in(text);
  std::string word;
  while (std::getline(in, word, ',')) {
    auto d = model::parse_weekday(word);
    if (!d)
      usage(fmt::format("{}: unknown weekday '{}'", flag, word), model::did_you_mean(word, names));
    set[*d] = true;
  }
  if (std::none_of(set.begin(), set.end(), [](bool b) { return b; }))
    usage(fmt::format("{} names no day: use e.g. mon,wed,fri", flag));
  return set;
}

model::Date today() {
  auto now = date::make_zoned(date::current_zone(), std::chrono::system_clock::now());
  auto local_days = std::chrono::floor<std::chrono::days>(now.get_local_time());
  return model::Date{std::chrono::sys_days{local_days.time_since_epoch()}};
}

model::Date parse_start(const std::string& text) {
  if (text == "today") return today();
  if (text == "tomorrow") return model::add_days(today(), 1);
  auto d = model::parse_date(text);
  if (!d) usage(fmt::format("--start '{}' is not a date: use YYYY-MM-DD, today or tomorrow", text));
  auto year = static_cast<int>(d->year());
  if (year < 1970 || year > 9000)
    usage(fmt::format("--start '{}': use a year from 1970 to 9000", text));
  return *d;
}

void check_timezone(const std::string& name, std::string_view origin) {
  if (name.empty()) return;
  try {
    (void)date::locate_zone(name);
  } catch (const std::runtime_error&) {
    std::vector<std::string> names;
    for (const auto& z : date::get_tzdb().zones) names.push_back(std::string(z.name()));
    usage(fmt::format("unknown time zone '{}' ({})", name, origin),
          model::did_you_mean(name, names));
  }
}

// The profile file: --profile, else the XDG default when present, else none.
model::Profile read_profile_file(const Context& ctx, const model::Library& lib) {
  std::string path = ctx.global.profile_path;
  if (path.empty()) {
    auto dir = config_dir();
    std::error_code ec;
    if (!dir.empty() && std::filesystem::exists(dir + "/profile.yaml", ec))
      path = dir + "/profile.yaml";
  }
  if (path.empty()) return model::Profile{};
  if (ctx.global.verbose) ctx.err << "massage-plan: profile " << path << '\n';
  auto text = read_file(path, library::YamlLimits{}.max_bytes);
  auto profile = library::read_profile(text, path, &lib);
  check_timezone(profile.timezone, path);
  return profile;
}

// Flags override the file's fields; conditions and equipment are added to the file's lists
// (never dropped: a condition in the profile must keep protecting the person).
model::Profile resolve_profile(const Context& ctx, const PlanFlags& f, const model::Library& lib) {
  model::Profile p = read_profile_file(ctx, lib);
  if (!f.goals.empty()) {
    p.goals.clear();
    for (const auto& g : f.goals) {
      model::GoalPriority gp;
      auto colon = g.find(':');
      gp.id = g.substr(0, colon);
      if (colon != std::string::npos) {
        std::string_view pr(g);
        pr.remove_prefix(colon + 1);
        int v = 0;
        auto [ptr, ec] = std::from_chars(pr.data(), pr.data() + pr.size(), v);
        if (ec != std::errc() || ptr != pr.data() + pr.size() || v < 1 || v > 5)
          usage(fmt::format("--goal '{}': priority must be a whole number from 1 to 5", g));
        gp.priority = v;
      }
      if (std::any_of(p.goals.begin(), p.goals.end(), [&](const auto& o) { return o.id == gp.id; }))
        usage(fmt::format("--goal '{}' is given twice", gp.id));
      p.goals.push_back(gp);
    }
  }
  if (p.goals.empty()) {
    // No goals anywhere: the three this product is about, equally; a library without any of
    // them (--no-builtin): every goal it has.
    for (const char* id : kDefaultGoals)
      if (lib.find_goal(id)) p.goals.push_back(model::GoalPriority{id, 1, {}});
    if (p.goals.empty())
      for (const auto& g : lib.goals) p.goals.push_back(model::GoalPriority{g.id, 1, {}});
  }
  if (!f.sessions.empty()) {
    p.sessions.clear();
    for (const auto& s : f.sessions) {
      auto eq = s.find('=');
      if (eq == std::string::npos) usage(fmt::format("--session '{}': use HH:MM=MINUTES", s));
      int start = parse_clock("--session", s.substr(0, eq));
      int minutes = parse_minutes("--session", std::string_view(s).substr(eq + 1),
                                  library::kMaxSessionMinutes);
      p.sessions.push_back(model::SessionSlot{start, minutes});
    }
    std::sort(p.sessions.begin(), p.sessions.end(),
              [](const auto& a, const auto& b) { return a.start_minute < b.start_minute; });
  } else if (f.minutes || !f.time.empty()) {
    int start = f.time.empty() ? 7 * 60 + 30 : parse_clock("--time", f.time);
    int minutes = f.minutes ? *f.minutes : (p.sessions.empty() ? 15 : p.sessions.front().minutes);
    if (minutes < 1 || minutes > library::kMaxSessionMinutes)
      usage(fmt::format("--minutes {}: use 1 to {}", minutes, library::kMaxSessionMinutes));
    p.sessions = {model::SessionSlot{start, minutes}};
  }
  if (f.weekdays) p.weekdays = parse_weekdays("--weekdays", *f.weekdays);
  for (const auto& c : f.conditions)
    if (std::find(p.conditions.begin(), p.conditions.end(), c) == p.conditions.end())
      p.conditions.push_back(c);
  for (const auto& e : f.equipment)
    if (std::find(p.equipment.begin(), p.equipment.end(), e) == p.equipment.end())
      p.equipment.push_back(e);
  // Household equipment (a chair, a towel, a wall) counts as present unless the profile says
  // household: false; the plan's profile lists what was assumed.
  if (p.household)
    for (const auto& e : lib.equipment)
      if (e.household &&
          std::find(p.equipment.begin(), p.equipment.end(), e.id) == p.equipment.end())
        p.equipment.push_back(e.id);
  if (f.pro) {
    if (*f.pro < 0 || *f.pro > 7)
      usage(fmt::format("--pro {}: use 0 to 7 sessions a week", *f.pro));
    if (*f.pro == 0) {
      p.professional.reset();
    } else {
      if (!p.professional) p.professional = model::Professional{};
      p.professional->sessions_per_week = *f.pro;
    }
  }
  if (p.professional) {
    if (f.pro_minutes) {
      if (*f.pro_minutes < 1 || *f.pro_minutes > library::kMaxProfessionalMinutes)
        usage(fmt::format("--pro-minutes {}: use 1 to {}", *f.pro_minutes,
                          library::kMaxProfessionalMinutes));
      p.professional->minutes = *f.pro_minutes;
    }
    if (f.pro_weekdays)
      p.professional->weekdays = parse_weekdays("--pro-weekdays", *f.pro_weekdays);
    if (!f.pro_time.empty()) p.professional->start_minute = parse_clock("--pro-time", f.pro_time);
  } else if (f.pro_minutes || f.pro_weekdays || !f.pro_time.empty()) {
    usage("--pro-minutes, --pro-weekdays and --pro-time need professional sessions: add --pro N");
  }
  if (!f.timezone.empty()) {
    check_timezone(f.timezone, "--timezone");
    p.timezone = f.timezone;
  }
  if (f.variety) p.variety = parse_variety(*f.variety);
  if (auto problems = library::profile_problems(p); !problems.empty()) usage(problems.front());
  return p;
}

std::optional<long long> source_date_epoch() {
  const char* env = std::getenv("SOURCE_DATE_EPOCH");
  if (!env || !*env) return std::nullopt;
  long long v = 0;
  std::string_view s(env);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 0)
    usage(fmt::format("SOURCE_DATE_EPOCH '{}' is not a number of seconds", s));
  return v;
}

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
  request.start = parse_start(f.start);
  // In 64 bits: --weeks 400000000 must be refused, not wrap around.
  const long long days = f.weeks ? *f.weeks * 7LL : f.days.value_or(7);
  if (days < 1 || days > kMaxDays)
    usage(fmt::format("the plan would span {} days: use 1 to {} days", days, kMaxDays));
  request.days = static_cast<int>(days);
  request.seed = f.seed;
  request.routine_only = f.routine;
  if (!f.routine.empty() && !lib.find_routine(f.routine)) {
    std::vector<std::string> ids;
    for (const auto& r : lib.routines) ids.push_back(r.id);
    throw Error(ExitCode::kDataErr, fmt::format("unknown routine '{}'", f.routine),
                model::did_you_mean(f.routine, ids));
  }
  auto profile = resolve_profile(ctx, f, lib);
  auto format = *exporter::parse_format(f.format);
  exporter::ExportOptions options;
  options.color = f.output.empty() && use_color(ctx.global);
  options.explain = f.explain;
  options.remind_minutes = f.remind;
  options.generator = fmt::format("massage-plan {}", kVersion);
  options.dtstamp_epoch = source_date_epoch();
  if (!options.dtstamp_epoch)
    options.dtstamp_epoch = std::chrono::duration_cast<std::chrono::seconds>(
                                std::chrono::system_clock::now().time_since_epoch())
                                .count();
  auto plan = make_plan_or_exit(lib, profile, request);
  // Render the whole plan first: nothing is written unless all of it is known to be good.
  std::ostringstream text;
  exporter::write_plan(text, format, plan, lib, options);
  if (!ctx.global.quiet)
    for (const auto& w : plan.warnings) ctx.err << "massage-plan: warning: " << w << '\n';
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
  cmd->add_option("--weekdays", f->weekdays, "Self-care days, e.g. mon,tue,wed,thu,fri")
      ->type_name("DAYS");
  cmd->add_option("--start", f->start, "First day: YYYY-MM-DD, today or tomorrow (default today)")
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
  cmd->add_option("--routine", f->routine, "A plan made of this routine only")->type_name("ID");
  cmd->add_option("--seed", f->seed, "Seed for tie-breaking; same inputs and seed, same plan")
      ->type_name("N");
  cmd->add_flag("--explain", f->explain, "Say why each item was chosen and others left out");
  cmd->add_option("--format", f->format, "text, markdown, json, csv or ics (default text)")
      ->check(CLI::IsMember({"text", "markdown", "json", "csv", "ics"}))
      ->type_name("FORMAT");
  cmd->add_option("-o,--output", f->output, "Write to FILE atomically instead of stdout")
      ->type_name("FILE");
  cmd->add_option("--remind", f->remind, "ics: reminder N minutes before each session (0 = none)")
      ->check(CLI::Range(0, 1440))
      ->type_name("MINUTES");
  cmd->add_option("--timezone", f->timezone, "IANA time zone for ics times, e.g. Europe/Berlin")
      ->type_name("NAME");
  cmd->add_option("--variety", f->variety,
                  "Share of a goal one technique may carry in a week, 0 < S <= 1 (default 0.34; "
                  "1 = no limit)")
      ->type_name("S");
  cmd->callback([&ctx, f] { ctx.action = [&ctx, f] { return run_plan(ctx, *f); }; });
}

}  // namespace mp::cli
