#!/usr/bin/env python3
"""Whole-process checks of the history database (SPEC §5, docs/history.md).

Usage: history_checks.py PROGRAM SOURCE_DIR CHECK, where CHECK is one of:

  concurrent     8 processes write 100 entries each at once: every command exits 0 and all
                 800 entries are there (WAL and a busy timeout: never "database is locked").
  concurrent-create
                 8 processes open a history that does not exist yet, at the same moment, 80
                 times over: every command exits 0 (creating the file and switching it to WAL
                 race; SQLite answers BUSY there without waiting) and all 8 entries are there.
  sigkill        a writer is killed with SIGKILL at random moments: the file passes
                 PRAGMA integrity_check and every entry whose command exited 0 is there.
  not-a-database a file that is not SQLite, and an SQLite file of another program: exit 74
                 naming the file and the problem; each file byte-for-byte as it was.
  damaged        a history with a page overwritten, and one cut short: exit 74 naming the file
                 and the damage; the file byte-for-byte as it was.
  old-version    a database written by schema version 1 (raw SQL of that version) is read,
                 then migrated by the next write; nothing in it is lost.
  permissions    the folder is created 0700 and the file 0600 (also -wal/-shm), whatever the
                 umask; a folder that cannot be created exits 73.
  report-schema  report --format json validates against docs/report.schema.json, which is
                 strict (each of a set of mutations is rejected).

Each check runs with HOME in a fresh empty folder and TZ=UTC. Timeouts guard against hangs
only; nothing here asserts a time.
"""
import copy
import hashlib
import json
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time

TIMEOUT = 300


def env_for(home):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "TZ": "UTC",
           "LC_ALL": "C.UTF-8", "XDG_CONFIG_HOME": os.path.join(home, ".config")}
    for asan in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
        if asan in os.environ:
            env[asan] = os.environ[asan]
    return env


def run(program, args, home):
    return subprocess.run([program] + args, capture_output=True, text=True, env=env_for(home),
                          timeout=TIMEOUT)


def expect(cond, message):
    if not cond:
        raise AssertionError(message)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def count_entries(db):
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM entries").fetchone()[0]
    finally:
        con.close()


def notes(db):
    con = sqlite3.connect(db)
    try:
        return {row[0] for row in con.execute("SELECT note FROM entries")}
    finally:
        con.close()


def check_concurrent(program, source, home):
    db = os.path.join(home, "state", "history.db")
    writers = 8
    per_writer = 100
    # Each writer is a shell loop of 100 commands; all 8 start at once on a fresh file.
    script = ("i=0; while [ $i -lt %d ]; do "
              "\"$0\" --history \"$1\" check-in --date 2026-03-02 --pain 3 --note \"w$2-$i\" "
              ">/dev/null 2>>\"$3\" || echo \"failed w$2-$i: $?\" >>\"$3\"; i=$((i+1)); done"
              % per_writer)
    procs = []
    for w in range(writers):
        log = os.path.join(home, f"w{w}.log")
        procs.append((subprocess.Popen(["/bin/sh", "-c", script, program, db, str(w), log],
                                       env=env_for(home)), log))
    for p, _ in procs:
        p.wait(timeout=TIMEOUT)
    for _, log in procs:
        text = open(log, encoding="utf-8").read() if os.path.exists(log) else ""
        expect(text == "", f"a writer reported failures:\n{text[:2000]}")
    got = notes(db)
    want = {f"w{w}-{i}" for w in range(writers) for i in range(per_writer)}
    expect(got == want, f"{len(want - got)} entries missing, {len(got - want)} unexpected")
    expect(count_entries(db) == writers * per_writer, "duplicate entries")
    print(f"ok: {writers} processes wrote {writers * per_writer} entries at once, all there")


def check_concurrent_create(program, source, home):
    writers = 8
    rounds = 80
    failures = []
    for r in range(rounds):
        db = os.path.join(home, f"r{r}", "state", "history.db")
        procs = [subprocess.Popen([program, "--history", db, "check-in", "--date", "2026-03-02",
                                   "--pain", "3", "--note", f"w{w}"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                  env=env_for(home)) for w in range(writers)]
        for w, p in enumerate(procs):
            _, err = p.communicate(timeout=TIMEOUT)
            if p.returncode != 0:
                failures.append(f"round {r} writer {w}: exit {p.returncode}: {err.strip()}")
        if not failures:
            expect(notes(db) == {f"w{w}" for w in range(writers)}, f"round {r}: entries missing")
    expect(not failures, f"{len(failures)} commands failed:\n" + "\n".join(failures[:10]))
    print(f"ok: {rounds} times {writers} processes created one history at once, none failed")


def check_sigkill(program, source, home):
    db = os.path.join(home, "history.db")
    r = run(program, ["--history", db, "plan", "--start", "2026-03-02", "--weeks", "2",
                      "--save"], home)
    expect(r.returncode == 0, f"plan --save: {r.returncode} {r.stderr}")
    rng = random.Random(14)
    # Kill moments spread over a whole command's run: measure how long one takes here.
    durations = []
    for i in range(3):
        t0 = time.perf_counter()
        r = run(program, ["--history", db, "check-in", "--date", "2026-03-03", "--stress", "4",
                          "--note", f"m{i}"], home)
        durations.append(time.perf_counter() - t0)
        expect(r.returncode == 0, f"check-in: {r.returncode} {r.stderr}")
    span = 1.3 * sorted(durations)[1]
    confirmed = {"m0", "m1", "m2"}
    kills = 0
    for i in range(60):
        note = f"k{i}"
        args = [program, "--history", db, "check-in", "--date", "2026-03-03", "--stress", "4",
                "--note", note]
        if i % 3 == 1:
            args = [program, "--history", db, "done", "2026-03-04", "--technique", "chin-tuck",
                    "--note", note]
        p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             env=env_for(home))
        time.sleep(rng.uniform(0, span))
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            kills += 1
        _, err = p.communicate(timeout=TIMEOUT)
        if p.returncode == 0:
            confirmed.add(note)
        else:
            expect(p.returncode == -signal.SIGKILL,
                   f"{' '.join(args[3:])}: exit {p.returncode}: {err.decode()}")
    con = sqlite3.connect(db)
    try:
        check = con.execute("PRAGMA integrity_check").fetchall()
        got = {row[0] for row in con.execute("SELECT note FROM entries")}
    finally:
        con.close()
    expect(check == [("ok",)], f"integrity_check: {check}")
    expect(confirmed <= got, f"entries whose command exited 0 are missing: {confirmed - got}")
    expect(kills > 0, "no writer was killed; the check proves nothing")
    expect(len(confirmed) > 3, "every writer was killed; the check proves little")
    # The killed writers left the file usable: one more command works.
    r = run(program, ["--history", db, "history", "--format", "json"], home)
    expect(r.returncode == 0, f"history after the kills: {r.returncode} {r.stderr}")
    print(f"ok: {kills} writers killed, integrity ok, all {len(confirmed)} confirmed entries kept")


def expect_refused(program, home, path, words):
    before = digest(path)
    for args in (["check-in", "--pain", "2"], ["report"], ["history"], ["undo"],
                 ["plan", "--save"], ["done", "today"]):
        r = run(program, ["--history", path] + args, home)
        expect(r.returncode == 74, f"{args[0]} on {path}: exit {r.returncode}, want 74\n{r.stderr}")
        first = r.stderr.splitlines()[0] if r.stderr else ""
        expect(path in first and all(w in first for w in words),
               f"{args[0]}: the error names neither the file nor the problem: {r.stderr!r}")
        expect(digest(path) == before, f"{args[0]} changed {path}")
    for extra in ("-wal", "-journal"):
        expect(not os.path.exists(path + extra) or os.path.getsize(path + extra) == 0,
               f"a {extra} file was written beside {path}")


def check_not_a_database(program, source, home):
    text = os.path.join(home, "notes.txt")
    with open(text, "wb") as f:
        f.write(b"my massage notes\n" * 200)
    expect_refused(program, home, text, ["not a history database"])
    other = os.path.join(home, "other.sqlite")
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE recipes(name TEXT)")
    con.execute("INSERT INTO recipes VALUES('soup')")
    con.commit()
    con.close()
    expect_refused(program, home, other, ["not a history database"])
    print("ok: a text file and another program's SQLite file are refused (74), unchanged")


def make_history(program, home, path):
    for args in (["plan", "--start", "2026-03-02", "--weeks", "4", "--save"],
                 ["done", "2026-03-02", "--rating", "4"],
                 ["check-in", "--date", "2026-03-02", "--pain", "3"]):
        r = run(program, ["--history", path] + args, home)
        expect(r.returncode == 0, f"{args}: {r.returncode} {r.stderr}")
    # Fold the WAL into the file so that the damage below hits real pages.
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def check_damaged(program, source, home):
    page = os.path.join(home, "page.db")
    make_history(program, home, page)
    size = os.path.getsize(page)
    expect(size >= 4 * 4096, f"the history is too small to damage ({size} bytes)")
    with open(page, "r+b") as f:
        f.seek(2 * 4096)  # the third page: a table's b-tree page
        f.write(bytes(random.Random(7).getrandbits(8) for _ in range(4096)))
    expect_refused(program, home, page, ["damaged"])
    short = os.path.join(home, "short.db")
    make_history(program, home, short)
    with open(short, "r+b") as f:
        f.truncate(os.path.getsize(short) - 4096 - 100)
    expect_refused(program, home, short, ["damaged"])
    print("ok: a history with a garbage page and one cut short are refused (74), unchanged")


# The schema as version 1 of massage-plan wrote it (src/history/schema.cpp, migration 0 → 1).
V1_SCHEMA = """
CREATE TABLE plans(id INTEGER PRIMARY KEY, saved_at TEXT NOT NULL, start TEXT NOT NULL,
  days INTEGER NOT NULL, goals TEXT NOT NULL);
CREATE TABLE sessions(id INTEGER PRIMARY KEY, plan INTEGER NOT NULL REFERENCES plans(id),
  day TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, kind TEXT NOT NULL,
  routine TEXT NOT NULL DEFAULT '');
CREATE TABLE items(session INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  position INTEGER NOT NULL, technique TEXT NOT NULL, minutes INTEGER NOT NULL,
  PRIMARY KEY(session, position)) WITHOUT ROWID;
CREATE TABLE entries(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, day TEXT NOT NULL,
  minute INTEGER, session INTEGER REFERENCES sessions(id), minutes INTEGER, rating INTEGER,
  note TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT '', pain INTEGER, headache INTEGER,
  stress INTEGER, recorded_at TEXT NOT NULL);
CREATE TABLE entry_techniques(entry INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  technique TEXT NOT NULL, minutes INTEGER NOT NULL, PRIMARY KEY(entry, technique));
PRAGMA application_id = 1836084328;
PRAGMA user_version = 1;
"""

V1_DATA = """
INSERT INTO plans VALUES(1, '2026-03-01 20:00:00', '2026-03-02', 7, 'tension-headache:1');
INSERT INTO sessions VALUES(1, 1, '2026-03-02', 450, 460, 'self', '');
INSERT INTO sessions VALUES(2, 1, '2026-03-03', 450, 460, 'self', '');
INSERT INTO items VALUES(1, 0, 'chin-tuck', 4);
INSERT INTO items VALUES(1, 1, 'upper-trap-stretch', 6);
INSERT INTO items VALUES(2, 0, 'chin-tuck', 10);
INSERT INTO entries(id, kind, day, session, rating, recorded_at)
  VALUES(1, 'done', '2026-03-02', 1, 5, '2026-03-02T07:45:00');
INSERT INTO entries(id, kind, day, session, reason, recorded_at)
  VALUES(2, 'skip', '2026-03-03', 2, 'travel', '2026-03-03T08:00:00');
INSERT INTO entries(id, kind, day, pain, headache, note, recorded_at)
  VALUES(3, 'check-in', '2026-03-03', 4, 2, 'long drive', '2026-03-03T20:00:00');
"""


def check_old_version(program, source, home):
    db = os.path.join(home, "v1.db")
    con = sqlite3.connect(db)
    con.executescript(V1_SCHEMA + V1_DATA)
    con.commit()
    con.close()
    r = run(program, ["--history", db, "report", "--from", "2026-03-02", "--to", "2026-03-08",
                      "--format", "json"], home)
    expect(r.returncode == 0, f"report on a v1 file: {r.returncode} {r.stderr}")
    report = json.loads(r.stdout)
    expect(report["adherence"] == {"planned": 2, "done": 1, "ratio": 0.5, "upcoming": 0},
           f"adherence {report['adherence']}")
    expect(report["skipped"] == [{"technique": "chin-tuck", "count": 1}],
           f"skipped {report['skipped']}")
    expect(report["weeks"][0]["symptoms"]["pain"] == 4, f"weeks {report['weeks']}")
    r = run(program, ["--history", db, "check-in", "--date", "2026-03-04", "--pain", "3"], home)
    expect(r.returncode == 0, f"check-in on a v1 file: {r.returncode} {r.stderr}")
    con = sqlite3.connect(db)
    version = con.execute("PRAGMA user_version").fetchone()[0]
    columns = [row[1] for row in con.execute("PRAGMA table_info(plans)")]
    entry_columns = [row[1] for row in con.execute("PRAGMA table_info(entries)")]
    count = con.execute("SELECT count(*) FROM entries").fetchone()[0]
    con.close()
    expect(version == 3, f"user_version {version} after a write, want 3")
    expect("adaptations" in columns, f"plans columns {columns}: the v2 migration did not run")
    expect("until" in entry_columns, f"entries columns {entry_columns}: the v3 migration did not run")
    expect(count == 4, f"{count} entries after the migration, want 4")
    r = run(program, ["--history", db, "undo"], home)
    expect(r.returncode == 0 and "check-in 2026-03-04" in r.stdout, f"undo: {r.stdout}{r.stderr}")
    # A file from a newer massage-plan is refused and left alone.
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 99")
    con.close()
    before = digest(db)
    r = run(program, ["--history", db, "report"], home)
    expect(r.returncode == 74 and "newer" in r.stderr and db in r.stderr, f"v99: {r.stderr}")
    expect(digest(db) == before, "a newer file was changed")
    print("ok: a version-1 history reads, migrates to version 3 on a write, loses nothing")


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def check_permissions(program, source, home):
    state = os.path.join(home, "xdg-state")
    env = env_for(home)
    env["XDG_STATE_HOME"] = state
    r = subprocess.run(["/bin/sh", "-c", 'umask 022; exec "$0" "$@"', program, "check-in",
                        "--pain", "1"], capture_output=True, text=True, env=env, timeout=TIMEOUT)
    expect(r.returncode == 0, f"check-in: {r.returncode} {r.stderr}")
    folder = os.path.join(state, "massage-plan")
    db = os.path.join(folder, "history.db")
    expect(os.path.isfile(db), f"no history at the XDG path {db}")
    expect(mode(folder) == 0o700, f"folder mode {oct(mode(folder))}, want 0o700")
    expect(mode(db) == 0o600, f"file mode {oct(mode(db))}, want 0o600")
    for extra in ("-wal", "-shm"):
        if os.path.exists(db + extra):
            expect(mode(db + extra) == 0o600, f"{extra} mode {oct(mode(db + extra))}")
    # The default without XDG_STATE_HOME: ~/.local/state/massage-plan/history.db.
    r = run(program, ["check-in", "--stress", "2"], home)
    default = os.path.join(home, ".local", "state", "massage-plan", "history.db")
    expect(r.returncode == 0 and os.path.isfile(default), f"default path: {r.stderr}")
    # A folder that cannot be created (its parent is a file; root may write anywhere else).
    blocker = os.path.join(home, "blocker")
    open(blocker, "w").close()
    path = os.path.join(blocker, "sub", "history.db")
    r = run(program, ["--history", path, "check-in", "--pain", "1"], home)
    expect(r.returncode == 73 and path.rsplit("/", 1)[0] in r.stderr,
           f"uncreatable folder: exit {r.returncode}, want 73\n{r.stderr}")
    # Reading a history that does not exist creates nothing.
    missing = os.path.join(home, "nowhere", "history.db")
    r = run(program, ["--history", missing, "report"], home)
    expect(r.returncode == 0 and not os.path.exists(os.path.dirname(missing)),
           f"report on a missing history: {r.returncode} {r.stderr}")
    print("ok: folder 0700, file 0600, the XDG and default paths, 73 for an uncreatable folder")


def mutations(doc):
    def change(what, fn):
        d = copy.deepcopy(doc)
        fn(d)
        return what, d
    yield change("unknown top-level key", lambda d: d.update(extra=1))
    yield change("wrong schema id", lambda d: d.update(schema="massage-plan/report@2"))
    yield change("missing streak", lambda d: d.pop("streak"))
    yield change("ratio above 1", lambda d: d["adherence"].update(ratio=1.5))
    yield change("bad week", lambda d: d["weeks"][0].update(week="2026-10"))
    yield change("unknown symptom", lambda d: d["weeks"][0]["symptoms"].update(nausea=2))
    yield change("symptom above 10", lambda d: d["weeks"][0]["symptoms"].update(pain=11))
    yield change("negative minutes",
                 lambda d: next(iter(d["goals"].values())).update(done_minutes=-1))
    yield change("skip count zero", lambda d: d["skipped"][0].update(count=0))
    yield change("bad date", lambda d: d.update(to="2026-02-30x"))


def check_report_schema(program, source, home):
    import jsonschema
    schema = json.load(open(os.path.join(source, "docs", "report.schema.json"), encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    db = os.path.join(home, "h.db")
    steps = [["plan", "--start", "2026-03-02", "--weeks", "2", "--goal", "tension-headache",
              "--save"],
             ["done", "2026-03-02", "--rating", "5"],
             ["done", "2026-03-03T07:40", "--minutes", "10"],
             ["skip", "2026-03-04", "--reason", "late night"],
             ["done", "2026-03-05", "--technique", "chin-tuck", "--technique", "box-breathing"],
             ["skip", "2026-03-06", "--technique", "chin-tuck"],
             ["check-in", "--date", "2026-03-02", "--pain", "5", "--headache", "4"],
             ["check-in", "--date", "2026-03-09", "--pain", "3", "--stress", "2"]]
    for args in steps:
        r = run(program, ["--history", db] + args, home)
        expect(r.returncode == 0, f"{args}: {r.returncode} {r.stderr}")
    failures = 0
    for extra in ([], ["--weeks", "1"], ["--from", "2026-01-01"]):
        r = run(program, ["--history", db, "report", "--to", "2026-03-15", "--format", "json"]
                + extra, home)
        expect(r.returncode == 0, f"report: {r.returncode} {r.stderr}")
        doc = json.loads(r.stdout)
        for e in validator.iter_errors(doc):
            print(f"report {extra}: {'/'.join(map(str, e.path))}: {e.message}")
            failures += 1
    # An empty history validates too.
    r = run(program, ["--history", os.path.join(home, "none.db"), "report", "--format", "json"],
            home)
    expect(r.returncode == 0 and validator.is_valid(json.loads(r.stdout)),
           f"empty report: {r.stdout}{r.stderr}")
    r = run(program, ["--history", db, "report", "--to", "2026-03-15", "--format", "json"], home)
    doc = json.loads(r.stdout)
    expect(doc["goals"] and doc["skipped"] and doc["weeks"], f"the report has empty parts: {doc}")
    for what, bad in mutations(doc):
        if validator.is_valid(bad):
            print(f"the schema accepts a report with {what}")
            failures += 1
    # An adapted plan (plan --adapt) still validates against docs/plan.schema.json.
    plan_schema = json.load(open(os.path.join(source, "docs", "plan.schema.json"),
                                 encoding="utf-8"))
    r = run(program, ["--history", db, "plan", "--start", "2026-03-16", "--goal",
                      "tension-headache", "--adapt", "--format", "json"], home)
    plan = json.loads(r.stdout)
    expect(r.returncode == 0 and plan.get("adaptations"), f"plan --adapt: {r.stderr}")
    for e in jsonschema.Draft202012Validator(plan_schema).iter_errors(plan):
        print(f"adapted plan: {'/'.join(map(str, e.path))}: {e.message}")
        failures += 1
    expect(failures == 0, f"{failures} schema failures")
    print("ok: reports and an adapted plan validate against their schemas; every mutation "
          "rejected")


CHECKS = {"concurrent": check_concurrent, "concurrent-create": check_concurrent_create,
          "sigkill": check_sigkill, "not-a-database": check_not_a_database, "damaged": check_damaged,
          "old-version": check_old_version, "permissions": check_permissions,
          "report-schema": check_report_schema}


def main():
    program, source, check = sys.argv[1], sys.argv[2], sys.argv[3]
    with tempfile.TemporaryDirectory() as home:
        try:
            CHECKS[check](program, source, home)
        except AssertionError as e:
            print(f"FAILED {check}: {e}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
