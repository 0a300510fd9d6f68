#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "export/export.hpp"
#include "export/html_page.hpp"
#include "test_export_fixture.hpp"
#include "text_checks.hpp"

using mp::test::count;

namespace {

std::string html_of(const mp::model::Plan& plan, const mp::model::Library& library,
                    const mp::exporter::ExportOptions& options = {}) {
  std::ostringstream out;
  mp::exporter::write_plan(out, mp::exporter::Format::kHtml, plan, library, options);
  return out.str();
}

std::string html_of(const mp::model::Plan& plan) {
  return html_of(plan, mp::test::export_library());
}

/// The fixture plan repeated over `weeks` weeks (each week the same four days, then three
/// days without sessions), so the page has that many week sections.
mp::model::Plan weeks_plan(int weeks) {
  auto plan = mp::test::export_plan();
  const auto days = plan.plan;
  plan.plan.clear();
  for (int w = 0; w < weeks; ++w)
    for (int d = 0; d < 7; ++d) {
      mp::model::PlanDay day;
      if (d < 4) day = days[static_cast<std::size_t>(d)];
      day.date = mp::model::add_days(plan.start, 7 * w + d);
      day.weekday = mp::model::weekday_of(day.date);
      plan.plan.push_back(day);
    }
  plan.days = 7 * weeks;
  return plan;
}

}  // namespace

TEST_CASE("export html: html_text escapes markup characters and blanks control characters") {
  CHECK(mp::exporter::html_text("<script>alert(1)</script>") ==
        "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(mp::exporter::html_text("a & \"b\" 'c'") == "a &amp; &quot;b&quot; &#39;c&#39;");
  CHECK(mp::exporter::html_text("line\nbreak\x1b[31m") == "line break [31m");
  CHECK(mp::exporter::html_text("\xff ok") == "\xEF\xBF\xBD ok");
}

TEST_CASE("export html: a technique named <script>alert(1)</script> prints as text") {
  auto library = mp::test::export_library();
  for (auto& t : library.techniques)
    if (t.id == "chin-tuck") {
      t.name = "<script>alert(1)</script>";
      t.dose = "<img src=x onerror=alert(2)>";
      t.steps = {"</li></ol><a href=\"https://example.com/\">link</a>"};
      t.cautions = {"\"quoted\" & 'single'"};
    }
  for (auto& g : library.goals)
    if (g.id == "tension-headache") g.name = "<b>bold</b> goal";
  std::string page = html_of(mp::test::export_plan(), library);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("<img") == std::string::npos);
  CHECK(count(page, "<a ") == 1);  // the page's own link to its how-to section
  CHECK(page.find("<a href=\"#howto\">") != std::string::npos);
  CHECK(page.find("<b>") == std::string::npos);
  // 3 items, the week's doses, the how-to
  CHECK(count(page, "&lt;script&gt;alert(1)&lt;/script&gt;") == 5);
  CHECK(page.find("&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
  CHECK(page.find("&lt;/li&gt;&lt;/ol&gt;&lt;a href=&quot;https://example.com/&quot;&gt;") !=
        std::string::npos);
  CHECK(page.find("&quot;quoted&quot; &amp; &#39;single&#39;") != std::string::npos);
  CHECK(page.find("&lt;b&gt;bold&lt;/b&gt; goal") != std::string::npos);
}

TEST_CASE("export html: a page with lang, one h1, a checkbox per item and the safety line") {
  std::string page = html_of(mp::test::export_plan());
  CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"));
  CHECK(page.ends_with("</body>\n</html>\n"));
  CHECK(count(page, "<h1>") == 1);
  CHECK(page.find("<h1>Massage plan: 2026-03-28 to 2026-03-31</h1>") != std::string::npos);
  CHECK(count(page, "<input type=\"checkbox\">") == 12);
  CHECK(count(page, "<li class=\"day\">") == 4);
  CHECK(count(page, "<li class=\"session\">") == 6);
  CHECK(count(page, "<section class=\"week\"") == 1);
  // In the week's closing paragraph, and in the bottom margin of every printed page.
  CHECK(count(page, "<p class=\"safety\">" + std::string(mp::exporter::safety_line()) + "</p>") ==
        1);
  CHECK(page.find("@media print { @page { @bottom-center { content: \"Wellness guidance, not "
                  "medical treatment. Stop anything that hurts, tingles or makes you dizzy.\";") !=
        std::string::npos);
  CHECK(page.find("<li><label><input type=\"checkbox\"> <span>Chin tuck</span> <span "
                  "class=\"minutes\">2 min</span></label></li>") != std::string::npos);
  CHECK(page.find("<p class=\"note\">Rest day: nothing planned.</p>") != std::string::npos);
  CHECK(page.find("<p class=\"warning\"><strong>Warning:</strong> Only 4 days planned; a full "
                  "week scores more evenly.</p>") != std::string::npos);
}

TEST_CASE("export html: nothing is loaded from elsewhere and nothing runs") {
  std::string page = html_of(mp::test::export_plan());
  for (const char* word : {"<script", "src=", "url(", "@import", "http:", "https:"})
    CHECK_MESSAGE(page.find(word) == std::string::npos, word);
  // Links only within the page.
  CHECK(count(page, "href=") == count(page, "href=\"#"));
  CHECK(page.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'unsafe-inline'\">") != std::string::npos);
}

TEST_CASE("export html: each week lists its doses; how to do each technique comes once, after") {
  const auto library = mp::test::export_library();
  std::string page = html_of(weeks_plan(2), library);
  CHECK(count(page, "<section class=\"week\"") == 2);
  CHECK(count(page, "<p class=\"safety\">" + std::string(mp::exporter::safety_line())) == 2);
  // Chin tuck is used on three days a week: three checkboxes and one dose a week, and one
  // how-to entry (dose, steps and cautions) for the plan.
  CHECK(count(page, "<span>Chin tuck</span>") == 6);
  CHECK(count(page, "<li><strong>Chin tuck</strong>: 10 reps, hold 3 s</li>") == 2);
  CHECK(count(page, "<h3 id=\"doses-1\">Doses this week</h3>") == 1);
  CHECK(count(page, "<h3 id=\"doses-2\">Doses this week</h3>") == 1);
  CHECK(count(page, "<h3>Chin tuck</h3>") == 1);
  CHECK(count(page, "<strong>Dose:</strong> 10 reps, hold 3 s") == 1);
  CHECK(count(page,
              "<li><span class=\"caution\">Caution:</span> Stop if you feel tingling in the "
              "arm.</li>") == 1);
  CHECK(count(page, "<div class=\"technique\">") == 5);  // the plan's five techniques
  // The how-to section follows the last week, which links to it.
  const auto howto = page.find("<h2 id=\"howto\">How to do the techniques</h2>");
  REQUIRE(howto != std::string::npos);
  CHECK(howto > page.rfind("<section class=\"week\""));
  CHECK(howto > page.rfind("<p class=\"safety\">"));
  CHECK(count(page, "<a href=\"#howto\">How to do the techniques</a>") == 2);
}

TEST_CASE("export html: each week's coverage bars come from that week's score") {
  const auto library = mp::test::export_library();
  auto plan = weeks_plan(2);
  SUBCASE("without week scores a plan of several weeks draws no bars") {
    CHECK(html_of(plan, library).find("<svg") == std::string::npos);
  }
  SUBCASE("with them, a chart per week with its numbers beside the bars and in its desc") {
    mp::exporter::ExportOptions options;
    mp::model::Score first;
    first.total = 0.5;
    first.goals["tension-headache"] = {0.25, 0.75, 0.5};
    first.goals["stress-reduction"] = {1.0, 0.0, 0.5};
    mp::model::Score second = first;
    second.goals["tension-headache"] = {0.125, 0.0, 0.0625};
    options.week_scores = {first, second};
    std::string page = html_of(plan, library, options);
    CHECK(count(page, "<svg role=\"img\"") == 2);
    CHECK(count(page, "<title id=\"coverage-chart-") == 2);
    CHECK(page.find("<desc id=\"coverage-chart-1-desc\">Tension headache relief: weekly 25%, "
                    "daily 75%, score 50%. Stress reduction: weekly 100%, daily 0%, score "
                    "50%.</desc>") != std::string::npos);
    CHECK(page.find("<desc id=\"coverage-chart-2-desc\">Tension headache relief: weekly 13%, "
                    "daily 0%, score 6%.") != std::string::npos);
    // A quarter of the 105-unit bar after the 23-column label (173 units), the number beside it.
    CHECK(page.find("width=\"26\" height=\"12\" fill=\"#1f5f8b\"/><text x=\"283\" y=\"32\" "
                    "font-size=\"12\">25%</text>") != std::string::npos);
  }
  SUBCASE("a one-week plan draws its own score") {
    std::string page = html_of(mp::test::export_plan());
    CHECK(page.find("daily 55%, score 68%.") != std::string::npos);
    CHECK(page.find("Week score 71%.") != std::string::npos);
  }
}

TEST_CASE("export html: a caution several of a week's techniques share is printed once") {
  auto library = mp::test::export_library();
  const std::string stop = "Stop if you feel dizzy or your vision changes.";
  int given = 0;
  for (auto& t : library.techniques) {
    t.cautions.push_back(stop);
    ++given;
  }
  REQUIRE(given >= 2);
  std::string page = html_of(weeks_plan(1), library);
  // Once per week, before the techniques, and under no technique of its own.
  CHECK(count(page, stop) == 1);
  CHECK(count(page, "<span class=\"caution\">For several of these:</span> " + stop) == 1);
  // A caution only one technique has stays under that technique.
  CHECK(count(page,
              "<li><span class=\"caution\">Caution:</span> Stop if you feel tingling in the "
              "arm.</li>") == 1);
}
