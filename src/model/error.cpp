#include "model/error.hpp"

namespace mp {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.where.file;
  if (d.where.line > 0) {
    out += ':' + std::to_string(d.where.line);
    if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
  }
  // Without a file (a command-line flag), say who is speaking, as other errors do.
  out += out.empty() ? "massage-plan: error: " : ": error: ";
  out += d.message;
  if (!d.hint.empty()) out += "\n  hint: " + d.hint;
  return out;
}

static std::string first_message(const std::vector<Diagnostic>& ds) {
  return ds.empty() ? std::string("invalid data") : format_diagnostic(ds.front());
}

DiagnosticError::DiagnosticError(std::vector<Diagnostic> diagnostics, ExitCode code)
    : Error(code, first_message(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace mp
