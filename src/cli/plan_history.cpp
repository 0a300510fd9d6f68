#include "cli/plan_history.hpp"

#include <fmt/format.h>

#include "cli/history_common.hpp"
#include "history/adapt.hpp"
#include "history/pause.hpp"
#include "history/store.hpp"

namespace mp::cli {

Learnt learn_adaptations(const Context& ctx, model::Date start) {
  history::Store store(history_path(ctx), history::OpenMode::kRead);
  const model::Date today = local_today();
  const model::Date from = model::add_days(start, -history::kAdaptWindowDays);
  const model::Date to = model::add_days(start, -1);
  Learnt learnt;
  std::vector<history::SymptomRise> rises;
  store.transaction([&] {
    // v3: paused days are left out of the window (neither planned nor skipped).
    const auto sessions =
        history::without_paused(store.sessions(from, to), history::paused_days(store.pauses()));
    const auto entries = store.entries(from, to);
    learnt.adaptations = history::adapt(sessions, entries, from, to);
    learnt.notes = history::slot_advice(sessions, entries, from, to);
    rises = history::symptom_rises(store.entries(model::add_days(today, -20), today), today);
  });
  for (const auto& r : rises)
    ctx.err << fmt::format(
        "massage-plan: your {} ratings rose from {:.1f} to {:.1f} on average over two weeks; "
        "please see a clinician about it\n",
        r.symptom, r.before, r.now);
  return learnt;
}

void save_plan(const Context& ctx, const model::Plan& plan) {
  const std::string path = history_path(ctx);
  history::Store store(path, history::OpenMode::kWrite);
  history::SaveResult result;
  store.transaction([&] { result = store.save_plan(plan, local_today()); });
  if (ctx.global.quiet) return;
  ctx.err << fmt::format("massage-plan: saved {} session{} as the current plan in {}", result.saved,
                         result.saved == 1 ? "" : "s", path);
  if (result.kept > 0)
    ctx.err << fmt::format(" ({} left as saved before: past days and marked sessions are kept)",
                           result.kept);
  ctx.err << '\n';
}

}  // namespace mp::cli
