// `validate [PATH…]`: load the library as usual plus the given files (with --profile, check the
// profile against it too) and report every problem.
#include <fmt/format.h>

#include <memory>

#include "cli/context.hpp"
#include "library/profile_reader.hpp"
#include "library/yaml_tree.hpp"
#include "model/exclusions.hpp"

namespace mp::cli {
namespace {
std::string count(std::size_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}
}  // namespace

void setup_validate(CLI::App& app, Context& ctx) {
  auto paths = std::make_shared<std::vector<std::string>>();
  auto* cmd =
      app.add_subcommand("validate", "Check library files (with --profile, the profile too)");
  cmd->add_option("paths", *paths, "Library files or folders to check along with the library")
      ->type_name("PATH");
  cmd->callback([&ctx, paths] {
    ctx.action = [&ctx, paths] {
      auto lib = load_library(ctx, *paths);
      // Rules that matched only because a technique leaves an attribute out: not an error (the
      // technique is excluded, which is safe), but its author should declare the attribute.
      if (!ctx.global.quiet)
        for (const auto& w : model::undeclared_attribute_warnings(lib))
          ctx.err << format_diagnostic(w, Severity::kWarning) << '\n';
      std::string profile_note;
      if (!ctx.global.profile_path.empty()) {
        auto text = read_file(ctx.global.profile_path, library::YamlLimits{}.max_bytes);
        // Reading checks the whole profile too (model::check_profile).
        (void)library::read_profile(text, ctx.global.profile_path, &lib);
        profile_note = fmt::format("; profile {} ok", ctx.global.profile_path);
      }
      if (!ctx.global.quiet)
        ctx.out << fmt::format(
            "ok: {}, {}, {}, {}, {} equipment{}\n", count(lib.techniques.size(), "technique"),
            count(lib.routines.size(), "routine"), count(lib.goals.size(), "goal"),
            count(lib.conditions.size(), "condition"), lib.equipment.size(), profile_note);
      return 0;
    };
  });
}

}  // namespace mp::cli
