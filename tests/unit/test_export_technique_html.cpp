// `show ID --format html`: one technique's self-contained page with its figure beside the steps.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "export/technique_html.hpp"

namespace model = mp::model;

namespace {

model::Technique stretch() {
  model::Technique t;
  t.id = "tilt";
  t.name = "Neck <tilt> & hold";
  t.dose = "Hold 30 s";
  t.steps = {"Sit tall.", "Tilt your ear towards your shoulder."};
  t.cautions = {"Stop if it tingles."};
  return t;
}

std::string page(const model::Technique& t, std::string_view svg) {
  std::ostringstream out;
  mp::exporter::write_technique_html(out, t, svg, "massage-plan test");
  return out.str();
}

}  // namespace

TEST_CASE("technique html: the figure comes before the dose and steps, then the cautions") {
  const std::string svg =
      "<svg role=\"img\" aria-label=\"x\" class=\"figure\"><title>x</title></svg>";
  std::string html = page(stretch(), svg);
  auto figure = html.find(svg);
  auto dose = html.find("<p><strong>Dose:</strong> Hold 30 s</p>");
  auto steps = html.find(
      "<ol class=\"steps\">\n<li>Sit tall.</li>\n<li>Tilt your ear towards "
      "your shoulder.</li>\n</ol>");
  auto cautions = html.find("<li>Stop if it tingles.</li>");
  REQUIRE(figure != std::string::npos);
  REQUIRE(dose != std::string::npos);
  REQUIRE(steps != std::string::npos);
  REQUIRE(cautions != std::string::npos);
  CHECK(figure < dose);
  CHECK(dose < steps);
  CHECK(steps < cautions);
  CHECK(html.find("<h1>Neck &lt;tilt&gt; &amp; hold</h1>") != std::string::npos);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<style>") != std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
}

TEST_CASE("technique html: without a figure the page has no picture") {
  std::string html = page(stretch(), "");
  CHECK(html.find("<svg") == std::string::npos);
  CHECK(html.find("figure-box\"") == std::string::npos);
  CHECK(html.find("<li>Sit tall.</li>") != std::string::npos);
}
