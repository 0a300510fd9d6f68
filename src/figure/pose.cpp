#include "figure/pose.hpp"

#include <algorithm>
#include <utility>

namespace mp::figure {
namespace {

using model::ArmPlacement;
using model::LegPose;
using model::Position;
using model::TrunkPose;
using M = Measures;

// A leg by its joint angles in degrees: hip flexion (thigh forward +), knee flexion (shin back
// +), abduction (out to its own side +) and roll about the body's long axis (to the right +).
struct LegAngles {
  double hip = 0, knee = 0, out = 4, roll = 0;
};

struct LegPair {
  LegAngles left, right;
  bool figure_four = false;  // the worked side's ankle rests on the other knee
};

LegAngles both(double hip, double knee) { return {hip, knee, 4, 0}; }

LegPair legs_of(const model::Figure& f) {
  const bool right_works = f.side != model::BodySide::kLeft;
  LegPair p;
  auto set = [&](LegAngles worked, LegAngles other) {
    p.right = right_works ? worked : other;
    p.left = right_works ? other : worked;
  };
  switch (f.position) {
    case Position::kStanding:
      p.left = p.right = both(0, 0);
      break;
    case Position::kSitting:
      p.left = p.right = both(90, 90);
      break;
    case Position::kLyingBack:
    case Position::kLyingFront:
      p.left = p.right = both(0, 0);
      break;
    case Position::kSideLying:
      p.left = p.right = both(45, 70);
      break;
    case Position::kKneeling:
      p.left = p.right = both(0, 90);
      break;
    case Position::kAllFours:
      p.left = p.right = both(0, 90);
      break;
  }
  switch (f.legs) {
    case LegPose::kDefault:
      break;
    case LegPose::kStraight:
      p.left = p.right = both(0, 0);
      break;
    case LegPose::kKneesBent:
      p.left = p.right = both(45, 105);
      break;
    case LegPose::kOneKneeBent:
      set(both(45, 105), both(0, 0));
      break;
    case LegPose::kKneesToChest:
      p.left = p.right = both(115, 120);
      break;
    case LegPose::kOneKneeToChest:
      set(both(115, 120), both(45, 105));
      break;
    case LegPose::kKneesToSide: {
      LegAngles l = both(45, 105);
      l.roll = right_works ? 40 : -40;
      l.out = 0;
      p.left = p.right = l;
      break;
    }
    case LegPose::kFigureFour:
      p.left = p.right = f.position == Position::kSitting ? both(90, 90) : both(45, 105);
      p.figure_four = true;
      break;
    case LegPose::kLunge:
      set(both(-15, 10), both(25, 25));
      break;
    case LegPose::kKneelingLunge:
      set(both(-15, 75), both(90, 90));
      break;
    case LegPose::kStep:
      set(both(22, 8), both(-15, 20));
      break;
    case LegPose::kSitBack:  // shins flat on the floor, the thighs rising back to the heels
      p.left = p.right = both(65, 155);
      break;
    case LegPose::kLegBack:
      set(both(-90, 0), both(0, 90));
      break;
  }
  return p;
}

// The trunk's bend in degrees: lower and upper part forward (+) and the upper part's turn to the
// person's right (+).
struct TrunkAngles {
  double lower = 0, upper = 0, turn = 0;
};

TrunkAngles trunk_of(const model::Figure& f) {
  TrunkAngles t;
  if (f.position == Position::kAllFours) t = {90, 90, 0};
  switch (f.trunk) {
    case TrunkPose::kUpright:
      break;
    case TrunkPose::kLeanForward:
      // kneeling, the chest rests on the thighs: the lower trunk rises over them from the hips,
      // the upper one curls down so the forehead reaches the mat beyond the knees
      t.lower += f.position == Position::kKneeling ? 86 : 25;
      t.upper += f.position == Position::kKneeling ? 114 : 30;
      break;
    case TrunkPose::kRounded:  // on all fours the back humps up between level shoulders and hips
      t.lower += f.position == Position::kAllFours ? -16 : 8;
      t.upper += f.position == Position::kAllFours ? 16 : 32;
      break;
    case TrunkPose::kArched:  // on all fours the belly sinks between them
      t.lower += f.position == Position::kAllFours ? 10 : -8;
      t.upper += f.position == Position::kAllFours ? -10 : -25;
      break;
    case TrunkPose::kTurned:
      t.turn = f.side == model::BodySide::kLeft ? -35 : 35;
      break;
    case TrunkPose::kPressUp:
      t.lower -= 25;
      t.upper -= 40;
      break;
    case TrunkPose::kBridge:
      t.lower = t.upper = -28;
      break;
    case TrunkPose::kCurlUp:
      t.upper += 25;
      break;
  }
  return t;
}

// Body frame → world: the position lays the body down, the view turns it to the viewer.
Mat3 world_of(const model::Figure& f) {
  using V = model::FigureView;
  const Vec3 X{1, 0, 0}, Y{0, 1, 0}, Z{0, 0, 1};
  const Vec3 nX = X * -1, nY = Y * -1, nZ = Z * -1;
  switch (f.position) {
    case Position::kLyingBack:
      if (f.view == V::kFront) return {Y, nX, Z};  // from above
      return {nZ, nX, Y};
    case Position::kLyingFront:
      if (f.view == V::kBack) return {nY, nX, nZ};  // from above
      return {Z, nX, nY};
    case Position::kSideLying:  // on the left side; on the right with side: right
      if (f.side == model::BodySide::kRight) {
        if (f.view == V::kBack) return {Y, X, nZ};
        return {Y, nX, Z};
      }
      if (f.view == V::kBack) return {nY, nX, nZ};
      return {nY, X, Z};
    default:
      if (f.view == V::kBack) return {nX, Y, nZ};
      if (f.view == V::kSide) return {nZ, Y, X};
      return {};
  }
}

// Two-bone reach: the middle joint of a limb from root to tip, bending towards pole.
Vec3 middle_joint(Vec3 root, Vec3& tip, double a, double b, Vec3 pole) {
  Vec3 to = tip - root;
  double d = length(to);
  Vec3 u = normalized(to);
  if (d >= a + b - 0.01) {  // out of reach: straight towards the target
    tip = root + u * (a + b - 0.01);
    return root + u * a;
  }
  d = std::max(d, std::abs(a - b) + 0.5);
  tip = root + u * d;
  double along = (a * a + d * d - b * b) / (2 * d);
  double across = std::sqrt(std::max(0.0, a * a - along * along));
  Vec3 p = pole - u * dot(pole, u);
  if (length(p) < 1e-6) p = Vec3{0, 0, -1} - u * dot(Vec3{0, 0, -1}, u);
  return root + u * along + normalized(p) * across;
}

struct Frame {
  Vec3 pelvis, waist, neck, head;
  Mat3 lower, upper, head_turn;
  Vec3 down;     // the floor's direction in the body frame
  double floor;  // how far along down the floor is from the pelvis
  Leg left_leg, right_leg;
  bool from_above = false;  // lying seen from above: the floor is behind, not below
  bool bridge = false;      // lying on the back with the hips lifted
};

Arm place_arm(const Frame& b, ArmPlacement placement, double s, const Frame& /*unused*/,
              const Vec3& other_shoulder) {
  const Mat3& R = b.upper;
  const Mat3& H = b.head_turn;
  Arm arm;
  arm.shoulder = b.neck + R * Vec3{s * M::kShoulderHalf, -3, 0};
  const Vec3 S = arm.shoulder;
  const Leg& leg = s > 0 ? b.left_leg : b.right_leg;
  // the knee held is the one nearer the chest
  const Leg& lifted = b.left_leg.knee.y > b.right_leg.knee.y + 1   ? b.left_leg
                      : b.right_leg.knee.y > b.left_leg.knee.y + 1 ? b.right_leg
                                                                   : leg;
  Vec3 tip;
  Vec3 pole{s, 0, -0.3};
  auto on_floor_below = [&](Vec3 p) { return p + b.down * (b.floor - dot(p, b.down) - 3); };
  switch (placement) {
    case ArmPlacement::kAtSide:
      tip = S + R * Vec3{s * 4, -55, 2};
      pole = R * Vec3{0, 0, -1};
      if (b.bridge) {  // the hips lifted, the arms stay straight on the floor beside the body
        const Vec3 feet = b.lower * Vec3{0, -1, 0};
        const Vec3 along = normalized(feet - b.down * dot(feet, b.down));
        const double drop = std::max(0.0, b.floor - 3 - dot(S, b.down));
        tip = S + b.down * drop + along * std::sqrt(std::max(0.0, 54.0 * 54.0 - drop * drop)) +
              R * Vec3{s * 4, 0, 0};
        pole = b.down;
      }
      break;
    case ArmPlacement::kHandOnHead:
      tip = b.head + H * Vec3{-s * 7, 9, 1};
      pole = R * Vec3{s, 0.6, 0};
      break;
    case ArmPlacement::kBehindBack:
      tip = b.waist + R * Vec3{-s * 3, 2, -13};
      pole = R * Vec3{s, 0, -1};
      break;
    case ArmPlacement::kHug:
      tip = other_shoulder + R * Vec3{s * 2, -2, 7};
      pole = R * Vec3{0, -1, 0.8};
      break;
    case ArmPlacement::kAtSkullBase:
      tip = b.head + H * Vec3{s * 3, -6, -9};
      pole = R * Vec3{s, 0.2, 0.4};
      break;
    case ArmPlacement::kOnCollarbone:
      tip = b.neck + R * Vec3{s * 8, -6, 9};
      pole = R * Vec3{s * 0.5, -1, 0};
      break;
    case ArmPlacement::kForward:
      tip = S + R * Vec3{-s * 4, -3, 55};
      pole = R * Vec3{0, -1, 0};
      break;
    case ArmPlacement::kOverhead:
      tip = S + R * Vec3{s * 6, 55, 3};
      pole = R * Vec3{s, 0, 0};
      break;
    case ArmPlacement::kHoldingBand:
      tip = S + R * Vec3{s * 2, -26, 24};
      pole = R * Vec3{s * 0.2, 0, -1};
      break;
    case ArmPlacement::kOnThigh:
      tip = mix(leg.hip, leg.knee, 0.7) + R * Vec3{0, 7, 0};
      pole = R * Vec3{s, 0, -1};
      break;
    case ArmPlacement::kHoldingSeat:
      tip = leg.hip + b.lower * Vec3{s * 14, -8, 4};
      pole = R * Vec3{0, 0, -1};
      break;
    case ArmPlacement::kOnShoulder:
      tip = mix(other_shoulder, b.neck, 0.4) + R * Vec3{0, 3, 2};
      pole = R * Vec3{0, -1, 0.8};
      break;
    case ArmPlacement::kAtTemple:
      tip = b.head + H * Vec3{s * 10, 2, 4};
      pole = R * Vec3{s, -1, 0};
      break;
    case ArmPlacement::kOnJaw:
      tip = b.head + H * Vec3{s * 8, -7, 5};
      pole = R * Vec3{s, -1, 0};
      break;
    case ArmPlacement::kOnForehead:
      tip = b.head + H * Vec3{0, 4, 12};
      pole = R * Vec3{s, -1, 0};
      break;
    case ArmPlacement::kOnNeck:
      tip = b.neck + R * Vec3{s * 5, 6, 6};
      pole = R * Vec3{s * 0.3, -1, 0};
      break;
    case ArmPlacement::kBehindHead:  // hands clasped behind it, elbows forward beside the face
      arm.hand = b.head + H * Vec3{s * 2, -1, -11};
      arm.elbow = b.head + H * Vec3{s * 14, -5, 16};
      return arm;
    case ArmPlacement::kOnChest:
      tip = b.neck + R * Vec3{s * 5, -12, 11};
      pole = R * Vec3{s, -1, 0};
      break;
    case ArmPlacement::kOnBelly:
      tip = b.waist + b.lower * Vec3{s * 3, -4, 12};
      pole = R * Vec3{s, -1, 0};
      break;
    case ArmPlacement::kOutToSide:
      tip = S + R * Vec3{s * 55, -2, 0};
      pole = R * Vec3{0, -1, 0};
      break;
    case ArmPlacement::kOnFloor:
      tip = on_floor_below(S + R * Vec3{s * 3, 4, 0});
      pole = R * Vec3{s, 0, 0} + R * Vec3{0, -1, 0};
      break;
    case ArmPlacement::kOnForearm: {
      arm.elbow = on_floor_below(S);
      arm.hand =
          arm.elbow +
          normalized(R * Vec3{0, 1, 0} - b.down * dot(R * Vec3{0, 1, 0}, b.down)) * M::kForearm;
      return arm;
    }
    case ArmPlacement::kHoldingKnee:
      tip = mix(lifted.hip, lifted.knee, 0.85) + Vec3{s * 3, 0, 0};
      pole = R * Vec3{s, -0.5, 0};
      break;
    case ArmPlacement::kUnderBack:
      tip = b.waist + b.lower * Vec3{s * 5, -4, -10};
      pole = R * Vec3{s, 0, 0};
      break;
    case ArmPlacement::kInLap:
      tip = mix(leg.hip, leg.knee, 0.5) + R * Vec3{-s * 4, 8, 0};
      pole = R * Vec3{s, -0.3, -0.5};
      break;
    case ArmPlacement::kOnDoorFrame:
      // elbows out at shoulder height and a little back: the chest leans through the door
      arm.elbow = S + R * Vec3{s * M::kUpperArm * 0.8, -4, -16};
      arm.hand = arm.elbow + R * Vec3{0, M::kForearm, -2};
      return arm;
    case ArmPlacement::kSwinging:
      tip = S + R * Vec3{s * 4, -50, s * 18};
      pole = R * Vec3{0, 0, -1};
      break;
    case ArmPlacement::kYRaise:
      tip = S + R * Vec3{s * 28, 48, 0};
      pole = R * Vec3{s, 0, 0};
      break;
  }
  // a hand reaching out never goes through the floor: it rests on it as far out (child's pose;
  // seen from above, the drawing's bottom is no floor)
  const bool reaching = placement == ArmPlacement::kOverhead || placement == ArmPlacement::kForward;
  if (double below = dot(tip, b.down) - (b.floor - 3); reaching && below > 0.5 && !b.from_above) {
    const double drop = std::max(0.0, b.floor - 3 - dot(S, b.down));
    const Vec3 out = (tip - S) - b.down * dot(tip - S, b.down);
    const double reach = std::sqrt(std::max(0.0, dot(tip - S, tip - S) - drop * drop));
    tip = length(out) > 1 ? S + b.down * drop + normalized(out) * reach : tip - b.down * below;
    pole = b.down;
  }
  arm.hand = tip;
  arm.elbow = middle_joint(S, arm.hand, M::kUpperArm, M::kForearm, pole);
  return arm;
}

Leg place_leg(double s, const LegAngles& a) {
  Leg leg;
  leg.hip = Vec3{s * M::kHipHalf, 0, 0};
  Mat3 turn = rot_y(-a.roll) * rot_z(s * a.out);
  Vec3 down{0, -1, 0};
  leg.knee = leg.hip + turn * (rot_x(-a.hip) * down) * M::kThigh;
  leg.ankle = leg.knee + turn * (rot_x(-a.hip + a.knee) * down) * M::kShin;
  return leg;
}

}  // namespace

Pose pose_body(const model::Figure& f) {
  const Mat3 W = world_of(f);
  Frame b;
  TrunkAngles t = trunk_of(f);
  b.lower = rot_x(t.lower);
  b.upper = rot_x(t.upper) * rot_y(-t.turn);
  b.pelvis = {};
  b.waist = b.lower * Vec3{0, M::kLowerTrunk, 0};
  b.neck = b.waist + b.upper * Vec3{0, M::kUpperTrunk, 0};
  const double tuck = f.head.chin_tucked ? -3.5 : 0;
  b.head_turn = b.upper * rot_x(f.head.nod + (f.head.chin_tucked ? -6 : 0)) * rot_y(-f.head.turn) *
                rot_z(f.head.tilt);
  Vec3 neck_top = b.neck + b.upper * Vec3{0, M::kNeck * 0.6, tuck};
  b.head = neck_top + b.head_turn * Vec3{0, M::kHeadRadius * 0.95, 1};

  LegPair legs = legs_of(f);
  b.left_leg = place_leg(1, legs.left);
  b.right_leg = place_leg(-1, legs.right);
  if (legs.figure_four) {
    const bool right_works = f.side != model::BodySide::kLeft;
    Leg& worked = right_works ? b.right_leg : b.left_leg;
    const Leg& other = right_works ? b.left_leg : b.right_leg;
    double s = right_works ? -1 : 1;
    Vec3 tip = other.knee + Vec3{0, 8, 0} + (other.knee - other.hip) * 0.05;
    Vec3 pole = f.position == Position::kSitting ? Vec3{s, 0.2, 0.3} : Vec3{s, 0, 0.6};
    worked.knee = middle_joint(worked.hip, tip, M::kThigh, M::kShin, pole);
    worked.ankle = tip;
  }

  // The floor: the lowest of the body along the world's down (the arms reach down to it).
  b.down = W.transposed() * Vec3{0, -1, 0};
  b.bridge = f.trunk == TrunkPose::kBridge;
  b.from_above = (f.position == Position::kLyingBack && f.view == model::FigureView::kFront) ||
                 (f.position == Position::kLyingFront && f.view == model::FigureView::kBack);
  b.floor = -1e9;
  auto touch = [&](Vec3 p, double r) { b.floor = std::max(b.floor, dot(p, b.down) + r); };
  for (const Leg* l : {&b.left_leg, &b.right_leg}) {
    touch(l->ankle, 5);
    touch(l->knee, 7);
  }
  touch(b.pelvis + b.lower * Vec3{0, 0, 11}, 0);
  touch(b.pelvis + b.lower * Vec3{0, 0, -11}, 0);
  touch(b.pelvis + b.lower * Vec3{M::kHipHalf + 6, 0, 0}, 0);
  touch(b.neck + b.upper * Vec3{0, -4, 10}, 0);
  touch(b.neck + b.upper * Vec3{0, -4, -10}, 0);
  touch(b.neck + b.upper * Vec3{M::kShoulderHalf + 3, -4, 0}, 0);
  touch(b.head, M::kHeadRadius);

  Vec3 left_shoulder = b.neck + b.upper * Vec3{M::kShoulderHalf, -3, 0};
  Vec3 right_shoulder = b.neck + b.upper * Vec3{-M::kShoulderHalf, -3, 0};
  Arm left = place_arm(b, f.left_arm, 1, b, right_shoulder);
  Arm right = place_arm(b, f.right_arm, -1, b, left_shoulder);

  // Feet: flat on a near floor, along the shin when it lies on the floor, else square to it.
  for (auto [leg, angles] :
       {std::pair{&b.left_leg, legs.left}, std::pair{&b.right_leg, legs.right}}) {
    Vec3 shin = normalized(leg->ankle - leg->knee);
    Vec3 foot;
    if (std::abs(dot(shin, b.down)) < 0.5) {
      foot = shin;
    } else if (dot(leg->ankle, b.down) > b.floor - 9) {
      foot = Vec3{0, 0, 1} - b.down * dot(Vec3{0, 0, 1}, b.down);
      if (length(foot) < 0.3) foot = Vec3{0, -1, 0} - b.down * dot(Vec3{0, -1, 0}, b.down);
    } else {
      foot = rot_x(-angles.hip + angles.knee) * Vec3{0, 0, 1};
    }
    leg->toe = leg->ankle + normalized(foot) * 10;
  }

  Pose p;
  const double lift = b.floor;  // world y of the floor before shifting is -floor
  auto w = [&](Vec3 v) {
    Vec3 r = W * v;
    r.y += lift;
    return r;
  };
  p.pelvis = w(b.pelvis);
  p.waist = w(b.waist);
  p.neck = w(b.neck);
  p.head = w(b.head);
  p.lower_trunk = W * b.lower;
  p.upper_trunk = W * b.upper;
  p.head_turn = W * b.head_turn;
  p.body = W;
  p.left_arm = {w(left.shoulder), w(left.elbow), w(left.hand)};
  p.right_arm = {w(right.shoulder), w(right.elbow), w(right.hand)};
  p.left_leg = {w(b.left_leg.hip), w(b.left_leg.knee), w(b.left_leg.ankle), w(b.left_leg.toe)};
  p.right_leg = {w(b.right_leg.hip), w(b.right_leg.knee), w(b.right_leg.ankle), w(b.right_leg.toe)};
  p.lift = lift;
  p.down = {0, -1, 0};
  p.floor = 0;
  p.seat = p.pelvis.y - 11;
  return p;
}

}  // namespace mp::figure
