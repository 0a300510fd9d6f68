#pragma once
#include <array>

namespace mp::history {

/// kMigrations[v] takes a database from schema version v to v + 1 (version 0 is an empty
/// file). Never edit a migration that has shipped: add the next one (docs/history.md).
extern const std::array<const char*, 3> kMigrations;

}  // namespace mp::history
