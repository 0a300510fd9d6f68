#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/enums.hpp"
#include "model/error.hpp"
#include "model/exclusion_rule.hpp"
#include "model/figure.hpp"
#include "model/step.hpp"

namespace mp::model {

/// A wellness goal with the weekly dose at which further benefit is small.
struct Goal {
  std::string id;
  std::string name;
  std::string description;
  double weekly_target_minutes = 60;
  SourceLocation where;
  bool operator==(const Goal&) const = default;
};

/// A health condition; red flags stop planning.
struct Condition {
  std::string id;
  std::string name;
  bool red_flag = false;
  bool urgent = false;  ///< red flags only: seek care now, not just soon
  std::string advice;
  std::vector<ExclusionRule> excludes;  ///< a technique matching any rule is contraindicated
  SourceLocation where;
  bool operator==(const Condition&) const = default;
};

/// A piece of equipment a technique may need.
struct Equipment {
  std::string id;
  std::string name;
  std::string description;
  bool household = false;  ///< every home has it: assumed unless the profile says household: false
  SourceLocation where;
  bool operator==(const Equipment&) const = default;
};

/// Whole minutes, 1 <= min <= default <= max.
struct Duration {
  int min = 1;
  int default_minutes = 1;  ///< YAML key "default"
  int max = 1;
  bool operator==(const Duration&) const = default;
};

/// How often a technique may be used.
struct Frequency {
  int max_per_week = 7;
  double min_rest_hours = 0;
  bool operator==(const Frequency&) const = default;
};

/// A technique: one practice with its dose, safety data and goal weights.
struct Technique {
  std::string id;
  std::string name;
  std::string description;
  Kind kind = Kind::kStretch;
  Performer performer = Performer::kSelf;
  /// Body regions it works on; nullopt when the YAML leaves them out (rules on regions then
  /// match it, fail-safe), [] when it works on none (breathing, mindfulness).
  std::optional<std::vector<Region>> regions;
  std::vector<std::string> muscles;
  std::map<std::string, double> goals;  ///< goal id -> weight in 0..1
  Duration duration;
  Frequency frequency;
  /// How firm it is; nullopt when the YAML leaves it out (rules on intensity then match it,
  /// fail-safe).
  std::optional<Intensity> intensity;
  /// Spinal movements it loads; nullopt when the YAML leaves them out (rules on movements then
  /// match it, fail-safe), [] when it declares none.
  std::optional<std::vector<Movement>> movements;
  /// Body positions it is done in; nullopt when left out (fail-safe, as movements).
  std::optional<std::vector<Position>> positions;
  Phase phase = Phase::kMain;
  TimeOfDay time_of_day = TimeOfDay::kAny;
  /// Planned only where exercise that serves one of the same chosen
  /// goals can be planned too (a stretch, mobility or strength technique): NICE NG59 allows massage for low back pain only as part of a
  /// package with exercise (docs/library.md, "Low back pain").
  bool with_exercise = false;
  std::vector<std::string> equipment;  ///< equipment ids needed
  /// Effective contraindications (condition ids): the declared ones plus every condition with
  /// a rule that matches; what the planner and every output use. Filled by apply_exclusions.
  std::vector<std::string> contraindications;
  std::vector<std::string> declared_contraindications;  ///< the YAML's own list, as written
  std::vector<ExclusionReason> exclusions;  ///< why each effective contraindication applies
  std::string dose;
  std::vector<Step> steps;  ///< v3: a step may be timed
  std::vector<std::string> cautions;
  std::vector<std::string> sources;
  /// The picture the program draws (v3); nullopt: the technique has no picture.
  std::optional<Figure> figure;
  SourceLocation where;
  bool operator==(const Technique&) const = default;
};

/// One step of a routine.
struct RoutineStep {
  std::string technique;
  int minutes = 1;
  SourceLocation where;
  bool operator==(const RoutineStep&) const = default;
};

/// A named sequence of techniques.
struct Routine {
  std::string id;
  std::string name;
  std::string description;
  std::vector<RoutineStep> steps;
  SourceLocation where;
  bool operator==(const Routine&) const = default;
};

/// A whole library after merging every source; entries sorted by id.
struct Library {
  std::vector<Technique> techniques;
  std::vector<Routine> routines;
  std::vector<Goal> goals;
  std::vector<Condition> conditions;
  std::vector<Equipment> equipment;

  /// Lookups by id; nullptr when absent. Entries must be sorted by id (binary search).
  [[nodiscard]] const Technique* find_technique(std::string_view id) const;
  [[nodiscard]] const Routine* find_routine(std::string_view id) const;
  [[nodiscard]] const Goal* find_goal(std::string_view id) const;
  [[nodiscard]] const Condition* find_condition(std::string_view id) const;
  [[nodiscard]] const Equipment* find_equipment(std::string_view id) const;
  /// Sorts every list by id (call after building by hand).
  void sort_by_id();
  bool operator==(const Library&) const = default;
};

}  // namespace mp::model
