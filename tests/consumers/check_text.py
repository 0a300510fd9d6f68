#!/usr/bin/python3
"""Checks that a text plan fits an 80-column terminal, measuring each line's width with
Python's own Unicode tables (East Asian wide and emoji count two columns, combining marks none)
rather than the writer's, and that it holds no escape sequences unless colour was asked for."""
import argparse
import re
import sys
import unicodedata

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def width(line):
    w = 0
    for ch in line:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--color", action="store_true")
    parser.add_argument("--columns", type=int, default=80)
    args = parser.parse_args()
    with open(args.file, encoding="utf-8") as f:
        text = f.read()
    problems = []
    if not args.color and "\x1b" in text:
        problems.append("escape sequences without --color")
    for n, line in enumerate(text.split("\n"), 1):
        plain = ANSI.sub("", line)
        if "\x1b" in plain or any(unicodedata.category(c) == "Cc" for c in plain):
            problems.append(f"line {n}: control characters")
        if width(plain) > args.columns:
            problems.append(f"line {n}: {width(plain)} columns: {plain}")
    for p in problems:
        print(f"check_text: {args.file}: {p}", file=sys.stderr)
    if not problems:
        print(f"check_text: {args.file}: every line within {args.columns} columns")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
