"""Prints every handout to PDF in Debian's Chromium, on A4 and Letter, and counts its pages; draws one page as a picture.

    .venv/bin/python bench/handouts.py    # needs the bench extra: pip install -e '.[bench]'

Prints the Markdown table the README shows and writes bench/screenshots/handout-*.png.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pypdfium2
import yaml
from playwright.sync_api import sync_playwright
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent))
from served import ROOT, chromium, served_site  # noqa: E402

OUT = ROOT / "bench" / "screenshots"
PAPERS = ("A4", "Letter")
PICTURED = ("A4", 0)  # the first assignment's first page on A4


def _handouts() -> list[tuple[str, str]]:
    """(what, path): each section, each assignment, and a range of paragraphs as an assignment link gives it."""
    sections = []
    for source in sorted((ROOT / "docs").glob("*.md")):
        text = source.read_text(encoding="utf-8")
        if text.startswith("---\n") and "essay_section: true" in text.split("\n---", 1)[0]:
            sections.append(source.stem)
    order = re.findall(r"([\w/-]+\.md)\b", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))  # the navigation's order
    sections.sort(key=lambda s: order.index(f"{s}.md") if f"{s}.md" in order else len(order))
    assignments = [a["id"] for a in yaml.safe_load((ROOT / "annotations" / "assignments.yml").read_text(encoding="utf-8"))["assignments"]]
    found = [(f"Section: {s}", f"{s}/") for s in sections]
    found += [(f"Assignment page: {a}", f"assignments/{a}/") for a in assignments]
    if len(sections) > 2:
        found.append((f"Assignment link: {sections[2]} ¶2–4", f"{sections[2]}/#p2-p4"))
    return found


def main() -> None:
    handouts = _handouts()
    first = next(path for what, path in handouts if what.startswith("Assignment page"))
    rows = []
    with served_site() as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium())
        page = browser.new_page()
        for what, path in handouts:
            counts = []
            for paper in PAPERS:
                page.goto("about:blank")
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                pdf = page.pdf(format=paper)
                counts.append(len(PdfReader(io.BytesIO(pdf)).pages))
                if path == first and paper == PICTURED[0]:
                    OUT.mkdir(parents=True, exist_ok=True)
                    pypdfium2.PdfDocument(pdf)[PICTURED[1]].render(scale=1.4).to_pil().save(OUT / "handout-assignment-a4.png")
            rows.append((what, path, *counts))
        browser.close()
    print("| Handout | Address | A4 pages | Letter pages |\n| --- | --- | --- | --- |")
    for what, path, a4, letter in rows:
        print(f"| {what} | `{path}` | {a4} | {letter} |")


if __name__ == "__main__":
    main()
