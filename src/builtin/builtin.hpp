#pragma once
#include <string>
#include <string_view>

#include "library/loader.hpp"
#include "model/library.hpp"

// The built-in library (routines/*.yaml). Its files are read and checked at build time by the
// project's own loader (tool/compile_library.cpp) and compiled to a snapshot the program decodes
// at start-up: no YAML is parsed for it at run time (docs/performance.md).
namespace mp::builtin {

/// The built-in library as the first library source: its file names (for -v and the order of
/// diagnostics) and its entries, already read and checked.
library::Source source();

/// The built-in library alone.
model::Library load();

/// The built-in library followed by one YAML text (tests, fuzzing).
model::Library load_with_text(std::string_view text, const std::string& name = "<text>");

}  // namespace mp::builtin
