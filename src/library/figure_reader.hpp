#pragma once
#include <optional>

#include "library/reader.hpp"
#include "library/yaml_tree.hpp"
#include "model/library.hpp"

namespace mp::library {

/// Reads a technique's `figure:` mapping (SPEC §3) strictly: unknown keys and words are located
/// errors with did-you-mean. technique gives the positions the figure's position must be one of
/// (its first is the default). nullopt after reporting a problem.
std::optional<model::Figure> read_figure(Reader& r, const YamlNode& node,
                                         const model::Technique& technique);

}  // namespace mp::library
