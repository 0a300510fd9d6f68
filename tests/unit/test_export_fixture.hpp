#pragma once
// A small library and plan built in code for the export tests and the consumer checks: three
// kinds of session, a day without sessions, a DST change in Europe/Berlin (2026-03-29), and
// text meant to break writers (commas, semicolons, quotes, backslashes, newlines, long UTF-8).
#include <string>

#include "model/library.hpp"
#include "model/plan.hpp"

namespace mp::test {

/// A name with every character a writer must escape, and long UTF-8 (umlauts, dash, emoji).
inline std::string nasty_name() {
  return "Nackenmassage – schön entspannend 😌, \"sanft\"; C:\\Pfad\\ Ende";
}

/// A step full of Markdown syntax that must render literally.
inline std::string markup_step() {
  return "1. starts like a list - *stars* _under_ [link](x) <b>tag</b> & # | ~ `code` \\";
}

inline model::Library export_library() {
  model::Library lib;
  lib.goals = {
      {"tension-headache", "Tension headache relief", "Ease headaches.", 90, {}},
      {"stress-reduction", "Stress reduction", "Calm down.", 60, {}},
      {"range-of-motion", "Range of motion", "Turn the head freely.", 45, {}},
  };
  auto technique = [](std::string id, std::string name, model::Kind kind,
                      std::map<std::string, double> goals, std::string dose,
                      std::vector<model::Step> steps, std::vector<std::string> cautions) {
    model::Technique t;
    t.id = std::move(id);
    t.name = std::move(name);
    t.kind = kind;
    t.performer = model::default_performer(kind);
    t.goals = std::move(goals);
    t.duration = {1, 3, 10};
    t.dose = std::move(dose);
    t.steps = std::move(steps);
    t.cautions = std::move(cautions);
    return t;
  };
  lib.techniques = {
      technique("chin-tuck", "Chin tuck", model::Kind::kMobility, {{"range-of-motion", 0.7}},
                "10 reps, hold 3 s", {"Sit tall.", "Draw the chin straight back."}, {}),
      technique("upper-trap-stretch", "Upper trapezius stretch", model::Kind::kStretch,
                {{"tension-headache", 0.6}, {"range-of-motion", 0.8}, {"muscle-relaxation", 0.5}},
                "Hold 30 s, 2 times each side",
                {"Sit tall and hold the chair seat with one hand.",
                 "Tilt the ear towards the other shoulder."},
                {"Stop if you feel tingling in the arm."}),
      technique("box-breathing", "Box breathing", model::Kind::kBreathing,
                {{"stress-reduction", 0.9}, {"tension-headache", 0.2}}, "4 s in, 4 s hold, 4 s out",
                {"Breathe in for 4 s.", "Hold for 4 s.", "Breathe out for 4 s."}, {}),
      technique(
          "nasty-text", nasty_name() + " " + nasty_name() + " " + nasty_name(),
          model::Kind::kSelfMassage, {{"tension-headache", 0.1}, {"stress-reduction", 0.3}},
          "Dose; with, commas \\ and\nnewlines\r\nand a very long tail: " + nasty_name() + " " +
              nasty_name(),
          {"Step one, with a comma; and a semicolon.", "Step two\nspans two lines.", markup_step(),
           nasty_name() + nasty_name() + nasty_name()},
          {"Careful: \"quotes\", commas; semicolons \\ backslashes.", "- looks like a bullet"}),
  };
  model::Technique swedish =
      technique("swedish-massage", "Swedish massage", model::Kind::kProfessional,
                {{"stress-reduction", 1.0}, {"tension-headache", 0.5}},
                "Full back, neck and shoulders", {}, {});
  swedish.duration = {30, 60, 90};
  swedish.description = "Long gliding strokes by a therapist.";
  lib.techniques.push_back(swedish);
  lib.routines = {{"desk-neck-reset",
                   "Desk neck reset; quick, simple",
                   "Five minutes between meetings.\nNo equipment.",
                   {{"chin-tuck", 1, {}}, {"upper-trap-stretch", 2, {}}, {"box-breathing", 2, {}}},
                   {}}};
  lib.sort_by_id();
  return lib;
}

/// A 4-day plan from Saturday 2026-03-28; timezone empty = floating times.
inline model::Plan export_plan(const std::string& timezone = {}) {
  model::Plan plan;
  plan.start = model::Date{std::chrono::year{2026}, std::chrono::March, std::chrono::day{28}};
  plan.days = 4;
  auto& p = plan.profile;
  p.goals = {{"tension-headache", 3, {}}, {"stress-reduction", 1, {}}};
  p.weekdays = {true, false, true, false, true, true, true};
  p.sessions = {{7 * 60 + 30, 15}, {21 * 60, 10}};
  p.conditions = {"anticoagulants"};
  p.equipment = {"tennis-ball", "mat"};
  model::Professional pro;
  pro.sessions_per_week = 1;
  pro.minutes = 60;
  pro.weekdays = {false, false, false, false, false, true, false};
  pro.start_minute = 10 * 60;
  p.professional = pro;
  p.routines = {
      {"desk-neck-reset", {false, false, false, false, false, false, true}, 12 * 60 + 30, {}}};
  p.timezone = timezone;

  auto day = [&](int n) {
    model::PlanDay d;
    d.date = model::add_days(plan.start, n);
    d.weekday = model::weekday_of(d.date);
    return d;
  };
  using model::SessionKind;
  model::PlanDay sat = day(0);
  sat.sessions = {
      {7 * 60 + 30,
       7 * 60 + 40,
       SessionKind::kSelf,
       "",
       {{"chin-tuck", 2, 0.01}, {"upper-trap-stretch", 3, 0.0625}, {"nasty-text", 5, 0.1}}},
      {10 * 60, 11 * 60, SessionKind::kProfessional, "", {{"swedish-massage", 60, 0.25}}},
  };
  model::PlanDay sun = day(1);
  sun.sessions = {
      {7 * 60 + 30, 7 * 60 + 40, SessionKind::kSelf, "", {{"nasty-text", 10, 0.02}}},
      {12 * 60 + 30,
       12 * 60 + 35,
       SessionKind::kRoutine,
       "desk-neck-reset",
       {{"chin-tuck", 1, 0.0}, {"upper-trap-stretch", 2, 0.03}, {"box-breathing", 2, 0.04}}},
  };
  model::PlanDay mon = day(2);  // not a self-care weekday: no sessions
  model::PlanDay tue = day(3);
  tue.sessions = {
      {7 * 60 + 30,
       7 * 60 + 36,
       SessionKind::kSelf,
       "",
       {{"chin-tuck", 3, 0.05}, {"upper-trap-stretch", 3, 0.1}}},
      {21 * 60,
       21 * 60 + 8,
       SessionKind::kSelf,
       "",
       {{"box-breathing", 4, 0.1}, {"nasty-text", 4, 0.05}}},
  };
  plan.plan = {sat, sun, mon, tue};

  plan.score.total = 0.7125;
  plan.score.goals["tension-headache"] = {0.8, 0.55, 0.675};
  plan.score.goals["stress-reduction"] = {1.0, 0.65, 0.825};
  plan.warnings = {"Only 4 days planned; a full week scores more evenly.",
                   "Warning with \"quotes\", commas; and\na newline"};
  plan.excluded = {{"deep-tissue", "contraindicated: anticoagulants (Taking blood thinners)"},
                   {"ball-release", "needs equipment you do not have: foam-roller"}};
  return plan;
}

}  // namespace mp::test
