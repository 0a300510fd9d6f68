// The hard limits of docs/limits.md: each one refuses input beyond it with its exact message,
// and the checks that guard against quadratic work stay linear.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "library/profile_reader.hpp"
#include "library/reader.hpp"
#include "library/yaml_tree.hpp"
#include "model/error.hpp"
#include "model/suggest.hpp"

using mp::Diagnostic;
using mp::DiagnosticError;
namespace lib = mp::library;

namespace {

std::vector<Diagnostic> parse_problems(const std::string& text,
                                       const lib::YamlLimits& limits = {}) {
  std::vector<Diagnostic> ds;
  (void)lib::parse_yaml(text, "t.yaml", ds, limits);
  return ds;
}

std::vector<Diagnostic> profile_problems(const std::string& text) {
  try {
    (void)lib::read_profile(text, "p.yaml");
  } catch (const DiagnosticError& e) {
    return e.diagnostics();
  }
  return {};
}

std::string list_of_ids(std::size_t n) {
  std::string text = "[";
  for (std::size_t i = 0; i < n; ++i) text += (i ? ", c" : "c") + std::to_string(i);
  return text + "]";
}

}  // namespace

TEST_CASE("limits: the YAML limits have the documented values") {
  lib::YamlLimits limits;
  CHECK(limits.max_bytes == 16u * 1024 * 1024);
  CHECK(limits.max_depth == 64);
  CHECK(limits.max_nodes == 1'000'000);
  CHECK(limits.max_scalar_bytes == 64u * 1024);
  CHECK(lib::kMaxSessionMinutes == 480);
  CHECK(lib::kMaxProfessionalMinutes == 240);
  CHECK(lib::kMaxListEntries == 1000);
  CHECK(lib::kMaxSessionsPerDay == 24);
}

TEST_CASE("limits: a file over 16 MiB is refused before it is parsed") {
  std::string text(16u * 1024 * 1024 + 1, '#');
  auto ds = parse_problems(text);
  REQUIRE(ds.size() == 1);
  CHECK(mp::format_diagnostic(ds[0]) ==
        "t.yaml: error: file is larger than the limit of 16777216 bytes");
  text.pop_back();  // exactly at the limit: a (long) comment, read fine
  CHECK(parse_problems(text).empty());
}

TEST_CASE("limits: nesting deeper than 64 levels is refused with its location") {
  SUBCASE("flow") {
    auto ds = parse_problems(std::string(65, '[') + std::string(65, ']'));
    REQUIRE(ds.size() == 1);
    CHECK(mp::format_diagnostic(ds[0]) == "t.yaml:1:65: error: nesting deeper than 64 levels");
    CHECK(parse_problems(std::string(64, '[') + std::string(64, ']')).empty());
  }
  SUBCASE("block") {
    std::string text;
    for (int i = 0; i < 70; ++i) text += std::string(static_cast<std::size_t>(i) * 4, ' ') + "k:\n";
    auto ds = parse_problems(text);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].message == "nesting deeper than 64 levels");
  }
}

TEST_CASE("limits: more values than max_nodes are refused") {
  lib::YamlLimits limits;
  limits.max_nodes = 10;
  auto ds = parse_problems(list_of_ids(20), limits);
  REQUIRE(ds.size() == 1);
  CHECK(mp::format_diagnostic(ds[0]) == "t.yaml:1:38: error: more than 10 values in one file");
  CHECK(parse_problems(list_of_ids(9), limits).empty());
}

TEST_CASE("limits: a value longer than 64 KiB is refused") {
  std::string text = "name: " + std::string(64 * 1024 + 1, 'x') + "\n";
  auto ds = parse_problems(text);
  REQUIRE(ds.size() == 1);
  CHECK(mp::format_diagnostic(ds[0]) ==
        "t.yaml:1:7: error: a value of 65537 bytes is longer than the limit of 65536 bytes");
  CHECK(parse_problems("name: " + std::string(64 * 1024, 'x') + "\n").empty());
}

TEST_CASE("limits: profile lists are capped") {
  SUBCASE("conditions") {
    auto ds = profile_problems("conditions: " + list_of_ids(1001) + "\n");
    REQUIRE(ds.size() == 1);
    CHECK(mp::format_diagnostic(ds[0]) ==
          "p.yaml:1:13: error: conditions lists more than 1000 entries");
    CHECK(profile_problems("conditions: " + list_of_ids(1000) + "\n").empty());
  }
  SUBCASE("goals") {
    auto ds = profile_problems("goals: " + list_of_ids(1001) + "\n");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].message == "goals lists more than 1000 entries");
  }
  SUBCASE("routines") {
    auto ds = profile_problems("routines: " + list_of_ids(1001) + "\n");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].message == "routines lists more than 1000 entries");
  }
  SUBCASE("sessions: at most 24 a day, and the rest is not read") {
    std::string text = "sessions:\n";
    for (int h = 0; h < 25; ++h)
      text += "  - {time: \"" + std::string(h < 10 ? "0" : "") + std::to_string(h % 24) +
              ":00\", minutes: 0}\n";
    auto ds = profile_problems(text);
    REQUIRE(ds.size() == 1);  // not also 25 "minutes must be between 1 and 480"
    CHECK(mp::format_diagnostic(ds[0]) == "p.yaml:2:3: error: more than 24 sessions a day");
  }
}

TEST_CASE("limits: a long duplicate-free id list is read in linear time") {
  // 200,000 distinct ids: a linear duplicate search made this 2·10^10 comparisons (minutes);
  // linear, it takes well under a second. Only time tells them apart, so the assertion is the
  // ctest TIMEOUT that tests/unit/timeouts.cmake sets on this test: it fails when it is slow.
  std::vector<Diagnostic> ds;
  auto docs = lib::parse_yaml("c: " + list_of_ids(200'000) + "\n", "t.yaml", ds);
  REQUIRE(ds.empty());
  lib::Reader r("t.yaml", ds);
  auto ids = r.read_ids(docs.at(0).val(0), "conditions");
  REQUIRE(ids);
  CHECK(ids->size() == 200'000);
  CHECK(ds.empty());
}

TEST_CASE("limits: did-you-mean skips words too long to be typos") {
  std::vector<std::string> ids{"tension-headache", "stress-reduction"};
  CHECK(mp::model::did_you_mean("tension-headach", ids) == "did you mean 'tension-headache'?");
  CHECK(mp::model::did_you_mean(std::string(101, 'a'), {std::string(101, 'a') + "b"}).empty());
  CHECK(mp::model::did_you_mean("stress", ids).empty());
}

TEST_CASE("limits: a diagnostic without a file names the program") {
  CHECK(mp::format_diagnostic(Diagnostic{{}, "unknown goal 'x'", {}}) ==
        "massage-plan: error: unknown goal 'x'");
}

TEST_CASE("fuzz finding: a stray ',' after a top-level scalar is a syntax error") {
  // yaml-cpp handed out empty documents at the ',' forever; only the million-value limit stopped
  // it, after seconds and half a gigabyte.
  for (std::string text : {"\"a\",", "\"a\",\n", "a: 1\n--- \"b\",\n"}) {
    CAPTURE(text);
    std::vector<Diagnostic> ds;
    auto docs = lib::parse_yaml(text, "t.yaml", ds);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].message == "YAML syntax: unexpected ','");
    CHECK(docs.size() <= 3);  // what came before the comma, and one empty document at most
  }
}
