// The figure renderer (src/figure): model in, SVG text out.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "figure/figure.hpp"
#include "figure/scene.hpp"

namespace model = mp::model;
namespace figure = mp::figure;

namespace {

model::Figure make(model::Position position, model::FigureView view = model::FigureView::kSide) {
  model::Figure f;
  f.position = position;
  f.view = view;
  return f;
}

// The viewBox's width and height.
std::pair<double, double> box_size(const std::string& svg) {
  auto at = svg.find("viewBox=\"");
  REQUIRE(at != std::string::npos);
  double x = 0, y = 0, w = 0, h = 0;
  REQUIRE(std::sscanf(svg.c_str() + at + 9, "%lf %lf %lf %lf", &x, &y, &w, &h) == 4);
  return {w, h};
}

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("figure svg: a lying figure is wider than tall, a standing one taller than wide") {
  for (auto view :
       {model::FigureView::kFront, model::FigureView::kSide, model::FigureView::kBack}) {
    CAPTURE(static_cast<int>(view));
    for (auto p :
         {model::Position::kLyingBack, model::Position::kLyingFront, model::Position::kSideLying}) {
      auto [w, h] = box_size(figure::render_svg(make(p, view), "x"));
      CHECK(w > h);
    }
    for (auto p :
         {model::Position::kStanding, model::Position::kSitting, model::Position::kKneeling}) {
      auto [w, h] = box_size(figure::render_svg(make(p, view), "x"));
      CHECK(h > w);
    }
  }
}

TEST_CASE("figure svg: the text alternative says what the figure shows") {
  model::Figure f = make(model::Position::kSitting, model::FigureView::kFront);
  f.head.tilt = -35;
  f.left_arm = model::ArmPlacement::kHandOnHead;
  f.right_arm = model::ArmPlacement::kHoldingSeat;
  f.props = {model::Prop::kChair};
  f.arrows = {{model::ArrowPlace::kHead, model::ArrowDirection::kTiltLeft}};
  f.target = {model::TargetArea::kTrapezius, model::TargetArea::kNeck};
  f.side = model::BodySide::kRight;
  const std::string words =
      "Upper trapezius stretch: a person sitting, seen from the front; head tilted to the left; "
      "left hand hand on head, right hand holding seat; with chair; arrow: head tilt left; "
      "worked: trapezius, neck on the right side.";
  CHECK(figure::describe(f, "Upper trapezius stretch") == words);
  std::string svg = figure::render_svg(f, "Upper trapezius stretch");
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=", 0) == 0);
  CHECK(svg.find("role=\"img\" aria-label=\"" + words + "\"") != std::string::npos);
  CHECK(svg.find("<title>" + words + "</title>") != std::string::npos);
  CHECK(svg.substr(svg.size() - 7) == "</svg>\n");
}

TEST_CASE("figure svg: the name is escaped in the title and label") {
  std::string svg = figure::render_svg(make(model::Position::kStanding), "A <b> & \"c\" 'd'");
  const std::string escaped = "A &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;: a person standing";
  CHECK(svg.find("<title>" + escaped) != std::string::npos);
  CHECK(svg.find("aria-label=\"" + escaped) != std::string::npos);
  CHECK(svg.find("<b>") == std::string::npos);
  CHECK(svg.find("'d'") == std::string::npos);
}

TEST_CASE("figure svg: one palette and line weight; arrows and target only when asked") {
  model::Figure plain = make(model::Position::kStanding, model::FigureView::kFront);
  std::string svg = figure::render_svg(plain, "x");
  CHECK(count(svg, "#1d4f9c") == 0);  // the arrow colour
  CHECK(count(svg, "#d2602a") == 0);  // the target colour
  model::Figure marked = plain;
  marked.arrows = {{model::ArrowPlace::kRightArm, model::ArrowDirection::kUp}};
  marked.target = {model::TargetArea::kShoulders};
  std::string svg2 = figure::render_svg(marked, "x");
  CHECK(count(svg2, "#1d4f9c") == 3);  // its line, its head's fill and edge
  CHECK(count(svg2, "#d2602a") == 2);  // both shoulders
  // every stroke colour is one of the palette's
  std::set<std::string> colours;
  for (auto at = svg2.find("=\"#"); at != std::string::npos; at = svg2.find("=\"#", at + 1))
    colours.insert(svg2.substr(at + 2, 7));
  CHECK(colours == std::set<std::string>{"#2b2b2b", "#f6e7d8", "#d2602a", "#1d4f9c", "#7d8790"});
}

TEST_CASE("figure svg: the pose follows the figure") {
  SUBCASE("a head tilted to the left lies to the viewer's right in a front view") {
    model::Figure f = make(model::Position::kStanding, model::FigureView::kFront);
    f.head.tilt = -35;
    auto scene = figure::build_scene(f);
    model::Figure level = make(model::Position::kStanding, model::FigureView::kFront);
    auto level_scene = figure::build_scene(level);
    auto head_x = [](const std::vector<figure::Shape>& shapes) {
      for (const auto& s : shapes)
        if (s.kind == figure::Shape::Kind::kCircle && s.width == 10) return s.points[0].x;
      FAIL("no head");
      return 0.0;
    };
    CHECK(head_x(scene) > head_x(level_scene) + 3);
  }
  SUBCASE("different figures draw differently; the same figure the same") {
    model::Figure a = make(model::Position::kSitting), b = a;
    b.left_arm = model::ArmPlacement::kOverhead;
    CHECK(figure::render_svg(a, "x") == figure::render_svg(a, "x"));
    CHECK(figure::render_svg(a, "x") != figure::render_svg(b, "x"));
  }
}
