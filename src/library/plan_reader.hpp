#pragma once
#include <string>
#include <string_view>

#include "model/library.hpp"
#include "model/plan.hpp"

namespace mp::library {

/// Reads a plan written by `plan --format json` (schema massage-plan/plan@1) strictly: unknown
/// keys, wrong types and ids the library does not know are located errors. Throws
/// mp::DiagnosticError (exit 65) listing every problem.
model::Plan read_plan_json(std::string_view text, const std::string& file,
                           const model::Library& library);

}  // namespace mp::library
