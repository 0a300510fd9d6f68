#pragma once
#include <string>
#include <vector>

#include "model/library.hpp"

namespace mp::model {

/// A learned change to one technique (plan --adapt): above 1 the planner gives it more minutes,
/// below 1 fewer (docs/planning.md "Learning from the history"; planner/score_model.hpp).
struct Adaptation {
  std::string technique;
  double factor = 1;
  std::string reason;
};

}  // namespace mp::model
