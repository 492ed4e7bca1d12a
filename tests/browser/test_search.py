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
    # paragraph numbers are not indexed: no prose excerpt starts with one
    excerpts = page.locator(".md-search-result__article p").all_inner_texts()
    assert excerpts and not [text for text in excerpts if text.lstrip().startswith("¶")]
    page.goto(result.get_attribute("href"))
    expect(page.locator("#thaad")).to_be_in_viewport()
