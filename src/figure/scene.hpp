#pragma once
#include <string>
#include <vector>

#include "figure/geometry.hpp"
#include "figure/pose.hpp"
#include "model/figure.hpp"

namespace mp::figure {

/// How a shape is painted; the SVG writer holds the one palette and line weight.
enum class Paint {
  kBody,       ///< skin filled, inked outline
  kTarget,     ///< the worked area, shaded
  kProp,       ///< furniture and things, grey filled, inked outline
  kPropLine,   ///< a prop drawn as a line only (band, wall, floor)
  kHelper,     ///< another person's hands, white filled, inked outline
  kInk,        ///< small solid marks: eyes
  kArrow,      ///< a movement arrow's line
  kArrowHead,  ///< its head, filled
};

/// One thing to draw: a thick round-capped line through points (a limb), a closed polygon
/// (trunk, props, arrowheads) or a circle (head, joints, ball).
struct Shape {
  enum class Kind { kStroke, kPolygon, kCircle } kind = Kind::kStroke;
  Paint paint = Paint::kBody;
  std::vector<Vec2> points;  ///< the line, the polygon's corners, or the circle's centre
  double width = 0;          ///< a stroke's thickness; a circle's radius
  double depth = 0;          ///< nearer the viewer is larger; drawn far to near
  int group = -1;            ///< shapes of one group share one outline (the trunk)
};

/// The figure as shapes, far to near, in world units (cm, y up).
std::vector<Shape> build_scene(const model::Figure& figure);

}  // namespace mp::figure
