#!/usr/bin/python3
"""Validates `start --dry-run --format json` timelines against docs/timeline.schema.json with
python3-jsonschema (draft 2020-12), checks what the schema cannot say (each cue starts where the
one before ended; total_seconds is their sum; a technique's cues fill its minutes), and proves
the schema strict: small mutations of a valid timeline must be rejected.

Usage: check_timeline.py PROGRAM SCHEMA"""
import copy
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

# (arguments after `start --dry-run --format json`, minutes of guided techniques, ready seconds)
RUNS = [
    (["--technique", "upper-trap-stretch:3"], 3, 10),
    (["--technique", "chin-tuck", "--technique", "box-breathing:5", "--ready", "0"], 7, 0),
    (["--routine", "desk-neck-reset", "--ready", "15"], 5, 15),
    (["--technique", "progressive-muscle-relaxation:20"], 20, 10),
]


def fail(message):
    print(f"FAILED: {message}")
    sys.exit(1)


def mutations(doc):
    def change(what, fn):
        d = copy.deepcopy(doc)
        fn(d)
        return what, d

    hold = next(i for i, c in enumerate(doc["cues"]) if c["kind"] == "hold")
    read = next(i for i, c in enumerate(doc["cues"]) if c["kind"] == "read")
    yield change("unknown top-level key", lambda d: d.update(extra=1))
    yield change("unknown cue key", lambda d: d["cues"][0].update(name="x"))
    yield change("missing total_seconds", lambda d: d.pop("total_seconds"))
    yield change("missing cue side", lambda d: d["cues"][0].pop("side"))
    yield change("wrong schema id", lambda d: d.update(schema="massage-plan/timeline@2"))
    yield change("bad kind", lambda d: d["cues"][0].update(kind="countdown"))
    yield change("bad side", lambda d: d["cues"][hold].update(side="middle"))
    yield change("hold without round", lambda d: d["cues"][hold].update(round=None))
    yield change("read with a round", lambda d: d["cues"][read].update(round=1, rounds=1))
    yield change("seconds as float", lambda d: d["cues"][read].update(seconds=2.5))
    yield change("negative at", lambda d: d["cues"][read].update(at=-1))
    yield change("no cues", lambda d: d.update(cues=[]))


def main():
    if len(sys.argv) != 3:
        fail(__doc__)
    program, schema_path = sys.argv[1:]
    schema = json.load(open(schema_path, encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    with tempfile.TemporaryDirectory() as home:
        env = {"PATH": "/usr/bin:/bin", "HOME": home, "TZ": "UTC", "LC_ALL": "C.UTF-8",
               "XDG_CONFIG_HOME": os.path.join(home, "config")}
        for asan in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
            if asan in os.environ:
                env[asan] = os.environ[asan]
        for args, minutes, ready in RUNS:
            argv = [program, "start", "--dry-run", "--format", "json"] + args
            r = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60)
            if r.returncode != 0 or r.stderr:
                fail(f"{' '.join(argv)}: status {r.returncode}, stderr {r.stderr!r}")
            doc = json.loads(r.stdout)
            errors = list(validator.iter_errors(doc))
            if errors:
                fail(f"{' '.join(args)}: {errors[0].message} at {list(errors[0].absolute_path)}")
            at = 0
            for cue in doc["cues"]:
                if cue["at"] != at:
                    fail(f"{' '.join(args)}: a cue at {cue['at']} s, the one before ended at {at}")
                at += cue["seconds"]
            if doc["total_seconds"] != at or at != ready + 60 * minutes:
                fail(f"{' '.join(args)}: total_seconds {doc['total_seconds']}, cues {at}, "
                     f"planned {ready} + 60 × {minutes}")
            for what, mutated in mutations(doc):
                if validator.is_valid(mutated):
                    fail(f"the schema accepts a timeline with {what}")
    print(f"ok: {len(RUNS)} timelines valid and complete; the schema rejects every mutation")


if __name__ == "__main__":
    main()
