#include <algorithm>

#include "figure/parts.hpp"

namespace mp::figure {
namespace {
using M = Measures;

Shape stroke(std::vector<Vec3> pts, double width, Paint paint = Paint::kBody) {
  Shape s;
  s.kind = Shape::Kind::kStroke;
  s.paint = paint;
  s.width = width;
  double depth = 0;
  for (const auto& p : pts) {
    s.points.push_back(flat(p));
    depth += p.z;
  }
  s.depth = depth / double(pts.size());
  return s;
}

}  // namespace

std::vector<Vec2> convex_hull(std::vector<Vec2> pts) {
  std::sort(pts.begin(), pts.end(),
            [](Vec2 a, Vec2 b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  if (pts.size() < 3) return pts;
  auto cross = [](Vec2 o, Vec2 a, Vec2 b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  };
  std::vector<Vec2> hull(2 * pts.size());
  std::size_t k = 0;
  for (const auto& p : pts) {
    while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) --k;
    hull[k++] = p;
  }
  for (std::size_t i = pts.size() - 1, t = k + 1; i-- > 0;) {
    while (k >= t && cross(hull[k - 2], hull[k - 1], pts[i]) <= 0) --k;
    hull[k++] = pts[i];
  }
  hull.resize(k - 1);
  return hull;
}

void trunk_slice(const Vec3& origin, const Mat3& frame, double y, double w, double d, int s,
                 std::vector<Vec3>& out) {
  for (int i = 0; i < 12; ++i) {
    double a = radians(30.0 * i);
    double x = std::cos(a) * w, z = std::sin(a) * d;
    if (s != 0) x = s * std::abs(x) * 0.95 + s * 0.5;
    out.push_back(origin + frame * Vec3{x, y, z});
  }
}

void add_body(const model::Figure& f, const Pose& p, std::vector<Shape>& out) {
  // The trunk: pelvis to waist, waist to shoulders, and the neck, sharing one outline.
  auto hull_shape = [&](const std::vector<Vec3>& pts) {
    Shape s;
    s.kind = Shape::Kind::kPolygon;
    std::vector<Vec2> flat_pts;
    double depth = 0;
    for (const auto& q : pts) {
      flat_pts.push_back(flat(q));
      depth += q.z;
    }
    s.points = convex_hull(flat_pts);
    s.depth = depth / double(pts.size());
    s.group = kTrunkGroup;
    return s;
  };
  std::vector<Vec3> lower, upper;
  trunk_slice(p.pelvis, p.lower_trunk, -7, 15, 10, 0, lower);
  trunk_slice(p.pelvis, p.lower_trunk, 2, 16, 10.5, 0, lower);
  trunk_slice(p.pelvis, p.lower_trunk, M::kLowerTrunk, 13.5, 9, 0, lower);
  trunk_slice(p.waist, p.upper_trunk, 0, 13.5, 9, 0, upper);
  trunk_slice(p.waist, p.upper_trunk, 14, 15.5, 10.5, 0, upper);
  trunk_slice(p.waist, p.upper_trunk, M::kUpperTrunk - 4, M::kShoulderHalf + 2, 8, 0, upper);
  trunk_slice(p.waist, p.upper_trunk, M::kUpperTrunk, 8, 6, 0, upper);
  Shape lo = hull_shape(lower), up = hull_shape(upper);
  Shape neck = stroke({p.neck, p.neck + p.upper_trunk * Vec3{0, M::kNeck, 0},
                       p.head + p.head_turn * Vec3{0, -6, -1}},
                      9.5);
  neck.group = kTrunkGroup;
  double trunk_depth = (lo.depth + up.depth) / 2;
  lo.depth = up.depth = neck.depth = trunk_depth;
  out.push_back(lo);
  out.push_back(up);
  out.push_back(neck);

  // Limbs, each its own outline. Folded forward with the forehead down (child's pose), the arms
  // reach past the head along the floor: drawn behind it, so the head stays in sight.
  const bool face_down = dot(p.head_turn * Vec3{0, 0, 1}, Vec3{0, 1, 0}) < -0.5 &&
                         p.head.y < p.floor + M::kHeadRadius + 1;
  for (const Arm* a : {&p.left_arm, &p.right_arm}) {
    const auto placement = a == &p.left_arm ? f.left_arm : f.right_arm;
    std::size_t first = out.size();
    out.push_back(stroke({a->shoulder, a->elbow}, 9.5));
    out.push_back(stroke({a->elbow, a->hand}, 8));
    Shape hand = stroke({a->hand}, 5.2);
    hand.kind = Shape::Kind::kCircle;
    hand.depth = a->hand.z + 0.1;
    out.push_back(hand);
    const Vec3 to_head = p.head - p.neck, to_hand = a->hand - p.neck;
    if (face_down && dot(to_hand, normalized(to_head)) > length(to_head))
      for (std::size_t i = first; i < out.size(); ++i)
        out[i].depth = std::min(out[i].depth, p.head.z - 1);
    // Hands clasped behind the head: the arm goes behind it, so the face stays in sight with
    // the elbow pointing forward past it.
    if (placement == model::ArmPlacement::kBehindHead)
      for (std::size_t i = first; i < out.size(); ++i)
        out[i].depth = std::min(out[i].depth, p.head.z - 0.5);
  }
  for (const Leg* l : {&p.left_leg, &p.right_leg}) {
    Shape thigh = stroke({l->hip, l->knee}, 15);
    thigh.depth = std::min(thigh.depth, trunk_depth - 0.5);  // the hips cover the thigh's top
    if (l->knee.z > l->hip.z + 8) thigh.depth = (l->hip.z + l->knee.z) / 2;
    const Vec2 along{l->knee.x - l->hip.x, l->knee.y - l->hip.y};
    if (l->knee.z > l->hip.z + 0.6 * M::kThigh && std::hypot(along.x, along.y) < 0.4 * M::kThigh) {
      // A thigh coming straight at the viewer (sitting, seen from the front): drawn as the top
      // of the lap seen a little from above, from the hip crease down to a kneecap, so it reads
      // as a thigh and not as a knee alone.
      thigh.points = {flat(l->hip) + Vec2{0, 8}, flat(l->knee) + Vec2{0, -1}};
      thigh.width = 15.5;
      out.push_back(thigh);
      Shape cap = stroke({l->knee + Vec3{0, -3, 0}}, 5);
      cap.kind = Shape::Kind::kCircle;
      cap.depth = l->knee.z + 1;
      out.push_back(cap);
      out.push_back(stroke({l->knee + Vec3{0, -4, 0}, l->ankle}, 11));
      out.push_back(stroke({l->ankle, l->toe}, 7));
      continue;
    }
    out.push_back(thigh);
    out.push_back(stroke({l->knee, l->ankle}, 11));
    out.push_back(stroke({l->ankle, l->toe}, 7));
  }

  // The head: a circle, then the face where it faces the viewer (none seen from behind).
  Shape head;
  head.kind = Shape::Kind::kCircle;
  head.points = {flat(p.head)};
  head.width = M::kHeadRadius;
  head.depth = p.head.z;
  out.push_back(head);
  Vec3 nose = p.head + p.head_turn * Vec3{0, -1.5, M::kHeadRadius + 0.3};
  if (nose.z > p.head.z - 2) {
    Shape n = stroke({nose}, 2.3);
    n.kind = Shape::Kind::kCircle;
    n.depth = head.depth + 0.01;
    out.push_back(n);
  }
  for (double s : {-1.0, 1.0}) {
    Vec3 eye =
        p.head + p.head_turn * normalized(Vec3{s * 0.36, 0.2, 0.91}) * (M::kHeadRadius - 0.6);
    if (eye.z - p.head.z > 2.5) {
      Shape e = stroke({eye}, 1.3, Paint::kInk);
      e.kind = Shape::Kind::kCircle;
      e.depth = head.depth + 0.02;
      out.push_back(e);
    }
  }
  // Hair over the back of the head, so a back view reads as one.
  Vec3 back_of_head = p.head + p.head_turn * Vec3{0, 2, -5};
  if (f.view == model::FigureView::kBack || back_of_head.z < p.head.z - 3) {
    std::vector<Vec2> cap;
    for (int i = 0; i <= 12; ++i) {
      double a = radians(-20 + 220.0 * i / 12);
      cap.push_back(
          flat(p.head + p.head_turn * Vec3{std::cos(a) * 8.5, std::sin(a) * 8.5 + 1, -3}));
    }
    Shape hair;
    hair.kind = Shape::Kind::kStroke;
    hair.paint = Paint::kInk;
    hair.points = cap;
    hair.width = 1.2;
    hair.depth = head.depth + 0.03;
    if (f.view == model::FigureView::kBack) out.push_back(hair);
  }
}

}  // namespace mp::figure
