"""Material's search finds glossary entries, offline."""

from __future__ import annotations


from playwright.sync_api import Page, expect


def test_search_finds_a_glossary_entry(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.wait_for_load_state("networkidle")  # the search worker has loaded its index
    page.locator(".md-search__input").click()
    page.keyboard.type("Terminal High Altitude")
    result = page.locator('.md-search-result a[href*="/glossary/"][href$="#thaad"]').first
    expect(result).to_be_attached()
    expect(result).to_contain_text("THAAD")
    assert "¶" not in page.locator(".md-search-result").inner_text()  # paragraph numbers are not indexed
    page.goto(result.get_attribute("href"))
    expect(page.locator("#thaad")).to_be_in_viewport()
