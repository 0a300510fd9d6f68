#include "cli/history_common.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <ctime>

#include "model/error.hpp"
#include "model/suggest.hpp"

namespace mp::cli {
namespace {

// localtime_r, not the tz database: it is all a history command needs, and it is quick.
// MASSAGE_PLAN_NOW (test-only) stands in for the clock.
std::tm local_now() {
  std::tm tm{};
  if (auto fixed = fixed_now()) {
    const std::chrono::year_month_day ymd{fixed->date};
    tm.tm_year = static_cast<int>(ymd.year()) - 1900;
    tm.tm_mon = static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
    tm.tm_mday = static_cast<int>(static_cast<unsigned>(ymd.day()));
    tm.tm_hour = *fixed->minute / 60;
    tm.tm_min = *fixed->minute % 60;
    return tm;
  }
  std::time_t t = std::time(nullptr);
  localtime_r(&t, &tm);
  return tm;
}

}  // namespace

std::optional<model::When> fixed_now() {
  const char* env = std::getenv("MASSAGE_PLAN_NOW");
  if (env == nullptr || *env == '\0') return std::nullopt;
  const std::string_view text(env);
  // Only the full form: a relative word ("today") would need the clock it replaces.
  auto w = text.size() == 16 && text[10] == 'T'
               ? model::read_when(text, model::Date{}, model::WeekdayWay::kLast)
               : model::Parsed<model::When>{};
  if (!w.value || !w.value->minute)
    throw Error(ExitCode::kUsage,
                fmt::format("MASSAGE_PLAN_NOW '{}' is not YYYY-MM-DDTHH:MM", text),
                "it is a test-only setting: unset it to use the clock");
  return w.value;
}

std::string history_path(const Context& ctx) {
  if (!ctx.global.history_path.empty()) return ctx.global.history_path;
  const char* state = std::getenv("XDG_STATE_HOME");
  if (state && *state == '/') return std::string(state) + "/massage-plan/history.db";
  const char* home = std::getenv("HOME");
  if (home && *home) return std::string(home) + "/.local/state/massage-plan/history.db";
  throw Error(ExitCode::kCantCreate,
              "no place for the history: neither HOME nor XDG_STATE_HOME is set",
              "name the file with --history FILE");
}

model::Date local_today() {
  std::tm tm = local_now();
  return model::Date{std::chrono::year{tm.tm_year + 1900},
                     std::chrono::month{static_cast<unsigned>(tm.tm_mon + 1)},
                     std::chrono::day{static_cast<unsigned>(tm.tm_mday)}};
}

int local_minute_now() {
  std::tm tm = local_now();
  return tm.tm_hour * 60 + tm.tm_min;
}

std::string local_timestamp() {
  // SOURCE_DATE_EPOCH, as for an ics DTSTAMP: reproducible output for tests and examples.
  std::tm tm = local_now();
  if (const char* env = std::getenv("SOURCE_DATE_EPOCH"); env && *env) {
    char* end = nullptr;
    long long v = std::strtoll(env, &end, 10);
    if (end && *end == '\0' && v >= 0) {
      auto t = static_cast<std::time_t>(v);
      localtime_r(&t, &tm);
    }
  }
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

model::Date parse_day(std::string_view flag, const std::string& text) {
  auto d = model::read_day(text, local_today(), model::WeekdayWay::kLast);
  if (!d.value) throw Error(ExitCode::kUsage, fmt::format("{} {}", flag, d.problem), d.hint);
  return *d.value;
}

model::When parse_when(const std::optional<std::string>& text) {
  if (!text) return model::When{local_today(), local_minute_now()};
  auto w = model::read_when(*text, local_today(), model::WeekdayWay::kLast);
  if (!w.value) throw Error(ExitCode::kUsage, w.problem, w.hint);
  return *w.value;
}

model::GoalWeights goal_weights(const model::Library& library) {
  model::GoalWeights out;
  for (const auto& t : library.techniques)
    out[t.id] = std::map<std::string, double>(t.goals.begin(), t.goals.end());
  return out;
}

void check_technique(const model::Library& library, const std::string& id) {
  if (library.find_technique(id)) return;
  std::vector<std::string> ids;
  for (const auto& t : library.techniques) ids.push_back(t.id);
  throw Error(ExitCode::kDataErr, fmt::format("unknown technique '{}'", id),
              model::did_you_mean(id, ids));
}

}  // namespace mp::cli
