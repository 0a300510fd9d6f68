#include "planner/problem.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "model/calendar.hpp"
#include "planner/constraints.hpp"
#include "planner/eligibility.hpp"
#include "planner/plan_error.hpp"
#include "planner/words.hpp"

namespace mp::planner::detail {
namespace {

using model::Library;
using model::Profile;
using model::Technique;

double weight_for(const Tech& t, int g) {
  for (auto [gi, w] : t.w)
    if (gi == g) return w;
  return 0;
}

// The best few techniques per goal and overall: enough to fill every slot of a week with
// distinct techniques, so the search stays linear in the library size.
std::vector<int> prune(const std::vector<int>& cands, const Problem& p, std::size_t per_goal) {
  if (cands.size() <= per_goal) return cands;
  std::vector<char> keep(p.techs.size(), 0);
  auto take_best = [&](auto score) {
    std::vector<int> order;
    for (int t : cands)
      if (score(t) > 0) order.push_back(t);
    const std::size_t n = std::min(per_goal, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(),
                      [&](int a, int b) {
                        const double sa = score(a);
                        const double sb = score(b);
                        if (sa != sb) return sa > sb;
                        const auto& ta = p.tech(a);
                        const auto& tb = p.tech(b);
                        if (ta.value != tb.value) return ta.value > tb.value;
                        return a < b;
                      });
    for (std::size_t i = 0; i < n; ++i) keep[static_cast<std::size_t>(order[i])] = 1;
  };
  for (int g = 0; g < p.score.goals(); ++g)
    take_best([&](int t) { return weight_for(p.tech(t), g); });
  take_best([&](int t) { return p.tech(t).value; });
  std::vector<int> out;
  for (int t : cands)
    if (keep[static_cast<std::size_t>(t)]) out.push_back(t);
  return out;
}

// Why nothing at all can be scheduled, one line per reason.
[[noreturn]] void refuse_nothing_eligible(const Library& library, const Profile& profile,
                                          const std::map<std::string, int>& goal_index,
                                          const std::vector<std::string>& reason_of) {
  std::vector<std::string> lines;
  if (profile.goals.empty()) {
    lines.push_back("the profile names no goals (add one with --goal)");
  } else {
    std::map<std::string, std::vector<std::string>> by_reason;
    for (std::size_t li = 0; li < library.techniques.size(); ++li)
      by_reason[reason_of[li]].push_back(library.techniques[li].id);
    bool any_serves = false;
    for (const auto& t : library.techniques)
      for (const auto& [id, w] : t.goals)
        any_serves = any_serves || (w > 0 && goal_index.count(id) > 0);
    if (!any_serves) {
      std::vector<std::string> goal_ids;
      for (const auto& g : profile.goals) goal_ids.push_back(g.id);
      lines.push_back(fmt::format("no technique in the library serves the chosen goals ({})",
                                  join(goal_ids, ", ")));
    } else {
      for (const auto& [reason, ids] : by_reason)
        lines.push_back(fmt::format("{}: {}", reason, quoted_list(ids)));
    }
    if (library.techniques.empty()) lines.push_back("the library has no techniques");
  }
  throw PlanError(PlanErrorKind::kNothingEligible,
                  "nothing planned: no technique can be scheduled\n  " + join(lines, "\n  "));
}

}  // namespace

double horizon_minutes(const Profile& profile, const std::vector<char>& selfcare,
                       const std::vector<char>& proday) {
  double day = 0;
  for (const auto& s : usable_slots(profile)) day += s.minutes;
  double total = 0;
  for (char c : selfcare) total += c != 0 ? day : 0.0;
  if (profile.professional && profile.professional->sessions_per_week > 0) {
    const int days = static_cast<int>(proday.size());
    for (int k = 0; k < block_count(days); ++k) {
      const WeekBlock b = week_block(k, days);
      int open = 0;
      for (int d = b.first; d < b.end(); ++d) open += proday[static_cast<std::size_t>(d)] != 0;
      total += std::min(open, block_cap(profile.professional->sessions_per_week, b.days)) *
               static_cast<double>(profile.professional->minutes);
    }
  }
  return total;
}

int preference(const Tech& t, int slot_start) {
  switch (t.def->time_of_day) {
    case model::TimeOfDay::kMorning:
      return slot_start < 12 * 60 ? 1 : -1;
    case model::TimeOfDay::kEvening:
      return slot_start >= 17 * 60 ? 1 : -1;
    case model::TimeOfDay::kAny:
      break;
  }
  return 0;
}

std::vector<model::SessionSlot> usable_slots(const Profile& profile) {
  std::vector<model::SessionSlot> slots;
  for (const auto& s : profile.sessions)
    if (s.minutes > 0) slots.push_back(s);
  std::stable_sort(slots.begin(), slots.end(),
                   [](const auto& a, const auto& b) { return a.start_minute < b.start_minute; });
  return slots;
}

std::vector<std::pair<const Technique*, int>> usable_steps(const model::Routine& routine,
                                                           const Library& library,
                                                           const Profile& profile,
                                                           std::vector<std::string>& warnings) {
  std::vector<std::pair<const Technique*, int>> out;
  for (const auto& step : routine.steps) {
    const Technique* t = library.find_technique(step.technique);
    if (t == nullptr) {
      warnings.push_back(
          fmt::format("routine '{}': left out unknown technique '{}'", routine.id, step.technique));
      continue;
    }
    if (auto problems = safety_problems(*t, profile); !problems.empty()) {
      warnings.push_back(fmt::format("routine '{}': left out '{}' ({})", routine.id, t->id,
                                     problems.front().reason()));
      continue;
    }
    if (std::find(profile.avoid.begin(), profile.avoid.end(), t->id) != profile.avoid.end()) {
      warnings.push_back(
          fmt::format("routine '{}': left out '{}' ({})", routine.id, t->id, kAvoidedReason));
      continue;
    }
    out.emplace_back(t, step.minutes);
  }
  return out;
}

Problem set_up(const Library& library, const Profile& profile, const PlanRequest& request,
               std::vector<std::string>& warnings) {
  Problem p;
  const int days = request.days;
  p.seed = request.seed;

  // --- The horizon and the score: goals, self-care and professional days, sessions. ---
  auto goals = scored_goals(profile, library);
  std::map<std::string, int> goal_index;
  std::vector<std::string> goal_ids;
  for (const auto& g : goals) {
    goal_index[g.id] = static_cast<int>(goal_ids.size());
    goal_ids.push_back(g.id);
  }
  std::vector<char> selfcare;
  for (int d = 0; d < days; ++d) {
    p.weekday.push_back(model::weekday_of(model::add_days(request.start, d)));
    selfcare.push_back(profile.weekdays[static_cast<std::size_t>(p.weekday.back())] ? 1 : 0);
    const bool pro = profile.professional && profile.professional->sessions_per_week > 0 &&
                     profile.professional->weekdays[static_cast<std::size_t>(p.weekday.back())];
    p.proday.push_back(pro ? 1 : 0);
  }
  for (int k = 0; k < block_count(days); ++k)
    p.week_turn.push_back(model::iso_week(model::add_days(request.start, 7 * k)));
  const PlanShape shape = plan_shape(profile, p.weekday);
  set_share_caps(goals, library, profile, shape);
  const auto slots = usable_slots(profile);
  // v3 adaptations: one more term of the objective, priced like a goal (score_model.hpp).
  std::map<std::string, double> factor_of;
  for (const auto& a : request.adaptations)
    if (a.factor > 0 && a.factor != 1) factor_of[a.technique] = a.factor;
  int adaptation_index = -1;
  if (!factor_of.empty()) {
    adaptation_index = static_cast<int>(goals.size());
    goals.push_back(adaptation_goal(horizon_minutes(profile, selfcare, p.proday)));
  }
  p.score = ScoreModel(std::move(goals), std::move(selfcare));
  p.slots = static_cast<int>(slots.size());
  for (const auto& s : slots) {
    p.slot_cap.push_back(s.minutes);
    p.slot_start.push_back(s.start_minute);
    p.day_minutes += s.minutes;
  }
  if (profile.professional) {
    p.pro_minutes = profile.professional->minutes;
    p.pro_per_week = profile.professional->sessions_per_week;
    p.pro_start = profile.professional->start_minute;
  }

  // --- Techniques: the eligible ones, and any a pinned routine uses (they count too). ---
  p.tech_of.assign(library.techniques.size(), -1);
  p.reason_of.assign(library.techniques.size(), {});
  auto add_tech = [&](std::size_t li) {
    if (p.tech_of[li] >= 0) return p.tech_of[li];
    const Technique& def = library.techniques[li];
    Tech t;
    t.def = &def;
    for (const auto& [id, w] : def.goals) {
      auto it = goal_index.find(id);
      if (it != goal_index.end() && w > 0) {
        const ScoredGoal& g = p.score.goal(it->second);
        t.w.emplace_back(it->second, w);
        t.value += g.priority * w / std::max(g.weekly_target, 1e-9);
      }
    }
    if (auto f = factor_of.find(def.id); f != factor_of.end() && adaptation_index >= 0)
      t.w.emplace_back(adaptation_index, f->second - 1.0);
    std::sort(t.w.begin(), t.w.end());
    t.min = std::max(1, def.duration.min);
    t.max = std::max(t.min, def.duration.max);
    t.per_week = def.frequency.max_per_week;
    t.rest = rest_days(def.frequency.min_rest_hours);
    t.therapist = def.performer == model::Performer::kTherapist;
    p.tech_of[li] = static_cast<int>(p.techs.size());
    p.techs.push_back(std::move(t));
    return p.tech_of[li];
  };
  std::vector<int> eligible_self;
  for (std::size_t li = 0; li < library.techniques.size(); ++li) {
    p.reason_of[li] = eligibility_reason(library.techniques[li], library, profile, goal_ids, shape);
    if (!p.reason_of[li].empty()) continue;
    const int t = add_tech(li);
    if (p.tech(t).therapist)
      p.pros.push_back(t);
    else
      eligible_self.push_back(t);
  }

  // v3: the therapist's style. Visits use only the named techniques; when none of them can be
  // used, planning stops with the reasons rather than falling back to another style.
  if (profile.professional && profile.professional->sessions_per_week > 0 &&
      shape.any_professional_day && !profile.professional->techniques.empty()) {
    std::vector<std::string> why;
    bool any = false;
    for (const auto& id : profile.professional->techniques) {
      const Technique* t = library.find_technique(id);
      if (t == nullptr) continue;
      const auto li = static_cast<std::size_t>(t - library.techniques.data());
      any = any || p.reason_of[li].empty();
      why.push_back(fmt::format("{}: {}", id, p.reason_of[li]));
    }
    if (!any)
      throw PlanError(PlanErrorKind::kNothingEligible,
                      "nothing planned: none of your therapist's techniques can be used\n  " +
                          join(why, "\n  "),
                      "massage-plan does not switch to another style: ask your therapist, or "
                      "change professional: techniques (--pro-technique)");
  }

  // Pinned routines, with the steps that may be done.
  for (const auto& pr : profile.routines) {
    const model::Routine* routine = library.find_routine(pr.id);
    const auto steps = usable_steps(*routine, library, profile, warnings);
    if (steps.empty()) continue;
    for (int d = 0; d < days; ++d)
      if (pr.weekdays[static_cast<std::size_t>(p.weekday[static_cast<std::size_t>(d)])])
        p.pinned.push_back({d, pr.start_minute, routine, steps, {}});
  }
  for (auto& pin : p.pinned)
    for (const auto& [t, m] : pin.steps)
      pin.techs.push_back(add_tech(static_cast<std::size_t>(t - library.techniques.data())));

  if (eligible_self.empty() && p.pros.empty() && p.pinned.empty())
    refuse_nothing_eligible(library, profile, goal_index, p.reason_of);

  // Seeded order among equal candidates: variety that a seed can reshuffle.
  {
    std::vector<int> order(p.techs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::uint64_t state = request.seed;
    for (std::size_t i = order.size(); i > 1; --i)
      std::swap(order[i - 1], order[splitmix64(state) % i]);
    for (std::size_t i = 0; i < order.size(); ++i)
      p.techs[static_cast<std::size_t>(order[i])].rank = static_cast<int>(i);
  }

  // The candidates the search considers: all of them for small libraries, else the best few.
  std::size_t items_per_day = 0;
  if (!eligible_self.empty()) {
    int shortest = p.tech(eligible_self.front()).min;
    for (int t : eligible_self) shortest = std::min(shortest, p.tech(t).min);
    for (int cap : p.slot_cap) items_per_day += static_cast<std::size_t>(cap / shortest);
  }
  p.pool = eligible_self.size() > kPruneAbove
               ? prune(eligible_self, p, std::max<std::size_t>(16, 7 * items_per_day + 7))
               : eligible_self;
  p.pros = p.pros.size() > kPruneAbove ? prune(p.pros, p, 16) : p.pros;
  p.shortlist = p.pool.size() > kFullNeighbourhood ? prune(p.pool, p, 8) : p.pool;
  return p;
}

}  // namespace mp::planner::detail
