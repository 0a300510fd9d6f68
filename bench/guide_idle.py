#!/usr/bin/python3
"""CPU used by a 10-minute guided session (`massage-plan start`) on a real terminal (issue 26:
well under a second of CPU in all): docs/performance.md, "A guided session at rest".

    bench/guide_idle.py [MASSAGE_PLAN] [--speed 20] [--minutes 10] [--runs 3]

Runs `start --no-log --ready 10` with techniques filling --minutes minutes in a pseudo-terminal
(the screen redrawn in place, as a person sees it; the output read and dropped), and reports the
user + system CPU of the process (wait4's rusage) and the number of redraws. The clock runs
--speed times faster (the test-only MASSAGE_PLAN_CLOCK_SPEED): the loop wakes once a displayed
second of session time, so the work per session second is the same at any speed, and
`--speed 1` checks that at real time (10 minutes a run). Needs only /usr/bin/python3.
"""

import argparse
import json
import os
import pty
import select
import statistics
import subprocess
import sys
import tempfile
import time

# Techniques in order, their minutes: 5 + 3 + 2 = 10 minutes; more minutes repeat the list.
TECHNIQUES = ["box-breathing:5", "upper-trap-stretch:3", "chin-tuck:2"]


def techniques_for(minutes):
    out, left = [], minutes
    while left > 0:
        for t in TECHNIQUES:
            m = int(t.split(":")[1])
            if m <= left:
                out.append(t)
                left -= m
        if left and all(int(t.split(":")[1]) > left for t in TECHNIQUES):
            sys.exit(f"guide_idle.py: {minutes} minutes cannot be made of {TECHNIQUES}")
    return out


def one_run(program, args, env):
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(program, [program] + args, env)
    frames = 0
    began = time.monotonic()
    while True:
        try:
            ready, _, _ = select.select([fd], [], [], 1.0)
            if ready:
                data = os.read(fd, 65536)
                if not data:
                    break
                frames += data.count(b"\x1b[H")
        except OSError:  # the child closed the terminal
            break
    _, status, usage = os.wait4(pid, 0)
    os.close(fd)
    return {"status": os.waitstatus_to_exitcode(status), "wall": time.monotonic() - began,
            "cpu": usage.ru_utime + usage.ru_stime, "frames": frames}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("program", nargs="?", default=os.path.join(here, "..", "build", "release",
                                                              "massage-plan"))
    p.add_argument("--speed", type=float, default=20)
    p.add_argument("--minutes", type=int, default=10)
    p.add_argument("--runs", type=int, default=3)
    a = p.parse_args()
    program = os.path.realpath(a.program)
    with tempfile.TemporaryDirectory() as home:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "TERM": "xterm",
               "LANG": "C.UTF-8", "XDG_CONFIG_HOME": os.path.join(home, "config"),
               "XDG_STATE_HOME": os.path.join(home, "state"),
               "MASSAGE_PLAN_CLOCK_SPEED": str(a.speed)}
        args = ["start", "--no-log", "--ready", "10"]
        for t in techniques_for(a.minutes):
            args += ["--technique", t]
        dry = subprocess.run([program] + args[:1] + ["--dry-run", "--format", "json"] + args[1:],
                             env=env, capture_output=True, text=True, check=True)
        session = json.loads(dry.stdout)["total_seconds"]
        runs = [one_run(program, args, env) for _ in range(a.runs)]
    for r in runs:
        if r["status"] != 0:
            sys.exit(f"guide_idle.py: the session exited {r['status']}")
    cpu = statistics.median(r["cpu"] for r in runs)
    print(f"session: {session // 60}:{session % 60:02} ({' '.join(args[4:])}), clock x{a.speed:g}, "
          f"{a.runs} runs")
    print(f"wall per run:  {statistics.median(r['wall'] for r in runs):.1f} s")
    print(f"redraws:       {statistics.median(r['frames'] for r in runs):.0f} "
          f"(one per session second: {session})")
    print(f"CPU per run:   {cpu * 1000:.0f} ms (user + system, median; min "
          f"{min(r['cpu'] for r in runs) * 1000:.0f}, max {max(r['cpu'] for r in runs) * 1000:.0f})")
    print(f"CPU per session minute: {cpu * 1000 / (session / 60):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
