"""Material's search, offline: it finds glossary entries, and the essay's words open at their paragraph."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def search(page: Page, site_url: str, words: str) -> None:
    page.goto(site_url)
    page.wait_for_load_state("networkidle")  # the search worker has loaded its index
    page.locator(".md-search__input").click()
    page.keyboard.type(words)


def test_search_finds_a_glossary_entry(page: Page, site_url: str) -> None:
    search(page, site_url, "Terminal High Altitude")
    result = page.locator('.md-search-result a[href*="/glossary/"][href$="#thaad"]').first
    expect(result).to_be_attached()
    expect(result).to_contain_text("THAAD")
    # paragraph numbers are not indexed: no prose excerpt starts with one
    excerpts = page.locator(".md-search-result__article p").all_inner_texts()
    assert excerpts and not [text for text in excerpts if text.lstrip().startswith("¶")]
    page.goto(result.get_attribute("href"))
    expect(page.locator("#thaad")).to_be_in_viewport()


def test_the_essays_words_open_at_their_paragraph(page: Page, site_url: str) -> None:
    search(page, site_url, "quasi-monopoly")
    result = page.locator('.md-search-result a[href*="tech-breakthrough/"][href$="#p4"]').first
    expect(result).to_be_attached()
    expect(result).to_contain_text("Tech Breakthrough, ¶ 4")
    result.click()
    expect(page).to_have_url(re.compile(r"tech-breakthrough/(\?h=[^#]*)?#p4$"))
    expect(page.locator("#p4")).to_be_in_viewport()



def test_the_editors_pages_come_last_and_say_so(page: Page, site_url: str) -> None:
    search(page, site_url, "THAAD")
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_attached()
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.getAttribute('href'))")
    editors = [i for i, href in enumerate(hrefs) if "how-to-annotate/" in href or "/data/" in href]
    essay = [i for i, href in enumerate(hrefs) if "tech-breakthrough/" in href or "missile-defense-policy/" in href]
    assert essay and editors and max(essay) < min(editors), hrefs
    expect(results.nth(min(editors)).locator(".md-tag")).to_have_text("For editors")
    expect(results.nth(min(essay)).locator(".md-tag")).to_have_count(0)


def test_the_editors_pages_have_their_own_place_in_the_navigation(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(site_url)
    nav = page.locator(".md-nav--primary")
    group = nav.locator(".md-nav__item--nested", has=page.locator("label.md-nav__link", has_text="For editors"))
    expect(group).to_have_count(1)
    expect(group.locator('a[href$="how-to-annotate/"]')).to_have_count(1)
    expect(group.locator('a[href$="data/"]')).to_have_count(1)
    # the readers' pages stand outside it
    for path in ("introduction/", "glossary/", "for-instructors/"):
        expect(group.locator(f'a[href$="{path}"]')).to_have_count(0)
        expect(nav.locator(f'a[href$="{path}"]').first).to_be_attached()
    # and it opens by keyboard
    group.locator("label.md-nav__link").first.focus()
    page.keyboard.press("Enter")
    expect(group.locator('a[href$="how-to-annotate/"]')).to_be_visible()
