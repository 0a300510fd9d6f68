#include "figure/parts.hpp"

namespace mp::figure {
namespace {
using M = Measures;
using model::TargetArea;

// Where on the body an area lies: a band of the lower or upper trunk between two heights, a
// spot (centre and radius), or a line along a limb.
struct Patch {
  enum { kLower, kUpper, kSpot, kLine } where = kSpot;
  double from = 0, to = 0;  // heights along the trunk part
  double w = 10, d = 7;     // half width and half depth of the band
  Vec3 a, b;                // spot centre / line ends (world)
  double r = 4;             // spot radius / line half-width
};

Patch band(decltype(Patch::kUpper) where, double from, double to, double w, double d) {
  Patch p;
  p.where = where;
  p.from = from;
  p.to = to;
  p.w = w;
  p.d = d;
  return p;
}

void shade(const Patch& patch, int s, const Pose& p, double depth, std::vector<Shape>& out) {
  Shape sh;
  sh.paint = Paint::kTarget;
  sh.depth = depth;
  if (patch.where == Patch::kLower || patch.where == Patch::kUpper) {
    const Vec3& origin = patch.where == Patch::kLower ? p.pelvis : p.waist;
    const Mat3& frame = patch.where == Patch::kLower ? p.lower_trunk : p.upper_trunk;
    std::vector<Vec3> pts;
    trunk_slice(origin, frame, patch.from, patch.w, patch.d, s, pts);
    trunk_slice(origin, frame, patch.to, patch.w, patch.d, s, pts);
    std::vector<Vec2> flat_pts;
    for (const auto& q : pts) flat_pts.push_back(flat(q));
    sh.kind = Shape::Kind::kPolygon;
    sh.points = convex_hull(flat_pts);
  } else if (patch.where == Patch::kSpot) {
    sh.kind = Shape::Kind::kCircle;
    sh.points = {flat(patch.a)};
    sh.width = patch.r;
  } else {
    sh.kind = Shape::Kind::kStroke;
    sh.points = {flat(patch.a), flat(patch.b)};
    sh.width = patch.r * 2;
  }
  out.push_back(sh);
}

}  // namespace

void add_target(const model::Figure& f, const Pose& p, std::vector<Shape>& out) {
  double trunk_depth = 0;
  for (const auto& s : out)
    if (s.group == kTrunkGroup) trunk_depth = s.depth;
  const double on_trunk = trunk_depth + 0.05;
  const double on_head = p.head.z + 0.05;
  std::vector<int> sides;
  if (f.side == model::BodySide::kBoth)
    sides = {-1, 1};
  else
    sides = {f.side == model::BodySide::kLeft ? 1 : -1};
  const Vec3 neck_top = p.neck + p.upper_trunk * Vec3{0, M::kNeck, 0};
  for (TargetArea area : f.target) {
    for (int s : sides) {
      Patch t;
      auto head_spot = [&](Vec3 local, double r) {
        t.where = Patch::kSpot;
        t.a = p.head + p.head_turn * local;
        t.r = r;
      };
      auto neck_line = [&](double z) {
        t.where = Patch::kLine;
        t.a = p.neck + p.upper_trunk * Vec3{s * 3.0, 1, z};
        t.b = neck_top + p.upper_trunk * Vec3{s * 3.0, 2, z};
        t.r = 2.6;
      };
      double depth = on_trunk;
      switch (area) {
        case TargetArea::kNeck:
        case TargetArea::kScalenes:
          neck_line(0);
          break;
        case TargetArea::kSternocleidomastoid:
        case TargetArea::kDeepNeckFlexors:
          neck_line(3);
          break;
        case TargetArea::kLevatorScapulae:
          t.where = Patch::kLine;
          t.a = neck_top + p.upper_trunk * Vec3{s * 3.0, 0, -2};
          t.b = p.neck + p.upper_trunk * Vec3{s * 10.0, -3, -3};
          t.r = 2.6;
          break;
        case TargetArea::kTrapezius:
        case TargetArea::kShoulders:
          t.where = Patch::kLine;
          t.a = p.neck + p.upper_trunk * Vec3{s * 3.0, 2, -1};
          t.b = p.neck + p.upper_trunk * Vec3{s * (M::kShoulderHalf - 1), -3, -1};
          t.r = 3.2;
          break;
        case TargetArea::kHead:
          head_spot({0, 3, 0}, 7);
          depth = on_head;
          break;
        case TargetArea::kSuboccipitals:
          head_spot({s * 3.0, -6, -6}, 3);
          depth = on_head;
          break;
        case TargetArea::kTemporalis:
          head_spot({s * 8.0, 2, 3}, 3);
          depth = on_head;
          break;
        case TargetArea::kMasseter:
          head_spot({s * 7.0, -6, 5}, 2.8);
          depth = on_head;
          break;
        case TargetArea::kUpperBack:
        case TargetArea::kRhomboids:
          t = band(Patch::kUpper, 11, 20, 12, 8);
          break;
        case TargetArea::kPectorals:
          t = band(Patch::kUpper, 12, 20, 12, 8);
          break;
        case TargetArea::kMidBack:
          t = band(Patch::kUpper, 1, 11, 11, 7.5);
          break;
        case TargetArea::kLatissimusDorsi:
          t = band(Patch::kUpper, 2, 14, 13, 8);
          break;
        case TargetArea::kLowerBack:
        case TargetArea::kErectorSpinae:
        case TargetArea::kQuadratusLumborum:
        case TargetArea::kAbdominals:
          t = band(Patch::kLower, 8, 20, 11, 8);
          break;
        case TargetArea::kSacrum:
          t = band(Patch::kLower, -4, 5, 7, 6);
          break;
        case TargetArea::kGluteus:
        case TargetArea::kPiriformis:
          t.where = Patch::kSpot;
          t.a = p.pelvis + p.lower_trunk * Vec3{s * 8.0, -3, -6};
          t.r = 5;
          break;
        case TargetArea::kHipFlexors: {
          const Leg& l = s > 0 ? p.left_leg : p.right_leg;
          t.where = Patch::kLine;
          t.a = l.hip + p.lower_trunk * Vec3{0, 6, 3};
          t.b = mix(l.hip, l.knee, 0.3);
          t.r = 3.5;
          depth = std::max(on_trunk, l.hip.z + 0.1);
          break;
        }
        case TargetArea::kHamstrings: {
          const Leg& l = s > 0 ? p.left_leg : p.right_leg;
          t.where = Patch::kLine;
          t.a = mix(l.hip, l.knee, 0.2);
          t.b = mix(l.hip, l.knee, 0.85);
          t.r = 4;
          depth = (l.hip.z + l.knee.z) / 2 + 0.1;
          break;
        }
      }
      if (t.where == Patch::kUpper || t.where == Patch::kLower) {
        // a one-sided band is narrower, the body's middle left clear
        shade(t, f.side == model::BodySide::kBoth ? 0 : s, p, depth, out);
        break;  // a band covers both sides at once
      }
      shade(t, s, p, depth, out);
    }
  }
}

}  // namespace mp::figure
