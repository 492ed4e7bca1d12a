"""The glossary page: only its headings go through the site's Markdown; each entry goes in after its heading."""

from __future__ import annotations

from pathlib import Path

import markdown

from annoreader.core.pages import placeholder
from annoreader.core.site import PageInfo
from tests.engine.engine import engine

TWO_TERMS = """\
categories: [{id: c, name: C}]
terms:
  - {id: bravo, name: Bravo, category: c, variants: [Bravo], definition: The second., explanation: B., sources: [{title: t, url: "https://example.org/b"}]}
  - {id: alpha, name: Alpha, category: c, variants: [Alpha], definition: The first., explanation: A., sources: [{title: t, url: "https://example.org/a"}]}
"""
PAGE = PageInfo("glossary.md", "glossary/", "Glossary")


def test_the_page_markdown_holds_the_headings_and_no_block_per_entry(tmp_path: Path) -> None:
    build = engine(tmp_path, {"glossary.yml": TWO_TERMS})
    files, problems = build.generated()
    assert problems == []
    text = files["glossary.md"].content
    assert "## Alpha {#alpha}" in text and "## Bravo {#bravo}" in text
    assert text.count("<!--") == 1  # the index's place only: thousands of HTML blocks cost Markdown more than the headings
    html = markdown.markdown(text.split("---\n", 2)[2], extensions=["attr_list", "toc"])
    filled = build.fill(PAGE, html)
    alpha, bravo = filled.index('<h2 id="alpha">'), filled.index('<h2 id="bravo">')
    assert alpha < filled.index("The first.") < bravo < filled.index("The second.")


def test_entries_whose_headings_an_extension_took_away_still_end_the_page(tmp_path: Path) -> None:
    build = engine(tmp_path, {"glossary.yml": TWO_TERMS})
    build.generated()
    filled = build.fill(PAGE, f'<h1>Glossary</h1>\n{placeholder("glossary", "index")}\n<h2 id="alpha">Alpha</h2>')
    assert filled.index('<h2 id="alpha">') < filled.index("The first.") < filled.index("The second.")
    assert filled.count('class="rdr-entry"') == 2


def test_a_heading_something_else_adds_does_not_move_the_entries_off_their_terms(tmp_path: Path) -> None:
    build = engine(tmp_path, {"glossary.yml": TWO_TERMS})
    build.generated()
    page = (
        f'<h1>Glossary</h1>\n{placeholder("glossary", "index")}\n<h2 id="added">Added by a plugin</h2>\n'
        '<h2 id="alpha">Alpha</h2>\n<h2 id="bravo">Bravo</h2>\n<h2 id="also-added">Also added</h2>'
    )
    filled = build.fill(PAGE, page)
    added, alpha, bravo, also = (filled.index(f'<h2 id="{i}">') for i in ("added", "alpha", "bravo", "also-added"))
    assert added < alpha < filled.index("The first.") < bravo < filled.index("The second.") < also
