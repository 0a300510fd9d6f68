#pragma once
// `plan --adapt` and `plan --save`: the parts of `plan` that read or write the history.
#include <vector>

#include "cli/context.hpp"
#include "model/plan.hpp"

namespace mp::cli {

/// The adaptations the history suggests for a plan starting on start (docs/planning.md),
/// learnt from the four weeks before it; notes a rising symptom on stderr.
std::vector<model::Adaptation> learn_adaptations(const Context& ctx, model::Date start);

/// Stores plan as the current plan (one transaction) and says so on stderr unless -q.
void save_plan(const Context& ctx, const model::Plan& plan);

}  // namespace mp::cli
