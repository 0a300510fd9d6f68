#pragma once
#include <string>
#include <vector>

#include "model/library.hpp"

namespace mp::model {

/// A learned change to one technique: its goal weights are multiplied by factor (capped at 1).
struct Adaptation {
  std::string technique;
  double factor = 1;
  std::string reason;
};

/// Multiplies the goal weights of each adapted technique by its factor, capping them at 1, so
/// the planner and the score see the adapted library. Unknown techniques are left alone.
void apply_adaptations(Library& library, const std::vector<Adaptation>& adaptations);

}  // namespace mp::model
