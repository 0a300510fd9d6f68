#pragma once
#include "figure/geometry.hpp"
#include "model/figure.hpp"

namespace mp::figure {

/// Body measures in centimetres of a person about 170 cm tall: one body for every figure.
struct Measures {
  static constexpr double kLowerTrunk = 24;  ///< hip joints to the waist
  static constexpr double kUpperTrunk = 26;  ///< waist to the base of the neck
  static constexpr double kShoulderHalf = 17;
  static constexpr double kHipHalf = 8.5;
  static constexpr double kNeck = 9;
  static constexpr double kHeadRadius = 10;
  static constexpr double kUpperArm = 29;
  static constexpr double kForearm = 27;
  static constexpr double kThigh = 43;
  static constexpr double kShin = 44;
};

/// One arm's joints.
struct Arm {
  Vec3 shoulder, elbow, hand;
};
/// One leg's joints.
struct Leg {
  Vec3 hip, knee, ankle, toe;
};

/// A posed body, every point in the world's frame (x right, y up, z towards the viewer), the
/// lowest point resting on the floor at y = 0 (or on the seat for sitting).
struct Pose {
  Vec3 pelvis, waist, neck;                  ///< the spine: hip centre, waist, base of the neck
  Mat3 lower_trunk, upper_trunk, head_turn;  ///< orientations, body frame → world
  Vec3 head;                                 ///< centre of the head
  Arm left_arm, right_arm;
  Leg left_leg, right_leg;
  Vec3 down;         ///< the world's down in nothing but name: (0, -1, 0)
  double floor = 0;  ///< world y of the floor
  double seat = 0;   ///< world y of a chair's seat (sitting)
  Mat3 body;         ///< body frame → world, without the trunk's bend
  double lift = 0;   ///< added to world y after turning a body-frame point by body
  /// A body-frame point (from the pelvis) in the world.
  [[nodiscard]] Vec3 world(Vec3 body_point) const {
    Vec3 r = body * body_point;
    r.y += lift;
    return r;
  }
};

/// Poses the one body as the figure says: position, trunk, legs, arms, head, seen from its view.
Pose pose_body(const model::Figure& figure);

}  // namespace mp::figure
