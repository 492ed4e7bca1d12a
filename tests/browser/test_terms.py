"""Term cards in a real browser: hover, keyboard, touch, Escape, the entry and back, no JavaScript, instant navigation."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import shut_network

SECTION = "tech-breakthrough/"


def first_term(page: Page, term_id: str):
    return page.locator(f'article a.rdr-term[data-rdr-term="{term_id}"]').first


def test_hover_opens_the_card_and_leaving_closes_it(page: Page, site_url: str) -> None:
    page.goto(site_url + SECTION)
    term = first_term(page, "thaad")
    card = page.locator(".rdr-popover")
    expect(card).to_have_count(0)
    term.hover()
    expect(card).to_be_visible()
    expect(card).to_contain_text("THAAD")
    definition = page.locator("#rdr-def-thaad").text_content()
    expect(card).to_contain_text(definition)
    expect(term).to_have_attribute("aria-expanded", "true")
    page.mouse.move(5, 5)
    expect(card).to_have_count(0)
    expect(term).to_have_attribute("aria-expanded", "false")


def test_the_card_stays_open_while_the_pointer_moves_onto_it(page: Page, site_url: str) -> None:
    page.goto(site_url + SECTION)
    first_term(page, "thaad").hover()
    card = page.locator(".rdr-popover")
    card.hover()
    page.wait_for_timeout(500)
    expect(card).to_be_visible()


def test_keyboard_focus_opens_the_card_down_enters_it_escape_closes(page: Page, site_url: str) -> None:
    page.goto(site_url + SECTION)
    term = first_term(page, "thaad")
    term.focus()
    card = page.locator(".rdr-popover")
    expect(card).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(card.get_by_role("link")).to_be_focused()
    page.keyboard.press("Escape")
    expect(card).to_have_count(0)
    expect(term).to_be_focused()


def test_tab_goes_on_through_the_text_not_into_the_card(page: Page, site_url: str) -> None:
    page.goto(site_url + SECTION)
    term = first_term(page, "thaad")
    term.focus()
    expect(page.locator(".rdr-popover")).to_be_visible()
    assert page.locator(".rdr-popover a").evaluate_all("links => links.every(a => a.tabIndex === -1)")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('.rdr-popover') === null && document.activeElement !== document.body")
    assert focused  # the next control of the page, not the card's link


def test_a_passing_pointer_opens_no_card(page: Page, site_url: str) -> None:
    page.goto(site_url + SECTION)
    term = first_term(page, "thaad")
    box = term.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + 2, box["y"] + box["height"] / 2)
    page.mouse.move(5, 5)  # gone before the delay
    page.wait_for_timeout(600)
    expect(page.locator(".rdr-popover")).to_have_count(0)
    term.hover()
    expect(page.locator(".rdr-popover")).to_be_visible()


def test_a_card_near_the_bottom_opens_above_its_word_inside_the_screen(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(site_url + SECTION)
    term = first_term(page, "thaad")
    term.evaluate("el => window.scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight + 8)")
    term.focus()
    card = page.locator(".rdr-popover")
    expect(card).to_be_visible()
    box, word = card.bounding_box(), term.bounding_box()
    assert box is not None and word is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= 900 and box["y"] + box["height"] <= word["y"] + 1
    expect(card).to_have_class(re.compile(r"rdr-popover--above"))


def test_back_from_an_entry_gives_focus_back_to_the_word(page: Page, site_url: str) -> None:
    page.goto(site_url + SECTION)
    term = first_term(page, "gmd")
    term.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "glossary/#gmd")
    page.go_back()
    expect(page).to_have_url(site_url + SECTION)
    expect(first_term(page, "gmd")).to_be_focused()
    expect(page.locator(".rdr-popover")).to_have_count(0)  # focus given back opens no card


def test_the_term_describes_itself_to_screen_readers(page: Page, site_url: str) -> None:
    page.goto(site_url + SECTION)
    term = first_term(page, "thaad")
    described = term.get_attribute("aria-describedby")
    assert described == "rdr-def-thaad"
    assert page.locator(f"#{described}").text_content().strip()


def test_later_occurrences_are_reached_by_keyboard_when_every_mention_is_marked(page: Page, site_url: str) -> None:
    page.goto(site_url + "introduction/")
    page.get_by_label("every mention").check()
    quiet = page.locator("article .rdr-term--quiet").first
    expect(quiet).to_have_attribute("role", "button")
    expect(quiet).to_have_attribute("tabindex", "0")
    quiet.focus()
    card = page.locator(".rdr-popover")
    expect(card).to_be_visible()
    page.keyboard.press("Escape")
    expect(card).to_have_count(0)
    page.keyboard.press("Enter")
    expect(card).to_be_visible()


def test_tap_opens_the_card_tap_elsewhere_closes_it(new_context, site_url: str, outside_requests: list[str]) -> None:
    context = new_context(has_touch=True, is_mobile=True, viewport={"width": 375, "height": 740})
    shut_network(context, outside_requests)
    page = context.new_page()
    page.goto(site_url + SECTION)
    term = first_term(page, "thaad")
    term.scroll_into_view_if_needed()
    term.tap()
    card = page.locator(".rdr-popover")
    expect(card).to_be_visible()
    assert page.url == site_url + SECTION  # the tap showed the card instead of leaving the page
    box = card.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
    # a sheet along the bottom of the screen, with the word still in sight above it
    assert abs(box["y"] + box["height"] - 740) <= 1
    word = term.bounding_box()
    assert word is not None and 0 <= word["y"] and word["y"] + word["height"] <= box["y"]
    page.locator("article h1").tap()
    expect(card).to_have_count(0)
    term.tap()
    card.get_by_role("link").tap()
    expect(page).to_have_url(re.compile(r"/glossary/#thaad$"))


def test_entry_link_lands_on_the_entry_and_back_returns(page: Page, site_url: str) -> None:
    page.goto(site_url + SECTION)
    term = first_term(page, "thaad")
    term.hover()
    page.locator(".rdr-popover").get_by_role("link").click()
    expect(page).to_have_url(site_url + "glossary/#thaad")
    entry = page.locator("#thaad")
    expect(entry).to_be_in_viewport()
    expect(entry).to_contain_text("THAAD")
    page.go_back()
    expect(page).to_have_url(site_url + SECTION)
    expect(first_term(page, "thaad")).to_be_in_viewport()


def test_clicking_a_term_with_the_mouse_goes_to_its_entry(page: Page, site_url: str) -> None:
    page.goto(site_url + SECTION)
    first_term(page, "gmd").click()
    expect(page).to_have_url(site_url + "glossary/#gmd")
    expect(page.locator("#gmd")).to_be_in_viewport()


def test_without_javascript_terms_are_plain_links(new_context, site_url: str, outside_requests: list[str]) -> None:
    context = new_context(java_script_enabled=False)
    shut_network(context, outside_requests)
    page = context.new_page()
    page.goto(site_url + SECTION)
    term = first_term(page, "thaad")
    expect(term).to_have_attribute("href", "../glossary/#thaad")
    term.hover()
    expect(page.locator(".rdr-popover")).to_have_count(0)
    expect(page.locator(".rdr-cards")).to_be_hidden()
    term.click()
    expect(page).to_have_url(site_url + "glossary/#thaad")
    expect(page.locator("#thaad")).to_be_in_viewport()


def test_cards_work_after_instant_navigation(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.wait_for_load_state("networkidle")  # instant navigation starts once the sitemap is in
    page.evaluate("window.__stayed = true")
    page.locator("nav.md-nav--primary").get_by_role("link", name="Tech Breakthrough").click()
    expect(page).to_have_url(site_url + SECTION)
    assert page.evaluate("window.__stayed === true"), "the page was reloaded: instant navigation is off"
    first_term(page, "thaad").hover()
    expect(page.locator(".rdr-popover")).to_be_visible()
    page.get_by_label("every mention").check()
    quiet = page.locator("article .rdr-term--quiet").first
    expect(quiet).to_have_attribute("tabindex", "0")


@pytest.mark.parametrize("term_id", ["gmd", "thaad", "epaa", "abm-treaty"])
def test_key_terms_link_to_their_entries(page: Page, site_url: str, term_id: str) -> None:
    page.goto(site_url + "glossary/")
    appearances = page.locator(f"#{term_id} + .rdr-entry dd ul.rdr-entry__appears a")
    assert appearances.count() >= 1
    href = appearances.first.get_attribute("href")
    page.goto(urljoin(site_url + "glossary/", href))
    paragraph = page.locator(":target")
    expect(paragraph).to_have_class(re.compile("rdr-para"))
    expect(paragraph.locator(f'[data-rdr-term="{term_id}"]').first).to_be_visible()


def decoration(locator) -> str:
    return locator.evaluate("el => getComputedStyle(el).textDecorationLine")


def test_by_default_only_the_first_mention_is_marked(page: Page, site_url: str) -> None:
    page.goto(site_url + SECTION)
    assert decoration(first_term(page, "bmd")) == "underline"
    quiet = page.locator('article .rdr-term--quiet[data-rdr-term="bmd"]').first
    assert decoration(quiet) == "none"
    assert quiet.get_attribute("tabindex") is None
    quiet.hover()
    page.wait_for_timeout(600)
    expect(page.locator(".rdr-popover")).to_have_count(0)
    # the key terms are folded away from the first paragraph
    expect(page.locator("details.rdr-facts__terms")).not_to_have_attribute("open", "")
    expect(page.locator("details.rdr-facts__terms summary")).to_contain_text("18 terms")


def test_the_readers_switch_marks_every_mention_or_none_and_is_remembered(page: Page, site_url: str) -> None:
    page.goto(site_url + SECTION)
    quiet = page.locator('article .rdr-term--quiet[data-rdr-term="bmd"]').first
    # by keyboard: the switch is a group of radio buttons
    page.get_by_label("first mention").focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_label("every mention")).to_be_checked()
    assert decoration(quiet) == "underline"
    page.goto(site_url + "impact-on-stability/")  # remembered on the next page
    expect(page.get_by_label("every mention")).to_be_checked()
    page.get_by_label("none (plain reading)").check()
    term = page.locator("article a.rdr-term").first
    assert decoration(term) == "none" and term.get_attribute("tabindex") == "-1"
    expect(page.locator("article .rdr-qref").first).to_be_hidden()
    expect(page.locator("article .rdr-cite-paragraph").first).to_be_hidden()
    term.hover()
    page.wait_for_timeout(600)
    expect(page.locator(".rdr-popover")).to_have_count(0)
    url = page.url
    term.click()
    assert page.url == url  # plain reading: a term is text
    expect(page.locator("article sup.rdr-note-ref a").first).to_be_visible()  # the author's notes stay
    page.reload()
    expect(page.get_by_label("none (plain reading)")).to_be_checked()
    page.get_by_label("first mention").check()
    assert decoration(page.locator("article a.rdr-term").first) == "underline"
