// In-process benchmarks: load, plan, score and each export (docs/performance.md).
// The synthetic libraries come from bench/gen_library.py, generated into the build tree (1k and
// 10k); MP_BENCH_LIBRARIES=/tmp/mp-bench (environment) uses bench/scale.sh's, 100k included.
// Sizes whose library is missing are skipped.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "builtin/builtin.hpp"
#include "export/export.hpp"
#include "library/loader.hpp"
#include "model/calendar.hpp"
#include "planner/constraints.hpp"
#include "planner/planner.hpp"
#include "planner/score.hpp"

namespace {

namespace fs = std::filesystem;
using mp::library::Source;

std::string libraries_dir() {
  if (const char* env = std::getenv("MP_BENCH_LIBRARIES"); env && *env) return env;
  return MP_BENCH_LIBRARIES;
}

// The generated library of n techniques as a source (files read once and kept).
const Source* generated_source(int techniques) {
  static std::map<int, std::unique_ptr<Source>> cache;
  auto& slot = cache[techniques];
  if (slot) return slot.get();
  // <dir>/<n> from the build, or <dir>/lib-<n> as bench/scale.sh names them.
  fs::path dir = fs::path(libraries_dir()) / std::to_string(techniques);
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    dir = fs::path(libraries_dir()) / ("lib-" + std::to_string(techniques));
  if (!fs::is_directory(dir, ec)) return nullptr;
  std::vector<fs::path> names;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".yaml") names.push_back(e.path());
  std::sort(names.begin(), names.end());
  auto source = std::make_unique<Source>();
  source->label = "--library " + dir.string();
  for (const auto& p : names) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    source->files.push_back({p.string(), text.str()});
  }
  slot = std::move(source);
  return slot.get();
}

const mp::model::Library* generated_library(int techniques) {
  static std::map<int, std::unique_ptr<mp::model::Library>> cache;
  auto& slot = cache[techniques];
  if (!slot) {
    const Source* source = generated_source(techniques);
    if (!source) return nullptr;
    slot = std::make_unique<mp::model::Library>(mp::library::load_sources({*source}).library);
  }
  return slot.get();
}

const mp::model::Library& builtin_library() {
  static const mp::model::Library library = mp::builtin::load();
  return library;
}

mp::model::WeekdaySet only(mp::model::WeekdayIndex day) {
  mp::model::WeekdaySet set{};
  set[static_cast<std::size_t>(day)] = true;
  return set;
}

// Two self-care slots a day and a professional session on Saturdays, as in scale.sh.
mp::model::Profile two_slot_profile(std::vector<mp::model::GoalPriority> goals,
                                    std::vector<std::string> conditions,
                                    std::vector<std::string> equipment) {
  mp::model::Profile p;
  p.goals = std::move(goals);
  p.sessions = {{7 * 60 + 30, 15}, {21 * 60, 10}};
  p.conditions = std::move(conditions);
  p.equipment = std::move(equipment);
  p.professional = mp::model::Professional{1, 60, only(5), 10 * 60};
  return p;
}

mp::model::Profile builtin_profile() {
  return two_slot_profile({{"tension-headache", 3, {}}, {"stress-reduction", 1, {}}},
                          {"anticoagulants"}, {"tennis-ball", "mat"});
}

mp::model::Profile generated_profile() {
  return two_slot_profile(
      {{"tension-headache", 3, {}}, {"range-of-motion", 1, {}}, {"stress-reduction", 2, {}}},
      {"cond-00", "cond-01"}, {"equip-00", "equip-01", "equip-02", "equip-03"});
}

mp::planner::PlanRequest request(int days) {
  mp::planner::PlanRequest r;
  r.start = mp::model::Date{std::chrono::year{2025}, std::chrono::January, std::chrono::day{6}};
  r.days = days;
  return r;
}

void count_items(benchmark::State& state, const mp::model::Plan& plan) {
  std::size_t items = 0;
  for (const auto& day : plan.plan)
    for (const auto& s : day.sessions) items += s.items.size();
  state.counters["items"] = static_cast<double>(items);
  state.counters["score"] = plan.score.total;
}

// ---- load ----

// The built-in library as the program gets it: decoding the snapshot compiled at build time.
void BM_LoadBuiltin(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(mp::builtin::load());
}
BENCHMARK(BM_LoadBuiltin)->Unit(benchmark::kMicrosecond);

// The same files parsed from YAML, as every run did before they were compiled at build time.
void BM_LoadBuiltinYaml(benchmark::State& state) {
  Source source{"built-in", {}, {}};
  for (const auto& f : mp::builtin::source().files) {
    std::ifstream in(fs::path(MP_SOURCE_DIR) / f.name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    source.files.push_back({f.name, text.str()});
  }
  for (auto _ : state) benchmark::DoNotOptimize(mp::library::load_sources({source}));
}
BENCHMARK(BM_LoadBuiltinYaml)->Unit(benchmark::kMicrosecond);

void BM_LoadGenerated(benchmark::State& state) {
  const Source* source = generated_source(static_cast<int>(state.range(0)));
  if (!source) return state.SkipWithError("no generated library (see bench/gen_library.py)");
  std::size_t bytes = 0;
  for (const auto& f : source->files) bytes += f.text.size();
  for (auto _ : state) benchmark::DoNotOptimize(mp::library::load_sources({*source}));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_LoadGenerated)
    ->ArgName("techniques")
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);

// ---- plan ----

void BM_PlanBuiltin(benchmark::State& state) {
  const auto& lib = builtin_library();
  const auto profile = builtin_profile();
  const auto req = request(static_cast<int>(state.range(0)));
  mp::model::Plan plan;
  for (auto _ : state) {
    plan = mp::planner::make_plan(lib, profile, req);
    benchmark::DoNotOptimize(plan);
  }
  count_items(state, plan);
}
BENCHMARK(BM_PlanBuiltin)
    ->ArgName("days")
    ->Arg(1)
    ->Arg(7)
    ->Arg(28)
    ->Arg(364)
    ->Unit(benchmark::kMillisecond);

void BM_PlanGenerated(benchmark::State& state) {
  const auto* lib = generated_library(static_cast<int>(state.range(0)));
  if (!lib) return state.SkipWithError("no generated library (see bench/gen_library.py)");
  const auto profile = generated_profile();
  const auto req = request(static_cast<int>(state.range(1)));
  mp::model::Plan plan;
  for (auto _ : state) {
    plan = mp::planner::make_plan(*lib, profile, req);
    benchmark::DoNotOptimize(plan);
  }
  count_items(state, plan);
  state.counters["technique_days"] = static_cast<double>(state.range(0) * state.range(1));
}
BENCHMARK(BM_PlanGenerated)
    ->ArgNames({"techniques", "days"})
    ->ArgsProduct({{1000, 10000, 100000}, {1, 7, 28, 91, 364}})
    ->Unit(benchmark::kMillisecond);

// ---- score and constraint check of a whole-year plan ----

const mp::model::Plan& year_plan() {
  static const mp::model::Plan plan =
      mp::planner::make_plan(builtin_library(), builtin_profile(), request(364));
  return plan;
}

void BM_ScoreYear(benchmark::State& state) {
  const auto& plan = year_plan();  // built before timing starts
  for (auto _ : state)
    benchmark::DoNotOptimize(mp::planner::compute_score(plan, builtin_library()));
}
BENCHMARK(BM_ScoreYear)->Unit(benchmark::kMillisecond);

void BM_CheckConstraintsYear(benchmark::State& state) {
  const auto& plan = year_plan();
  for (auto _ : state)
    benchmark::DoNotOptimize(mp::planner::check_constraints(plan, builtin_library()));
}
BENCHMARK(BM_CheckConstraintsYear)->Unit(benchmark::kMillisecond);

// ---- export: each format, a 7-day and a 364-day plan on the built-in library ----

void BM_Export(benchmark::State& state) {
  const auto format = static_cast<mp::exporter::Format>(state.range(0));
  const int days = static_cast<int>(state.range(1));
  const auto& lib = builtin_library();
  const auto plan =
      days == 364 ? year_plan() : mp::planner::make_plan(lib, builtin_profile(), request(days));
  mp::exporter::ExportOptions options;
  options.dtstamp_epoch = 1'735'689'600;  // fixed, as SOURCE_DATE_EPOCH would make it
  options.explain = true;
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::ostringstream out;
    mp::exporter::write_plan(out, format, plan, lib, options);
    bytes = out.str().size();
    benchmark::DoNotOptimize(bytes);
  }
  state.SetLabel(std::string(mp::exporter::to_string(format)));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_Export)
    ->ArgNames({"format", "days"})
    ->ArgsProduct({{static_cast<int>(mp::exporter::Format::kText),
                    static_cast<int>(mp::exporter::Format::kMarkdown),
                    static_cast<int>(mp::exporter::Format::kJson),
                    static_cast<int>(mp::exporter::Format::kCsv),
                    static_cast<int>(mp::exporter::Format::kIcs),
                    static_cast<int>(mp::exporter::Format::kHtml)},
                   {7, 364}})
    ->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
