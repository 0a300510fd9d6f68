// libFuzzer target: any bytes as the PLAN.json of `massage-plan score`: read it against the
// built-in library, then recompute its score and check its constraints, as `score` does.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "builtin/builtin.hpp"
#include "library/loader.hpp"
#include "library/plan_reader.hpp"
#include "model/error.hpp"
#include "planner/constraints.hpp"
#include "planner/score.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const mp::model::Library library = mp::builtin::load();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    auto plan = mp::library::read_plan_json(text, "fuzz.json", library);
    (void)mp::planner::compute_score(plan, library);
    (void)mp::planner::check_constraints(plan, library);
  } catch (const mp::Error&) {
  }
  return 0;
}
