#!/usr/bin/env python3
"""Command-line conventions a golden case cannot pin down: a value that changes every commit,
several runs in a row, or a terminal on stdout.

    check_conventions.py version PROGRAM SOURCE_DIR
        --version prints "massage-plan X.Y.Z" (the project version), plus " (git REV)" where REV
        is a commit of this repository when built from a git checkout; exit 0, nothing on stderr.
    check_conventions.py help PROGRAM SOURCE_DIR
        --help lists every global option and every command with one line each; each command's
        --help works. (Not a golden case: CLI11 ends help with a blank line, which the golden
        format of tests/cli/run_case.py cannot hold.)
    check_conventions.py init-then-plan PROGRAM SOURCE_DIR
        init writes the starter profile to the XDG path (or -o FILE), and it plans as written.
    check_conventions.py init-refuses-overwrite PROGRAM SOURCE_DIR
        init never replaces a file without --force (exit 73, file untouched); with it, does.
    check_conventions.py color-tty PROGRAM SOURCE_DIR
        colour on a terminal by default; never with NO_COLOR or --color never; --color always
        wins over NO_COLOR (an explicit flag beats the environment, as no-color.org asks).
"""
import os
import pty
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


def fail(message):
    print(f"FAILED: {message}")
    sys.exit(1)


def env_for(home, **extra):
    env = {"PATH": "/usr/bin:/bin", "HOME": home, "TZ": "UTC", "LC_ALL": "C.UTF-8"}
    for asan in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
        if asan in os.environ:
            env[asan] = os.environ[asan]
    env.update(extra)
    return env


def run(program, args, env, cwd=None):
    return subprocess.run([program] + args, capture_output=True, text=True, env=env, cwd=cwd,
                          timeout=60)


def check_version(program, source):
    with tempfile.TemporaryDirectory() as home:
        r = run(program, ["--version"], env_for(home))
    cmake = open(os.path.join(source, "CMakeLists.txt"), encoding="utf-8").read()
    version = re.search(r"project\(massage-plan VERSION (\S+)", cmake).group(1)
    m = re.fullmatch(r"massage-plan (\S+)(?: \(git ([0-9a-f]{7,40})\))?\n", r.stdout)
    if r.returncode != 0 or r.stderr or not m:
        fail(f"--version: status {r.returncode}, stdout {r.stdout!r}, stderr {r.stderr!r}")
    if m.group(1) != version:
        fail(f"--version says {m.group(1)}, CMakeLists.txt says {version}")
    git = shutil.which("git")
    if git and os.path.isdir(os.path.join(source, ".git")):
        if not m.group(2):
            fail(f"built from a git checkout, but --version names no revision: {r.stdout!r}")
        known = subprocess.run([git, "-C", source, "cat-file", "-e", m.group(2) + "^{commit}"],
                               capture_output=True)
        if known.returncode != 0:
            fail(f"--version names revision {m.group(2)}, not a commit of {source}")
    print(f"ok: {r.stdout.strip()}")


COMMANDS = ["plan", "list", "show", "validate", "score", "init", "done", "skip", "check-in",
            "history", "report", "undo", "pause", "agenda", "today", "next", "start"]
GLOBALS = ["--help", "--version", "--library", "--no-builtin", "--profile", "--history",
           "--color", "--quiet", "--verbose"]


def check_help(program, source):
    with tempfile.TemporaryDirectory() as home:
        r = run(program, ["--help"], env_for(home))
        if r.returncode != 0 or r.stderr or not r.stdout.startswith("massage-plan: "):
            fail(f"--help: status {r.returncode}, stderr {r.stderr!r}")
        for option in GLOBALS:
            if not re.search(rf"^  (-\w,)?{option}\b", r.stdout, re.M):
                fail(f"--help does not list {option}:\n{r.stdout}")
        listed = re.findall(r"^  ([a-z][a-z-]*) {2,}(\S.*)$", r.stdout, re.M)
        if [name for name, _ in listed] != COMMANDS:
            fail(f"--help lists the commands {listed}, expected {COMMANDS} with one line each")
        for command in COMMANDS:
            r = run(program, [command, "--help"], env_for(home))
            if r.returncode != 0 or r.stderr or f"Usage: massage-plan {command}" not in r.stdout:
                fail(f"{command} --help: status {r.returncode}\n{r.stdout}{r.stderr}")
    print(f"ok: --help lists {len(GLOBALS)} global options and {len(COMMANDS)} commands")


def check_init_then_plan(program, source):
    with tempfile.TemporaryDirectory() as home:
        env = env_for(home)
        default = os.path.join(home, ".config", "massage-plan", "profile.yaml")
        r = run(program, ["init"], env)
        want = f"massage-plan: wrote {default}; try `massage-plan plan`\n"
        if r.returncode != 0 or r.stdout or r.stderr != want or not os.path.isfile(default):
            fail(f"init: status {r.returncode}, stderr {r.stderr!r}, expected {want!r}")
        text = open(default, encoding="utf-8").read()
        if not text.startswith("# massage-plan profile"):
            fail("init wrote no commented profile")
        if run(program, ["init", "-o", "-"], env).stdout != text:
            fail("init -o - prints something other than what init writes")
        # The profile is read from the XDG path without --profile (-v says so), and plans.
        r = run(program, ["-v", "plan", "--start", "2025-01-06"], env, cwd="/")
        if r.returncode != 0 or f"massage-plan: profile {default}\n" not in r.stderr:
            fail(f"plan with the starter profile: status {r.returncode}\n{r.stderr}")
        for args in (["--profile", default, "plan", "--start", "2025-01-06", "--weeks", "2"],
                     ["--profile", default, "plan", "--format", "json"],
                     ["--profile", default, "validate"]):
            r = run(program, args, env, cwd="/")
            if r.returncode != 0:
                fail(f"{' '.join(args)}: status {r.returncode}\n{r.stderr}")
        # -o FILE, and XDG_CONFIG_HOME moves the default.
        other = os.path.join(home, "sub", "mine.yaml")
        r = run(program, ["-q", "init", "-o", other], env)
        if r.returncode != 0 or r.stderr or not os.path.isfile(other):
            fail(f"-q init -o {other}: status {r.returncode}, stderr {r.stderr!r}")
        if run(program, ["--profile", other, "plan"], env).returncode != 0:
            fail(f"plan --profile {other} failed")
        xdg = os.path.join(home, "xdg")
        r = run(program, ["-q", "init"], env_for(home, XDG_CONFIG_HOME=xdg))
        if r.returncode != 0 or not os.path.isfile(os.path.join(xdg, "massage-plan",
                                                                "profile.yaml")):
            fail(f"init with XDG_CONFIG_HOME={xdg}: status {r.returncode}\n{r.stderr}")
    print("ok: init writes the starter profile where plan looks, and it plans as written")


def check_init_refuses_overwrite(program, source):
    with tempfile.TemporaryDirectory() as home:
        env = env_for(home)
        path = os.path.join(home, "profile.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write("goals: [stress-reduction]\n")
        r = run(program, ["init", "-o", path], env)
        want = (f"massage-plan: error: '{path}' exists already\n"
                "  hint: use --force to replace it\n")
        if r.returncode != 73 or r.stderr != want or r.stdout:
            fail(f"init over a file: status {r.returncode} (want 73), stderr {r.stderr!r}")
        if open(path, encoding="utf-8").read() != "goals: [stress-reduction]\n":
            fail("init changed the existing file")
        r = run(program, ["init", "-o", path, "--force"], env)
        if r.returncode != 0 or not open(path, encoding="utf-8").read().startswith("# "):
            fail(f"init --force: status {r.returncode}\n{r.stderr}")
        r = run(program, ["init"], env)  # the default path too
        r = run(program, ["init"], env)
        if r.returncode != 73:
            fail(f"a second plain init: status {r.returncode}, want 73")
    print("ok: init exits 73 and leaves an existing file alone unless --force")


def on_terminal(program, args, env):
    """Runs program with stdout on a pseudo-terminal; returns what it wrote there."""
    master, slave = pty.openpty()
    p = subprocess.Popen([program] + args, stdout=slave, stderr=subprocess.DEVNULL, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the program closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    if p.wait(timeout=60) != 0:
        fail(f"{' '.join(args)} on a terminal: status {p.returncode}")
    return out.decode("utf-8", "replace")


def check_color_tty(program, source):
    args = ["plan", "--days", "1", "--start", "2025-01-06"]
    esc = "\x1b["
    with tempfile.TemporaryDirectory() as home:
        cases = [
            ("a terminal", [], {}, True),
            ("a terminal with NO_COLOR=1", [], {"NO_COLOR": "1"}, False),
            ("a terminal with an empty NO_COLOR", [], {"NO_COLOR": ""}, True),
            ("a terminal with --color never", ["--color", "never"], {}, False),
            ("a terminal with --color always and NO_COLOR=1", ["--color", "always"],
             {"NO_COLOR": "1"}, True),
        ]
        for what, flags, extra, colored in cases:
            out = on_terminal(program, flags + args, env_for(home, TERM="xterm", **extra))
            if (esc in out) != colored:
                fail(f"on {what}: colour {'expected' if colored else 'not expected'}:\n{out!r}")
        r = run(program, args, env_for(home))
        if esc in r.stdout:
            fail("colour in output to a pipe")
        r = run(program, ["--color", "always"] + args, env_for(home))
        if esc not in r.stdout:
            fail("no colour in output to a pipe with --color always")
        r = run(program, args + ["-o", os.path.join(home, "plan.txt")],
                env_for(home, TERM="xterm"))
        if esc in open(os.path.join(home, "plan.txt"), encoding="utf-8").read():
            fail("colour in a file written with -o")
    print("ok: colour on a terminal only, never with NO_COLOR or --color never")


def main():
    what, program, source = sys.argv[1], sys.argv[2], sys.argv[3]
    checks = {"version": check_version, "help": check_help, "init-then-plan": check_init_then_plan,
              "init-refuses-overwrite": check_init_refuses_overwrite,
              "color-tty": check_color_tty}
    if what not in checks:
        sys.exit(f"usage: {sys.argv[0]} {'|'.join(checks)} PROGRAM SOURCE_DIR")
    checks[what](os.path.abspath(program), source)
    return 0


if __name__ == "__main__":
    sys.exit(main())
