// `validate [PATH…]`: load the library as usual plus the given files (with --profile, check the
// profile against it too) and report every problem.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>

#include "cli/context.hpp"
#include "export/utf8.hpp"
#include "library/profile_reader.hpp"
#include "library/yaml_tree.hpp"
#include "model/exclusions.hpp"
#include "terminal/terminal.hpp"

namespace mp::cli {
namespace {
std::string count(std::size_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

// Columns for the warnings: COLUMNS when set, else the terminal's width when stderr is one,
// else 80.
int warning_width() {
  if (const char* env = std::getenv("COLUMNS"); env && *env) {
    char* end = nullptr;
    const long v = std::strtol(env, &end, 10);
    if (end && *end == '\0' && v >= 20 && v <= 1000) return static_cast<int>(v);
  }
  if (const int columns = terminal::columns(STDERR_FILENO); columns >= 20) return columns;
  return 80;
}

// A diagnostic's lines wrapped to width at spaces (a long path stays whole where it can).
std::string wrap_diagnostic(std::string_view text, int width) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t nl = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, nl - start);
    start = nl + 1;
    // The hint's words line up after "  hint: "; the message's go on indented by 4.
    constexpr std::string_view kHint = "  hint: ";
    const bool hint = line.starts_with(kHint);
    if (hint) line.remove_prefix(kHint.size());
    const int indent = hint ? static_cast<int>(kHint.size()) : 4;
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    auto lines = exporter::wrap_to_width(line, hint ? width - indent : width);
    if (!hint && lines.size() > 1) {
      // Re-wrap what follows the first line into the narrower indented width.
      std::string rest;
      for (std::size_t i = 1; i < lines.size(); ++i) {
        if (i > 1) rest += ' ';
        rest += lines[i];
      }
      auto tail = exporter::wrap_to_width(rest, width - indent);
      lines.resize(1);
      lines.insert(lines.end(), tail.begin(), tail.end());
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (!out.empty()) out += '\n';
      out += (i == 0 ? (hint ? std::string(kHint) : std::string()) : pad) + lines[i];
    }
  }
  return out;
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
          ctx.err << wrap_diagnostic(format_diagnostic(w, Severity::kWarning), warning_width())
                  << '\n';
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
