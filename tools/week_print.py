#!/usr/bin/env python3
"""Prints the example week of docs/plan-html-print.png and docs/plan-html-howto.png: the html
plan, printed to an A4 PDF by headless Chromium, its first page (the week) and, when HOWTO.png
is given, its second (how to do the techniques) rendered by poppler's pdftoppm at 80 dpi; with
SCREEN.png, the page as a 900 x 1100 browser window shows it too (docs/plan-html.png).

    tools/week_print.py MASSAGE_PLAN WEEK.png [HOWTO.png [SCREEN.png]]

    tools/week_print.py build/release/massage-plan docs/plan-html-print.png \
        docs/plan-html-howto.png docs/plan-html.png

The plan is written in an empty home of its own (no profile or config of yours), with the same
arguments as the test consumer/chromium/docs-week, which checks that this week prints on one page
and that each technique's heading, figure and steps stay together on the how-to page.
"""
import os
import shutil
import subprocess
import sys
import tempfile

PLAN = ["plan", "--start", "2026-11-30", "--goal", "tension-headache:3", "--goal",
        "range-of-motion", "--session", "07:30=10", "--session", "21:00=10", "--format", "html"]


def main():
    if len(sys.argv) not in (3, 4, 5):
        sys.exit(__doc__)
    program, outs = os.path.abspath(sys.argv[1]), sys.argv[2:4]
    screen = sys.argv[4] if len(sys.argv) == 5 else None
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
        for number, out in enumerate(outs, start=1):
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(number), "-l", str(number),
                            "-singlefile", pdf, os.path.join(tmp, "page")], check=True)
            shutil.copyfile(os.path.join(tmp, "page.png"), out)
            print(f"{out}: page {number} of the example week, printed")
        if screen:
            subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                            f"--user-data-dir={os.path.join(tmp, 'profile')}", "--hide-scrollbars",
                            "--window-size=900,1100", f"--screenshot={os.path.abspath(screen)}",
                            "file://" + page], check=True, capture_output=True)
            print(f"{screen}: the example week on screen")


if __name__ == "__main__":
    main()
