#include "cli/guide_record.hpp"

#include <algorithm>

#include "cli/history_common.hpp"
#include "history/store.hpp"

namespace mp::cli {
namespace {

// Adds minutes for technique, once per technique (a technique guided twice counts its minutes
// together).
void add_technique(std::vector<model::EntryTechnique>& list, const std::string& technique,
                   int minutes) {
  auto it = std::find_if(list.begin(), list.end(),
                         [&](const auto& t) { return t.technique == technique; });
  if (it == list.end())
    list.push_back(model::EntryTechnique{technique, minutes});
  else
    it->minutes += minutes;
}

}  // namespace

std::vector<model::Entry> guided_entries(const GuidedWhat& what,
                                         const std::vector<guide::TechniqueResult>& results,
                                         bool began, const std::string& recorded_at) {
  std::vector<model::Entry> out;
  if (!began) return out;
  model::Entry base;
  base.date = what.date;
  base.minute = what.minute;
  base.recorded_at = recorded_at;
  const bool all_done =
      std::all_of(results.begin(), results.end(), [](const auto& r) { return r.done; });
  if (all_done && what.session) {
    model::Entry done = base;
    done.kind = model::EntryKind::kDone;
    done.session = what.session->id;
    int minutes = 0;
    for (const auto& r : results) minutes += r.minutes();
    if (minutes != what.session->minutes()) done.minutes = std::max(1, minutes);
    out.push_back(std::move(done));
    return out;
  }
  model::Entry done = base;
  done.kind = model::EntryKind::kDone;
  model::Entry skip = base;
  skip.kind = model::EntryKind::kSkip;
  bool skipped_by_key = false;
  for (const auto& r : results) {
    if (r.done) {
      add_technique(done.techniques, r.technique, r.minutes());
    } else if (std::none_of(done.techniques.begin(), done.techniques.end(),
                            [&](const auto& t) { return t.technique == r.technique; })) {
      add_technique(skip.techniques, r.technique, 0);
      skipped_by_key = skipped_by_key || r.skipped;
    }
  }
  // A technique done once and skipped once (guided twice) counts as done.
  std::erase_if(skip.techniques, [&](const auto& s) {
    return std::any_of(done.techniques.begin(), done.techniques.end(),
                       [&](const auto& d) { return d.technique == s.technique; });
  });
  skip.reason = skipped_by_key ? "skipped or not reached in a guided session"
                               : "not reached in a guided session";
  if (!done.techniques.empty()) out.push_back(std::move(done));
  if (!skip.techniques.empty()) out.push_back(std::move(skip));
  return out;
}

std::vector<model::Entry> record_guided(const Context& ctx, std::vector<model::Entry> entries) {
  if (entries.empty()) return entries;
  history::Store store(history_path(ctx), history::OpenMode::kWrite);
  store.transaction([&] {
    for (auto& e : entries) store.add_entry(e);
  });
  return entries;
}

void rate_guided(const Context& ctx, long long entry_id, int rating) {
  history::Store store(history_path(ctx), history::OpenMode::kWrite);
  store.transaction([&] { store.set_rating(entry_id, rating); });
}

}  // namespace mp::cli
