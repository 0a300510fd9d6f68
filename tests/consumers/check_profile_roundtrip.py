#!/usr/bin/python3
"""The "profile" object of a JSON plan must load back as a profile (SPEC §3 keys). Runs the real
massage-plan binary twice: once from a YAML profile using every profile key, then from the
"profile" object the first plan printed; both plans must be valid against the schema and equal.
Usage: check_profile_roundtrip.py MASSAGE_PLAN SCHEMA"""
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

PROFILE = """\
goals: [{id: tension-headache, priority: 3}, {id: stress-reduction, priority: 1}]
weekdays: [mon, tue, wed, thu, fri]
sessions: [{time: "07:30", minutes: 15}, {time: "21:00", minutes: 10}]
conditions: [anticoagulants]
equipment: [tennis-ball, mat]
professional: {sessions_per_week: 1, minutes: 60, weekdays: [sat], time: "10:00"}
routines: [{id: desk-neck-reset, weekdays: [mon, wed, fri], time: "12:30"}]
timezone: Europe/Berlin
"""


def plan(binary, profile_path, home):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1774000000", XDG_CONFIG_HOME=home, HOME=home,
               NO_COLOR="1")
    run = subprocess.run([binary, "--profile", profile_path, "plan", "--start", "2026-03-23",
                          "--format", "json"], env=env, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"check_profile_roundtrip: {binary} exited {run.returncode}: {run.stderr}")
    return json.loads(run.stdout)


def main():
    binary, schema_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        validator = jsonschema.Draft202012Validator(json.load(f))
    with tempfile.TemporaryDirectory() as home:
        first_path = os.path.join(home, "profile.yaml")
        with open(first_path, "w", encoding="utf-8") as f:
            f.write(PROFILE)
        first = plan(binary, first_path, home)
        # JSON is YAML: the printed profile object is itself a profile file.
        second_path = os.path.join(home, "from-json.yaml")
        with open(second_path, "w", encoding="utf-8") as f:
            json.dump(first["profile"], f, indent=2, ensure_ascii=False)
        second = plan(binary, second_path, home)
    problems = []
    for name, doc in (("first", first), ("second", second)):
        for e in validator.iter_errors(doc):
            problems.append(f"{name} plan: {'/'.join(map(str, e.path))}: {e.message}")
    expected_keys = {"goals", "weekdays", "sessions", "conditions", "equipment", "professional",
                     "routines", "timezone", "variety", "household", "prefer", "avoid"}
    if set(first["profile"]) != expected_keys:
        problems.append(f"profile keys {sorted(first['profile'])}, expected {sorted(expected_keys)}")
    if first["profile"] != second["profile"]:
        problems.append("the profile changed on the way back")
    if first["plan"] != second["plan"] or first["score"] != second["score"]:
        problems.append("the same profile gave a different plan")
    for p in problems:
        print(f"check_profile_roundtrip: {p}", file=sys.stderr)
    if not problems:
        print("check_profile_roundtrip: the plan's profile loads back and plans the same")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
