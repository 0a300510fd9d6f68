#!/usr/bin/env python3
"""Real consumers read every technique's figure (SPEC §6 figures).

    check_figures.py --massage-plan M --xmllint X --rsvg-convert R [--chromium C]
                     [--library PATH --expect ID]

For each technique with a figure (`show ID --format svg`): libxml2's xmllint parses it, librsvg
renders it to a PNG that is not blank; a lying figure is wider than tall and a standing one
taller than wide; no two techniques whose figures differ render to the same image; `show ID
--format html` of the first carries its figure. With --chromium, one headless Chromium start
draws every figure on one page, each in a box of a grid, and each box of the screenshot must be
drawn (not blank). With --library, technique --expect (a user's own) must have its picture too, in
`show` and (with --goal) in the html plan for that goal.
"""
import argparse
import hashlib
import json
import os
import struct
import subprocess
import sys
import tempfile
import zlib


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def png_pixels(path):
    """(width, height, rows of RGBA bytes) of an 8-bit RGBA, non-interlaced PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), f"{path}: unexpected PNG format"
            bpp = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def dark_share(path):
    """The share of pixels clearly darker than white (drawn on white)."""
    w, h, bpp, rows = png_pixels(path)
    dark = 0
    for row in rows:
        for x in range(w):
            r, g, b = row[x * bpp], row[x * bpp + 1], row[x * bpp + 2]
            if r + g + b < 600:
                dark += 1
    return dark / float(w * h)


CELL, COLUMNS = 96, 8  # px: each figure's box on the Chromium sheet, and boxes per row


def chromium_sheet(chromium, tmp, ids, svgs):
    """One Chromium start draws every figure on one page, each in a fixed box of a grid; the
    screenshot is cut into the boxes and each must be drawn (not blank)."""
    cells = "".join(f'<div class="cell">{svgs[i]}</div>' for i in ids)
    rows = (len(ids) + COLUMNS - 1) // COLUMNS
    width, height = COLUMNS * CELL, rows * CELL
    page = os.path.join(tmp, "sheet.html")
    with open(page, "w", encoding="utf-8") as f:
        f.write(f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>figures</title>
<style>body {{ margin: 0; background: #fff; }}
.grid {{ display: grid; grid-template-columns: repeat({COLUMNS}, {CELL}px);
         grid-auto-rows: {CELL}px; }}
.cell {{ display: flex; align-items: center; justify-content: center; overflow: hidden; }}
.cell svg {{ max-width: {CELL - 8}px; max-height: {CELL - 8}px; width: auto; height: auto; }}
</style></head><body><div class="grid">{cells}</div></body></html>""")
    shot = os.path.join(tmp, "sheet.png")
    run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--window-size={width},{height}", f"--screenshot={shot}", "file://" + page],
        timeout=120)
    if not os.path.exists(shot):
        return ["chromium wrote no screenshot"]
    w, h, bpp, pixels = png_pixels(shot)
    if (w, h) != (width, height):
        return [f"chromium's screenshot is {w}x{h}, expected {width}x{height}"]
    problems = []
    for n, tid in enumerate(ids):
        x0, y0 = (n % COLUMNS) * CELL, (n // COLUMNS) * CELL
        dark = 0
        for row in pixels[y0:y0 + CELL]:
            for x in range(x0, x0 + CELL):
                if row[x * bpp] + row[x * bpp + 1] + row[x * bpp + 2] < 600:
                    dark += 1
        share = dark / float(CELL * CELL)
        if share < 0.03:
            problems.append(f"{tid}: chromium drew a blank figure ({share:.1%} drawn)")
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--massage-plan", required=True)
    ap.add_argument("--xmllint", required=True)
    ap.add_argument("--rsvg-convert", required=True)
    ap.add_argument("--chromium")
    ap.add_argument("--library")
    ap.add_argument("--expect")
    ap.add_argument("--goal", help="with --expect: a goal whose html plan shows its picture")
    args = ap.parse_args()
    base = [args.massage_plan] + (["--library", args.library] if args.library else [])
    listed = run(base + ["list", "techniques", "--format", "json"], check=True)
    techniques = json.loads(listed.stdout)
    problems, seen, drawn, svgs = [], {}, [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for t in techniques:
            shown = run(base + ["show", t["id"], "--format", "svg"])
            if shown.returncode == 65 and "has no figure" in shown.stderr:
                continue
            if shown.returncode != 0:
                problems.append(f"{t['id']}: show --format svg exited {shown.returncode}: "
                                f"{shown.stderr.strip()}")
                continue
            drawn.append(t["id"])
            svgs[t["id"]] = shown.stdout
            svg = os.path.join(tmp, t["id"] + ".svg")
            with open(svg, "w", encoding="utf-8") as f:
                f.write(shown.stdout)
            lint = run([args.xmllint, "--noout", svg])
            if lint.returncode != 0:
                problems.append(f"{t['id']}: xmllint: {lint.stderr.strip()}")
            png = os.path.join(tmp, t["id"] + ".png")
            conv = run([args.rsvg_convert, "--background-color=white", "-z", "1", "-o", png, svg])
            if conv.returncode != 0:
                problems.append(f"{t['id']}: rsvg-convert: {conv.stderr.strip()}")
                continue
            w, h, _, _ = png_pixels(png)
            share = dark_share(png)
            if share < 0.05:
                problems.append(f"{t['id']}: the rendered image is blank ({share:.1%} drawn)")
            label = shown.stdout.split('aria-label="', 1)[1].split('"', 1)[0]
            words = label.split(": ", 1)[1]  # what it shows, without the technique's name
            if "a person lying" in words and not w > h:
                problems.append(f"{t['id']}: lying, yet {w}x{h} is not wider than tall")
            if "a person standing" in words and not h > w:
                problems.append(f"{t['id']}: standing, yet {w}x{h} is not taller than wide")
            digest = hashlib.sha256(b"".join(png_pixels(png)[3])).hexdigest()
            for other_id, (other_words, other_digest) in seen.items():
                if other_digest == digest and other_words != words:
                    problems.append(f"{t['id']} and {other_id} have different figures but "
                                    "render to the same image")
            seen[t["id"]] = (words, digest)
        if args.expect and args.expect not in drawn:
            problems.append(f"{args.expect}: has no picture in show --format svg")
        if args.expect and args.goal:
            plan = run(base + ["plan", "--goal", args.goal, "--session", "07:30=10", "--days",
                               "1", "--start", "2026-11-30", "--format", "html"])
            name = next(t["name"] for t in techniques if t["id"] == args.expect)
            if plan.returncode != 0 or f'aria-label="{name}:' not in plan.stdout:
                problems.append(f"{args.expect}: no picture in the html plan for --goal "
                                f"{args.goal} (exit {plan.returncode}) {plan.stderr.strip()}")
        if drawn:
            shown = run(base + ["show", drawn[0], "--format", "html"], check=True)
            if "<svg" not in shown.stdout:
                problems.append(f"{drawn[0]}: show --format html has no figure")
        if args.chromium and drawn:
            problems += chromium_sheet(args.chromium, tmp, drawn, svgs)
    for p in problems:
        print(p)
    if not drawn:
        print("no technique has a figure")
        return 1
    print(f"{len(drawn)} figures checked" + (": all good" if not problems else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
