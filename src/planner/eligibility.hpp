#pragma once
#include <string>
#include <vector>

#include "model/library.hpp"
#include "model/profile.hpp"
#include "planner/score_model.hpp"

namespace mp::planner {

/// What rules a technique out for a person whatever the plan (SPEC §4, hard constraint 5).
struct SafetyProblem {
  enum class Kind { kContraindicated, kNeedsEquipment };
  Kind kind = Kind::kContraindicated;
  std::string id;  ///< the condition or the piece of equipment
  /// In words: "contraindicated by ID" or "needs ID".
  [[nodiscard]] std::string reason() const;
};

/// Every safety problem of t for this profile: the first contraindicating condition, then the
/// first piece of equipment the profile does not list. Empty: t is safe for this person.
std::vector<SafetyProblem> safety_problems(const model::Technique& t, const model::Profile& p);

/// Why an avoided technique (profile `avoid`, --avoid) is left out.
inline constexpr const char* kAvoidedReason = "you asked to avoid it";

/// The days and sessions of one plan that decide whether a technique can be used at all.
struct PlanShape {
  bool any_selfcare_day = false;      ///< a self-care day with at least one session
  bool any_professional_day = false;  ///< a day with a professional session allowed
  int longest_session = 0;            ///< minutes of the longest self-care session
};

/// Why t cannot be used in a plan of this shape for these goals, or "" when it can. The words
/// --explain and every refusal show: "contraindicated by ID", "needs ID", "serves none of the
/// chosen goals", the professional-session and session-length reasons. Safety comes first, then
/// the person's `avoid` (kAvoidedReason), then the therapist's style (professional.techniques).
std::string ineligibility_reason(const model::Technique& t, const model::Profile& profile,
                                 const std::vector<std::string>& goal_ids, const PlanShape& shape);

/// ineligibility_reason, and for a technique given only with exercise (`with_exercise: true`)
/// also "only with exercise: …" when no exercise (a stretch, mobility or strength technique, itself
/// eligible)
/// serves one of the chosen goals that t serves.
std::string eligibility_reason(const model::Technique& t, const model::Library& library,
                               const model::Profile& profile,
                               const std::vector<std::string>& goal_ids, const PlanShape& shape);

/// The shape of a plan for this profile whose days fall on these weekdays (0 = Monday).
PlanShape plan_shape(const model::Profile& profile, const std::vector<int>& weekdays);

/// Sets each goal's share cap σ_g = max(σ, 1/n_g) (SPEC §4, v2): σ is the profile's variety,
/// n_g the number of techniques eligible in a plan of this shape with a weight for g.
void set_share_caps(std::vector<ScoredGoal>& goals, const model::Library& library,
                    const model::Profile& profile, const PlanShape& shape);

}  // namespace mp::planner
