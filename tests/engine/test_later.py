"""Blocks the theme's search would skip are held back from the page's content until the page is written."""

from __future__ import annotations

from pathlib import Path

from annoreader.core.later import Later
from annoreader.core.site import PageInfo
from tests.engine.engine import engine

GLOSSARY = """\
categories: [{id: c, name: C}]
terms:
  - {id: thaad, name: THAAD, category: c, variants: [THAAD], definition: A defense., explanation: e, sources: [{title: t, url: "https://example.org/"}]}
"""


def test_only_blocks_the_search_excludes_are_held_and_they_come_back_completed() -> None:
    later = Later("run1")
    kept = '<p class="x">Text.</p>'
    assert later.hold("a/", kept) == kept
    assert later.hold("a/", '<p data-search-excluded-not="1">No.</p>') == '<p data-search-excluded-not="1">No.</p>'
    mark = later.hold("a/", '\n<aside class="rdr-cards" hidden data-search-exclude><b>rdr-ref:x</b></aside>')
    assert mark == "<!--rdr-later-run1:0-->"
    later.complete("a/", lambda html: html.replace("rdr-ref:x", "done"))
    page = f"<main>{kept}{mark}</main>"
    assert later.restore("a/", page) == f'<main>{kept}\n<aside class="rdr-cards" hidden data-search-exclude><b>done</b></aside></main>'
    assert later.restore("b/", page) == page  # another page's marks are not this page's
    assert later.held("a/") == ()  # given up once written: a book's blocks do not stay in memory to the end


def test_a_comment_in_the_text_cannot_pass_for_a_held_block() -> None:
    """The marks carry the run's id, which no text knows: a comment written like one stays a comment."""
    later = Later("run1")
    mark = later.hold("a/", "<aside data-search-exclude>held</aside>")
    forged = "<!--rdr-later:0--><!--rdr-later-run0:0--><!--rdr-later-:0-->"
    assert later.restore("a/", forged + mark) == forged + "<aside data-search-exclude>held</aside>"


def test_restoring_gives_the_blocks_up_and_a_page_woven_again_holds_its_own() -> None:
    later = Later("run1")
    first = later.hold("a/", "<aside data-search-exclude>one</aside>")
    assert later.restore("a/", first) == "<aside data-search-exclude>one</aside>"
    second = later.hold("a/", "<aside data-search-exclude>two</aside>")
    assert second == first  # numbered from the start again, not after blocks already written
    assert later.restore("a/", second) == "<aside data-search-exclude>two</aside>"


def test_the_search_reads_neither_the_cards_nor_the_numbered_paragraphs(tmp_path: Path) -> None:
    """The numbered paragraphs reach the search from the engine (an entry each), so the theme's indexer is given
    only what it indexes itself: headings and the prose that is not a numbered paragraph."""
    build = engine(tmp_path, {"glossary.yml": GLOSSARY}, {"units": ["sections", "glossary"]})
    page = PageInfo("one.md", "one/", "One", 0, True)
    content = build.weave('<h1>One</h1>\n<p>The THAAD stood.</p>\n<h2 id="more">More</h2>\n<ul>\n<li>A list.</li>\n</ul>\n', page)
    assert '<h2 id="more">More</h2>' in content and "<li>A list.</li>" in content
    assert "The THAAD stood." not in content and "A defense." not in content  # the paragraph and the card wait
    written = build.later.restore("one/", build.fill(page, content))
    assert 'class="rdr-cards"' in written and "A defense." in written and "rdr-later" not in written
    assert 'id="p1"' in written and ">THAAD</a> stood.</p>" in written


def test_a_comment_in_the_text_cannot_pass_for_a_slot(tmp_path: Path) -> None:
    """A page may hold any comment; one written like the glossary's slots is not filled with its cards."""
    build = engine(tmp_path, {"glossary.yml": GLOSSARY}, {"units": ["sections", "glossary"]})
    page = PageInfo("one.md", "one/", "One", 0, True)
    forged = "<!--rdr-slot-:glossary/cards--><!--rdr-slot-0000000000000000:glossary/cards-->"
    content = build.weave(f"<h1>One</h1>\n<p>The THAAD stood.</p>\n{forged}\n", page)
    written = build.later.restore("one/", build.fill(page, content))
    assert forged in written
    assert written.count("A defense.") == 2  # the term's card and the list of terms printed after the section
