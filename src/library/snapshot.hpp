#pragma once
#include <string>
#include <string_view>

#include "library/entries.hpp"

namespace mp::library {

/// A source's entries as compact bytes, and back: the form the built-in library is compiled to
/// at build time (src/builtin/), so the program starts without parsing YAML. Every field of
/// every entry round-trips exactly (doubles bit for bit, locations included). The bytes are
/// only read by the build that wrote them (same program version and byte order).
std::string encode_entries(const SourceEntries& entries);

/// Throws mp::Error (exit 65) when the bytes are not a whole snapshot of this format version.
SourceEntries decode_entries(std::string_view bytes);

}  // namespace mp::library
