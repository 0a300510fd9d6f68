// The one markup escape (model/markup.hpp), shared by the html writer and the SVG figures.
#include <doctest/doctest.h>

#include <string>

#include "export/html_page.hpp"
#include "model/markup.hpp"

TEST_CASE("model markup: the five markup characters become references, all else stays") {
  CHECK(mp::model::escape_markup(R"(a & b < c > d " e ' f)") ==
        "a &amp; b &lt; c &gt; d &quot; e &#39; f");
  CHECK(mp::model::escape_markup("&amp;") == "&amp;amp;");  // escaped again, not left as it is
  CHECK(mp::model::escape_markup("Nacken – Schulter") == "Nacken – Schulter");
  CHECK(mp::model::escape_markup("") == "");
}

TEST_CASE("model markup: the html writer's text is the printable text, escaped by it") {
  const std::string raw = "Tab\there <b>'x'</b>";
  CHECK(mp::exporter::html_text(raw) == mp::model::escape_markup("Tab here <b>'x'</b>"));
}
