"""Gate: no page asks anything of a host other than 127.0.0.1, even once it is used.

Every page in sitemap.xml (and the 404 page) is loaded and left to settle; then a term is hovered and focused (its
card opens) and the search is opened and given a query (results show). The autouse `_no_network` fixture blocks and
records every request outside 127.0.0.1 through a route on the context; this test also watches every request the
context sees, workers' included, so that a request that escaped the route would still be counted. It asserts that
nothing went out, that every page was visited and that pages did make local requests, so it cannot pass vacuously.
"""

from __future__ import annotations

import re
import urllib.request
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import PAGES, SECTIONS

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_pages(site_url: str) -> list[str]:
    with urllib.request.urlopen(site_url + "sitemap.xml", timeout=10) as response:
        tree = ET.fromstring(response.read())
    return [loc.text.strip() for loc in tree.iterfind("sm:url/sm:loc", SITEMAP_NS)]


def settle(page: Page) -> None:
    page.wait_for_load_state("load")
    page.wait_for_load_state("networkidle")


def use_a_term(page: Page) -> bool:
    """Hover the first term of the article, then focus it: either opens its card. False if the page has no term."""
    terms = page.locator("article [data-rdr-term]:not(.rdr-card)")
    if terms.count() == 0:
        return False
    term = terms.first
    card = page.locator(".rdr-popover")
    term.hover()
    expect(card).to_be_visible()
    page.mouse.move(1, 1)
    expect(card).to_have_count(0)
    term.focus()
    expect(card).to_be_visible()
    page.keyboard.press("Escape")
    return True


def search(page: Page, query: str) -> None:
    box = page.locator(".md-search__input")
    box.click()
    expect(box).to_be_focused()
    page.keyboard.type(query)
    expect(page.locator(".md-search-result__item").first).to_be_attached()
    page.keyboard.press("Escape")


def test_no_request_leaves_127_0_0_1_on_any_page(
    context: BrowserContext, page: Page, site_url: str, outside_requests: list[str]
) -> None:
    before = len(outside_requests)
    seen: list[str] = []  # every request the context saw, the page's and its workers'
    context.on("request", lambda r: seen.append(r.url))

    pages = sitemap_pages(site_url)
    assert {site_url + p for p in PAGES} <= set(pages), f"sitemap.xml lacks pages: {pages}"
    pages.append(site_url + "404.html")  # not in the sitemap, but a page of the site all the same

    local_per_page: dict[str, int] = {}
    with_terms = []
    for url in pages:
        start = len(seen)
        response = page.goto(url)
        assert response is not None and response.ok, f"{url}: {response and response.status}"
        settle(page)
        if use_a_term(page):
            with_terms.append(url)
        search(page, "THAAD")
        settle(page)
        local_per_page[url] = sum(urlsplit(u).hostname == "127.0.0.1" for u in seen[start:])

    outside = outside_requests[before:] + [u for u in seen if not re.match(r"(data|blob):|http://127\.0\.0\.1[:/]", u)]
    assert outside == [], "requests outside 127.0.0.1:\n" + "\n".join(sorted(set(outside)))
    assert list(local_per_page) == pages, "not every page was visited"
    assert all(n > 0 for n in local_per_page.values()), local_per_page
    # The search index and the worker that reads it came from the site itself.
    assert any(u.endswith("/search/search_index.json") for u in seen), "the search index was never loaded"
    sections = [f"{site_url}{name}/" for name in SECTIONS]
    assert set(sections) <= set(with_terms), f"no term used on {sorted(set(sections) - set(with_terms))}"
