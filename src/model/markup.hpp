#pragma once
#include <string>
#include <string_view>

namespace mp::model {

/// The one markup escape (XML and HTML text and attribute values): & < > " ' written as
/// character references, every other byte as it is. The html writer and the SVG figures use it.
std::string escape_markup(std::string_view text);

}  // namespace mp::model
