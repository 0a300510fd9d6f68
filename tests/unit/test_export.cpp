#include <doctest/doctest.h>

#include <sstream>

#include "export/export.hpp"
#include "export/utf8.hpp"
#include "test_export_fixture.hpp"

using mp::exporter::Format;

TEST_CASE("export: parse_format knows exactly the six --format words") {
  CHECK(mp::exporter::parse_format("text") == Format::kText);
  CHECK(mp::exporter::parse_format("markdown") == Format::kMarkdown);
  CHECK(mp::exporter::parse_format("json") == Format::kJson);
  CHECK(mp::exporter::parse_format("csv") == Format::kCsv);
  CHECK(mp::exporter::parse_format("ics") == Format::kIcs);
  CHECK(mp::exporter::parse_format("html") == Format::kHtml);
  CHECK_FALSE(mp::exporter::parse_format("ICS").has_value());
  CHECK_FALSE(mp::exporter::parse_format("md").has_value());
  CHECK_FALSE(mp::exporter::parse_format("").has_value());
  for (auto f :
       {Format::kText, Format::kMarkdown, Format::kJson, Format::kCsv, Format::kIcs, Format::kHtml})
    CHECK(mp::exporter::parse_format(mp::exporter::to_string(f)) == f);
}

TEST_CASE("export: write_plan dispatches to the format's writer") {
  auto plan = mp::test::export_plan();
  auto library = mp::test::export_library();
  auto render = [&](Format f) {
    std::ostringstream out;
    mp::exporter::write_plan(out, f, plan, library, {});
    return out.str();
  };
  CHECK(render(Format::kText).starts_with("Massage plan: 2026-03-28 to 2026-03-31 (4 days)\n"));
  CHECK(render(Format::kMarkdown).starts_with("# Massage plan: 2026-03-28 to 2026-03-31\n"));
  CHECK(render(Format::kJson).starts_with("{\n  \"schema\": \"massage-plan/plan@1\",\n"));
  CHECK(render(Format::kCsv).starts_with("date,start,end,session_kind,technique,name,"));
  CHECK(render(Format::kIcs).starts_with("BEGIN:VCALENDAR\r\n"));
  CHECK(render(Format::kHtml).starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n"));
}

TEST_CASE("export utf8: widths count emoji and CJK as two columns, combining marks as none") {
  using mp::exporter::display_width;
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("schön 😌") == 8);
  CHECK(display_width("–") == 1);
  CHECK(display_width("日本") == 4);
  CHECK(display_width("e\xCC\x81") == 1);  // e + combining acute
}

TEST_CASE("export utf8: invalid bytes become U+FFFD; control characters become spaces") {
  using mp::exporter::printable;
  using mp::exporter::sanitize_utf8;
  CHECK(sanitize_utf8("ok schön") == "ok schön");
  CHECK(sanitize_utf8("a\xFF"
                      "b") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(sanitize_utf8("\xC3") == "\xEF\xBF\xBD");                  // truncated sequence
  CHECK(sanitize_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  CHECK(sanitize_utf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  CHECK(printable("a\x1b[31mred\tx", false) == "a [31mred x");
  CHECK(printable("one\r\ntwo\nthree", true) == "one\ntwo\nthree");
  CHECK(printable("one\ntwo", false) == "one two");
}

TEST_CASE("export utf8: truncation and wrapping respect columns and code points") {
  using mp::exporter::truncate_to_width;
  using mp::exporter::wrap_to_width;
  CHECK(truncate_to_width("short", 10) == "short");
  CHECK(truncate_to_width("a long name", 6) == "a lon…");
  CHECK(truncate_to_width("😌😌😌😌", 5) == "😌😌…");
  CHECK(wrap_to_width("one two three", 7) == std::vector<std::string>{"one two", "three"});
  CHECK(wrap_to_width("", 7) == std::vector<std::string>{""});
  CHECK(wrap_to_width("a\nb", 7) == std::vector<std::string>{"a", "b"});
  CHECK(wrap_to_width("abcdefghij", 4) == std::vector<std::string>{"abcd", "efgh", "ij"});
  CHECK(wrap_to_width("😌😌😌", 5) == std::vector<std::string>{"😌😌", "😌"});
  for (const auto& line : wrap_to_width(mp::test::nasty_name() + mp::test::nasty_name(), 17))
    CHECK(mp::exporter::display_width(line) <= 17);
}
