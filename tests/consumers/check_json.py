#!/usr/bin/python3
"""Validates plan JSON files against docs/plan.schema.json with python3-jsonschema (draft
2020-12, formats checked), then proves the schema is strict: each of a set of small mutations of
a valid plan (an unknown key, a missing key, a wrong type or format) must be rejected."""
import copy
import json
import sys

import jsonschema


def mutations(doc):
    """(what, mutated document) pairs that a strict schema must reject."""
    def change(what, fn):
        d = copy.deepcopy(doc)
        fn(d)
        return what, d

    session = lambda d: d["plan"][0]["sessions"][0]
    item = lambda d: session(d)["items"][0]
    yield change("unknown top-level key", lambda d: d.update(extra=1))
    yield change("unknown profile key", lambda d: d["profile"].update(contraindication=[]))
    yield change("unknown item key", lambda d: item(d).update(dose="x"))
    yield change("missing score", lambda d: d.pop("score"))
    yield change("missing item minutes", lambda d: item(d).pop("minutes"))
    yield change("wrong schema id", lambda d: d.update(schema="massage-plan/plan@2"))
    yield change("bad date", lambda d: d.update(start="2026-02-30x"))
    yield change("bad time", lambda d: session(d).update(start="7:30"))
    yield change("bad weekday", lambda d: d["plan"][0].update(weekday="monday"))
    yield change("bad kind", lambda d: session(d).update(kind="partner"))
    yield change("routine key on a self session", lambda d: session(d).update(routine="x"))
    yield change("score above 1", lambda d: d["score"].update(total=1.5))
    yield change("weight as string", lambda d: item(d)["goals"].update({"x": "0.5"}))
    yield change("priority out of range", lambda d: d["profile"]["goals"][0].update(priority=9))
    yield change("minutes as float", lambda d: item(d).update(minutes=2.5))


def main():
    if len(sys.argv) < 3:
        print("usage: check_json.py SCHEMA PLAN.json...", file=sys.stderr)
        return 64
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    failures = 0
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        for e in errors:
            print(f"check_json: {path}: {'/'.join(map(str, e.path))}: {e.message}", file=sys.stderr)
        failures += len(errors)
        if errors:
            continue
        for what, bad in mutations(doc):
            if validator.is_valid(bad):
                print(f"check_json: schema accepts a plan with {what}", file=sys.stderr)
                failures += 1
        print(f"check_json: {path}: valid; schema rejected every mutation")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
