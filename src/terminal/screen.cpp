// The screen: lines cut or wrapped to the width, drawn in place with the escape codes.
#include <string>

#include "terminal/terminal.hpp"

namespace mp::terminal {
namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string_view style_code(Style style) {
  switch (style) {
    case Style::kPlain:
      return "";
    case Style::kBold:
      return "\x1b[1m";
    case Style::kDim:
      return "\x1b[2m";
    case Style::kAccent:
      return "\x1b[1;36m";
    case Style::kWarning:
      return "\x1b[33m";
  }
  return "";
}

}  // namespace

int width_of(std::string_view text) {
  int n = 0;
  for (char c : text)
    if (!continuation(c)) ++n;
  return n;
}

std::string truncate(std::string_view text, int columns) {
  int n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (continuation(text[i])) continue;
    if (n == columns) return std::string(text.substr(0, i));
    ++n;
  }
  return std::string(text);
}

std::vector<std::string> wrap(std::string_view text, int columns) {
  std::vector<std::string> out;
  std::string line;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    if (i == end) break;
    std::string_view word = text.substr(i, end - i);
    i = end;
    if (!line.empty() && width_of(line) + 1 + width_of(word) > columns) {
      out.push_back(std::move(line));
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
    while (width_of(line) > columns) {
      std::string head = truncate(line, columns);
      line.erase(0, head.size());
      out.push_back(std::move(head));
    }
  }
  if (!line.empty() || out.empty()) out.push_back(std::move(line));
  return out;
}

std::string frame(const std::vector<Line>& lines, int columns, bool color) {
  std::string out = "\x1b[H";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool styled = color && lines[i].style != Style::kPlain;
    out += "\x1b[2K";  // cleared first: a line as wide as the screen keeps its last character
    if (styled) out += style_code(lines[i].style);
    out += truncate(lines[i].text, columns);
    if (styled) out += "\x1b[0m";
    if (i + 1 < lines.size()) out += "\r\n";
  }
  out += "\x1b[J";
  return out;
}

}  // namespace mp::terminal
