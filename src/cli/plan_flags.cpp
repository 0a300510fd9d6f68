#include "cli/plan_flags.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <string>

#include "model/error.hpp"
#include "model/profile_rules.hpp"
#include "model/suggest.hpp"
#include "model/when.hpp"

namespace mp::cli {
namespace {

[[noreturn]] void usage(std::string message, std::string hint = {}) {
  throw Error(ExitCode::kUsage, std::move(message), std::move(hint));
}

// The whole of text as a number, or nullopt.
std::optional<int> whole_number(std::string_view text) {
  int v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size()) return std::nullopt;
  return v;
}

int parse_minutes(std::string_view flag, std::string_view text, int max) {
  auto v = whole_number(text);
  if (!v || *v < 1 || *v > max)
    usage(fmt::format("{} '{}': use whole minutes from 1 to {}", flag, text, max));
  return *v;
}

void add_once(std::vector<std::string>& list, const std::string& id) {
  if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
}

// Whether `name` is a zone file of the system's time zone database (/usr/share/zoneinfo, which
// date/tz reads): one file's first bytes, where date::locate_zone() first lists every zone in
// the directory (about 750 system calls, 2.3 M instructions and 2.4 ms on every plan of a
// profile with a time zone). A name it does not find goes to locate_zone() for the verdict.
bool zone_file_exists(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos) return false;
  // Files of the directory that date/tz does not list as zones.
  if (name == "posixrules" || name == "Factory" || name.rfind("posix/", 0) == 0 ||
      name.rfind("right/", 0) == 0)
    return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '/' || c == '_' || c == '-' ||
          c == '+'))
      return false;
  std::ifstream in("/usr/share/zoneinfo/" + name, std::ios::binary);
  std::array<char, 4> magic{};
  return in.read(magic.data(), magic.size()) &&
         std::string_view(magic.data(), magic.size()) == "TZif";
}

}  // namespace

int parse_clock_flag(std::string_view flag, std::string_view text) {
  auto t = model::read_time_of_day(flag, text);
  if (!t.value) usage(t.problem, t.hint);
  return *t.value;
}

model::WeekdaySet parse_weekdays_flag(std::string_view flag, std::string_view text) {
  const auto words = model::split_list(text);
  std::vector<model::WeekdayListProblem> problems;
  auto set = model::read_weekday_list(flag, words, problems);
  if (!problems.empty()) {
    const auto& p = problems.front();
    // A word's problem is prefixed with the flag, as a file's is with its location.
    if (p.index == model::WeekdayListProblem::kWholeList) usage(p.message, p.hint);
    usage(fmt::format("{}: {}", flag, p.message), p.hint);
  }
  return set;
}

model::SessionSlot parse_session_flag(std::string_view text) {
  auto eq = text.find('=');
  if (eq == std::string_view::npos) usage(fmt::format("--session '{}': use HH:MM=MINUTES", text));
  model::SessionSlot slot;
  slot.start_minute = parse_clock_flag("--session", text.substr(0, eq));
  slot.minutes = parse_minutes("--session", text.substr(eq + 1), model::kMaxSessionMinutes);
  return slot;
}

model::GoalPriority parse_goal_flag(std::string_view text) {
  model::GoalPriority goal;
  auto colon = text.find(':');
  goal.id = std::string(text.substr(0, colon));
  if (colon != std::string_view::npos) {
    auto v = whole_number(text.substr(colon + 1));
    if (!v || *v < 1 || *v > model::kMaxPriority)
      usage(fmt::format("--goal '{}': priority must be a whole number from 1 to {}", text,
                        model::kMaxPriority));
    goal.priority = *v;
  }
  return goal;
}

model::Date parse_start_flag(std::string_view text, model::Date today) {
  auto d = model::read_day(text, today, model::WeekdayWay::kNext);
  if (!d.value) usage(fmt::format("--start {}", d.problem), d.hint);
  auto year = static_cast<int>(d.value->year());
  if (year < 1970 || year > 9000)
    usage(fmt::format("--start '{}': use a year from 1970 to 9000", text));
  return *d.value;
}

int plan_days(const PlanFlags& f) {
  // In 64 bits: --weeks 400000000 must be refused, not wrap around.
  const long long days = f.weeks ? *f.weeks * 7LL : f.days.value_or(7);
  if (days < 1 || days > kMaxPlanDays)
    usage(fmt::format("the plan would span {} days: use 1 to {} days", days, kMaxPlanDays));
  return static_cast<int>(days);
}

void check_timezone(const std::string& name, std::string_view origin) {
  if (name.empty() || zone_file_exists(name)) return;
  try {
    (void)date::locate_zone(name);
  } catch (const std::runtime_error&) {
    std::vector<std::string> names;
    for (const auto& z : date::get_tzdb().zones) names.push_back(std::string(z.name()));
    usage(fmt::format("unknown time zone '{}' ({})", name, origin),
          model::did_you_mean(name, names));
  }
}

double parse_variety_flag(std::string_view text) {
  const std::string s(text);
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size() || !(v > 0 && v <= 1))
    usage(fmt::format("--variety {}: use a share above 0 and at most 1 (1 = no limit)", text));
  return v;
}

model::Profile apply_plan_flags(model::Profile p, const PlanFlags& f, const model::Library& lib) {
  if (!f.goals.empty()) {
    p.goals.clear();
    for (const auto& g : f.goals) {
      auto goal = parse_goal_flag(g);
      if (std::any_of(p.goals.begin(), p.goals.end(),
                      [&](const auto& o) { return o.id == goal.id; }))
        usage(fmt::format("--goal '{}' is given twice", goal.id));
      p.goals.push_back(std::move(goal));
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
    for (const auto& s : f.sessions) p.sessions.push_back(parse_session_flag(s));
    std::sort(p.sessions.begin(), p.sessions.end(),
              [](const auto& a, const auto& b) { return a.start_minute < b.start_minute; });
  } else if (f.minutes || !f.time.empty()) {
    int start = f.time.empty() ? 7 * 60 + 30 : parse_clock_flag("--time", f.time);
    int minutes = f.minutes ? *f.minutes : (p.sessions.empty() ? 15 : p.sessions.front().minutes);
    if (minutes < 1 || minutes > model::kMaxSessionMinutes)
      usage(fmt::format("--minutes {}: use 1 to {}", minutes, model::kMaxSessionMinutes));
    p.sessions = {model::SessionSlot{start, minutes, {}}};
  }
  if (f.weekdays) p.weekdays = parse_weekdays_flag("--weekdays", *f.weekdays);
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
  if (f.variety) p.variety = parse_variety_flag(*f.variety);
  if (f.pro) {
    if (*f.pro < 0 || *f.pro > model::kMaxProfessionalPerWeek)
      usage(fmt::format("--pro {}: use 0 to {} sessions a week", *f.pro,
                        model::kMaxProfessionalPerWeek));
    if (*f.pro == 0) {
      p.professional.reset();
    } else {
      if (!p.professional) p.professional = model::Professional{};
      p.professional->sessions_per_week = *f.pro;
    }
  }
  if (p.professional) {
    bool changed = false;
    if (f.pro_minutes) {
      if (*f.pro_minutes < 1 || *f.pro_minutes > model::kMaxProfessionalMinutes)
        usage(fmt::format("--pro-minutes {}: use 1 to {}", *f.pro_minutes,
                          model::kMaxProfessionalMinutes));
      p.professional->minutes = *f.pro_minutes;
      changed = true;
    }
    if (f.pro_weekdays) {
      p.professional->weekdays = parse_weekdays_flag("--pro-weekdays", *f.pro_weekdays);
      changed = true;
    }
    if (!f.pro_time.empty()) {
      p.professional->start_minute = parse_clock_flag("--pro-time", f.pro_time);
      changed = true;
    }
    if (!f.pro_techniques.empty()) {
      p.professional->techniques.clear();  // the flags name the style: they replace the file's
      for (const auto& id : f.pro_techniques) add_once(p.professional->techniques, id);
      changed = true;
    }
    // A problem the flags made is the command line's, not the file's.
    if (changed || f.pro) p.professional->where = {};
  } else if (f.pro_minutes || f.pro_weekdays || !f.pro_time.empty() || !f.pro_techniques.empty()) {
    usage(
        "--pro-minutes, --pro-weekdays, --pro-time and --pro-technique need professional "
        "sessions: add --pro N");
  }
  // --prefer and --avoid add to the profile's lists; a flag overrides the file's other list.
  for (const auto& id : f.prefer) {
    std::erase(p.avoid, id);
    add_once(p.prefer, id);
  }
  for (const auto& id : f.avoid) {
    if (std::find(f.prefer.begin(), f.prefer.end(), id) != f.prefer.end())
      usage(fmt::format("--prefer {0} and --avoid {0}: a technique is preferred or avoided, not both",
                        id));
    std::erase(p.prefer, id);
    add_once(p.avoid, id);
  }
  if (!f.timezone.empty()) {
    check_timezone(f.timezone, "--timezone");
    p.timezone = f.timezone;
  }
  if (auto problems = model::check_profile(p); !problems.empty())
    throw DiagnosticError(std::move(problems), ExitCode::kUsage);
  return p;
}

}  // namespace mp::cli
