#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace mp::model {

/// Whether a timed step is done once, or once per side (left, then right).
enum class Sides { kOne, kBoth };
/// The YAML words for Sides, in declaration order.
inline constexpr std::array<std::string_view, 2> kSidesNames{"one", "both"};

/// One step of a technique: text to follow, and (v3) optionally a timing. A plain string in the
/// YAML is an untimed step (seconds 0): read it, then go on.
struct Step {
  Step() = default;
  /// An untimed step: implicit, so a list of strings still makes a list of steps.
  Step(std::string text_) : text(std::move(text_)) {}  // NOLINT(google-explicit-constructor)
  Step(const char* text_) : text(text_) {}             // NOLINT(google-explicit-constructor)
  Step(std::string text_, int seconds_, Sides sides_ = Sides::kOne, int repeat_ = 1, int rest_ = 0)
      : text(std::move(text_)), seconds(seconds_), sides(sides_), repeat(repeat_), rest(rest_) {}

  std::string text;
  int seconds = 0;  ///< one hold or round, 1..600; 0: untimed
  Sides sides = Sides::kOne;
  int repeat = 1;  ///< rounds, >= 1
  int rest = 0;    ///< seconds between rounds or sides

  [[nodiscard]] bool timed() const { return seconds > 0; }
  /// How many timed parts: rounds times sides (0 when untimed).
  [[nodiscard]] int parts() const;
  /// Seconds the step takes in all: every part plus the rests between them (0 when untimed).
  [[nodiscard]] int total_seconds() const;
  /// "30 s, each side, 2 rounds, 10 s rest" (the rest only with with_rest); empty when untimed.
  [[nodiscard]] std::string timing(bool with_rest = true) const;
  /// The text as the writers print it: "Hold. (30 s, each side, 2 rounds)"; the text alone
  /// when untimed.
  [[nodiscard]] std::string line() const;
  bool operator==(const Step&) const = default;
};

/// The seconds all timed steps take together.
int timed_seconds(const std::vector<Step>& steps);

}  // namespace mp::model
