// read_profile: reading problems and the whole-profile rules (model::check_profile) reported
// together, each once, located where they were written.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "library/profile_reader.hpp"
#include "model/error.hpp"
#include "model/library.hpp"

namespace {

std::vector<std::string> problems(const std::string& text) {
  std::vector<std::string> out;
  try {
    (void)mp::library::read_profile(text, "p.yaml");
  } catch (const mp::DiagnosticError& e) {
    for (const auto& d : e.diagnostics()) out.push_back(mp::format_diagnostic(d));
  }
  return out;
}

}  // namespace

TEST_CASE("profile reader: a reading problem and a rule problem are both reported, once each") {
  CHECK(problems("goals: [calm]\nsessions:\n  - {time: \"7:30\", minutes: 10}\n"
                 "  - {time: \"08:00\", minutes: 30}\n  - {time: \"08:15\", minutes: 5}\n") ==
        std::vector<std::string>{
            "p.yaml:3:12: error: time '7:30' is not a time of day: use HH:MM, 00:00 to 23:59",
            "p.yaml:5:5: error: session at 08:15 overlaps the session at 08:00"});
}

TEST_CASE("profile reader: sessions that cannot be read are not also called missing") {
  CHECK(problems("sessions:\n  - {time: \"07:30\", minutes: 0}\n") ==
        std::vector<std::string>{
            "p.yaml:2:30: error: session minutes must be between 1 and 480, not 0"});
}

TEST_CASE("profile reader: an empty session list is reported at the profile") {
  CHECK(problems("weekdays: [mon]\nsessions: []\n") ==
        std::vector<std::string>{"p.yaml:1:1: error: sessions must list at least one session"});
}

TEST_CASE("profile reader: sessions come out in the order of the day, each with its location") {
  auto p = mp::library::read_profile(
      "sessions:\n  - {time: \"18:00\", minutes: 10}\n  - {time: \"07:00\", minutes: 10}\n",
      "p.yaml");
  REQUIRE(p.sessions.size() == 2);
  CHECK(p.sessions[0].start_minute == 7 * 60);
  CHECK(p.sessions[0].where == mp::SourceLocation{"p.yaml", 3, 5});
  CHECK(p.sessions[1].where == mp::SourceLocation{"p.yaml", 2, 5});
}

TEST_CASE("profile reader: a professional session past midnight is located at its mapping") {
  CHECK(problems("professional:\n  time: \"23:30\"\n  minutes: 60\n") ==
        std::vector<std::string>{"p.yaml:2:3: error: professional session at 23:30 for 60 "
                                 "minutes runs past midnight"});
}

TEST_CASE("profile reader: prefer, avoid and the therapist's style (v3), checked against the library") {
  mp::model::Library lib;
  for (const char* id : {"cat-cow", "swedish-massage", "wall-ball-upper-back"}) {
    mp::model::Technique t;
    t.id = id;
    lib.techniques.push_back(t);
  }
  auto p = mp::library::read_profile(
      "prefer: [wall-ball-upper-back]\navoid: [cat-cow]\n"
      "professional: {sessions_per_week: 1, techniques: [swedish-massage]}\n",
      "p.yaml", &lib);
  CHECK(p.prefer == std::vector<std::string>{"wall-ball-upper-back"});
  CHECK(p.avoid == std::vector<std::string>{"cat-cow"});
  REQUIRE(p.professional);
  CHECK(p.professional->techniques == std::vector<std::string>{"swedish-massage"});
  std::vector<std::string> out;
  try {
    (void)mp::library::read_profile("prefer: [cat-cw]\navoid: [cat-cow]\n", "p.yaml", &lib);
  } catch (const mp::DiagnosticError& e) {
    for (const auto& d : e.diagnostics()) out.push_back(mp::format_diagnostic(d));
  }
  CHECK(out == std::vector<std::string>{"p.yaml:1:10: error: unknown technique 'cat-cw'\n"
                                        "  hint: did you mean 'cat-cow'? `massage-plan list techniques` "
                                        "shows them all"});
  CHECK(problems("prefer: [a]\navoid: [a]\n") ==
        std::vector<std::string>{
            "p.yaml:1:1: error: technique 'a' is both preferred and avoided: keep it in one list"});
}
