#pragma once
// What `done` and `skip` share: finding the session or techniques to mark, and the entry.
#include <optional>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "model/history.hpp"

namespace mp::cli {

/// The flags of `done` and `skip` (skip uses when, techniques and reason).
struct MarkFlags {
  std::optional<std::string> when;
  std::vector<std::string> techniques;
  std::optional<int> minutes;
  std::optional<int> rating;
  std::string note;
  std::string reason;
};

/// Adds the WHEN and --technique options both commands take.
void add_mark_options(CLI::App& cmd, MarkFlags& flags);

/// Records one done or skip entry in one transaction and says what it recorded.
int run_mark(const Context& ctx, model::EntryKind kind, const MarkFlags& flags);

}  // namespace mp::cli
