// Posing the one body (src/figure/pose.cpp, body.cpp): the drawings a reader would correct.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "figure/pose.hpp"
#include "figure/scene.hpp"

namespace model = mp::model;
namespace figure = mp::figure;
using M = figure::Measures;

namespace {

// Seen from the side the person faces the viewer's right (+x).
model::Figure childs_pose() {
  model::Figure f;
  f.view = model::FigureView::kSide;
  f.position = model::Position::kKneeling;
  f.trunk = model::TrunkPose::kLeanForward;
  f.legs = model::LegPose::kSitBack;
  f.left_arm = f.right_arm = model::ArmPlacement::kOverhead;
  return f;
}

double flat_length(figure::Vec3 a, figure::Vec3 b) { return std::hypot(a.x - b.x, a.y - b.y); }

}  // namespace

TEST_CASE("figure pose: child's pose kneels on the shins, hips up, forehead and hands on the mat") {
  figure::Pose p = figure::pose_body(childs_pose());
  for (const figure::Leg* leg : {&p.left_leg, &p.right_leg}) {
    CHECK(leg->knee.y < 10);                 // the knees on the mat
    CHECK(leg->ankle.y < 10);                // the shins flat on it
    CHECK(leg->ankle.x < leg->knee.x - 30);  // the feet behind the knees
    CHECK(p.pelvis.y > leg->knee.y + 12);    // the hips back and up, over the heels
    CHECK(std::abs(p.pelvis.x - leg->ankle.x) < 12);
    CHECK(p.head.x > leg->knee.x + 10);  // the head beyond the knees
  }
  CHECK(p.head.y == doctest::Approx(M::kHeadRadius).epsilon(0.1));  // forehead to the mat
  CHECK(p.pelvis.y > p.neck.y);                                     // the back slopes down
  for (const figure::Arm* arm : {&p.left_arm, &p.right_arm}) {
    CHECK(arm->hand.y < 5);              // the hands rest on the mat…
    CHECK(arm->hand.x > p.head.x + 10);  // …reaching forward past the head
    CHECK(arm->elbow.y > -1);            // and no arm goes through the floor
  }
}

TEST_CASE("figure pose: the doorway stretch's forearms stand on the frame, seen at length") {
  model::Figure f;
  f.view = model::FigureView::kSide;
  f.position = model::Position::kStanding;
  f.left_arm = f.right_arm = model::ArmPlacement::kOnDoorFrame;
  figure::Pose p = figure::pose_body(f);
  for (const figure::Arm* arm : {&p.left_arm, &p.right_arm}) {
    CHECK(flat_length(arm->elbow, arm->hand) > 0.9 * M::kForearm);  // upright, not foreshortened
    CHECK(arm->hand.y > arm->elbow.y + 0.9 * M::kForearm);
    CHECK(std::abs(arm->elbow.y - arm->shoulder.y) < 6);  // the elbow at shoulder height
    CHECK(arm->elbow.x < arm->shoulder.x - 10);           // behind the chest, which leans through
    CHECK(flat_length(arm->shoulder, arm->elbow) > 0.4 * M::kUpperArm);  // the upper arm shows
  }
}

TEST_CASE("figure pose: sitting seen from the front draws each thigh, not a knee alone") {
  model::Figure f;
  f.view = model::FigureView::kFront;
  f.position = model::Position::kSitting;
  figure::Pose p = figure::pose_body(f);
  int thighs = 0;
  for (const auto& s : figure::build_scene(f)) {
    if (s.kind != figure::Shape::Kind::kStroke || s.paint != figure::Paint::kBody ||
        s.points.size() != 2)
      continue;
    for (const figure::Leg* leg : {&p.left_leg, &p.right_leg}) {
      const figure::Vec2 top = s.points[0], bottom = s.points[1];
      // from above the hip down to the knee: a shape taller than a kneecap, in front of the hips
      if (std::abs(top.x - leg->hip.x) < 1 && top.y > leg->hip.y + 5 && bottom.y < leg->knee.y &&
          std::abs(bottom.x - leg->knee.x) < 3 && s.depth > p.pelvis.z)
        ++thighs;
    }
  }
  CHECK(thighs == 2);
}
