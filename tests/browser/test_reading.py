"""The reading layout, measured in a real browser: a serif at a reading size and a measure of 60-75 characters;
on a wide screen the notes, figures and question markers beside their paragraph in a margin that overlaps nothing;
on a phone all of it back in the flow; controls at least 24 px square and named as they read; no layout shift."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ASSIGNMENTS, SECTIONS

WIDE = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
READING = [f"{s}/" for s in SECTIONS] + [f"assignments/{a}/" for a in ASSIGNMENTS]

# Characters per line of each numbered paragraph: its width over the average width of its own characters in its
# own font (how typographers count a measure), so the number holds whatever serif the system has.
MEASURE = """() => [...document.querySelectorAll('.rdr-para')].map(p => {
  const style = getComputedStyle(p);
  const context = document.createElement('canvas').getContext('2d');
  context.font = `${style.fontSize} ${style.fontFamily}`;
  const text = p.textContent;
  return p.clientWidth / (context.measureText(text).width / text.length);
})"""

# Every box of the margin and the gutter, with the paragraph it belongs to: the next numbered paragraph after a
# margin block, the enclosing one for a gutter.
BOXES = """() => {
  const box = e => { const r = e.getBoundingClientRect(); return {x: r.left, y: r.top, right: r.right, bottom: r.bottom, w: r.width, h: r.height}; };
  const margin = [...document.querySelectorAll('.rdr-aside-margin')].map(e => {
    let next = e.nextElementSibling;
    while (next && !next.classList.contains('rdr-para')) next = next.nextElementSibling;
    return {kind: e.tagName, box: box(e), para: next && box(next), visible: getComputedStyle(e).display !== 'none'};
  });
  const gutter = [...document.querySelectorAll('.rdr-gutter')].map(e => ({box: box(e), para: box(e.closest('.rdr-para'))}));
  const paras = [...document.querySelectorAll('.rdr-para')].map(box);
  return {margin, gutter, paras, width: document.documentElement.clientWidth};
}"""


def overlap(a: dict, b: dict) -> bool:
    return a["x"] < b["right"] and b["x"] < a["right"] and a["y"] < b["bottom"] and b["y"] < a["bottom"]


@pytest.mark.parametrize("width", [1280, 1440, 1680])
@pytest.mark.parametrize("path", READING)
def test_the_text_is_set_for_long_reading(page: Page, site_url: str, path: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + path)
    measures = page.evaluate(MEASURE)
    assert measures and all(60 <= m <= 75 for m in measures), measures
    paragraph = page.locator(".rdr-para").first
    family = paragraph.evaluate("p => getComputedStyle(p).fontFamily")
    assert family.split(",")[0].strip('"') == "Charter" and family.rstrip().endswith("serif")
    assert float(paragraph.evaluate("p => parseFloat(getComputedStyle(p).fontSize)")) >= 16
    title = page.locator("h1").first.evaluate("h => [getComputedStyle(h).fontWeight, getComputedStyle(h).color, getComputedStyle(document.body).color]")
    assert int(title[0]) >= 600 and title[1] == page.locator(".rdr-para").first.evaluate("p => getComputedStyle(p).color")


@pytest.mark.parametrize("path", [f"{s}/" for s in SECTIONS])
def test_on_a_wide_screen_notes_figures_and_questions_stand_beside_their_paragraph(page: Page, site_url: str, path: str) -> None:
    page.set_viewport_size(WIDE)
    page.goto(site_url + path)
    expect(page.locator(".md-sidebar--secondary")).to_be_hidden()  # the margin takes the contents' place
    found = page.evaluate(BOXES)
    text_right = max(p["right"] for p in found["paras"])
    for item in found["margin"]:
        box, para = item["box"], item["para"]
        assert item["visible"] and box["w"] > 150, item
        assert box["x"] >= text_right + 8 and box["right"] <= found["width"], item  # in the margin, on screen
        assert box["y"] >= para["y"] - 12, item  # never above its paragraph...
    for a, b in zip(found["margin"], found["margin"][1:]):
        assert not overlap(a["box"], b["box"]), (a, b)  # ...and never on another's
    first = [m for m in found["margin"] if m["para"] and abs(m["box"]["y"] - m["para"]["y"]) <= 12]
    assert found["margin"] == [] or first, "the first margin block starts level with its paragraph"
    for item in found["gutter"]:
        box, para = item["box"], item["para"]
        assert box["x"] >= text_right and abs(box["y"] - para["y"]) <= 12, item  # beside the paragraph's first line
        assert not any(overlap(box, m["box"]) for m in found["margin"]), item


def test_the_sections_notes_are_in_its_margin(page: Page, site_url: str) -> None:
    page.set_viewport_size(WIDE)
    page.goto(site_url + "tech-breakthrough/")
    note = page.locator(".rdr-sidenotes").first
    expect(note).to_be_visible()
    expect(note).to_contain_text("Strategic Defense Intelligence")
    # beside the paragraph holding its marker
    marker = page.locator("#p4 sup.rdr-note-ref")
    assert note.evaluate("n => n.nextElementSibling.id") == "p4" and marker.count() == 1
    # a copy for the eye: out of the accessibility tree and the tab order, the marker and endnote stay
    assert note.get_attribute("aria-hidden") == "true"
    assert note.locator("a").evaluate_all("links => links.every(a => a.tabIndex === -1)")
    expect(page.locator("#note-3")).to_be_attached()


def test_figures_are_quiet_blocks_in_the_margin_then_in_the_flow(page: Page, site_url: str) -> None:
    page.set_viewport_size(WIDE)
    page.goto(site_url + "introduction/")
    figure = page.locator("figure#figure-1")
    paragraph = figure.locator("xpath=following-sibling::p[contains(@class, 'rdr-para')][1]")
    wide, text = figure.bounding_box(), paragraph.bounding_box()
    assert wide["x"] >= text["x"] + text["width"] and abs(wide["y"] - text["y"]) < 16
    page.set_viewport_size(PHONE)
    narrow, text = figure.bounding_box(), paragraph.bounding_box()
    assert narrow["y"] + narrow["height"] <= text["y"] and narrow["x"] >= 0 and narrow["x"] + narrow["width"] <= PHONE["width"]
    # quiet: no box drawn round it, smaller type than the prose
    border = figure.evaluate("f => ['Top', 'Right', 'Bottom'].map(s => getComputedStyle(f)['border' + s + 'Width'])")
    assert border == ["0px", "0px", "0px"]
    sizes = figure.evaluate("f => [parseFloat(getComputedStyle(f.querySelector('figcaption')).fontSize), parseFloat(getComputedStyle(f.nextElementSibling).fontSize)]")
    assert sizes[0] < sizes[1]


@pytest.mark.parametrize("path", [f"{s}/" for s in SECTIONS])
def test_on_a_phone_everything_is_back_in_the_flow(page: Page, site_url: str, path: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site_url + path)
    expect(page.locator(".rdr-sidenotes")).to_have_count(page.locator(".rdr-sidenotes").count())
    for note in page.locator(".rdr-sidenotes").all():
        expect(note).to_be_hidden()  # the marker's card (a sheet on a phone) and the endnotes hold the notes
    found = page.evaluate(BOXES)
    for item in found["gutter"]:
        box, para = item["box"], item["para"]
        assert para["x"] <= box["x"] and box["right"] <= para["right"] + 1 and para["y"] <= box["y"] < para["bottom"], item
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


# What a reader can press in a section, and the text a voice-control user would say to press it.
CONTROLS = """() => [...document.querySelectorAll('article .rdr-pnum, article .rdr-cite-paragraph, article .rdr-qref, article button, .rdr-marks label')]
  .filter(e => e.getClientRects().length)
  .map(e => {
    const r = e.getBoundingClientRect();
    const words = text => text.replace(/\\s+/g, ' ').trim();
    const shown = words(e.getAttribute('data-label') || e.textContent);
    return {what: e.className || e.tagName, w: r.width, h: r.height, shown, name: words(e.getAttribute('aria-label') || shown)};
  })"""


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["1440", "390"])
@pytest.mark.parametrize("path", [f"{s}/" for s in SECTIONS])
def test_controls_are_big_enough_and_named_as_they_read(page: Page, site_url: str, path: str, viewport: dict) -> None:
    page.set_viewport_size(viewport)
    page.goto(site_url + path)
    page.locator("details.rdr-cite > summary").click()  # its copy buttons count too
    controls = page.evaluate(CONTROLS)
    assert len(controls) > 10
    small = [c for c in controls if c["w"] < 24 or c["h"] < 24]
    assert not small, small
    unnamed = [c for c in controls if c["shown"] and not c["name"].lower().startswith(c["shown"].lower())]
    assert not unnamed, unnamed


def test_keyboard_reaches_the_gutter_and_never_the_margin_copies(page: Page, site_url: str) -> None:
    page.set_viewport_size(WIDE)
    page.goto(site_url + "tech-breakthrough/")
    page.locator("#p4 .rdr-pnum").focus()
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("[document.activeElement.classList.contains('rdr-qref'), !!document.activeElement.closest('.rdr-sidenotes')]"))
        if seen[-1][0]:
            break
    assert seen[-1][0], seen  # the question marker in the gutter, after the paragraph's terms
    assert not any(inside for _, inside in seen), seen
    expect(page.locator("#p4 .rdr-qref")).to_be_in_viewport()


# The page's layout shifts so far (those right after a reader's input do not count, as in Core Web Vitals).
CLS = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 600);
})"""


# What moved, to say so when something did.
SHIFTED = """() => new Promise(resolve => {
  const moved = [];
  new PerformanceObserver(list => { for (const e of list.getEntries()) for (const s of e.sources || [])
    moved.push([e.value, s.node && (s.node.id || s.node.className || s.node.nodeName), JSON.stringify(s.previousRect), JSON.stringify(s.currentRect)]); })
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(moved), 100);
})"""


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["1440", "390"])
@pytest.mark.parametrize("path", READING)
def test_nothing_moves_once_the_page_is_drawn(page: Page, site_url: str, path: str, viewport: dict) -> None:
    page.set_viewport_size(viewport)
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    shift = page.evaluate(CLS)
    assert shift == 0, page.evaluate(SHIFTED)


def test_the_shift_measure_sees_a_shift(page: Page, site_url: str) -> None:
    """The measure above is not blind: a block pushed in above the text is counted."""
    page.goto(site_url + "tech-breakthrough/")
    page.wait_for_load_state("networkidle")
    page.evaluate("document.querySelector('#p1').insertAdjacentHTML('beforebegin', '<div style=\"height:300px\"></div>')")
    assert page.evaluate(CLS) > 0
