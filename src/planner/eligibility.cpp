#include "planner/eligibility.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace mp::planner {
namespace {

std::string join_ids(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

}  // namespace

std::string SafetyProblem::reason() const {
  return (kind == Kind::kContraindicated ? "contraindicated by " : "needs ") + id;
}

std::vector<SafetyProblem> safety_problems(const model::Technique& t, const model::Profile& p) {
  std::vector<SafetyProblem> out;
  for (const auto& c : t.contraindications)
    if (std::find(p.conditions.begin(), p.conditions.end(), c) != p.conditions.end()) {
      out.push_back({SafetyProblem::Kind::kContraindicated, c});
      break;
    }
  for (const auto& e : t.equipment)
    if (std::find(p.equipment.begin(), p.equipment.end(), e) == p.equipment.end()) {
      out.push_back({SafetyProblem::Kind::kNeedsEquipment, e});
      break;
    }
  return out;
}

std::string ineligibility_reason(const model::Technique& t, const model::Profile& profile,
                                 const std::vector<std::string>& goal_ids, const PlanShape& shape) {
  if (auto problems = safety_problems(t, profile); !problems.empty())
    return problems.front().reason();
  if (std::find(profile.avoid.begin(), profile.avoid.end(), t.id) != profile.avoid.end())
    return kAvoidedReason;
  bool serves = false;
  for (const auto& [id, w] : t.goals)
    serves = serves || (w > 0 && std::find(goal_ids.begin(), goal_ids.end(), id) != goal_ids.end());
  if (!serves) return "serves none of the chosen goals";
  if (t.performer == model::Performer::kTherapist) {
    if (!profile.professional || profile.professional->sessions_per_week <= 0)
      return "professional technique: no professional sessions";
    const auto& style = profile.professional->techniques;
    if (!style.empty() && std::find(style.begin(), style.end(), t.id) == style.end())
      return "not your therapist's style (professional techniques: " + join_ids(style) + ")";
    const int pm = profile.professional->minutes;
    if (pm < t.duration.min || pm > t.duration.max)
      return fmt::format("does not fit a {}-minute professional session", pm);
    if (!shape.any_professional_day)
      return "professional technique: no professional day in this plan";
    return {};
  }
  if (t.frequency.max_per_week <= 0) return "weekly cap";
  if (!shape.any_selfcare_day) return "no self-care sessions in this plan";
  if (t.duration.min > shape.longest_session)
    return fmt::format("needs at least {} minutes, longer than any session ({} minutes)",
                       t.duration.min, shape.longest_session);
  return {};
}

namespace {

bool is_exercise(const model::Technique& t) {
  return t.kind == model::Kind::kStretch || t.kind == model::Kind::kMobility ||
         t.kind == model::Kind::kStrength;
}

double chosen_weight(const model::Technique& t, const std::string& goal,
                     const std::vector<std::string>& goal_ids) {
  if (std::find(goal_ids.begin(), goal_ids.end(), goal) == goal_ids.end()) return 0;
  const auto it = t.goals.find(goal);
  return it == t.goals.end() ? 0 : it->second;
}

}  // namespace

std::string eligibility_reason(const model::Technique& t, const model::Library& library,
                               const model::Profile& profile,
                               const std::vector<std::string>& goal_ids, const PlanShape& shape) {
  std::string reason = ineligibility_reason(t, profile, goal_ids, shape);
  if (!reason.empty() || !t.with_exercise) return reason;
  for (const auto& e : library.techniques) {
    if (!is_exercise(e) || e.with_exercise) continue;
    bool shares = false;
    for (const auto& [goal, w] : t.goals)
      shares = shares || (w > 0 && chosen_weight(e, goal, goal_ids) > 0);
    if (shares && ineligibility_reason(e, profile, goal_ids, shape).empty()) return {};
  }
  return "only with exercise: no stretch, mobility or strength exercise for its goals can be planned";
}

PlanShape plan_shape(const model::Profile& profile, const std::vector<int>& weekdays) {
  PlanShape shape;
  for (const auto& s : profile.sessions)
    if (s.minutes > 0) shape.longest_session = std::max(shape.longest_session, s.minutes);
  const bool pro = profile.professional && profile.professional->sessions_per_week > 0;
  for (int wd : weekdays) {
    if (wd < 0 || wd > 6) continue;
    const auto w = static_cast<std::size_t>(wd);
    shape.any_selfcare_day =
        shape.any_selfcare_day || (profile.weekdays[w] && shape.longest_session > 0);
    shape.any_professional_day =
        shape.any_professional_day || (pro && profile.professional->weekdays[w]);
  }
  return shape;
}

void set_share_caps(std::vector<ScoredGoal>& goals, const model::Library& library,
                    const model::Profile& profile, const PlanShape& shape) {
  std::vector<std::string> ids;
  for (const auto& g : goals) ids.push_back(g.id);
  std::vector<int> servers(goals.size(), 0);
  for (const auto& t : library.techniques) {
    if (!eligibility_reason(t, library, profile, ids, shape).empty()) continue;
    for (std::size_t g = 0; g < goals.size(); ++g)
      if (auto it = t.goals.find(ids[g]); it != t.goals.end() && it->second > 0) ++servers[g];
  }
  for (std::size_t g = 0; g < goals.size(); ++g)
    goals[g].share_cap = share_cap(profile.variety, servers[g]);
}

}  // namespace mp::planner
