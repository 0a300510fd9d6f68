#include "model/error.hpp"

#include <string_view>

namespace mp {

namespace {
std::string_view label(Severity severity) {
  switch (severity) {
    case Severity::kWarning:
      return "warning";
    case Severity::kInternal:
      return "internal error";
    case Severity::kError:
      break;
  }
  return "error";
}
}  // namespace

std::string format_diagnostic(const Diagnostic& d, Severity severity) {
  std::string out = d.where.file;
  if (d.where.line > 0) {
    out += ':' + std::to_string(d.where.line);
    if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
  }
  // Without a file (a command-line flag), say who is speaking, as other errors do.
  out += out.empty() ? "massage-plan: " : ": ";
  out += label(severity);
  out += ": ";
  out += d.message;
  if (!d.hint.empty()) {
    out += '\n';
    out += format_hint(d.hint);
  }
  return out;
}

std::string format_hint(std::string_view hint) {
  std::string out = "  hint: ";
  out += hint;
  return out;
}

static std::string first_message(const std::vector<Diagnostic>& ds) {
  return ds.empty() ? std::string("invalid data") : format_diagnostic(ds.front());
}

DiagnosticError::DiagnosticError(std::vector<Diagnostic> diagnostics, ExitCode code)
    : Error(code, first_message(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace mp
