"""Gate: with JavaScript off, every link the reader adds still leads somewhere real.

Without the script a term is a plain link to its glossary entry and a paragraph number a link to its paragraph; notes
and figures will follow with the same `rdr-` classes. On every section page this collects each link that has a class
beginning with `rdr-` (a.rdr-term, a.rdr-pnum, ...) or sits inside an element with one (the hidden cards' "Full
entry" links), plus the home page's table of sections and the glossary's "Appears in" links. Each internal target
must load (HTTP 200) in the same JavaScript-less browser, and its fragment, if any, must be an element's id there.
External links (the glossary's sources) are left to the build tests: the tests have no network.
"""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import unquote, urldefrag

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import SECTIONS, shut_network

# A link the reader made: its own class starts with rdr-, or an ancestor's does.
READER_LINKS = ':is(a[class^="rdr-"], a[class*=" rdr-"], [class^="rdr-"] a, [class*=" rdr-"] a)[href]'


@pytest.fixture
def nojs_page(new_context, outside_requests: list[str]) -> Page:
    context = new_context(java_script_enabled=False)
    shut_network(context, outside_requests)
    page = context.new_page()
    assert page.evaluate("1") == 1  # Playwright can still read the page; the page's own scripts do not run
    return page


def links(page: Page, url: str, selector: str) -> list[tuple[str, str]]:
    """(resolved href, how the link reads) for each link matching `selector` on the page at `url`."""
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url}: {response and response.status}"
    assert page.evaluate("document.querySelector('.rdr-popover') === null && !window.document$")  # no script ran
    return page.locator(selector).evaluate_all("els => els.map(e => [e.href, e.outerHTML.slice(0, 160)])")


def check_targets(page: Page, site_url: str, found: dict[str, list[str]]) -> None:
    """Load each internal target once; every fragment pointing into it must be an id there."""
    by_page: dict[str, set[str]] = defaultdict(set)
    for href in found:
        target, fragment = urldefrag(href)
        if target.startswith(site_url):
            by_page[target].add(unquote(fragment))
    assert by_page, "no internal link found"
    broken = []
    for target, fragments in sorted(by_page.items()):
        response = page.goto(target)
        status = response.status if response else None
        if status != 200:
            broken += [f"{h}: HTTP {status}; linked from {found[h][0]}" for h in found if urldefrag(h)[0] == target]
            continue
        ids = set(page.locator("[id]").evaluate_all("els => els.map(e => e.id)"))
        for fragment in sorted(fragments - {""} - ids):
            href = f"{target}#{fragment}"
            broken.append(f"{href}: no element has id {fragment!r}; linked from {', '.join(found[href][:3])}")
    assert broken == [], f"{len(broken)} links lead nowhere without JavaScript:\n" + "\n".join(broken)


def test_reader_links_on_section_pages_lead_somewhere(nojs_page: Page, site_url: str) -> None:
    found: dict[str, list[str]] = defaultdict(list)  # resolved href -> where it is written
    kinds: dict[str, set[str]] = defaultdict(set)
    for name in SECTIONS:
        url = f"{site_url}{name}/"
        page_links = links(nojs_page, url, READER_LINKS)
        for href, html in page_links:
            found[href].append(f"{name}/ {html}")
            kinds[html.split('"')[1] if html.startswith("<a class=") else "inside a rdr- element"].add(url)
        # Every paragraph of every section has its number, a link to itself.
        assert any('class="rdr-pnum"' in html for _, html in page_links), f"{url}: no paragraph number link"
    assert "rdr-term" in kinds, f"no term link on any section page: {sorted(kinds)}"
    check_targets(nojs_page, site_url, found)


def test_home_page_sections_table_leads_to_every_section(nojs_page: Page, site_url: str) -> None:
    found: dict[str, list[str]] = defaultdict(list)
    for href, html in links(nojs_page, site_url, "table.rdr-sections a[href]"):
        found[href].append(f"home page {html}")
    assert {f"{site_url}{name}/" for name in SECTIONS} <= set(found), sorted(found)
    check_targets(nojs_page, site_url, found)


def test_glossary_appears_in_links_lead_to_their_paragraphs(nojs_page: Page, site_url: str) -> None:
    found: dict[str, list[str]] = defaultdict(list)
    for href, html in links(nojs_page, site_url + "glossary/", READER_LINKS):
        found[href].append(f"glossary/ {html}")
    entries = nojs_page.locator("article h2[id]").count()
    appears = nojs_page.locator(".rdr-entry__appears a[href]").count()
    # every entry's term occurs in the essay (a strict build requires it), so each has at least one
    assert entries >= 35 and appears >= entries, f"{entries} entries, {appears} 'Appears in' links"
    assert sum("#p" in h for h in found) >= 20, sorted(found)
    check_targets(nojs_page, site_url, found)
