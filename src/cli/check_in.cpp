// `check-in`: symptom ratings (NRS-11, 0-10) and a note for a day; several a day are fine.
#include <fmt/format.h>

#include <memory>

#include "cli/context.hpp"
#include "cli/history_common.hpp"
#include "export/report.hpp"
#include "history/adapt.hpp"
#include "history/store.hpp"

namespace mp::cli {
namespace {

struct CheckInFlags {
  std::string date = "today";
  std::optional<int> pain;
  std::optional<int> headache;
  std::optional<int> stress;
  std::string note;
};

void check_rating(std::string_view flag, const std::optional<int>& v) {
  if (v && (*v < 0 || *v > 10))
    throw Error(ExitCode::kUsage,
                fmt::format("{} {}: use 0 to 10 (0 = none, 10 = the worst imaginable)", flag, *v));
}

int run_check_in(const Context& ctx, const CheckInFlags& f) {
  check_rating("--pain", f.pain);
  check_rating("--headache", f.headache);
  check_rating("--stress", f.stress);
  if (!f.pain && !f.headache && !f.stress && f.note.empty())
    throw Error(ExitCode::kUsage, "check-in records nothing",
                "give one or more of --pain N, --headache N, --stress N (0-10) or --note TEXT");
  model::Entry entry;
  entry.kind = model::EntryKind::kCheckIn;
  entry.date = parse_day("--date", f.date);
  if (entry.date > local_today())
    throw Error(ExitCode::kUsage,
                fmt::format("--date {} is in the future: check-in records how you are or were",
                            model::format_date(entry.date)),
                "check in on that day, or name today or a day before it");
  entry.symptoms = {f.pain, f.headache, f.stress};
  entry.note = f.note;
  entry.recorded_at = local_timestamp();
  history::Store store(history_path(ctx), history::OpenMode::kWrite);
  std::vector<history::SymptomRise> rises;
  store.transaction([&] {
    store.add_entry(entry);
    rises = history::symptom_rises(store.entries(model::add_days(entry.date, -20), entry.date),
                                   entry.date);
  });
  if (!ctx.global.quiet)
    ctx.out << "recorded: " << exporter::describe_entry(entry, nullptr) << '\n';
  for (const auto& r : rises)
    ctx.err << fmt::format(
        "massage-plan: your {} ratings rose from {:.1f} to {:.1f} on average over two weeks; "
        "please see a clinician about it\n",
        r.symptom, r.before, r.now);
  return 0;
}

}  // namespace

void setup_check_in(CLI::App& app, Context& ctx) {
  auto f = std::make_shared<CheckInFlags>();
  auto* cmd = app.add_subcommand("check-in", "Record symptom ratings 0-10 and a note for a day");
  cmd->add_option("--date", f->date,
                  "today, yesterday, a weekday (the last one) or YYYY-MM-DD (default today)")
      ->type_name("DATE");
  cmd->add_option("--pain", f->pain, "Neck or back pain, 0 (none) to 10 (worst)")->type_name("N");
  cmd->add_option("--headache", f->headache, "Headache, 0 to 10")->type_name("N");
  cmd->add_option("--stress", f->stress, "Stress, 0 to 10")->type_name("N");
  cmd->add_option("--note", f->note, "A note for the day")->type_name("TEXT");
  cmd->callback([&ctx, f] { ctx.action = [&ctx, f] { return run_check_in(ctx, *f); }; });
}

}  // namespace mp::cli
