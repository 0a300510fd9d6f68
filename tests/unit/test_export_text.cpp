#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "export/export.hpp"
#include "export/utf8.hpp"
#include "test_export_fixture.hpp"

namespace {

std::string text_of(const mp::model::Plan& plan, bool explain = false, bool color = false) {
  mp::exporter::ExportOptions options;
  options.explain = explain;
  options.color = color;
  std::ostringstream out;
  mp::exporter::write_plan(out, mp::exporter::Format::kText, plan, mp::test::export_library(),
                           options);
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// The line without ANSI SGR sequences ("\x1b[...m").
std::string strip_ansi(const std::string& line) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\x1b') {
      i = line.find('m', i);
      if (i == std::string::npos) break;
      continue;
    }
    out += line[i];
  }
  return out;
}

bool has_line(const std::string& text, const std::string& line) {
  auto lines = lines_of(text);
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

}  // namespace

TEST_CASE("export text: days, sessions and items in aligned columns") {
  std::string text = text_of(mp::test::export_plan());
  CHECK(text.starts_with(
      "Massage plan: 2026-03-28 to 2026-03-31 (4 days)\n"
      "Goals: Tension headache relief (priority 3), Stress reduction (priority 1)\n"
      "warning: Only 4 days planned; a full week scores more evenly.\n"
      "warning: Warning with \"quotes\", commas; and\n"
      "         a newline\n"
      "Stop rule: stop at once if you feel dizzy or sick, your vision changes, or you\n"
      "  get tingling or numbness in the arms or face, and do no neck work until a\n"
      "  clinician has checked you.\n"
      "\n"
      "Saturday, 2026-03-28\n"
      "  07:30-07:40  Self-care: 10 min (3 techniques)\n"
      "      2 min  Chin tuck                     10 reps, hold 3 s\n"
      "      3 min  Upper trapezius stretch       Hold 30 s, 2 times each side\n"));
  CHECK(has_line(text, "  10:00-11:00  Professional massage: Swedish massage"));
  CHECK(has_line(text, "     60 min  Swedish massage               Full back, neck and shoulders"));
  CHECK(has_line(text, "  12:30-12:35  Desk neck reset; quick, simple"));
  CHECK(text.find("Monday, 2026-03-30\n  no sessions\n") != std::string::npos);
  CHECK(text.find("score share") == std::string::npos);
  CHECK(text.find("Left out") == std::string::npos);
}

TEST_CASE("export text: goal coverage bars and the total score") {
  std::string text = text_of(mp::test::export_plan());
  CHECK(
      text.ends_with("  Goal coverage            weekly          daily           score\n"
                     "  Tension headache relief  ########..  80% ######....  55% #######...  68%\n"
                     "  Stress reduction         ########## 100% #######...  65% ########..  83%\n"
                     "Total score: 0.713 (71%)\n"));
}

TEST_CASE("export text: the goals line wraps between goals") {
  auto plan = mp::test::export_plan();
  plan.profile.goals.push_back({"range-of-motion", 5, {}});
  CHECK(text_of(plan).find(
            "Goals: Tension headache relief (priority 3), Stress reduction (priority 1),\n"
            "       Range of motion (priority 5)\n") != std::string::npos);
}

TEST_CASE("export text: every line fits 80 columns, whatever the library holds") {
  auto plan = mp::test::export_plan();
  plan.warnings.push_back(std::string(200, 'W'));
  plan.excluded.push_back({"x", mp::test::nasty_name() + mp::test::nasty_name()});
  for (bool explain : {false, true})
    for (bool color : {false, true})
      for (const auto& line : lines_of(text_of(plan, explain, color))) {
        INFO(line);
        CHECK(mp::exporter::display_width(strip_ansi(line)) <= 80);
      }
  // The long name wraps inside the name column rather than being lost.
  std::string text = text_of(plan);
  CHECK(has_line(text,
                 "      5 min  Nackenmassage – schön entspannend 😌, \"sanft\"; C:\\Pfad\\ Ende"));
  CHECK(has_line(text, "             Dose; with, commas \\ and"));
  CHECK(has_line(text, "             newlines"));
}

TEST_CASE("export text: colour only when asked, and library text cannot inject escapes") {
  auto plan = mp::test::export_plan();
  auto library = mp::test::export_library();
  CHECK(text_of(plan).find('\x1b') == std::string::npos);
  std::string colored = text_of(plan, false, true);
  CHECK(colored.find("\x1b[1mSaturday, 2026-03-28\x1b[0m") != std::string::npos);
  CHECK(colored.find("\x1b[36m07:30-07:40\x1b[0m") != std::string::npos);
  CHECK(strip_ansi(colored) == text_of(plan));

  plan.warnings = {"evil \x1b]0;title\x07 and \x1b[2J"};
  CHECK(text_of(plan).find('\x1b') == std::string::npos);
  CHECK(text_of(plan).find('\x07') == std::string::npos);
}

TEST_CASE("export text: --explain shows goals served, score share and what was left out") {
  std::string text = text_of(mp::test::export_plan(), true);
  CHECK(text.find("      3 min  Upper trapezius stretch       Hold 30 s, 2 times each side\n"
                  "             goals: tension-headache 0.6; score share 0.062\n") !=
        std::string::npos);
  CHECK(text.find("      2 min  Chin tuck                     10 reps, hold 3 s\n"
                  "             goals: none of yours; score share 0.010\n") != std::string::npos);
  CHECK(has_line(text,
                 "             goals: tension-headache 0.5, stress-reduction 1; score share "
                 "0.250"));
  CHECK(
      text.ends_with("\nLeft out\n"
                     "  deep-tissue: contraindicated: anticoagulants (Taking blood thinners)\n"
                     "  ball-release: needs equipment you do not have: foam-roller\n"));
}
