#!/usr/bin/env python3
"""Checks the #include lines of src/ against the module layering (docs/architecture.md).

The build links each third-party library PRIVATE to the one module that may use it, but system
headers are visible to every file, so only the #include lines show a slip. Rules:

  * a third-party header only in the module that owns it (yaml-cpp: library/, CLI11: cli/,
    sqlite3.h: history/, date/tz.h: export/ and cli/);
  * our own headers only along the dependency arrows
    model <- library <- builtin; model <- planner, history, export, guide, figure; all of them
    <- cli <- main.cpp.

Usage: check_layering.py SRC_DIR      (exit 0 when all holds; else 1, one line per broken rule
                                        naming the file and line)
       check_layering.py --self-test  (plants one slip of each kind in a scratch tree and checks
                                        that each is caught and named)
"""
import os
import re
import sys
import tempfile

# Third-party headers and the modules allowed to include them.
THIRD_PARTY = [
    (re.compile(r"^yaml-cpp/"), "yaml-cpp", {"library"}),
    (re.compile(r"^CLI/"), "CLI11", {"cli"}),
    (re.compile(r"^sqlite3\.h$"), "SQLite", {"history"}),
    (re.compile(r"^date/"), "date-tz", {"export", "cli"}),
    # System headers of the terminal: termios, the window size, poll and signal handlers.
    (re.compile(r"^(termios\.h|sys/ioctl\.h|poll\.h)$"), "the terminal", {"terminal"}),
    # Signals: the terminal's handlers, and cli stopping its own espeak-ng child (kill).
    (re.compile(r"^(signal\.h|csignal)$"), "signals", {"terminal", "cli"}),
]

# Which of our modules each module may include (itself included).
ALLOWED = {
    "model": {"model"},
    "library": {"model", "library"},
    "builtin": {"model", "library", "builtin"},
    "planner": {"model", "planner"},
    "history": {"model", "history"},
    "export": {"model", "export"},
    "guide": {"model", "guide"},
    "figure": {"model", "figure"},
    "terminal": {"terminal"},
    "cli": {"model", "library", "builtin", "planner", "history", "export", "guide", "figure",
            "terminal", "cli"},
    "main.cpp": {"cli"},
}
# Headers generated into the build tree, and who may include them.
GENERATED = {"version.hpp": {"cli"}}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def module_of(src, path):
    rel = os.path.relpath(path, src).replace(os.sep, "/")
    return rel.split("/")[0], rel


def check_file(src, path):
    module, rel = module_of(src, path)
    problems = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for number, line in enumerate(f, 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            header = m.group(2)
            where = f"src/{rel}:{number}"
            for pattern, library, owners in THIRD_PARTY:
                if pattern.search(header) and module not in owners:
                    allowed = " and ".join(f"src/{o}/" for o in sorted(owners))
                    problems.append(f"{where}: includes <{header}>: {library} belongs to "
                                    f"{allowed} only")
            if m.group(1) != '"':
                continue
            if header in GENERATED:
                if module not in GENERATED[header]:
                    problems.append(f"{where}: includes \"{header}\", which only "
                                    f"{', '.join(sorted(GENERATED[header]))} may use")
                continue
            target = header.split("/")[0]
            if "/" not in header or target not in ALLOWED:
                continue  # a neighbour outside src/ (tests) or not one of ours
            if module in ALLOWED and target not in ALLOWED[module]:
                problems.append(f"{where}: includes \"{header}\": {module} may not depend on "
                                f"{target} (model <- library <- builtin; model <- planner, history, "
                                f"export, guide; all <- cli)")
    return problems


def check_tree(src):
    problems = []
    if not os.path.isdir(src):
        return [f"{src}: no such folder"]
    count = 0
    for root, dirs, files in os.walk(src):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".cpp", ".hpp", ".h", ".cc")):
                count += 1
                problems += check_file(src, os.path.join(root, name))
    if count == 0:
        problems.append(f"{src}: no source files found (wrong folder?)")
    return problems


def self_test():
    slips = {
        "model/bad_fmt_ok.cpp": ("#include <fmt/format.h>\n", None),
        "planner/uses_yaml.cpp": ("#include <yaml-cpp/yaml.h>\n",
                                  "src/planner/uses_yaml.cpp:1: includes <yaml-cpp/yaml.h>"),
        "export/uses_cli.hpp": ("// a comment\n#include <CLI/CLI.hpp>\n",
                                "src/export/uses_cli.hpp:2: includes <CLI/CLI.hpp>"),
        "library/uses_sqlite.cpp": ("#include <sqlite3.h>\n",
                                    "src/library/uses_sqlite.cpp:1: includes <sqlite3.h>"),
        "model/upward.hpp": ('#include "library/loader.hpp"\n',
                             'src/model/upward.hpp:1: includes "library/loader.hpp"'),
        "export/sideways.cpp": ('#include "planner/score.hpp"\n',
                                'src/export/sideways.cpp:1: includes "planner/score.hpp"'),
        "library/fine.cpp": ('#include <yaml-cpp/yaml.h>\n#include "model/error.hpp"\n', None),
        "history/fine.cpp": ("#include <sqlite3.h>\n", None),
        "cli/fine.cpp": ('#include <CLI/CLI.hpp>\n#include "library/loader.hpp"\n', None),
        "cli/raw.cpp": ("#include <termios.h>\n", "src/cli/raw.cpp:1: includes <termios.h>"),
        "guide/up.cpp": ('#include "terminal/terminal.hpp"\n',
                         'src/guide/up.cpp:1: includes "terminal/terminal.hpp"'),
        "terminal/fine.cpp": ("#include <termios.h>\n#include <signal.h>\n", None),
    }
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "src")
        for rel, (text, _) in slips.items():
            os.makedirs(os.path.dirname(os.path.join(src, rel)), exist_ok=True)
            with open(os.path.join(src, rel), "w", encoding="utf-8") as f:
                f.write(text)
        problems = check_tree(src)
    expected = [want for _, want in slips.values() if want]
    for want in expected:
        if not any(p.startswith(want) for p in problems):
            failures.append(f"not caught: {want}")
    if len(problems) != len(expected):
        failures.append(f"{len(problems)} problems reported, expected {len(expected)}:")
        failures += ["  " + p for p in problems]
    for f in failures:
        print(f)
    return 1 if failures else 0


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    if sys.argv[1] == "--self-test":
        return self_test()
    problems = check_tree(sys.argv[1])
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
