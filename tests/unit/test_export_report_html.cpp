#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "export/html_page.hpp"
#include "export/report.hpp"
#include "text_checks.hpp"

using mp::test::count;

namespace {

mp::model::Date day(int d) {
  return mp::model::Date{std::chrono::year{2026}, std::chrono::March,
                         std::chrono::day{static_cast<unsigned>(d)}};
}

/// Three weeks: the middle one without check-ins, the last without anything planned.
mp::model::Report three_weeks() {
  mp::model::Report r;
  r.from = day(2);
  r.to = day(22);
  r.adherence = {10, 7, 0.7};
  r.streak = 3;
  r.weeks = {{"2026-W10", day(2), day(8), {6, 3, 0.5}, {4.0, 5.5, std::nullopt}},
             {"2026-W11", day(9), day(15), {4, 4, 1.0}, {}},
             {"2026-W12", day(16), day(22), {0, 0, std::nullopt}, {2.0, std::nullopt, 1.0}}};
  r.goals["tension-headache"] = {90, 60, 45, 30.5};
  r.skipped = {{"chin-tuck", 2}, {"box-breathing", 1}};
  return r;
}

/// A library that names the goal and chin-tuck, not box-breathing (an id it lacks stays an id).
const mp::model::Library& names() {
  static const mp::model::Library library = [] {
    mp::model::Library lib;
    lib.goals.push_back({"tension-headache", "Tension headache relief", "", 70, {}});
    mp::model::Technique t;
    t.id = "chin-tuck";
    t.name = "Chin tuck <deep flexors>";
    lib.techniques.push_back(t);
    lib.sort_by_id();
    return lib;
  }();
  return library;
}

std::string report_of(const mp::model::Report& r, mp::exporter::ReportFormat format) {
  std::ostringstream out;
  mp::exporter::write_report(out, format, r, names());
  return out.str();
}

std::string html_of(const mp::model::Report& r) {
  return report_of(r, mp::exporter::ReportFormat::kHtml);
}

}  // namespace

TEST_CASE("report html: parse_report_format knows html") {
  CHECK(mp::exporter::parse_report_format("html") == mp::exporter::ReportFormat::kHtml);
}

TEST_CASE("report html: adherence bars, symptom lines and goal bars, each with a data table") {
  const std::string page = html_of(three_weeks());
  CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK(count(page, "<h1>") == 1);
  CHECK(page.find("<h1>History report 2026-03-02 to 2026-03-22</h1>") != std::string::npos);
  CHECK(page.find("Adherence: 7 of 10 planned sessions done (70%). Streak: 3 planned days") !=
        std::string::npos);
  CHECK(count(page, "<svg role=\"img\"") == 3);
  CHECK(count(page, "<div class=\"chart-pair\">") == 3);
  CHECK(count(page, "<table>") == 4);  // beside each chart, and the skipped techniques
  CHECK(page.find("<desc id=\"adherence-chart-desc\">2026-W10: 3 of 6 (50%). 2026-W11: 4 of 4 "
                  "(100%). 2026-W12: nothing planned.</desc>") != std::string::npos);
  CHECK(page.find("<tr><th scope=\"row\">2026-W12</th><td class=\"num\">0</td><td "
                  "class=\"num\">0</td><td class=\"num\">-</td></tr>") != std::string::npos);
  // Pain has values in W10 and W12 only: two markers, no line across the gap; stress one point.
  CHECK(page.find("<desc id=\"symptoms-chart-desc\">Pain (0 to 10): 2026-W10 4.0, 2026-W12 2.0. "
                  "Headache (0 to 10): 2026-W10 5.5. Stress (0 to 10): 2026-W12 1.0.</desc>") !=
        std::string::npos);
  CHECK(count(page, "<polyline ") == 0);
  CHECK(page.find("<tr><th scope=\"row\">2026-W11</th><td class=\"num\">-</td><td "
                  "class=\"num\">-</td><td class=\"num\">-</td></tr>") != std::string::npos);
  CHECK(page.find("Tension headache relief: 30.5 of 45.0 effective minutes done.") !=
        std::string::npos);
  // Skipped only: no minutes or times done, the times skipped last.
  CHECK(page.find("<tr><th scope=\"row\">Chin tuck &lt;deep flexors&gt;</th><td "
                  "class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">2</td></tr>") !=
        std::string::npos);
  CHECK(page.find("<tr><th scope=\"row\">box-breathing</th><td class=\"num\">0</td><td "
                  "class=\"num\">0</td><td class=\"num\">1</td></tr>") != std::string::npos);
  CHECK(count(page, "<p class=\"safety\">" + std::string(mp::exporter::safety_line())) == 1);
}

TEST_CASE("report html: consecutive weeks with a rating draw a line; none says so") {
  auto r = three_weeks();
  r.weeks[1].symptoms.pain = 3.0;
  CHECK(count(html_of(r), "<polyline ") == 1);
  for (auto& w : r.weeks) w.symptoms = {};
  const std::string page = html_of(r);
  CHECK(page.find("No check-ins in this range") != std::string::npos);
  CHECK(count(page, "<svg role=\"img\"") == 2);
}

TEST_CASE("report text and markdown: goals and techniques by name, JSON by id") {
  const auto r = three_weeks();
  const std::string text = report_of(r, mp::exporter::ReportFormat::kText);
  CHECK(text.find("  Tension headache relief ") != std::string::npos);
  CHECK(text.find("    Chin tuck <deep flexors>") != std::string::npos);
  CHECK(text.find("    box-breathing") != std::string::npos);
  const std::string md = report_of(r, mp::exporter::ReportFormat::kMarkdown);
  CHECK(md.find("| Tension headache relief | 90 |") != std::string::npos);
  CHECK(md.find("- Chin tuck \\<deep flexors\\>: 2 times") != std::string::npos);
  const std::string json = report_of(r, mp::exporter::ReportFormat::kJson);
  CHECK(json.find("Tension headache relief") == std::string::npos);
  CHECK(json.find("\"tension-headache\"") != std::string::npos);
}

TEST_CASE("report html: one table of techniques done and skipped, then the notes, escaped") {
  auto r = three_weeks();
  r.done = {{"chin-tuck", 33, 7}};
  r.notes = {{day(3), mp::model::EntryKind::kDone, 7 * 60 + 30, "neck <looser> & calmer"},
             {day(4), mp::model::EntryKind::kSkip, std::nullopt, "late meeting"}};
  const std::string page = html_of(r);
  CHECK(page.find("<caption>Done per technique (minutes and times, most minutes first) and times "
                  "skipped</caption>") != std::string::npos);
  // Chin tuck was done and skipped: one row; box-breathing only skipped: a row after it.
  CHECK(page.find("<tr><th scope=\"row\">Chin tuck &lt;deep flexors&gt;</th><td "
                  "class=\"num\">33</td><td class=\"num\">7</td><td class=\"num\">2</td></tr>"
                  "\n<tr><th scope=\"row\">box-breathing</th><td class=\"num\">0</td><td "
                  "class=\"num\">0</td><td class=\"num\">1</td></tr>") != std::string::npos);
  CHECK(page.find("<h2 id=\"notes\">Notes</h2>") != std::string::npos);
  CHECK(page.find("<tr><th scope=\"row\">2026-03-03 07:30</th>"
                  "<td>done</td><td>neck &lt;looser&gt; &amp; calmer</td></tr>") !=
        std::string::npos);
  CHECK(page.find("<th scope=\"row\">2026-03-04</th><td>skipped</td><td>late meeting</td>") !=
        std::string::npos);
  CHECK(page.find("Techniques</h2>") < page.find("Notes</h2>"));
}
