"""Links term occurrences in a page's text nodes, never in headings, code or existing links."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from html import escape

from .htmltext import Open, rewrite_text
from .matcher import TermMatcher
from .model import Term
from .paragraphs import paragraph_of
from .render import term_link, term_mention
from .site import Occurrence

# Elements the reader adds are skipped, except those that hold the essay's prose.
PROSE = frozenset({"bmd-para", "bmd-passage"})
SKIP = frozenset("a abbr button code h1 h2 h3 h4 h5 h6 kbd label pre samp script style svg textarea title".split())


class LinkMode(Enum):
    FIRST = "first"  # the first occurrence of a term in each section links; later ones get the card only
    ALL = "all"


@dataclass(frozen=True)
class LinkedPage:
    html: str
    occurrences: tuple[Occurrence, ...]
    terms: tuple[Term, ...]  # the terms that occur, in order of first occurrence


def link_terms(fragment: str, matcher: TermMatcher, mode: LinkMode, glossary_href: str) -> LinkedPage:
    occurrences: list[Occurrence] = []
    seen: dict[str, Term] = {}

    def replace(text: str, around: tuple[Open, ...]) -> str | None:
        if any(_skipped(o) for o in around):
            return None
        out: list[str] = []
        at = 0
        for match in matcher.find(text):
            words = text[match.start : match.end]
            first = match.term.id not in seen
            seen.setdefault(match.term.id, match.term)
            linked = first or mode is LinkMode.ALL
            href = f"{glossary_href}#{match.term.id}"
            out.append(escape(text[at : match.start], quote=False))
            out.append(term_link(match.term, words, href) if linked else term_mention(match.term, words))
            occurrences.append(Occurrence(match.term.id, paragraph_of(around), words, linked))
            at = match.end
        if not out:
            return None
        out.append(escape(text[at:], quote=False))
        return "".join(out)

    html = rewrite_text(fragment, replace)
    return LinkedPage(html, tuple(occurrences), tuple(seen.values()))


def _skipped(element: Open) -> bool:
    if element.tag in SKIP:
        return True
    classes = (element.attr("class") or "").split()
    return any(c.startswith("bmd-") and c not in PROSE for c in classes) or element.attr("data-bmd-skip") is not None

