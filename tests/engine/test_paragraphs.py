"""Paragraph numbering: top-level <p> only, ids that depend on the prose alone."""

from bmdreader.paragraphs import contents, number_paragraphs


def test_numbers_top_level_paragraphs_in_order() -> None:
    html, paragraphs = number_paragraphs("<h1>T</h1>\n<p>One two.</p>\n<blockquote><p>quoted</p></blockquote>\n<p>Three <em>four</em>.</p>")
    assert '<p id="p1" class="bmd-para"><a class="bmd-pnum" href="#p1" aria-label="Paragraph 1" data-search-exclude>¶&#8239;1</a> One two.</p>' in html
    assert "<blockquote><p>quoted</p></blockquote>" in html
    assert '<p id="p2" class="bmd-para">' in html
    assert [(p.number, p.text, p.words) for p in paragraphs] == [(1, "One two.", 2), (2, "Three four.", 2)]


def test_existing_attributes_are_kept() -> None:
    html, _ = number_paragraphs('<p class="lead" title="x">a</p>')
    assert html.startswith('<p id="p1" class="lead bmd-para" title="x">')


def test_ids_do_not_depend_on_inline_markup() -> None:
    plain, _ = number_paragraphs("<p>a</p><p>b</p><p>c</p>")
    marked, _ = number_paragraphs('<p>a <a class="bmd-term" href="#">x</a></p><p>b</p><p>c</p>')
    assert [plain.count(f'id="p{i}"') for i in (1, 2, 3)] == [1, 1, 1]
    assert [marked.count(f'id="p{i}"') for i in (1, 2, 3)] == [1, 1, 1]


def test_contents_are_the_paragraphs_without_their_numbers() -> None:
    html, _ = number_paragraphs('<h1>T</h1><p>One <em>two</em>.</p><blockquote><p>q</p></blockquote><p>Three.</p>')
    assert contents(html) == {1: "One <em>two</em>.", 2: "Three."}
