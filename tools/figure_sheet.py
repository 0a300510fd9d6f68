#!/usr/bin/env python3
"""Draws every technique's figure on one contact sheet, rendered by headless Chromium.

    tools/figure_sheet.py MASSAGE_PLAN OUT.png [--library PATH] [--columns N]

Each picture comes from `massage-plan show ID --format svg`, so the sheet shows exactly what the
program draws; docs/figures.png is made with the built-in library:

    tools/figure_sheet.py build/release/massage-plan docs/figures.png
"""
import argparse
import html
import json
import os
import subprocess
import sys
import tempfile


def run(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("program")
    ap.add_argument("out")
    ap.add_argument("--library", action="append", default=[])
    ap.add_argument("--columns", type=int, default=8)
    args = ap.parse_args()
    base = [args.program]
    for lib in args.library:
        base += ["--library", lib]
    techniques = json.loads(run(base + ["list", "techniques", "--format", "json"]))
    cells = []
    for t in techniques:
        try:
            svg = run(base + ["show", t["id"], "--format", "svg"])
        except subprocess.CalledProcessError:
            continue  # no figure
        cells.append(f'<div class="cell">{svg}<p>{html.escape(t["name"])}</p></div>')
    if not cells:
        sys.exit("no technique has a figure")
    cell_px = 150
    rows = (len(cells) + args.columns - 1) // args.columns
    width = args.columns * cell_px + 16
    height = rows * (cell_px + 30) + 16
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body {{ margin: 8px; font: 11px "DejaVu Sans", sans-serif; background: #fff; }}
.grid {{ display: grid; grid-template-columns: repeat({args.columns}, {cell_px}px); }}
.cell {{ height: {cell_px + 30}px; display: flex; flex-direction: column; align-items: center;
        justify-content: flex-end; border: 1px solid #e3e3e3; box-sizing: border-box; }}
.cell svg {{ max-width: {cell_px - 10}px; max-height: {cell_px - 10}px; width: auto; height: auto; }}
.cell p {{ margin: 2px 4px 4px; text-align: center; line-height: 1.1; height: 2.3em;
          overflow: hidden; }}
</style></head><body><div class="grid">{''.join(cells)}</div></body></html>"""
    with tempfile.TemporaryDirectory() as tmp:
        page_path = os.path.join(tmp, "sheet.html")
        with open(page_path, "w", encoding="utf-8") as f:
            f.write(page)
        shot = os.path.join(tmp, "sheet.png")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--hide-scrollbars", f"--window-size={width},{height}",
                        f"--screenshot={shot}", "file://" + page_path],
                       check=True, capture_output=True)
        with open(shot, "rb") as src, open(args.out, "wb") as dst:
            dst.write(src.read())
    print(f"{args.out}: {len(cells)} figures")


if __name__ == "__main__":
    main()
