#pragma once
#include <string>
#include <vector>

#include "model/library.hpp"
#include "model/plan.hpp"
#include "model/profile.hpp"

namespace mp::planner {

/// Uses allowed in a week block of block_days days: max(1, ⌊n·|k|/7⌋) for n ≥ 1, else 0.
int block_cap(int per_week, int block_days);

/// Least number of days between two uses: ceil(min_rest_hours / 24), never less than 1
/// (a technique appears at most once a day).
int rest_days(double min_rest_hours);

/// The first of the profile's conditions that contraindicates t, or "" when none does.
std::string contraindicating_condition(const model::Technique& t, const model::Profile& p);

/// The first piece of equipment t needs that the profile does not list, or "".
std::string missing_equipment(const model::Technique& t, const model::Profile& p);

/// One human sentence per broken hard constraint of SPEC §4 (empty = the plan keeps them all).
std::vector<std::string> check_constraints(const model::Plan& plan, const model::Library& library);

}  // namespace mp::planner
