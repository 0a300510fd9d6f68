#pragma once
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "model/error.hpp"

namespace mp::planner {

/// Why the planner made no plan. The planner says what went wrong; cli/ decides the exit status.
enum class PlanErrorKind {
  kRedFlag,          ///< a red-flag condition: see a clinician before any self-care
  kNothingEligible,  ///< no technique, routine step or session can be scheduled
  kUnknownId,        ///< the profile or request names ids the library does not know
  kBadRequest,       ///< the request itself cannot be planned (no days)
};

/// The planner's one error: its kind, a message, an optional hint and, for unknown ids, one
/// located diagnostic per id.
class PlanError : public std::runtime_error {
 public:
  PlanError(PlanErrorKind kind, const std::string& message, std::string hint = {})
      : std::runtime_error(message), kind_(kind), hint_(std::move(hint)) {}
  /// Unknown ids, one diagnostic each (the message is the first one's).
  explicit PlanError(std::vector<Diagnostic> unknown_ids)
      : std::runtime_error(unknown_ids.empty() ? std::string("unknown id")
                                               : format_diagnostic(unknown_ids.front())),
        kind_(PlanErrorKind::kUnknownId),
        diagnostics_(std::move(unknown_ids)) {}
  /// What went wrong.
  [[nodiscard]] PlanErrorKind kind() const { return kind_; }
  /// An extra line of help, or empty.
  [[nodiscard]] const std::string& hint() const { return hint_; }
  /// For kUnknownId: every unknown id, located where known.
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  PlanErrorKind kind_;
  std::string hint_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace mp::planner
