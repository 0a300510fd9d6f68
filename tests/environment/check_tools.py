#!/usr/bin/env python3
"""Fails, naming each missing program, when something the tests or the packaging call is absent.

    check_tools.py

Several checks skip (exit 77) when their consumer is missing, so that a developer without zsh can
still run the rest; this check is what keeps such a skip from hiding a missing install step. Every
program here is installed by `scripts/install-deps.sh test` (the package is named beside it).
"""
import importlib.util
import os
import shutil
import sys

# program on PATH -> the Debian package that scripts/install-deps.sh installs for it
PROGRAMS = {
    "python3": "python3",
    "file": "file",                      # CPack's shlibdeps step (install/deb)
    "dpkg-deb": "dpkg-dev",              # install/deb
    "dpkg-shlibdeps": "dpkg-dev",        # install/deb: the package's Depends
    "cpack": "cmake",                    # install/deb
    "pkg-config": "pkg-config",          # finds libical for consumers/ical
    "cmark": "cmark",                    # consumers/markdown
    "calcurse": "calcurse",              # consumers/calcurse
    "groff": "groff-base",               # install/man
    "man": "man-db",                     # install/man
    "bash": "bash",                      # install/bash
    "zsh": "zsh",                        # install/zsh
    "fish": "fish",                      # install/fish
    "xmllint": "libxml2-utils",          # consumers/figures: each figure parses as SVG
    "rsvg-convert": "librsvg2-bin",      # consumers/figures: each figure renders (librsvg)
    "espeak-ng": "espeak-ng",            # guide: `start --speak` says the cues (audio files)
}
# python module -> the Debian package that provides it
MODULES = {
    "jsonschema": "python3-jsonschema",  # consumers/json, the plan schema
    "icalendar": "python3-icalendar",    # consumers/ics
    "pexpect": "python3-pexpect",        # guide: `start` in a real pseudo-terminal
    "pyte": "python3-pyte",              # guide: the screen read through a terminal emulator
}
# files that are not programs -> the Debian package
FILES = {
    "/usr/share/bash-completion/bash_completion": "bash-completion",  # install/bash
}


def main():
    missing = []
    for program, package in PROGRAMS.items():
        if shutil.which(program) is None:
            missing.append(f"program `{program}` (Debian package {package})")
    for module, package in MODULES.items():
        if importlib.util.find_spec(module) is None:
            missing.append(f"python module `{module}` (Debian package {package})")
    for path, package in FILES.items():
        if not os.path.exists(path):
            missing.append(f"file {path} (Debian package {package})")
    if missing:
        for m in missing:
            print(f"missing: {m}")
        print("hint: run scripts/install-deps.sh test (as root or with sudo); if it ran, the "
              "package is missing from its lists")
        return 1
    print(f"present: {len(PROGRAMS)} programs, {len(MODULES)} python modules, {len(FILES)} other files "
          "that the tests and the packaging use")
    return 0


if __name__ == "__main__":
    sys.exit(main())
