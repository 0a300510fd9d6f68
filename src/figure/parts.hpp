#pragma once
// The pieces build_scene puts together: one file each for the body, the shaded target, the
// arrows and the props. Internal to the figure module.
#include <vector>

#include "figure/pose.hpp"
#include "figure/scene.hpp"

namespace mp::figure {

/// A world point on the drawing (the view looks along the world's z).
inline Vec2 flat(Vec3 p) { return {p.x, p.y}; }
/// The convex hull of points, counter-clockwise.
std::vector<Vec2> convex_hull(std::vector<Vec2> points);
/// The outline of a slice of the trunk: an ellipse of half-width w and half-depth d at height y
/// of a frame (origin, orientation), as world points; only the side s (+1 left, -1 right, 0
/// both) when s is not 0.
void trunk_slice(const Vec3& origin, const Mat3& frame, double y, double w, double d, int s,
                 std::vector<Vec3>& out);

void add_body(const model::Figure& f, const Pose& p, std::vector<Shape>& out);
void add_target(const model::Figure& f, const Pose& p, std::vector<Shape>& out);
void add_arrows(const model::Figure& f, const Pose& p, std::vector<Shape>& out);
void add_props(const model::Figure& f, const Pose& p, std::vector<Shape>& out);

/// Depth of the trunk's shapes, so the target drawn on it sorts right after it.
inline constexpr int kTrunkGroup = 1;

}  // namespace mp::figure
