"""The prose is sacred: every sentence of the source's body is on the site, in order, once, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, BuildResult
from tests.sitetext import blocks

SOURCE = Path(__file__).resolve().parent.parent / "fixtures" / "bmd-proceed-with-caution.txt"
SECTIONS = ["introduction", "tech-breakthrough", "impact-on-stability", "missile-defense-policy", "about-the-author"]
SOURCE_HEADINGS = ["Tech Breakthrough", "Impact on Stability", "Missile Defense Policy"]

# The two things in the source that are not prose: note digits glued to words, and photo captions glued to
# the paragraph after them. Each is named here, so nothing else can be dropped unnoticed.
NOTE_DIGITS = ["support.1 ", "tackle.2 ", "market.3 ", "missiles4 on", "Europe,”5 ", "intrusive6 "]
NOTE_FIXED = ["support. ", "tackle. ", "market. ", "missiles on", "Europe,” ", "intrusive "]
CAPTIONS = [
    "A medium-range ballistic missile target is launched from the Pacific Missile Range Facility on Kauai, Hawaii, during a test August 29. The target was successfully intercepted by SM-6 missiles fired from the Arleigh Burke-class guided-missile destroyer USS John Paul Jones.  (Photo credit: U.S. Missile Defense Agency)",
    "Marine Gen. Joseph F. Dunford, chairman of the Joint Chiefs of Staff, discusses ballistic missile defense capabilities with Lt. Cmdr. Brian Gauthier in the combat information center aboard the Arleigh Burke-class guided-missile destroyer USS Barry on September 7.  (Photo credit: U.S. Navy photo/Mass Communication Specialist 2nd Class Kevin V. Cunningham)",
    "The U.S. ballistic missile defense (BMD) station Aegis Ashore Romania, part of what the United States calls the European Phased Adaptive Approach for BMD, at the military base in Deveselu, Romania is shown in a May 12, 2016 photograph. Aegis Ashore is a land-based capability of the Navy’s Aegis ballistic missile defense system.  (Daniel Mihailescu/AFP/Getty Images)",
]


def source_body() -> list[str]:
    """The source's body paragraphs and headings, with note digits and captions taken out."""
    text = SOURCE.read_text(encoding="utf-8")
    for glued, fixed in zip(NOTE_DIGITS, NOTE_FIXED):
        assert text.count(glued) == 1, glued
        text = text.replace(glued, fixed)
    for caption in CAPTIONS:
        assert text.count(caption) == 1, caption[:40]
        text = text.replace(caption, "")
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    body = paragraphs[3:]  # title, date, byline
    return [p for p in body if not re.match(r"\d\.\s", p)]  # the notes come later, as annotations


def sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?”])\s+(?=[A-Z“])", paragraph) if s]


@pytest.fixture(scope="module")
def site_blocks(real_site: BuildResult) -> list[tuple[str, str, str]]:
    return [b for name in SECTIONS for b in blocks(real_site.page(f"{name}/index.html"))]


def test_source_cleaning_is_exact() -> None:
    body = source_body()
    assert body[0].startswith("The ballistic missile defense review underway")
    assert body[-1].startswith("Boris Toucas is a visiting fellow")
    assert not any(re.search(r"[a-z.,”]\d\s", p) for p in body)


def test_every_paragraph_is_on_the_site_word_for_word_in_order(site_blocks) -> None:
    expected = [p for p in source_body() if p not in SOURCE_HEADINGS]
    on_site = [text for tag, classes, text in site_blocks if tag == "p" and "rdr-para" in classes.split()]
    assert on_site == [" ".join(p.split()) for p in expected]


def test_every_sentence_is_on_the_site_in_order_once(site_blocks) -> None:
    site = "\n".join(text for _, _, text in site_blocks)
    body = "\n".join(source_body())
    at = 0
    for paragraph in source_body():
        for sentence in sentences(" ".join(paragraph.split())):
            found = site.find(sentence, at)
            assert found >= 0, f"not on the site after position {at}: {sentence!r}"
            assert site.count(sentence) == body.count(sentence), f"on the site more often than in the source: {sentence!r}"
            at = found + len(sentence)


def test_section_headings_are_the_source_headings(site_blocks) -> None:
    headings = [text for tag, _, text in site_blocks if tag == "h1"]
    assert headings == ["Introduction", *SOURCE_HEADINGS, "About the Author"]


def test_editorial_titles_are_marked(real_site: BuildResult) -> None:
    for name, editorial in zip(SECTIONS, [True, False, False, False, True]):
        html = real_site.page(f"{name}/index.html")
        assert ("Editorial title." in html) is editorial, name


def test_notes_digits_and_captions_are_not_in_the_prose(site_blocks) -> None:
    site = "\n".join(text for _, _, text in site_blocks)
    for glued in NOTE_DIGITS:
        assert glued.strip() not in site
    for caption in CAPTIONS:
        assert caption[:60] not in site


def test_docs_hold_prose_only() -> None:
    """The Markdown of a section page is front matter, one heading and the paragraphs: no markup in the prose."""
    for name in SECTIONS:
        text = (ROOT / "docs" / f"{name}.md").read_text(encoding="utf-8")
        body = text.split("---", 2)[2]
        assert not re.search(r"[<>*_\[\]`{}]", body), name


def test_home_page_names_the_essay(real_site: BuildResult) -> None:
    home = real_site.page("index.html")
    assert "Ballistic Missile Defense: Proceed With Caution" in home
    assert "Boris Toucas" in home and "November 2017" in home
    for name in SECTIONS:
        assert f'href="{name}/"' in home
