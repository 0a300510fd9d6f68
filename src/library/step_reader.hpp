#pragma once
#include <optional>
#include <string>
#include <vector>

#include "library/reader.hpp"
#include "model/library.hpp"

namespace mp::library {

/// Reads a technique's `steps:` (SPEC §3): each a plain string (untimed) or (v3) a timed step
/// {text, seconds 1..600, sides one|both, repeat >= 1, rest}. Every problem is reported
/// through r, named after owner ("technique 'x'"); nullopt when any step is unusable.
std::optional<std::vector<model::Step>> read_steps(Reader& r, const YamlNode& node,
                                                   const std::string& owner);

/// Reports when the timed steps do not fit the technique's duration max: a single step at
/// its own item, a total of several at the steps list. node is the `steps:` value.
void check_step_time(Reader& r, const YamlNode& node, const model::Technique& t,
                     const std::string& owner);

}  // namespace mp::library
