"""The layout on a phone: no page is wider than a 390 px screen; wide tables scroll inside themselves."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import PAGES

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("path", PAGES)
def test_no_page_is_wider_than_a_phone(page: Page, site_url: str, path: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_sections_table_scrolls_inside_itself_and_by_keyboard(page: Page, site_url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site_url + "for-instructors/")
    region = page.locator(".rdr-scroll").first
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")  # the table is wider than the phone...
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # ...the page is not
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.querySelector('.rdr-scroll').scrollLeft > 0")


def test_the_link_builder_fits_a_phone_with_passages_added(page: Page, site_url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site_url + "for-instructors/")
    add = page.locator(".rdr-builder__add")
    add.click()
    add.click()
    assert page.locator(".rdr-builder__row").count() >= 2
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
