#!/usr/bin/env python3
"""`massage-plan start` driven in a real pseudo-terminal (pexpect) and read through a real
terminal emulator (pyte), under an interactive bash so that `stty -g` runs in the same terminal
before and after, and Ctrl-Z / `fg` are bash's own job control.

Usage: pty_session.py PROGRAM SCENARIO     (exit 0 passed, 1 failed, 77 pexpect/pyte missing)

The clock runs fast through the test-only MASSAGE_PLAN_CLOCK_SPEED (docs/guide.md).
"""
import json
import re
import os
import shlex
import signal
import sys
import tempfile
import time

try:
    import pexpect
    import pyte
except ImportError as e:  # check_tools makes a missing one a failure elsewhere
    print(f"skipped: {e}")
    sys.exit(77)


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Terminal:
    """bash -i in a pty; every byte it writes goes to a pyte screen and a raw log."""

    def __init__(self, program, folder, columns=80, rows=32, extra_env=None):
        self.program = program
        self.folder = folder
        self.columns, self.rows = columns, rows
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = b""
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": folder,
            "TERM": "xterm",
            "PS1": "READY$ ",
            "LANG": "C.UTF-8",
            "XDG_CONFIG_HOME": os.path.join(folder, "config"),
            "XDG_STATE_HOME": os.path.join(folder, "state"),
            "MASSAGE_PLAN_CLOCK_SPEED": "20",
        }
        env.update(extra_env or {})
        self.history = os.path.join(folder, "history.db")
        self.child = pexpect.spawn("/bin/bash", ["--norc", "--noprofile", "-i"], env=env,
                                   dimensions=(rows, columns), cwd=folder)
        self.wait_raw(b"READY$ ", 10)

    def pump(self, seconds=0.05):
        end = time.monotonic() + seconds
        while True:
            try:
                data = self.child.read_nonblocking(65536, timeout=max(0.0, end - time.monotonic()))
                self.raw += data
                self.stream.feed(data)
            except pexpect.TIMEOUT:
                pass
            except pexpect.EOF:
                return
            if time.monotonic() >= end:
                return

    def text(self):
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_screen(self, predicate, seconds, what):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.pump(0.03)
            if predicate(self.text()):
                return self.text()
        raise Failure(f"timed out waiting for {what}; the screen:\n{self.text()}")

    def wait_for(self, words, seconds=10):
        return self.wait_screen(lambda t: words in t, seconds, repr(words))

    def step_to(self, words, presses=20):
        """Presses n, a step at a time, until words show."""
        for _ in range(presses):
            self.pump(0.15)
            if words in self.text():
                return self.text()
            self.send("n")
        raise Failure(f"{words!r} never showed; the screen:\n{self.text()}")

    def wait_raw(self, marker, seconds, start=0):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.pump(0.03)
            if marker in self.raw[start:]:
                return
        raise Failure(f"timed out waiting for {marker!r}; the output ends:\n"
                      f"{self.raw[-1500:].decode('utf-8', 'replace')}")

    def exit_status(self, start, seconds):
        """Waits for "EXIT=N=" (echo's, not the command line's "EXIT=$?=") and bash's prompt
        after it; returns N."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.pump(0.03)
            m = re.search(rb"EXIT=(\d+)=", self.raw[start:])
            if m and b"READY$ " in self.raw[start + m.end():]:
                return int(m.group(1))
        raise Failure(f"timed out waiting for the command's end; the output ends:\n"
                      f"{self.raw[-1500:].decode('utf-8', 'replace')}\nthe screen:\n{self.text()}")

    def run(self, command, seconds=20):
        """Runs a shell command to its end; returns its exit status."""
        mark = len(self.raw)
        self.child.sendline(command + "; echo EXIT=$?=")
        return self.exit_status(mark, seconds)

    def stty(self, name):
        check(self.run(f"stty -g > {name}") == 0, "stty -g failed")
        with open(os.path.join(self.folder, name), encoding="ascii") as f:
            return f.read().strip()

    def start(self, args, env=""):
        """Starts `massage-plan start ARGS` in the foreground, without waiting for it."""
        self.mark = len(self.raw)
        self.child.sendline(f"{env} {shlex.quote(self.program)} --history "
                            f"{shlex.quote(self.history)} start {args}; echo EXIT=$?=")

    def finished(self, seconds=20):
        """Waits for the started program to end; its exit status."""
        return self.exit_status(self.mark, seconds)

    def output(self):
        return self.raw[self.mark:].decode("utf-8", "replace")

    def program_pid(self):
        """The pid of massage-plan, bash's child."""
        for _ in range(100):
            for entry in os.listdir("/proc"):
                if not entry.isdigit():
                    continue
                try:
                    with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                        fields = f.read().rsplit(")", 1)[1].split()
                    with open(f"/proc/{entry}/cmdline", "rb") as f:
                        cmd = f.read()
                except OSError:
                    continue
                if int(fields[1]) == self.child.pid and b"massage-plan" in cmd:
                    return int(entry)
            time.sleep(0.02)
        raise Failure("massage-plan's process not found")

    def send(self, text):
        self.child.send(text)

    def resize(self, columns, rows=None):
        rows = rows or self.rows
        self.screen.resize(rows, columns)
        self.child.setwinsize(rows, columns)

    def close(self):
        self.child.close(force=True)


def history(t):
    out = os.popen(f"{shlex.quote(t.program)} --history {shlex.quote(t.history)} history "
                   "--format json").read()
    return json.loads(out) if out.strip() else None


def entries(t):
    data = history(t)
    if data is None:
        return []
    return data["entries"] if isinstance(data, dict) else data


def left_of(screen):
    for line in screen.splitlines():
        if line.startswith("Session left: "):
            return line.split(": ", 1)[1]
    return None


# --- scenarios -------------------------------------------------------------------------------

def countdown_bar_side_next(t):
    """The get-ready countdown, the bar, the sides, the next line; run to the end and rated."""
    before = t.stty("before")
    t.start("--technique upper-trap-stretch:3 --ready 10", "MASSAGE_PLAN_CLOCK_SPEED=5")
    s = t.wait_for("Get ready")
    check("Get ready: Upper trapezius stretch, 3 min." in s, f"the get-ready cue:\n{s}")
    check("Next: Upper trapezius stretch, 3 min" in s, f"the next line names the technique:\n{s}")
    first = left_of(s)
    s = t.wait_screen(lambda x: left_of(x) not in (None, first), 5, "the countdown to move")
    check(left_of(s) < first, f"the session's time left goes down: {first} then {left_of(s)}")
    bar = [line for line in s.splitlines() if line.startswith("[")]
    check(bar and "#" in bar[0] and bar[0].endswith(tuple("0123456789")),
          f"a progress bar with the seconds left:\n{s}")
    s = t.wait_for("1 of 1 · Upper trapezius stretch, 3 min", 10)
    check("Dose: Hold 30 seconds" in s, f"the dose under the name:\n{s}")
    check("Stop rule" in s, f"the cautions with the stop rule:\n{s}")
    for words in ("Left side · round 1 of 2", "Next (10 s): Rest.", "Left side · round 2 of 2",
                  "Next (10 s): Rest, then the right side.", "Right side · round 1 of 2"):
        t.step_to(words)
    s = t.step_to("Right side · round 2 of 2")
    check("Next: the end of the session" in s, f"the last step says the end is next:\n{s}")
    t.send("n")
    t.wait_raw(b"How helpful was this? 1\xe2\x80\x935, Enter to skip", 30, t.mark)
    t.send("4\r")
    check(t.finished() == 0, "exit status 0")
    out = t.output()
    check("Session over." in out and "rated 4 of 5" in out, f"the end:\n{out}")
    check(t.raw[t.mark:].count(b"\x07") >= 8, "a bell at each change of step")
    check(t.stty("after") == before, "the terminal settings are given back")
    e = entries(t)
    check(len(e) == 1 and e[0]["kind"] == "done" and e[0]["rating"] == 4, f"one done entry: {e}")
    check(e[0]["techniques"][0]["technique"] == "upper-trap-stretch", f"the technique: {e}")


def pause_resume_quit(t):
    """Space pauses (the clock stands), space resumes; ? shows the keys; q quits, the technique
    skipped."""
    before = t.stty("before")
    t.start("--technique chin-tuck:2 --ready 0")
    s = t.wait_for("Session left")
    t.send(" ")
    s = t.wait_for("Paused: space resumes")
    left = left_of(s)
    t.pump(1.0)  # 20 session seconds at this speed
    check(left_of(t.text()) == left, f"paused: the time stands at {left}:\n{t.text()}")
    t.send(" ")
    t.wait_screen(lambda x: "Paused" not in x and left_of(x) != left, 5, "the clock to resume")
    t.send("?")
    s = t.wait_for("  s       skip the rest of this technique")
    check("Keys" in s, f"the help:\n{s}")
    t.send("?")
    t.wait_screen(lambda x: "skip the rest" not in x, 5, "the help to go")
    t.send("q")
    status = t.finished()
    check(status == 0, f"q exits 0, not {status}")
    check("How helpful" not in t.output(), "nothing done: no rating asked")
    check(t.stty("after") == before, "the terminal settings are given back after q")
    e = entries(t)
    check(len(e) == 1 and e[0]["kind"] == "skip", f"the unfinished technique skipped: {e}")


def skip_technique(t):
    """s skips the rest of a technique: the next begins; the skipped one is recorded skipped."""
    before = t.stty("before")
    t.start("--technique chin-tuck:2 --technique upper-trap-stretch:2 --ready 0",
            "MASSAGE_PLAN_CLOCK_SPEED=40")
    t.wait_for("1 of 2 · Chin tuck")
    t.send("s")
    t.wait_for("2 of 2 · Upper trapezius stretch")
    t.wait_raw(b"How helpful was this?", 30, t.mark)
    t.send("x\r")  # not 1-5: asked again
    t.wait_raw(b"Please answer 1 (no help) to 5 (helped a lot), or press Enter.", 5, t.mark)
    t.send("\r")
    check(t.finished() == 0, "exit 0")
    check(t.stty("after") == before, "the terminal settings are given back")
    kinds = {x["kind"]: x for x in entries(t)}
    check(set(kinds) == {"done", "skip"}, f"a done and a skip entry: {kinds}")
    check([x["technique"] for x in kinds["done"]["techniques"]] == ["upper-trap-stretch"],
          f"done: {kinds['done']}")
    check([x["technique"] for x in kinds["skip"]["techniques"]] == ["chin-tuck"],
          f"skipped: {kinds['skip']}")
    check(kinds["done"]["rating"] is None, "Enter skips the rating")


def quit_in_countdown(t):
    """q during the get-ready countdown: nothing began, nothing is recorded; --no-bell."""
    before = t.stty("before")
    t.start("--technique chin-tuck:2 --ready 60 --no-bell")
    t.wait_for("Get ready")
    t.send("q")
    check(t.finished() == 0, "exit 0")
    check(b"\x07" not in t.raw[t.mark:], "--no-bell: no bell")
    check("nothing recorded: no technique had begun" in t.output(), t.output())
    check(t.stty("after") == before, "the terminal settings are given back")
    check(entries(t) == [], "no entry")


def after_first(t, args="--technique chin-tuck:2 --technique upper-trap-stretch:2 --ready 0"):
    t.start(args, "MASSAGE_PLAN_CLOCK_SPEED=40")
    t.wait_for("2 of 2 · Upper trapezius stretch", 15)


def check_recorded_first(t):
    kinds = {x["kind"]: x for x in entries(t)}
    check(set(kinds) == {"done", "skip"}, f"a done and a skip entry: {kinds}")
    check(kinds["done"]["techniques"] == [{"technique": "chin-tuck", "minutes": 2}] or
          [x["technique"] for x in kinds["done"]["techniques"]] == ["chin-tuck"],
          f"the finished technique done: {kinds['done']}")
    check([x["technique"] for x in kinds["skip"]["techniques"]] == ["upper-trap-stretch"],
          f"the rest skipped: {kinds['skip']}")


def ctrl_c(t):
    """Ctrl-C: what was done is recorded, the terminal given back, exit 130."""
    before = t.stty("before")
    after_first(t)
    t.send("\x03")
    status = t.finished()
    check(status == 130, f"exit 130 after Ctrl-C, not {status}")
    check(t.stty("after") == before, "the terminal settings are given back after Ctrl-C")
    check_recorded_first(t)


def by_signal(number, status_wanted):
    def scenario(t):
        before = t.stty("before")
        after_first(t)
        os.kill(t.program_pid(), number)
        status = t.finished()
        check(status == status_wanted, f"exit {status_wanted}, not {status}")
        check(t.stty("after") == before, "the terminal settings are given back")
        check_recorded_first(t)
    scenario.__doc__ = f"signal {number}: recorded, the terminal given back, exit {status_wanted}"
    return scenario


def ctrl_z_fg(t):
    """Ctrl-Z gives the terminal back and stops; fg redraws it, paused; q then ends it."""
    before = t.stty("before")
    t.start("--technique chin-tuck:2 --ready 0")
    t.wait_for("1 of 1 · Chin tuck")
    t.send("\x1a")
    t.wait_raw(b"Stopped", 10, t.mark)
    t.wait_raw(b"READY$ ", 10, t.mark)
    check(t.stty("stopped") == before, "while stopped the terminal is as it was")
    t.screen.reset()
    t.mark = len(t.raw)  # bash went on past the stopped job: fg's status is the program's
    t.child.sendline("fg; echo EXIT=$?=")
    s = t.wait_for("Paused: space resumes", 10)
    check("1 of 1 · Chin tuck" in s, f"redrawn after fg:\n{s}")
    t.send(" ")
    t.wait_screen(lambda x: "Paused" not in x, 5, "resumed")
    t.send("q")
    status = t.finished()
    check(status == 0, f"exit 0, not {status}:\n{t.output()}")
    check(t.stty("after") == before, "the terminal settings are given back")


def resize_and_colour(t):
    """A resize redraws at the new width (40 and 200 columns); NO_COLOR and --color."""
    before = t.stty("before")
    t.start("--technique upper-trap-stretch:2 --ready 60", "NO_COLOR=1 MASSAGE_PLAN_CLOCK_SPEED=1")
    t.wait_for("Get ready")
    check(b"\x1b[1;36m" not in t.raw[t.mark:], "NO_COLOR: no colour")
    t.resize(40)
    s = t.wait_screen(lambda x: "space pause" in x and any(
        line.startswith("[") and len(line) <= 40 and line.endswith(tuple("0123456789"))
        for line in x.splitlines()), 5, "a 40-column bar")
    check(all(len(line) <= 40 for line in s.splitlines()), f"fits 40 columns:\n{s}")
    t.screen.reset()
    t.resize(200)
    s = t.wait_screen(lambda x: any(line.startswith("[") and len(line) > 150
                                    for line in x.splitlines()), 5, "a wide bar")
    t.send("q")
    check(t.finished() == 0, "exit 0")
    t.resize(80)
    t.mark = len(t.raw)
    t.child.sendline(f"{shlex.quote(t.program)} --color always --history {shlex.quote(t.history)}"
                     " start --technique chin-tuck:2 --ready 60; echo EXIT=$?=")
    t.wait_for("Get ready")
    t.send("q")
    t.finished()
    check(b"\x1b[1;36m" in t.raw[t.mark:], "--color always: colour")
    check(t.stty("after") == before, "the terminal settings are given back")


def ctrl_c_at_rating(t):
    """Ctrl-C at the rating question: the entry is kept unrated, exit 130."""
    before = t.stty("before")
    t.start("--technique chin-tuck:2 --ready 0", "MASSAGE_PLAN_CLOCK_SPEED=60")
    t.wait_raw(b"How helpful was this?", 30, t.mark)
    t.send("\x03")
    status = t.finished()
    check(status == 130, f"exit 130, not {status}")
    check(t.stty("after") == before, "the terminal settings are given back")
    e = entries(t)
    check(len(e) == 1 and e[0]["kind"] == "done" and e[0]["rating"] is None, f"kept unrated: {e}")


def error_after(t):
    """An error (the history cannot be written) after the session: the terminal given back."""
    before = t.stty("before")
    t.history = "/proc/no-such-folder/h.db"
    t.start("--technique chin-tuck:2 --ready 0", "MASSAGE_PLAN_CLOCK_SPEED=40")
    t.wait_for("1 of 1 · Chin tuck")
    t.send("n")
    t.send("q")
    status = t.finished()
    check(status == 73, f"exit 73 (cannot create the history), not {status}:\n{t.output()}")
    check("massage-plan: error:" in t.output(), t.output())
    check(t.stty("after") == before, "the terminal settings are given back after an error")


SCENARIOS = {
    "error": error_after,
    "ctrl-c-rating": ctrl_c_at_rating,
    "countdown": countdown_bar_side_next,
    "pause": pause_resume_quit,
    "skip": skip_technique,
    "quit": quit_in_countdown,
    "ctrl-c": ctrl_c,
    "sigterm": by_signal(signal.SIGTERM, 143),
    "sighup": by_signal(signal.SIGHUP, 129),
    "ctrl-z": ctrl_z_fg,
    "resize": resize_and_colour,
}


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in SCENARIOS:
        print(__doc__)
        print("scenarios:", ", ".join(SCENARIOS))
        return 2
    program = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as folder:
        t = Terminal(program, folder)
        try:
            SCENARIOS[sys.argv[2]](t)
        except Failure as e:
            print(f"FAILED {sys.argv[2]}: {e}")
            return 1
        finally:
            t.close()
    print(f"passed: {SCENARIOS[sys.argv[2]].__doc__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
