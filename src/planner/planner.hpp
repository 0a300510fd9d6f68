#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "model/library.hpp"
#include "model/plan.hpp"
#include "model/profile.hpp"

namespace mp::planner {

/// What to plan: the horizon and the search seed.
struct PlanRequest {
  model::Date start;
  int days = 7;
  std::uint64_t seed = 0;
  std::string routine_only;  ///< non-empty: a plan made of this routine only (--routine)
  /// plan --adapt: factors learned from the history (docs/planning.md); the plan lists them.
  std::vector<model::Adaptation> adaptations;
};

/// Builds a near-optimal plan (SPEC §4). Pure: no files, environment or clock.
/// Throws planner::PlanError (plan_error.hpp): kRedFlag for a red-flag condition,
/// kNothingEligible when nothing can be scheduled, kUnknownId for ids the library does not know.
model::Plan make_plan(const model::Library& library, const model::Profile& profile,
                      const PlanRequest& request);

/// A red-flag condition among the profile's: nothing planned or guided, a clinician first.
/// Throws planner::PlanError kRedFlag naming each with its advice; returns when there is none.
void refuse_red_flags(const model::Library& library, const model::Profile& profile);

}  // namespace mp::planner
