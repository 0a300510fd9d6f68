// Posing the one body (src/figure/pose.cpp, body.cpp): the drawings a reader would correct.
#include <doctest/doctest.h>

#include <algorithm>
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

TEST_CASE("figure pose: a bridge keeps the arms on the floor beside the body") {
  model::Figure f;
  f.view = model::FigureView::kSide;
  f.position = model::Position::kLyingBack;
  f.trunk = model::TrunkPose::kBridge;
  f.legs = model::LegPose::kKneesBent;
  figure::Pose p = figure::pose_body(f);
  CHECK(p.pelvis.y > 20);  // the hips lifted
  for (const figure::Arm* arm : {&p.left_arm, &p.right_arm}) {
    CHECK(arm->hand.y < 5);                     // on the floor, not in the air by the hips
    CHECK(arm->hand.x > arm->shoulder.x + 30);  // reaching along it towards the feet
  }
}

TEST_CASE("figure pose: hands behind the head point the elbows forward, past a face in sight") {
  model::Figure f;
  f.view = model::FigureView::kSide;
  f.trunk = model::TrunkPose::kArched;
  f.left_arm = f.right_arm = model::ArmPlacement::kBehindHead;
  figure::Pose p = figure::pose_body(f);
  for (const figure::Arm* arm : {&p.left_arm, &p.right_arm}) {
    CHECK(arm->elbow.x > p.head.x + 10);  // in front of the face
    CHECK(arm->hand.x < p.head.x);        // behind the head
  }
  // the head is drawn over both arms (after them, far to near)
  auto scene = figure::build_scene(f);
  std::size_t head = 0, last_arm = 0;
  for (std::size_t i = 0; i < scene.size(); ++i) {
    const auto& s = scene[i];
    if (s.kind == figure::Shape::Kind::kCircle && s.width == M::kHeadRadius) head = i;
    for (const figure::Arm* arm : {&p.left_arm, &p.right_arm})
      if (s.kind == figure::Shape::Kind::kStroke && s.paint == figure::Paint::kBody &&
          std::abs(s.points.back().x - arm->elbow.x) < 0.01 &&
          std::abs(s.points.back().y - arm->elbow.y) < 0.01)
        last_arm = std::max(last_arm, i);
  }
  CHECK(head > last_arm);
}

TEST_CASE("figure pose: lying seen from above lies on its mat, with no floor line across it") {
  model::Figure f;
  f.view = model::FigureView::kFront;
  f.position = model::Position::kLyingBack;
  f.left_arm = f.right_arm = model::ArmPlacement::kOutToSide;
  f.props = {model::Prop::kMat};
  figure::Pose p = figure::pose_body(f);
  int mats = 0;
  for (const auto& s : figure::build_scene(f)) {
    CHECK_FALSE((s.kind == figure::Shape::Kind::kStroke && s.paint == figure::Paint::kPropLine));
    if (s.kind != figure::Shape::Kind::kPolygon || s.paint != figure::Paint::kPropLine) continue;
    ++mats;  // a rectangle behind the whole body
    double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
    for (auto q : s.points) {
      x0 = std::min(x0, q.x), x1 = std::max(x1, q.x), y0 = std::min(y0, q.y),
      y1 = std::max(y1, q.y);
    }
    for (figure::Vec3 q : {p.head, p.left_arm.hand, p.right_arm.hand, p.left_leg.toe})
      CHECK((q.x > x0 && q.x < x1 && q.y > y0 && q.y < y1));
  }
  CHECK(mats == 1);
}

TEST_CASE("figure pose: the cat on all fours humps its back between level hips and shoulders") {
  model::Figure f;
  f.view = model::FigureView::kSide;
  f.position = model::Position::kAllFours;
  f.trunk = model::TrunkPose::kRounded;
  f.left_arm = f.right_arm = model::ArmPlacement::kOnFloor;
  figure::Pose p = figure::pose_body(f);
  CHECK(p.waist.y > p.pelvis.y + 4);  // the back rounds up to the ceiling…
  CHECK(p.waist.y > p.neck.y + 4);
  CHECK(std::abs(p.neck.y - p.pelvis.y) < 6);  // …while the shoulders stay over straight arms
  model::Figure table = f;                     // the flat back, as in the steps' start
  table.trunk = model::TrunkPose::kUpright;
  figure::Pose flat = figure::pose_body(table);
  CHECK(length(p.right_arm.hand - p.right_arm.shoulder) >
        length(flat.right_arm.hand - flat.right_arm.shoulder) - 2);
}
