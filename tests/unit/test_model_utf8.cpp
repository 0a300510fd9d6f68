// The one UTF-8 decoder (model/utf8.hpp) and the two places that rely on it agreeing: the YAML
// reader refuses what the exporters would replace, byte for byte the same sequences.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "export/utf8.hpp"
#include "library/yaml_tree.hpp"
#include "model/error.hpp"
#include "model/utf8.hpp"

namespace {

struct Case {
  const char* name;
  std::string bytes;
};

// Well-formed sequences at every length boundary (RFC 3629 table 3).
const std::vector<std::pair<Case, char32_t>> kValid = {
    {{"U+0000 is ASCII", std::string(1, '\0')}, 0x0},
    {{"U+007F, the last one-byte", "\x7F"}, 0x7F},
    {{"U+0080, the first two-byte", "\xC2\x80"}, 0x80},
    {{"U+07FF, the last two-byte", "\xDF\xBF"}, 0x7FF},
    {{"U+0800, the first three-byte", "\xE0\xA0\x80"}, 0x800},
    {{"U+D7FF, just below the surrogates", "\xED\x9F\xBF"}, 0xD7FF},
    {{"U+E000, just above the surrogates", "\xEE\x80\x80"}, 0xE000},
    {{"U+FFFF, the last three-byte", "\xEF\xBF\xBF"}, 0xFFFF},
    {{"U+10000, the first four-byte", "\xF0\x90\x80\x80"}, 0x10000},
    {{"U+10FFFF, the last code point", "\xF4\x8F\xBF\xBF"}, 0x10FFFF},
};

// Ill-formed sequences: each must be refused at its first byte.
const std::vector<Case> kInvalid = {
    {"a stray continuation byte", "\x80"},
    {"overlong two-byte NUL (C0 80)", "\xC0\x80"},
    {"overlong two-byte '/' (C1 AF)", "\xC1\xAF"},
    {"overlong three-byte NUL", "\xE0\x80\x80"},
    {"overlong three-byte U+07FF", "\xE0\x9F\xBF"},
    {"overlong four-byte NUL", "\xF0\x80\x80\x80"},
    {"overlong four-byte U+FFFF", "\xF0\x8F\xBF\xBF"},
    {"the first high surrogate U+D800", "\xED\xA0\x80"},
    {"the last low surrogate U+DFFF", "\xED\xBF\xBF"},
    {"U+110000, past the last code point", "\xF4\x90\x80\x80"},
    {"lead byte F5", "\xF5\x80\x80\x80"},
    {"lead byte FF", "\xFF"},
    {"a two-byte sequence cut short", "\xC3"},
    {"a three-byte sequence cut short", "\xE2\x82"},
    {"a four-byte sequence cut short", "\xF0\x9F\x98"},
    {"a continuation byte missing mid-sequence", "\xE2\x28\xA1"},
};

}  // namespace

TEST_CASE("utf8: well-formed sequences decode to their code point and length") {
  for (const auto& [c, cp] : kValid) {
    CAPTURE(c.name);
    char32_t got = 0xFFFFFFFF;
    CHECK(mp::model::decode_utf8(c.bytes, 0, got) == c.bytes.size());
    CHECK(got == cp);
  }
}

TEST_CASE("utf8: overlong forms, surrogates, values past U+10FFFF and cut sequences are refused") {
  for (const auto& c : kInvalid) {
    CAPTURE(c.name);
    char32_t cp = 0;
    CHECK(mp::model::decode_utf8(c.bytes, 0, cp) == 0);
  }
}

TEST_CASE("utf8: the YAML reader refuses exactly what the exporters replace") {
  for (const auto& c : kInvalid) {
    CAPTURE(c.name);
    std::string text = "name: a" + c.bytes + "b\n";
    std::vector<mp::Diagnostic> ds;
    (void)mp::library::parse_yaml(text, "t.yaml", ds);
    REQUIRE(ds.size() == 1);
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02x", static_cast<unsigned char>(c.bytes[0]));
    CHECK(mp::format_diagnostic(ds[0]) == "t.yaml:1:8: error: not UTF-8 text (byte " +
                                              std::string(byte) + "): is this a binary file?");
    // The exporters keep the good text around it and replace the bad bytes with U+FFFD.
    std::string clean = mp::exporter::sanitize_utf8(text);
    CHECK(clean.rfind("name: a\xEF\xBF\xBD", 0) == 0);
    CHECK(clean.find("b\n") != std::string::npos);
  }
  for (const auto& [c, cp] : kValid) {
    if (cp < 0x80) continue;  // control characters are the reader's other rule
    CAPTURE(c.name);
    std::string text = "name: a" + c.bytes + "b\n";
    std::vector<mp::Diagnostic> ds;
    (void)mp::library::parse_yaml(text, "t.yaml", ds);
    CHECK(ds.empty());
    CHECK(mp::exporter::sanitize_utf8(text) == text);
  }
}
