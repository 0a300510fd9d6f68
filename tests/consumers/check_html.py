#!/usr/bin/python3
"""Checks an html page of massage-plan as a reader would meet it.

Without a browser (always): the page parses into the intended outline (lang, one h1, headings in
order, table headers, every SVG with a title and a desc, every checkbox in a label), nothing in it
runs or loads from elsewhere (no script or embedded object, no event attribute, no src/href or
CSS url() pointing outside the file), its text colours reach 4.5:1 against its backgrounds, and
the given literal texts read back as text.

With --chromium: Debian's headless Chromium prints the page to PDF (A4) and takes a screenshot;
poppler's pdfinfo counts the pages, pdftotext reads every page (each must carry --every-page), the
technique names of the plan and the literal texts must be in the PDF's text, each how-to heading
must have its dose right under it in the same column, beside its figure (pdftotext -bbox), and
the screenshot must not be blank.

With --validator: a real HTML validator (html-validate from the npm registry, pinned in
html/package.json) must find no error.

With --massage-plan BIN -- ARGS: the page is first written by the real binary (ARGS plus
--format html) in a home of its own, and for a plan the technique names come from the same plan
written as JSON. With --history-setup, a few weeks of history are recorded first (for report)."""
import argparse
import html.parser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

from consumer_common import arg_text, report

LOADING_ATTRS = {"src", "href", "xlink:href", "srcset", "action", "formaction", "poster", "data",
                 "background", "ping", "manifest"}
FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "link", "img", "base", "frame",
                  "audio", "video", "source", "track", "applet", "form", "noscript"}
# Three weeks of use for `report`: a saved plan, sessions done and skipped, check-ins.
HISTORY_STEPS = [
    ["plan", "--start", "2026-03-02", "--weeks", "3", "--goal", "tension-headache", "--save"],
    ["done", "2026-03-02", "--rating", "5"],
    ["done", "2026-03-03T07:40", "--minutes", "10"],
    ["skip", "2026-03-04", "--reason", "late night"],
    ["done", "2026-03-05", "--technique", "chin-tuck"],
    ["done", "2026-03-09", "--note", "neck looser after the walk"], ["done", "2026-03-10"],
    ["done", "2026-03-12"],
    ["done", "2026-03-16"], ["skip", "2026-03-17"],
    ["check-in", "--date", "2026-03-02", "--pain", "5", "--headache", "4", "--stress", "6"],
    ["check-in", "--date", "2026-03-10", "--pain", "4", "--headache", "2", "--stress", "5"],
    ["check-in", "--date", "2026-03-18", "--pain", "2", "--stress", "3"],
]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.stack = []
        self.tags = {}
        self.headings = []
        self.ids = set()
        self.html_lang = None
        self.styles = []
        self.text = []
        self.svgs = []  # per svg: {"labelledby": [...], "children": [tag, ...], "title", "desc"}
        self.tables = []  # per table: number of <th>
        self.inputs_outside_label = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}> element: the page must not run or load anything")
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.problems.append(f"event attribute {name} on <{tag}>")
            if name in LOADING_ATTRS and not (value or "").startswith("#"):
                self.problems.append(f"<{tag} {name}={value!r}> points outside the file")
            if name == "style" and value and re.search(r"url\(\s*['\"]?(?!#)", value):
                self.problems.append(f"<{tag} style> loads {value!r}")
        if "id" in attrs:
            if attrs["id"] in self.ids:
                self.problems.append(f"duplicate id {attrs['id']!r}")
            self.ids.add(attrs["id"])
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "svg":
            self.svgs.append({"role": attrs.get("role"),
                              "figure": "figure" in (attrs.get("class") or "").split(),
                              "label": attrs.get("aria-label") or "",
                              "labelledby": (attrs.get("aria-labelledby") or "").split(),
                              "children": [], "title": "", "desc": ""})
        elif self.stack and self.stack[-1] == "svg":
            self.svgs[-1]["children"].append(tag)
        if tag == "table":
            self.tables.append(0)
        if tag == "th" and self.tables:
            self.tables[-1] += 1
        if tag == "input" and "label" not in self.stack:
            self.inputs_outside_label += 1
        if tag not in ("meta", "input", "br", "hr", "rect", "line", "circle", "polyline", "path"):
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if not self.stack:
            return
        top = self.stack[-1]
        if top == "style":
            self.styles.append(data)
        elif top in ("title", "desc") and "svg" in self.stack:
            self.svgs[-1][top] += data
        elif "body" in self.stack:
            self.text.append(data)


def luminance(hex_colour):
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def check_static(path, literals):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    page = Page()
    page.feed(source)
    page.close()
    problems = list(page.problems)
    if not source.startswith("<!DOCTYPE html>"):
        problems.append("no <!DOCTYPE html>")
    if not page.html_lang:
        problems.append("<html> has no lang")
    if page.headings.count(1) != 1 or not page.headings or page.headings[0] != 1:
        problems.append(f"expected one h1, first: headings {page.headings[:5]}")
    for before, after in zip(page.headings, page.headings[1:]):
        if after > before + 1:
            problems.append(f"heading h{after} follows h{before}: a level is skipped")
            break
    for i, ths in enumerate(page.tables):
        if ths == 0:
            problems.append(f"table {i + 1} has no <th> headers")
    for i, svg in enumerate(page.svgs):
        name = f"svg {i + 1}"
        if svg["role"] != "img":
            problems.append(f"{name} lacks role=img")
        if svg["figure"]:
            # a technique's figure (src/figure): named by its aria-label, the same words as its
            # <title>; no ids, so the same figure may appear in several weeks
            if svg["children"][:1] != ["title"] or not svg["title"].strip():
                problems.append(f"{name} (a figure) does not start with a <title>")
            if svg["label"].strip() != svg["title"].strip():
                problems.append(f"{name} (a figure): aria-label and <title> differ")
            continue
        if svg["children"][:2] != ["title", "desc"]:
            problems.append(f"{name} does not start with <title> and <desc>")
        if not svg["title"].strip() or not svg["desc"].strip():
            problems.append(f"{name} has an empty title or desc")
        for ref in svg["labelledby"]:
            if ref not in page.ids:
                problems.append(f"{name}: aria-labelledby names no element {ref!r}")
        if not svg["labelledby"]:
            problems.append(f"{name} has no aria-labelledby")
    if page.inputs_outside_label:
        problems.append(f"{page.inputs_outside_label} inputs outside a <label>")
    css = "".join(page.styles)
    if re.search(r"url\(\s*['\"]?(?!#)", css) or "@import" in css:
        problems.append("the style sheet loads something (url() or @import)")
    texts = set(re.findall(r"(?<![-\w])(?:color|fill)\s*:\s*(#[0-9a-fA-F]{3,6})\b", css))
    backgrounds = set(re.findall(r"background\s*:\s*(#[0-9a-fA-F]{3,6})\b", css)) | {"#fff"}
    if not texts:
        problems.append("no text colour found in the style sheet")
    for t in sorted(texts):
        for b in sorted(backgrounds):
            if contrast(t, b) < 4.5:
                problems.append(f"text {t} on {b}: contrast {contrast(t, b):.2f} < 4.5")
    body_text = "".join(page.text)
    for literal in literals:
        if literal not in body_text:
            problems.append(f"the page's text lacks {literal!r}")
    return problems, page


def png_pixels(path):
    """Width, height and rows of (r, g, b) tuples of an 8-bit RGB or RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour})")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(width)])
        prev = line
    return width, height, rows


def chromium(binary, args, timeout=90):
    profile = tempfile.mkdtemp(prefix="mp-chromium-")
    try:
        return subprocess.run([binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def squeeze(text):
    return re.sub(r"\s+", "", text)


WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>')


def split_entries(pdftotext, pdf, drawn):
    """The how-to entries whose figure is parted from its heading in print. Below a page's "How
    to do the techniques", the heading (its name) of each technique with a figure (drawn)
    must have its "Dose:" right under it in the same column, indented by the figure floated beside
    it: a figure pushed on to the next column leaves the dose at the column's edge."""
    layout = subprocess.run([pdftotext, "-bbox", pdf, "-"], capture_output=True, text=True,
                            check=True).stdout
    problems = []
    for number, body in enumerate(layout.split("<page ")[1:], start=1):
        words = [(html.unescape(t), float(x), float(y)) for x, y, t in WORD.findall(body)]
        texts = [w[0] for w in words]
        starts = [i for i in range(len(words) - 5)
                  if texts[i:i + 5] == ["How", "to", "do", "the", "techniques"]]
        if not starts:
            continue
        top = words[starts[0]][2]
        for name in sorted(drawn):  # (a technique without a figure may have no dose either)
            tokens = name.split()
            heads = [i for i in range(len(words) - len(tokens) + 1)
                     if texts[i:i + len(tokens)] == tokens and words[i][2] > top]
            for i in heads:
                head, last = words[i], words[i + len(tokens) - 1]
                # the dose sits beside the figure (at most ~60 pt right of the heading); the next
                # column starts a column's width (~130 pt) further
                doses = [w for w in words if w[0] == "Dose:" and w[2] > last[2]
                         and head[1] - 2 <= w[1] <= head[1] + 90]
                dose = min(doses, key=lambda w: w[2]) if doses else None
                if dose is None or dose[2] - last[2] > 20:
                    problems.append(f"{name}: its how-to heading (page {number}, x {head[1]:.0f}, "
                                    f"y {last[2]:.0f}) has no dose right under it")
                elif dose[1] < head[1] + 20:
                    problems.append(f"{name}: its how-to heading (page {number}, x {head[1]:.0f}, "
                                    f"y {last[2]:.0f}) is parted from its figure: the dose under "
                                    "it has no figure beside it")
    return problems


def week_pages(texts, weeks, week_end):
    """Each week of the plan on a page of its own: week N's heading, its goal coverage (when the
    page has one) and the line that closes it (week_end) all on page N; after the weeks, a page
    starts with the how-to section (or with what --explain adds, the how-to following)."""
    problems = []
    if len(texts) <= weeks:
        return [f"the PDF has {len(texts)} pages: no page after the {weeks} weeks for the how-to"]
    everything = squeeze("".join(texts))
    for n in range(1, weeks + 1):
        page = squeeze(texts[n - 1])
        wanted = [f"Week {n}:", week_end]
        if squeeze(f"Goal coverage in week {n}") in everything:
            wanted.append(f"Goal coverage in week {n}")
        for text in wanted:
            if squeeze(text) not in page:
                where = [i + 1 for i, t in enumerate(texts) if squeeze(text) in squeeze(t)]
                problems.append(f"week {n} is not whole on page {n}: {text!r} is on "
                                f"page(s) {where}")
    lines = [line.strip() for line in texts[weeks].splitlines() if line.strip()]
    openings = ("How to do the techniques", "Held back (at their share of a goal)", "Left out")
    if not lines or lines[0] not in openings:
        problems.append(f"page {weeks + 1} does not start the how-to section (or --explain's): "
                        f"{lines[:1]}")
    if not any(line.strip() == "How to do the techniques" for t in texts[weeks:]
               for line in t.splitlines()):
        problems.append("no page after the weeks has the heading 'How to do the techniques'")
    return problems


def check_browser(args, path, names, literals):
    problems = []
    url = "file://" + os.path.abspath(path)
    stem = os.path.splitext(path)[0]
    pdf, png = stem + ".pdf", stem + ".png"
    for f in (pdf, png):
        if os.path.exists(f):
            os.remove(f)
    run = chromium(args.chromium, [f"--print-to-pdf={pdf}", "--no-pdf-header-footer", url])
    if not os.path.exists(pdf):
        return [f"chromium wrote no PDF (exit {run.returncode}): {run.stderr.decode()[-500:]}"]
    info = subprocess.run([args.pdfinfo, pdf], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    if args.pages is not None and pages != args.pages:
        problems.append(f"the PDF has {pages} pages, expected {args.pages}")
    if not size or abs(float(size.group(1)) - 595.3) > 2 or abs(float(size.group(2)) - 841.9) > 2:
        problems.append(f"the PDF's pages are not A4: {size.group(0) if size else info}")
    whole = ""
    texts = []
    for p in range(1, pages + 1):
        text = subprocess.run([args.pdftotext, "-f", str(p), "-l", str(p), pdf, "-"],
                              capture_output=True, text=True, check=True).stdout
        whole += text
        texts.append(text)
        if args.every_page and squeeze(args.every_page) not in squeeze(text):
            problems.append(f"page {p} of the PDF lacks the line {args.every_page!r}")
    if args.weeks is not None:
        problems += week_pages(texts, args.weeks, args.week_end)
    for name in list(names) + list(literals):
        if squeeze(name) not in squeeze(whole):
            problems.append(f"the PDF's text lacks {name!r}")
    with open(path, encoding="utf-8") as f:
        page = f.read()
    drawn = {n for n in names
             if 'aria-label="' + html.escape(n).replace("&#x27;", "&#39;") + ":" in page}
    problems += split_entries(args.pdftotext, pdf, drawn)
    run = chromium(args.chromium, [f"--screenshot={png}", "--window-size=900,1200", url])
    if not os.path.exists(png):
        return problems + [f"chromium wrote no screenshot (exit {run.returncode})"]
    width, height, rows = png_pixels(png)
    background = rows[0][0]
    inked = sum(1 for row in rows for px in row if max(abs(a - b) for a, b in zip(px, background)) > 64)
    colours = {px for row in rows[::7] for px in row[::7]}
    share = inked / (width * height)
    if share < 0.01 or len(colours) < 3:
        problems.append(f"the screenshot looks blank: {share:.2%} inked, {len(colours)} colours")
    print(f"check_html: {path}: {pages} PDF pages, screenshot {width}x{height} "
          f"{share:.1%} inked")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file", help="the page (written first when --massage-plan is given)")
    parser.add_argument("--literal", action="append", default=[],
                        help="text (or @FILE) that must read back as text")
    parser.add_argument("--massage-plan", help="write FILE with this binary and ARGS after --")
    parser.add_argument("--chromium")
    parser.add_argument("--pdfinfo", default="pdfinfo")
    parser.add_argument("--pdftotext", default="pdftotext")
    parser.add_argument("--pages", type=int)
    parser.add_argument("--every-page", help="a line every printed page must carry")
    parser.add_argument("--weeks", type=int,
                        help="a plan of this many weeks: each wholly on its own page, then the "
                             "how-to section from a new page")
    parser.add_argument("--week-end", help="the line that closes every week (with --weeks)")
    parser.add_argument("--history-setup", action="store_true",
                        help="record a few weeks of history first (HISTORY_STEPS)")
    parser.add_argument("--validator", help="an HTML validator (html-validate) to run on FILE")
    parser.add_argument("--validator-config", help="its configuration file")
    argv = sys.argv[1:]
    plan_args = argv[argv.index("--") + 1:] if "--" in argv else []
    args = parser.parse_args(argv[:argv.index("--")] if "--" in argv else argv)
    literals = [arg_text(v) for v in args.literal]

    names = []
    if args.massage_plan:
        # A home of its own: no profile, library or history of the person running the tests.
        home = tempfile.mkdtemp(prefix="mp-html-home-")
        env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, "config"),
                   XDG_STATE_HOME=os.path.join(home, "state"))
        base = [args.massage_plan]
        if args.history_setup:
            base += ["--history", os.path.join(home, "history.db")]
            for step in HISTORY_STEPS:
                subprocess.run(base + step, check=True, env=env, capture_output=True)
        base += plan_args
        subprocess.run(base + ["--format", "html", "-o", args.file], check=True, env=env)
        if plan_args and plan_args[0] == "plan":
            plan = json.loads(subprocess.run(base + ["--format", "json"], check=True, env=env,
                                             capture_output=True, text=True).stdout)
            names = sorted({item["name"] for day in plan["plan"] for session in day["sessions"]
                            for item in session["items"]})
            if not names:
                return report("check_html", args.file, ["the plan has no items"], "")
        shutil.rmtree(home, ignore_errors=True)

    problems, _ = check_static(args.file, literals + names)
    if args.validator:
        command = [args.validator, "--formatter", "text"]
        if args.validator_config:
            command += ["--config", args.validator_config]
        run = subprocess.run(command + [args.file], capture_output=True, text=True, timeout=60)
        if run.returncode != 0:
            problems.append(f"{os.path.basename(args.validator)} found errors:\n"
                            f"{run.stdout}{run.stderr}")
    if args.chromium and not problems:
        problems += check_browser(args, args.file, names, literals)
    summary = f"outline, self-containment and contrast OK; {len(names)} technique names"
    return report("check_html", args.file, problems, summary)


if __name__ == "__main__":
    sys.exit(main())
