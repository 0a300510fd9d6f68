#pragma once
// v3 preferences: every preferred technique at least once in each week block where it is
// eligible and fits (planner internals).
#include <string>
#include <vector>

#include "model/library.hpp"
#include "model/profile.hpp"
#include "planner/plan_state.hpp"

namespace mp::planner::detail {

/// What became of the profile's preferred techniques, in words.
struct PreferOutcome {
  std::vector<std::string> warnings;  ///< why a preference could not be met (stderr, the plan)
  std::vector<std::string> notes;     ///< one line per preferred technique (--explain)
};

/// After the search: for each preferred technique (profile order) and each week block without
/// a use of it, places it at its shortest duration on the block's day where the plan's
/// objective loses least, making room by shortening or dropping what loses least; a placement
/// that would take away an earlier preferred technique's only use in the block is refused.
/// Where it cannot be placed (ineligible, therapist-performed, every day blocked by its cap, rest
/// rule or the sessions), says why. Safety is untouched: only eligible techniques are placed.
PreferOutcome place_preferred(PlanState& st, const model::Library& library,
                              const model::Profile& profile);

}  // namespace mp::planner::detail
