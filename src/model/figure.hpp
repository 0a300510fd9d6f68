#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/enums.hpp"
#include "model/error.hpp"

namespace mp::model {

// A technique's figure (v3, SPEC §3 `figure:`): what the program draws of a person doing it.
// Every word list below is the YAML vocabulary, in declaration order (index == enum value);
// docs/library-format.md explains each value.

/// Which side of the body faces the viewer.
enum class FigureView { kFront, kSide, kBack };
inline constexpr std::array<std::string_view, 3> kFigureViewNames{"front", "side", "back"};

/// Where one hand is.
enum class ArmPlacement {
  kAtSide,
  kHandOnHead,
  kBehindBack,
  kHug,
  kAtSkullBase,
  kOnCollarbone,
  kForward,
  kOverhead,
  kHoldingBand,
  kOnThigh,
  kHoldingSeat,
  kOnShoulder,
  kAtTemple,
  kOnJaw,
  kOnForehead,
  kOnNeck,
  kBehindHead,
  kOnChest,
  kOnBelly,
  kOutToSide,
  kOnFloor,
  kOnForearm,
  kHoldingKnee,
  kUnderBack,
  kInLap,
  kOnDoorFrame,
  kSwinging,
  kYRaise,
};
inline constexpr std::array<std::string_view, 28> kArmPlacementNames{
    "at-side",   "hand-on-head",  "behind-back",  "hug",        "at-skull-base", "on-collarbone",
    "forward",   "overhead",      "holding-band", "on-thigh",   "holding-seat",  "on-shoulder",
    "at-temple", "on-jaw",        "on-forehead",  "on-neck",    "behind-head",   "on-chest",
    "on-belly",  "out-to-side",   "on-floor",     "on-forearm", "holding-knee",  "under-back",
    "in-lap",    "on-door-frame", "swinging",     "y-raise"};

/// How the trunk is held.
enum class TrunkPose {
  kUpright,
  kLeanForward,
  kRounded,
  kArched,
  kTurned,
  kPressUp,
  kBridge,
  kCurlUp
};
inline constexpr std::array<std::string_view, 8> kTrunkPoseNames{
    "upright", "lean-forward", "rounded", "arched", "turned", "press-up", "bridge", "curl-up"};

/// How the legs are held (the position gives the default).
enum class LegPose {
  kDefault,
  kStraight,
  kKneesBent,
  kOneKneeBent,
  kKneesToChest,
  kOneKneeToChest,
  kKneesToSide,
  kFigureFour,
  kLunge,
  kKneelingLunge,
  kStep,
  kSitBack,
  kLegBack,
};
inline constexpr std::array<std::string_view, 13> kLegPoseNames{
    "default",        "straight",          "knees-bent",    "one-knee-bent",
    "knees-to-chest", "one-knee-to-chest", "knees-to-side", "figure-four",
    "lunge",          "kneeling-lunge",    "step",          "sit-back",
    "leg-back"};

/// Things drawn with the person.
enum class Prop {
  kChair,
  kWall,
  kBall,
  kFoamRoller,
  kTowelRoll,
  kBand,
  kDoorway,
  kMat,
  kPillow,
  kTable,
  kHeatPack,
  kHelperHands,
};
inline constexpr std::array<std::string_view, 12> kPropNames{
    "chair",   "wall", "ball",   "foam-roller", "towel-roll", "band",
    "doorway", "mat",  "pillow", "table",       "heat-pack",  "helper-hands"};

/// Where an arrow is drawn.
enum class ArrowPlace {
  kHead,
  kChin,
  kNeck,
  kShoulders,
  kUpperBack,
  kMidBack,
  kLowerBack,
  kPelvis,
  kChest,
  kBelly,
  kLeftArm,
  kRightArm,
  kLeftHand,
  kRightHand,
  kKnees,
  kLeftLeg,
  kRightLeg,
};
inline constexpr std::array<std::string_view, 17> kArrowPlaceNames{
    "head",       "chin",       "neck",  "shoulders", "upper-back", "mid-back",
    "lower-back", "pelvis",     "chest", "belly",     "left-arm",   "right-arm",
    "left-hand",  "right-hand", "knees", "left-leg",  "right-leg"};

/// Which way an arrow points (left and right are the person's own).
enum class ArrowDirection {
  kUp,
  kDown,
  kLeft,
  kRight,
  kForward,
  kBackward,
  kTiltLeft,
  kTiltRight,
  kTurnLeft,
  kTurnRight,
  kNodDown,
  kNodUp,
  kPress,
  kCircle,
  kUpDown,
  kExpand,
};
inline constexpr std::array<std::string_view, 16> kArrowDirectionNames{
    "up",        "down",       "left",      "right",      "forward",  "backward",
    "tilt-left", "tilt-right", "turn-left", "turn-right", "nod-down", "nod-up",
    "press",     "circle",     "up-down",   "expand"};

/// A body area shaded as worked: a region or a muscle group.
enum class TargetArea {
  kNeck,
  kUpperBack,
  kMidBack,
  kLowerBack,
  kSacrum,
  kShoulders,
  kHead,
  kTrapezius,
  kLevatorScapulae,
  kSternocleidomastoid,
  kScalenes,
  kSuboccipitals,
  kTemporalis,
  kMasseter,
  kRhomboids,
  kErectorSpinae,
  kQuadratusLumborum,
  kGluteus,
  kPiriformis,
  kHipFlexors,
  kHamstrings,
  kPectorals,
  kLatissimusDorsi,
  kAbdominals,
  kDeepNeckFlexors,
};
inline constexpr std::array<std::string_view, 25> kTargetAreaNames{"neck",
                                                                   "upper-back",
                                                                   "mid-back",
                                                                   "lower-back",
                                                                   "sacrum",
                                                                   "shoulders",
                                                                   "head",
                                                                   "trapezius",
                                                                   "levator-scapulae",
                                                                   "sternocleidomastoid",
                                                                   "scalenes",
                                                                   "suboccipitals",
                                                                   "temporalis",
                                                                   "masseter",
                                                                   "rhomboids",
                                                                   "erector-spinae",
                                                                   "quadratus-lumborum",
                                                                   "gluteus",
                                                                   "piriformis",
                                                                   "hip-flexors",
                                                                   "hamstrings",
                                                                   "pectorals",
                                                                   "latissimus-dorsi",
                                                                   "abdominals",
                                                                   "deep-neck-flexors"};

/// Which side of the body the target is on.
enum class BodySide { kBoth, kLeft, kRight };
inline constexpr std::array<std::string_view, 3> kBodySideNames{"both", "left", "right"};

/// The head's pose in degrees: turn (to the person's right +), tilt (right ear down +), nod
/// (chin down +), and whether the chin is tucked straight back.
struct HeadPose {
  int turn = 0;
  int tilt = 0;
  int nod = 0;
  bool chin_tucked = false;
  bool operator==(const HeadPose&) const = default;
};

/// One movement arrow.
struct FigureArrow {
  ArrowPlace at = ArrowPlace::kHead;
  ArrowDirection direction = ArrowDirection::kUp;
  bool operator==(const FigureArrow&) const = default;
};

/// The picture of a technique: a person in a position, posed, with props, arrows and the worked
/// area shaded.
struct Figure {
  FigureView view = FigureView::kFront;
  Position position = Position::kSitting;
  HeadPose head;
  TrunkPose trunk = TrunkPose::kUpright;
  ArmPlacement left_arm = ArmPlacement::kAtSide;
  ArmPlacement right_arm = ArmPlacement::kAtSide;
  LegPose legs = LegPose::kDefault;
  std::vector<Prop> props;
  std::vector<FigureArrow> arrows;
  std::vector<TargetArea> target;
  BodySide side = BodySide::kBoth;
  SourceLocation where;
  bool operator==(const Figure&) const = default;
};

}  // namespace mp::model
