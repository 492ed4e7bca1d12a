"""Cite this, in a real browser: a paragraph's "cite" opens its citations beside it, for the original (numbered
through the essay) and this edition (with its permalink); copy buttons copy; without the script it all still
reads."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import shut_network

PAGE = "impact-on-stability/"


def clipboard(page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def clipboard_types(page: Page) -> dict[str, str]:
    """Every type on the clipboard, with its content: what a word processor or a plain-text field would paste."""
    return page.evaluate(
        """async () => {
          const found = {};
          for (const item of await navigator.clipboard.read())
            for (const type of item.types) found[type] = await (await item.getType(type)).text();
          return found;
        }"""
    )


def test_copy_button_copies_the_section_citation(context: BrowserContext, page: Page, site_url: str) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(site_url + PAGE)
    panel = page.locator("details.rdr-cite")
    panel.locator("summary").click()
    chicago = panel.locator(".rdr-cite__text").nth(1)
    expect(chicago).to_contain_text("Toucas, Boris. “Ballistic Missile Defense: Proceed With Caution.” Arms Control Today, November 2017.")
    expect(chicago.locator("i")).to_have_text("Arms Control Today")  # shown as the style sets it
    button = panel.get_by_role("button", name="Copy Chicago: bibliography").first
    expect(button).to_have_attribute("data-label", "Copy")
    button.click()
    expect(button).to_have_attribute("data-label", "Copied")
    expect(button).to_be_focused()
    # rich text for a word processor (the italics kept) and the same words as plain text
    copied = clipboard_types(page)
    assert copied["text/plain"] == chicago.text_content()
    assert "<i>Arms Control Today</i>" in copied["text/html"]
    assert "<script" not in copied["text/html"]


def test_bibtex_copies_as_plain_text_only(context: BrowserContext, page: Page, site_url: str) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(site_url + PAGE)
    panel = page.locator("details.rdr-cite")
    panel.locator("summary").click()
    button = panel.get_by_role("button", name="Copy BibTeX").first
    button.click()
    expect(button).to_have_attribute("data-label", "Copied")
    copied = clipboard_types(page)
    assert set(copied) == {"text/plain"}
    assert copied["text/plain"].startswith("@article{toucas-2017,")


def test_a_paragraph_citation_opens_beside_it(context: BrowserContext, page: Page, site_url: str) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(site_url + PAGE)
    control = page.get_by_role("link", name="Cite paragraph 4")
    control.click()
    popover = page.get_by_role("dialog", name="Cite paragraph 4")
    expect(popover).to_be_focused()
    expect(popover).to_be_in_viewport()
    # beside the paragraph, right under its "cite", at the end of the body: no text moves before it
    assert page.evaluate("document.body.lastElementChild.classList.contains('rdr-cite-popover')")
    box, under, paragraph = popover.bounding_box(), control.bounding_box(), page.locator("#p4").bounding_box()
    assert 0 <= box["y"] - (under["y"] + under["height"]) < 12
    assert paragraph["y"] <= box["y"] < paragraph["y"] + paragraph["height"]
    text = popover.inner_text()
    assert "@P@" not in text and "@G@" not in text
    # Impact on Stability's ¶ 4 is the essay's 16th: Introduction and Tech Breakthrough have six each
    expect(popover).to_contain_text("Paragraph 16 of the essay.")
    expect(popover).to_contain_text("(Toucas, par. 16)")
    expect(popover).to_contain_text(f"para. 4, {site_url}impact-on-stability/#p4.")
    copy = popover.get_by_role("button", name="Copy APA: note or in-text citation").last
    copy.click()
    expect(copy).to_have_attribute("data-label", "Copied")
    expect(copy).to_be_focused()  # focus stays where the reader was
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
    expect(panel.locator(".rdr-cite__text").first).to_contain_text("Boris Toucas")
    expect(panel.get_by_role("button")).to_have_count(0)  # copy buttons wait for the script
    page.get_by_role("link", name="Cite paragraph 4").click()  # leads to the section's citations
    expect(panel).to_be_in_viewport()
