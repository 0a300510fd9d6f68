#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace mp {

/// Process exit statuses (sysexits, SPEC §5).
enum class ExitCode : int {
  kOk = 0,
  kNothingPlanned = 1,
  kUsage = 64,
  kDataErr = 65,
  kNoInput = 66,
  kUnavailable = 69,  ///< a program the command needs is not installed (start --speak)
  kSoftware = 70,     ///< a bug, not bad input ("internal error")
  kCantCreate = 73,
  kIoErr = 74,
};

/// Where something was read: file name and 1-based line and column (0 = unknown).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
  bool operator==(const SourceLocation&) const = default;
};

/// One located problem found while reading input.
struct Diagnostic {
  Diagnostic() = default;
  // A constructor, not aggregate initialisation: GCC 12 -O2 warns (falsely) that the strings of
  // a nested braced SourceLocation may be used uninitialised.
  Diagnostic(SourceLocation where_, std::string message_, std::string hint_ = {})
      : where(std::move(where_)), message(std::move(message_)), hint(std::move(hint_)) {}
  SourceLocation where;
  std::string message;
  std::string hint;  ///< empty when there is none; printed as "  hint: ..."
};

/// How a reported problem is labelled after its location.
enum class Severity { kError, kWarning, kInternal };

/// Renders "file:line:col: error: message" plus "\n  hint: ..." (no trailing newline); without a
/// file, "massage-plan: error: message". Every message the program prints about a problem
/// goes through here, so they all look alike.
std::string format_diagnostic(const Diagnostic& d, Severity severity = Severity::kError);
/// The "  hint: ..." line alone (no trailing newline), for a message someone else printed.
std::string format_hint(std::string_view hint);

/// The one root error type: carries the exit status the process should end with.
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message, std::string hint = {})
      : std::runtime_error(message), code_(code), hint_(std::move(hint)) {}
  /// The sysexits status for this error.
  [[nodiscard]] ExitCode code() const { return code_; }
  /// An extra line of help, or empty.
  [[nodiscard]] const std::string& hint() const { return hint_; }

 private:
  ExitCode code_;
  std::string hint_;
};

/// Many located problems at once (invalid data: exit 65 unless told otherwise).
class DiagnosticError : public Error {
 public:
  explicit DiagnosticError(std::vector<Diagnostic> diagnostics, ExitCode code = ExitCode::kDataErr);
  /// Every problem found, in reading order.
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace mp
