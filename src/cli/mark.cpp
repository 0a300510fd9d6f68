#include "cli/mark.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "cli/history_common.hpp"
#include "export/report.hpp"
#include "history/store.hpp"

namespace mp::cli {
namespace {

const model::SavedSession* pick_session(const std::vector<model::SavedSession>& sessions,
                                        const std::set<long long>& marked, const When& when) {
  const model::SavedSession* best = nullptr;
  for (const auto& s : sessions) {
    if (marked.count(s.id)) continue;
    if (!when.minute) return &s;  // a day: its first session not yet marked
    if (!best ||
        std::abs(s.start_minute - *when.minute) < std::abs(best->start_minute - *when.minute))
      best = &s;
  }
  return best;
}

}  // namespace

void add_mark_options(CLI::App& cmd, MarkFlags& f) {
  cmd.add_option("when", f.when,
                 "today, yesterday, YYYY-MM-DD (that day's first session not yet marked) or "
                 "YYYY-MM-DDTHH:MM (the session nearest to it); default now")
      ->type_name("WHEN");
  cmd.add_option("--technique", f.techniques,
                 "Record this technique on that day, planned or not (repeatable)")
      ->type_name("ID");
}

int run_mark(const Context& ctx, model::EntryKind kind, const MarkFlags& f) {
  if (f.rating && (*f.rating < 1 || *f.rating > 5))
    throw Error(ExitCode::kUsage,
                fmt::format("--rating {}: use 1 to 5 (1 = no help, 5 = helped a lot)", *f.rating));
  if (f.minutes && (*f.minutes < 1 || *f.minutes > 24 * 60))
    throw Error(ExitCode::kUsage, fmt::format("--minutes {}: use 1 to 1440", *f.minutes));
  const When when = parse_when(f.when);
  model::Entry entry;
  entry.kind = kind;
  entry.date = when.date;
  entry.minute = when.minute;
  entry.rating = f.rating;
  entry.note = f.note;
  entry.reason = f.reason;
  entry.recorded_at = local_timestamp();
  std::optional<model::Library> lib;
  if (!f.techniques.empty()) lib = load_library(ctx);
  for (const auto& id : f.techniques) check_technique(*lib, id);

  history::Store store(history_path(ctx), history::OpenMode::kWrite);
  std::optional<model::SavedSession> marked_session;
  store.transaction([&] {
    auto sessions = store.sessions(when.date, when.date);
    if (f.techniques.empty()) {
      const std::string day = model::format_date(when.date);
      if (sessions.empty())
        throw Error(ExitCode::kNothingPlanned, fmt::format("no saved session on {} to mark", day),
                    "save a plan with `massage-plan plan --save`, or name what you did with "
                    "--technique ID");
      const auto* s = pick_session(sessions, store.marked_sessions(when.date), when);
      if (!s)
        throw Error(ExitCode::kNothingPlanned,
                    fmt::format("every saved session on {} is marked already", day),
                    "`massage-plan undo` removes the last entry; name techniques with "
                    "--technique ID");
      entry.session = s->id;
      entry.minutes = f.minutes;
      marked_session = *s;
    } else {
      for (const auto& id : f.techniques) {
        if (std::any_of(entry.techniques.begin(), entry.techniques.end(),
                        [&](const auto& t) { return t.technique == id; }))
          continue;
        int minutes = 0;
        if (kind == model::EntryKind::kDone) {
          minutes = lib->find_technique(id)->duration.default_minutes;
          for (const auto& s : sessions)
            for (const auto& item : s.items)
              if (item.technique == id) minutes = item.minutes;
          if (f.minutes) minutes = *f.minutes;
        }
        entry.techniques.push_back(model::EntryTechnique{id, minutes});
      }
    }
    store.add_entry(entry);
  });
  if (!ctx.global.quiet)
    ctx.out << "recorded: "
            << exporter::describe_entry(entry, marked_session ? &*marked_session : nullptr) << '\n';
  return 0;
}

}  // namespace mp::cli
