#include "cli/saved_plan.hpp"

#include <fmt/format.h>

#include "cli/history_common.hpp"
#include "history/agenda.hpp"
#include "history/store.hpp"
#include "model/error.hpp"

namespace mp::cli {

SavedPlan read_saved_plan(const Context& ctx, model::Date from, model::Date to) {
  const std::string path = history_path(ctx);
  history::Store store(path, history::OpenMode::kRead);
  SavedPlan out;
  bool saved = false;
  store.transaction([&] {
    saved = store.has_plan();
    if (!saved) return;
    auto entries = store.entries(from, to);
    out.pauses = store.pauses();
    // A pause that began before `from` still covers its days: every pause takes part.
    std::erase_if(entries, [](const auto& e) { return e.kind == model::EntryKind::kPause; });
    entries.insert(entries.end(), out.pauses.begin(), out.pauses.end());
    out.sessions = history::session_states(store.sessions(from, to), entries);
    out.goals = store.latest_plan_goals();
  });
  if (!saved)
    throw Error(ExitCode::kNothingPlanned, fmt::format("no saved plan in {}", path),
                "save one with `massage-plan plan --save` (with your usual plan options)");
  return out;
}

std::vector<std::string> warn_missing_techniques(const Context& ctx,
                                                 const std::vector<model::AgendaSession>& sessions,
                                                 const model::Library& library) {
  std::vector<std::string> warnings;
  for (const auto& id : history::missing_techniques(sessions, library))
    warnings.push_back(fmt::format(
        "technique '{}' of the saved plan is not in the library any more: it is shown by its id, "
        "without dose or steps (restore it with --library, or save a new plan)",
        id));
  if (!ctx.global.quiet)
    for (const auto& w : warnings)
      ctx.err << format_diagnostic(Diagnostic{{}, w}, Severity::kWarning) << '\n';
  return warnings;
}

}  // namespace mp::cli
