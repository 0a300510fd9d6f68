#!/usr/bin/env python3
"""Robustness checks that need a real process, pipes or big generated files (SPEC §8).

Usage: robustness.py PROGRAM CHECK, where CHECK is one of:

  closed-stdout     `plan | head -1`: the program ends quietly (no error storm) when its reader
                    goes away, with SIGPIPE as the shell leaves it and with SIGPIPE ignored.
  atomic-output     -o FILE: a failing run leaves an existing FILE untouched and no temporary
                    file behind; a good run replaces it whole; an uncreatable path exits 73.
  huge-library      a generated 30 MB library file is refused at once with the size limit;
                    a folder of 200 small files loads without holding 16 MiB for each.
  many-sessions     a profile listing 150,000 sessions is refused, not checked pairwise.

Each check runs with HOME and XDG_CONFIG_HOME in a fresh empty folder and TZ=UTC. Generated
files live in a temporary folder and are never committed. Timeouts guard against hangs only;
they are generous and assert no timing.
"""
import os
import resource
import signal
import subprocess
import sys
import tempfile

TIMEOUT = 300


def environment(home):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home,
           "XDG_CONFIG_HOME": os.path.join(home, ".config"), "TZ": "UTC", "LC_ALL": "C.UTF-8"}
    for asan in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
        if asan in os.environ:
            env[asan] = os.environ[asan]
    return env


def run(program, args, home, **kw):
    return subprocess.run([program] + args, capture_output=True, env=environment(home),
                          timeout=TIMEOUT, **kw)


def expect(cond, message):
    if not cond:
        raise AssertionError(message)


def closed_stdout(program, home):
    args = ["plan", "--start", "2026-01-05", "--weeks", "52", "--format", "csv"]
    for ignore_sigpipe in (False, True):
        def pre():
            signal.signal(signal.SIGPIPE, signal.SIG_IGN if ignore_sigpipe else signal.SIG_DFL)
        proc = subprocess.Popen([program] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=environment(home), preexec_fn=pre)
        first = proc.stdout.readline()
        proc.stdout.close()  # what `| head -1` does after its line
        err = proc.stderr.read().decode("utf-8", "replace")
        status = proc.wait(timeout=TIMEOUT)
        expect(first.startswith(b"date,"), f"first line {first!r}")
        lines = err.splitlines()
        if ignore_sigpipe:
            # Without the signal, write fails with EPIPE: one plain line and exit 74, at most.
            expect(status in (0, 74), f"SIGPIPE ignored: exit {status}, stderr {err!r}")
            expect(len(lines) <= 1, f"SIGPIPE ignored: an error storm on stderr: {err!r}")
        else:
            expect(status in (0, -signal.SIGPIPE), f"exit {status}, stderr {err!r}")
            expect(err == "", f"stderr should be empty, got {err!r}")


def atomic_output(program, home):
    target = os.path.join(home, "week.ics")
    with open(target, "w", encoding="utf-8") as f:
        f.write("precious\n")
    os.chmod(target, 0o640)
    # A run that fails after -o is known: unknown goal (65), then a bad date (64).
    for args, status in ((["--goal", "no-such-goal"], 65), (["--start", "2026-02-30"], 64),
                         (["--days", "0"], 64)):
        r = run(program, ["plan", "--start", "2026-01-05", "--format", "ics", "-o", target] + args,
                home)
        expect(r.returncode == status, f"{args}: exit {r.returncode}: {r.stderr!r}")
        expect(r.stdout == b"", f"{args}: stdout {r.stdout!r}")
        with open(target, encoding="utf-8") as f:
            expect(f.read() == "precious\n", f"{args}: the existing file was changed")
        expect(sorted(os.listdir(home)) == ["week.ics"],
               f"{args}: files left behind: {os.listdir(home)}")
    # A good run replaces the file whole, and nothing else is left in the folder.
    r = run(program, ["plan", "--start", "2026-01-05", "--format", "ics", "-o", target], home)
    expect(r.returncode == 0, f"good run: exit {r.returncode}: {r.stderr!r}")
    with open(target, "rb") as f:
        data = f.read()
    expect(data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n"),
           "the written calendar is not whole")
    expect(sorted(os.listdir(home)) == ["week.ics"], f"files left behind: {os.listdir(home)}")
    # Uncreatable: a missing folder, and a path below a plain file.
    for bad in ("/nonexistent/dir/x.ics", os.path.join(target, "x.ics")):
        r = run(program, ["plan", "--start", "2026-01-05", "-o", bad], home)
        expect(r.returncode == 73, f"-o {bad}: exit {r.returncode}: {r.stderr!r}")
        expect(r.stderr.decode().startswith(f"massage-plan: error: cannot create '{bad}'"),
               f"-o {bad}: {r.stderr!r}")


def huge_library(program, home):
    path = os.path.join(home, "huge.yaml")
    entry = ("  - id: goal-{:07d}\n    name: A goal with a long enough name to fill the file\n"
             "    weekly_target_minutes: 60\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("goals:\n")
        written, i = 0, 0
        while written < 30 * 1000 * 1000:
            chunk = "".join(entry.format(i + k) for k in range(1000))
            f.write(chunk)
            written += len(chunk)
            i += 1000
    r = run(program, ["validate", path], home)
    expect(r.returncode == 65, f"30 MB library: exit {r.returncode}: {r.stderr[:400]!r}")
    expect(r.stderr.decode() ==
           f"{path}: error: file is larger than the limit of 16777216 bytes\n",
           f"30 MB library: {r.stderr[:400]!r}")
    # Many small files: each is read in chunks, so memory follows the text, not the limit.
    folder = os.path.join(home, "many")
    os.mkdir(folder)
    for k in range(200):
        with open(os.path.join(folder, f"g{k:04d}.yaml"), "w", encoding="utf-8") as f:
            f.write(f"goals:\n  - id: many-{k}\n    name: Goal {k}\n    "
                    "weekly_target_minutes: 60\n")
    r = run(program, ["--library", folder, "list", "goals", "--format", "json"], home)
    expect(r.returncode == 0, f"200 small files: exit {r.returncode}: {r.stderr[:400]!r}")
    expect(b'"many-199"' in r.stdout, "200 small files: a goal is missing")
    # The largest child so far (KiB). Reading each file into a 16 MiB buffer took 3.2 GiB here.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    expect(peak < 1024 * 1024, f"200 small files: peak memory {peak} KiB")


def many_sessions(program, home):
    path = os.path.join(home, "profile.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write("sessions:\n")
        f.write('  - {time: "07:00", minutes: 1}\n' * 150_000)
    r = run(program, ["--profile", path, "validate"], home)
    expect(r.returncode == 65, f"exit {r.returncode}: {r.stderr[:400]!r}")
    expect(r.stderr.decode() == f"{path}:2:3: error: more than 24 sessions a day\n",
           f"stderr {r.stderr[:400]!r}")


CHECKS = {"closed-stdout": closed_stdout, "atomic-output": atomic_output,
          "huge-library": huge_library, "many-sessions": many_sessions}


def main():
    program, check = os.path.abspath(sys.argv[1]), sys.argv[2]
    with tempfile.TemporaryDirectory() as home:
        try:
            CHECKS[check](program, home)
        except AssertionError as e:
            print(f"FAILED {check}: {e}")
            return 1
    print(f"ok {check}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
