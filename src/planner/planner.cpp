// make_plan: the pipeline from a profile to a plan. Checks, set-up, search, emit, explain.
#include "planner/planner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "model/suggest.hpp"
#include "model/unknown_id.hpp"
#include "planner/eligibility.hpp"
#include "planner/emit.hpp"
#include "planner/plan_error.hpp"
#include "planner/prefer.hpp"
#include "planner/problem.hpp"
#include "planner/search.hpp"
#include "planner/words.hpp"

namespace mp::planner {
namespace {

using model::Library;
using model::Profile;
using model::Technique;

template <typename T>
std::vector<std::string> ids_of(const std::vector<T>& list) {
  std::vector<std::string> ids;
  ids.reserve(list.size());
  for (const auto& e : list) ids.push_back(e.id);
  return ids;
}

template <typename T>
std::vector<std::string> names_of(const std::vector<T>& list) {
  std::vector<std::string> names;
  names.reserve(list.size());
  for (const auto& e : list) names.push_back(e.name);
  return names;
}

// Every id the profile and request name must be in the library.
void check_ids(const Library& library, const Profile& profile, const PlanRequest& request) {
  std::vector<Diagnostic> diags;
  struct Known {
    std::vector<std::string> ids;
    std::vector<std::string> names;
  };
  auto unknown = [&](std::string_view what, const std::string& id, const Known& known,
                     const SourceLocation& where) {
    const std::string list = what == "equipment" ? std::string(what) : std::string(what) + "s";
    diags.push_back({where, fmt::format("unknown {} '{}'", what, id),
                     model::unknown_id_hint(id, known.ids, list, known.names)});
  };
  const Known goals{ids_of(library.goals), names_of(library.goals)};
  const Known conditions{ids_of(library.conditions), names_of(library.conditions)};
  const Known equipment{ids_of(library.equipment), names_of(library.equipment)};
  const Known routines{ids_of(library.routines), names_of(library.routines)};
  for (const auto& g : profile.goals)
    if (library.find_goal(g.id) == nullptr) unknown("goal", g.id, goals, g.where);
  for (const auto& c : profile.conditions)
    if (library.find_condition(c) == nullptr) unknown("condition", c, conditions, {});
  for (const auto& e : profile.equipment)
    if (library.find_equipment(e) == nullptr) unknown("equipment", e, equipment, {});
  for (const auto& r : profile.routines)
    if (library.find_routine(r.id) == nullptr) unknown("routine", r.id, routines, r.where);
  if (!request.routine_only.empty() && library.find_routine(request.routine_only) == nullptr)
    unknown("routine", request.routine_only, routines, {});
  // v3: the techniques the person prefers, avoids and their therapist performs.
  const Known techniques{ids_of(library.techniques), names_of(library.techniques)};
  for (const auto* list : {&profile.prefer, &profile.avoid})
    for (const auto& id : *list)
      if (library.find_technique(id) == nullptr) unknown("technique", id, techniques, {});
  if (profile.professional) {
    Known professional;
    for (const auto& t : library.techniques)
      if (t.performer == model::Performer::kTherapist) {
        professional.ids.push_back(t.id);
        professional.names.push_back(t.name);
      }
    for (const auto& id : profile.professional->techniques) {
      const Technique* t = library.find_technique(id);
      if (t == nullptr)
        unknown("professional technique", id, professional, profile.professional->where);
      else if (t->performer != model::Performer::kTherapist)
        diags.push_back({profile.professional->where,
                         fmt::format("'{}' is not a professional technique (a therapist does not "
                                     "perform it)",
                                     id),
                         model::did_you_mean(id, professional.ids)});
    }
  }
  if (!diags.empty()) throw PlanError(std::move(diags));
}

// The horizon's days, with no sessions yet.
model::Plan empty_plan(const Profile& profile, const PlanRequest& request) {
  model::Plan plan;
  plan.start = request.start;
  plan.days = request.days;
  plan.profile = profile;
  for (int d = 0; d < request.days; ++d) {
    model::PlanDay day;
    day.date = model::add_days(request.start, d);
    day.weekday = model::weekday_of(day.date);
    plan.plan.push_back(std::move(day));
  }
  return plan;
}

// --routine: that routine once on each self-care day, at the first session's time.
model::Plan routine_plan(const Library& library, const Profile& profile, const PlanRequest& request,
                         model::Plan plan) {
  const model::Routine& routine = *library.find_routine(request.routine_only);
  const auto steps = detail::usable_steps(routine, library, profile, plan.warnings);
  if (steps.empty())
    throw PlanError(PlanErrorKind::kNothingEligible,
                    fmt::format("nothing planned: no step of routine '{}' can be done ({})",
                                routine.id, detail::join(plan.warnings, "; ")));
  const auto slots = detail::usable_slots(profile);
  const int start = slots.empty() ? model::SessionSlot{}.start_minute : slots.front().start_minute;
  bool any = false;
  for (auto& day : plan.plan) {
    if (!profile.weekdays[static_cast<std::size_t>(day.weekday)]) continue;
    day.sessions.push_back(detail::routine_session(routine.id, start, steps));
    any = true;
  }
  if (!any)
    throw PlanError(PlanErrorKind::kNothingEligible,
                    fmt::format("nothing planned: none of the {} day(s) from {} is a self-care day "
                                "(weekdays: {})",
                                request.days, model::format_date(request.start),
                                detail::weekday_words(profile.weekdays)));
  detail::warn_pinned(plan, library, plan.warnings);
  std::set<std::string> in_routine;
  for (const auto& [t, m] : steps) in_routine.insert(t->id);
  for (const auto& t : library.techniques) {
    if (in_routine.count(t.id) > 0) continue;
    const auto problems = safety_problems(t, profile);
    plan.excluded.push_back({t.id, problems.empty()
                                       ? fmt::format("not part of routine '{}'", routine.id)
                                       : problems.front().reason()});
  }
  detail::finish(plan, library);
  return plan;
}

}  // namespace

void refuse_red_flags(const Library& library, const Profile& profile) {
  std::vector<std::string> lines;
  for (const auto& id : profile.conditions) {
    const model::Condition* c = library.find_condition(id);
    if (c == nullptr || !c->red_flag) continue;
    std::string line = fmt::format("'{}' ({}) is a red flag: {}", c->name, c->id,
                                   c->urgent ? "see a clinician now, urgently, before any self-care"
                                             : "see a clinician soon, before starting self-care");
    if (!c->advice.empty()) line += ". " + c->advice;
    lines.push_back(std::move(line));
  }
  if (!lines.empty())
    throw PlanError(PlanErrorKind::kRedFlag, "nothing planned: " + detail::join(lines, "\n"),
                    "massage-plan gives wellness guidance, not medical care");
}

model::Plan make_plan(const Library& library, const Profile& profile, const PlanRequest& request) {
  refuse_red_flags(library, profile);
  check_ids(library, profile, request);
  if (request.days < 1)
    throw PlanError(PlanErrorKind::kBadRequest, "a plan needs at least one day");
  model::Plan plan = empty_plan(profile, request);
  plan.adaptations = request.adaptations;
  if (!request.routine_only.empty())
    return routine_plan(library, profile, request, std::move(plan));

  const detail::Problem problem = detail::set_up(library, profile, request, plan.warnings);
  detail::PlanState searched = detail::search_plan(problem);
  auto preferred = detail::place_preferred(searched, library, profile);
  for (auto& w : preferred.warnings) plan.warnings.push_back(std::move(w));
  plan.notes = std::move(preferred.notes);
  detail::emit_sessions(problem, searched, library, plan);
  detail::explain_exclusions(problem, searched, library, plan);
  if (std::none_of(plan.plan.begin(), plan.plan.end(),
                   [](const model::PlanDay& day) { return !day.sessions.empty(); }))
    throw PlanError(PlanErrorKind::kNothingEligible,
                    fmt::format("nothing planned: no session fits the {} day(s) from {} "
                                "(self-care weekdays: {})",
                                request.days, model::format_date(request.start),
                                detail::weekday_words(profile.weekdays)));
  detail::finish(plan, library);
  return plan;
}

}  // namespace mp::planner
