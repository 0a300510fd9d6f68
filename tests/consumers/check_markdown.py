#!/usr/bin/python3
"""Renders a Markdown plan with Debian's cmark (the CommonMark reference implementation) and
checks the HTML structure: one h1, an h2 per day, an h3 per session, a `[ ]` list item per plan
item, and no markup leaking from library text (every escaped character renders literally, no
stray emphasis, links, raw HTML, code or rules)."""
import argparse
import html.parser
import subprocess
import sys

from consumer_common import arg_text, report


class Outline(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = {}
        self.stack = []
        self.li_texts = []  # text at the start of each <li>
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        self.stack.append(tag)
        if tag == "li":
            self.li_texts.append("")

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        self.text.append(data)
        # Only the text directly inside <li> or its first <p> (loose lists) counts as its start.
        if self.stack and self.li_texts and self.stack[-1] in ("li", "p") and \
                "li" in self.stack and len(self.li_texts[-1]) < 4:
            self.li_texts[-1] += data


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--days", type=int, required=True)
    parser.add_argument("--sessions", type=int, required=True)
    parser.add_argument("--items", type=int, required=True)
    parser.add_argument("--extra-h2", type=int, default=1, help="h2 sections besides the days")
    parser.add_argument("--literal", action="append", default=[],
                        help="text that must appear verbatim in the rendered text")
    parser.add_argument("--cmark", default="/usr/bin/cmark")
    args = parser.parse_args()

    with open(args.file, "rb") as f:
        source = f.read()
    html_out = subprocess.run([args.cmark], input=source, capture_output=True, check=True).stdout
    outline = Outline()
    outline.feed(html_out.decode("utf-8"))
    text = "".join(outline.text)

    problems = []
    expect = {"h1": 1, "h2": args.days + args.extra_h2, "h3": args.sessions}
    for tag, n in expect.items():
        if outline.tags.get(tag, 0) != n:
            problems.append(f"{outline.tags.get(tag, 0)} <{tag}>, expected {n}")
    boxes = sum(1 for t in outline.li_texts if t.startswith("[ ] "))
    if boxes != args.items:
        problems.append(f"{boxes} checkbox items, expected {args.items}")
    for tag in ("a", "em", "code", "pre", "hr", "img", "b", "table", "h4"):
        if outline.tags.get(tag):
            problems.append(f"stray <{tag}>: library text leaked markup")
    if "**" in text or "- [ ]" in text:
        problems.append("raw Markdown syntax in the rendered text")
    for literal in map(arg_text, args.literal):
        if literal not in text:
            problems.append(f"rendered text lacks {literal!r}")

    return report("check_markdown", args.file, problems, f"{boxes} checkbox items, structure OK")


if __name__ == "__main__":
    sys.exit(main())
