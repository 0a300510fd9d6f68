#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

#include "model/error.hpp"
#include "version.hpp"

namespace mp::cli {

int run(int argc, char** argv) {
  CLI::App app{"massage-plan: a wellness routine planner for neck and spine care",
               "massage-plan"};
  app.set_version_flag("--version", std::string("massage-plan ") + kVersion);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return 0;
}

}  // namespace mp::cli
