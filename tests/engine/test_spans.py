"""Stand-off insertions meet in one place, the same way for every unit: points at one place all stand, blocks before
one paragraph all stand, a marked span never swallows a point, overlapping spans keep the first."""

from __future__ import annotations

from pathlib import Path

from annoreader.core.prose import Prose
from annoreader.core.spans import Frame, Point, Wrap, plan, write
from tests.engine.engine import engine, weave

GLOSSARY = """\
categories: [{id: c, name: C}]
terms:
  - {id: aegis, name: Aegis, category: c, variants: [Aegis], definition: d, explanation: e, sources: [{title: t, url: "https://example.org/"}]}
  - {id: ashore, name: Aegis Ashore, category: c, variants: [Aegis Ashore], definition: d, explanation: e, sources: [{title: t, url: "https://example.org/"}]}
"""
NOTES = """\
notes:
  - {id: "1", anchor: {exact: "defenses grew."}, text: First.}
  - {id: "2", anchor: {exact: "grew."}, text: Second.}
  - {id: "3", anchor: {exact: "The Aegis"}, text: Third.}
"""
FIGURES = """\
figures:
  - {id: "1", before: {exact: "Aegis Ashore"}, caption: One., credit: A, alt: a}
  - {id: "2", before: {exact: "Aegis Ashore stands"}, caption: Two., credit: B, alt: b}
"""
HTML = "<h1>T</h1>\n<p>The defenses grew.</p>\n<p>The Aegis Ashore site.</p>\n<p>Aegis Ashore stands there.</p>\n"


def page(tmp_path: Path) -> str:
    build = engine(tmp_path, {"glossary.yml": GLOSSARY, "notes.yml": NOTES, "figures.yml": FIGURES}, {"units": ["sections", "glossary", "notes", "figures"]})
    return weave(build, HTML).split("<aside class=\"rdr-cards\"")[0]


def test_two_notes_after_the_same_words_both_stand_in_order(tmp_path: Path) -> None:
    html = page(tmp_path)
    assert 'grew.<sup class="rdr-note-ref" id="note-ref-1">' in html
    assert html.index('id="note-ref-1"') < html.index('id="note-ref-2"') < html.index("</p>", html.index('id="note-ref-1"'))


def test_a_term_never_swallows_a_note_marker(tmp_path: Path) -> None:
    html = page(tmp_path)
    # "Aegis Ashore" would cross note 3's marker after "The Aegis": "Aegis" alone is marked, then the marker.
    assert 'The <a class="rdr-term" href="../glossary/#aegis"' in html
    assert 'data-rdr-term="aegis" aria-describedby="rdr-def-aegis">Aegis</a><sup class="rdr-note-ref" id="note-ref-3">' in html
    assert 'Ashore site.' in html


def test_two_figures_before_one_paragraph_both_stand_in_order(tmp_path: Path) -> None:
    html = page(tmp_path)
    one, two, para = html.index('id="figure-1"'), html.index('id="figure-2"'), html.index('<p id="p3"')
    assert one < two < para
    assert html.count("<figure") == 2


def test_the_plan_drops_spans_that_cross_a_point_or_overlap() -> None:
    prose = Prose("<p>one two three</p>")
    frame = Frame(lambda token, n: token.markup, lambda items: "", lambda items: "")
    settled = plan(prose, [Point(7, "|"), Wrap(4, 9, "[", "]"), Wrap(0, 3, "(", ")"), Wrap(1, 7, "{", "}"), Wrap(8, 13, "<", ">")])
    assert write(prose, settled, frame).html == "<p>(one) two| <three></p>"
    assert [(w.start, w.end) for w in settled.dropped] == [(1, 7), (4, 9)]
