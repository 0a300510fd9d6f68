#include <algorithm>

#include "figure/parts.hpp"

namespace mp::figure {
namespace {
using M = Measures;
using model::Prop;

constexpr double kBehind = -1e6;  // props the body rests on or against: drawn first

Shape line(std::vector<Vec3> pts, double width, Paint paint, double depth = kBehind) {
  Shape s;
  s.kind = Shape::Kind::kStroke;
  s.paint = paint;
  s.width = width;
  s.depth = depth;
  for (auto q : pts) s.points.push_back(flat(q));
  return s;
}

Shape box(double x0, double y0, double x1, double y1, Paint paint, double depth = kBehind) {
  Shape s;
  s.kind = Shape::Kind::kPolygon;
  s.paint = paint;
  s.depth = depth;
  s.points = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
  return s;
}

Shape circle(Vec3 c, double r, Paint paint, double depth) {
  Shape s;
  s.kind = Shape::Kind::kCircle;
  s.paint = paint;
  s.width = r;
  s.depth = depth;
  s.points = {flat(c)};
  return s;
}

// The body's extent on the drawing.
struct Extent {
  double left = 1e9, right = -1e9, bottom = 1e9, top = -1e9;
};

Extent extent(const std::vector<Shape>& body) {
  Extent e;
  for (const auto& s : body)
    for (auto q : s.points) {
      e.left = std::min(e.left, q.x - s.width);
      e.right = std::max(e.right, q.x + s.width);
      e.bottom = std::min(e.bottom, q.y - s.width);
      e.top = std::max(e.top, q.y + s.width);
    }
  return e;
}

// Lying seen from above: the floor is behind the body, not under it.
bool from_above(const model::Figure& f) {
  return (f.position == model::Position::kLyingBack && f.view == model::FigureView::kFront) ||
         (f.position == model::Position::kLyingFront && f.view == model::FigureView::kBack);
}

bool lying(model::Position p) {
  return p == model::Position::kLyingBack || p == model::Position::kLyingFront ||
         p == model::Position::kSideLying;
}

}  // namespace

void add_props(const model::Figure& f, const Pose& p, std::vector<Shape>& out) {
  const auto [left, right, bottom, top] = extent(out);
  const bool side = f.view == model::FigureView::kSide;
  const Mat3& R = p.upper_trunk;
  bool on_table = false;
  for (Prop prop : f.props) {
    switch (prop) {
      case Prop::kChair: {
        // seat, backrest and legs in the body's frame, under and behind the pelvis
        auto at = [&](double x, double y, double z) { return p.world(Vec3{x, y, z}); };
        const double seat = -11, back = -16, front = 22, half = 21;
        double floor_y = -p.lift;
        auto to_floor = [&](Vec3 q) { return Vec3{q.x, 0, q.z}; };
        (void)floor_y;
        for (double x : {half, -half}) {
          for (double z : {back, front})
            out.push_back(line({at(x, seat, z), to_floor(at(x, seat, z))}, 2.4, Paint::kPropLine));
        }
        Shape seat_shape;
        std::vector<Vec2> pts;
        for (double x : {half, -half})
          for (double z : {back, front})
            for (double y : {seat, seat - 4}) pts.push_back(flat(at(x, y, z)));
        seat_shape.kind = Shape::Kind::kPolygon;
        seat_shape.paint = Paint::kProp;
        seat_shape.points = convex_hull(pts);
        seat_shape.depth = kBehind + 1;
        out.push_back(seat_shape);
        if (f.view == model::FigureView::kSide) {  // from the front or behind it hides nothing of
                                                   // use, and from behind it would hide the back
          std::vector<Vec2> bpts;
          for (double x : {half, -half})
            for (double y : {seat, seat + 42}) bpts.push_back(flat(at(x, y, back)));
          bpts.push_back(flat(at(half, seat + 42, back - 3)));
          Shape rest;
          rest.kind = Shape::Kind::kPolygon;
          rest.paint = Paint::kProp;
          rest.points = convex_hull(bpts);
          rest.depth = kBehind + 2;
          out.push_back(rest);
        }
        break;
      }
      case Prop::kWall: {
        double x = side ? flat(p.neck + R * Vec3{0, -6, -16}).x : 0;
        if (side)
          out.push_back(box(x - 5, -2, x, 200, Paint::kProp));
        else
          out.push_back(box(left - 12, 0, right + 12, 200, Paint::kPropLine, kBehind - 3));
        break;
      }
      case Prop::kDoorway: {
        double x0 = std::min(p.left_arm.hand.x, p.right_arm.hand.x) - 6;
        double x1 = std::max(p.left_arm.hand.x, p.right_arm.hand.x) + 6;
        // seen from the side: the near post just behind the near forearm, which rests on it
        const Arm& near = p.left_arm.elbow.z > p.right_arm.elbow.z ? p.left_arm : p.right_arm;
        if (side) x0 = x1 = near.elbow.x - 2;
        out.push_back(box(x0 - 5, 0, x0, 205, Paint::kProp, side ? near.elbow.z - 1 : kBehind));
        if (!side) {
          out.push_back(box(x1, 0, x1 + 5, 205, Paint::kProp));
          out.push_back(box(x0 - 5, 205, x1 + 5, 210, Paint::kProp));
        }
        break;
      }
      case Prop::kBall: {
        bool low = std::find(f.target.begin(), f.target.end(), model::TargetArea::kLowerBack) !=
                   f.target.end();
        double s = f.side == model::BodySide::kLeft ? 1 : -1;
        Vec3 c = low ? p.pelvis + p.lower_trunk * Vec3{s * 6, 14, -14}
                     : p.waist + R * Vec3{s * 7, 16, -14};
        out.push_back(circle(c, 4.2, Paint::kProp, f.view == model::FigureView::kBack ? 1e5 : c.z));
        break;
      }
      case Prop::kFoamRoller: {
        Vec3 c = p.waist + R * Vec3{0, 14, -17};
        if (side)
          out.push_back(circle(c, 7.5, Paint::kProp, kBehind + 2));
        else
          out.push_back(line({c + R * Vec3{-28, 0, 0}, c + R * Vec3{28, 0, 0}}, 15, Paint::kProp));
        break;
      }
      case Prop::kTowelRoll: {
        Vec3 a = p.waist + R * Vec3{0, 0, -12}, b = p.waist + R * Vec3{0, M::kUpperTrunk, -12};
        out.push_back(line({a, b}, 6, Paint::kProp));
        break;
      }
      case Prop::kBand: {
        Vec3 hands = mix(p.left_arm.hand, p.right_arm.hand, 0.5);
        Vec3 anchor = hands + p.body * Vec3{0, 2, 45};
        out.push_back(
            line({p.left_arm.hand, anchor, p.right_arm.hand}, 1.8, Paint::kPropLine, 1e5));
        out.push_back(line({anchor - Vec3{0, 40, 0}, anchor + Vec3{0, 25, 0}}, 4, Paint::kProp));
        break;
      }
      case Prop::kMat:
        // seen from above, the floor's rectangle below stands for the mat
        if (!from_above(f)) out.push_back(box(left - 8, -2.5, right + 8, 0, Paint::kProp));
        break;
      case Prop::kPillow: {
        Vec3 c = f.position == model::Position::kLyingFront
                     ? p.pelvis + p.lower_trunk * Vec3{0, 14, 13}
                     : p.head + Vec3{0, -M::kHeadRadius - 2.5, 0};
        if (!lying(f.position)) c = p.waist + R * Vec3{0, 6, 14};
        out.push_back(line({c - Vec3{8, 0, 0}, c + Vec3{8, 0, 0}}, 6, Paint::kProp, kBehind + 3));
        break;
      }
      case Prop::kTable: {
        on_table = true;
        out.push_back(box(left - 6, -5, right + 6, 0, Paint::kProp));
        out.push_back(box(left, -62, left + 4, -5, Paint::kProp));
        out.push_back(box(right - 4, -62, right, -5, Paint::kProp));
        break;
      }
      case Prop::kHeatPack: {
        Vec3 a = p.neck + R * Vec3{-11, -2, -9}, b = p.neck + R * Vec3{11, -2, -9};
        out.push_back(
            line({a, b}, 7, Paint::kProp, f.view == model::FigureView::kFront ? kBehind + 3 : 1e5));
        break;
      }
      case Prop::kHelperHands: {
        // another person's hands on the worked place, coming from above and behind
        Vec3 c = p.neck + R * Vec3{0, -4, 0};
        if (!f.target.empty() && (f.target.front() == model::TargetArea::kLowerBack ||
                                  f.target.front() == model::TargetArea::kMidBack))
          c = p.waist;
        for (double s : {-1.0, 1.0}) {
          Vec3 hand = lying(f.position) ? c + Vec3{s * 9, 9, 0} : c + R * Vec3{s * 11, 3, -6};
          Vec3 wrist = hand + Vec3{s * 4 + 9, 15, 5};
          out.push_back(line({wrist, hand}, 7.5, Paint::kHelper, 1e5));
          out.push_back(circle(hand, 4.8, Paint::kHelper, 1e5 + 1));
        }
        break;
      }
    }
  }
  // The floor, unless something else carries the body: a line under it, or seen from above a
  // rectangle behind it (the floor or the mat on it), longer than the body as a mat is.
  if (on_table) return;
  if (from_above(f))
    out.push_back(box(left - 16, bottom - 4, right + 16, top + 4, Paint::kPropLine, kBehind - 3));
  else
    out.push_back(line({Vec3{left - 14, -0.5, 0}, Vec3{right + 14, -0.5, 0}}, 1.6, Paint::kPropLine,
                       kBehind - 2));
}

}  // namespace mp::figure
