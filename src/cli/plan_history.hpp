#pragma once
// `plan --adapt` and `plan --save`: the parts of `plan` that read or write the history.
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "model/plan.hpp"

namespace mp::cli {

/// What the history teaches a plan starting on start, from the four weeks before it.
struct Learnt {
  std::vector<model::Adaptation> adaptations;  ///< docs/planning.md "Learning from the history"
  std::vector<std::string> notes;              ///< v3: session times often skipped (--explain)
};

/// The adaptations and session-time advice the history suggests for a plan starting on start
/// (docs/planning.md); notes a rising symptom on stderr.
Learnt learn_adaptations(const Context& ctx, model::Date start);

/// Stores plan as the current plan (one transaction) and says so on stderr unless -q.
void save_plan(const Context& ctx, const model::Plan& plan);

}  // namespace mp::cli
