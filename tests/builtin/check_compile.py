#!/usr/bin/env python3
"""Checks mp-compile-library, the build step that compiles the built-in library.

Usage: check_compile.py MP_COMPILE_LIBRARY ROUTINES_YAML...

A routines file that does not validate must fail the step (so the build) with the loader's own
"routines/<file>:line:col: error: ..." lines and leave no output; the real files must compile.
"""
import os
import subprocess
import sys
import tempfile

BAD_TECHNIQUES = """\
techniques:
  - id: neck-glide
    name: Neck glide
    kind: stretch
    goals: {no-such-goal: 0.5}
    duration: {min: 5, max: 2}
    steps: ["Glide."]
"""

EXPECTED_STDERR = [
    "routines/techniques.yaml:5:13: error: unknown goal 'no-such-goal' in technique "
    "'neck-glide'",
    "routines/techniques.yaml:6:15: error: duration needs min <= default <= max, got min 5, "
    "default 5, max 2",
    "mp-compile-library: the built-in library does not validate",
]


def main():
    tool, real_files = sys.argv[1], sys.argv[2:]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        bad = os.path.join(tmp, "techniques.yaml")
        with open(bad, "w", encoding="utf-8") as f:
            f.write(BAD_TECHNIQUES)
        out = os.path.join(tmp, "bad.cpp")
        run = subprocess.run([tool, out, bad], capture_output=True, text=True)
        got = sorted(run.stderr.splitlines()[:-1]) + run.stderr.splitlines()[-1:]
        want = sorted(EXPECTED_STDERR[:-1]) + EXPECTED_STDERR[-1:]
        if run.returncode != 65:
            failures.append(f"bad file: exit {run.returncode}, want 65")
        if got != want:
            failures.append("bad file: stderr\n  got:  " + "\n        ".join(got) +
                            "\n  want: " + "\n        ".join(want))
        if os.path.exists(out):
            failures.append("bad file: an output was written")

        good = os.path.join(tmp, "good.cpp")
        run = subprocess.run([tool, good, *real_files], capture_output=True, text=True)
        if run.returncode != 0 or run.stderr:
            failures.append(f"routines/: exit {run.returncode}, stderr {run.stderr!r}")
        elif "kSnapshot" not in open(good, encoding="utf-8").read():
            failures.append("routines/: the output holds no snapshot")
    for f in failures:
        print("check_compile:", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
