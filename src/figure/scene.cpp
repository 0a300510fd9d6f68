#include "figure/scene.hpp"

#include <algorithm>

#include "figure/parts.hpp"

namespace mp::figure {

std::vector<Shape> build_scene(const model::Figure& figure) {
  Pose pose = pose_body(figure);
  std::vector<Shape> shapes;
  add_body(figure, pose, shapes);
  add_target(figure, pose, shapes);
  add_props(figure, pose, shapes);
  add_arrows(figure, pose, shapes);
  std::stable_sort(shapes.begin(), shapes.end(),
                   [](const Shape& a, const Shape& b) { return a.depth < b.depth; });
  return shapes;
}

}  // namespace mp::figure
