"""Takes the README's screenshots: a section page at 1440 and 390 px, light and dark, in Debian's Chromium.

    .venv/bin/python bench/screenshots.py [PAGE]    # PAGE defaults to tech-breakthrough/

Builds the site into a temporary folder, serves it on 127.0.0.1 and writes bench/screenshots/*.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from served import ROOT, chromium, served_site  # noqa: E402

OUT = ROOT / "bench" / "screenshots"
SIZES = {"1440": {"width": 1440, "height": 900}, "390": {"width": 390, "height": 844}}


def main(path: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with served_site() as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium())
        for scheme in ("light", "dark"):
            for name, viewport in SIZES.items():
                context = browser.new_context(viewport=viewport, color_scheme=scheme)
                page = context.new_page()
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                # Down to the first note, so the margin shows what it is for.
                page.evaluate("(document.querySelector('.rdr-note-ref') || document.body).closest('p, body').scrollIntoView({block: 'center'})")
                page.wait_for_timeout(800)  # the header finishes swapping the site name for the page title
                target = OUT / f"section-{name}-{scheme}.png"
                page.screenshot(path=str(target))
                print(target.relative_to(ROOT))
                context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tech-breakthrough/")
