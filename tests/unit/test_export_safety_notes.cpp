// Every format a person reads shows the stop rule once and the advice of each condition the
// person stated (issue 22 item 11): a pregnant user with headaches sees the headache-in-pregnancy
// warning whichever format she asks for.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>

#include "export/export.hpp"
#include "export/safety_notes.hpp"
#include "test_export_fixture.hpp"
#include "text_checks.hpp"

using mp::test::count;

namespace {

constexpr std::string_view kAdvice =
    "Firm, sustained pressure is left out. A new or severe headache in pregnancy is a red flag.";

// The fixture library with a stated condition that has advice, and the stop rule among the
// cautions of two planned techniques (as every built-in neck technique has it).
mp::model::Library library_with_advice() {
  mp::model::Library lib = mp::test::export_library();
  mp::model::Condition pregnancy;
  pregnancy.id = "pregnancy";
  pregnancy.name = "Pregnancy";
  pregnancy.advice = std::string(kAdvice);
  lib.conditions.push_back(pregnancy);
  for (auto& t : lib.techniques)
    if (t.id == "chin-tuck" || t.id == "upper-trap-stretch")
      t.cautions.emplace_back(mp::exporter::stop_rule());
  lib.sort_by_id();
  return lib;
}

mp::model::Plan plan_with_pregnancy() {
  mp::model::Plan plan = mp::test::export_plan();
  plan.profile.conditions = {"anticoagulants", "pregnancy"};  // the first is not in the library
  return plan;
}

std::string written(mp::exporter::Format format) {
  std::ostringstream out;
  mp::exporter::write_plan(out, format, plan_with_pregnancy(), library_with_advice(), {});
  return out.str();
}

// The text of the iCalendar stream as a reader sees it: lines unfolded, TEXT escapes undone.
std::string unfolded_ics() {
  const std::string raw = written(mp::exporter::Format::kIcs);
  std::string unfolded;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded += raw[i];
  }
  std::string out;
  for (std::size_t i = 0; i < unfolded.size(); ++i) {
    if (unfolded[i] == '\\' && i + 1 < unfolded.size()) {
      const char next = unfolded[++i];
      out += next == 'n' || next == 'N' ? '\n' : next;
      continue;
    }
    out += unfolded[i];
  }
  return out;
}

}  // namespace

TEST_CASE("safety notes: the text plan shows the stop rule once and the stated advice") {
  const std::string text = written(mp::exporter::Format::kText);
  // Wrapped at 80 columns: compare with line breaks read as spaces.
  std::string flat = text;
  for (char& c : flat)
    if (c == '\n') c = ' ';
  std::string squeezed;
  for (char c : flat)
    if (c != ' ' || squeezed.empty() || squeezed.back() != ' ') squeezed += c;
  CHECK(count(squeezed, mp::exporter::stop_rule()) == 1);
  CHECK(count(squeezed, "Pregnancy: " + std::string(kAdvice)) == 1);
  // Before the first day, so it is read first.
  CHECK(squeezed.find("Stop rule:") < squeezed.find("Saturday"));
}

TEST_CASE("safety notes: markdown shows the stop rule once, not under every technique") {
  const std::string md = written(mp::exporter::Format::kMarkdown);
  CHECK(count(md, "Stop rule: stop at once") == 1);
  CHECK(count(md, "**Pregnancy:** " + std::string(kAdvice)) == 1);
  CHECK(md.find("Stop rule:") < md.find("## Saturday"));
  // The techniques' other cautions stay with them.
  CHECK(md.find("  - **Caution:** Stop if you feel tingling in the arm.\n") != std::string::npos);
}

TEST_CASE("safety notes: html shows them once in the header") {
  const std::string html = written(mp::exporter::Format::kHtml);
  CHECK(count(html, "Stop rule: stop at once") == 1);
  CHECK(count(html, "<strong>Pregnancy:</strong> " + std::string(kAdvice)) == 1);
  CHECK(html.find("Stop rule:") < html.find("</header>"));
}

TEST_CASE("safety notes: each calendar event's description shows them once") {
  const std::string ics = unfolded_ics();
  const int events = count(ics, "BEGIN:VEVENT");
  REQUIRE(events > 0);
  CHECK(count(ics, mp::exporter::stop_rule()) == events);
  CHECK(count(ics, "Pregnancy: " + std::string(kAdvice)) == events);
}

TEST_CASE("safety notes: no stated condition, no advice; the stop rule still shows") {
  mp::model::Plan plan = mp::test::export_plan();
  plan.profile.conditions.clear();
  std::ostringstream out;
  mp::exporter::write_plan(out, mp::exporter::Format::kMarkdown, plan, library_with_advice(), {});
  CHECK(count(out.str(), "Stop rule: stop at once") == 1);
  CHECK(out.str().find("Pregnancy:") == std::string::npos);
}
