"""Gate: every built page is valid HTML by the Nu HTML Checker (vnu), with one documented exception.

`make test` installs the checker (npm package vnu-jar, pinned in package-lock.json) and Java to run it. A missing
tool fails the test: a gate that does not run proves nothing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.browser.conftest import PAGES
from tests.conftest import ROOT, BuildResult

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# The one exception. Material's base.html (9.8.2) gives its two hidden toggle checkboxes, `#__drawer` (navigation
# drawer) and `#__search` (search overlay), autocomplete="off" so that browsers do not restore them checked on "back"
# (the drawer or the search would reopen by itself). HTML allows `autocomplete` on text-like inputs only, so vnu calls
# it an error on every page. The two inputs sit outside any template block: removing the attribute would mean copying
# the whole of Material's base.html into overrides/. Only this exact message, on a line holding exactly one of those
# two inputs as Material writes them, is let through.
MATERIAL_TOGGLE_AUTOCOMPLETE = (
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, “email”, "
    "“hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”."
)
MATERIAL_TOGGLES = {
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
}


def allowed(message: dict) -> bool:
    """The exception: its exact message, on a line that holds exactly one of Material's two toggles."""
    if message.get("type") != "error" or message.get("message") != MATERIAL_TOGGLE_AUTOCOMPLETE:
        return False
    lines = local_path(message["url"]).read_text(encoding="utf-8").splitlines()
    return lines[message["lastLine"] - 1].strip() in MATERIAL_TOGGLES


def local_path(file_url: str) -> Path:
    return Path(unquote(urlsplit(file_url).path))


def vnu(site: Path) -> tuple[list[str], list[dict]]:
    """The files vnu checked and every message it gave."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is missing: `make test` installs it (apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        pytest.fail(f"{VNU_JAR.relative_to(ROOT)} is missing: `make test` installs it (npm ci)")
    # --verbose names each checked file on stdout; --format json writes the messages to stderr.
    done = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json", "--verbose", str(site)],
        capture_output=True, text=True, timeout=300,
    )
    try:
        report = json.loads(done.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"vnu did not report in JSON (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return done.stdout.splitlines(), report["messages"]


def readable(messages: list[dict], site: Path) -> str:
    lines = []
    for m in messages:
        where = local_path(m["url"]).relative_to(site) if "url" in m else "?"
        lines.append(f"{where}:{m.get('lastLine', '?')}: [{m.get('type')}] {m.get('message')}\n    {m.get('extract', '').strip()!r}")
    return "\n".join(lines)


def test_every_page_is_valid_html(real_site: BuildResult) -> None:
    site = real_site.site
    checked, messages = vnu(site)
    pages = sorted(str(p) for p in site.rglob("*.html"))
    assert {str(site / p / "index.html") for p in PAGES} | {str(site / "404.html")} <= set(pages), pages
    assert sorted(checked) == pages, "vnu did not check every page"
    # Any other error, and any "non-document-error" (a file vnu could not read), fails the gate.
    problems = [m for m in messages if not allowed(m)]
    assert problems == [], f"{len(problems)} HTML errors:\n{readable(problems, site)}"
