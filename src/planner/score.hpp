#pragma once
#include <vector>

#include "model/library.hpp"
#include "model/plan.hpp"
#include "planner/score_model.hpp"

namespace mp::planner {

/// The SPEC §4 score of a plan, recomputed from its items and its profile. Goals the library
/// does not know are left out.
model::Score compute_score(const model::Plan& plan, const model::Library& library);

/// v3: the adaptation term of an adapted plan (plan --adapt): Σ over its adapted techniques of
/// adaptation_per_minute(f, M) × their minutes (score_model.hpp). The planner maximises score +
/// this term; 0 for a plan without adaptations.
double adaptation_term(const model::Plan& plan);

/// The techniques that, in some week blocks, carry their full share σ_g of a capped goal's
/// target (v2 variety): more of them would add nothing to that goal's weekly part. Sorted by
/// technique, then goal in profile order.
std::vector<model::HeldBack> shares_reached(const model::Plan& plan, const model::Library& library);

/// The score of each week block alone (SPEC §4 on that block's days), in order: what the html
/// page draws under each week.
std::vector<model::Score> week_scores(const model::Plan& plan, const model::Library& library);

/// Sets every item's score_share: each goal's part of the total is split over the items in
/// proportion to weight × minutes, so the shares sum to plan.score.total.
void fill_score_shares(model::Plan& plan, const model::Library& library);

}  // namespace mp::planner
