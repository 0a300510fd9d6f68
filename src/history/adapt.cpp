#include "history/adapt.hpp"

#include <fmt/format.h>

#include <map>

#include "history/marks.hpp"


namespace mp::history {

std::vector<model::Adaptation> adapt(const std::vector<model::SavedSession>& sessions,
                                     const std::vector<model::Entry>& entries, model::Date from,
                                     model::Date to) {
  auto in_window = [&](model::Date d) { return d >= from && d <= to; };
  struct Uses {
    int planned = 0;
    int skipped = 0;
    int ratings = 0;
    double rating_sum = 0;
  };
  std::map<std::string, Uses> uses;
  std::map<std::pair<model::Date, std::string>, bool> skipped_on;  // (day, technique) counted
  std::map<long long, const model::SavedSession*> by_id;
  for (const auto& s : sessions) {
    by_id[s.id] = &s;
    if (!in_window(s.date)) continue;
    for (const auto& item : s.items) {
      ++uses[item.technique].planned;
      skipped_on.emplace(std::pair{s.date, item.technique}, false);
    }
  }
  for (const auto& e : entries) {
    if (!in_window(e.date) || e.kind == model::EntryKind::kCheckIn) continue;
    // v3: only technique-level evidence adapts a technique. A skip naming techniques (`skip
    // --technique`, or a technique skipped inside a guided session) counts against a planned
    // use of that technique on that day, once; a whole session skipped ("too tired") says
    // little about the techniques in it and counts for none of them.
    if (e.kind == model::EntryKind::kSkip) {
      for (const auto& t : e.techniques)
        if (auto it = skipped_on.find({e.date, t.technique}); it != skipped_on.end() && !it->second) {
          it->second = true;
          ++uses[t.technique].skipped;
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

std::vector<std::string> slot_advice(const std::vector<model::SavedSession>& sessions,
                                     const std::vector<model::Entry>& entries, model::Date from,
                                     model::Date to) {
  const Marks marks = mark_sessions(sessions, entries);
  struct Slot {
    int planned = 0;
    int skipped = 0;
  };
  std::map<int, Slot> slots;  // by start minute
  for (const auto& s : sessions) {
    if (s.date < from || s.date > to || s.kind != model::SessionKind::kSelf) continue;
    auto& slot = slots[s.start_minute];
    ++slot.planned;
    slot.skipped += marks.skipped.count(s.id) > 0 ? 1 : 0;
  }
  auto often_skipped = [](const Slot& s) {
    return s.planned >= kMinPlannedUses && 2 * s.skipped >= s.planned;
  };
  std::vector<std::string> out;
  for (const auto& [start, slot] : slots) {
    if (!often_skipped(slot)) continue;
    std::string line = fmt::format(
        "your {} session was skipped in {} of {} planned uses in the last 4 weeks; ",
        model::format_time(start), slot.skipped, slot.planned);
    const std::pair<const int, Slot>* better = nullptr;
    for (const auto& other : slots) {
      if (other.first == start || often_skipped(other.second) || other.second.planned == 0)
        continue;
      // The lowest share skipped; on a tie the earlier time.
      if (better == nullptr || other.second.skipped * better->second.planned <
                                   better->second.skipped * other.second.planned)
        better = &other;
    }
    if (better != nullptr)
      line += fmt::format(
          "the {} session was skipped in {} of {}: try that time, or another (--session "
          "HH:MM=N, or sessions: in the profile)",
          model::format_time(better->first), better->second.skipped, better->second.planned);
    else
      line += "try another time of day (--session HH:MM=N, or sessions: in the profile)";
    out.push_back(std::move(line));
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
