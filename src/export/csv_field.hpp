#pragma once
// One RFC 4180 field, shared by the plan's CSV writer and the history's CSV export.
#include <string>
#include <string_view>

#include "export/utf8.hpp"

namespace mp::exporter {

/// One RFC 4180 field: valid UTF-8, quoted when it holds a comma, a quote, CR or LF; quotes
/// doubled.
inline std::string csv_field(std::string_view raw) {
  std::string value = sanitize_utf8(raw);
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace mp::exporter
