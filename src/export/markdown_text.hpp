#pragma once
// Markdown text shared by the plan and report writers.
#include <string>
#include <string_view>

namespace mp::exporter {

/// Library text as one line of CommonMark inline content that renders as exactly that text:
/// control characters and newlines become spaces, markup characters (the table bar too) are
/// backslash-escaped, and a start that would open a block (list marker, heading, quote,
/// thematic break) is defused.
std::string md_inline(std::string_view raw);

}  // namespace mp::exporter
