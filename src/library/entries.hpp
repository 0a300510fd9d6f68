#pragma once
#include <string>
#include <vector>

#include "library/reference.hpp"
#include "model/library.hpp"

namespace mp::library {

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
