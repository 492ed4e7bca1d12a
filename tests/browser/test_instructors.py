"""The instructors' page builds assignment links that open highlighted; assignment pages lead back to the essay."""

from __future__ import annotations

import re

from playwright.sync_api import BrowserContext, Page, expect


def passage(page: Page, n: int):
    return page.locator(".rdr-builder__row").nth(n - 1)


def choose(page: Page, n: int, section: str, first: int, last: int) -> None:
    row = passage(page, n)
    row.get_by_label("Section").select_option(label=section)
    row.get_by_label("from ¶").fill(str(first))
    row.get_by_label("to ¶").fill(str(last))


def assigned(page: Page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('.rdr-assigned')].map(e => e.id)")


def test_the_builder_makes_links_that_open_highlighted(page: Page, site_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + "for-instructors/")
    builder = page.locator("form.rdr-builder")
    expect(builder).to_be_visible()
    choose(page, 1, "Missile Defense Policy (¶ 1–9)", 4, 7)
    builder.get_by_role("button", name="Add a passage").click()
    choose(page, 2, "Missile Defense Policy (¶ 1–9)", 9, 9)
    builder.get_by_role("button", name="Add a passage").click()
    choose(page, 3, "Impact on Stability (¶ 1–6)", 2, 3)
    links = builder.locator(".rdr-builder__link")
    expect(links).to_have_count(2)  # one per section, ranges of a section joined
    first, second = links.nth(0).inner_text(), links.nth(1).inner_text()
    assert first == site_url + "missile-defense-policy/#p4-p7,p9-p9"
    assert second == site_url + "impact-on-stability/#p2-p3"
    expect(builder.get_by_role("button", name="Copy the link to Impact on Stability, ¶2–3")).to_be_visible()
    # following the link: instant navigation from this page
    links.nth(0).click()
    expect(page.locator(".rdr-assignment .rdr-label")).to_have_attribute("data-label", re.compile(re.escape("Assigned: ¶4–7, ¶9")))
    assert assigned(page) == ["p4", "p5", "p6", "p7", "p9"]
    # and as a student would, pasted into a new tab
    page.goto(second)
    expect(page.locator(".rdr-assignment .rdr-label")).to_have_attribute("data-label", re.compile(re.escape("Assigned: ¶2–3")))
    assert assigned(page) == ["p2", "p3"]
    assert errors == []


def test_a_built_link_copies_to_the_clipboard(context: BrowserContext, page: Page, site_url: str) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(site_url + "for-instructors/")
    choose(page, 1, "Impact on Stability (¶ 1–6)", 4, 6)
    copy = page.get_by_role("button", name="Copy the link to Impact on Stability, ¶4–6")
    copy.click()
    expect(copy).to_have_attribute("data-label", "Copied")
    assert page.evaluate("navigator.clipboard.readText()") == site_url + "impact-on-stability/#p4-p6"


def test_the_builder_says_what_is_wrong_and_gives_no_link(page: Page, site_url: str) -> None:
    page.goto(site_url + "for-instructors/")
    choose(page, 1, "Impact on Stability (¶ 1–6)", 4, 8)
    expect(page.locator(".rdr-builder__problem")).to_have_text("Passage 1: Impact on Stability has paragraphs 1 to 6.")
    expect(page.locator(".rdr-builder__link")).to_have_count(0)
    choose(page, 1, "Impact on Stability (¶ 1–6)", 5, 4)
    expect(page.locator(".rdr-builder__problem")).to_have_text("Passage 1: the last paragraph comes before the first.")
    choose(page, 1, "Impact on Stability (¶ 1–6)", 4, 6)
    expect(page.locator(".rdr-builder__link")).to_have_text(site_url + "impact-on-stability/#p4-p6")


def test_the_builder_works_from_the_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url + "for-instructors/")
    page.locator(".rdr-builder__row select").focus()
    page.keyboard.press("End")  # the last section
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past "from" and "to" (the only passage cannot be removed)
    page.keyboard.press("Enter")  # Add a passage
    expect(page.locator(".rdr-builder__row")).to_have_count(2)
    expect(passage(page, 2).get_by_label("Section")).to_be_focused()
    expect(page.locator(".rdr-builder__link")).to_have_count(2)
    passage(page, 2).get_by_role("button", name="Remove passage 2").press("Enter")
    expect(page.locator(".rdr-builder__row")).to_have_count(1)
    expect(page.locator(".rdr-builder__link")).to_have_text(site_url + "about-the-author/#p1-p1")


def test_an_assignment_page_leads_back_to_the_essay(page: Page, site_url: str) -> None:
    assignment = site_url + "assignments/stability-and-arms-racing/"
    page.goto(assignment)
    expect(page.locator("h1")).to_contain_text("Week 1: Missile defense and strategic stability")
    page.get_by_role("link", name="Impact on Stability, paragraph 3, in the essay").click()
    expect(page).to_have_url(site_url + "impact-on-stability/#p3")
    expect(page.locator("#p3")).to_be_in_viewport()
    page.goto(assignment)
    page.get_by_role("link", name="Read it in the essay, highlighted").click()
    expect(page.locator(".rdr-assignment .rdr-label")).to_have_attribute("data-label", re.compile(re.escape("Assigned: ¶1–4")))
    assert assigned(page) == ["p1", "p2", "p3", "p4"]


def test_terms_on_an_assignment_page_open_their_cards(page: Page, site_url: str) -> None:
    page.goto(site_url + "assignments/stability-and-arms-racing/")
    term = page.locator('.rdr-passage a[data-rdr-term="crisis-stability"]').first
    term.focus()
    expect(page.locator(".rdr-popover")).to_contain_text("Crisis stability")
