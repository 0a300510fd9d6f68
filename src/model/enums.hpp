#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace mp::model {

/// What sort of practice a technique is.
enum class Kind {
  kSelfMassage,
  kStretch,
  kMobility,
  kStrength,
  kBreathing,
  kMindfulness,
  kProfessional
};
/// Who performs it. The professional kind is exactly the therapist performer.
enum class Performer { kSelf, kPartner, kTherapist };
/// How much pressure or effort.
enum class Intensity { kGentle, kModerate, kFirm };
/// Order inside a session: warm-up first, cool-down last.
enum class Phase { kWarmUp, kMain, kCoolDown };
/// Preferred time of day (a preference, not a rule).
enum class TimeOfDay { kMorning, kEvening, kAny };
/// Body regions a technique works on.
enum class Region { kNeck, kUpperBack, kMidBack, kLowerBack, kSacrum, kShoulders, kHead };
/// A spinal movement a technique loads (v2: conditions exclude by it).
enum class Movement {
  kNeckFlexion,
  kNeckExtension,
  kNeckRotation,
  kNeckSideBend,
  kSpineFlexion,
  kSpineExtension,
  kSpineRotation
};
/// How the body lies, sits or stands during a technique (v2).
enum class Position {
  kSitting,
  kStanding,
  kLyingBack,
  kLyingFront,
  kSideLying,
  kKneeling,
  kAllFours
};
/// The kind of a planned session.
enum class SessionKind { kSelf, kProfessional, kRoutine };

/// The YAML words for each enum, in declaration order (so index == enum value).
inline constexpr std::array<std::string_view, 7> kKindNames{
    "self-massage", "stretch", "mobility", "strength", "breathing", "mindfulness", "professional"};
inline constexpr std::array<std::string_view, 3> kPerformerNames{"self", "partner", "therapist"};
inline constexpr std::array<std::string_view, 3> kIntensityNames{"gentle", "moderate", "firm"};
inline constexpr std::array<std::string_view, 3> kPhaseNames{"warm-up", "main", "cool-down"};
inline constexpr std::array<std::string_view, 3> kTimeOfDayNames{"morning", "evening", "any"};
inline constexpr std::array<std::string_view, 7> kRegionNames{
    "neck", "upper-back", "mid-back", "lower-back", "sacrum", "shoulders", "head"};
inline constexpr std::array<std::string_view, 7> kMovementNames{
    "neck-flexion",  "neck-extension",  "neck-rotation", "neck-side-bend",
    "spine-flexion", "spine-extension", "spine-rotation"};
inline constexpr std::array<std::string_view, 7> kPositionNames{
    "sitting", "standing", "lying-back", "lying-front", "side-lying", "kneeling", "all-fours"};
inline constexpr std::array<std::string_view, 3> kSessionKindNames{"self", "professional",
                                                                   "routine"};

/// The YAML word of an enum value.
template <typename E, std::size_t N>
constexpr std::string_view name_of(E value, const std::array<std::string_view, N>& names) {
  return names[static_cast<std::size_t>(value)];
}
/// The enum value of a YAML word, if it is one.
template <typename E, std::size_t N>
constexpr std::optional<E> parse_enum(std::string_view word,
                                      const std::array<std::string_view, N>& names) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == word) return static_cast<E>(i);
  return std::nullopt;
}

inline std::string_view to_string(Kind v) { return name_of(v, kKindNames); }
inline std::string_view to_string(Performer v) { return name_of(v, kPerformerNames); }
inline std::string_view to_string(Intensity v) { return name_of(v, kIntensityNames); }
inline std::string_view to_string(Phase v) { return name_of(v, kPhaseNames); }
inline std::string_view to_string(TimeOfDay v) { return name_of(v, kTimeOfDayNames); }
inline std::string_view to_string(Region v) { return name_of(v, kRegionNames); }
inline std::string_view to_string(Movement v) { return name_of(v, kMovementNames); }
inline std::string_view to_string(Position v) { return name_of(v, kPositionNames); }
inline std::string_view to_string(SessionKind v) { return name_of(v, kSessionKindNames); }

/// The performer a kind implies when none is given: professional → therapist, else self.
constexpr Performer default_performer(Kind k) {
  return k == Kind::kProfessional ? Performer::kTherapist : Performer::kSelf;
}

}  // namespace mp::model
