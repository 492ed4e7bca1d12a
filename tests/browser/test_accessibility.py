"""axe-core on every page: no violations, with a card open as well as closed."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.browser.conftest import PAGES


def violations(page: Page) -> list[dict]:
    result = Axe().run(page)
    return result.response["violations"]


def summary(found: list[dict]) -> str:
    return json.dumps([{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in found], indent=1)


@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violations(page: Page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    found = violations(page)
    assert found == [], summary(found)


def test_no_axe_violations_with_a_card_open(page: Page, site_url: str) -> None:
    page.goto(site_url + "tech-breakthrough/")
    page.locator("article a.rdr-term").first.focus()
    page.locator(".rdr-popover").wait_for()
    found = violations(page)
    assert found == [], summary(found)


def test_no_axe_violations_on_a_narrow_screen(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(site_url + "glossary/")
    found = violations(page)
    assert found == [], summary(found)


def test_no_axe_violations_with_a_note_card_and_a_paragraphs_citations_open(page: Page, site_url: str) -> None:
    page.goto(site_url + "impact-on-stability/")
    page.locator("details.rdr-cite summary").click()
    page.get_by_role("link", name="Cite paragraph 2").click()
    page.locator(".rdr-cite-popover").wait_for()
    found = violations(page)
    assert found == [], summary(found)
    page.keyboard.press("Escape")
    page.locator("#note-ref-5 > a").focus()
    page.locator(".rdr-popover").wait_for()
    found = violations(page)
    assert found == [], summary(found)


def test_no_axe_violations_with_an_assignment_notice(page: Page, site_url: str) -> None:
    page.goto(site_url + "impact-on-stability/#p4-p6")
    page.locator(".rdr-assignment").wait_for()
    found = violations(page)
    assert found == [], summary(found)


@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violations_in_the_dark_scheme(page: Page, site_url: str, path: str) -> None:
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + path)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    found = violations(page)
    assert found == [], summary(found)


def test_the_scheme_follows_the_system_and_the_toggle_is_remembered(page: Page, site_url: str) -> None:
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + "tech-breakthrough/")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.locator('label[title="Switch to light mode"]').click()
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.goto(site_url + "glossary/")  # the reader's choice holds on the next page
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    # the text and the page differ in both schemes: the reader's colours are the scheme's
    light = page.evaluate("getComputedStyle(document.querySelector('.md-typeset a')).color")
    page.locator('label[title="Switch to dark mode"]').click()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset a')).color") != light
