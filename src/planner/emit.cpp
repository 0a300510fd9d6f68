#include "planner/emit.hpp"

#include <algorithm>
#include <set>

#include "planner/constraints.hpp"
#include "planner/score.hpp"

namespace mp::planner::detail {
namespace {

// Score-neutral: moving items between slots of one day keeps the day's coverage, so
// time-of-day preferences are honoured here without touching the score. Moves (or swaps) an
// item whenever that raises the preferences met, until none does.
void honour_time_of_day(const Problem& p, std::vector<std::vector<Item>>& items,
                        std::vector<int>& load) {
  auto pref = [&](const Item& it, int s) { return preference(p.tech(it.tech), p.start(s)); };
  for (bool moved = true; moved;) {
    moved = false;
    for (int s1 = 0; s1 < p.slots && !moved; ++s1)
      for (std::size_t i = 0; i < items[static_cast<std::size_t>(s1)].size() && !moved; ++i)
        for (int s2 = 0; s2 < p.slots && !moved; ++s2) {
          if (s2 == s1) continue;
          auto& from = items[static_cast<std::size_t>(s1)];
          auto& to = items[static_cast<std::size_t>(s2)];
          const Item a = from[i];
          if (pref(a, s2) <= pref(a, s1)) continue;
          if (load[static_cast<std::size_t>(s2)] + a.minutes <= p.cap(s2)) {
            to.push_back(a);
            from.erase(from.begin() + static_cast<std::ptrdiff_t>(i));
            load[static_cast<std::size_t>(s2)] += a.minutes;
            load[static_cast<std::size_t>(s1)] -= a.minutes;
            moved = true;
            break;
          }
          for (std::size_t j = 0; j < to.size(); ++j) {
            const Item b = to[j];
            const int gain = pref(a, s2) + pref(b, s1) - pref(a, s1) - pref(b, s2);
            const int l1 = load[static_cast<std::size_t>(s1)] - a.minutes + b.minutes;
            const int l2 = load[static_cast<std::size_t>(s2)] - b.minutes + a.minutes;
            if (gain <= 0 || l1 > p.cap(s1) || l2 > p.cap(s2)) continue;
            std::swap(from[i], to[j]);
            load[static_cast<std::size_t>(s1)] = l1;
            load[static_cast<std::size_t>(s2)] = l2;
            moved = true;
            break;
          }
        }
  }
}

}  // namespace

model::PlannedSession routine_session(
    const std::string& id, int start,
    const std::vector<std::pair<const model::Technique*, int>>& steps) {
  model::PlannedSession session;
  session.kind = model::SessionKind::kRoutine;
  session.routine = id;
  session.start_minute = start;
  session.end_minute = start;
  for (const auto& [t, minutes] : steps) {
    session.items.push_back({t->id, minutes, 0});
    session.end_minute += minutes;
  }
  return session;
}

void warn_pinned(const model::Plan& pinned_only, const model::Library& library,
                 std::vector<std::string>& warnings) {
  for (const auto& problem : check_constraints(pinned_only, library))
    warnings.push_back("pinned routines break a rule: " + problem);
}

void emit_sessions(const Problem& p, const PlanState& st, const model::Library& library,
                   model::Plan& plan) {
  {
    model::Plan pinned_only = plan;
    for (const auto& pin : p.pinned)
      pinned_only.plan[static_cast<std::size_t>(pin.day)].sessions.push_back(
          routine_session(pin.routine->id, pin.start, pin.steps));
    warn_pinned(pinned_only, library, plan.warnings);
    plan.plan = std::move(pinned_only.plan);
  }
  for (int d = 0; d < p.score.days(); ++d) {
    auto& day = plan.plan[static_cast<std::size_t>(d)];
    if (st.pro_at(d) >= 0) {
      model::PlannedSession session;
      session.kind = model::SessionKind::kProfessional;
      session.start_minute = p.pro_start;
      session.end_minute = p.pro_start + p.pro_minutes;
      session.items.push_back({p.tech(st.pro_at(d)).def->id, p.pro_minutes, 0});
      day.sessions.push_back(std::move(session));
    }
    std::vector<std::vector<Item>> items(static_cast<std::size_t>(p.slots));
    std::vector<int> load(static_cast<std::size_t>(p.slots), 0);
    for (int s = 0; s < p.slots; ++s) {
      items[static_cast<std::size_t>(s)] = st.slot(d, s);
      for (const auto& it : items[static_cast<std::size_t>(s)])
        load[static_cast<std::size_t>(s)] += it.minutes;
    }
    honour_time_of_day(p, items, load);
    for (int s = 0; s < p.slots; ++s) {
      auto& list = items[static_cast<std::size_t>(s)];
      if (list.empty()) continue;
      std::sort(list.begin(), list.end(), [&](const Item& a, const Item& b) {
        const model::Technique& ta = *p.tech(a.tech).def;
        const model::Technique& tb = *p.tech(b.tech).def;
        if (ta.phase != tb.phase) return ta.phase < tb.phase;
        return ta.id < tb.id;
      });
      model::PlannedSession session;
      session.kind = model::SessionKind::kSelf;
      session.start_minute = p.start(s);
      session.end_minute = session.start_minute;
      for (const auto& it : list) {
        session.items.push_back({p.tech(it.tech).def->id, it.minutes, 0});
        session.end_minute += it.minutes;
      }
      day.sessions.push_back(std::move(session));
    }
  }
}

void explain_exclusions(const Problem& p, const PlanState& st, const model::Library& library,
                        model::Plan& plan) {
  std::set<std::string> used;
  for (const auto& day : plan.plan)
    for (const auto& session : day.sessions)
      for (const auto& item : session.items) used.insert(item.technique);
  for (std::size_t li = 0; li < library.techniques.size(); ++li) {
    const model::Technique& def = library.techniques[li];
    if (used.count(def.id) > 0) continue;
    std::string reason = p.reason_of[li];
    if (reason.empty()) {
      const int t = p.tech_of[li];
      bool fits = false;
      bool capped = false;
      for (int d = 0; d < p.score.days() && !fits; ++d) {
        const bool day_ok = p.tech(t).therapist ? p.pro_day(d) : p.selfcare(d);
        if (!day_ok) continue;
        if (st.can_use(t, d))
          fits = true;
        else
          capped = capped || st.blocked_by_cap(t, d);
      }
      reason = fits ? "budget: other techniques served the goals better"
                    : (capped ? "weekly cap" : "rest rule");
    }
    plan.excluded.push_back({def.id, reason});
  }
}

void finish(model::Plan& plan, const model::Library& library) {
  for (auto& day : plan.plan)
    std::stable_sort(day.sessions.begin(), day.sessions.end(),
                     [](const model::PlannedSession& a, const model::PlannedSession& b) {
                       return a.start_minute < b.start_minute;
                     });
  plan.score = compute_score(plan, library);
  fill_score_shares(plan, library);
  plan.held_back = shares_reached(plan, library);
  std::sort(plan.excluded.begin(), plan.excluded.end(),
            [](const model::Exclusion& a, const model::Exclusion& b) {
              return a.technique < b.technique;
            });
}

}  // namespace mp::planner::detail
