#include "cli/mark.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cli/history_common.hpp"
#include "export/reply.hpp"
#include "history/marks.hpp"
#include "history/pick.hpp"
#include "history/store.hpp"

namespace mp::cli {
namespace {

std::string session_words(const model::SavedSession& s) {
  return fmt::format("the {} session on {}", model::format_time(s.start_minute),
                     model::format_date(s.date));
}

// The day's sessions as "07:30, 12:30 and 21:00", for a hint.
std::string session_times(const std::vector<model::SavedSession>& sessions) {
  std::string out;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    if (i) out += i + 1 == sessions.size() ? " and " : ", ";
    out += model::format_time(sessions[i].start_minute);
  }
  return out;
}

// Refuses a day after today or a moment later than now (SPEC §5: exit 64, with a hint).
void refuse_future(std::string_view command, const model::When& when, model::Date today, int now) {
  if (!model::is_future(when, today, now)) return;
  const auto text = model::format_when(when);
  if (when.date == today)
    throw Error(ExitCode::kUsage,
                fmt::format("{} is still to come: {} records what has happened", text, command),
                fmt::format("`massage-plan {} today` marks today's first session not yet marked, "
                            "early if need be",
                            command));
  throw Error(ExitCode::kUsage,
              fmt::format("{} is in the future: {} records what has happened", text, command),
              fmt::format("run `massage-plan {}` on that day or after it", command));
}

// The session the rules name (history/pick.hpp), or an Error saying why there is none.
const model::SavedSession& chosen_session(std::string_view command,
                                          const std::vector<model::SavedSession>& sessions,
                                          const history::Marks& marks, const model::When& when,
                                          bool is_now) {
  const std::string day = model::format_date(when.date);
  const auto pick = history::pick_session(sessions, marks, when, is_now);
  switch (pick.outcome) {
    case history::PickOutcome::kSession:
      return *pick.session;
    case history::PickOutcome::kNoSessions:
      throw Error(ExitCode::kNothingPlanned, fmt::format("no saved session on {} to mark", day),
                  "save a plan with `massage-plan plan --save`, or name what you did with "
                  "--technique ID");
    case history::PickOutcome::kAllMarked:
      throw Error(ExitCode::kNothingPlanned,
                  fmt::format("every saved session on {} is marked already", day),
                  "`massage-plan undo` removes the last entry; name techniques with "
                  "--technique ID");
    case history::PickOutcome::kAlreadyMarked:
      throw Error(ExitCode::kNothingPlanned,
                  fmt::format("{} is {} already", session_words(*pick.session),
                              marks.done.count(pick.session->id) ? "marked done" : "skipped"),
                  fmt::format("`massage-plan undo` removes the last entry; the sessions that day "
                              "are at {}",
                              session_times(sessions)));
    case history::PickOutcome::kNoneNear:
      throw Error(ExitCode::kNothingPlanned,
                  fmt::format("no saved session within 3 hours of {}", model::format_when(when)),
                  fmt::format("the sessions that day are at {}: name one, e.g. `massage-plan {} "
                              "{}T{}`",
                              session_times(sessions), command, day,
                              model::format_time(pick.session->start_minute)));
    case history::PickOutcome::kNoneBegun:
      throw Error(
          ExitCode::kNothingPlanned,
          fmt::format("no session has begun yet today that is not marked; the next is at {}",
                      model::format_time(pick.session->start_minute)),
          fmt::format("to mark it early: `massage-plan {} today`", command));
  }
  throw Error(ExitCode::kSoftware, "unreachable");
}

}  // namespace

void add_mark_options(CLI::App& cmd, MarkFlags& f) {
  cmd.add_option("when", f.when,
                 "A day (today, yesterday, mon, YYYY-MM-DD: its first session not yet marked) or "
                 "a moment (21:00, yesterday 7:30, YYYY-MM-DDTHH:MM: the session nearest it); "
                 "default now: the latest session of today that has begun")
      ->type_name("WHEN");
  // One id per --technique, so a day after it is WHEN and not another id.
  cmd.add_option("--technique", f.techniques,
                 "Record this technique on that day, planned or not (repeatable, one id each)")
      ->type_name("ID")
      ->allow_extra_args(false);
}

int run_mark(const Context& ctx, model::EntryKind kind, const MarkFlags& f) {
  if (f.rating && (*f.rating < 1 || *f.rating > 5))
    throw Error(ExitCode::kUsage,
                fmt::format("--rating {}: use 1 to 5 (1 = no help, 5 = helped a lot)", *f.rating));
  if (f.minutes && (*f.minutes < 1 || *f.minutes > 24 * 60))
    throw Error(ExitCode::kUsage, fmt::format("--minutes {}: use 1 to 1440", *f.minutes));
  const std::string_view command = kind == model::EntryKind::kDone ? "done" : "skip";
  const model::Date today = local_today();
  const int now = local_minute_now();
  const model::When when = f.when ? parse_when(f.when) : model::When{today, now};
  refuse_future(command, when, today, now);
  model::Entry entry;
  entry.kind = kind;
  entry.date = when.date;
  entry.minute = when.minute;
  entry.rating = f.rating;
  entry.note = f.note;
  entry.reason = f.reason;
  entry.recorded_at = local_timestamp();
  const model::Library lib = load_library(ctx);
  for (const auto& id : f.techniques) check_technique(lib, id);

  history::Store store(history_path(ctx), history::OpenMode::kWrite);
  std::optional<model::SavedSession> marked_session;
  store.transaction([&] {
    auto sessions = store.sessions(when.date, when.date);
    if (f.techniques.empty()) {
      const auto marks = history::mark_sessions(sessions, store.entries(when.date, when.date));
      const auto& s = chosen_session(command, sessions, marks, when, !f.when);
      entry.session = s.id;
      entry.minutes = f.minutes;
      marked_session = s;
    } else {
      for (const auto& id : f.techniques) {
        if (std::any_of(entry.techniques.begin(), entry.techniques.end(),
                        [&](const auto& t) { return t.technique == id; }))
          continue;
        int minutes = 0;
        if (kind == model::EntryKind::kDone) {
          minutes = lib.find_technique(id)->duration.default_minutes;
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
            << exporter::describe_mark(entry, marked_session ? &*marked_session : nullptr, lib)
            << '\n';
  return 0;
}

}  // namespace mp::cli
