// `score PLAN.json`: recompute a plan's score and check every hard constraint against the
// current library.
#include "planner/score.hpp"

#include <fmt/format.h>

#include <cmath>
#include <memory>

#include "cli/context.hpp"
#include "library/plan_reader.hpp"
#include "library/yaml_tree.hpp"
#include "planner/constraints.hpp"

namespace mp::cli {
namespace {

constexpr double kTolerance = 1e-9;

int run_score(const Context& ctx, const std::string& path) {
  auto lib = load_library(ctx);
  auto text = read_file(path, library::YamlLimits{}.max_bytes);
  auto plan = library::read_plan_json(text, path, lib);
  // v3: adaptations do not change the score (the library's weights); they add a term to what
  // the planner maximised, recomputed below from the plan's own factors.
  auto recomputed = planner::compute_score(plan, lib);
  std::vector<Diagnostic> problems;
  auto problem = [&](std::string message) {
    problems.push_back(Diagnostic{{path, 0, 0}, std::move(message), {}});
  };
  if (std::abs(recomputed.total - plan.score.total) > kTolerance)
    problem(fmt::format("the plan claims a total score of {} but it is {}", plan.score.total,
                        recomputed.total));
  for (const auto& [id, gs] : recomputed.goals) {
    auto claimed = plan.score.goals.find(id);
    if (claimed == plan.score.goals.end()) {
      problem(fmt::format("the plan gives no score for goal '{}'", id));
      continue;
    }
    const auto& c = claimed->second;
    if (std::abs(c.share_cap - gs.share_cap) > kTolerance)
      problem(fmt::format("goal '{}': the plan claims a share cap of {} but it is {}", id,
                          c.share_cap, gs.share_cap));
    if (std::abs(c.weekly - gs.weekly) > kTolerance || std::abs(c.daily - gs.daily) > kTolerance ||
        std::abs(c.score - gs.score) > kTolerance)
      problem(
          fmt::format("goal '{}': the plan claims weekly {}, daily {}, score {} but they are "
                      "{}, {}, {}",
                      id, c.weekly, c.daily, c.score, gs.weekly, gs.daily, gs.score));
  }
  for (const auto& [id, gs] : plan.score.goals)
    if (!recomputed.goals.count(id))
      problem(fmt::format("the plan scores goal '{}', which it does not pursue", id));
  for (auto& broken : planner::check_constraints(plan, lib))
    problem("constraint broken: " + broken);
  if (!problems.empty()) throw DiagnosticError(std::move(problems));
  if (!ctx.global.quiet) {
    ctx.out << fmt::format("ok: score {:.4f} matches; every hard constraint holds\n",
                           recomputed.total);
    if (!plan.adaptations.empty())
      ctx.out << fmt::format(
          "adapted: {} technique(s) adapted; objective {:.4f} (score {:+.4f} from the "
          "adaptations)\n",
          plan.adaptations.size(), recomputed.total + planner::adaptation_term(plan),
          planner::adaptation_term(plan));
  }
  return 0;
}

}  // namespace

void setup_score(CLI::App& app, Context& ctx) {
  auto path = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("score", "Recompute and check a plan's score and constraints");
  cmd->add_option("plan", *path, "A plan written by `plan --format json`")
      ->required()
      ->type_name("PLAN.json");
  cmd->callback([&ctx, path] { ctx.action = [&ctx, path] { return run_score(ctx, *path); }; });
}

}  // namespace mp::cli
