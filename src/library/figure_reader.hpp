#pragma once
#include <array>
#include <optional>
#include <string_view>

#include "library/reader.hpp"
#include "library/yaml_tree.hpp"
#include "model/library.hpp"

namespace mp::library {

// The keys and words of `figure:` beside the model's word lists (model/figure.hpp); together the
// whole vocabulary the reader accepts, every word of which docs/library-format.md explains.
inline constexpr std::array<std::string_view, 10> kFigureKeys{
    "view", "position", "head", "trunk", "arms", "legs", "props", "arrows", "target", "side"};
inline constexpr std::array<std::string_view, 4> kHeadKeys{"turn", "tilt", "nod", "chin"};
inline constexpr std::array<std::string_view, 2> kArmKeys{"left", "right"};
inline constexpr std::array<std::string_view, 2> kArrowKeys{"at", "direction"};
inline constexpr std::array<std::string_view, 2> kChinWords{"level", "tucked"};

/// Reads a technique's `figure:` mapping (SPEC §3) strictly: unknown keys and words are located
/// errors with did-you-mean. technique gives the positions the figure's position must be one of
/// (its first is the default). nullopt after reporting a problem.
std::optional<model::Figure> read_figure(Reader& r, const YamlNode& node,
                                         const model::Technique& technique);

}  // namespace mp::library
