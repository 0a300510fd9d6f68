#include <doctest/doctest.h>

#include <sstream>

#include "export/export.hpp"
#include "test_export_fixture.hpp"

namespace {

mp::model::Library small_library() {
  mp::model::Library lib;
  mp::model::Technique t;
  t.id = "odd-name";
  t.name = "Roll, \"press\"\nand rest";
  t.goals = {{"stress-reduction", 0.1}, {"tension-headache", 0.3}};
  lib.techniques.push_back(t);
  t.id = "plain";
  t.name = "Plain";
  t.goals = {{"tension-headache", 1.0}};
  lib.techniques.push_back(t);
  lib.sort_by_id();
  return lib;
}

mp::model::Plan small_plan() {
  mp::model::Plan plan;
  plan.start = mp::model::Date{std::chrono::year{2026}, std::chrono::March, std::chrono::day{2}};
  plan.days = 2;
  mp::model::PlanDay day;
  day.date = plan.start;
  day.sessions = {
      {450, 460, mp::model::SessionKind::kSelf, "", {{"odd-name", 4, 0.1}, {"plain", 6, 0.2}}}};
  mp::model::PlanDay rest;
  rest.date = mp::model::add_days(plan.start, 1);
  plan.plan = {day, rest};
  return plan;
}

}  // namespace

TEST_CASE("export csv: RFC 4180 rows with CRLF, quoting and doubled quotes") {
  std::ostringstream out;
  mp::exporter::write_plan(out, mp::exporter::Format::kCsv, small_plan(), small_library(), {});
  CHECK(out.str() ==
        "date,start,end,session_kind,technique,name,minutes,goals\r\n"
        "2026-03-02,07:30,07:40,self,odd-name,\"Roll, \"\"press\"\"\nand rest\",4,"
        "stress-reduction:0.1;tension-headache:0.3\r\n"
        "2026-03-02,07:30,07:40,self,plain,Plain,6,tension-headache:1\r\n");
}

TEST_CASE("export csv: one row per item, every session kind, no rows for empty days") {
  std::ostringstream out;
  mp::exporter::write_plan(out, mp::exporter::Format::kCsv, mp::test::export_plan(),
                           mp::test::export_library(), {});
  std::string csv = out.str();
  int records = 0;
  for (std::size_t pos = csv.find("\r\n"); pos != std::string::npos;
       pos = csv.find("\r\n", pos + 2))
    ++records;
  CHECK(records == 1 + 12);
  CHECK(csv.find("2026-03-28,10:00,11:00,professional,swedish-massage,Swedish massage,60,"
                 "stress-reduction:1;tension-headache:0.5\r\n") != std::string::npos);
  CHECK(csv.find("2026-03-29,12:30,12:35,routine,chin-tuck,Chin tuck,1,range-of-motion:0.7\r\n") !=
        std::string::npos);
  CHECK(csv.find("2026-03-30") == std::string::npos);
  // A technique the library lacks still gets a row, named by its id, with no goals.
  auto plan = small_plan();
  plan.plan[0].sessions[0].items = {{"gone", 3, 0}};
  std::ostringstream lost;
  mp::exporter::write_plan(lost, mp::exporter::Format::kCsv, plan, small_library(), {});
  CHECK(lost.str().ends_with("2026-03-02,07:30,07:40,self,gone,gone,3,\r\n"));
}
