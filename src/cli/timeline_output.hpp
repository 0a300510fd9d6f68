#pragma once
#include <string>

#include "guide/timeline.hpp"
#include "model/library.hpp"

namespace mp::cli {

/// The whole timeline for a terminal: one line a cue ("0:16  30 s  Left side, round 1 of 2: …"),
/// each technique's heading between rules, wrapped to 80 columns (start --dry-run).
std::string timeline_text(const guide::Timeline& timeline);

/// "Left side, round 2 of 3: " before a hold's text; empty for a step done once.
std::string side_words(const guide::Cue& cue);

/// One cue as a line, not wrapped, as `start` prints it when stdout is not a terminal:
/// "0:40  30 s  Left side, round 1 of 2: Hold …"; a technique's heading "0:10  Name, 3 min: …".
std::string cue_line(const guide::Cue& cue);

/// m:ss
std::string clock_text(int seconds);

/// The timeline as JSON, `massage-plan/timeline@1` (docs/timeline.schema.json).
std::string timeline_json(const guide::Timeline& timeline);

}  // namespace mp::cli
