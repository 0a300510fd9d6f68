#include "export/utf8.hpp"

#include <cstdint>

#include "model/utf8.hpp"

namespace mp::exporter {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";     // U+2026, one column

int code_point_width(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0;
  // Combining marks, zero-width characters and variation selectors take no column.
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
      (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x200B && cp <= 0x200F) ||
      (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
      (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0xE0100 && cp <= 0xE01EF))
    return 0;
  // East Asian wide and fullwidth ranges, and the emoji blocks terminals draw two columns wide.
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x231A && cp <= 0x231B) ||
      (cp >= 0x23E9 && cp <= 0x23EC) || (cp >= 0x25FD && cp <= 0x25FE) ||
      (cp >= 0x2614 && cp <= 0x2615) || (cp >= 0x2648 && cp <= 0x2653) ||
      (cp >= 0x26A1 && cp <= 0x26A1) || (cp >= 0x26AA && cp <= 0x26AB) ||
      (cp >= 0x26BD && cp <= 0x26BE) || (cp >= 0x26C4 && cp <= 0x26C5) ||
      (cp >= 0x26F2 && cp <= 0x26F5) || (cp >= 0x26FA && cp <= 0x26FD) ||
      (cp >= 0x2705 && cp <= 0x2705) || (cp >= 0x270A && cp <= 0x270B) ||
      (cp >= 0x2728 && cp <= 0x2728) || (cp >= 0x274C && cp <= 0x274C) ||
      (cp >= 0x2753 && cp <= 0x2755) || (cp >= 0x2795 && cp <= 0x2797) ||
      (cp >= 0x2B1B && cp <= 0x2B1C) || (cp >= 0x2E80 && cp <= 0x303E) ||
      (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
      (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
      (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
      (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
      (cp >= 0x1F000 && cp <= 0x1F02F) || (cp >= 0x1F0A0 && cp <= 0x1F0FF) ||
      (cp >= 0x1F100 && cp <= 0x1F1FF) || (cp >= 0x1F200 && cp <= 0x1F2FF) ||
      (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F680 && cp <= 0x1F6FF) ||
      (cp >= 0x1F7E0 && cp <= 0x1F7EB) || (cp >= 0x1F900 && cp <= 0x1F9FF) ||
      (cp >= 0x1FA70 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD))
    return 2;
  return 1;
}

/// Width of the code point at s[i]; sets len to its byte length.
int width_at(std::string_view s, std::size_t i, std::size_t& len) {
  char32_t cp = 0;
  len = model::decode_utf8(s, i, cp);
  if (len == 0) {
    len = 1;
    return 1;  // a stray byte: the terminal shows a replacement glyph
  }
  return code_point_width(cp);
}

}  // namespace

// Both copy the text in runs of bytes kept as they are (mostly ASCII), decoding only the bytes
// from 0x80 up: they run over every text of every export.
std::string sanitize_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t kept = 0;  // start of the run not yet copied
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = model::decode_utf8(s, i, cp);
    if (len != 0) {
      i += len;
      continue;
    }
    out.append(s, kept, i - kept);
    out += kReplacement;
    kept = ++i;
  }
  out.append(s, kept);
  return out;
}

std::string printable(std::string_view s, bool keep_newlines) {
  const std::string clean = sanitize_utf8(s);
  std::string out;
  out.reserve(clean.size());
  std::size_t kept = 0;  // start of the run not yet copied
  for (std::size_t i = 0; i < clean.size();) {
    const auto c = static_cast<unsigned char>(clean[i]);
    if (c >= 0x20 && c < 0x7F) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      char32_t cp = 0;
      const std::size_t len = model::decode_utf8(clean, i, cp);  // valid: sanitized
      if (cp >= 0xA0) {
        i += len;
        continue;
      }
      out.append(clean, kept, i - kept);
      out += ' ';  // a C1 control
      kept = i += len;
      continue;
    }
    out.append(clean, kept, i - kept);
    if (c == '\r' && i + 1 < clean.size() && clean[i + 1] == '\n') {
      kept = ++i;  // CRLF counts as one newline
      continue;
    }
    out += keep_newlines && c == '\n' ? '\n' : ' ';
    kept = ++i;
  }
  out.append(clean, kept);
  return out;
}

std::size_t utf8_length_at(std::string_view s, std::size_t i) {
  char32_t cp = 0;
  std::size_t len = model::decode_utf8(s, i, cp);
  return len == 0 ? 1 : len;
}

int display_width(std::string_view s) {
  int width = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    width += width_at(s, i, len);
    i += len;
  }
  return width;
}

std::string truncate_to_width(std::string_view s, int width) {
  if (display_width(s) <= width) return std::string(s);
  if (width <= 0) return {};
  std::string out;
  int used = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    int w = width_at(s, i, len);
    if (used + w > width - 1) break;  // keep one column for the ellipsis
    out.append(s.substr(i, len));
    used += w;
    i += len;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out += kEllipsis;
  return out;
}

std::string pad_to_width(std::string_view s, int width) {
  std::string out(s);
  int w = display_width(s);
  if (w < width) out.append(static_cast<std::size_t>(width - w), ' ');
  return out;
}

std::vector<std::string> wrap_to_width(std::string_view s, int width) {
  if (width < 1) width = 1;
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    std::size_t nl = s.find('\n', start);
    std::string_view paragraph = s.substr(start, nl == std::string_view::npos ? nl : nl - start);
    if (!paragraph.empty() && paragraph.back() == '\r') paragraph.remove_suffix(1);

    std::string line;
    int line_width = 0;
    std::size_t i = 0;
    bool wrote_any = false;
    while (i < paragraph.size()) {
      // Skip the spaces between words; a break happens here if the next word does not fit.
      std::size_t word_start = paragraph.find_first_not_of(' ', i);
      if (word_start == std::string_view::npos) break;
      std::size_t word_end = paragraph.find(' ', word_start);
      if (word_end == std::string_view::npos) word_end = paragraph.size();
      std::string_view word = paragraph.substr(word_start, word_end - word_start);
      int word_width = display_width(word);
      int needed = line_width == 0 ? word_width : line_width + 1 + word_width;
      if (needed <= width) {
        if (line_width > 0) line += ' ';
        line += word;
        line_width = needed;
      } else if (word_width <= width) {
        lines.push_back(std::move(line));
        wrote_any = true;
        line = std::string(word);
        line_width = word_width;
      } else {
        // A word wider than a whole line: fill the current line, then split between code points.
        if (line_width > 0) {
          if (line_width + 2 <= width) {
            line += ' ';
            ++line_width;
          } else {
            lines.push_back(std::move(line));
            wrote_any = true;
            line.clear();
            line_width = 0;
          }
        }
        for (std::size_t k = 0; k < word.size();) {
          std::size_t len = 0;
          int w = width_at(word, k, len);
          if (line_width + w > width && line_width > 0) {
            lines.push_back(std::move(line));
            wrote_any = true;
            line.clear();
            line_width = 0;
          }
          line.append(word.substr(k, len));
          line_width += w;
          k += len;
        }
      }
      i = word_end;
    }
    if (!line.empty() || !wrote_any) lines.push_back(std::move(line));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

}  // namespace mp::exporter
