#include "history/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "history/marks.hpp"
#include "history/pause.hpp"

namespace mp::history {
namespace {

using std::chrono::sys_days;

struct Mean {
  double sum = 0;
  int n = 0;
  void add(const std::optional<int>& v) {
    if (v) sum += *v, ++n;
  }
  [[nodiscard]] std::optional<double> value() const {
    return n ? std::optional(sum / n) : std::nullopt;
  }
};

std::optional<double> ratio(int done, int planned) {
  return planned ? std::optional(static_cast<double>(done) / planned) : std::nullopt;
}

double weight_of(const model::GoalWeights& weights, const std::string& technique,
                 const std::string& goal) {
  auto t = weights.find(technique);
  if (t == weights.end()) return 0;
  auto g = t->second.find(goal);
  return g == t->second.end() ? 0 : g->second;
}

// Consecutive planned days back from `to` whose sessions were all done. The day `to` counts
// when complete and never breaks the streak: it may not be over yet.
int streak(const std::vector<model::SavedSession>& sessions, const Marks& marks, model::Date to) {
  std::map<model::Date, bool, std::greater<>> complete;  // newest day first
  for (const auto& s : sessions) {
    if (s.date > to) continue;
    auto [it, fresh] = complete.try_emplace(s.date, true);
    if (!marks.done.count(s.id)) it->second = false;
  }
  int n = 0;
  for (const auto& [day, all_done] : complete) {
    if (all_done)
      ++n;
    else if (day != to)
      break;
  }
  return n;
}

}  // namespace

model::Date week_start(model::Date d) { return model::add_days(d, -model::weekday_of(d)); }

std::string iso_week(model::Date d) {
  model::Date thursday = model::add_days(week_start(d), 3);
  model::Date jan1{thursday.year(), std::chrono::January, std::chrono::day{1}};
  auto day_of_year = (sys_days{thursday} - sys_days{jan1}).count();
  return fmt::format("{:04d}-W{:02d}", static_cast<int>(thursday.year()), day_of_year / 7 + 1);
}

model::Report make_report(const std::vector<model::SavedSession>& all_sessions,
                          const std::vector<model::Entry>& entries,
                          const std::vector<std::string>& goals, const model::GoalWeights& weights,
                          model::Date from, model::Date to, const std::optional<model::When>& now) {
  model::Report r;
  r.from = from;
  r.to = to;
  // v3: paused days count neither as planned nor as missed, so their sessions are left out of
  // every figure (and, being unplanned days, do not break the streak).
  const auto sessions = without_paused(all_sessions, paused_days(entries));
  for (const auto& e : entries)
    if (e.kind == model::EntryKind::kPause && e.until && e.date <= to && *e.until >= from)
      r.pauses.push_back(model::ReportPause{e.date, *e.until, e.reason});
  const Marks marks = mark_sessions(sessions, entries);
  r.streak = streak(sessions, marks, to);
  auto in_range = [&](model::Date d) { return d >= from && d <= to; };

  // One row per ISO week that meets the range.
  std::map<model::Date, std::size_t> week_of;  // Monday → row
  for (model::Date monday = week_start(from); monday <= to; monday = model::add_days(monday, 7)) {
    model::ReportWeek w;
    w.week = iso_week(monday);
    w.first = std::max(monday, from);
    w.last = std::min(model::add_days(monday, 6), to);
    week_of[monday] = r.weeks.size();
    r.weeks.push_back(std::move(w));
  }
  auto row = [&](model::Date d) -> model::ReportWeek& {
    return r.weeks[week_of.at(week_start(d))];
  };

  std::vector<std::string> goal_ids = goals;
  if (goal_ids.empty()) {
    for (const auto& e : entries)
      if (e.kind == model::EntryKind::kDone && in_range(e.date))
        for (const auto& t : e.techniques)
          if (auto it = weights.find(t.technique); it != weights.end())
            for (const auto& [g, w] : it->second)
              if (w > 0 && std::find(goal_ids.begin(), goal_ids.end(), g) == goal_ids.end())
                goal_ids.push_back(g);
  }
  for (const auto& g : goal_ids) r.goals[g] = model::ReportGoal{};
  auto count_minutes = [&](const std::string& technique, double minutes, bool done) {
    for (auto& [g, figures] : r.goals) {
      double w = weight_of(weights, technique, g);
      if (w <= 0) continue;
      (done ? figures.done_minutes : figures.planned_minutes) += minutes;
      (done ? figures.done_effective : figures.planned_effective) += minutes * w;
    }
  };

  std::map<long long, const model::SavedSession*> by_id;
  for (const auto& s : sessions) {
    by_id[s.id] = &s;
    if (!in_range(s.date)) continue;
    const bool marked = marks.done.count(s.id) > 0 || marks.skipped.count(s.id) > 0;
    if (!marked && now &&
        model::is_future(model::When{s.date, s.start_minute}, now->date,
                         now->minute.value_or(24 * 60))) {
      ++r.adherence.upcoming;
      continue;
    }
    auto& week = row(s.date);
    ++week.adherence.planned;
    ++r.adherence.planned;
    if (marks.done.count(s.id)) ++week.adherence.done, ++r.adherence.done;
    for (const auto& item : s.items) count_minutes(item.technique, item.minutes, false);
  }

  std::map<std::string, int> skips;
  std::map<std::string, model::TechniqueDone> done_by_technique;
  auto count_done = [&](const std::string& technique, double minutes) {
    auto& d = done_by_technique[technique];
    d.technique = technique;
    d.minutes += minutes;
    ++d.times;
  };
  std::vector<std::array<Mean, 3>> symptoms(r.weeks.size());
  for (const auto& e : entries) {
    if (!in_range(e.date) || e.kind == model::EntryKind::kPause) continue;
    if (const auto& text = e.kind == model::EntryKind::kSkip ? e.reason : e.note; !text.empty()) {
      std::optional<int> minute = e.minute;
      if (e.session)
        if (auto it = by_id.find(*e.session); it != by_id.end()) minute = it->second->start_minute;
      r.notes.push_back(model::ReportNote{e.date, e.kind, minute, text});
    }
    if (e.kind == model::EntryKind::kCheckIn) {
      auto& m = symptoms[week_of.at(week_start(e.date))];
      m[0].add(e.symptoms.pain);
      m[1].add(e.symptoms.headache);
      m[2].add(e.symptoms.stress);
      continue;
    }
    const model::SavedSession* session = nullptr;
    if (e.session)
      if (auto it = by_id.find(*e.session); it != by_id.end()) session = it->second;
    const bool done = e.kind == model::EntryKind::kDone;
    if (session) {
      for (const auto& item : session->items) {
        if (done) {
          const double minutes = done_item_minutes(*session, item, e);
          count_minutes(item.technique, minutes, true);
          count_done(item.technique, minutes);
        } else {
          ++skips[item.technique];
        }
      }
    }
    for (const auto& t : e.techniques) {
      if (done) {
        count_minutes(t.technique, t.minutes, true);
        count_done(t.technique, t.minutes);
      } else {
        ++skips[t.technique];
      }
    }
  }
  for (std::size_t i = 0; i < r.weeks.size(); ++i) {
    auto& w = r.weeks[i];
    w.adherence.ratio = ratio(w.adherence.done, w.adherence.planned);
    w.symptoms = {symptoms[i][0].value(), symptoms[i][1].value(), symptoms[i][2].value()};
  }
  r.adherence.ratio = ratio(r.adherence.done, r.adherence.planned);
  for (const auto& [t, n] : skips) r.skipped.push_back(model::SkipCount{t, n});
  std::stable_sort(r.skipped.begin(), r.skipped.end(),
                   [](const auto& a, const auto& b) { return a.count > b.count; });
  for (const auto& [t, d] : done_by_technique) r.done.push_back(d);
  std::stable_sort(r.done.begin(), r.done.end(),
                   [](const auto& a, const auto& b) { return a.minutes > b.minutes; });
  // Entries come in the order recorded; the notes read by the day they are about.
  std::stable_sort(r.notes.begin(), r.notes.end(),
                   [](const auto& a, const auto& b) { return a.date < b.date; });
  return r;
}

}  // namespace mp::history
