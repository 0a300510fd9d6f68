#!/usr/bin/env python3
"""The saved plan as other programs meet it (issue 26 §1, docs/guide.md).

Usage: check_saved_plan.py PROGRAM SOURCE_DIR CHECK

  ics-uids           `plan --format ics` and `agenda --format ics` of the same saved sessions
                     carry the same UIDs (a calendar that imported one updates its events from
                     the other), for self-care, professional and routine sessions, with a time
                     zone too, before and after sessions are marked; with the same
                     SOURCE_DATE_EPOCH the two files are identical.
  json-schema        `agenda --format json` validates against docs/plan.schema.json, carries each
                     session's state, and `score` reads it back clean.
  missing-technique  a saved technique no longer in the library: exit 0, a warning naming it,
                     the session shown under the technique's id.
  real-clock         without MASSAGE_PLAN_NOW, `today` and `agenda` start at the real today.
  agenda-html        `agenda --format html` with done, skipped, paused and open sessions passes
                     html-validate (tests/consumers/html, installed by scripts/install-deps.sh
                     test; skipped, exit 77, when it is not installed) and labels the states.

HOME is a fresh empty folder and TZ=UTC, as in every test that runs the program.
"""
import datetime
import json
import os
import subprocess
import sys
import tempfile


class Checker:
    def __init__(self, program, home):
        self.program = program
        self.problems = []
        self.env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "TZ": "UTC",
                    "LC_ALL": "C.UTF-8", "XDG_CONFIG_HOME": os.path.join(home, ".config"),
                    "SOURCE_DATE_EPOCH": "1772000000",
                    "MASSAGE_PLAN_NOW": "2026-03-02T06:00"}
        for asan in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
            if asan in os.environ:
                self.env[asan] = os.environ[asan]
        self.history = os.path.join(home, "h.db")

    def run(self, *words, status=0, env=None):
        r = subprocess.run([self.program, "--history", self.history, *words],
                           capture_output=True, text=True, env=env or self.env, timeout=60)
        if status is not None and r.returncode != status:
            self.problems.append(f"{' '.join(words)}: expected exit {status}, got "
                                 f"{r.returncode}\n{r.stdout}{r.stderr}")
        return r


def uids(ics):
    return [line.rstrip("\r")[4:] for line in ics.split("\n") if line.startswith("UID:")]


def check_ics_uids(c, source):
    plans = [
        ["--goal", "tension-headache", "--session", "07:30=10", "--session", "21:00=10",
         "--pro", "1", "--pro-weekdays", "wed"],
        ["--routine", "desk-neck-reset", "--session", "12:30=5"],
    ]
    home = os.path.dirname(c.history)
    for n, words in enumerate(plans):
        for zone in ([], ["--timezone", "Europe/Berlin"]):
            c.history = os.path.join(home, f"h{n}{len(zone)}.db")
            base = ["--start", "2026-03-02", "--days", "7", *words, *zone]
            planned = c.run("plan", *base, "--format", "ics").stdout
            c.run("plan", *base, "--save")
            agenda = c.run("agenda", "--from", "2026-03-02", *zone, "--format", "ics").stdout
            if not uids(planned):
                c.problems.append(f"plan {words}: no UID in the ics")
            if uids(planned) != uids(agenda):
                c.problems.append(f"plan {words} {zone}: UIDs differ\n  plan:   "
                                  f"{uids(planned)}\n  agenda: {uids(agenda)}")
            if planned != agenda:
                c.problems.append(f"plan {words} {zone}: the agenda's ics differs from the plan's")
            # Marking changes no event: the calendar updates the same events.
            later = {**c.env, "MASSAGE_PLAN_NOW": "2026-03-03T23:00"}
            c.run("done", "2026-03-02", env=later)
            c.run("skip", "2026-03-03", env=later)
            marked = c.run("agenda", "--from", "2026-03-02", *zone, "--format", "ics").stdout
            if uids(marked) != uids(planned):
                c.problems.append(f"plan {words} {zone}: UIDs changed after marking")


def check_json_schema(c, source):
    import jsonschema
    with open(os.path.join(source, "docs", "plan.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    c.run("plan", "--start", "2026-03-02", "--days", "7", "--goal", "stress-reduction",
          "--session", "07:30=10", "--save")
    later = {**c.env, "MASSAGE_PLAN_NOW": "2026-03-04T12:00"}
    c.run("done", "2026-03-02", env=later)
    c.run("skip", "2026-03-03", env=later)
    c.run("pause", "--from", "2026-03-05", "--to", "2026-03-05", env=later)
    r = c.run("agenda", "--from", "2026-03-02", "--format", "json", env=later)
    doc = json.loads(r.stdout)
    errors = sorted(jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER).iter_errors(doc),
        key=str)
    for e in errors:
        c.problems.append(f"agenda json: {e.message} at {list(e.absolute_path)}")
    states = [s.get("state") for day in doc["plan"] for s in day["sessions"]]
    if states != ["done", "skipped", "open", "paused", "open", "open", "open"]:
        c.problems.append(f"agenda json states: {states}")
    path = os.path.join(os.path.dirname(c.history), "agenda.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(r.stdout)
    s = c.run("score", path)
    if not s.stdout.startswith("ok: score"):
        c.problems.append(f"score of the agenda json: {s.stdout}{s.stderr}")


def check_missing_technique(c, source):
    home = os.path.dirname(c.history)
    own = os.path.join(home, "own.yaml")
    with open(own, "w", encoding="utf-8") as f:
        f.write("""techniques:
  - id: my-shoulder-rolls
    name: My shoulder rolls
    kind: mobility
    regions: [shoulders]
    goals: {stress-reduction: 1}
    duration: {min: 5, max: 5, default: 5}
    dose: ten slow rolls
    steps: [Roll your shoulders back slowly.]
    sources: ["own practice"]
""")
    r = c.run("--library", own, "plan", "--start", "2026-03-02", "--days", "1",
              "--goal", "stress-reduction", "--prefer", "my-shoulder-rolls",
              "--session", "07:30=5", "--save")
    if "My shoulder rolls" not in r.stdout:
        c.problems.append(f"the plan does not use the own technique:\n{r.stdout}")
        return
    for words in (["agenda", "--days", "1"], ["today"], ["next"],
                  ["agenda", "--days", "1", "--format", "html"]):
        a = c.run(*words)
        if "technique 'my-shoulder-rolls' of the saved plan is not in the library any more" \
                not in a.stderr:
            c.problems.append(f"{words}: no warning naming the technique:\n{a.stderr}")
        if "my-shoulder-rolls" not in a.stdout:
            c.problems.append(f"{words}: the session is not shown by the id:\n{a.stdout}")


def check_real_clock(c, source):
    env = {k: v for k, v in c.env.items() if k != "MASSAGE_PLAN_NOW"}
    today = datetime.datetime.now(datetime.timezone.utc).date()
    c.run("plan", "--start", "today", "--days", "2", "--goal", "tension-headache",
          "--session", "00:00=5", "--save", env=env)
    t = c.run("today", env=env)
    # Around midnight the day may turn between the two commands: either day is right.
    days = {today.isoformat(), (today + datetime.timedelta(days=1)).isoformat()}
    if not any(d in t.stdout.split("\n")[0] for d in days):
        c.problems.append(f"today does not show {today}:\n{t.stdout}")
    a = c.run("agenda", "--format", "json", env=env)
    if json.loads(a.stdout)["start"] not in days:
        c.problems.append(f"agenda does not start today:\n{a.stdout[:200]}")


def check_agenda_html(c, source):
    validator = os.path.join(source, "tests", "consumers", "html", "node_modules", ".bin",
                             "html-validate")
    if not os.path.exists(validator):
        print("html-validate not installed: skipped")
        sys.exit(77)
    c.run("plan", "--start", "2026-03-02", "--days", "7", "--goal", "tension-headache",
          "--session", "07:30=5", "--session", "21:00=10", "--pro", "1", "--save")
    later = {**c.env, "MASSAGE_PLAN_NOW": "2026-03-03T22:00"}
    c.run("done", "2026-03-02", env=later)
    c.run("skip", "2026-03-02", env=later)
    c.run("pause", "--from", "2026-03-04", "--to", "2026-03-04", env=later)
    page = os.path.join(os.path.dirname(c.history), "agenda.html")
    c.run("agenda", "--from", "2026-03-02", "--format", "html", "-o", page, env=later)
    html = open(page, encoding="utf-8").read()
    for label in ("done", "skipped", "paused"):
        if f'<span class="state state-{label}">{label}</span>' not in html:
            c.problems.append(f"agenda html: no {label} label")
    if "state-open" in html or "checked" not in html:
        c.problems.append("agenda html: open sessions are labelled, or nothing is ticked")
    r = subprocess.run([validator, "-c", os.path.join(source, "tests", "consumers", "html",
                                                      "htmlvalidate.json"), page],
                       capture_output=True, text=True, timeout=90)
    if r.returncode != 0:
        c.problems.append(f"html-validate:\n{r.stdout}{r.stderr}")


def main():
    program, source, check = sys.argv[1:4]
    checks = {"ics-uids": check_ics_uids, "json-schema": check_json_schema,
              "missing-technique": check_missing_technique, "real-clock": check_real_clock,
              "agenda-html": check_agenda_html}
    with tempfile.TemporaryDirectory() as home:
        c = Checker(program, home)
        checks[check](c, source)
    for p in c.problems:
        print(p)
    print(f"{'FAILED' if c.problems else 'ok'} saved-plan/{check}")
    return 1 if c.problems else 0


if __name__ == "__main__":
    sys.exit(main())
