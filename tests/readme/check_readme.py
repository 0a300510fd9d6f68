#!/usr/bin/env python3
"""The README's examples, run as written (issue 25).

Usage: check_readme.py PROGRAM README CHECK, where CHECK is one of:

  week-of-use  every `$ massage-plan …` line of the console blocks under "## A week of use" runs,
               in order, in one fresh HOME (TZ=UTC), and prints exactly the lines shown under it
               (stdout, then stderr). A line "…" stands for any number of lines; "~" is HOME.
               The clock reads Thursday 2026-03-05 21:15 (MASSAGE_PLAN_NOW, the test-only
               setting), the evening the README's `today` and `next` are typed.
  cron-recipe  the weekly cron line under "## Recipes" is run (on a Sunday, with the plan's
               --start counted from a fixed day), and must write the calendar file and save the
               plan, so that `massage-plan done DAY` marks a session of the week it shows.
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile


WEEK_OF_USE_NOW = "2026-03-05T21:15"


def env_for(home, now=None):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "TZ": "UTC",
           "LC_ALL": "C.UTF-8", "XDG_CONFIG_HOME": os.path.join(home, ".config")}
    if now:
        env["MASSAGE_PLAN_NOW"] = now
        # `start` guides a 10-minute session: the test-only fast clock makes it half a second.
        env["MASSAGE_PLAN_CLOCK_SPEED"] = "1000"
    for asan in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
        if asan in os.environ:
            env[asan] = os.environ[asan]
    return env


def section(readme, heading):
    text = open(readme, encoding="utf-8").read()
    start = text.index(heading + "\n")
    end = text.find("\n## ", start + len(heading))
    return text[start:end if end >= 0 else len(text)]


def blocks(text, lang):
    return re.findall(r"```" + lang + r"\n(.*?)```", text, re.S)


def matches(expected, actual):
    """Expected lines against actual ones; a "…" line matches any run of lines."""
    if not expected:
        return not actual
    if expected[0] == "…":
        return any(matches(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and expected[0] == actual[0] and matches(expected[1:], actual[1:])


def run(program, words, home, now=None):
    return subprocess.run([program] + words, capture_output=True, text=True,
                          env=env_for(home, now), timeout=60)


def check_week_of_use(program, readme):
    problems = []
    commands = 0
    with tempfile.TemporaryDirectory() as home:
        for block in blocks(section(readme, "## A week of use"), "console"):
            steps = []
            for line in block.splitlines():
                if line.startswith("$ "):
                    steps.append((line[2:], []))
                elif steps:
                    steps[-1][1].append(line)
            for command, expected in steps:
                words = shlex.split(command)
                if words[0] != "massage-plan":
                    problems.append(f"not a massage-plan command: {command}")
                    continue
                commands += 1
                r = run(program, words[1:], home, WEEK_OF_USE_NOW)
                actual = (r.stdout + r.stderr).replace(home, "~").splitlines()
                if r.returncode != 0:
                    problems.append(f"$ {command}\n  exit {r.returncode}: {r.stderr.strip()}")
                elif not matches(expected, actual):
                    problems.append(f"$ {command}\n  README shows:\n    " +
                                    "\n    ".join(expected) + "\n  it printed:\n    " +
                                    "\n    ".join(actual))
    if commands < 5:
        problems.append(f"only {commands} commands found under '## A week of use'")
    return problems


def check_cron_recipe(program, readme):
    problems = []
    lines = [l for b in blocks(section(readme, "## Recipes"), "cron") for l in b.splitlines()
             if l.strip() and not l.startswith("#")]
    if len(lines) != 1:
        return [f"expected one cron line under '## Recipes', found {len(lines)}"]
    fields = lines[0].split(None, 5)
    if fields[4] not in ("sun", "0", "7"):
        problems.append(f"the recipe runs on '{fields[4]}', not on Sundays")
    words = shlex.split(fields[5])
    if "--save" not in words:
        problems.append("the cron recipe does not save the plan (--save): `done` would not find "
                        "the week the calendar shows")
    with tempfile.TemporaryDirectory() as home:
        words = [w.replace("$HOME", home) for w in words]
        os.makedirs(os.path.join(home, "plans"), exist_ok=True)
        # The recipe's --start word counted from a fixed Sunday, 2026-03-01, so the week is past
        # and `done` may mark it.
        start = words.index("--start")
        words[start + 1] = {"monday": "2026-03-02", "tomorrow": "2026-03-02"}.get(
            words[start + 1], words[start + 1])
        r = run(program, words[1:], home)
        if r.returncode != 0:
            return problems + [f"the recipe failed (exit {r.returncode}): {r.stderr}"]
        ics = os.path.join(home, "plans", "week.ics")
        if not os.path.exists(ics) or "BEGIN:VEVENT" not in open(ics, encoding="utf-8").read():
            problems.append("the recipe wrote no calendar events")
        first = re.search(r"DTSTART[^:]*:(\d{8})T", open(ics, encoding="utf-8").read())
        day = f"{first.group(1)[:4]}-{first.group(1)[4:6]}-{first.group(1)[6:]}" if first else ""
        r = run(program, ["done", day], home)
        if r.returncode != 0 or not r.stdout.startswith(f"recorded: done {day} "):
            problems.append(f"`done {day}` after the recipe: exit {r.returncode}, "
                            f"{(r.stdout + r.stderr).strip()}")
    return problems


def main():
    program, readme, check = sys.argv[1:4]
    problems = {"week-of-use": check_week_of_use,
                "cron-recipe": check_cron_recipe}[check](program, readme)
    for p in problems:
        print(f"check_readme {check}: {p}")
    print(f"check_readme {check}: {'ok' if not problems else f'{len(problems)} problem(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
