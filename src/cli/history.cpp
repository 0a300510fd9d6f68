// `history`: every entry between two days, for reading or as a backup / export.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <sstream>

#include "cli/context.hpp"
#include "cli/history_common.hpp"
#include "cli/output.hpp"
#include "export/report.hpp"
#include "history/store.hpp"

namespace mp::cli {
namespace {

struct HistoryFlags {
  std::string from;
  std::string to;
  std::string format = "text";
  std::string output;
};

int run_history(const Context& ctx, const HistoryFlags& f) {
  std::optional<model::Date> from;
  if (!f.from.empty()) from = parse_day("--from", f.from);
  // No --to: everything, future entries too (a day named by hand may lie ahead).
  model::Date to = f.to.empty() ? model::Date{std::chrono::year{9999}, std::chrono::December,
                                              std::chrono::day{31}}
                                : parse_day("--to", f.to);
  if (from && *from > to)
    throw Error(ExitCode::kUsage, fmt::format("--from {} is after --to {}",
                                              model::format_date(*from), model::format_date(to)));
  history::Store store(history_path(ctx), history::OpenMode::kRead);
  std::vector<model::Entry> entries;
  exporter::SessionsById sessions;
  store.transaction([&] {
    entries = store.entries(from, to);
    // By the day each entry is about, then in the order recorded (the store reads by id): a day
    // marked late lists with its own day, not at the end.
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& a, const auto& b) { return a.date < b.date; });
    // A session an entry marks lies on the entry's day: one read of those days finds them all.
    if (entries.empty()) return;
    model::Date first = entries.front().date;
    for (const auto& e : entries) first = std::min(first, e.date);
    for (auto& s : store.sessions(first, to)) sessions[s.id] = std::move(s);
  });
  std::ostringstream text;
  exporter::write_history(text, *exporter::parse_history_format(f.format), entries, sessions);
  if (entries.empty() && f.format == "text" && !ctx.global.quiet)
    ctx.err << "massage-plan: no entries\n";
  emit(ctx, f.output, text.str());
  return 0;
}

}  // namespace

void setup_history(CLI::App& app, Context& ctx) {
  auto f = std::make_shared<HistoryFlags>();
  auto* cmd = app.add_subcommand("history", "List every history entry (or export them)");
  cmd->add_option("--from", f->from, "First day: today, yesterday or YYYY-MM-DD")
      ->type_name("DATE");
  cmd->add_option("--to", f->to, "Last day (default: no limit)")->type_name("DATE");
  cmd->add_option("--format", f->format, "text, json or csv (default text)")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->type_name("FORMAT");
  cmd->add_option("-o,--output", f->output, "Write to FILE atomically instead of stdout")
      ->type_name("FILE");
  cmd->callback([&ctx, f] { ctx.action = [&ctx, f] { return run_history(ctx, *f); }; });
}

}  // namespace mp::cli
