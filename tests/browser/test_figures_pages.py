"""The timeline, the diagram and the figures read at 375 px and at 1280 px wide: screenshots, nothing overflows."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

WIDTHS = [375, 1280]
PAGES = ["timeline/", "interception/", "figures/", "introduction/"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_nothing_overflows(page: Page, site_url: str, path: str, width: int, tmp_path) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + path)
    page.screenshot(path=str(tmp_path / "page.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    too_wide = page.evaluate(
        """() => [...document.querySelectorAll('article .rdr-figure, article .rdr-timeline, article .rdr-arc, article .rdr-phases, article .rdr-figures')]
             .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
             .map(el => el.className.baseVal || el.className)"""
    )
    assert too_wide == []


def test_the_phases_sit_side_by_side_on_a_wide_screen_and_stack_on_a_narrow_one(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "interception/")
    tops = page.evaluate("[...document.querySelectorAll('.rdr-phase')].map(el => Math.round(el.getBoundingClientRect().top))")
    assert len(set(tops)) == 1
    page.set_viewport_size({"width": 375, "height": 900})
    tops = page.evaluate("[...document.querySelectorAll('.rdr-phase')].map(el => Math.round(el.getBoundingClientRect().top))")
    assert tops == sorted(tops) and len(set(tops)) == 3


@pytest.mark.parametrize("path", ["timeline/", "interception/"])
def test_the_pages_print(page: Page, site_url: str, path: str, tmp_path) -> None:
    page.goto(site_url + path)
    page.emulate_media(media="print")
    # Material hides its navigation in print; the content is all there and fits the page's width.
    assert page.locator("nav.md-nav--primary").is_hidden()
    assert page.locator("article .rdr-timeline__event, article .rdr-phase").count() >= 3
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    pdf = page.pdf(path=str(tmp_path / "page.pdf"))
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
