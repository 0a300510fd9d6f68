#include "model/error.hpp"

namespace mp {

static std::string format_located(const Diagnostic& d, std::string_view severity) {
  std::string out = d.where.file;
  if (d.where.line > 0) {
    out += ':' + std::to_string(d.where.line);
    if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
  }
  // Without a file (a command-line flag), say who is speaking, as other errors do.
  out += out.empty() ? "massage-plan: " : ": ";
  out += severity;
  out += ": ";
  out += d.message;
  if (!d.hint.empty()) out += "\n  hint: " + d.hint;
  return out;
}

std::string format_diagnostic(const Diagnostic& d) { return format_located(d, "error"); }
std::string format_warning(const Diagnostic& d) { return format_located(d, "warning"); }

static std::string first_message(const std::vector<Diagnostic>& ds) {
  return ds.empty() ? std::string("invalid data") : format_diagnostic(ds.front());
}

DiagnosticError::DiagnosticError(std::vector<Diagnostic> diagnostics, ExitCode code)
    : Error(code, first_message(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace mp
