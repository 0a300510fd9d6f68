#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "figure/figure.hpp"
#include "figure/scene.hpp"
#include "model/markup.hpp"

namespace mp::figure {
namespace {

// The one palette and line weight of every figure; each colour differs from the others in
// lightness too, so a greyscale print keeps them apart.
constexpr double kLine = 2.2;
constexpr std::string_view kInk = "#2b2b2b";
constexpr std::string_view kSkin = "#f6e7d8";
constexpr std::string_view kTarget = "#d2602a";
constexpr std::string_view kProp = "#c9d1d9";
constexpr std::string_view kPropLine = "#7d8790";
constexpr std::string_view kBackdrop = "#eef1f4";
constexpr std::string_view kHelper = "#ffffff";
constexpr std::string_view kArrow = "#1d4f9c";
constexpr double kRound = 3;  // the trunk's corner rounding

std::string num(double v) {
  double r = std::round(v * 10) / 10;
  if (r == 0) r = 0;  // no "-0"
  return fmt::format("{}", r);
}

std::string points(const std::vector<Vec2>& pts) {
  std::string out;
  for (const auto& q : pts) {
    if (!out.empty()) out += ' ';
    out += num(q.x) + ',' + num(-q.y);
  }
  return out;
}

std::string stroke_el(const Shape& s, std::string_view colour, double width) {
  if (s.points.size() == 1)
    return fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"/>", num(s.points[0].x),
                       num(-s.points[0].y), num(width / 2), colour);
  return fmt::format(
      "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" "
      "stroke-linecap=\"round\" stroke-linejoin=\"round\"/>",
      points(s.points), colour, num(width));
}

std::string polygon_el(const Shape& s, std::string_view fill, std::string_view stroke,
                       double width) {
  return fmt::format(
      "<polygon points=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\" "
      "stroke-linejoin=\"round\"/>",
      points(s.points), fill, stroke, num(width));
}

std::string circle_el(const Shape& s, std::string_view fill, std::string_view stroke) {
  return fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"{}/>", num(s.points[0].x),
                     num(-s.points[0].y), num(s.width), fill,
                     stroke.empty()
                         ? std::string()
                         : fmt::format(" stroke=\"{}\" stroke-width=\"{}\"", stroke, num(kLine)));
}

// An outlined filled shape: the outline pass (ink, wider) and the fill pass.
std::string outline(const Shape& s) {
  switch (s.kind) {
    case Shape::Kind::kStroke:
      return stroke_el(s, kInk, s.width + 2 * kLine);
    case Shape::Kind::kPolygon:
      return polygon_el(s, kInk, kInk, 2 * kRound + 2 * kLine);
    case Shape::Kind::kCircle: {
      Shape bigger = s;
      bigger.width += kLine;
      return circle_el(bigger, kInk, "");
    }
  }
  return {};
}
std::string fill(const Shape& s, std::string_view colour) {
  switch (s.kind) {
    case Shape::Kind::kStroke:
      return stroke_el(s, colour, s.width);
    case Shape::Kind::kPolygon:
      return polygon_el(s, colour, colour, 2 * kRound);
    case Shape::Kind::kCircle:
      return circle_el(s, colour, "");
  }
  return {};
}

std::string paint(const Shape& s) {
  switch (s.paint) {
    case Paint::kBody:
      return outline(s) + fill(s, kSkin);
    case Paint::kHelper:
      return outline(s) + fill(s, kHelper);
    case Paint::kProp:
      if (s.kind == Shape::Kind::kPolygon) return polygon_el(s, kProp, kInk, kLine);
      if (s.kind == Shape::Kind::kCircle) return circle_el(s, kProp, kInk);
      return outline(s) + fill(s, kProp);
    case Paint::kPropLine:
      if (s.kind == Shape::Kind::kPolygon) return polygon_el(s, kBackdrop, kBackdrop, 0);
      return stroke_el(s, kPropLine, s.width);
    case Paint::kTarget:
      if (s.kind == Shape::Kind::kPolygon) return polygon_el(s, kTarget, kTarget, 2);
      return fill(s, kTarget);
    case Paint::kInk:
      if (s.kind == Shape::Kind::kCircle) return circle_el(s, kInk, "");
      return stroke_el(s, kInk, s.width);
    case Paint::kArrow:
      return stroke_el(s, kArrow, s.width);
    case Paint::kArrowHead:
      return polygon_el(s, kArrow, kArrow, 1);
  }
  return {};
}

struct Box {
  double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
  void add(Vec2 q, double pad) {
    x0 = std::min(x0, q.x - pad);
    x1 = std::max(x1, q.x + pad);
    y0 = std::min(y0, -q.y - pad);
    y1 = std::max(y1, -q.y + pad);
  }
};

}  // namespace

std::string render_svg(const model::Figure& figure, std::string_view name) {
  std::vector<Shape> shapes = build_scene(figure);
  Box box;
  for (const auto& s : shapes) {
    double pad = s.kind == Shape::Kind::kCircle   ? s.width + kLine
                 : s.kind == Shape::Kind::kStroke ? s.width / 2 + kLine
                                                  : kRound + kLine;
    for (auto q : s.points) box.add(q, pad);
  }
  const double margin = 4;
  box.x0 -= margin;
  box.y0 -= margin;
  box.x1 += margin;
  box.y1 += margin;
  const std::string text = model::escape_markup(describe(figure, name));
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{} {} {} {}\" width=\"{}\" "
      "height=\"{}\" role=\"img\" aria-label=\"{}\" class=\"figure\">\n<title>{}</title>\n",
      num(box.x0), num(box.y0), num(box.x1 - box.x0), num(box.y1 - box.y0), num(box.x1 - box.x0),
      num(box.y1 - box.y0), text, text);
  for (std::size_t i = 0; i < shapes.size();) {
    if (shapes[i].group >= 0) {  // a group: every outline first, then every fill
      std::size_t end = i;
      while (end < shapes.size() && shapes[end].group == shapes[i].group) ++end;
      for (std::size_t k = i; k < end; ++k) out += outline(shapes[k]) + '\n';
      for (std::size_t k = i; k < end; ++k) out += fill(shapes[k], kSkin) + '\n';
      i = end;
      continue;
    }
    out += paint(shapes[i]) + '\n';
    ++i;
  }
  out += "</svg>\n";
  return out;
}

}  // namespace mp::figure
