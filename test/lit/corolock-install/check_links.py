#!/usr/bin/env python3
"""Checks the relative links of the Markdown files in a directory tree.

Usage: check_links.py DIR

Every link [text](target) whose target has no scheme must name a file or
directory that exists, relative to the page (an empty path is the page
itself); a #fragment must name one of the target page's headings, as GitHub
makes their anchors (lower case, punctuation dropped, spaces as hyphens).
Links inside code blocks and code spans are not links. Prints "N links ok"
or each broken link, and then exits with status 1.
"""
import re
import sys
from pathlib import Path

LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def prose(markdown):
    """The text outside fenced code blocks and code spans."""
    text = re.sub(r"^```.*?^```", "", markdown, flags=re.M | re.S)
    return re.sub(r"`[^`\n]*`", "", text)


def anchors(page):
    found = set()
    for line in page.read_text(encoding="utf-8").splitlines():
        m = re.match(r"#+\s+(.*)", line)
        if m:
            slug = re.sub(r"[^\w\- ]", "", m.group(1).lower())
            found.add(slug.replace(" ", "-"))
    return found


def broken_links(page):
    for target in LINK.findall(prose(page.read_text(encoding="utf-8"))):
        if SCHEME.match(target):
            continue
        path, _, fragment = target.partition("#")
        resolved = (page.parent / path) if path else page
        if not resolved.exists():
            yield f"{page}: {target}: no such file"
        elif fragment and resolved.suffix == ".md" and \
                fragment not in anchors(resolved):
            yield f"{page}: {target}: no such heading"


def main():
    pages = sorted(Path(sys.argv[1]).rglob("*.md"))
    links = sum(len(LINK.findall(prose(p.read_text(encoding="utf-8"))))
                for p in pages)
    broken = [b for page in pages for b in broken_links(page)]
    for b in broken:
        print(b)
    if broken:
        return 1
    print(f"{links} links ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
