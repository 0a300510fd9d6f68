#!/usr/bin/env python3
"""Marking and reporting against the real clock (issue 25, points 2, 4 and 8).

Usage: check_now.py PROGRAM

A plan saved for today with a session at 00:00 (begun whenever the test runs) and one at 23:50
(not begun, except in the day's last ten minutes: then the test expects what those mean):

  - a plain `done` marks the 00:00 session, never the one still to come;
  - a second plain `done` says which session is next and how to mark it early (exit 1);
  - `done 23:59` (a moment still to come) and `done tomorrow` are usage errors (exit 64);
  - `check-in --date tomorrow` is refused the same way;
  - `report` counts the 23:50 session as still to come, not as missed: 1 of 1 done (100%).

HOME is a fresh empty folder and TZ=UTC, as in every test that runs the program.
"""
import datetime
import os
import subprocess
import sys
import tempfile


def main():
    program = sys.argv[1]
    problems = []
    with tempfile.TemporaryDirectory() as home:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "TZ": "UTC",
               "LC_ALL": "C.UTF-8", "XDG_CONFIG_HOME": os.path.join(home, ".config")}
        for asan in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
            if asan in os.environ:
                env[asan] = os.environ[asan]

        def run(*words):
            return subprocess.run([program, *words], capture_output=True, text=True, env=env,
                                  timeout=60)

        def expect(result, status, stdout_start=None, stderr_has=()):
            text = f"exit {result.returncode}\n{result.stdout}{result.stderr}"
            if result.returncode != status:
                problems.append(f"expected exit {status}: {text}")
            if stdout_start is not None and not result.stdout.startswith(stdout_start):
                problems.append(f"expected stdout to start {stdout_start!r}: {text}")
            for words in stderr_has:
                if words not in result.stderr:
                    problems.append(f"expected {words!r} on stderr: {text}")

        today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
        r = run("plan", "--start", "today", "--days", "1", "--goal", "tension-headache",
                "--session", "00:00=5", "--session", "23:50=5", "--save")
        expect(r, 0)
        late = datetime.datetime.now(datetime.timezone.utc).strftime("%H:%M") >= "23:50"
        if late:  # the 23:50 session has begun too: the latest begun first
            expect(run("done"), 0, f"recorded: done {today} 23:50 (")
            expect(run("done"), 0, f"recorded: done {today} 00:00 (")
        else:
            expect(run("done"), 0, f"recorded: done {today} 00:00 (")
            expect(run("done"), 1, "",
                   ["no session has begun yet today that is not marked; the next is at 23:50",
                    "hint: to mark it early: `massage-plan done today`"])
            expect(run("done", "23:59"), 64, "",
                   [f"error: {today} 23:59 is still to come: done records what has happened",
                    "hint: `massage-plan done today` marks today's first session not yet marked"])
        tomorrow = (datetime.date.fromisoformat(today) + datetime.timedelta(days=1)).isoformat()
        expect(run("done", "tomorrow"), 64, "",
               [f"error: {tomorrow} is in the future: done records what has happened"])
        expect(run("skip", "tomorrow", "--reason", "away"), 64, "",
               [f"error: {tomorrow} is in the future: skip records what has happened"])
        expect(run("check-in", "--date", "tomorrow", "--pain", "2"), 64, "",
               [f"error: --date {tomorrow} is in the future"])
        r = run("report", "--weeks", "1")
        expect(r, 0)
        adherence = ("  Adherence  2 of 2 planned sessions done (100%)" if late else
                     "  Adherence  1 of 1 planned sessions done (100%); 1 more still to come")
        if adherence not in r.stdout.splitlines():
            problems.append(f"report: expected the line {adherence!r}:\n{r.stdout}")
    for p in problems:
        print(f"check_now: {p}")
    print(f"check_now: {'ok' if not problems else f'{len(problems)} problem(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
