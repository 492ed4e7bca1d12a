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

