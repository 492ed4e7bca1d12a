"""Notes in a small real site: markers where the quotes end, cards, endnotes with links back."""

from __future__ import annotations

import re
from pathlib import Path

from tests.builds.tinysite import NOTES, WORKS, build


def notes_site(tmp_path: Path, notes: str = NOTES, works: str = WORKS):
    return build(tmp_path, annotations={"notes.yml": notes, "works.yml": works})


def test_markers_stand_right_after_their_quotes(tmp_path: Path) -> None:
    result = notes_site(tmp_path)
    assert result.returncode == 0, result.output
    one = result.page("one/index.html")
    assert re.search(r'</a> is here\.<sup class="rdr-note-ref" id="note-ref-1"><a href="#note-1" data-rdr-note="1" aria-describedby="rdr-note-1" aria-label="Note 1">1</a></sup></p>', one)
    two = result.page("two/index.html")
    assert 'matters.<sup class="rdr-note-ref" id="note-ref-2">' in two


def test_endnotes_link_back_to_marker_and_paragraph(tmp_path: Path) -> None:
    one = notes_site(tmp_path).page("one/index.html")
    endnotes = re.search(r'<section class="rdr-endnotes".*?</section>', one, re.S).group(0)
    assert '<h2 id="rdr-notes-title">Notes</h2>' in endnotes
    assert '<li id="note-1" value="1"><p>See Smith, p. 4, and <a href="https://example.org/thaad">https://example.org/thaad</a>.</p>' in endnotes
    assert '<a href="#note-ref-1" aria-label="Back to note 1 in the text">↩ Back to the text</a>' in endnotes
    assert '<a href="#p1" aria-label="Paragraph 1, where note 1 stands">¶&#8239;1</a>' in endnotes
    assert "note-2" not in endnotes  # each page lists its own notes


def test_note_cards_are_on_the_page(tmp_path: Path) -> None:
    two = notes_site(tmp_path).page("two/index.html")
    assert '<div class="rdr-card" data-rdr-note="2" data-rdr-name="Note 2"><span class="rdr-card__name">Note 2</span><span class="rdr-card__definition" id="rdr-note-2">Commentary only.</span>' in two


def test_a_repeated_quote_is_told_apart_by_its_prefix(tmp_path: Path) -> None:
    notes = NOTES.replace('anchor: {exact: "matters."}', 'anchor: {exact: "THAAD", prefix: "matters. "}')
    result = notes_site(tmp_path, notes=notes)
    assert result.returncode == 0, result.output
    assert re.search(r'matters\. <a class="rdr-term"[^>]*>THAAD</a><sup class="rdr-note-ref" id="note-ref-2">', result.page("two/index.html"))


def test_a_site_without_notes_needs_no_notes_file(tmp_path: Path) -> None:
    result = build(tmp_path)
    assert result.returncode == 0, result.output
    assert "rdr-endnotes" not in result.page("one/index.html")
