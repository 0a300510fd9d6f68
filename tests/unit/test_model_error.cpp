// format_diagnostic: the one place a problem becomes the text the user reads.
#include <doctest/doctest.h>

#include <string>

#include "model/error.hpp"

using mp::Diagnostic;
using mp::SourceLocation;

TEST_CASE("diagnostics: rendered as file:line:col: error: message, then the hint") {
  CHECK(mp::format_diagnostic(Diagnostic{SourceLocation{"p.yaml", 3, 7}, "bad value"}) ==
        "p.yaml:3:7: error: bad value");
  CHECK(mp::format_diagnostic(Diagnostic{SourceLocation{"p.yaml", 3, 7}, "bad", "try this"}) ==
        "p.yaml:3:7: error: bad\n  hint: try this");
  SUBCASE("unknown columns and lines are left out") {
    CHECK(mp::format_diagnostic(Diagnostic{SourceLocation{"p.yaml", 3, 0}, "m"}) ==
          "p.yaml:3: error: m");
    CHECK(mp::format_diagnostic(Diagnostic{SourceLocation{"p.yaml", 0, 0}, "m"}) ==
          "p.yaml: error: m");
  }
  SUBCASE("without a file the program names itself") {
    CHECK(mp::format_diagnostic(Diagnostic{{}, "--minutes 0: use 1 to 480"}) ==
          "massage-plan: error: --minutes 0: use 1 to 480");
  }
}

TEST_CASE("diagnostics: warnings and internal errors differ only in their label") {
  CHECK(mp::format_diagnostic(Diagnostic{{}, "w"}, mp::Severity::kWarning) ==
        "massage-plan: warning: w");
  CHECK(mp::format_diagnostic(Diagnostic{{}, "bug"}, mp::Severity::kInternal) ==
        "massage-plan: internal error: bug");
  CHECK(mp::format_hint("h") == "  hint: h");
}

TEST_CASE("diagnostics: a DiagnosticError says its first problem and keeps them all") {
  mp::DiagnosticError e(
      {Diagnostic{SourceLocation{"a", 1, 2}, "one"}, Diagnostic{SourceLocation{"a", 3, 4}, "two"}});
  CHECK(std::string(e.what()) == "a:1:2: error: one");
  CHECK(e.diagnostics().size() == 2);
  CHECK(e.code() == mp::ExitCode::kDataErr);
  CHECK(static_cast<int>(mp::ExitCode::kSoftware) == 70);
}
