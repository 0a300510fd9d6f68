#pragma once
#include <cstddef>
#include <string_view>

namespace mp::model {

/// The one UTF-8 decoder (RFC 3629): decodes the sequence at s[i] into cp and returns its byte
/// length, or 0 when it is not valid UTF-8: a stray continuation byte, a lead byte C0, C1 or
/// F5..FF, an overlong form, a UTF-16 surrogate (U+D800..U+DFFF), a value past U+10FFFF, or a
/// sequence cut short by the end of s. Every reader and writer checks text with this.
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp);

}  // namespace mp::model
