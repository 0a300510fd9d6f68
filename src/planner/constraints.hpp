#pragma once
#include <string>
#include <vector>

#include "model/library.hpp"
#include "model/plan.hpp"
#include "model/profile.hpp"
#include "planner/week_blocks.hpp"

namespace mp::planner {

/// Least number of days between two uses: ceil(min_rest_hours / 24), never less than 1
/// (a technique appears at most once a day).
int rest_days(double min_rest_hours);

/// One human sentence per broken hard constraint of SPEC §4 (empty = the plan keeps them all).
std::vector<std::string> check_constraints(const model::Plan& plan, const model::Library& library);

}  // namespace mp::planner
