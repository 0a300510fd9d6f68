#pragma once
// Shared fixtures of the planner tests: a small library in the words of the built-in one,
// random instances of any shape, and an exhaustive solver for tiny ones.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/calendar.hpp"
#include "model/library.hpp"
#include "model/plan.hpp"
#include "model/profile.hpp"
#include "planner/constraints.hpp"
#include "planner/plan_error.hpp"
#include "planner/planner.hpp"
#include "planner/score.hpp"

namespace planner_test {
namespace model = mp::model;

/// prefix followed by n: "g0", "t3". (Built by appending: GCC 12 warns falsely, -Wrestrict, on
/// "g" + std::to_string(n) when it inlines it.)
inline std::string numbered(const char* prefix, int n) {
  std::string s = prefix;
  s += std::to_string(n);
  return s;
}

/// A small deterministic random source (tests must not depend on the standard library's
/// distributions, which differ between implementations).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// Uniform in lo..hi inclusive.
  int range(int lo, int hi) {
    return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool chance(int percent) { return range(1, 100) <= percent; }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(range(0, static_cast<int>(v.size()) - 1))];
  }

 private:
  std::uint64_t state_;
};

inline model::Date date(const char* text) { return *model::parse_date(text); }

inline model::Technique technique(std::string id, std::map<std::string, double> goals, int min,
                                  int max) {
  model::Technique t;
  t.id = std::move(id);
  t.name = t.id;
  t.goals = std::move(goals);
  t.duration = {min, min, max};
  t.steps = {"Do it."};
  return t;
}

inline model::Technique professional(std::string id, std::map<std::string, double> goals, int min,
                                     int max) {
  model::Technique t = technique(std::move(id), std::move(goals), min, max);
  t.kind = model::Kind::kProfessional;
  t.performer = model::Performer::kTherapist;
  return t;
}

inline model::Goal goal(std::string id, double weekly_target_minutes) {
  model::Goal g;
  g.id = std::move(id);
  g.name = g.id;
  g.weekly_target_minutes = weekly_target_minutes;
  return g;
}

inline model::Condition condition(std::string id, std::string name, bool red_flag = false,
                                  bool urgent = false, std::string advice = {}) {
  model::Condition c;
  c.id = std::move(id);
  c.name = std::move(name);
  c.red_flag = red_flag;
  c.urgent = urgent;
  c.advice = std::move(advice);
  return c;
}

inline model::Equipment equipment(std::string id) {
  model::Equipment e;
  e.id = std::move(id);
  e.name = e.id;
  return e;
}

using mp::model::Plan;
using mp::model::PlannedSession;
using mp::model::SessionKind;
using mp::planner::check_constraints;
using mp::planner::compute_score;
using mp::planner::make_plan;
using mp::planner::PlanRequest;
using mp::planner::shares_reached;

// A small library in the words of the built-in one. 2026-11-23 is a Monday.
inline mp::model::Library sample_library() {
  mp::model::Library lib;
  lib.goals = {goal("tension-headache", 70), goal("range-of-motion", 35),
               goal("stress-reduction", 60)};
  lib.conditions = {condition("anticoagulants", "Taking blood thinners"),
                    condition("acute-neck-injury", "Recent neck injury", true, true,
                              "Get the neck checked first."),
                    condition("arm-numbness", "Numbness in the arm", true, false,
                              "Numbness needs a clinician's look.")};
  lib.equipment = {equipment("tennis-ball"), equipment("mat")};
  auto chin = technique("chin-tuck", {{"range-of-motion", 0.8}, {"tension-headache", 0.4}}, 3, 5);
  auto trap =
      technique("upper-trap-stretch", {{"tension-headache", 0.6}, {"range-of-motion", 0.8}}, 2, 6);
  auto breath = technique("box-breathing", {{"stress-reduction", 1.0}}, 2, 5);
  breath.phase = mp::model::Phase::kCoolDown;
  breath.time_of_day = mp::model::TimeOfDay::kEvening;
  auto ball = technique("ball-massage", {{"tension-headache", 0.9}}, 3, 8);
  ball.equipment = {"tennis-ball"};
  ball.contraindications = {"anticoagulants"};
  ball.frequency = {3, 48};
  auto rolls = technique("neck-rolls", {{"range-of-motion", 0.7}}, 1, 3);
  rolls.phase = mp::model::Phase::kWarmUp;
  rolls.time_of_day = mp::model::TimeOfDay::kMorning;
  auto deep =
      professional("deep-tissue", {{"tension-headache", 1.0}, {"stress-reduction", 0.5}}, 30, 60);
  deep.contraindications = {"anticoagulants"};
  auto swedish = professional("swedish-massage", {{"stress-reduction", 1.0}}, 30, 45);
  lib.techniques = {chin, trap, breath, ball, rolls, deep, swedish};
  mp::model::Routine reset;
  reset.id = "desk-neck-reset";
  reset.name = "Desk neck reset";
  reset.steps = {{"chin-tuck", 3, {}}, {"upper-trap-stretch", 2, {}}, {"box-breathing", 2, {}}};
  mp::model::Routine ballr;
  ballr.id = "ball-break";
  ballr.name = "Ball break";
  ballr.steps = {{"neck-rolls", 2, {}}, {"ball-massage", 4, {}}};
  lib.routines = {reset, ballr};
  lib.sort_by_id();
  return lib;
}

inline mp::model::Profile sample_profile() {
  mp::model::Profile p;
  p.goals = {{"tension-headache", 3, {}}, {"stress-reduction", 1, {}}};
  p.sessions = {{7 * 60 + 30, 10}, {21 * 60, 8}};
  return p;
}

inline PlanRequest week(const char* start = "2026-11-23", int days = 7) {
  PlanRequest r;
  r.start = date(start);
  r.days = days;
  return r;
}

// An empty plan over the horizon, for building plans by hand.
inline Plan empty_plan(const mp::model::Profile& profile, const char* start, int days) {
  Plan plan;
  plan.start = date(start);
  plan.days = days;
  plan.profile = profile;
  for (int d = 0; d < days; ++d) {
    mp::model::PlanDay day;
    day.date = mp::model::add_days(plan.start, d);
    day.weekday = mp::model::weekday_of(day.date);
    plan.plan.push_back(day);
  }
  return plan;
}

inline PlannedSession session(int start, SessionKind kind,
                              std::vector<std::pair<std::string, int>> items) {
  PlannedSession s;
  s.start_minute = start;
  s.kind = kind;
  s.end_minute = start;
  for (auto& [id, m] : items) {
    s.items.push_back({id, m, 0});
    s.end_minute += m;
  }
  return s;
}

inline bool contains(const std::vector<std::string>& list, const std::string& text) {
  return std::find(list.begin(), list.end(), text) != list.end();
}

inline std::string joined(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& s : list) out += s + "\n";
  return out;
}

// ---------------------------------------------------------------------------------------------
// Random instances.

struct Instance {
  mp::model::Library library;
  mp::model::Profile profile;
  PlanRequest request;
};

inline mp::model::WeekdaySet random_weekdays(Rng& rng, int percent) {
  mp::model::WeekdaySet set{};
  for (auto& b : set) b = rng.chance(percent);
  return set;
}

// Any shape the model allows: professional sessions, pinned routines, conditions, equipment.
inline Instance random_instance(std::uint64_t seed) {
  Rng rng(seed);
  Instance in;
  auto& lib = in.library;
  const std::vector<double> targets{0.5, 5, 30, 60, 120, 300};
  const int n_goals = rng.range(1, 4);
  for (int g = 0; g < n_goals; ++g) lib.goals.push_back(goal(numbered("g", g), rng.pick(targets)));
  for (int c = 0; c < 3; ++c) lib.conditions.push_back(condition(numbered("c", c), "condition"));
  for (int e = 0; e < 2; ++e) lib.equipment.push_back(equipment(numbered("e", e)));
  const int n_techs = rng.range(1, 12);
  const std::vector<double> rests{0, 0, 0, 12, 24, 36, 48, 72};
  std::vector<std::string> self_ids;
  for (int t = 0; t < n_techs; ++t) {
    std::map<std::string, double> goals;
    for (int g = 0; g < n_goals; ++g)
      if (rng.chance(50)) goals[numbered("g", g)] = rng.range(0, 10) / 10.0;
    if (goals.empty()) goals["g0"] = 0.5;
    const bool pro = rng.chance(15);
    const int min = pro ? rng.range(20, 60) : rng.range(1, 8);
    const int max = min + (pro ? rng.range(0, 40) : rng.range(0, 6));
    const std::string id = numbered("t", t);
    auto tech = pro ? professional(id, goals, min, max) : technique(id, goals, min, max);
    tech.frequency = {rng.range(1, 7), rng.pick(rests)};
    tech.phase = static_cast<mp::model::Phase>(rng.range(0, 2));
    tech.time_of_day = static_cast<mp::model::TimeOfDay>(rng.range(0, 2));
    if (rng.chance(20)) tech.equipment = {numbered("e", rng.range(0, 1))};
    if (rng.chance(20)) tech.contraindications = {numbered("c", rng.range(0, 2))};
    if (!pro) self_ids.push_back(id);
    lib.techniques.push_back(tech);
  }
  lib.sort_by_id();
  for (int r = 0; r < 2 && !self_ids.empty(); ++r) {
    mp::model::Routine routine;
    routine.id = numbered("r", r);
    routine.name = routine.id;
    for (int s = rng.range(1, 3); s > 0; --s) {
      const auto* t = lib.find_technique(rng.pick(self_ids));
      routine.steps.push_back({t->id, rng.range(t->duration.min, t->duration.max), {}});
    }
    lib.routines.push_back(routine);
  }
  lib.sort_by_id();

  auto& p = in.profile;
  for (int g = 0; g < n_goals; ++g)
    if (g == 0 || rng.chance(60)) p.goals.push_back({numbered("g", g), rng.range(1, 5), {}});
  p.weekdays = random_weekdays(rng, 75);
  p.sessions.clear();
  for (int s = rng.range(0, 3); s > 0; --s)
    p.sessions.push_back({rng.range(5 * 60, 22 * 60), rng.range(1, 30)});
  for (int c = 0; c < 3; ++c)
    if (rng.chance(20)) p.conditions.push_back(numbered("c", c));
  for (int e = 0; e < 2; ++e)
    if (rng.chance(60)) p.equipment.push_back(numbered("e", e));
  if (rng.chance(40))
    p.professional = mp::model::Professional{rng.range(0, 3), rng.range(3, 9) * 10,
                                             random_weekdays(rng, 50), rng.range(8, 18) * 60, {}};
  if (!lib.routines.empty() && rng.chance(30))
    p.routines.push_back({rng.pick(lib.routines).id, random_weekdays(rng, 40), 12 * 60, {}});
  in.request.start = mp::model::add_days(date("2026-01-01"), rng.range(0, 700));
  in.request.days = rng.range(1, 21);
  in.request.seed = rng.next() % 4;
  return in;
}

// The plan's pinned routine sessions alone: whatever rules they break are the person's choice.
inline Plan pinned_only(const Plan& plan) {
  Plan copy = plan;
  for (auto& day : copy.plan)
    day.sessions.erase(
        std::remove_if(day.sessions.begin(), day.sessions.end(),
                       [](const auto& s) { return s.kind != SessionKind::kRoutine; }),
        day.sessions.end());
  return copy;
}

// ---------------------------------------------------------------------------------------------
// An exact solver for tiny instances.

struct Tiny {
  int days = 1;
  std::vector<int> slot_minutes;
  std::vector<char> selfcare;          // per day
  std::vector<std::vector<double>> w;  // [technique][goal]
  std::vector<int> min, max, cap, rest;
  std::vector<double> target, priority;  // per goal
  std::vector<double> share;             // per goal: σ_g, the share cap (1: none, the v1 model)
  std::vector<double> bonus;  // per technique (v3 adaptations): objective per minute, or empty
};

// The objective the planner maximises: the score plus, for adapted techniques, their
// adaptation term (bonus per minute × minutes, docs/planning.md "Learning from the history").
inline double tiny_objective(const Tiny& in, const std::vector<std::vector<int>>& m);

// σ_g = max(σ, 1/n_g) for n_g techniques that can serve goal g (SPEC §4, v2); 1 without a cap.
inline std::vector<double> share_caps(const Tiny& in, double variety) {
  const int longest = *std::max_element(in.slot_minutes.begin(), in.slot_minutes.end());
  std::vector<double> out;
  for (std::size_t g = 0; g < in.target.size(); ++g) {
    int n = 0;
    for (std::size_t t = 0; t < in.w.size(); ++t) n += in.w[t][g] > 0 && in.min[t] <= longest;
    out.push_back(variety >= 1 || n <= 1 ? 1.0 : std::max(variety, 1.0 / n));
  }
  return out;
}

// The SPEC §4 score of per-day minutes m[d][t] (one block: days ≤ 7).
inline double tiny_score(const Tiny& in, const std::vector<std::vector<int>>& m) {
  const std::size_t goals = in.target.size();
  double total = 0;
  double priorities = 0;
  int active = 0;
  for (char c : in.selfcare) active += c;
  for (std::size_t g = 0; g < goals; ++g) {
    double week_sum = 0;
    double daily = 0;
    for (int d = 0; d < in.days; ++d) {
      double c = 0;
      for (std::size_t t = 0; t < in.w.size(); ++t)
        c += in.w[t][g] * m[static_cast<std::size_t>(d)][t];
      week_sum += c;
      if (in.selfcare[static_cast<std::size_t>(d)])
        daily += std::min(1.0, c / (in.target[g] / 7.0));
    }
    // Variety (v2): each technique's part of the week counts up to σ_g of the week's target.
    if (!in.share.empty() && in.share[g] < 1) {
      week_sum = 0;
      for (std::size_t t = 0; t < in.w.size(); ++t) {
        double mine = 0;
        for (int d = 0; d < in.days; ++d) mine += in.w[t][g] * m[static_cast<std::size_t>(d)][t];
        week_sum += std::min(mine, in.share[g] * in.target[g] * in.days / 7.0);
      }
    }
    const double weekly = std::min(1.0, week_sum / (in.target[g] * in.days / 7.0));
    daily = active > 0 ? daily / active : 1.0;
    total += in.priority[g] * (weekly + daily) / 2;
    priorities += in.priority[g];
  }
  return total / priorities;
}

inline double tiny_objective(const Tiny& in, const std::vector<std::vector<int>>& m) {
  double v = tiny_score(in, m);
  for (std::size_t t = 0; t < in.bonus.size(); ++t)
    for (const auto& day : m) v += in.bonus[t] * day[t];
  return v;
}

// Whether the items fit the slots (each item in one slot, at most the slot's minutes).
inline bool packs(const std::vector<int>& items, const std::vector<int>& slots) {
  const std::size_t n = items.size();
  std::size_t combos = 1;
  for (std::size_t i = 0; i < n; ++i) combos *= slots.size();
  for (std::size_t code = 0; code < combos; ++code) {
    std::vector<int> load(slots.size(), 0);
    std::size_t c = code;
    bool ok = true;
    for (std::size_t i = 0; i < n && ok; ++i) {
      const std::size_t s = c % slots.size();
      c /= slots.size();
      load[s] += items[i];
      ok = load[s] <= slots[s];
    }
    if (ok) return true;
  }
  return n == 0;
}

// Exhaustive: every day's undominated minute vectors, combined over days under caps and rests.
// The best objective (tiny_objective); with best_minutes, the minutes per technique of the first
// plan found that reaches it.
inline double exact_optimum(const Tiny& in, std::vector<int>* best_minutes = nullptr) {
  const std::size_t n = in.w.size();
  std::vector<std::vector<int>> options;  // minute vectors that fit one self-care day
  std::vector<int> m(n, 0);
  auto enumerate = [&](auto&& self, std::size_t t) -> void {
    if (t == n) {
      std::vector<int> items;
      for (int x : m)
        if (x > 0) items.push_back(x);
      if (packs(items, in.slot_minutes)) options.push_back(m);
      return;
    }
    m[t] = 0;
    self(self, t + 1);
    for (int x = in.min[t]; x <= in.max[t]; ++x) {
      m[t] = x;
      self(self, t + 1);
    }
    m[t] = 0;
  };
  enumerate(enumerate, 0);
  // More minutes never lower the score: keep only vectors no other with the same techniques beats.
  std::vector<std::vector<int>> kept;
  for (const auto& a : options) {
    bool dominated = false;
    for (const auto& b : options) {
      if (&a == &b) continue;
      bool same_support = true, ge = true, gt = false;
      for (std::size_t t = 0; t < n; ++t) {
        same_support = same_support && ((a[t] > 0) == (b[t] > 0));
        // More minutes never lower the score, but a technique with a negative adaptation term
        // may lose by them: its minutes must match.
        const bool costs = t < in.bonus.size() && in.bonus[t] < 0;
        ge = ge && (costs ? b[t] == a[t] : b[t] >= a[t]);
        gt = gt || b[t] > a[t];
      }
      dominated = dominated || (same_support && ge && gt);
    }
    if (!dominated) kept.push_back(a);
  }
  const std::vector<int> none(n, 0);
  std::vector<std::vector<int>> plan(static_cast<std::size_t>(in.days), none);
  double best = -1;  // below any plan's objective (the empty plan's is 0)
  auto search = [&](auto&& self, int d) -> void {
    if (d == in.days) {
      const double v = tiny_objective(in, plan);
      if (v > best + 1e-12) {
        best = v;
        if (best_minutes != nullptr) {
          best_minutes->assign(n, 0);
          for (const auto& day : plan)
            for (std::size_t t = 0; t < n; ++t) (*best_minutes)[t] += day[t];
        }
      }
      return;
    }
    if (!in.selfcare[static_cast<std::size_t>(d)]) {
      plan[static_cast<std::size_t>(d)] = none;
      self(self, d + 1);
      return;
    }
    for (const auto& option : kept) {
      bool ok = true;
      for (std::size_t t = 0; t < n && ok; ++t) {
        if (option[t] == 0) continue;
        int uses = 1;
        for (int e = 0; e < d; ++e) {
          if (plan[static_cast<std::size_t>(e)][t] == 0) continue;
          ++uses;
          ok = ok && d - e >= in.rest[t];
        }
        ok = ok && uses <= in.cap[t];
      }
      if (!ok) continue;
      plan[static_cast<std::size_t>(d)] = option;
      self(self, d + 1);
    }
    plan[static_cast<std::size_t>(d)] = none;
  };
  search(search, 0);
  return best;
}

}  // namespace planner_test
