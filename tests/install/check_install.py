#!/usr/bin/env python3
"""Checks what `cmake --install` lays down, as a user of the installed program meets it.

    check_install.py install CMAKE BUILD_DIR PREFIX   install into PREFIX (a fresh folder)
    check_install.py files PREFIX                      every file is where its consumer looks
    check_install.py man PREFIX                        the man page renders without warnings and
                                                       documents every command and option
    check_install.py bash PREFIX                       bash completion sources cleanly, completes
    check_install.py zsh PREFIX HARNESS                zsh completion parses, completes (zpty)
    check_install.py fish PREFIX                       fish completion parses, completes
    check_install.py run PREFIX                        plans from / with an empty home, or none
    check_install.py deb CPACK BUILD_DIR OUT_DIR       the .deb holds the files and its Depends

A check whose tool is missing (zsh, fish, man, cpack) prints why and exits 77, which ctest
reports as skipped.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
COMMANDS = ["plan", "list", "show", "validate", "score", "init", "done", "skip", "check-in",
            "history", "report", "undo", "pause", "agenda", "today", "next", "start"]
FILES = [
    "bin/massage-plan",
    "share/man/man1/massage-plan.1",
    "share/bash-completion/completions/massage-plan",
    "share/zsh/vendor-completions/_massage-plan",
    "share/fish/vendor_completions.d/massage-plan.fish",
    "share/massage-plan/routines/goals.yaml",
    "share/massage-plan/routines/techniques-self.yaml",
    "share/doc/massage-plan/library-format.md",
]


def fail(message):
    print(f"FAILED: {message}")
    sys.exit(1)


def skip(message):
    print(f"skipped: {message}")
    sys.exit(SKIP)


def clean_env(prefix, home):
    """An environment with nothing of the developer's: PATH to the installed binary first."""
    env = {"PATH": f"{prefix}/bin:/usr/bin:/bin", "LC_ALL": "C.UTF-8", "TZ": "UTC"}
    if home is not None:
        env["HOME"] = home
    return env


def program(prefix):
    return os.path.join(prefix, "bin", "massage-plan")


def library_ids(prefix, kind):
    with tempfile.TemporaryDirectory() as home:
        out = subprocess.run([program(prefix), "list", kind], capture_output=True, text=True,
                             env=clean_env(prefix, home), check=True).stdout
    return [line.split()[0] for line in out.splitlines() if line.strip()]


def options_of(prefix, command=None):
    """Every long option (and -o/-q/-v) that `[command] --help` lists."""
    argv = [program(prefix)] + ([command] if command else []) + ["--help"]
    with tempfile.TemporaryDirectory() as home:
        text = subprocess.run(argv, capture_output=True, text=True,
                              env=clean_env(prefix, home), check=True).stdout
    found = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*|-[a-z])\b", text))
    return sorted(found - {"-h", "--help"})


def all_options(prefix):
    return sorted(set(options_of(prefix) + [o for c in COMMANDS for o in options_of(prefix, c)]))


def check_covers_options(prefix, shell, script, fish=False):
    """A completion script offers every command and every option the program has."""
    text = open(script, encoding="utf-8").read()
    for word in COMMANDS + all_options(prefix):
        pattern = re.escape(word)
        if fish and word.startswith("--"):
            pattern = r"-l " + re.escape(word[2:])
        elif fish and word.startswith("-"):
            pattern = r"-s " + re.escape(word[1:])
        if not re.search(r"(?<![\w-])" + pattern + r"(?![\w-])", text):
            fail(f"the {shell} completion does not offer {word}")


def check_install(cmake, build, prefix):
    if os.path.exists(prefix):
        shutil.rmtree(prefix)
    run = subprocess.run([cmake, "--install", build, "--prefix", prefix],
                         capture_output=True, text=True)
    if run.returncode != 0:
        fail(f"cmake --install failed:\n{run.stdout}{run.stderr}")
    print(f"ok: installed into {prefix}")


def check_files(prefix):
    missing = [f for f in FILES if not os.path.isfile(os.path.join(prefix, f))]
    if missing:
        fail(f"not installed: {', '.join(missing)}")
    if not os.access(program(prefix), os.X_OK):
        fail("bin/massage-plan is not executable")
    builtin = sorted(os.listdir(os.path.join(os.path.dirname(__file__), "..", "..", "routines")))
    installed = sorted(os.listdir(os.path.join(prefix, "share/massage-plan/routines")))
    want = [f for f in builtin if f.endswith(".yaml")]
    if installed != want:
        fail(f"share/massage-plan/routines holds {installed}, expected {want}")
    print(f"ok: {len(FILES)} files and the {len(want)} built-in YAML files")


def check_man(prefix):
    page = os.path.join(prefix, "share/man/man1/massage-plan.1")
    checked = False
    if shutil.which("groff"):
        run = subprocess.run(["groff", "-ww", "-man", "-z", page], capture_output=True, text=True)
        if run.returncode != 0 or run.stderr:
            fail(f"groff -ww warns:\n{run.stderr}")
        checked = True
    if shutil.which("man"):
        env = dict(os.environ, MANWIDTH="80", MAN_KEEP_FORMATTING="0")
        run = subprocess.run(["man", "--warnings", "-l", page], capture_output=True, text=True,
                             env=env)
        if run.returncode != 0 or run.stderr:
            fail(f"man --warnings complains:\n{run.stderr}")
        checked = True
        # The page is found through MANPATH the way `man massage-plan` finds it.
        env["MANPATH"] = os.path.join(prefix, "share/man")
        run = subprocess.run(["man", "-w", "massage-plan"], capture_output=True, text=True,
                             env=env)
        if run.returncode != 0 or not run.stdout.strip().endswith("massage-plan.1"):
            fail(f"man -w massage-plan with MANPATH={env['MANPATH']} found: {run.stdout}"
                 f"{run.stderr}")
    if not checked:
        skip("neither groff nor man is installed")
    # Every command and option the program knows is documented (roff writes - as \-).
    source = open(page, encoding="utf-8").read().replace("\\-", "-")
    for word in COMMANDS + all_options(prefix):
        if not re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", source):
            fail(f"the man page does not mention {word}")
    for section in ["SYNOPSIS", "DESCRIPTION", "FILES", "ENVIRONMENT", "EXIT STATUS", "EXAMPLES"]:
        if f".SH {section}" not in source:
            fail(f"the man page has no {section} section")
    for status in ["0", "1", "64", "65", "66", "73", "74"]:
        if not re.search(rf"^\.B {status}$", source, re.M):
            fail(f"the man page does not document exit status {status}")
    print("ok: the man page renders without warnings and documents every command and option")


BASH_DRIVER = r"""
source "$1"
complete -p massage-plan
shift
# Completes the words given, the last being the one under the cursor.
complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _massage_plan massage-plan "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
  printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
  echo
}
"""


def run_bash(prefix, script, lines, loader=False):
    """Runs each line of completion requests in one bash; returns a list of completion sets."""
    driver = BASH_DRIVER
    if loader:  # the way an interactive shell meets it: bash-completion loads it on demand
        driver = driver.replace('source "$1"', 'source /usr/share/bash-completion/bash_completion'
                                '\n_completion_loader massage-plan')
    body = driver + "\n".join("complete_words " + line for line in lines) + "\n"
    with tempfile.TemporaryDirectory() as home:
        env = clean_env(prefix, home)
        if loader:
            env["BASH_COMPLETION_USER_DIR"] = os.path.join(home, "none")
            env["XDG_DATA_DIRS"] = os.path.join(prefix, "share")
        run = subprocess.run(["bash", "--norc", "--noprofile", "-c", body, "bash", script],
                             capture_output=True, text=True, env=env, cwd="/")
    if run.returncode != 0 or run.stderr:
        fail(f"bash completion: status {run.returncode}\n{run.stdout}{run.stderr}")
    out = run.stdout.splitlines()
    if not out or not out[0].startswith("complete -F _massage_plan") or \
            not out[0].endswith(" massage-plan"):
        fail(f"`complete -p massage-plan` says: {out[:1]}")
    return [set(line.split()) for line in out[1:]]


COMPLETION_CASES = [
    # (words after the program name, the last is under the cursor; expected, exact or subset)
    ("pl", {"plan"}, True),
    ("''", set(COMMANDS), True),
    ("plan --goal ''", None, True),  # every goal id
    ("plan --goal t", "goals:t", True),
    ("plan --condition ''", None, True),
    ("plan --equipment ''", None, True),
    ("plan --routine ''", None, True),
    ("plan --format ''", {"text", "markdown", "json", "csv", "ics", "html"}, True),
    ("report --format ''", {"text", "json", "markdown", "html"}, True),
    ("plan --ex", {"--explain"}, True),
    ("--col", {"--color"}, True),
    ("--color ''", {"auto", "always", "never"}, True),
    ("list ''", {"techniques", "routines", "goals", "conditions", "equipment"}, True),
    ("list goals --format ''", {"text", "json"}, True),
    ("--no-builtin plan --goal ''", set(), True),  # the library on the line counts
]


def expected_completions(prefix, words, expected):
    if isinstance(expected, set):
        return expected
    if expected is None:
        kind = {"--goal": "goals", "--condition": "conditions", "--equipment": "equipment",
                "--routine": "routines"}[words.split()[-2]]
        return set(library_ids(prefix, kind))
    kind, start = expected.split(":")
    return {i for i in library_ids(prefix, kind) if i.startswith(start)}


def check_bash(prefix):
    if not shutil.which("bash"):
        skip("bash is not installed")
    script = os.path.join(prefix, "share/bash-completion/completions/massage-plan")
    check_covers_options(prefix, "bash", script)
    lines = ["massage-plan " + words for words, _, _ in COMPLETION_CASES]
    got = run_bash(prefix, script, lines)
    for (words, expected, _), result in zip(COMPLETION_CASES, got):
        want = expected_completions(prefix, words, expected)
        if result != want:
            fail(f"bash: massage-plan {words}<TAB> gave {sorted(result)}, expected {sorted(want)}")
    if len(library_ids(prefix, "goals")) < 2:
        fail("the built-in library lists fewer than two goals")
    # A user library in the XDG folder counts too, since ids are asked for at completion time.
    with tempfile.TemporaryDirectory() as lib:
        path = os.path.join(lib, "mine.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write("goals:\n  - id: my-own-goal\n    name: Mine\n    description: Mine.\n"
                    "    weekly_target_minutes: 30\n")
        got = run_bash(prefix, script, [f"massage-plan --library {path} plan --goal my"])
        if got[0] != {"my-own-goal"}:
            fail(f"bash: --library {path} plan --goal my<TAB> gave {sorted(got[0])}")
    if os.path.isfile("/usr/share/bash-completion/bash_completion"):
        got = run_bash(prefix, script, ["massage-plan pl"], loader=True)
        if got[0] != {"plan"}:
            fail(f"bash-completion's loader: massage-plan pl<TAB> gave {sorted(got[0])}")
    print(f"ok: bash completes {len(COMPLETION_CASES) + 1} command lines")


def check_zsh(prefix, harness):
    if not shutil.which("zsh"):
        skip("zsh is not installed")
    script = os.path.join(prefix, "share/zsh/vendor-completions/_massage-plan")
    check_covers_options(prefix, "zsh", script)
    run = subprocess.run(["zsh", "-n", script], capture_output=True, text=True)
    if run.returncode != 0 or run.stderr:
        fail(f"zsh -n: {run.stderr}")
    fpath = os.path.dirname(script)
    # Each case drives a fresh interactive zsh (a few seconds each): keep the list short.
    cases = [("pl", {"plan"}), ("plan --goal ", None), ("plan --routine ", None),
             ("list ", None)]
    for words, expected in cases:
        with tempfile.TemporaryDirectory() as home:
            run = subprocess.run(["zsh", "-f", harness, fpath, "massage-plan " + words],
                                 capture_output=True, text=True, env=clean_env(prefix, home),
                                 timeout=60, cwd="/")
        got = {w for w in run.stdout.split() if w}
        if words == "list ":
            want = {"techniques", "routines", "goals", "conditions", "equipment"}
        else:
            want = expected_completions(prefix, words.strip() + " ''" if words.endswith(" ")
                                        else words, expected)
        if got != want:
            fail(f"zsh: massage-plan {words}<TAB> gave {sorted(got)}, expected {sorted(want)}"
                 f"\n{run.stderr}")
    print(f"ok: zsh completes {len(cases)} command lines")


def check_fish(prefix):
    if not shutil.which("fish"):
        skip("fish is not installed")
    script = os.path.join(prefix, "share/fish/vendor_completions.d/massage-plan.fish")
    check_covers_options(prefix, "fish", script, fish=True)
    run = subprocess.run(["fish", "-n", script], capture_output=True, text=True)
    if run.returncode != 0 or run.stderr:
        fail(f"fish -n: {run.stderr}")
    cases = [("pl", {"plan"}), ("plan --goal ", None), ("plan --goal t", "goals:t"),
             ("plan --condition ", None), ("plan --ex", {"--explain"})]
    for words, expected in cases:
        with tempfile.TemporaryDirectory() as home:
            env = clean_env(prefix, home)
            env["XDG_CONFIG_HOME"] = env["XDG_DATA_HOME"] = home
            run = subprocess.run(["fish", "--no-config", "-c",
                                  f"source {script}; complete -C 'massage-plan {words}'"],
                                 capture_output=True, text=True, env=env, timeout=60, cwd="/")
        got = {line.split("\t")[0] for line in run.stdout.splitlines() if line}
        want = expected_completions(prefix, words.strip() + " ''" if words.endswith(" ")
                                    else words, expected)
        if run.returncode != 0 or got != want:
            fail(f"fish: massage-plan {words}<TAB> gave {sorted(got)}, expected {sorted(want)}"
                 f"\n{run.stderr}")
    print(f"ok: fish completes {len(cases)} command lines")


def check_run(prefix):
    argv = [program(prefix), "plan", "--goal", "tension-headache", "--minutes", "15",
            "--start", "2025-01-06"]
    with tempfile.TemporaryDirectory() as home:
        run = subprocess.run(argv, capture_output=True, text=True, env=clean_env(prefix, home),
                             cwd="/")
        if run.returncode != 0 or "Monday, 2025-01-06" not in run.stdout:
            fail(f"plan from / with an empty HOME: status {run.returncode}\n{run.stderr}")
        if os.listdir(home):
            fail(f"plan wrote into the empty HOME: {os.listdir(home)}")
    run = subprocess.run(argv + ["--format", "json"], capture_output=True, text=True,
                         env=clean_env(prefix, None), cwd="/")
    if run.returncode != 0 or '"schema"' not in run.stdout:
        fail(f"plan with no HOME at all: status {run.returncode}\n{run.stderr}")
    print("ok: the installed binary plans from / with an empty HOME and with none")


def check_deb(cpack, build, out):
    if not shutil.which("dpkg-deb") or not os.path.isfile(cpack):
        skip("dpkg-deb or cpack is missing")
    if os.path.exists(out):
        shutil.rmtree(out)
    run = subprocess.run([cpack, "-G", "DEB", "--config",
                          os.path.join(build, "CPackConfig.cmake"), "-B", out],
                         capture_output=True, text=True, cwd=build)
    if run.returncode != 0:
        fail(f"cpack -G DEB failed:\n{run.stdout}{run.stderr}")
    debs = [f for f in os.listdir(out) if f.endswith(".deb")]
    if len(debs) != 1:
        fail(f"cpack made {debs}")
    deb = os.path.join(out, debs[0])
    fields = subprocess.run(["dpkg-deb", "-f", deb, "Package", "Depends"], capture_output=True,
                            text=True, check=True).stdout
    if "Package: massage-plan" not in fields:
        fail(f"the package is not called massage-plan:\n{fields}")
    for lib in ["libyaml-cpp", "libfmt", "libdate-tz", "libstdc++6", "libc6", "tzdata"]:
        if lib not in fields:
            fail(f"the package does not depend on {lib}:\n{fields}")
    listing = subprocess.run(["dpkg-deb", "-c", deb], capture_output=True, text=True,
                             check=True).stdout
    for f in FILES:
        if f"./usr/{f}" not in listing:
            fail(f"the package lacks /usr/{f}")
    print(f"ok: {debs[0]} holds every file and declares {fields.splitlines()[-1]}")


def main():
    what, args = sys.argv[1], sys.argv[2:]
    checks = {"install": check_install, "files": check_files, "man": check_man,
              "bash": check_bash, "zsh": check_zsh, "fish": check_fish, "run": check_run,
              "deb": check_deb}
    if what not in checks:
        sys.exit(f"usage: {sys.argv[0]} {'|'.join(checks)} ARGS…")
    checks[what](*args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
