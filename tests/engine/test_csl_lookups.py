"""The CSL processor's remembered style lookups (its XPath queries, its terms) format every work exactly as fresh lookups do."""

from __future__ import annotations

from pathlib import Path

import pytest
from citeproc.model import CitationStylesElement, Locale

from annoreader.csl import cite
from annoreader.csl.model import Work
from tests.engine.engine import load_works

ROOT = Path(__file__).resolve().parents[2]
WORKS = (ROOT / "annotations" / "works.yml", ROOT / "annotations" / "essay.yml", ROOT / "tests" / "sites" / "second" / "annotations" / "works.yml")


def every_work() -> list[Work]:
    return [w for path in WORKS for w in load_works(path)]


def formatted_everywhere(works: list[Work]) -> list[object]:
    """Every work in every style, with and without a locator, then all of them as one sorted bibliography."""
    found: list[object] = []
    for _label, style, initials in cite.CITE_STYLES:
        for work in works:
            found.append(cite.cite_html(work, style, work.URL or "https://example.org/", None, initials))
            found.append(cite.citation_html(work, style, work.URL or "https://example.org/", "7", initials))
    found.append(cite.formatted(works))
    return found


def test_remembered_lookups_format_as_fresh_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    works = every_work()
    assert len({w.type for w in works}) >= 3
    # Styles run in turn share the remembered answers: a lookup kept for one style and given to another would show.
    remembered = formatted_everywhere(works)
    assert len({len(key) for key in cite._answers}) == 2  # XPath queries and terms both asked
    monkeypatch.setattr(CitationStylesElement, "xpath_search", cite._xpath_search)
    monkeypatch.setattr(Locale, "get_term", cite._get_term)
    assert formatted_everywhere(works) == remembered


def test_a_term_the_locale_lacks_is_still_missing_when_asked_again() -> None:
    locale = cite._style(cite.STYLE).root.locales[-1]
    for _ in range(2):
        with pytest.raises(IndexError):
            locale.get_term("no-such-term")
    assert locale.get_term("and").text == "and"
