"""Anchors annotations to a page by quotation (the W3C TextQuoteSelector: exact, prefix, suffix) and inserts
markup at the anchored places, working on the page's text, never on its markup."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from html import escape

from .htmltext import Open, Token, tokenize, walk
from .model import Quote
from .paragraphs import paragraph_of

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class PageText:
    """A page's text with runs of white space folded to one space, and where each character came from."""

    text: str
    origin: tuple[int, ...]  # for each character of `text`, its offset in the concatenated text nodes

    @classmethod
    def of(cls, fragment: str) -> PageText:
        raw = "".join(token.text for token, prose, _ in _text_tokens(fragment) if prose)
        chars: list[str] = []
        origin: list[int] = []
        for m in re.finditer(r"\s+|\S+", raw):
            if m.group().isspace():
                chars.append(" ")
                origin.append(m.start())
            else:
                chars.extend(m.group())
                origin.extend(range(m.start(), m.end()))
        return cls("".join(chars), tuple(origin))

    def find(self, quote: Quote) -> list[int]:
        """The raw-text offsets just after each place where the quote stands, prefix and suffix included."""
        exact = fold(quote.exact)
        prefix, suffix = fold(quote.prefix or ""), fold(quote.suffix or "")
        ends = []
        at = self.text.find(exact)
        while at >= 0:
            end = at + len(exact)
            if self.text[:at].endswith(prefix) and self.text[end:].startswith(suffix):
                ends.append(self.origin[end - 1] + 1)
            at = self.text.find(exact, at + 1)
        return ends


def fold(text: str) -> str:
    """White space as the page text holds it: any run is one space (prefix and suffix keep their ends)."""
    return _SPACE.sub(" ", text)


def insert_after(fragment: str, markup: Mapping[int, list[str]]) -> tuple[str, dict[int, int | None]]:
    """Inserts each markup string at its raw-text offset (as found by PageText.find); markup is trusted.

    Also returns, for each offset, the number of the prose paragraph it fell in (None outside them)."""
    out: list[str] = []
    paragraphs: dict[int, int | None] = {}
    at = 0
    for token, prose, around in _text_tokens(fragment):
        if not prose:
            out.append(token.markup)
            continue
        end = at + len(token.text)
        cuts = sorted(o for o in markup if at < o <= end and o not in paragraphs)
        last = 0
        for cut in cuts:
            out.append(escape(token.text[last : cut - at], quote=False))
            out.extend(markup[cut])
            paragraphs[cut] = paragraph_of(around)
            last = cut - at
        out.append(escape(token.text[last:], quote=False) if cuts else token.markup)
        at = end
    return "".join(out), paragraphs



# Quotes anchor in the prose: not in headings, code, or what the reader itself added.
_NOT_PROSE = frozenset("h1 h2 h3 h4 h5 h6 code pre kbd samp script style svg button title".split())


def _text_tokens(fragment: str) -> Iterator[tuple[Token, bool, tuple[Open, ...]]]:
    """Each token, whether it is prose text, and the elements around it."""
    for token, around in walk(tokenize(fragment)):
        prose = token.kind == "text" and not any(
            o.tag in _NOT_PROSE or any(c.startswith("bmd-") and c != "bmd-para" for c in (o.attr("class") or "").split())
            for o in around
        )
        yield token, prose, around
