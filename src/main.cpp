// massage-plan: a wellness routine planner for neck and spine care. Everything lives in the
// modules of src/; this file only hands the command line over and returns the exit status.
#include "cli/app.hpp"

int main(int argc, char** argv) { return mp::cli::run(argc, argv); }
