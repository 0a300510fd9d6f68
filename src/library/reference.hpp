#pragma once
#include <string>

#include "model/error.hpp"

namespace mp::library {

/// A reference from one entry to another, checked once every source is merged.
struct Reference {
  enum Target { kGoal, kCondition, kEquipment, kTechnique } target;
  std::string id;
  SourceLocation where;
  std::string owner;  ///< "technique 'x'", for messages
  int minutes = 0;    ///< routine steps: minutes to check against the technique's range; 0: none
  bool operator==(const Reference&) const = default;
};

}  // namespace mp::library
