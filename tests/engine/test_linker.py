"""Term marking in a woven page: text nodes only, first-or-all, paragraph attribution, escaping."""

from pathlib import Path

from annoreader.core.site import Mark
from tests.engine.engine import engine, weave

LINK = '<a class="rdr-term" href="../glossary/#thaad" data-rdr-term="thaad" aria-describedby="rdr-def-thaad">THAAD</a>'


def test_first_occurrence_links_later_ones_are_quiet(tmp_path: Path) -> None:
    out = weave(engine(tmp_path), "<p>THAAD and THAAD</p>")
    assert LINK in out
    assert '<span class="rdr-term rdr-term--quiet" data-rdr-term="thaad">THAAD</span>' in out
    assert out.count('<a class="rdr-term"') == 1


def test_all_mode_links_every_occurrence(tmp_path: Path) -> None:
    out = weave(engine(tmp_path, reader={"link_terms": "all"}), "<p>THAAD and THAAD</p>")
    assert out.count('<a class="rdr-term"') == 2
    assert "rdr-term--quiet" not in out


def test_headings_code_and_links_are_left_alone(tmp_path: Path) -> None:
    out = weave(engine(tmp_path), '<h2>THAAD</h2><p><code>THAAD</code> <a href="x">THAAD</a> <kbd>THAAD</kbd></p>')
    assert "<h2>THAAD</h2>" in out
    assert "<code>THAAD</code>" in out
    assert '<a href="x">THAAD</a>' in out
    assert 'data-rdr-term="thaad"' not in out.split("<aside")[0]


def test_occurrences_name_their_paragraph(tmp_path: Path) -> None:
    build = engine(tmp_path)
    weave(build, "<p>one</p>\n<p>a THAAD</p>\n<ul><li>THAAD</li></ul>")
    section = build.index.sections["one/"]
    assert section.marks == (Mark("term", "thaad", 2, "THAAD", True), Mark("term", "thaad", None, "THAAD", False))
    assert [p.number for p in section.paragraphs] == [1, 2]


def test_text_around_marks_stays_escaped(tmp_path: Path) -> None:
    out = weave(engine(tmp_path), "<p>a &lt;b&gt; &amp; THAAD &lt;script&gt;</p>")
    assert "a &lt;b&gt; &amp; <a" in out
    assert "</a> &lt;script&gt;</p>" in out
    assert "A defense &lt;system&gt;." in out  # the card's definition


def test_markup_outside_text_is_kept_byte_for_byte(tmp_path: Path) -> None:
    html = '<h1>T</h1><div class="x" data-a=\'1\'><!-- c --><blockquote>no terms <em>here</em><br></blockquote></div>'
    out = weave(engine(tmp_path), html)
    assert out.startswith("<h1>T</h1>\n<div class=\"rdr-handout\"") and "<div class=\"rdr-facts\"" in out
    assert out.endswith("</div>\n" + html.removeprefix("<h1>T</h1>"))
