#!/usr/bin/env python3
"""Real consumers read every technique's figure (SPEC §6 figures).

    check_figures.py --massage-plan M --xmllint X --rsvg-convert R [--chromium C]
                     [--library PATH --expect ID]

For each technique with a figure (`show ID --format svg`): libxml2's xmllint parses it, librsvg
renders it to a PNG that is not blank; a lying figure is wider than tall and a standing one
taller than wide; no two techniques whose figures differ render to the same image. With
--chromium, headless Chromium renders `show ID --format html` of the first one to a PNG that is
not blank. With --library, technique --expect (a user's own) must have its picture too, in
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
    problems, seen, drawn = [], {}, []
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
        if args.chromium and drawn:
            page = os.path.join(tmp, "page.html")
            shown = run(base + ["show", drawn[0], "--format", "html"], check=True)
            if "<svg" not in shown.stdout:
                problems.append(f"{drawn[0]}: show --format html has no figure")
            with open(page, "w", encoding="utf-8") as f:
                f.write(shown.stdout)
            shot = os.path.join(tmp, "page.png")
            run([args.chromium, "--headless", "--no-sandbox", "--disable-gpu",
                 "--hide-scrollbars", "--window-size=800,600", f"--screenshot={shot}",
                 "file://" + page], timeout=120)
            if not os.path.exists(shot):
                problems.append("chromium wrote no screenshot")
            elif dark_share(shot) < 0.02:
                problems.append(f"{drawn[0]}: chromium rendered a blank page")
    for p in problems:
        print(p)
    if not drawn:
        print("no technique has a figure")
        return 1
    print(f"{len(drawn)} figures checked" + (": all good" if not problems else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
