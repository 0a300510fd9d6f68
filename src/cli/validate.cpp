// `validate [PATH…]`: load the library as usual plus the given files (with --profile, check the
// profile against it too) and report every problem.
#include <fmt/format.h>

#include <memory>

#include "cli/context.hpp"
#include "library/profile_reader.hpp"
#include "library/yaml_tree.hpp"

namespace mp::cli {

void setup_validate(CLI::App& app, Context& ctx) {
  auto paths = std::make_shared<std::vector<std::string>>();
  auto* cmd =
      app.add_subcommand("validate", "Check library files (with --profile, the profile too)");
  cmd->add_option("paths", *paths, "Library files or folders to check along with the library")
      ->type_name("PATH");
  cmd->callback([&ctx, paths] {
    ctx.action = [&ctx, paths] {
      auto lib = load_library(ctx, *paths);
      std::string profile_note;
      if (!ctx.global.profile_path.empty()) {
        auto text = read_file(ctx.global.profile_path, library::YamlLimits{}.max_bytes);
        auto profile = library::read_profile(text, ctx.global.profile_path, &lib);
        if (auto problems = library::profile_problems(profile); !problems.empty()) {
          std::vector<Diagnostic> ds;
          for (auto& p : problems) ds.push_back(Diagnostic{{ctx.global.profile_path, 0, 0}, p, {}});
          throw DiagnosticError(std::move(ds));
        }
        profile_note = fmt::format("; profile {} ok", ctx.global.profile_path);
      }
      if (!ctx.global.quiet)
        ctx.out << fmt::format(
            "ok: {} techniques, {} routines, {} goals, {} conditions, {} equipment{}\n",
            lib.techniques.size(), lib.routines.size(), lib.goals.size(), lib.conditions.size(),
            lib.equipment.size(), profile_note);
      return 0;
    };
  });
}

}  // namespace mp::cli
