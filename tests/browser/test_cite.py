"""Cite this, in a real browser: a paragraph's citation carries its locator and permalink; copy buttons copy."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import shut_network

PAGE = "impact-on-stability/"


def clipboard(context: BrowserContext, page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def test_copy_button_copies_the_section_citation(context: BrowserContext, page: Page, site_url: str) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(site_url + PAGE)
    panel = page.locator("details.rdr-cite")
    panel.locator("summary").click()
    chicago = panel.locator("pre.rdr-cite__text").nth(1)
    expect(chicago).to_contain_text("Toucas, Boris. “Ballistic Missile Defense: Proceed With Caution”.")
    button = panel.get_by_role("button", name="Copy Chicago: bibliography")
    button.click()
    expect(button).to_have_text("Copied")
    assert clipboard(context, page) == chicago.text_content()


def test_a_paragraph_citation_has_its_locator_and_permalink(context: BrowserContext, page: Page, site_url: str) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(site_url + PAGE)
    page.get_by_role("button", name="Cite paragraph 4").click()
    panel = page.locator("details.rdr-cite")
    expect(panel).to_have_attribute("open", "")
    expect(panel.locator(".rdr-cite__scope")).to_have_text("Impact on Stability, paragraph 4.")
    note = panel.locator("pre.rdr-cite__text").first
    expect(note).to_contain_text(f"para. 4, {site_url}impact-on-stability/#p4.")
    assert "@P@" not in panel.inner_text()
    panel.get_by_role("button", name="Copy APA: note or in-text citation").click()
    assert clipboard(context, page) == "(Toucas, 2017, para. 4)"
    panel.get_by_role("button", name="Cite the whole section instead").click()
    expect(panel.locator(".rdr-cite__scope")).to_contain_text("whole section")


def test_without_javascript_the_section_citation_is_there(new_context, site_url: str, outside_requests: list[str]) -> None:
    context = new_context(java_script_enabled=False)
    shut_network(context, outside_requests)
    page = context.new_page()
    page.goto(site_url + PAGE)
    panel = page.locator("details.rdr-cite")
    panel.locator("summary").click()
    expect(panel.locator("pre.rdr-cite__text").first).to_contain_text("Boris Toucas")
    expect(page.get_by_role("button", name="Cite paragraph 4")).to_have_count(0)
