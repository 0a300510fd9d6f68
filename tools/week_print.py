#!/usr/bin/env python3
"""Prints the example week of docs/plan-html-print.png: the html plan, printed to an A4 PDF by
headless Chromium, its first page rendered by poppler's pdftoppm at 80 dpi.

    tools/week_print.py MASSAGE_PLAN OUT.png

    tools/week_print.py build/release/massage-plan docs/plan-html-print.png

The plan is written in an empty home of its own (no profile or config of yours), with the same
arguments as the test consumer/chromium/docs-week, which checks that this week prints on one page
with each technique's heading, figure and steps together.
"""
import os
import shutil
import subprocess
import sys
import tempfile

PLAN = ["plan", "--start", "2026-11-30", "--goal", "tension-headache:3", "--goal",
        "range-of-motion", "--session", "07:30=10", "--session", "21:00=10", "--format", "html"]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    program, out = os.path.abspath(sys.argv[1]), sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        home = os.path.join(tmp, "home")
        os.mkdir(home)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home,
               "XDG_CONFIG_HOME": os.path.join(home, ".config"),
               "XDG_DATA_HOME": os.path.join(home, ".local", "share"), "TZ": "UTC"}
        page = os.path.join(tmp, "week.html")
        subprocess.run([program, *PLAN, "-o", page], check=True, env=env)
        pdf = os.path.join(tmp, "week.pdf")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        f"--user-data-dir={os.path.join(tmp, 'profile')}",
                        "--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + page],
                       check=True, capture_output=True)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf,
                        os.path.join(tmp, "week")], check=True)
        shutil.copyfile(os.path.join(tmp, "week.png"), out)
    print(f"{out}: the example week, printed")


if __name__ == "__main__":
    main()
