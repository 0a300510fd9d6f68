// Timed steps (SPEC §3, v3): how the loader reads them, and every error with its exact message.
#include <doctest/doctest.h>

#include <string>

#include "builtin/builtin.hpp"
#include "library/loader.hpp"
#include "model/step.hpp"

using mp::Diagnostic;
using mp::DiagnosticError;
using mp::model::Sides;
using mp::model::Step;
namespace lib = mp::library;

namespace {

std::vector<Diagnostic> problems(const std::string& text) {
  try {
    lib::load_library_text(text, "t.yaml");
  } catch (const DiagnosticError& e) {
    return e.diagnostics();
  }
  return {};
}

// Every diagnostic as printed, one after another (each ends in a newline).
std::string messages(const std::string& text) {
  std::string out;
  for (const auto& d : problems(text)) out += mp::format_diagnostic(d) + "\n";
  return out;
}

// A technique of max 5 minutes whose steps are the given YAML lines (each "      - …").
std::string with_steps(const std::string& steps) {
  return R"(goals:
  - {id: calm, name: Calm, weekly_target_minutes: 60}
techniques:
  - id: stretch
    name: Stretch
    kind: stretch
    goals: {calm: 0.5}
    duration: {min: 2, default: 3, max: 5}
    steps:
      - "Sit tall."
)" + steps;
}

}  // namespace

TEST_CASE("steps: a plain string is untimed, a mapping is timed with its defaults") {
  auto library = lib::load_library_text(
      with_steps("      - {text: Hold., seconds: 30, sides: both, repeat: 2, rest: 10}\n"
                 "      - {text: Breathe., seconds: 60}\n"),
      "t.yaml");
  const auto& steps = library.techniques.at(0).steps;
  REQUIRE(steps.size() == 3);
  CHECK(steps[0] == Step("Sit tall."));
  CHECK_FALSE(steps[0].timed());
  CHECK(steps[1] == Step("Hold.", 30, Sides::kBoth, 2, 10));
  CHECK(steps[2] == Step("Breathe.", 60, Sides::kOne, 1, 0));
}

TEST_CASE("steps: the total counts every side and round and the rests between them") {
  Step hold("Hold.", 30, Sides::kBoth, 2, 10);
  CHECK(hold.parts() == 4);
  CHECK(hold.total_seconds() == 4 * 30 + 3 * 10);
  CHECK(hold.timing() == "30 s, each side, 2 rounds, 10 s rest");
  CHECK(hold.line() == "Hold. (30 s, each side, 2 rounds)");
  CHECK(Step("Once.", 45).timing() == "45 s");
  CHECK(Step("Once.", 45, Sides::kOne, 1, 20).timing() == "45 s");  // no rest with one part
  CHECK(Step("Read.").line() == "Read.");
  CHECK(mp::model::timed_seconds({Step("Read."), hold, Step("Once.", 45)}) == 150 + 45);
}

TEST_CASE("steps: an unknown key is an error with did-you-mean") {
  CHECK(messages(with_steps("      - {text: Hold., second: 30}\n")) ==
        "t.yaml:11:9: error: step 2 of technique 'stretch' is missing required key 'seconds'\n"
        "t.yaml:11:23: error: unknown key 'second' in step 2 of technique 'stretch'\n"
        "  hint: did you mean 'seconds'?\n");
}

TEST_CASE("steps: text and seconds are required") {
  CHECK(messages(with_steps("      - {seconds: 30}\n")) ==
        "t.yaml:11:9: error: step 2 of technique 'stretch' is missing required key 'text'\n");
}

TEST_CASE("steps: values out of range are located errors") {
  SUBCASE("seconds") {
    CHECK(messages(with_steps("      - {text: Hold., seconds: 601}\n")) ==
          "t.yaml:11:32: error: seconds must be between 1 and 600, not 601\n");
    CHECK(messages(with_steps("      - {text: Hold., seconds: 0}\n")) ==
          "t.yaml:11:32: error: seconds must be between 1 and 600, not 0\n");
    CHECK(messages(with_steps("      - {text: Hold., seconds: half}\n")) ==
          "t.yaml:11:32: error: seconds must be a whole number, not 'half'\n");
  }
  SUBCASE("sides") {
    CHECK(messages(with_steps("      - {text: Hold., seconds: 30, sides: bothe}\n")) ==
          "t.yaml:11:43: error: unknown sides 'bothe'\n  hint: did you mean 'both'?\n");
    CHECK(messages(with_steps("      - {text: Hold., seconds: 30, sides: left}\n")) ==
          "t.yaml:11:43: error: unknown sides 'left'\n  hint: use one of: one, both\n");
  }
  SUBCASE("repeat") {
    CHECK(messages(with_steps("      - {text: Hold., seconds: 30, repeat: 0}\n")) ==
          "t.yaml:11:44: error: repeat must be between 1 and 100, not 0\n");
  }
  SUBCASE("rest") {
    CHECK(messages(with_steps("      - {text: Hold., seconds: 30, rest: -5}\n")) ==
          "t.yaml:11:42: error: rest must be between 0 and 600, not -5\n");
  }
}

TEST_CASE("steps: an entry that is neither text nor a mapping is an error") {
  CHECK(messages(with_steps("      - [Hold., 30]\n")) ==
        "t.yaml:11:9: error: each entry of steps must be text or a timed step {text, "
        "seconds, …}, not a list\n");
}

TEST_CASE("steps: a timed step longer than the technique's maximum minutes is an error") {
  // 60 s each side, 3 rounds, 15 s rest: 6 × 60 + 5 × 15 = 435 s > 5 min.
  CHECK(messages(
            with_steps("      - {text: Hold., seconds: 60, sides: both, repeat: 3, rest: 15}\n")) ==
        "t.yaml:11:9: error: step 2 of technique 'stretch' takes 435 s (60 s, each side, 3 "
        "rounds, 15 s rest), more than its duration max of 5 min\n"
        "  hint: shorten the hold, or give fewer rounds, or raise duration max\n");
}

TEST_CASE("steps: timed steps that together take longer than the maximum are an error") {
  CHECK(messages(with_steps("      - {text: Hold., seconds: 200}\n"
                            "      - {text: Breathe., seconds: 101}\n")) ==
        "t.yaml:10:7: error: the timed steps of technique 'stretch' take 301 s in all, more "
        "than its duration max of 5 min\n"
        "  hint: shorten the holds, or give fewer rounds, or raise duration max\n");
  CHECK(messages(with_steps("      - {text: Hold., seconds: 200}\n"
                            "      - {text: Breathe., seconds: 100}\n"))
            .empty());
}

TEST_CASE("steps: every built-in self or partner technique has timed steps that fit its maximum") {
  int guided = 0;
  for (const auto& t : mp::builtin::load().techniques) {
    if (t.performer == mp::model::Performer::kTherapist) continue;
    CAPTURE(t.id);
    ++guided;
    CHECK(mp::model::timed_seconds(t.steps) > 0);
    CHECK(mp::model::timed_seconds(t.steps) <= t.duration.max * 60);
  }
  CHECK(guided > 40);
}
