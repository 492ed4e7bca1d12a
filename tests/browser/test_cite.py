"""Cite this, in a real browser: a paragraph's "cite" opens its citations beside it, for the original (numbered
through the essay) and this edition (with its permalink); copy buttons copy; without the script it all still
reads."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import shut_network

PAGE = "impact-on-stability/"


def clipboard(page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def test_copy_button_copies_the_section_citation(context: BrowserContext, page: Page, site_url: str) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(site_url + PAGE)
    panel = page.locator("details.rdr-cite")
    panel.locator("summary").click()
    chicago = panel.locator("pre.rdr-cite__text").nth(1)
    expect(chicago).to_contain_text("Toucas, Boris. “Ballistic Missile Defense: Proceed With Caution.” Arms Control Today, November 2017.")
    button = panel.get_by_role("button", name="Copy Chicago: bibliography").first
    expect(button).to_have_attribute("data-label", "Copy")
    button.click()
    expect(button).to_have_attribute("data-label", "Copied")
    assert clipboard(page) == chicago.text_content()


def test_a_paragraph_citation_opens_beside_it(context: BrowserContext, page: Page, site_url: str) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(site_url + PAGE)
    control = page.get_by_role("link", name="Cite paragraph 4")
    control.click()
    popover = page.get_by_role("dialog", name="Cite paragraph 4")
    expect(popover).to_be_focused()
    expect(popover).to_be_in_viewport()
    # beside the paragraph, at the end of the body: no text moves before it
    assert page.evaluate("document.body.lastElementChild.classList.contains('rdr-cite-popover')")
    box, paragraph = popover.bounding_box(), page.locator("#p4").bounding_box()
    assert abs(box["y"] - (paragraph["y"] + paragraph["height"])) < 40
    text = popover.inner_text()
    assert "@P@" not in text and "@G@" not in text
    # Impact on Stability's ¶ 4 is the essay's 16th: Introduction and Tech Breakthrough have six each
    expect(popover).to_contain_text("Paragraph 16 of the essay.")
    expect(popover).to_contain_text("(Toucas, par. 16)")
    expect(popover).to_contain_text(f"para. 4, {site_url}impact-on-stability/#p4.")
    popover.get_by_role("button", name="Copy APA: note or in-text citation").last.click()
    assert clipboard(page) == "(Toucas, 2017, para. 4)"
    page.keyboard.press("Escape")
    expect(popover).to_have_count(0)
    expect(control).to_be_focused()


def test_without_javascript_the_section_citation_is_there(new_context, site_url: str, outside_requests: list[str]) -> None:
    context = new_context(java_script_enabled=False)
    shut_network(context, outside_requests)
    page = context.new_page()
    page.goto(site_url + PAGE)
    panel = page.locator("details.rdr-cite")
    panel.locator("summary").click()
    expect(panel.locator("pre.rdr-cite__text").first).to_contain_text("Boris Toucas")
    expect(panel.get_by_role("button")).to_have_count(0)  # copy buttons wait for the script
    page.get_by_role("link", name="Cite paragraph 4").click()  # leads to the section's citations
    expect(panel).to_be_in_viewport()
