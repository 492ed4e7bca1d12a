"""Takes the README's screenshots: a section page at 1440 and 390 px, light and dark, in Debian's Chromium.

    .venv/bin/python bench/screenshots.py [PAGE]    # PAGE defaults to tech-breakthrough/

Builds the site into a temporary folder, serves it on 127.0.0.1 and writes bench/screenshots/*.png.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "screenshots"
SIZES = {"1440": {"width": 1440, "height": 900}, "390": {"width": 390, "height": 844}}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _chromium() -> str:
    found = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/lib/chromium/chromium"
    if not Path(found).exists():
        sys.exit("Chromium is missing: apt-get install chromium, or set CHROMIUM_PATH")
    return found


def main(path: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/{path}"
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=_chromium())
            for scheme in ("light", "dark"):
                for name, viewport in SIZES.items():
                    context = browser.new_context(viewport=viewport, color_scheme=scheme)
                    page = context.new_page()
                    page.goto(url)
                    page.wait_for_load_state("networkidle")
                    # Down to the first note, so the margin shows what it is for.
                    page.evaluate("(document.querySelector('.rdr-note-ref') || document.body).closest('p, body').scrollIntoView({block: 'center'})")
                    page.wait_for_timeout(800)  # the header finishes swapping the site name for the page title
                    target = OUT / f"section-{name}-{scheme}.png"
                    page.screenshot(path=str(target))
                    print(target.relative_to(ROOT))
                    context.close()
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tech-breakthrough/")
