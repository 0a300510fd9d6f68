#pragma once

namespace mp::cli {

/// Parses argv, runs the chosen command and returns the process exit status (SPEC §5).
int run(int argc, char** argv);

}  // namespace mp::cli
