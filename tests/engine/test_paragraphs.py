"""Paragraph numbering: top-level <p> only, ids that depend on the prose alone, copies for other pages."""

from pathlib import Path

from annoreader.core.prose import Prose
from tests.engine.engine import engine, weave

SECTIONS_ONLY = {"units": ["sections"]}


def test_numbers_top_level_paragraphs_in_order(tmp_path: Path) -> None:
    html = weave(engine(tmp_path, {}, SECTIONS_ONLY), "<h1>T</h1>\n<p>One two.</p>\n<blockquote><p>quoted</p></blockquote>\n<p>Three <em>four</em>.</p>")
    assert '<p id="p1" class="rdr-para"><a class="rdr-pnum" href="#p1" aria-label="¶\u202f1, paragraph 1" data-search-exclude>¶&#8239;1</a> One two.</p>' in html
    assert "<blockquote><p>quoted</p></blockquote>" in html
    assert '<p id="p2" class="rdr-para">' in html
    paragraphs = Prose("<h1>T</h1>\n<p>One two.</p>\n<blockquote><p>quoted</p></blockquote>\n<p>Three <em>four</em>.</p>").paragraphs
    assert [(p.number, p.text, p.words) for p in paragraphs] == [(1, "One two.", 2), (2, "Three four.", 2)]


def test_existing_attributes_are_kept(tmp_path: Path) -> None:
    html = weave(engine(tmp_path, {}, SECTIONS_ONLY), '<p class="lead" title="x">a</p>')
    assert '<p id="p1" class="lead rdr-para" title="x">' in html


def test_ids_do_not_depend_on_inline_markup(tmp_path: Path) -> None:
    plain = weave(engine(tmp_path / "a", {}, SECTIONS_ONLY), "<p>a</p><p>b</p><p>c</p>")
    marked = weave(engine(tmp_path / "b", {}, SECTIONS_ONLY), '<p>a <a href="#">x</a> <em>y</em></p><p>b</p><p>c</p>')
    assert [plain.count(f'id="p{i}"') for i in (1, 2, 3)] == [1, 1, 1]
    assert [marked.count(f'id="p{i}"') for i in (1, 2, 3)] == [1, 1, 1]


def test_copies_are_the_paragraphs_without_their_numbers_or_marks(tmp_path: Path) -> None:
    build = engine(tmp_path)
    weave(build, "<h1>T</h1><p>One <em>THAAD</em>.</p><blockquote><p>q</p></blockquote><p>Three.</p>")
    assert build.index.sections["one/"].copies == {1: "One <em>THAAD</em>.", 2: "Three."}


def test_pages_with_numbered_paragraphs_take_the_reading_layout_from_the_start() -> None:
    from annoreader.core.build import reading_layout

    page = '<body><main class="md-main" data-md-component="main"><nav></nav><article>{}</article></main></body>'
    text = page.format('<p id="p1" class="rdr-para">One.</p>')
    assert reading_layout(text).startswith('<body><main class="md-main rdr-reading" data-md-component="main">')
    passage = page.format('<p class="rdr-para rdr-assigned" id="one-p4">Four.</p>')
    assert '<main class="md-main rdr-reading"' in reading_layout(passage)
    for other in ('<p class="rdr-paragraphs">No.</p>', "<p>rdr-para in words</p>"):
        assert reading_layout(page.format(other)) == page.format(other)
