#include "export/json_writer.hpp"

#include <charconv>
#include <cmath>

#include "export/utf8.hpp"

namespace mp::exporter {

std::string json_quote(std::string_view raw) {
  // Invalid UTF-8 would make the whole document unreadable; U+FFFD keeps it valid JSON.
  std::string clean = sanitize_utf8(raw);
  std::string_view s = clean;
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20) {
          static const char* kHex = "0123456789abcdef";
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

void JsonWriter::newline() {
  put('\n');
  buf_.append(2 * first_.size(), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) put(',');
    first_.back() = false;
    newline();
  }
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  put('{');
  first_.push_back(true);
  is_object_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  bool empty = first_.back();
  first_.pop_back();
  is_object_.pop_back();
  if (!empty) newline();
  put('}');
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  put('[');
  first_.push_back(true);
  is_object_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  bool empty = first_.back();
  first_.pop_back();
  is_object_.pop_back();
  if (!empty) newline();
  put(']');
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  before_value();
  put(json_quote(k));
  put(": ");
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  put(json_quote(s));
  return *this;
}

JsonWriter& JsonWriter::value(int v) { return value(static_cast<long long>(v)); }

JsonWriter& JsonWriter::value(long long v) {
  before_value();
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  put(std::string_view(buf, static_cast<std::size_t>(res.ptr - buf)));
  return *this;
}

JsonWriter& JsonWriter::value(double v) {
  before_value();
  if (!std::isfinite(v)) {
    put("null");
    return *this;
  }
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  put(std::string_view(buf, static_cast<std::size_t>(res.ptr - buf)));
  return *this;
}

JsonWriter& JsonWriter::value(bool v) {
  before_value();
  put(v ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  put("null");
  return *this;
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& list) {
  begin_array();
  for (const auto& s : list) value(s);
  return end_array();
}

void JsonWriter::finish() {
  put('\n');
  flush();
}

}  // namespace mp::exporter
