#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mp::exporter {

/// s with every invalid UTF-8 byte sequence replaced by U+FFFD, so writers may rely on it.
std::string sanitize_utf8(std::string_view s);
/// sanitize_utf8(s) with control characters (C0, DEL, C1; tabs too) made spaces, so text from
/// a library cannot move the cursor or recolour a terminal. Newlines stay when keep_newlines.
std::string printable(std::string_view s, bool keep_newlines);
/// The byte length of the UTF-8 sequence that starts at s[i] (1 for a stray byte).
std::size_t utf8_length_at(std::string_view s, std::size_t i);
/// Terminal columns s takes: wide (East Asian, emoji) code points count 2, combining marks 0.
int display_width(std::string_view s);
/// s cut to at most width columns, ending in "…" when something was cut.
std::string truncate_to_width(std::string_view s, int width);
/// s padded with spaces on the right to width columns (unchanged when already wider).
std::string pad_to_width(std::string_view s, int width);
/// s broken into lines of at most width columns, at spaces where possible; a word longer than
/// width is split between code points. Newlines in s start new lines. Never returns no lines.
std::vector<std::string> wrap_to_width(std::string_view s, int width);

}  // namespace mp::exporter
