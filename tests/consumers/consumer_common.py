"""Helpers the consumer checks share."""
import sys


def arg_text(value):
    """A text argument, or "@FILE" for the file's exact contents (texts with semicolons and
    newlines do not survive CMake lists)."""
    if value.startswith("@"):
        with open(value[1:], encoding="utf-8") as f:
            return f.read()
    return value


def report(tool, path, problems, summary):
    """Prints each problem (or the summary when there are none) and returns the exit status."""
    for p in problems:
        print(f"{tool}: {path}: {p}", file=sys.stderr)
    if not problems:
        print(f"{tool}: {path}: {summary}")
    return 1 if problems else 0
