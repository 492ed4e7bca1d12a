"""The CSL processor's remembered lookups in a parsed style format every work exactly as fresh lookups do."""

from __future__ import annotations

from pathlib import Path

import pytest
from citeproc.model import CitationStylesElement, Locale, Parent

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
    assert {key[0] for key in cite._answers} == {"xpath", "term", "calls"}  # every kind of lookup asked
    monkeypatch.setattr(CitationStylesElement, "xpath_search", cite._xpath_search)
    monkeypatch.setattr(Locale, "get_term", cite._get_term)
    monkeypatch.setattr(Parent, "calls_variable", cite._calls_variable)
    assert formatted_everywhere(works) == remembered


def test_a_term_the_locale_lacks_is_still_missing_when_asked_again() -> None:
    locale = cite._style(cite.STYLE).root.locales[-1]
    for _ in range(2):
        with pytest.raises(IndexError):
            locale.get_term("no-such-term")
    assert locale.get_term("and").text == "and"


def test_each_group_of_each_style_is_asked_for_itself_whether_it_calls_a_variable() -> None:
    answers = []
    for _label, style, initials in cite.CITE_STYLES:
        rendering = cite._xpath_search(cite._style(style, initials).root, "cs:macro|cs:citation|cs:bibliography")
        for element in (e for part in rendering for e in part.iter()):
            if getattr(type(element), "calls_variable", None) is Parent.calls_variable:  # elements that do not answer it their own way
                answers.append(element.calls_variable())
                assert answers[-1] == cite._calls_variable(element), element.tag
    assert set(answers) == {True, False}
