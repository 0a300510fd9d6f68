#pragma once
#include <string>
#include <vector>

#include "model/error.hpp"
#include "model/library.hpp"

namespace mp::library {

/// A reference from one entry to another, checked once every source is merged.
struct Reference {
  enum Target { kGoal, kCondition, kEquipment, kTechnique } target = kGoal;
  std::string id;
  SourceLocation where;
  std::string owner;  ///< "technique 'x'", for messages
  int minutes = 0;    ///< routine steps: the minutes to check against the technique's range
  bool operator==(const Reference&) const = default;
};

/// One entry as read, with the references it makes (checked after merging every source).
template <typename T>
struct Entry {
  T value;
  std::vector<Reference> references;
  bool operator==(const Entry&) const = default;
};

/// Every entry of one source, in reading order: what the loader makes of a source's files
/// before merging, and what the built-in library is compiled to at build time (src/builtin/).
struct SourceEntries {
  std::vector<Entry<model::Technique>> techniques;
  std::vector<Entry<model::Routine>> routines;
  std::vector<Entry<model::Goal>> goals;
  std::vector<Entry<model::Condition>> conditions;
  std::vector<Entry<model::Equipment>> equipment;
  bool operator==(const SourceEntries&) const = default;
};

}  // namespace mp::library
