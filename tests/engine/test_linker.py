"""Term linking in page HTML: text nodes only, first-or-all, paragraph attribution, escaping."""

from bmdreader.linker import LinkMode, link_terms
from bmdreader.matcher import TermMatcher
from bmdreader.model import Term, Variant
from bmdreader.paragraphs import number_paragraphs

THAAD = Term(
    id="thaad", name="THAAD", category="c", variants=(Variant("THAAD"),), definition="d", explanation="e", sources=()
)
MATCHER = TermMatcher([THAAD])


def link(html: str, mode: LinkMode = LinkMode.FIRST) -> str:
    numbered, _ = number_paragraphs(html)
    return link_terms(numbered, MATCHER, mode, "../glossary/").html


def test_first_occurrence_links_later_ones_are_quiet() -> None:
    out = link("<p>THAAD and THAAD</p>")
    assert '<a class="bmd-term" href="../glossary/#thaad" data-bmd-term="thaad" aria-describedby="bmd-def-thaad">THAAD</a>' in out
    assert '<span class="bmd-term bmd-term--quiet" data-bmd-term="thaad">THAAD</span>' in out
    assert out.count("<a class=\"bmd-term\"") == 1


def test_all_mode_links_every_occurrence() -> None:
    out = link("<p>THAAD and THAAD</p>", LinkMode.ALL)
    assert out.count('<a class="bmd-term"') == 2
    assert "bmd-term--quiet" not in out


def test_headings_code_and_links_are_left_alone() -> None:
    html = '<h2>THAAD</h2><p><code>THAAD</code> <a href="x">THAAD</a> <pre>THAAD</pre></p>'
    out = link(html)
    assert "<h2>THAAD</h2>" in out
    assert "<code>THAAD</code>" in out
    assert '<a href="x">THAAD</a>' in out
    assert "bmd-term" not in out


def test_occurrences_name_their_paragraph() -> None:
    numbered, paragraphs = number_paragraphs("<p>one</p>\n<p>a THAAD</p>\n<ul><li>THAAD</li></ul>")
    page = link_terms(numbered, MATCHER, LinkMode.FIRST, "../glossary/")
    assert [(o.paragraph, o.linked) for o in page.occurrences] == [(2, True), (None, False)]
    assert [p.number for p in paragraphs] == [1, 2]
    assert page.terms == (THAAD,)


def test_text_around_matches_stays_escaped() -> None:
    out = link("<p>a &lt;b&gt; &amp; THAAD &lt;script&gt;</p>")
    assert "a &lt;b&gt; &amp; <a" in out
    assert "</a> &lt;script&gt;</p>" in out


def test_markup_outside_text_is_kept_byte_for_byte() -> None:
    html = '<div class="x" data-a=\'1\'><!-- c --><p>no terms <em>here</em><br></p></div>'
    assert link_terms(html, MATCHER, LinkMode.FIRST, "g/").html == html
