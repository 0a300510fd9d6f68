#pragma once
#include <iosfwd>

namespace mp::cli {

/// Parses argv, runs the chosen command and returns the process exit status (SPEC §5).
int run(int argc, char** argv);
/// run() with output and diagnostics going to out and err instead of stdout and stderr.
int run(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace mp::cli
