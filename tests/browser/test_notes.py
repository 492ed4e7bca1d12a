"""Note markers in a real browser: the card opens by hover, keyboard and tap; the endnote links back."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import shut_network

PAGE = "impact-on-stability/"


def marker(page: Page, number: str):
    return page.locator(f"#note-ref-{number} > a")


def test_hover_opens_the_note_card(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    marker(page, "4").hover()
    card = page.locator(".rdr-popover")
    expect(card).to_be_visible()
    expect(card).to_contain_text("Note 4")
    expect(card).to_contain_text("Strategic Capabilities of SM-3 Block IIA Interceptors")
    page.mouse.move(5, 5)
    expect(card).to_have_count(0)


def test_keyboard_focus_opens_the_note_card_and_escape_closes_it(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    marker(page, "5").focus()
    card = page.locator(".rdr-popover")
    expect(card).to_contain_text("Gazeta Wyborcza")
    expect(marker(page, "5")).to_have_attribute("aria-describedby", "rdr-note-5")
    page.keyboard.press("Escape")
    expect(card).to_have_count(0)
    expect(marker(page, "5")).to_be_focused()


def test_tap_opens_the_note_card(new_context, site_url: str, outside_requests: list[str]) -> None:
    context = new_context(has_touch=True, is_mobile=True, viewport={"width": 375, "height": 740})
    shut_network(context, outside_requests)
    page = context.new_page()
    page.goto(site_url + PAGE)
    marker(page, "4").scroll_into_view_if_needed()
    marker(page, "4").tap()
    expect(page.locator(".rdr-popover")).to_contain_text("Note 4")
    assert page.url == site_url + PAGE


def test_marker_leads_to_the_endnote_and_the_endnote_back(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    marker(page, "4").click()
    expect(page).to_have_url(re.compile(r"#note-4$"))
    endnote = page.locator("#note-4")
    expect(endnote).to_be_in_viewport()
    endnote.get_by_role("link", name="Back to note 4 in the text").click()
    expect(page).to_have_url(re.compile(r"#note-ref-4$"))
    expect(marker(page, "4")).to_be_in_viewport()


def test_endnotes_are_on_the_page_for_find_in_page(page: Page, site_url: str) -> None:
    page.goto(site_url + "introduction/")
    notes = page.locator("section.rdr-endnotes")
    expect(notes.get_by_role("heading", name="Notes")).to_be_visible()
    expect(notes.locator("li")).to_have_count(2)
    expect(notes).to_contain_text("Duty: Memoirs of a Secretary at War (New York: Alfred A. Knopf, 2014), p. 403.")
