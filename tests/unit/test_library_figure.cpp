// A technique's `figure:` (SPEC §3): read strictly, every problem located with its exact words.
#include <doctest/doctest.h>

#include <array>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "library/figure_reader.hpp"
#include "library/loader.hpp"
#include "model/error.hpp"

using mp::Diagnostic;
using mp::DiagnosticError;
namespace lib = mp::library;
namespace model = mp::model;

namespace {

// One technique (sitting or standing) with the given figure lines after its steps.
std::string with_figure(const std::string& figure) {
  return R"(goals:
  - {id: calm, name: Calm, weekly_target_minutes: 60}
techniques:
  - id: tilt
    name: Tilt
    kind: stretch
    goals: {calm: 0.5}
    duration: {min: 1, max: 3}
    positions: [sitting, standing]
    steps: ["Tilt."]
)" + figure;
}

std::vector<std::string> messages(const std::string& text) {
  std::vector<std::string> out;
  try {
    lib::load_library_text(text, "t.yaml");
  } catch (const DiagnosticError& e) {
    for (const Diagnostic& d : e.diagnostics()) out.push_back(mp::format_diagnostic(d));
  }
  return out;
}

}  // namespace

TEST_CASE("figure: a full figure reads into the model") {
  auto library = lib::load_library_text(with_figure(R"(    figure:
      view: front
      position: standing
      head: {turn: -20, tilt: 35, nod: 10, chin: tucked}
      trunk: rounded
      arms: {right: hand-on-head, left: holding-seat}
      legs: lunge
      props: [chair, band]
      arrows: [{at: head, direction: tilt-right}, {at: right-arm, direction: up}]
      target: [neck, trapezius]
      side: left
)"),
                                        "t.yaml");
  const auto& t = library.techniques.at(0);
  REQUIRE(t.figure.has_value());
  const model::Figure& f = *t.figure;
  CHECK(f.view == model::FigureView::kFront);
  CHECK(f.position == model::Position::kStanding);
  CHECK(f.head == model::HeadPose{-20, 35, 10, true});
  CHECK(f.trunk == model::TrunkPose::kRounded);
  CHECK(f.right_arm == model::ArmPlacement::kHandOnHead);
  CHECK(f.left_arm == model::ArmPlacement::kHoldingSeat);
  CHECK(f.legs == model::LegPose::kLunge);
  CHECK(f.props == std::vector{model::Prop::kChair, model::Prop::kBand});
  REQUIRE(f.arrows.size() == 2);
  CHECK(f.arrows[0] ==
        model::FigureArrow{model::ArrowPlace::kHead, model::ArrowDirection::kTiltRight});
  CHECK(f.arrows[1] ==
        model::FigureArrow{model::ArrowPlace::kRightArm, model::ArrowDirection::kUp});
  CHECK(f.target == std::vector{model::TargetArea::kNeck, model::TargetArea::kTrapezius});
  CHECK(f.side == model::BodySide::kLeft);
  CHECK(f.where.line == 12);  // a block mapping is located at its first key
}

TEST_CASE("figure: the defaults are a front view in the first position, arms at the sides") {
  auto library = lib::load_library_text(with_figure("    figure: {}\n"), "t.yaml");
  const auto& f = library.techniques.at(0).figure;
  REQUIRE(f.has_value());
  CHECK(f->view == model::FigureView::kFront);
  CHECK(f->position == model::Position::kSitting);
  CHECK(f->left_arm == model::ArmPlacement::kAtSide);
  CHECK(f->right_arm == model::ArmPlacement::kAtSide);
  CHECK(f->head == model::HeadPose{});
  CHECK(f->props.empty());
  CHECK(f->side == model::BodySide::kBoth);
}

TEST_CASE("figure: a technique without a figure has no picture") {
  auto library = lib::load_library_text(with_figure(""), "t.yaml");
  CHECK_FALSE(library.techniques.at(0).figure.has_value());
}

TEST_CASE("figure: unknown keys and words are located errors with did-you-mean") {
  SUBCASE("an unknown key of the figure") {
    CHECK(messages(with_figure("    figure: {veiw: side}\n")) ==
          std::vector<std::string>{
              "t.yaml:11:14: error: unknown key 'veiw' in figure\n  hint: did you mean 'view'?"});
  }
  SUBCASE("an unknown view") {
    CHECK(messages(with_figure("    figure: {view: sidee}\n")) ==
          std::vector<std::string>{"t.yaml:11:20: error: unknown figure view 'sidee'\n"
                                   "  hint: did you mean 'side'?"});
  }
  SUBCASE("an unknown arm placement, and a word far from all of them") {
    CHECK(messages(with_figure("    figure: {arms: {left: hand-on-haed, right: juggling}}\n")) ==
          std::vector<std::string>{
              "t.yaml:11:27: error: unknown arm placement 'hand-on-haed'\n"
              "  hint: did you mean 'hand-on-head'?",
              "t.yaml:11:48: error: unknown arm placement 'juggling'\n"
              "  hint: use one of: at-side, hand-on-head, behind-back, hug, at-skull-base, "
              "on-collarbone, forward, overhead, holding-band, on-thigh, holding-seat, "
              "on-shoulder, at-temple, on-jaw, on-forehead, on-neck, behind-head, on-chest, "
              "on-belly, out-to-side, on-floor, on-forearm, holding-knee, under-back, in-lap, "
              "on-door-frame, swinging, y-raise"});
  }
  SUBCASE("an unknown key of the head, an angle out of range and an unknown chin word") {
    CHECK(messages(with_figure("    figure: {head: {tilt: 50, nood: 5, chin: tucket}}\n")) ==
          std::vector<std::string>{
              "t.yaml:11:27: error: head tilt must be between -45 and 45, not 50",
              "t.yaml:11:31: error: unknown key 'nood' in figure head\n"
              "  hint: did you mean 'nod'?",
              "t.yaml:11:46: error: unknown head chin 'tucket'\n  hint: did you mean 'tucked'?"});
  }
  SUBCASE("an unknown prop, a prop twice and an unknown target area") {
    CHECK(messages(with_figure("    figure: {props: [chiar, mat, mat], target: [trapezious]}\n")) ==
          std::vector<std::string>{
              "t.yaml:11:22: error: unknown prop 'chiar'\n  hint: did you mean 'chair'?",
              "t.yaml:11:34: error: prop 'mat' is listed twice",
              "t.yaml:11:49: error: unknown target area 'trapezious'\n"
              "  hint: did you mean 'trapezius'?"});
  }
  SUBCASE("an arrow needs both where and which way") {
    CHECK(
        messages(with_figure("    figure: {arrows: [{at: hed}, {at: neck, direction: lft}]}\n")) ==
        std::vector<std::string>{
            "t.yaml:11:23: error: arrow is missing required key 'direction'",
            "t.yaml:11:28: error: unknown arrow place 'hed'\n  hint: did you mean 'head'?",
            "t.yaml:11:56: error: unknown arrow direction 'lft'\n"
            "  hint: did you mean 'left'?"});
  }
  SUBCASE("more than four arrows") {
    CHECK(messages(with_figure("    figure:\n      arrows: [{at: head, direction: up}, {at: head, "
                               "direction: up}, {at: head, direction: up}, {at: head, "
                               "direction: up}, {at: head, direction: up}]\n")) ==
          std::vector<std::string>{"t.yaml:12:15: error: a figure has at most 4 arrows, not 5\n"
                                   "  hint: draw the main movement; the steps say the rest"});
  }
  SUBCASE("a figure that is not a mapping") {
    CHECK(messages(with_figure("    figure: [front]\n")) ==
          std::vector<std::string>{
              "t.yaml:11:13: error: figure must be a mapping (key: value), not a list"});
  }
}

TEST_CASE("figure: the position is one of the technique's positions") {
  CHECK(messages(with_figure("    figure: {position: kneeling}\n")) ==
        std::vector<std::string>{
            "t.yaml:11:24: error: figure position 'kneeling' is not one of the technique's "
            "positions (sitting, standing)\n"
            "  hint: draw one of the positions the technique lists, or add it to 'positions'"});
  std::string no_positions = with_figure("    figure: {view: side}\n");
  no_positions.replace(no_positions.find("    positions: [sitting, standing]\n"),
                       std::string("    positions: [sitting, standing]\n").size(), "");
  CHECK(messages(no_positions) ==
        std::vector<std::string>{
            "t.yaml:10:13: error: figure needs a position: the technique lists no positions to "
            "take the first of\n  hint: add 'position: sitting' (or another position) to the "
            "figure"});
}

namespace {

// The line of a markdown table row whose first cell is `key` in doc (empty if none).
std::string doc_row(const std::string& doc, const std::string& key) {
  std::string cell = "\n| `";
  cell.append(key).append("` |");
  auto at = doc.find(cell);
  if (at == std::string::npos) return {};
  return doc.substr(at + 1, doc.find('\n', at + 1) - at - 1);
}

// The words not in row as `word`, space-separated (empty when none is missing).
template <std::size_t N>
std::string missing(const std::string& row, const std::array<std::string_view, N>& words) {
  std::string out;
  for (auto w : words) {
    std::string quoted(1, '`');
    quoted.append(w).push_back('`');
    if (row.find(quoted) == std::string::npos) out.append(out.empty() ? "" : " ").append(w);
  }
  return out;
}

}  // namespace

TEST_CASE("figure: docs/library-format.md explains every key and word the reader accepts") {
  std::ifstream in(std::string(MP_SOURCE_DIR) + "/docs/library-format.md");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  const auto begin = doc.find("\n### figure\n");
  REQUIRE(begin != std::string::npos);
  const std::string section = doc.substr(begin, doc.find("\n### ", begin + 1) - begin);
  const std::string none;
  for (auto key : lib::kFigureKeys) {
    CAPTURE(key);
    CHECK_FALSE(doc_row(section, std::string(key)).empty());
  }
  auto row = [&](const char* key) { return doc_row(section, key); };
  CHECK(missing(row("view"), model::kFigureViewNames) == none);
  CHECK(missing(doc_row(doc, "positions"), model::kPositionNames) == none);
  CHECK(missing(row("head"), lib::kHeadKeys) == none);
  CHECK(missing(row("head"), lib::kChinWords) == none);
  CHECK(missing(row("trunk"), model::kTrunkPoseNames) == none);
  CHECK(missing(row("arms"), lib::kArmKeys) == none);
  CHECK(missing(row("arms"), model::kArmPlacementNames) == none);
  CHECK(missing(row("legs"), model::kLegPoseNames) == none);
  CHECK(missing(row("props"), model::kPropNames) == none);
  CHECK(missing(row("arrows"), lib::kArrowKeys) == none);
  CHECK(missing(row("arrows"), model::kArrowPlaceNames) == none);
  CHECK(missing(row("arrows"), model::kArrowDirectionNames) == none);
  CHECK(missing(row("target"), model::kTargetAreaNames) == none);
  CHECK(missing(row("side"), model::kBodySideNames) == none);
  // and says that it is the whole vocabulary, wider than SPEC §3's starting set
  CHECK(section.find("superset of SPEC §3's figure vocabulary") != std::string::npos);
}
