#include "planner/prefer.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "planner/greedy.hpp"
#include "planner/words.hpp"

namespace mp::planner::detail {
namespace {

// Whether t is planned on some day of block k.
bool used_in_block(const PlanState& st, int t, int k) {
  const WeekBlock b = st.problem().score.block(k);
  for (int d = b.first; d < b.end(); ++d)
    if (st.on_day(t, d)) return true;
  return false;
}

// The weeks, counted from 1, as words: "week 2", "weeks 1 and 3".
std::string weeks_words(const std::vector<int>& weeks) {
  std::vector<std::string> words;
  for (int w : weeks) words.push_back(std::to_string(w));
  std::string list;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) list += i + 1 == words.size() ? " and " : ", ";
    list += words[i];
  }
  return (weeks.size() == 1 ? "week " : "weeks ") + list;
}

}  // namespace

PreferOutcome place_preferred(PlanState& st, const model::Library& library,
                              const model::Profile& profile) {
  PreferOutcome out;
  const Problem& p = st.problem();
  std::vector<int> placed;  // the preferred techniques handled so far (indices into techs)
  for (const auto& id : profile.prefer) {
    const model::Technique* def = library.find_technique(id);
    if (def == nullptr) continue;  // unknown ids were refused before planning
    const auto li = static_cast<std::size_t>(def - library.techniques.data());
    const int t = p.tech_of[li];
    if (t < 0 || !p.reason_of[li].empty()) {
      const std::string why = p.reason_of[li].empty() ? "not usable" : p.reason_of[li];
      out.warnings.push_back(
          fmt::format("preferred technique '{}' cannot be planned: {}", id, why));
      out.notes.push_back(fmt::format("{}: preferred, but cannot be planned: {}", id, why));
      continue;
    }
    if (p.tech(t).therapist) {
      const std::string why =
          "a therapist performs it: name it with --pro-technique (professional: techniques)";
      out.warnings.push_back(fmt::format("preferred technique '{}' is not self-care: {}", id, why));
      out.notes.push_back(fmt::format("{}: preferred, but {}", id, why));
      continue;
    }
    std::vector<int> missed;
    std::vector<std::string> missed_why;
    for (int k = 0; k < p.score.blocks(); ++k) {
      if (used_in_block(st, t, k)) continue;
      const WeekBlock b = p.score.block(k);
      int best_day = -1;
      double best_total = 0;
      bool any_day = false;
      bool any_allowed = false;
      for (int d = b.first; d < b.end(); ++d) {
        if (!p.selfcare(d)) continue;
        any_day = true;
        if (!st.can_use(t, d)) continue;
        any_allowed = true;
        const auto snap = st.save_day(d);
        bool ok = squeeze_in(st, d, t) && st.on_day(t, d);
        for (int other : placed) ok = ok && used_in_block(st, other, k);
        if (ok && (best_day < 0 || st.total() > best_total)) {
          best_day = d;
          best_total = st.total();
        }
        st.restore(snap);
      }
      if (best_day >= 0) {
        squeeze_in(st, best_day, t);
        continue;
      }
      missed.push_back(k + 1);
      missed_why.push_back(!any_day       ? "no self-care day"
                           : !any_allowed ? "its weekly cap or rest rule blocks every day"
                                          : "no session has room for it beside the rest");
    }
    placed.push_back(t);
    if (missed.empty()) {
      out.notes.push_back(fmt::format("{}: preferred: planned in every week", id));
      continue;
    }
    // One line per reason, with the weeks it applies to.
    std::vector<std::string> reasons = missed_why;
    std::sort(reasons.begin(), reasons.end());
    reasons.erase(std::unique(reasons.begin(), reasons.end()), reasons.end());
    for (const auto& why : reasons) {
      std::vector<int> weeks;
      for (std::size_t i = 0; i < missed.size(); ++i)
        if (missed_why[i] == why) weeks.push_back(missed[i]);
      const std::string line = fmt::format("preferred technique '{}' is not planned in {}: {}", id,
                                           weeks_words(weeks), why);
      out.warnings.push_back(line);
      out.notes.push_back(
          fmt::format("{}: preferred, not planned in {}: {}", id, weeks_words(weeks), why));
    }
  }
  return out;
}

}  // namespace mp::planner::detail
