#!/usr/bin/env python3
"""Whole-process cost of the history commands against `validate` (docs/performance.md).

    bench/history_bench.py [MASSAGE_PLAN]     default: build/release/massage-plan

Builds a history of five years of daily use in a temporary folder — a saved plan of 1,826 days
(two sessions a day) made by `plan --save`, then one entry per session (80 % done, a third of
those rated, 10 % skipped) and a daily check-in, written with Python's sqlite3 in one
transaction as the real commands would (schema version 2, src/history/schema.cpp) — and times,
as whole processes, `validate`, `done DAY`, `done --technique`, `check-in`, `history --format
json` and `report` over it, round robin, RUNS rounds (default 40, environment); the median
and the fastest wall time are printed, and the ratios of the medians to validate's, with the
targets of issue 14: done and check-in at most 1.5 x validate, report at most 3 x.
KEEP=FILE keeps a copy of the generated history there.
Writers work on copies, so every run of `done DAY` has an unmarked day of its own.
"""
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = int(os.environ.get("RUNS", "40"))
START = "2021-01-04"
DAYS = 1826


def fill(db):
    rng = random.Random(5)
    con = sqlite3.connect(db)
    with con:
        sessions = con.execute("SELECT id, day FROM sessions ORDER BY day, start").fetchall()
        last_days = sorted({d for _, d in sessions})[-RUNS - 5:]
        for sid, day in sessions:
            if day in last_days:
                continue  # left unmarked for `done DAY`
            x = rng.random()
            if x < 0.8:
                rating = rng.randint(1, 5) if rng.random() < 0.33 else None
                con.execute("INSERT INTO entries(kind, day, session, rating, recorded_at) "
                            "VALUES('done', ?, ?, ?, ?)", (day, sid, rating, day + "T08:00:00"))
            elif x < 0.9:
                con.execute("INSERT INTO entries(kind, day, session, reason, recorded_at) "
                            "VALUES('skip', ?, ?, 'busy', ?)", (day, sid, day + "T08:00:00"))
        for day in sorted({d for _, d in sessions}):
            con.execute("INSERT INTO entries(kind, day, pain, headache, stress, recorded_at) "
                        "VALUES('check-in', ?, ?, ?, ?, ?)",
                        (day, rng.randint(0, 6), rng.randint(0, 6), rng.randint(0, 6),
                         day + "T21:00:00"))
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    n = con.execute("SELECT count(*) FROM entries").fetchone()[0]
    con.close()
    return last_days, n


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    program = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                              os.path.join(here, "..", "build", "release", "massage-plan"))
    with tempfile.TemporaryDirectory() as home:
        env = {"PATH": "/usr/bin:/bin", "HOME": home, "TZ": "UTC", "LC_ALL": "C.UTF-8",
               "XDG_CONFIG_HOME": os.path.join(home, "config")}
        db = os.path.join(home, "history.db")
        t0 = time.perf_counter()
        r = subprocess.run([program, "--history", db, "-q", "plan", "--start", START, "--days",
                            str(DAYS), "--goal", "tension-headache:3", "--goal",
                            "stress-reduction", "--session", "07:30=15", "--session", "21:00=10",
                            "--format", "csv", "-o", os.path.join(home, "plan.csv"), "--save"],
                           env=env, capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"history_bench: plan --save: {r.stderr}")
        last_days, entries = fill(db)
        if os.environ.get("KEEP"):
            shutil.copyfile(db, os.environ["KEEP"])
        print(f"history: {DAYS} days saved, {entries} entries, "
              f"{os.path.getsize(db) / 1e6:.1f} MB (built in {time.perf_counter() - t0:.0f} s)")
        copies = []
        for i in range(RUNS):
            c = os.path.join(home, f"copy{i}.db")
            shutil.copyfile(db, c)
            copies.append(c)
        day_of = {str(i): last_days[i] for i in range(RUNS)}
        rows = [("validate", [program, "-q", "validate"])]

        def done_argv(i):
            return [program, "--history", copies[i], "-q", "done", day_of[str(i)]]
        rows += [("done DAY", None),
                 ("done --technique", [program, "--history", db, "-q", "done", last_days[-1],
                                       "--technique", "chin-tuck"]),
                 ("check-in", [program, "--history", db, "-q", "check-in", "--pain", "3"]),
                 ("report (4 weeks)", [program, "--history", db, "report", "--to",
                                       last_days[-1]]),
                 ("report (5 years)", [program, "--history", db, "report", "--from", START,
                                       "--to", last_days[-1], "--format", "json"]),
                 ("history --format json", [program, "--history", db, "history", "--format",
                                            "json"])]
        # Round robin: every command runs once per round, so a change of load on a shared
        # machine hits all of them alike and the ratios stay meaningful.
        walls = {name: [] for name, _ in rows}
        for i in range(RUNS):
            for name, argv in rows:
                args = done_argv(i) if argv is None else argv
                t = time.perf_counter()
                rr = subprocess.run(args, env=env, capture_output=True)
                walls[name].append(time.perf_counter() - t)
                if rr.returncode != 0:
                    sys.exit(f"history_bench: {' '.join(args)}: {rr.stderr.decode()}")
        results = {name: (statistics.median(w), min(w)) for name, w in walls.items()}
        base = results["validate"][0]
        targets = {"done DAY": 1.5, "done --technique": 1.5, "check-in": 1.5,
                   "report (4 weeks)": 3, "report (5 years)": 3}
        print(f"{'command':<24} {'median ms':>10} {'fastest ms':>11} {'x validate':>11}  target")
        for name, (median, fastest) in results.items():
            ratio = median / base
            target = targets.get(name)
            verdict = "" if target is None else f"<= {target}  {'ok' if ratio <= target else 'OVER'}"
            print(f"{name:<24} {median * 1e3:>10.1f} {fastest * 1e3:>11.1f} {ratio:>11.2f}  "
                  f"{verdict}")


if __name__ == "__main__":
    main()
