#!/usr/bin/env python3
"""Runs one file of the bad-input corpus (tests/data/bad/) and checks the verdict it expects.

The command depends on the file's name: library-* are checked with `validate FILE` (the built-in
library loaded too, so references to it resolve), profile-* with `validate --profile FILE`,
plan-* with `score FILE`. Beside each file, FILE.expect holds:

    exit: 65
    stderr: data/bad/library-unknown-key.yaml:5:5: error: unknown key 'contraindicatons' ...

Every `stderr:` line must be a whole line of what the program printed on stderr; stdout must be
empty (nothing is printed for bad input).
"""
import os
import subprocess
import sys
import tempfile


def main():
    program, path = sys.argv[1], sys.argv[2]
    name = os.path.basename(path)
    rel = os.path.relpath(path, os.getcwd())
    expect_path = path + ".expect"
    if not os.path.exists(expect_path):
        print(f"{expect_path} is missing")
        return 1
    status, lines = None, []
    with open(expect_path, encoding="utf-8") as f:
        for line in f.read().splitlines():
            if line.startswith("exit:"):
                status = int(line[5:])
            elif line.startswith("stderr:"):
                lines.append(line[len("stderr: "):])
    if status is None or not lines:
        print(f"{expect_path} needs an exit: line and at least one stderr: line")
        return 1
    if name.startswith("library-"):
        argv = [program, "validate", rel]
    elif name.startswith("profile-"):
        argv = [program, "--profile", rel, "validate"]
    elif name.startswith("plan-"):
        argv = [program, "score", rel]
    else:
        print(f"{name}: name must start with library-, profile- or plan-")
        return 1
    with tempfile.TemporaryDirectory() as home:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home,
               "XDG_CONFIG_HOME": os.path.join(home, ".config"), "TZ": "UTC"}
        for asan in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
            if asan in os.environ:
                env[asan] = os.environ[asan]
        run = subprocess.run(argv, capture_output=True, env=env, timeout=60)
    err = run.stderr.decode("utf-8", "replace").splitlines()
    failed = False
    if run.returncode != status:
        print(f"exit status: expected {status}, got {run.returncode}")
        failed = True
    if run.stdout:
        print(f"stdout should be empty, got: {run.stdout[:200]!r}")
        failed = True
    for want in lines:
        if want not in err:
            print(f"missing stderr line: {want}")
            failed = True
    if failed:
        print("stderr was:\n" + "\n".join(err))
    print(("FAILED " if failed else "ok ") + name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
