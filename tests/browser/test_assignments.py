"""Assignment links (#p4-p6): the range is highlighted with a notice, after instant navigation, with the back
button and after a reload; a range that does not exist gets a polite notice and no script error."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

PAGE = "impact-on-stability/"


def assigned(page: Page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('.rdr-assigned')].map(e => e.id)")


def test_an_assignment_link_highlights_its_range_with_a_notice(page: Page, site_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + PAGE + "#p4-p6")
    notice = page.locator(".rdr-assignment")
    # its words are drawn by the stylesheet, and announced from a live region at the end of the body
    expect(notice.locator(".rdr-label")).to_have_attribute("data-label", "Assigned: ¶4–6")
    expect(page.locator("body > #rdr-announce[role=status]")).to_have_text("Assigned: ¶4–6")
    assert assigned(page) == ["p4", "p5", "p6"]
    expect(page.locator("#p4")).to_be_in_viewport()
    expect(notice).to_be_in_viewport()
    page.reload()
    expect(page.locator(".rdr-assignment .rdr-label")).to_have_attribute("data-label", re.compile(re.escape("Assigned: ¶4–6")))
    assert assigned(page) == ["p4", "p5", "p6"]
    page.get_by_role("button", name="Dismiss this notice").click()
    expect(page.locator(".rdr-assignment")).to_have_count(0)
    assert errors == []


def test_several_ranges_and_the_back_button(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE + "#p1,p3-p4")
    expect(page.locator(".rdr-assignment .rdr-label")).to_have_attribute("data-label", re.compile(re.escape("Assigned: ¶1, ¶3–4")))
    assert assigned(page) == ["p1", "p3", "p4"]
    page.evaluate("location.hash = '#p5-p6'")
    expect(page.locator(".rdr-assignment .rdr-label")).to_have_attribute("data-label", re.compile(re.escape("Assigned: ¶5–6")))
    page.go_back()
    expect(page.locator(".rdr-assignment .rdr-label")).to_have_attribute("data-label", re.compile(re.escape("Assigned: ¶1, ¶3–4")))
    assert assigned(page) == ["p1", "p3", "p4"]


def test_it_works_after_instant_navigation(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__stayed = true")
    page.evaluate(
        """href => { const a = document.createElement('a'); a.href = href; a.textContent = 'go';
                     document.querySelector('article').appendChild(a); }""",
        site_url + PAGE + "#p2-p3",
    )
    page.get_by_role("link", name="go", exact=True).click()
    expect(page.locator(".rdr-assignment .rdr-label")).to_have_attribute("data-label", re.compile(re.escape("Assigned: ¶2–3")))
    assert page.evaluate("window.__stayed === true")
    assert assigned(page) == ["p2", "p3"]


def test_a_range_that_does_not_exist_gets_a_polite_notice(page: Page, site_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + PAGE + "#p40-p45")
    expect(page.locator(".rdr-assignment .rdr-label")).to_have_attribute("data-label", re.compile(re.escape("This link assigns ¶40–45, but this section has 6 paragraphs.")))
    assert assigned(page) == []
    page.goto(site_url + PAGE + "#p0-p2")
    expect(page.locator(".rdr-assignment .rdr-label")).to_have_attribute("data-label", re.compile(re.escape("but this section has 6 paragraphs")))
    assert errors == []


def test_a_plain_paragraph_link_gets_no_notice(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE + "#p4")
    expect(page.locator("#p4")).to_be_in_viewport()
    expect(page.locator(".rdr-assignment")).to_have_count(0)
