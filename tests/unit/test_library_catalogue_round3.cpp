// The built-in catalogue against the third clinical read (issue 22): each test names the item it
// holds and fails on the catalogue as it stood before the fix.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue_fixtures.hpp"
#include "model/enums.hpp"
#include "model/library.hpp"

using namespace catalogue_test;  // NOLINT(google-build-using-namespace): test fixtures

namespace {

const Technique& technique(std::string_view id) {
  const Technique* t = builtin().find_technique(id);
  REQUIRE_MESSAGE(t != nullptr, id);
  return *t;
}

}  // namespace

TEST_CASE("round 3, item 17: the strengthening exercises are kind strength, in the main phase") {
  for (std::string_view id :
       {"deep-neck-flexor-training", "neck-isometrics", "band-row", "prone-y-t-raises"}) {
    CAPTURE(id);
    const Technique& t = technique(id);
    CHECK(t.kind == Kind::kStrength);
    CHECK(t.phase == mp::model::Phase::kMain);
  }
  // Nothing filed as mobility still calls itself strengthening.
  for (const Technique* t :
       techniques_where([](const Technique& t) { return t.kind == Kind::kMobility; })) {
    CAPTURE(t->id);
    CHECK_FALSE(mentions({t->name}, "strength"));
  }
}
