#include <doctest/doctest.h>

#include <sstream>

#include "export/export.hpp"
#include "export/json.hpp"
#include "test_export_fixture.hpp"

namespace {

std::string json_of(const mp::model::Plan& plan, const mp::model::Library& library) {
  mp::exporter::ExportOptions options;
  options.generator = "massage-plan 0.1.0";
  std::ostringstream out;
  mp::exporter::write_plan(out, mp::exporter::Format::kJson, plan, library, options);
  return out.str();
}

}  // namespace

TEST_CASE("export json: a small plan, byte for byte (massage-plan/plan@1)") {
  mp::model::Library lib;
  mp::model::Technique t;
  t.id = "chin-tuck";
  t.name = "Chin tuck";
  t.goals = {{"range-of-motion", 0.1}, {"tension-headache", 0.7}};
  lib.techniques.push_back(t);
  lib.routines.push_back({"desk-neck-reset", "Desk neck reset", "", {{"chin-tuck", 2, {}}}, {}});

  mp::model::Plan plan;
  plan.start = mp::model::Date{std::chrono::year{2026}, std::chrono::March, std::chrono::day{2}};
  plan.days = 2;
  plan.profile.goals = {{"tension-headache", 2, {}}};
  plan.profile.weekdays = {true, false, false, false, false, false, false};
  plan.profile.sessions = {{450, 5}};
  plan.profile.routines = {
      {"desk-neck-reset", {true, false, true, false, false, false, false}, 750, {}}};
  mp::model::PlanDay mon;
  mon.date = plan.start;
  mon.sessions = {
      {450, 452, mp::model::SessionKind::kSelf, "", {{"chin-tuck", 2, 0.1 + 0.2}}},
      {750, 752, mp::model::SessionKind::kRoutine, "desk-neck-reset", {{"chin-tuck", 2, 0.25}}}};
  mp::model::PlanDay tue;
  tue.date = mp::model::add_days(plan.start, 1);
  plan.plan = {mon, tue};
  plan.score.total = 0.55;
  plan.score.goals["tension-headache"] = {0.6, 0.5, 0.55};
  plan.held_back = {{"chin-tuck", "tension-headache", 0.5, {1}}};

  CHECK(json_of(plan, lib) == R"({
  "schema": "massage-plan/plan@1",
  "generator": "massage-plan 0.1.0",
  "start": "2026-03-02",
  "days": 2,
  "profile": {
    "goals": [
      {
        "id": "tension-headache",
        "priority": 2
      }
    ],
    "weekdays": [
      "mon"
    ],
    "sessions": [
      {
        "time": "07:30",
        "minutes": 5
      }
    ],
    "conditions": [],
    "equipment": [],
    "routines": [
      {
        "id": "desk-neck-reset",
        "weekdays": [
          "mon",
          "wed"
        ],
        "time": "12:30"
      }
    ],
    "variety": 0.34,
    "household": true,
    "prefer": [],
    "avoid": []
  },
  "score": {
    "total": 0.55,
    "goals": {
      "tension-headache": {
        "weekly": 0.6,
        "daily": 0.5,
        "score": 0.55,
        "share_cap": 1
      }
    }
  },
  "plan": [
    {
      "date": "2026-03-02",
      "weekday": "mon",
      "sessions": [
        {
          "start": "07:30",
          "end": "07:32",
          "kind": "self",
          "items": [
            {
              "technique": "chin-tuck",
              "name": "Chin tuck",
              "minutes": 2,
              "goals": {
                "range-of-motion": 0.1,
                "tension-headache": 0.7
              },
              "score_share": 0.30000000000000004
            }
          ]
        },
        {
          "start": "12:30",
          "end": "12:32",
          "kind": "routine",
          "routine": "desk-neck-reset",
          "items": [
            {
              "technique": "chin-tuck",
              "name": "Chin tuck",
              "minutes": 2,
              "goals": {
                "range-of-motion": 0.1,
                "tension-headache": 0.7
              },
              "score_share": 0.25
            }
          ]
        }
      ]
    },
    {
      "date": "2026-03-03",
      "weekday": "tue",
      "sessions": []
    }
  ],
  "warnings": [],
  "excluded": [],
  "held_back": [
    {
      "technique": "chin-tuck",
      "goal": "tension-headache",
      "share_cap": 0.5,
      "weeks": [
        1
      ]
    }
  ]
}
)");
}

TEST_CASE("export json: the profile uses the profile YAML keys, professional and timezone") {
  std::string json = json_of(mp::test::export_plan("Europe/Berlin"), mp::test::export_library());
  CHECK(json.find(R"(    "professional": {
      "sessions_per_week": 1,
      "minutes": 60,
      "weekdays": [
        "sat"
      ],
      "time": "10:00",
      "techniques": []
    },
    "routines": [
      {
        "id": "desk-neck-reset",
        "weekdays": [
          "sun"
        ],
        "time": "12:30"
      }
    ],
    "timezone": "Europe/Berlin",
    "variety": 0.34,
    "household": true,
    "prefer": [],
    "avoid": []
  },
  "score": {)") != std::string::npos);
  CHECK(json.find(R"("weekdays": [
      "mon",
      "wed",
      "fri",
      "sat",
      "sun"
    ],)") != std::string::npos);
}

TEST_CASE("export json: text is escaped and invalid UTF-8 is replaced, so the JSON stays valid") {
  auto lib = mp::test::export_library();
  auto plan = mp::test::export_plan();
  plan.warnings = {"tab\there \"q\" back\\slash \x01 bad\xFF"};
  std::string json = json_of(plan, lib);
  CHECK(json.find(R"("tab\there \"q\" back\\slash \u0001 bad)"
                  "\xEF\xBF\xBD\"") != std::string::npos);
  CHECK(json.find(R"("name": "Nackenmassage – schön entspannend 😌, \"sanft\"; C:\\Pfad\\ Ende)") !=
        std::string::npos);
}

TEST_CASE("export json: write_profile_json alone writes a loadable profile object") {
  mp::model::Profile profile;  // the defaults: every weekday, one 07:30 session of 15 minutes
  std::ostringstream out;
  mp::exporter::JsonWriter json(out);
  mp::exporter::write_profile_json(json, profile);
  json.finish();
  CHECK(out.str() == R"({
  "goals": [],
  "weekdays": [
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun"
  ],
  "sessions": [
    {
      "time": "07:30",
      "minutes": 15
    }
  ],
  "conditions": [],
  "equipment": [],
  "routines": [],
  "variety": 0.34,
  "household": true,
  "prefer": [],
  "avoid": []
}
)");
}
