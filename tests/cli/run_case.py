#!/usr/bin/env python3
"""Runs one golden command-line case: a command line, then the exact stdout, stderr and status.

A case file (tests/cli/cases/NAME.case) reads:

    # what the case shows (comment lines)
    args: list goals --format json       (shell-quoted words after the program name)
    env: NO_COLOR=1                       (optional, repeatable)
    before: plan --save --history {home}/h.db   (optional, repeatable: commands run first, in
                                          order, in the same home; each must exit 0)
    exit: 0
    --- stdout
    ...exact text...
    --- stderr
    ...exact text...

Paths inside the temporary home print as {home}. Each case runs in tests/ with HOME and XDG_CONFIG_HOME set to an empty folder and TZ=UTC, so
nothing on the machine leaks in. With MP_UPDATE_GOLDEN=1 the case file is rewritten with what
the program printed now: review the diff before committing it.
"""
import os
import shlex
import subprocess
import sys
import tempfile


def parse(path):
    header, sections, current = [], {}, None
    with open(path, encoding="utf-8", newline="") as f:
        for line in f.read().split("\n"):
            if line.startswith("--- "):
                current = line[4:].strip()
                sections[current] = []
            elif current is None:
                header.append(line)
            else:
                sections[current].append(line)
    case = {"comments": [], "args": None, "env": [], "before": [], "exit": 0}
    for line in header:
        if line.startswith("#") or not line.strip():
            case["comments"].append(line)
        elif line.startswith("args:"):
            case["args"] = line[5:].strip()
        elif line.startswith("before:"):
            case["before"].append(line[7:].strip())
        elif line.startswith("env:"):
            case["env"].append(line[4:].strip())
        elif line.startswith("exit:"):
            case["exit"] = int(line[5:].strip())
        else:
            sys.exit(f"{path}: unknown header line: {line!r}")
    # A section's lines are the output less its final newline, kept exactly, blank lines too.
    for name in list(sections):
        sections[name] = "\n".join(sections[name])
    case["stdout"] = sections.get("stdout", "")
    case["stderr"] = sections.get("stderr", "")
    if case["args"] is None:
        sys.exit(f"{path}: no args: line")
    return case


def write(path, case, out, err, status):
    lines = [c for c in case["comments"] if c.strip()]
    lines.append(f"args: {case['args']}")
    lines += [f"before: {b}" for b in case["before"]]
    lines += [f"env: {e}" for e in case["env"]]
    lines.append(f"exit: {status}")
    lines.append("--- stdout")
    lines.append(out)
    lines.append("--- stderr")
    lines.append(err)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines))


def main():
    program, path = sys.argv[1], sys.argv[2]
    case = parse(path)
    with tempfile.TemporaryDirectory() as home:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home,
               "XDG_CONFIG_HOME": os.path.join(home, ".config"), "TZ": "UTC",
               "LC_ALL": "C.UTF-8", "TMPDIR": home}
        for asan in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
            if asan in os.environ:
                env[asan] = os.environ[asan]
        for e in case["env"]:
            k, _, v = e.partition("=")
            env[k] = v.replace("{home}", home)
        for before in case["before"]:
            argv = [program] + [a.replace("{home}", home) for a in shlex.split(before)]
            first = subprocess.run(argv, capture_output=True, env=env, timeout=120)
            if first.returncode != 0:
                print(f"FAILED {os.path.basename(path)}: before: {before}: exit "
                      f"{first.returncode}\n{first.stderr.decode('utf-8', 'replace')}")
                return 1
        argv = [program] + [a.replace("{home}", home) for a in shlex.split(case["args"])]
        run = subprocess.run(argv, capture_output=True, env=env, timeout=120)
    # The temporary home is different on every run: outputs name it as {home}.
    out = run.stdout.decode("utf-8", "replace").replace(home, "{home}")
    err = run.stderr.decode("utf-8", "replace").replace(home, "{home}")
    if os.environ.get("MP_UPDATE_GOLDEN") == "1":
        write(path, case, out[:-1] if out.endswith("\n") else out,
              err[:-1] if err.endswith("\n") else err, run.returncode)
        print(f"updated {path}")
        return 0
    want_out = case["stdout"] + ("\n" if case["stdout"] else "")
    want_err = case["stderr"] + ("\n" if case["stderr"] else "")
    failed = False
    if run.returncode != case["exit"]:
        print(f"exit status: expected {case['exit']}, got {run.returncode}")
        failed = True
    for name, want, got in (("stdout", want_out, out), ("stderr", want_err, err)):
        if want != got:
            import difflib
            print(f"{name} differs:")
            sys.stdout.writelines(difflib.unified_diff(
                want.splitlines(True), got.splitlines(True), "expected", "actual"))
            failed = True
    print(("FAILED " if failed else "ok ") + os.path.basename(path))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
