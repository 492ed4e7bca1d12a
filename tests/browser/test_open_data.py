"""The exported Web Annotations re-anchor with a third-party library, each exactly once: in the pages as published,
and in the pages a reader's browser holds once the scripts have run (Material's and the reader's)."""

from __future__ import annotations

import subprocess
from collections import defaultdict

import pytest
from playwright.sync_api import Page

from tests.conftest import ROOT

ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
ENTRY = 'export { createTextQuoteSelectorMatcher, createTextPositionSelectorMatcher } from "@apache-annotator/dom";'

# Lets Apache Annotator find every selector in a page's body: with `url`, the page as published, parsed apart
# (scripts do not run in a DOMParser document, so nothing the reader's script adds is there); without, the page the
# browser shows, scripts run (positions count the text a reader's browser holds).
REANCHOR = """async ({ url, selectors }) => {
  const body = url ? new DOMParser().parseFromString(await (await fetch(url)).text(), "text/html").body : document.body;
  const all = async (matcher) => {
    const found = [];
    for await (const range of matcher(body)) found.push(range.toString());
    return found;
  };
  const out = [];
  for (const [quote, position] of selectors) {
    out.push({
      quote: await all(BmdAnchoring.createTextQuoteSelectorMatcher(quote)),
      position: await all(BmdAnchoring.createTextPositionSelectorMatcher(position)),
    });
  }
  return out;
}"""


@pytest.fixture(scope="module")
def anchoring() -> str:
    """Apache Annotator's DOM package from the npm registry, bundled for the page by esbuild."""
    if not ESBUILD.exists():
        pytest.fail("esbuild is missing from node_modules: `make test` installs it (package.json)")
    done = subprocess.run(
        [str(ESBUILD), "--bundle", "--format=iife", "--global-name=BmdAnchoring", "--log-level=warning"],
        input=ENTRY, capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def exported_by_page(page: Page, site_url: str) -> dict[str, list[tuple[str, list[dict]]]]:
    """The exported annotations' selectors, by the page they select in: (annotation id, its selectors)."""
    export = page.request.get(site_url + "data/annotations.jsonld").json()
    items = export["first"]["items"]
    assert export["total"] == len(items) > 100
    by_page: dict[str, list[tuple[str, list[dict]]]] = defaultdict(list)
    for item in items:
        for target in item["target"] if isinstance(item["target"], list) else [item["target"]]:
            by_page[target["source"]].append((item["id"], target["selector"]))
    return by_page


def test_every_exported_selector_reanchors_exactly_once(page: Page, site_url: str, anchoring: str) -> None:
    by_page = exported_by_page(page, site_url)
    assert len(by_page) == 5  # every section
    page.goto(site_url)
    page.add_script_tag(content=anchoring)
    failures = []
    for url, selected in by_page.items():
        assert url.startswith(site_url)
        results = page.evaluate(REANCHOR, {"url": url, "selectors": [s for _, s in selected]})
        for (item_id, (quote, _)), found in zip(selected, results):
            if found["quote"] != [quote["exact"]] or found["position"] != [quote["exact"]]:
                failures.append(f"{item_id}: quote found {found['quote']!r}, position gives {found['position']!r}")
    assert failures == []


def test_positions_hold_in_the_live_page(page: Page, site_url: str, anchoring: str) -> None:
    by_page = exported_by_page(page, site_url)
    failures, checked = [], 0
    for n, (url, selected) in enumerate(sorted(by_page.items())):
        # one page opened through an assignment link: its notice must not move the text either
        page.goto(url + ("#p2-p3" if n == 0 else ""))
        page.wait_for_load_state("networkidle")  # the search index has loaded: Material has set its status line
        page.wait_for_timeout(300)
        page.add_script_tag(content=anchoring)
        results = page.evaluate(REANCHOR, {"url": None, "selectors": [s for _, s in selected]})
        for (item_id, (quote, _)), found in zip(selected, results):
            checked += 1
            if found["position"] != [quote["exact"]] or found["quote"] != [quote["exact"]]:
                failures.append(f"{item_id}: position gives {found['position']!r}, quote {found['quote']!r}")
        if n == 0:
            assert page.locator(".rdr-assignment").count() == 1  # the notice was there
            # the test can fail: one character off is not the quote
            moved = [[q, {**p, "start": p["start"] + 1, "end": p["end"] + 1}] for _, (q, p) in selected[:5]]
            shifted = page.evaluate(REANCHOR, {"url": None, "selectors": moved})
            assert all(r["position"] != [q["exact"]] for r, (q, _) in zip(shifted, moved))
    assert checked > 100 and failures == []
