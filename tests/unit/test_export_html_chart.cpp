#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "export/html_chart.hpp"
#include "text_checks.hpp"

using mp::test::count;

TEST_CASE("html chart: bars are a fraction of the full length, clamped, the number beside") {
  // Labels up to 11 columns: 89 units; a column: the 105-unit bar, 4 characters and
  // space: 157 units.
  std::ostringstream out;
  mp::exporter::write_bar_chart(out, {"c", "Title <1>", "Desc & more"}, {"weekly"},
                                {{"<i>goal</i>", {{0.5, "50%"}}}, {"over", {{1.7, "170%"}}}});
  const std::string svg = out.str();
  CHECK(
      svg.starts_with("<svg role=\"img\" viewBox=\"0 0 246 62\" width=\"308\" height=\"78\" "
                      "aria-labelledby=\"c-title "
                      "c-desc\">\n<title id=\"c-title\">Title &lt;1&gt;</title>\n<desc "
                      "id=\"c-desc\">Desc &amp; more</desc>\n"));
  CHECK(svg.find("&lt;i&gt;goal&lt;/i&gt;") != std::string::npos);
  CHECK(svg.find("width=\"53\" height=\"12\" fill=\"#1f5f8b\"/><text x=\"199\" y=\"32\" "
                 "font-size=\"12\">50%</text>") != std::string::npos);
  CHECK(svg.find("width=\"105\" height=\"12\" fill=\"#1f5f8b\"/><text x=\"199\" y=\"51\" "
                 "font-size=\"12\">170%</text>") != std::string::npos);
  CHECK(mp::exporter::whole_percent(0.125) == "13%");
  CHECK(mp::exporter::whole_percent(-1) == "0%");
  CHECK(mp::exporter::whole_percent(2) == "100%");
}

TEST_CASE("html chart: a missing value breaks the line into two polylines") {
  std::ostringstream out;
  mp::exporter::write_line_chart(
      out, {"s", "Symptoms", "Pain 4 then 2."}, {"W1", "W2", "W3", "W4"},
      {{"Pain <b>", {4.0, 2.0, std::nullopt, 6.0}}, {"Stress", {1.0, 1.0, 1.0, 1.0}}}, 0, 10, 5);
  const std::string svg = out.str();
  CHECK(count(svg, "<polyline ") == 2);  // pain: W1-W2 (W4 alone draws only a marker); stress
  // x from 50 to 350 over three steps; y: 0 at 212, 10 at 12.
  CHECK(svg.find("<polyline points=\"50.0,132.0 150.0,172.0\" fill=\"none\" stroke=\"#1f5f8b\" "
                 "stroke-width=\"2.5\"/>") != std::string::npos);
  CHECK(svg.find("<polyline points=\"50.0,192.0 150.0,192.0 250.0,192.0 350.0,192.0\" "
                 "fill=\"none\" stroke=\"#a33c00\" stroke-width=\"2.5\" "
                 "stroke-dasharray=\"8 4\"/>") != std::string::npos);
  CHECK(svg.find("<circle cx=\"350.0\" cy=\"92.0\" r=\"4\" fill=\"#1f5f8b\"/>") !=
        std::string::npos);
  CHECK(count(svg, ">W") == 4);
  CHECK(svg.find("font-size=\"12\">Pain &lt;b&gt;</text>") != std::string::npos);
  for (const char* grid : {">0</text>", ">5</text>", ">10</text>"})
    CHECK(svg.find(grid) != std::string::npos);
}

TEST_CASE("html chart: a table has a caption, column and row headers, escaped cells") {
  std::ostringstream out;
  mp::exporter::write_table(out, "Adherence & streak", {"Week", "Done"},
                            {{"<W1>", "3 of 4"}, {"W2", "75%"}});
  CHECK(out.str() ==
        "<table>\n<caption>Adherence &amp; streak</caption>\n<thead><tr><th "
        "scope=\"col\">Week</th><th scope=\"col\">Done</th></tr></thead>\n<tbody>\n<tr><th "
        "scope=\"row\">&lt;W1&gt;</th><td class=\"num\">3 of 4</td></tr>\n<tr><th "
        "scope=\"row\">W2</th><td class=\"num\">75%</td></tr>\n</tbody>\n</table>\n");
}
