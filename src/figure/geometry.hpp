#pragma once
#include <cmath>

namespace mp::figure {

/// A point or direction in 3-D: in the body's frame x is the person's left, y up (head), z
/// forward (where the chest faces); in the world's, x is right, y up and z towards the viewer.
struct Vec3 {
  double x = 0, y = 0, z = 0;
  friend Vec3 operator+(Vec3 a, Vec3 b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
  friend Vec3 operator-(Vec3 a, Vec3 b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
  friend Vec3 operator*(Vec3 a, double k) { return {a.x * k, a.y * k, a.z * k}; }
};

inline double dot(Vec3 a, Vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
inline double length(Vec3 a) { return std::sqrt(dot(a, a)); }
inline Vec3 normalized(Vec3 a) {
  double l = length(a);
  return l > 1e-9 ? a * (1.0 / l) : Vec3{0, 1, 0};
}
inline Vec3 mix(Vec3 a, Vec3 b, double t) { return a + (b - a) * t; }

inline constexpr double kPi = 3.14159265358979323846;
inline double radians(double degrees) { return degrees * kPi / 180.0; }

/// A rotation (or any linear map) as three columns: the images of x, y and z.
struct Mat3 {
  Vec3 cx{1, 0, 0}, cy{0, 1, 0}, cz{0, 0, 1};
  Vec3 operator*(Vec3 v) const { return cx * v.x + cy * v.y + cz * v.z; }
  Mat3 operator*(const Mat3& m) const { return {(*this) * m.cx, (*this) * m.cy, (*this) * m.cz}; }
  [[nodiscard]] Mat3 transposed() const {
    return {{cx.x, cy.x, cz.x}, {cx.y, cy.y, cz.y}, {cx.z, cy.z, cz.z}};
  }
};

/// Right-handed rotations by degrees: about x (+: y towards z, a forward bend), about y (+: z
/// towards x) and about z (+: x towards y).
inline Mat3 rot_x(double deg) {
  double c = std::cos(radians(deg)), s = std::sin(radians(deg));
  return {{1, 0, 0}, {0, c, s}, {0, -s, c}};
}
inline Mat3 rot_y(double deg) {
  double c = std::cos(radians(deg)), s = std::sin(radians(deg));
  return {{c, 0, -s}, {0, 1, 0}, {s, 0, c}};
}
inline Mat3 rot_z(double deg) {
  double c = std::cos(radians(deg)), s = std::sin(radians(deg));
  return {{c, s, 0}, {-s, c, 0}, {0, 0, 1}};
}

/// A point on the drawing, y up (the SVG writer flips it).
struct Vec2 {
  double x = 0, y = 0;
  friend Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
};

}  // namespace mp::figure
