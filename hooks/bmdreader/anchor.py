"""Anchors annotations to a page by quotation (the W3C TextQuoteSelector: exact, prefix, suffix) and inserts
markup at the anchored places, working on the page's text, never on its markup."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from .htmltext import tokenize, walk
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
        raw = "".join(t.text for t in tokenize(fragment) if t.kind == "text")
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


def insert_after(fragment: str, markup: Mapping[int, Sequence[str]]) -> tuple[str, dict[int, int | None]]:
    """Inserts each markup string at its raw-text offset (as found by PageText.find); markup is trusted.

    Also returns, for each offset, the number of the prose paragraph it fell in (None outside them)."""
    out: list[str] = []
    paragraphs: dict[int, int | None] = {}
    at = 0
    for token, around in walk(tokenize(fragment)):
        if token.kind != "text":
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

