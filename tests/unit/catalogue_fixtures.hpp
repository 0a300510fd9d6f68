#pragma once
// Shared by the catalogue tests: the built-in library, loaded once, and filters over it.
#include <doctest/doctest.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "builtin/builtin.hpp"
#include "model/enums.hpp"
#include "model/error.hpp"
#include "model/library.hpp"

namespace catalogue_test {

using mp::model::Intensity;
using mp::model::Kind;
using mp::model::Library;
using mp::model::Performer;
using mp::model::Technique;

// Loads once; a failure prints every diagnostic so the broken YAML line is easy to find.
inline const Library& builtin() {
  static const Library library = [] {
    try {
      return mp::builtin::load();
    } catch (const mp::DiagnosticError& e) {
      for (const auto& d : e.diagnostics()) MESSAGE(mp::format_diagnostic(d));
      throw;
    }
  }();
  return library;
}

// The built-in techniques that pass keep. A test that loops over them proves nothing when the
// filter matches nothing (a renamed kind, an emptied file), so that fails here.
template <typename Keep>
std::vector<const Technique*> techniques_where(Keep keep) {
  std::vector<const Technique*> out;
  for (const Technique& t : builtin().techniques)
    if (keep(t)) out.push_back(&t);
  REQUIRE_MESSAGE(!out.empty(), "no built-in technique matches the filter");
  return out;
}

inline bool mentions(const std::vector<std::string>& texts, std::string_view word) {
  return std::any_of(texts.begin(), texts.end(), [&](const std::string& s) {
    std::string lower = s;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower.find(word) != std::string::npos;
  });
}

using mp::model::Movement;
using mp::model::Position;
using mp::model::Region;

inline const std::vector<Movement> kNeckMovements = {
    Movement::kNeckFlexion, Movement::kNeckExtension, Movement::kNeckRotation,
    Movement::kNeckSideBend};
inline const std::vector<Movement> kSpineMovements = {
    Movement::kNeckFlexion,  Movement::kNeckExtension, Movement::kNeckRotation,
    Movement::kNeckSideBend, Movement::kSpineFlexion,  Movement::kSpineExtension,
    Movement::kSpineRotation};

inline bool excluded(const Technique& t, std::string_view condition) {
  return std::find(t.contraindications.begin(), t.contraindications.end(), condition) !=
         t.contraindications.end();
}

inline bool is_massage(const Technique& t) {
  return t.kind == Kind::kSelfMassage || t.kind == Kind::kProfessional;
}

inline bool moves(const Technique& t, const std::vector<Movement>& any) {
  if (!t.movements) return true;  // undeclared: the fail-safe reading
  return std::any_of(any.begin(), any.end(), [&](Movement m) {
    return std::find(t.movements->begin(), t.movements->end(), m) != t.movements->end();
  });
}

// Undeclared regions count as every region, as the rules read them (fail-safe).
inline bool works_on(const Technique& t, const std::vector<Region>& any) {
  return !t.regions || std::any_of(any.begin(), any.end(), [&](Region r) {
    return std::find(t.regions->begin(), t.regions->end(), r) != t.regions->end();
  });
}

inline bool lies_on_back(const Technique& t) {
  return !t.positions || std::find(t.positions->begin(), t.positions->end(),
                                   Position::kLyingBack) != t.positions->end();
}

inline bool needs(const Technique& t, std::string_view equipment) {
  return std::find(t.equipment.begin(), t.equipment.end(), equipment) != t.equipment.end();
}

// A technique that works on or moves the neck (breathing and mindfulness only name it).
inline bool neck_technique(const Technique& t) {
  const bool practice = t.kind == Kind::kBreathing || t.kind == Kind::kMindfulness;
  return (!practice && works_on(t, {Region::kNeck})) || moves(t, kNeckMovements);
}

// Every technique `which` selects is contraindicated by `condition`; at least one is selected.
template <typename Pred>
void check_rules_out(std::string_view condition, std::string_view what, Pred which) {
  CAPTURE(condition);
  CAPTURE(what);
  REQUIRE(builtin().find_condition(condition) != nullptr);
  int selected = 0;
  for (const Technique& t : builtin().techniques) {
    if (!which(t)) continue;
    CAPTURE(t.id);
    CHECK(excluded(t, condition));
    ++selected;
  }
  CHECK_MESSAGE(selected > 0, "the filter selects no technique");
}

// The named techniques exist and stay plannable with `condition` (a written decision).
inline void check_keeps(std::string_view condition, std::initializer_list<std::string_view> ids) {
  CAPTURE(condition);
  for (std::string_view id : ids) {
    CAPTURE(id);
    const Technique* t = builtin().find_technique(id);
    REQUIRE(t != nullptr);
    CHECK_FALSE(excluded(*t, condition));
  }
}

}  // namespace catalogue_test
