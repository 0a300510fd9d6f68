#!/usr/bin/python3
"""Imports an iCalendar file into an empty calcurse (a terminal calendar with its own iCal
importer) and checks what it kept. calcurse exits 0 even when it skips events, so count the
appointments in its data file instead, and compare their start times and notify flags.

calcurse converts TZID times to its own local time; TZ=UTC makes that deterministic."""
import argparse
import os
import re
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--events", type=int, required=True)
    parser.add_argument("--start", action="append", default=[],
                        help="expected start 'MM/DD/YYYY @ HH:MM' (UTC), in order")
    parser.add_argument("--alarm", action="store_true", help="events carry a VALARM")
    parser.add_argument("--calcurse", default="/usr/bin/calcurse")
    args = parser.parse_args()
    problems = []
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, TZ="UTC", HOME=home, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home)
        run = subprocess.run([args.calcurse, "-D", home, "-C", home, "-i", args.file],
                             env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        report = run.stdout + run.stderr
        if run.returncode != 0:
            problems.append(f"calcurse exited {run.returncode}: {report}")
        if not re.search(r"\b0 skipped\b", report):
            problems.append(f"calcurse skipped something: {report.strip()}")
        apts_path = os.path.join(home, "apts")
        apts = []
        if os.path.exists(apts_path):
            with open(apts_path, encoding="utf-8") as f:
                apts = [line.rstrip("\n") for line in f if line.strip()]
        if len(apts) != args.events:
            problems.append(f"calcurse kept {len(apts)} appointments, expected {args.events}")
        starts = sorted(a[:18] for a in apts)
        if args.start and starts != sorted(args.start):
            problems.append(f"starts {starts}, expected {sorted(args.start)}")
        for a in apts:
            # "MM/DD/YYYY @ HH:MM -> MM/DD/YYYY @ HH:MM>NOTE !SUMMARY": '!' marks a notify flag.
            flag = re.search(r" ([!|])", a)
            if not flag or (flag.group(1) == "!") != args.alarm:
                problems.append(f"notify flag wrong: {a}")
            if ">" not in a.split(" !")[0].split(" |")[0]:
                problems.append(f"no note (DESCRIPTION) kept: {a}")
    for p in problems:
        print(f"check_calcurse: {args.file}: {p}", file=sys.stderr)
    if not problems:
        print(f"check_calcurse: {args.file}: {len(apts)} appointments kept")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
