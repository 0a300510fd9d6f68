#!/usr/bin/env python3
"""`massage-plan start` when stdout is not a terminal (a pipe), and `--speak` through espeak-ng
writing each cue to a WAV file (the test-only MASSAGE_PLAN_SPEAK_DIR, docs/guide.md).

Usage: lines_and_speech.py PROGRAM SCENARIO   (exit 0 passed, 1 failed, 77 espeak-ng missing
                                               for the speech scenario)
"""
import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import wave

ARGS = ["start", "--technique", "chin-tuck:2", "--technique", "upper-trap-stretch:2",
        "--ready", "3"]


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def environment(folder, speed):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MASSAGE_PLAN")}
    env.update({"XDG_CONFIG_HOME": os.path.join(folder, "config"),
                "XDG_STATE_HOME": os.path.join(folder, "state"),
                "MASSAGE_PLAN_CLOCK_SPEED": str(speed)})
    return env


def lines(program, folder):
    """Each cue a line as it begins, in the timeline's order and at its time; the end."""
    env = environment(folder, 60)
    history = os.path.join(folder, "h.db")
    dry = subprocess.run([program, "start", "--dry-run", "--format", "json"] + ARGS[1:],
                         env=env, capture_output=True, text=True, check=True)
    cues = json.loads(dry.stdout)["cues"]
    began = time.monotonic()
    p = subprocess.Popen([program, "--history", history] + ARGS, env=env, stdout=subprocess.PIPE,
                         text=True)
    seen = []
    for line in p.stdout:
        seen.append((time.monotonic() - began, line.rstrip("\n")))
    check(p.wait() == 0, "exit 0")
    printed = [text for _, text in seen]
    check(len(printed) >= len(cues) + 2, f"a line a cue and the end:\n{printed}")
    for cue, (when, text) in zip(cues, seen):
        at = f"{cue['at'] // 60}:{cue['at'] % 60:02}"
        check(text.startswith(at + "  ") and cue["text"] in text, f"cue {cue} as {text!r}")
        # printed as it begins, not all at once (60 session seconds a real second)
        check(when >= cue["at"] / 60 - 0.05, f"{text!r} printed at {when:.2f} s, early")
    total = json.loads(dry.stdout)["total_seconds"]
    check(seen[-1][0] >= total / 60 - 0.1, "the session took its time")
    check(printed[len(cues)].endswith("End."), f"the end line: {printed[len(cues)]!r}")
    check(printed[len(cues) + 1] == "Session over.", printed[len(cues) + 1:])
    check(any(t.startswith("recorded: done") for t in printed), printed)


def stop_in_second_technique(program, folder, stop):
    """Runs ARGS as lines until the second technique begins, calls stop(process), and returns
    (exit status, the rest of the output, the history as JSON)."""
    env = environment(folder, 40)
    history = os.path.join(folder, "h.db")
    p = subprocess.Popen([program, "--history", history] + ARGS, env=env, stdout=subprocess.PIPE,
                         text=True)
    for line in p.stdout:
        if "Upper trapezius stretch, 2 min" in line:
            break
    rest = stop(p)
    status = p.wait(timeout=30)
    out = subprocess.run([program, "--history", history, "history", "--format", "json"],
                         env=env, capture_output=True, text=True, check=True).stdout
    return status, rest, out


def check_first_done_second_skipped(out):
    kinds = {e["kind"]: e for e in json.loads(out)}
    check([t["technique"] for t in kinds["done"]["techniques"]] == ["chin-tuck"], out)
    check([t["technique"] for t in kinds["skip"]["techniques"]] == ["upper-trap-stretch"], out)


def lines_sigterm(program, folder):
    """SIGTERM while printing lines: what was done is recorded, exit 143."""
    def terminate(p):
        time.sleep(0.2)
        p.send_signal(signal.SIGTERM)
        return p.stdout.read()

    status, rest, out = stop_in_second_technique(program, folder, terminate)
    check(status == 143, f"exit 143, not {status}")
    check("recorded: done" in rest and "recorded: skip" in rest, rest)
    check_first_done_second_skipped(out)


def lines_closed(program, folder):
    """The reader of the lines goes away mid-session: what was done is still recorded (a closed
    pipe ends the session as `q` does, exit 0, instead of SIGPIPE killing it)."""
    def close(p):
        p.stdout.close()
        return ""

    status, _, out = stop_in_second_technique(program, folder, close)
    check(status == 0, f"exit 0, not {status}")
    check_first_done_second_skipped(out)


def peak(path):
    with wave.open(path, "rb") as w:
        check(w.getsampwidth() == 2, f"{path}: 16-bit samples")
        frames = w.readframes(w.getnframes())
    samples = struct.unpack(f"<{len(frames) // 2}h", frames)
    return max((abs(s) for s in samples), default=0), len(samples)


def speech(program, folder):
    """--speak: espeak-ng says every cue (here: writes it to DIR/NNN.wav), none silent."""
    if shutil.which("espeak-ng") is None:
        print("skipped: espeak-ng is not installed")
        sys.exit(77)
    env = environment(folder, 20)
    wavs = os.path.join(folder, "wav")
    os.mkdir(wavs)
    env["MASSAGE_PLAN_SPEAK_DIR"] = wavs
    args = ["--history", os.path.join(folder, "h.db"), "start", "--speak", "--no-log",
            "--technique", "chin-tuck:2", "--ready", "5"]
    dry = subprocess.run([program, "start", "--dry-run", "--format", "json", "--technique",
                          "chin-tuck:2", "--ready", "5"], env=env, capture_output=True,
                         text=True, check=True)
    cues = [c for c in json.loads(dry.stdout)["cues"] if c["seconds"] > 0]
    run = subprocess.run([program] + args, env=env, capture_output=True, text=True)
    check(run.returncode == 0, f"exit 0: {run.stderr}")
    files = sorted(os.listdir(wavs))
    # each cue, and "3", "2", "1" in the get-ready countdown
    check(len(files) == len(cues) + 3, f"{len(cues)} cues + 3 counts, files: {files}")
    check(files[0] == "001.wav", files)
    for name in files:
        loudest, count = peak(os.path.join(wavs, name))
        check(count > 1000 and loudest > 1000, f"{name}: silent ({count} samples, peak {loudest})")


def speech_missing(program, folder):
    """--speak without espeak-ng on PATH: how to install it, exit 69 (EX_UNAVAILABLE)."""
    env = environment(folder, 20)
    env["PATH"] = folder  # nothing here
    run = subprocess.run([program, "start", "--speak", "--technique", "chin-tuck:2"], env=env,
                         capture_output=True, text=True)
    check(run.returncode == 69, f"exit 69, not {run.returncode}: {run.stderr}")
    check("sudo apt install espeak-ng" in run.stderr, run.stderr)
    check(run.stdout == "", f"nothing on stdout: {run.stdout!r}")


SCENARIOS = {"lines": lines, "lines-sigterm": lines_sigterm, "lines-closed": lines_closed,
             "speak-wav": speech,
             "speak-missing": speech_missing}


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in SCENARIOS:
        print(__doc__)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        try:
            SCENARIOS[sys.argv[2]](os.path.abspath(sys.argv[1]), folder)
        except Failure as e:
            print(f"FAILED {sys.argv[2]}: {e}")
            return 1
    print(f"passed: {SCENARIOS[sys.argv[2]].__doc__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
