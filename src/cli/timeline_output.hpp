#pragma once
#include <string>

#include "guide/timeline.hpp"
#include "model/library.hpp"

namespace mp::cli {

/// The whole timeline for a terminal: one line a cue ("0:16  30 s  Left side, round 1 of 2: …"),
/// each technique's heading between rules, wrapped to 80 columns (start --dry-run).
std::string timeline_text(const guide::Timeline& timeline);

/// The timeline as JSON, `massage-plan/timeline@1` (docs/timeline.schema.json).
std::string timeline_json(const guide::Timeline& timeline);

}  // namespace mp::cli
