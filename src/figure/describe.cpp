#include <fmt/format.h>

#include "figure/figure.hpp"

namespace mp::figure {
namespace {

using namespace model;

std::string words(std::string_view yaml_word) {
  std::string out(yaml_word);
  for (char& c : out)
    if (c == '-') c = ' ';
  return out;
}

std::string_view position_words(Position p) {
  switch (p) {
    case Position::kSitting:
      return "sitting";
    case Position::kStanding:
      return "standing";
    case Position::kLyingBack:
      return "lying on the back";
    case Position::kLyingFront:
      return "lying face down";
    case Position::kSideLying:
      return "lying on the side";
    case Position::kKneeling:
      return "kneeling";
    case Position::kAllFours:
      return "on hands and knees";
  }
  return "";
}

std::string head_words(const HeadPose& h) {
  std::vector<std::string> parts;
  if (h.turn) parts.push_back(fmt::format("turned to the {}", h.turn > 0 ? "right" : "left"));
  if (h.tilt) parts.push_back(fmt::format("tilted to the {}", h.tilt > 0 ? "right" : "left"));
  if (h.nod) parts.push_back(h.nod > 0 ? "chin down" : "chin up");
  if (h.chin_tucked) parts.push_back("chin tucked");
  if (parts.empty()) return {};
  return fmt::format("head {}", fmt::join(parts, ", "));
}

}  // namespace

std::string describe(const Figure& f, std::string_view name) {
  std::vector<std::string> parts;
  parts.push_back(fmt::format("{}: a person {}, seen from the {}", name, position_words(f.position),
                              name_of(f.view, kFigureViewNames)));
  if (f.trunk != TrunkPose::kUpright)
    parts.push_back(fmt::format("trunk {}", words(name_of(f.trunk, kTrunkPoseNames))));
  if (f.legs != LegPose::kDefault)
    parts.push_back(fmt::format("legs {}", words(name_of(f.legs, kLegPoseNames))));
  if (auto h = head_words(f.head); !h.empty()) parts.push_back(h);
  if (f.left_arm == f.right_arm)
    parts.push_back(fmt::format("both hands {}", words(name_of(f.left_arm, kArmPlacementNames))));
  else
    parts.push_back(fmt::format("left hand {}, right hand {}",
                                words(name_of(f.left_arm, kArmPlacementNames)),
                                words(name_of(f.right_arm, kArmPlacementNames))));
  if (!f.props.empty()) {
    std::vector<std::string> p;
    for (auto prop : f.props) p.push_back(words(name_of(prop, kPropNames)));
    parts.push_back(fmt::format("with {}", fmt::join(p, ", ")));
  }
  for (const auto& a : f.arrows)
    parts.push_back(fmt::format("arrow: {} {}", words(name_of(a.at, kArrowPlaceNames)),
                                words(name_of(a.direction, kArrowDirectionNames))));
  if (!f.target.empty()) {
    std::vector<std::string> t;
    for (auto area : f.target) t.push_back(words(name_of(area, kTargetAreaNames)));
    std::string side = f.side == BodySide::kBoth
                           ? std::string()
                           : fmt::format(" on the {} side", name_of(f.side, kBodySideNames));
    parts.push_back(fmt::format("worked: {}{}", fmt::join(t, ", "), side));
  }
  return fmt::format("{}.", fmt::join(parts, "; "));
}

}  // namespace mp::figure
