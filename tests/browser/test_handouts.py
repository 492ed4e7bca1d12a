"""Handouts, printed to PDF by Chromium on A4 and Letter paper and read back page by page: every printout says
what it is and numbers its pages; an assignment link prints its passage alone, or the whole section with the
passage marked; headings and glossary headwords never end a page; nothing on paper is underlined or a badge."""

from __future__ import annotations

import io
import re
import unicodedata

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.browser.conftest import ASSIGNMENTS, SECTIONS

PAPER = ["A4", "Letter"]
RANGE = "impact-on-stability/#p2-p4"


def pages(page: Page, paper: str) -> list[list[str]]:
    """The printed pages, each as its lines from top to bottom (ligatures read as their letters)."""
    pdf = PdfReader(io.BytesIO(page.pdf(format=paper)))
    return [[line for line in map(_words, _lines(p)) if line] for p in pdf.pages]


def _words(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _lines(pdf_page) -> list[str]:
    """The page's text by line, from its fragments' positions on the paper: the order text is drawn in is not the
    order it reads in."""
    fragments: dict[int, list[tuple[float, str]]] = {}

    def seen(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            fragments.setdefault(round(y / 3), []).append((x, text))

    pdf_page.extract_text(visitor_text=seen)
    return ["".join(t for _, t in sorted(parts)) for _, parts in sorted(fragments.items(), reverse=True)]


def opened(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")


# A paragraph's own words: without its number, its controls or its note markers.
WORDS = """p => { const copy = p.cloneNode(true);
  copy.querySelectorAll('.rdr-pnum, .rdr-cite-paragraph, .rdr-qrefs, sup').forEach(e => e.remove());
  return copy.textContent; }"""


def opening(page: Page, n: int) -> str:
    """The first words of a paragraph, as a reader would look for them on paper."""
    return " ".join(page.locator(f"#p{n}").evaluate(WORDS).split()[:6])


def squash(text: str) -> str:
    """Text without its spaces: a PDF's text runs do not always say where a space fell between two of them."""
    return "".join(text.split())


def flat(printed: list[list[str]]) -> str:
    return squash("".join("".join(lines) for lines in printed))


@pytest.mark.parametrize("paper", PAPER)
def test_an_assignment_link_prints_its_passage_alone_and_says_what_it_is(page: Page, site_url: str, paper: str) -> None:
    opened(page, site_url + RANGE)
    first = {n: opening(page, n) for n in range(1, 7)}
    printed = pages(page, paper)
    text = flat(printed)
    for n in (2, 3, 4):
        assert squash(first[n]) in text, n
    for n in (1, 5, 6):
        assert squash(first[n]) not in text, n
    assert squash("Assigned: ¶2–4") in text
    # what it is: the text as published, the section, the address to type, the date printed
    top = squash("".join(printed[0][:12]))
    assert squash("From: Boris Toucas, “Ballistic Missile Defense: Proceed With Caution,” Arms Control Today, November 2017") in top
    here = re.escape(urlsplit(site_url).netloc)
    assert re.search(squash(rf"Impact on Stability, printed from {here}/impact-on-stability/ on \w+ \d+, 20\d\d"), top)
    # every page: the running header, the address with the range, and its number out of all
    for number, lines in enumerate(printed, 1):
        assert squash(lines[0]) == squash("Impact on Stability - Ballistic Missile Defense: Proceed With Caution")
        assert re.fullmatch(rf"127\.0\.0\.1:\d+/impact-on-stability/#p2-p4Page{number}of{len(printed)}", squash(lines[-1])), lines[-1]
    # the passage's own note and questions, not the section's others
    assert "SergeyLavrov" in text and "Notes" in text
    notes = text[text.index("Notes") :]
    assert "GeorgeLewis" not in notes  # note 4 stands in ¶1
    assert "Armsrace" in text and "Termsusedinthissection" in text


def test_the_whole_section_prints_from_one_control_with_the_passage_marked(page: Page, site_url: str) -> None:
    opened(page, site_url + RANGE)
    page.evaluate("window.print = () => {}")  # the browser's dialog: the PDF below stands for it
    control = page.get_by_role("button", name="Print whole section")
    expect(control).to_be_visible()
    control.click()
    # the passage marked in a way that survives greyscale: a black rule beside it, not a tint
    page.emulate_media(media="print")
    rule = page.locator("#p3").evaluate("p => [getComputedStyle(p).borderLeftWidth, getComputedStyle(p).borderLeftColor, getComputedStyle(p).backgroundColor]")
    assert float(rule[0].removesuffix("px")) >= 2 and rule[1] == "rgb(0, 0, 0)" and rule[2] in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("#p1").evaluate("p => getComputedStyle(p).borderLeftWidth") == "0px"
    page.emulate_media(media="null")  # back to none: page.pdf() then prints as print
    text = flat(pages(page, "A4"))
    for n in range(1, 7):
        assert squash(opening(page, n)) in text, n
    assert squash("Assigned: ¶2–4") in text
    # once printed, an assignment link prints its passage again
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate("document.documentElement.getAttribute('data-rdr-print')") == "range"
    assert squash(opening(page, 1)) not in flat(pages(page, "A4"))


@pytest.mark.parametrize("viewport", [{"width": 1440, "height": 900}, {"width": 390, "height": 844}], ids=["1440", "390"])
def test_the_notice_never_covers_the_first_assigned_line(page: Page, site_url: str, viewport: dict) -> None:
    page.set_viewport_size(viewport)
    opened(page, site_url + RANGE)
    notice = page.locator(".rdr-assignment")
    expect(notice).to_be_visible()
    expect(page.locator("#p2")).to_be_in_viewport()
    box, first = notice.bounding_box(), page.locator("#p2").bounding_box()
    assert first["y"] >= box["y"] + box["height"]


@pytest.mark.parametrize("paper", PAPER)
def test_week_1_starts_its_passage_on_the_first_page(page: Page, site_url: str, paper: str) -> None:
    assignment = ASSIGNMENTS[0]
    opened(page, site_url + f"assignments/{assignment}/")
    first = page.locator(".rdr-passage .rdr-para").first.evaluate(WORDS)
    printed = pages(page, paper)
    assert squash(" ".join(first.split()[:6])) in squash("".join(printed[0]))
    top = squash("".join(printed[0][:10]))
    assert "From:BorisToucas" in top and f"printedfrom{urlsplit(site_url).netloc}/assignments/{assignment}/" in top


HEADINGS = "() => [...document.querySelectorAll('article h1, article h2, article h3, article dt')].filter(h => h.getClientRects().length).map(h => h.textContent.replace(/¶$/, '').replace(/\\s+/g, ' ').trim())"


@pytest.mark.parametrize("paper", PAPER)
@pytest.mark.parametrize("path", ["glossary/", *[f"{s}/" for s in SECTIONS], *[f"assignments/{a}/" for a in ASSIGNMENTS]])
def test_no_page_ends_with_a_heading_or_a_headword(page: Page, site_url: str, path: str, paper: str) -> None:
    opened(page, site_url + path)
    page.emulate_media(media="print")
    headings = [h for h in page.evaluate(HEADINGS) if h]
    page.emulate_media(media="null")  # back to none: page.pdf() then prints as print
    printed = pages(page, paper)
    assert headings and len(printed) >= 1
    for number, lines in enumerate(printed[:-1], 1):
        last = squash(lines[-2])  # the running header and the foot left out
        ends = [h for h in headings if squash(h) == last or (len(last) > 3 and squash(h).endswith(last))]
        assert not ends, f"page {number} of {path} ends with the heading {ends[0]!r}"


CALM = """() => {
  const shown = e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
  const visible = sel => [...document.querySelectorAll(sel)].filter(shown).length;
  const underlined = [...document.querySelectorAll('article a, article .rdr-term')].filter(e => shown(e) &&
    (getComputedStyle(e).textDecorationLine !== 'none' || parseFloat(getComputedStyle(e).borderBottomWidth) > 0)).length;
  return {underlined, badges: visible('.rdr-qref'), buttons: visible('article button, .rdr-marks, .rdr-cite-paragraph'),
          cards: visible('.rdr-popover, .rdr-cite-popover'), margin: visible('.rdr-sidenotes'), chrome: visible('.md-header, .md-sidebar, .md-footer')};
}"""


@pytest.mark.parametrize("path", [f"{s}/" for s in SECTIONS] + [RANGE])
def test_print_is_calm(page: Page, site_url: str, path: str) -> None:
    opened(page, site_url + path)
    page.locator(".rdr-term").first.focus()  # a card open when the reader prints
    page.emulate_media(media="print")
    assert page.evaluate(CALM) == {"underlined": 0, "badges": 0, "buttons": 0, "cards": 0, "margin": 0, "chrome": 0}
