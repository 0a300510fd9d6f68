#include <algorithm>
#include <cmath>
#include <utility>

#include "figure/parts.hpp"

namespace mp::figure {
namespace {
using M = Measures;
using model::ArrowDirection;
using model::ArrowPlace;

constexpr double kArrowDepth = 1e6;  // arrows are drawn over everything

// A line through points with a head at its end (and at its start when both_ends).
void arrow_line(std::vector<Vec2> pts, bool both_ends, std::vector<Shape>& out) {
  if (pts.size() < 2) return;
  Shape line;
  line.kind = Shape::Kind::kStroke;
  line.paint = Paint::kArrow;
  line.width = 2.6;
  line.depth = kArrowDepth;
  auto head = [&](Vec2 tip, Vec2 from) {
    double dx = tip.x - from.x, dy = tip.y - from.y;
    double l = std::hypot(dx, dy);
    if (l < 1e-6) return;
    dx /= l;
    dy /= l;
    const double len = 7.5, half = 4.5;
    Shape h;
    h.kind = Shape::Kind::kPolygon;
    h.paint = Paint::kArrowHead;
    h.depth = kArrowDepth + 1;
    h.points = {{tip.x + dx * 2, tip.y + dy * 2},
                {tip.x - dx * len - dy * half, tip.y - dy * len + dx * half},
                {tip.x - dx * len + dy * half, tip.y - dy * len - dx * half}};
    out.push_back(h);
  };
  line.points = pts;
  // shorten the line under the heads so the point stays sharp
  auto pull = [](Vec2& end, Vec2 from) {
    double dx = end.x - from.x, dy = end.y - from.y, l = std::hypot(dx, dy);
    if (l > 6) {
      end.x -= dx / l * 5;
      end.y -= dy / l * 5;
    }
  };
  pull(line.points.back(), pts[pts.size() - 2]);
  if (both_ends) pull(line.points.front(), pts[1]);
  out.push_back(line);
  head(pts.back(), pts[pts.size() - 2]);
  if (both_ends) head(pts.front(), pts[1]);
}

// An arc of points: centre + frame * (cos a * u + sin a * v) * r, for a from a0 to a1 degrees.
std::vector<Vec2> arc(Vec3 centre, Vec3 u, Vec3 v, double r, double a0, double a1) {
  std::vector<Vec2> pts;
  for (int i = 0; i <= 16; ++i) {
    double a = radians(a0 + (a1 - a0) * i / 16.0);
    pts.push_back(flat(centre + (u * std::cos(a) + v * std::sin(a)) * r));
  }
  return pts;
}

double spread(const std::vector<Vec2>& pts) {
  double minx = 1e9, maxx = -1e9, miny = 1e9, maxy = -1e9;
  for (auto q : pts) {
    minx = std::min(minx, q.x);
    maxx = std::max(maxx, q.x);
    miny = std::min(miny, q.y);
    maxy = std::max(maxy, q.y);
  }
  return std::max(maxx - minx, maxy - miny);
}

}  // namespace

void add_arrows(const model::Figure& f, const Pose& p, std::vector<Shape>& out) {
  const Mat3& R = p.upper_trunk;
  const Vec3 neck_top = p.neck + R * Vec3{0, M::kNeck, 0};
  const Vec2 centre = flat(mix(p.pelvis, p.neck, 0.5));
  for (const auto& arrow : f.arrows) {
    // Where: a point of the body, and the body frame there.
    Vec3 at;
    Mat3 frame = R;
    switch (arrow.at) {
      case ArrowPlace::kHead:
        at = p.head;
        frame = p.head_turn;
        break;
      case ArrowPlace::kChin:
        at = p.head + p.head_turn * Vec3{0, -9, 6};
        frame = p.head_turn;
        break;
      case ArrowPlace::kNeck:
        at = neck_top;
        break;
      case ArrowPlace::kShoulders:
        at = p.neck + R * Vec3{0, -3, 0};
        break;
      case ArrowPlace::kUpperBack:
        at = p.waist + R * Vec3{0, 17, -10};
        break;
      case ArrowPlace::kMidBack:
        at = p.waist + R * Vec3{0, 4, -10};
        break;
      case ArrowPlace::kLowerBack:
        at = p.pelvis + p.lower_trunk * Vec3{0, 12, -10};
        frame = p.lower_trunk;
        break;
      case ArrowPlace::kPelvis:
        at = p.pelvis;
        frame = p.lower_trunk;
        break;
      case ArrowPlace::kChest:
        at = p.waist + R * Vec3{0, 15, 10};
        break;
      case ArrowPlace::kBelly:
        at = p.pelvis + p.lower_trunk * Vec3{0, 12, 11};
        frame = p.lower_trunk;
        break;
      case ArrowPlace::kLeftArm:
        at = p.left_arm.elbow;
        break;
      case ArrowPlace::kRightArm:
        at = p.right_arm.elbow;
        break;
      case ArrowPlace::kLeftHand:
        at = p.left_arm.hand;
        break;
      case ArrowPlace::kRightHand:
        at = p.right_arm.hand;
        break;
      case ArrowPlace::kKnees:
        at = mix(p.left_leg.knee, p.right_leg.knee, 0.5);
        frame = p.body;
        break;
      case ArrowPlace::kLeftLeg:
        at = p.left_leg.knee;
        frame = p.body;
        break;
      case ArrowPlace::kRightLeg:
        at = p.right_leg.knee;
        frame = p.body;
        break;
    }
    const Vec3 X = frame * Vec3{1, 0, 0}, Y = frame * Vec3{0, 1, 0}, Z = frame * Vec3{0, 0, 1};
    // Straight arrows stand off the body, beside the place, away from the trunk's middle.
    Vec2 a2 = flat(at);
    double ox = a2.x - centre.x, oy = a2.y - centre.y, ol = std::hypot(ox, oy);
    Vec3 off = ol > 4 ? Vec3{ox / ol * 13, oy / ol * 13, 0} : Vec3{13, 0, 0};
    auto straight = [&](Vec3 dir, bool both) {
      Vec3 d = dir * 14;
      std::vector<Vec2> pts{flat(at + off - d), flat(at + off + d)};
      if (spread(pts) < 8) {  // it points at the viewer: a press mark instead
        pts = {flat(at + off + Vec3{8, 8, 0}), flat(at + Vec3{2.5, 2.5, 0})};
        both = false;
      }
      arrow_line(pts, both, out);
    };
    const double r = arrow.at == ArrowPlace::kHead ? M::kHeadRadius + 7 : 12;
    switch (arrow.direction) {
      case ArrowDirection::kUp:
        straight(Y, false);
        break;
      case ArrowDirection::kDown:
        straight(Y * -1, false);
        break;
      case ArrowDirection::kLeft:
        straight(X, false);
        break;
      case ArrowDirection::kRight:
        straight(X * -1, false);
        break;
      case ArrowDirection::kForward:
        straight(Z, false);
        break;
      case ArrowDirection::kBackward:
        straight(Z * -1, false);
        break;
      case ArrowDirection::kUpDown:
        straight(Y, true);
        break;
      case ArrowDirection::kTiltLeft:
      case ArrowDirection::kTiltRight: {
        double s = arrow.direction == ArrowDirection::kTiltLeft ? 1 : -1;
        Vec3 c = arrow.at == ArrowPlace::kHead ? neck_top : at;
        Vec3 up = R * Vec3{0, 1, 0}, side = R * Vec3{s, 0, 0};
        double rr = arrow.at == ArrowPlace::kHead ? 2 * M::kHeadRadius + 8 : r;
        auto pts = arc(c, up, side, rr, -10, 38);
        if (spread(pts) < 8) pts = arc(c, up, R * Vec3{0, 0, 1}, rr, -10, 38);
        arrow_line(pts, false, out);
        break;
      }
      case ArrowDirection::kTurnLeft:
      case ArrowDirection::kTurnRight: {
        double s = arrow.direction == ArrowDirection::kTurnLeft ? 1 : -1;
        Vec3 c = at + Y * (arrow.at == ArrowPlace::kHead ? M::kHeadRadius + 5 : 0);
        auto pts =
            arc(c, Z, X * s, arrow.at == ArrowPlace::kHead ? M::kHeadRadius + 3 : 22, -40, 80);
        if (spread(pts) < 8) pts = arc(c, Z, Y, r, -40, 80);
        arrow_line(pts, false, out);
        break;
      }
      case ArrowDirection::kNodDown:
      case ArrowDirection::kNodUp: {
        Vec3 c = p.head + p.head_turn * Vec3{0, -2, 0};
        Vec3 fwd = p.head_turn * Vec3{0, 0, 1}, up = p.head_turn * Vec3{0, 1, 0};
        auto pts = arc(c, up, fwd, M::kHeadRadius + 7, 40, 120);
        if (arrow.direction == ArrowDirection::kNodUp) std::reverse(pts.begin(), pts.end());
        if (spread(pts) < 8) {
          Vec3 side = p.head_turn * Vec3{-1, 0, 0};
          Vec3 top = c + side * (M::kHeadRadius + 7);
          pts = {flat(top + up * 6), flat(top - up * 8)};
          if (arrow.direction == ArrowDirection::kNodUp) std::swap(pts[0], pts[1]);
        }
        arrow_line(pts, false, out);
        break;
      }
      case ArrowDirection::kPress: {
        // from outside the body at that place: behind it for the back, else in front
        bool back = arrow.at == ArrowPlace::kShoulders || arrow.at == ArrowPlace::kUpperBack ||
                    arrow.at == ArrowPlace::kMidBack || arrow.at == ArrowPlace::kLowerBack ||
                    arrow.at == ArrowPlace::kPelvis || arrow.at == ArrowPlace::kNeck;
        Vec3 n = Z * (back ? -1.0 : 1.0);
        std::vector<Vec2> pts{flat(at + n * 22 + Vec3{0, 10, 0}), flat(at + n * 6)};
        if (spread(pts) < 8) pts = {flat(at + Vec3{10, 12, 0}), flat(at + Vec3{2, 3, 0})};
        arrow_line(pts, false, out);
        break;
      }
      case ArrowDirection::kCircle: {
        Vec3 c = at + off * 0.8;
        auto pts = arc(c, Vec3{1, 0, 0}, Vec3{0, 1, 0}, 6.5, 0, 290);
        arrow_line(pts, false, out);
        break;
      }
      case ArrowDirection::kExpand: {
        for (double s : {-1.0, 1.0}) {
          Vec3 d = Z * s;
          auto pts = std::vector<Vec2>{flat(at + d * 6), flat(at + d * 18)};
          if (spread(pts) < 8) pts = {flat(at + X * (s * 6)), flat(at + X * (s * 18))};
          arrow_line(pts, false, out);
        }
        break;
      }
    }
  }
}

}  // namespace mp::figure
