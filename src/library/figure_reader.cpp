#include "library/figure_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace mp::library {
namespace {

using model::Figure;

constexpr std::size_t kMaxArrows = 4;

template <typename E, std::size_t N>
bool read_one(Reader& r, const Reader::Map& m, std::string_view key, std::string_view what,
              const std::array<std::string_view, N>& names, E& out) {
  const YamlNode* n = m.get(key);
  if (!n) return true;
  auto i = r.read_word(*n, what, names);
  if (i) out = static_cast<E>(*i);
  return i.has_value();
}

template <typename E, std::size_t N>
bool read_list(Reader& r, const Reader::Map& m, std::string_view key, std::string_view item,
               const std::array<std::string_view, N>& names, std::vector<E>& out) {
  const YamlNode* n = m.get(key);
  if (!n) return true;
  auto words = r.read_words(*n, fmt::format("figure {}", key), item, names);
  if (!words) return false;
  for (auto i : *words) out.push_back(static_cast<E>(i));
  return true;
}

bool read_head(Reader& r, const YamlNode& node, model::HeadPose& head) {
  if (!r.expect_map(node, "figure head")) return false;
  Reader::Map m(r, node, "figure head", kHeadKeys);
  std::size_t before = r.error_count();
  auto angle = [&](std::string_view key, int limit, int& out) {
    if (const YamlNode* n = m.get(key))
      if (auto v = r.read_int(*n, fmt::format("head {}", key), -limit, limit))
        out = static_cast<int>(*v);
  };
  angle("turn", 90, head.turn);
  angle("tilt", 45, head.tilt);
  angle("nod", 60, head.nod);
  if (const YamlNode* n = m.get("chin"))
    if (auto i = r.read_word(*n, "head chin", kChinWords)) head.chin_tucked = *i == 1;
  return r.error_count() == before;
}

bool read_arms(Reader& r, const YamlNode& node, Figure& f) {
  if (!r.expect_map(node, "figure arms")) return false;
  Reader::Map m(r, node, "figure arms", kArmKeys);
  bool ok = read_one(r, m, "left", "arm placement", model::kArmPlacementNames, f.left_arm);
  ok &= read_one(r, m, "right", "arm placement", model::kArmPlacementNames, f.right_arm);
  return ok;
}

bool read_arrows(Reader& r, const YamlNode& node, Figure& f) {
  if (!r.expect_list(node, "figure arrows")) return false;
  if (node.children.size() > kMaxArrows) {
    r.error(node,
            fmt::format("a figure has at most {} arrows, not {}", kMaxArrows, node.children.size()),
            "draw the main movement; the steps say the rest");
    return false;
  }
  bool ok = true;
  for (const auto& item : node.children) {
    if (!r.expect_map(item, "an arrow")) {
      ok = false;
      continue;
    }
    Reader::Map m(r, item, "arrow", kArrowKeys);
    model::FigureArrow arrow;
    const YamlNode* at = m.require("at");
    const YamlNode* direction = m.require("direction");
    std::optional<std::size_t> place, way;
    if (at) place = r.read_word(*at, "arrow place", model::kArrowPlaceNames);
    if (direction) way = r.read_word(*direction, "arrow direction", model::kArrowDirectionNames);
    if (!place || !way) {
      ok = false;
      continue;
    }
    arrow.at = static_cast<model::ArrowPlace>(*place);
    arrow.direction = static_cast<model::ArrowDirection>(*way);
    f.arrows.push_back(arrow);
  }
  return ok;
}

std::string position_list(const std::vector<model::Position>& positions) {
  std::vector<std::string_view> words;
  for (auto p : positions) words.push_back(model::name_of(p, model::kPositionNames));
  return fmt::format("{}", fmt::join(words, ", "));
}

bool read_position(Reader& r, const Reader::Map& m, const model::Technique& t, Figure& f) {
  const bool declared = t.positions && !t.positions->empty();
  const YamlNode* n = m.get("position");
  if (!n) {
    if (!declared) {
      r.error(m.node(),
              "figure needs a position: the technique lists no positions to take the first of",
              "add 'position: sitting' (or another position) to the figure");
      return false;
    }
    f.position = t.positions->front();
    return true;
  }
  auto i = r.read_word(*n, "figure position", model::kPositionNames);
  if (!i) return false;
  f.position = static_cast<model::Position>(*i);
  if (declared &&
      std::find(t.positions->begin(), t.positions->end(), f.position) == t.positions->end()) {
    r.error(*n,
            fmt::format("figure position '{}' is not one of the technique's positions ({})",
                        n->value, position_list(*t.positions)),
            "draw one of the positions the technique lists, or add it to 'positions'");
    return false;
  }
  return true;
}

}  // namespace

std::optional<Figure> read_figure(Reader& r, const YamlNode& node,
                                  const model::Technique& technique) {
  if (!r.expect_map(node, "figure")) return std::nullopt;
  Reader::Map m(r, node, "figure", kFigureKeys);
  std::size_t before = r.error_count();
  Figure f;
  f.where = r.at(node);
  read_one(r, m, "view", "figure view", model::kFigureViewNames, f.view);
  read_position(r, m, technique, f);
  if (const YamlNode* n = m.get("head")) read_head(r, *n, f.head);
  read_one(r, m, "trunk", "trunk pose", model::kTrunkPoseNames, f.trunk);
  if (const YamlNode* n = m.get("arms")) read_arms(r, *n, f);
  read_one(r, m, "legs", "leg pose", model::kLegPoseNames, f.legs);
  read_list(r, m, "props", "prop", model::kPropNames, f.props);
  if (const YamlNode* n = m.get("arrows")) read_arrows(r, *n, f);
  read_list(r, m, "target", "target area", model::kTargetAreaNames, f.target);
  read_one(r, m, "side", "target side", model::kBodySideNames, f.side);
  if (r.error_count() != before) return std::nullopt;
  return f;
}

}  // namespace mp::library
