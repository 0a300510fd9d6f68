#pragma once
// What the guided session shows on a terminal (start): the player's state as lines.
#include <vector>

#include "guide/player.hpp"
#include "model/library.hpp"
#include "terminal/terminal.hpp"

namespace mp::cli {

/// Narrowest and widest layout: a narrower terminal gets the 40-column layout cut at its edge;
/// a wider one the 200-column layout.
inline constexpr int kMinColumns = 40;
inline constexpr int kMaxColumns = 200;

/// The screen for the player's state at a terminal of columns columns.
std::vector<terminal::Line> guide_screen(const guide::Player& player, const model::Library& lib,
                                         int columns);

/// The progress bar: filled for the part of the cue done, then the time left ("0:17").
std::string progress_bar(std::int64_t done_ms, std::int64_t total_ms, int columns);

/// m:ss of milliseconds, rounded up (a countdown shows 0:01 until it is over).
std::string countdown_text(std::int64_t ms);

/// What is said aloud when cue begins (start --speak): the technique's name and dose before its
/// first step, then the side and round and the text.
std::string spoken_words(const guide::Cue& cue, const guide::Cue* heading);

}  // namespace mp::cli
