#include "cli/app.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <sstream>

#include "cli/context.hpp"
#include "model/error.hpp"
#include "model/suggest.hpp"
#include "version.hpp"

namespace mp::cli {
namespace {

std::string version_text() {
  std::string v = fmt::format("massage-plan {}", kVersion);
  if (*kGitRevision) v += fmt::format(" (git {})", kGitRevision);
  return v;
}

// CLI11 says "not expected" for a mistyped command or option; add what was probably meant.
// It lists the unexpected words in no useful order, so an option-like word is tried first.
std::string parse_hint(const CLI::App& app, const CLI::ParseError& e) {
  if (dynamic_cast<const CLI::ExtrasError*>(&e) == nullptr) return {};
  std::string what = e.what();
  auto colon = what.rfind(": ");
  if (colon == std::string::npos) return {};
  std::vector<std::string> words;
  std::istringstream in(what.substr(colon + 2));
  for (std::string w; in >> w;) words.push_back(w);
  std::stable_partition(words.begin(), words.end(),
                        [](const std::string& w) { return w.rfind("-", 0) == 0; });
  std::vector<std::string> candidates;
  for (const auto* sub : app.get_subcommands({})) candidates.push_back(sub->get_name());
  const CLI::App* scope = &app;
  for (const auto* sub : app.get_subcommands()) scope = sub;
  for (const auto* opt : scope->get_options())
    for (const auto& name : opt->get_lnames()) candidates.push_back("--" + name);
  for (const auto* opt : app.get_options())
    for (const auto& name : opt->get_lnames()) candidates.push_back("--" + name);
  for (const auto& w : words)
    if (auto hint = model::did_you_mean(w, candidates); !hint.empty()) return hint;
  return {};
}

// Every problem is printed by format_diagnostic (model/error.hpp), so all look alike.
void report(std::ostream& err, std::string message, std::string hint = {},
            Severity severity = Severity::kError) {
  err << format_diagnostic(Diagnostic{{}, std::move(message), std::move(hint)}, severity) << '\n';
}

}  // namespace

int run(int argc, char** argv) { return run(argc, argv, std::cout, std::cerr); }

int run(int argc, char** argv, std::ostream& out, std::ostream& err) {
  Context ctx{{}, out, err, {}};
  CLI::App app{
      "massage-plan: a wellness routine planner for neck and spine care.\n"
      "Wellness guidance, not medical advice.",
      "massage-plan"};
  app.set_version_flag("--version", version_text(), "Show the version and exit");
  app.require_subcommand(1);
  app.fallthrough();
  auto& g = ctx.global;
  app.add_option("--library", g.library_paths,
                 "Add a library file or folder of *.yaml (repeatable; later ids replace earlier)")
      ->allow_extra_args(false)
      ->type_name("PATH");
  app.add_flag("--no-builtin", g.no_builtin, "Do not load the built-in library");
  app.add_option("--profile", g.profile_path,
                 "Profile YAML (default: $XDG_CONFIG_HOME/massage-plan/profile.yaml if present)")
      ->type_name("FILE");
  app.add_option("--color", g.color, "Colour on a terminal: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN");
  app.add_flag("-q,--quiet", g.quiet, "Print only data and errors");
  app.add_flag("-v,--verbose", g.verbose,
               "Say which library sources were read and what replaced what");

  app.add_option("--history", g.history_path,
                 "History database (default: $XDG_STATE_HOME/massage-plan/history.db)")
      ->type_name("FILE");

  setup_plan(app, ctx);
  setup_list(app, ctx);
  setup_show(app, ctx);
  setup_validate(app, ctx);
  setup_score(app, ctx);
  setup_init(app, ctx);
  setup_done(app, ctx);
  setup_skip(app, ctx);
  setup_check_in(app, ctx);
  setup_history(app, ctx);
  setup_report(app, ctx);
  setup_undo(app, ctx);
  setup_pause(app, ctx);
  setup_agenda(app, ctx);
  setup_today(app, ctx);
  setup_next(app, ctx);
  setup_start(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (app.get_subcommands().empty() && !app.remaining().empty() && e.get_exit_code() != 0) {
      // A word where a command belongs: name it and suggest the closest command.
      std::string word = app.remaining().front();
      std::vector<std::string> commands;
      for (const auto* sub : app.get_subcommands({})) commands.push_back(sub->get_name());
      std::string hint = model::did_you_mean(word, commands);
      if (hint.empty()) hint = fmt::format("commands: {}", fmt::join(commands, ", "));
      report(ctx.err, fmt::format("unknown command '{}'", word), hint);
      return static_cast<int>(ExitCode::kUsage);
    }
    // CLI11 words its own message (and --help, --version); only the hint is ours.
    int code = app.exit(e, ctx.out, ctx.err);
    if (code == 0) return 0;
    if (auto hint = parse_hint(app, e); !hint.empty()) ctx.err << format_hint(hint) << '\n';
    return static_cast<int>(ExitCode::kUsage);
  }
  try {
    return ctx.action ? ctx.action() : 0;
  } catch (const DiagnosticError& e) {
    for (const auto& d : e.diagnostics()) ctx.err << format_diagnostic(d) << '\n';
    auto n = e.diagnostics().size();
    if (n > 1) ctx.err << fmt::format("massage-plan: {} errors\n", n);
    return static_cast<int>(e.code());
  } catch (const Error& e) {
    report(ctx.err, e.what(), e.hint());
    return static_cast<int>(e.code());
  } catch (const std::bad_alloc&) {
    report(ctx.err, "out of memory");
    return static_cast<int>(ExitCode::kIoErr);
  } catch (const std::exception& e) {
    // A bug, not bad input: say so plainly instead of aborting (EX_SOFTWARE).
    report(ctx.err, e.what(), {}, Severity::kInternal);
    return static_cast<int>(ExitCode::kSoftware);
  }
}

}  // namespace mp::cli
