#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "export/export.hpp"
#include "test_export_fixture.hpp"
#include "text_checks.hpp"

using mp::test::count;

namespace {

std::string markdown_of(const mp::model::Plan& plan, bool explain = false) {
  mp::exporter::ExportOptions options;
  options.explain = explain;
  std::ostringstream out;
  mp::exporter::write_plan(out, mp::exporter::Format::kMarkdown, plan, mp::test::export_library(),
                           options);
  return out.str();
}

}  // namespace

TEST_CASE("export markdown: a heading per day, per session, a checkbox per item") {
  std::string md = markdown_of(mp::test::export_plan());
  CHECK(
      md.starts_with("# Massage plan: 2026-03-28 to 2026-03-31\n\n"
                     "Goals: Tension headache relief (priority 3), Stress reduction (priority "
                     "1).\n\n"
                     "> **Warning:** Only 4 days planned; a full week scores more evenly.\n\n"));
  CHECK(count(md, "\n## ") == 4 + 1);  // days and the goal coverage
  CHECK(count(md, "\n### ") == 6);
  CHECK(count(md, "\n- [ ] ") == 12);
  CHECK(md.find("## Saturday, 2026-03-28\n\n"
                "### 07:30-07:40 Self-care: 10 min (3 techniques)\n\n"
                "- [ ] **Chin tuck**, 2 min: 10 reps, hold 3 s\n"
                "  1. Sit tall.\n"
                "  2. Draw the chin straight back.\n"
                "- [ ] **Upper trapezius stretch**, 3 min: Hold 30 s, 2 times each side\n"
                "  1. Sit tall and hold the chair seat with one hand.\n"
                "  2. Tilt the ear towards the other shoulder.\n"
                "  - **Caution:** Stop if you feel tingling in the arm.\n") != std::string::npos);
  CHECK(md.find("### 12:30-12:35 Desk neck reset; quick, simple\n") != std::string::npos);
  CHECK(md.find("## Monday, 2026-03-30\n\nNo sessions.\n\n") != std::string::npos);
  CHECK(md.find("- Tension headache relief: weekly 80%, daily 55%, score 68%\n") !=
        std::string::npos);
  CHECK(md.ends_with("\nTotal score: 0.713 (71%).\n"));
  CHECK(md.find("Left out") == std::string::npos);
}

TEST_CASE("export markdown: library text is escaped so it renders literally") {
  std::string md = markdown_of(mp::test::export_plan());
  // A step that looks like a list, emphasis, a link, HTML, an entity and code.
  CHECK(md.find("  3. 1\\. starts like a list - \\*stars\\* \\_under\\_ \\[link\\](x) "
                "\\<b\\>tag\\</b\\> \\& \\# \\| \\~ \\`code\\` \\\\\n") != std::string::npos);
  CHECK(md.find("  - **Caution:** \\- looks like a bullet\n") != std::string::npos);
  // Newlines inside a step or dose never start a new Markdown block.
  CHECK(md.find("  2. Step two spans two lines.\n") != std::string::npos);
  CHECK(md.find(": Dose; with, commas \\\\ and newlines and a very long tail: ") !=
        std::string::npos);
}

TEST_CASE("export markdown: --explain adds the techniques left out") {
  std::string md = markdown_of(mp::test::export_plan(), true);
  CHECK(
      md.ends_with("\n## Left out\n\n"
                   "- deep-tissue: contraindicated: anticoagulants (Taking blood thinners)\n"
                   "- ball-release: needs equipment you do not have: foam-roller\n"));
}

TEST_CASE(
    "export markdown: --explain shows what was learnt and held back, before what was left out") {
  auto plan = mp::test::export_plan();
  plan.adaptations = {{"ball-release", 0.5, "skipped 3 of 4 times"}};
  plan.held_back = {{"ball-release", "tension-headache", 0.34, {1}}};
  const std::string md = markdown_of(plan, true);
  const auto learnt = md.find(
      "\n## Learnt from your history\n\n"
      "- ball-release x0.5: skipped 3 of 4 times\n");
  const auto held = md.find(
      "\n## Held back (at their share of a goal)\n\n- ball-release: carries its full share of "
      "tension-headache (34% of the weekly target); more of it adds nothing to that goal's "
      "weekly part\n");
  const auto left = md.find("\n## Left out\n");
  REQUIRE(learnt != std::string::npos);
  REQUIRE(held != std::string::npos);
  REQUIRE(left != std::string::npos);
  CHECK(learnt < held);
  CHECK(held < left);
  // Without --explain none of it is shown.
  CHECK(markdown_of(plan).find("## Held back") == std::string::npos);
}
