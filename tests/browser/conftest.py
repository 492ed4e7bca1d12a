"""Browser fixtures: Debian's Chromium driven by Playwright, the real site served on 127.0.0.1, the network shut."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import BrowserContext, Route

from tests.conftest import ROOT, mkdocs_build_at, server

SECTIONS = ["introduction", "tech-breakthrough", "impact-on-stability", "missile-defense-policy", "about-the-author"]
ASSIGNMENTS = [a["id"] for a in yaml.safe_load((ROOT / "annotations" / "assignments.yml").read_text(encoding="utf-8"))["assignments"]]
PAGES = [
    "",
    *[f"{s}/" for s in SECTIONS],
    "glossary/",
    "references/",
    "figures/",
    "timeline/",
    "interception/",
    "for-instructors/",
    *[f"assignments/{a}/" for a in ASSIGNMENTS],
    "data/",
    "how-to-annotate/",
]


def _chromium() -> str:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/lib/chromium/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    # Never skip: a browser test that does not run proves nothing.
    pytest.fail("Chromium is missing: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    quiet = ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]
    return {**browser_type_launch_args, "executable_path": _chromium(), "args": quiet}


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site, built for and served at http://127.0.0.1:PORT/ (a free port)."""
    site = tmp_path_factory.mktemp("served") / "site"
    site.mkdir()
    with server(site) as (_, url):
        result = mkdocs_build_at(ROOT, site, url)
        assert result.returncode == 0, result.output
        yield url


@pytest.fixture(scope="session")
def outside_requests() -> list[str]:
    """Every request a page tried to make to anywhere but 127.0.0.1 during the run."""
    return []


def shut_network(context: BrowserContext, outside_requests: list[str]) -> None:
    def route(r: Route) -> None:
        host = urlsplit(r.request.url).hostname
        if r.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            r.continue_()
        else:
            outside_requests.append(r.request.url)
            r.abort()

    context.route("**/*", route)


@pytest.fixture(autouse=True)
def _no_network(context: BrowserContext, outside_requests: list[str]) -> Iterator[None]:
    shut_network(context, outside_requests)
    before = len(outside_requests)
    yield
    assert outside_requests[before:] == [], "requests outside 127.0.0.1"
