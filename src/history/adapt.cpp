#include "history/adapt.hpp"

#include <fmt/format.h>

#include <map>

#include "history/marks.hpp"

namespace mp::history {

std::vector<model::Adaptation> adapt(const std::vector<model::SavedSession>& sessions,
                                     const std::vector<model::Entry>& entries, model::Date from,
                                     model::Date to) {
  auto in_window = [&](model::Date d) { return d >= from && d <= to; };
  const Marks marks = mark_sessions(sessions, entries);
  struct Uses {
    int planned = 0;
    int skipped = 0;
    int ratings = 0;
    double rating_sum = 0;
  };
  std::map<std::string, Uses> uses;
  std::map<std::pair<model::Date, std::string>, bool> planned_on;  // (day, technique)
  std::map<long long, const model::SavedSession*> by_id;
  for (const auto& s : sessions) {
    by_id[s.id] = &s;
    if (!in_window(s.date)) continue;
    for (const auto& item : s.items) {
      ++uses[item.technique].planned;
      planned_on[{s.date, item.technique}] = true;
      if (marks.skipped.count(s.id)) ++uses[item.technique].skipped;
    }
  }
  for (const auto& e : entries) {
    if (!in_window(e.date) || e.kind == model::EntryKind::kCheckIn) continue;
    // A skip naming techniques counts against a planned use of that day whose session is
    // not itself marked skipped (that one is counted above).
    if (e.kind == model::EntryKind::kSkip && !e.session) {
      for (const auto& t : e.techniques)
        if (planned_on.count({e.date, t.technique})) {
          bool counted = false;
          for (const auto& s : sessions)
            if (s.date == e.date && marks.skipped.count(s.id))
              for (const auto& item : s.items) counted |= item.technique == t.technique;
          if (!counted) ++uses[t.technique].skipped;
        }
      continue;
    }
    if (e.kind != model::EntryKind::kDone || !e.rating) continue;
    auto rate = [&](const std::string& technique) {
      auto& u = uses[technique];
      ++u.ratings;
      u.rating_sum += *e.rating;
    };
    if (e.session) {
      if (auto it = by_id.find(*e.session); it != by_id.end())
        for (const auto& item : it->second->items) rate(item.technique);
    }
    for (const auto& t : e.techniques) rate(t.technique);
  }
  std::vector<model::Adaptation> out;
  for (const auto& [technique, u] : uses) {
    model::Adaptation a{technique, 1, {}};
    if (u.planned >= kMinPlannedUses && 2 * u.skipped >= u.planned) {
      a.factor *= kSkippedFactor;
      a.reason =
          fmt::format("skipped {} of {} planned uses in the last 4 weeks", u.skipped, u.planned);
    }
    if (u.ratings > 0 && u.rating_sum / u.ratings >= 4.0) {
      a.factor *= kHelpfulFactor;
      if (!a.reason.empty()) a.reason += "; ";
      a.reason += fmt::format("rated {:.1f} of 5 on average ({} rating{}) in the last 4 weeks",
                              u.rating_sum / u.ratings, u.ratings, u.ratings == 1 ? "" : "s");
    }
    if (a.factor != 1) out.push_back(std::move(a));
  }
  return out;
}

std::vector<SymptomRise> symptom_rises(const std::vector<model::Entry>& entries,
                                       model::Date today) {
  const model::Date now_from = model::add_days(today, -6);
  const model::Date before_from = model::add_days(today, -20);
  const model::Date before_to = model::add_days(today, -14);
  std::vector<SymptomRise> out;
  for (std::string_view name : {"pain", "headache", "stress"}) {
    double now_sum = 0, before_sum = 0;
    int now_n = 0, before_n = 0;
    for (const auto& e : entries) {
      if (e.kind != model::EntryKind::kCheckIn) continue;
      const auto& s = e.symptoms;
      auto v = name == "pain" ? s.pain : name == "headache" ? s.headache : s.stress;
      if (!v) continue;
      if (e.date >= now_from && e.date <= today) now_sum += *v, ++now_n;
      if (e.date >= before_from && e.date <= before_to) before_sum += *v, ++before_n;
    }
    if (!now_n || !before_n) continue;
    double now = now_sum / now_n, before = before_sum / before_n;
    if (now - before >= kSymptomRise) out.push_back(SymptomRise{std::string(name), before, now});
  }
  return out;
}

}  // namespace mp::history
