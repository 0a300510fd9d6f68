#pragma once
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace mp::exporter {

/// A small streaming JSON writer: objects, arrays, strings, numbers, booleans, null.
/// Pretty-prints with two-space indentation; keys keep the order they are written in.
///
/// It writes through a buffer of its own (a plan of a year is many thousands of small pieces):
/// finish() (or the writer's end) hands the rest to the stream.
class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;
  ~JsonWriter() { flush(); }
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  /// Writes an object key; the next call writes its value.
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(int v);
  JsonWriter& value(long long v);
  /// Doubles print in the shortest form that reads back exactly.
  JsonWriter& value(double v);
  JsonWriter& value(bool v);
  JsonWriter& null();
  /// An array of strings in one call.
  JsonWriter& strings(const std::vector<std::string>& list);
  /// Ends the document with a newline, and writes out what is buffered.
  void finish();

 private:
  void before_value();
  void newline();
  void put(std::string_view s) {
    buf_.append(s);
    if (buf_.size() >= kFlushAt) flush();
  }
  void put(char c) {
    buf_ += c;
    if (buf_.size() >= kFlushAt) flush();
  }
  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }
  static constexpr std::size_t kFlushAt = 1 << 15;
  std::ostream& out_;
  std::string buf_;
  std::vector<bool> first_;  ///< per open container: nothing written in it yet
  std::vector<bool> is_object_;
  bool after_key_ = false;
};

/// s as a JSON string literal, quotes included.
std::string json_quote(std::string_view s);

}  // namespace mp::exporter
