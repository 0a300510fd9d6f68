// cli::run as a whole: argv in, exit status and the exact text on each stream out (the golden
// tests in tests/cli/cases hold whole runs of the real program; these pin the mapping of
// problems to exit statuses).
#include <doctest/doctest.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.hpp"

namespace {

struct Run {
  int status;
  std::string out;
  std::string err;
};

Run run(std::vector<std::string> args) {
  // No user library or profile: the configuration folder does not exist.
  ::setenv("XDG_CONFIG_HOME", "/nonexistent/massage-plan-test", 1);
  args.insert(args.begin(), "massage-plan");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::ostringstream out;
  std::ostringstream err;
  int status = mp::cli::run(static_cast<int>(args.size()), argv.data(), out, err);
  return Run{status, out.str(), err.str()};
}

}  // namespace

TEST_CASE("cli: an unknown command is 64 with the closest command as a hint") {
  auto r = run({"plna"});
  CHECK(r.status == 64);
  CHECK(r.out.empty());
  CHECK(r.err == "massage-plan: error: unknown command 'plna'\n  hint: did you mean 'plan'?\n");
}

TEST_CASE("cli: a bad flag value is 64 with one error line") {
  auto r = run({"plan", "--start", "2026-01-05", "--minutes", "0"});
  CHECK(r.status == 64);
  CHECK(r.out.empty());
  CHECK(r.err == "massage-plan: error: --minutes 0: use 1 to 480\n");
}

TEST_CASE("cli: several profile problems from flags are all listed, then counted") {
  auto r = run({"plan", "--start", "2026-01-05", "--session", "07:00=30", "--session", "07:10=10",
                "--session", "23:55=10"});
  CHECK(r.status == 64);
  CHECK(r.err ==
        "massage-plan: error: session at 07:10 overlaps the session at 07:00\n"
        "massage-plan: error: session at 23:55 for 10 minutes runs past midnight\n"
        "massage-plan: 2 errors\n");
}

TEST_CASE("cli: a missing file is 66 naming it") {
  auto r = run({"score", "/nonexistent/plan.json"});
  CHECK(r.status == 66);
  CHECK(r.err.rfind("massage-plan: error: ", 0) == 0);
  CHECK(r.err.find("/nonexistent/plan.json") != std::string::npos);
}

TEST_CASE("cli: a good run prints to out only and returns 0") {
  auto r = run({"-q", "validate"});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
  auto v = run({"--version"});
  CHECK(v.status == 0);
  CHECK(v.out.rfind("massage-plan ", 0) == 0);
}
