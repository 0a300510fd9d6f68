#pragma once
#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "library/loader.hpp"
#include "model/library.hpp"

namespace mp::cli {

/// Options every command shares (SPEC §5 "Global").
struct GlobalOptions {
  std::vector<std::string> library_paths;
  bool no_builtin = false;
  std::string profile_path;
  std::string color = "auto";
  bool quiet = false;
  bool verbose = false;
  std::string history_path;  ///< --history FILE; empty = the XDG state path
};

/// What a command runs with: the global options and where output and diagnostics go.
struct Context {
  GlobalOptions global;
  std::ostream& out;
  std::ostream& err;
  /// Set by the chosen subcommand's setup: runs it and returns the exit status.
  std::function<int()> action;
};

/// Loads the library from the built-in files (unless --no-builtin), the user folder and every
/// --library path, then extra_paths; -v notes go to ctx.err. Throws mp::Error / DiagnosticError.
model::Library load_library(const Context& ctx, const std::vector<std::string>& extra_paths = {});

/// A file or a folder of *.yaml / *.yml (sorted by name) as one library source.
/// Throws mp::Error(kNoInput) when it cannot be read.
library::Source read_source(const std::string& path, const std::string& label);

/// A whole file's text; throws mp::Error(kNoInput) naming the file when it cannot be read.
/// Reads at most max_bytes + 1 bytes, so a huge file is never loaded whole.
std::string read_file(const std::string& path, std::size_t max_bytes);

/// $XDG_CONFIG_HOME/massage-plan (or ~/.config/massage-plan); empty when neither is set.
std::string config_dir();

/// Whether to colour output on stdout: --color, NO_COLOR and whether stdout is a terminal.
bool use_color(const GlobalOptions& global);

/// Each subcommand's setup: adds it to app and sets ctx.action when it is chosen.
void setup_validate(CLI::App& app, Context& ctx);
void setup_list(CLI::App& app, Context& ctx);
void setup_show(CLI::App& app, Context& ctx);
void setup_plan(CLI::App& app, Context& ctx);
void setup_score(CLI::App& app, Context& ctx);
void setup_init(CLI::App& app, Context& ctx);
void setup_done(CLI::App& app, Context& ctx);
void setup_skip(CLI::App& app, Context& ctx);
void setup_check_in(CLI::App& app, Context& ctx);
void setup_history(CLI::App& app, Context& ctx);
void setup_report(CLI::App& app, Context& ctx);
void setup_undo(CLI::App& app, Context& ctx);
void setup_pause(CLI::App& app, Context& ctx);
void setup_start(CLI::App& app, Context& ctx);
void setup_agenda(CLI::App& app, Context& ctx);
void setup_today(CLI::App& app, Context& ctx);
void setup_next(CLI::App& app, Context& ctx);

}  // namespace mp::cli
