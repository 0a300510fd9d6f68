// `report`: adherence, streak, weeks, goals and skips from the history (SPEC §5).
#include "history/pause.hpp"
#include "history/report.hpp"

#include <fmt/format.h>

#include <memory>
#include <set>
#include <sstream>

#include "cli/context.hpp"
#include "cli/history_common.hpp"
#include "cli/output.hpp"
#include "export/report.hpp"
#include "history/store.hpp"

namespace mp::cli {
namespace {

constexpr int kMaxWeeks = 5 * 53;

struct ReportFlags {
  std::string from;
  std::string to;
  int weeks = 4;
  std::string format = "text";
  std::string output;
};

int run_report(const Context& ctx, const ReportFlags& f) {
  if (f.weeks < 1 || f.weeks > kMaxWeeks)
    throw Error(ExitCode::kUsage, fmt::format("--weeks {}: use 1 to {}", f.weeks, kMaxWeeks));
  const model::Date to = f.to.empty() ? local_today() : parse_day("--to", f.to);
  const model::Date from = f.from.empty()
                               ? model::add_days(history::week_start(to), -7 * (f.weeks - 1))
                               : parse_day("--from", f.from);
  if (from > to)
    throw Error(ExitCode::kUsage, fmt::format("--from {} is after --to {}",
                                              model::format_date(from), model::format_date(to)));
  auto lib = load_library(ctx);
  history::Store store(history_path(ctx), history::OpenMode::kRead);
  model::Report report;
  const auto weights = goal_weights(lib);
  const model::When now{local_today(), local_minute_now()};
  store.transaction([&] {
    // The range alone first; the streak may reach further back only when it runs unbroken to
    // the range's first planned day, and only then is the whole history read.
    auto goals = store.plan_goals();
    auto sessions = store.sessions(from, to);
    // Pauses that began before the entries read still cover their days (v3).
    const auto pauses = store.pauses();
    auto with_pauses = [&](std::vector<model::Entry> entries, std::optional<model::Date> first) {
      for (const auto& p : pauses)
        if (first && p.date < *first) entries.push_back(p);
      return entries;
    };
    report = history::make_report(sessions, with_pauses(store.entries(from, to), from), goals,
                                  weights, from, to, now);
    std::set<model::Date> planned_days;
    for (const auto& s : history::without_paused(sessions, history::paused_days(pauses)))
      planned_days.insert(s.date);
    if (static_cast<std::size_t>(report.streak) + 1 >= planned_days.size())
      report = history::make_report(store.sessions(std::nullopt, to),
                                    with_pauses(store.entries(std::nullopt, to), std::nullopt),
                                    goals, weights, from, to, now);
  });
  std::ostringstream text;
  exporter::write_report(text, *exporter::parse_report_format(f.format), report, lib);
  emit(ctx, f.output, text.str());
  return 0;
}

}  // namespace

void setup_report(CLI::App& app, Context& ctx) {
  auto f = std::make_shared<ReportFlags>();
  auto* cmd =
      app.add_subcommand("report", "Adherence, streak, symptoms and goals from the history");
  auto* from = cmd->add_option("--from", f->from, "First day (default: --weeks back from --to)")
                   ->type_name("DATE");
  cmd->add_option("--to", f->to, "Last day: today, yesterday or YYYY-MM-DD (default today)")
      ->type_name("DATE");
  cmd->add_option("--weeks", f->weeks, "ISO weeks to cover, back from --to (default 4)")
      ->type_name("N")
      ->excludes(from);
  cmd->add_option("--format", f->format, "text, json, markdown or html (default text)")
      ->check(CLI::IsMember({"text", "json", "markdown", "html"}))
      ->type_name("FORMAT");
  cmd->add_option("-o,--output", f->output, "Write to FILE atomically instead of stdout")
      ->type_name("FILE");
  cmd->callback([&ctx, f] { ctx.action = [&ctx, f] { return run_report(ctx, *f); }; });
}

}  // namespace mp::cli
