#!/usr/bin/env python3
"""`score` must accept every plan `plan --format json` writes, and catch every kind of tampering:
a wrong claimed score, minutes outside a technique's range, a technique used twice a day, a
contraindicated technique, a slot over its minutes, self-care on a day off."""
import copy
import json
import os
import subprocess
import sys
import tempfile

PROGRAM = sys.argv[1]
PROFILES = [
    ["--goal", "tension-headache:3", "--goal", "stress-reduction", "--minutes", "15"],
    ["--session", "07:30=10", "--session", "21:00=15", "--pro", "1", "--pro-weekdays", "sat",
     "--equipment", "tennis-ball", "--equipment", "mat", "--weeks", "2"],
    ["--goal", "range-of-motion", "--condition", "anticoagulants", "--condition", "osteoporosis",
     "--weekdays", "mon,wed,fri", "--days", "10"],
    ["--routine", "desk-neck-reset", "--days", "3"],
]

failures = []


def run(args, home):
    env = {"PATH": os.environ.get("PATH", ""), "HOME": home, "TZ": "UTC"}
    for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
        if k in os.environ:
            env[k] = os.environ[k]
    return subprocess.run([PROGRAM] + args, capture_output=True, text=True, env=env, timeout=60)


def check(name, cond, detail=""):
    if not cond:
        failures.append(f"{name}: {detail}")


def score_of(plan, home, name):
    path = os.path.join(home, name + ".json")
    with open(path, "w") as f:
        json.dump(plan, f)
    return run(["score", path], home)


def first_item(plan):
    for day in plan["plan"]:
        for s in day["sessions"]:
            if s["kind"] == "self" and s["items"]:
                return day, s
    return None, None


with tempfile.TemporaryDirectory() as home:
    for i, args in enumerate(PROFILES):
        made = run(["plan", "--start", "2026-11-30", "--format", "json"] + args, home)
        check(f"profile {i} plans", made.returncode == 0, made.stderr)
        if made.returncode != 0:
            continue
        plan = json.loads(made.stdout)
        ok = score_of(plan, home, f"p{i}")
        check(f"profile {i} scores clean", ok.returncode == 0, ok.stdout + ok.stderr)

        bad = copy.deepcopy(plan)
        bad["score"]["total"] = min(1.0, bad["score"]["total"] + 0.01) if bad["score"]["total"] < 0.995 else 0.5
        r = score_of(bad, home, f"p{i}-total")
        check(f"profile {i}: a wrong total is caught", r.returncode == 65 and "claims a total" in r.stderr, r.stderr)

        day, session = first_item(plan)
        if session is None:
            continue
        bad = copy.deepcopy(plan)
        d, s = first_item(bad)
        s["items"][0]["minutes"] = 999
        r = score_of(bad, home, f"p{i}-minutes")
        check(f"profile {i}: minutes out of range are caught", r.returncode == 65 and "constraint broken" in r.stderr, r.stderr)

        bad = copy.deepcopy(plan)
        d, s = first_item(bad)
        s["items"].append(copy.deepcopy(s["items"][0]))
        r = score_of(bad, home, f"p{i}-twice")
        check(f"profile {i}: a technique twice a day is caught", r.returncode == 65 and "constraint broken" in r.stderr, r.stderr)

        bad = copy.deepcopy(plan)
        bad["profile"].setdefault("conditions", []).append("dvt")
        d, s = first_item(bad)
        s["items"][0] = {"technique": "neck-shoulder-self-massage", "name": "Neck and upper trapezius self-massage", "minutes": 6, "goals": {}}
        r = score_of(bad, home, f"p{i}-contra")
        check(f"profile {i}: a contraindicated technique is caught", r.returncode == 65 and "constraint broken" in r.stderr, r.stderr)

print("\n".join(failures) if failures else "all round trips hold")
print(f"{len(PROFILES) * 5 - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
