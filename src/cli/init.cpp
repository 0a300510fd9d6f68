// `init`: write a commented starter profile that plans as written.
#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "cli/context.hpp"
#include "cli/output.hpp"

namespace mp::cli {
namespace {

constexpr std::string_view kStarterProfile =
    R"(# massage-plan profile: who you are and what you want from a plan.
# Every field is optional; a command-line flag overrides the field it names.
# Ids come from the library: see `massage-plan list goals|conditions|equipment|routines`.

# What you want, with priority 1 (low) to 5 (high).
goals:
  - {id: tension-headache, priority: 3}
  - {id: stress-reduction, priority: 2}
  - {id: range-of-motion, priority: 1}

# Days with self-care: mon tue wed thu fri sat sun.
weekdays: [mon, tue, wed, thu, fri, sat, sun]

# Self-care sessions on each of those days: start time (HH:MM) and minutes.
sessions:
  - {time: "07:30", minutes: 10}
  - {time: "21:00", minutes: 10}

# Health conditions: techniques unsafe for them are never planned, and red flags stop planning
# and tell you to see a clinician. Example: conditions: [anticoagulants]
conditions: []

# Equipment you have; techniques needing anything else are left out.
equipment: [tennis-ball, mat, wall-or-doorway, chair, towel]

# Regular visits to a massage therapist (remove the # to use it).
# professional: {sessions_per_week: 1, minutes: 60, weekdays: [sat], time: "10:00"}

# Routines fixed on certain days at a time (remove the # to use it).
# routines:
#   - {id: desk-neck-reset, weekdays: [mon, wed, fri], time: "12:30"}

# Time zone for calendar exports (an IANA name); without one, times are floating local times.
# timezone: Europe/Berlin
)";

struct InitOptions {
  std::string output;
  bool force = false;
};

int run_init(const Context& ctx, const InitOptions& o) {
  std::string path = o.output;
  if (path.empty()) {
    auto dir = config_dir();
    if (dir.empty())
      throw Error(ExitCode::kCantCreate, "cannot find a config folder: set HOME or XDG_CONFIG_HOME",
                  "or give -o FILE");
    path = dir + "/profile.yaml";
  }
  if (path == "-") {
    ctx.out << kStarterProfile;
    return 0;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(path, ec) && !o.force)
    throw Error(ExitCode::kCantCreate, fmt::format("'{}' exists already", path),
                "use --force to replace it");
  auto parent = fs::path(path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  write_file_atomically(path, std::string(kStarterProfile));
  if (!ctx.global.quiet)
    ctx.err << fmt::format("massage-plan: wrote {}; try `massage-plan plan`\n", path);
  return 0;
}

}  // namespace

void setup_init(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<InitOptions>();
  auto* cmd = app.add_subcommand("init", "Write a commented starter profile");
  cmd->add_option(
         "-o,--output", o->output,
         "Where to write it (default $XDG_CONFIG_HOME/massage-plan/profile.yaml; - for stdout)")
      ->type_name("FILE");
  cmd->add_flag("--force", o->force, "Replace an existing file");
  cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_init(ctx, *o); }; });
}

}  // namespace mp::cli
