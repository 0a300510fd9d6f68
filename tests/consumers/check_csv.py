#!/usr/bin/python3
"""Reads a CSV plan with Python's csv module in strict mode and checks RFC 4180 framing (CRLF
after every record, the header row), the row count, and that quoted fields read back exactly."""
import argparse
import csv
import io
import sys

from consumer_common import arg_text, report

HEADER = ["date", "start", "end", "session_kind", "technique", "name", "minutes", "goals"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--name-contains", action="append", default=[],
                        help="text (or @FILE) some technique name must hold, read back exactly")
    args = parser.parse_args()
    with open(args.file, "rb") as f:
        data = f.read()
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("does not end with CRLF")
    text = data.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if not rows or rows[0] != HEADER:
        problems.append(f"header {rows[:1]}, expected {HEADER}")
    body = rows[1:]
    if len(body) != args.rows:
        problems.append(f"{len(body)} rows, expected {args.rows}")
    for n, row in enumerate(body, 2):
        if len(row) != len(HEADER):
            problems.append(f"record {n}: {len(row)} fields")
            continue
        if row[3] not in ("self", "professional", "routine") or not row[6].isdigit():
            problems.append(f"record {n}: bad session_kind or minutes: {row}")
        for pair in filter(None, row[7].split(";")):
            goal, _, weight = pair.partition(":")
            if not goal or not 0 <= float(weight) <= 1:
                problems.append(f"record {n}: bad goals field {row[7]!r}")
    # Records end with CRLF, and a bare LF appears only inside a quoted field.
    unquoted = "".join(part for i, part in enumerate(text.split('"')) if i % 2 == 0)
    if unquoted.replace("\r\n", "").count("\n") or unquoted.replace("\r\n", "").count("\r"):
        problems.append("a record ends without CRLF")
    names = [row[5] for row in body if len(row) == len(HEADER)]
    for text in map(arg_text, args.name_contains):
        if not any(text in name for name in names):
            problems.append(f"no name holds {text!r}")
    return report("check_csv", args.file, problems, f"{len(body)} rows OK")


if __name__ == "__main__":
    sys.exit(main())
