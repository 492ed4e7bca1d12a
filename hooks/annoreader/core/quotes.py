"""Anchoring by quotation (the W3C TextQuoteSelector: exact, prefix, suffix): one index of every quote of every
unit, looked up in one walk over each page's words, and the one place that says what is wrong with a quote."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .kinds import Verbatim, doc, position
from .prose import WORD, Prose, fold


@dataclass(frozen=True)
class Quote:
    """Where an annotation attaches: the words it follows, as in a W3C TextQuoteSelector."""

    exact: Verbatim = field(metadata=doc("the words, exactly as in the text; the marker goes right after them"))
    prefix: Verbatim | None = field(default=None, metadata=doc("words just before (spaces count), when the exact words occur more than once"))
    suffix: Verbatim | None = field(default=None, metadata=doc("words just after (spaces count), when the exact words occur more than once"))
    line: int = position()


@dataclass(frozen=True)
class QuoteUse:
    """A quote as one unit uses it: `kind` and `key` name it in the site's index, `label` in messages."""

    kind: str
    key: str
    quote: Quote
    file: str
    label: str  # such as: note "3"
    opens_paragraph: bool = False  # the quote must be a paragraph's first words


@dataclass(frozen=True)
class Hit:
    """A place where a quote stands, in offsets of the page's prose text."""

    use: QuoteUse
    start: int
    end: int
    paragraph: int | None


@dataclass(frozen=True)
class _Entry:
    use: QuoteUse
    exact: str
    prefix: str
    suffix: str
    lead: int  # where the first word starts in `exact`


class QuoteIndex:
    """Every quote, filed under its first two words (or its one word). A page is looked up in one walk over its
    words: only where two words begin some quote are quotes compared, so the cost grows with the text and the hits,
    not quotes x pages; two words, since a book's quotes often begin with the same common word ("the").

    A quote's first word is a whole word of the text wherever the quote is valid (quotes begin and end where
    words do), so a quote found only inside words is not found here: `explain` tells the author why."""

    def __init__(self, uses: Iterable[QuoteUse]) -> None:
        self._by_pair: dict[tuple[str, str], list[_Entry]] = {}
        self._by_word: dict[str, list[_Entry]] = {}
        self._wordless: list[_Entry] = []
        self.uses: tuple[QuoteUse, ...] = tuple(uses)
        for use in self.uses:
            exact = fold(use.quote.exact)
            words = WORD.finditer(exact)
            first, second = next(words, None), next(words, None)
            entry = _Entry(use, exact, fold(use.quote.prefix or ""), fold(use.quote.suffix or ""), first.start() if first else 0)
            if first and second:
                self._by_pair.setdefault((first.group(), second.group()), []).append(entry)
            elif first:
                self._by_word.setdefault(first.group(), []).append(entry)
            else:
                self._wordless.append(entry)

    def __bool__(self) -> bool:
        return bool(self.uses)

    def find(self, prose: Prose) -> dict[tuple[str, str], list[Hit]]:
        """The valid places of every quote on the page, by (kind, key)."""
        found: dict[tuple[str, str], list[Hit]] = {}
        if not self.uses:
            return found
        text, origin = prose.folded
        previous = None
        for m in WORD.finditer(text):
            word = m.group()
            if previous is not None:
                for entry in self._by_pair.get((previous.group(), word), ()):
                    self._try(entry, text, origin, previous.start() - entry.lead, prose, found)
            for entry in self._by_word.get(word, ()):
                self._try(entry, text, origin, m.start() - entry.lead, prose, found)
            previous = m
        for entry in self._wordless:
            at = text.find(entry.exact)
            while at >= 0:
                self._try(entry, text, origin, at, prose, found)
                at = text.find(entry.exact, at + 1)
        return found

    @staticmethod
    def _try(entry: _Entry, text: str, origin: Sequence[int], start: int, prose: Prose, found: dict[tuple[str, str], list[Hit]]) -> None:
        end = start + len(entry.exact)
        if start < 0 or not text.startswith(entry.exact, start):
            return
        if entry.prefix and not text.endswith(entry.prefix, 0, start) or entry.suffix and not text.startswith(entry.suffix, end):
            return
        if _inside_word(text, start, end) or not entry.exact:
            return
        first, last = origin[start], origin[end - 1] + 1
        paragraph = prose.paragraph_at(first)
        if paragraph != prose.paragraph_at(last - 1):
            return
        if entry.use.opens_paragraph and (paragraph is None or not _opens(prose, paragraph, first)):
            return
        found.setdefault((entry.use.kind, entry.use.key), []).append(Hit(entry.use, first, last, paragraph))


def _inside_word(text: str, start: int, end: int) -> bool:
    return bool(start > 0 and _word_char(text[start - 1]) and _word_char(text[start])) or bool(
        end < len(text) and _word_char(text[end - 1]) and _word_char(text[end])
    )


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _opens(prose: Prose, paragraph: int, offset: int) -> bool:
    """Whether only white space stands between the paragraph's start and `offset`."""
    first = next(r for r in prose.runs if r.paragraph == paragraph)
    return not prose.text[first.start : offset].strip()


@dataclass(frozen=True)
class Place:
    """Where a page's prose holds a quote, as a message names it."""

    title: str
    paragraph: int | None

    def __str__(self) -> str:
        return f"{self.title} ¶ {self.paragraph}" if self.paragraph else self.title


def explain(use: QuoteUse, hits: Sequence[tuple[Place, Hit]], pages: Mapping[str, Prose]) -> str | None:
    """What is wrong with a quote, once every page is read: None when it stands exactly once, as it should."""
    where = f'{use.label}: the quote "{use.quote.exact}"'
    if len(hits) > 1:
        places = ", ".join(str(place) for place, _ in hits)
        return f"{where} occurs {len(hits)} times ({places}); add a prefix or suffix that only one of them has"
    if hits:
        return None
    for title, prose in pages.items():
        why = _why_not(use, prose)
        if why:
            return f"{where} {why} ({title}); {_ADVICE.get(why, _CONTEXT_ADVICE)}"
    return f"{where} is not in the text; copy it exactly from the page, with its punctuation"


_ADVICE = {
    "begins or ends inside a word": "quote whole words",
    "runs across two paragraphs": "quote words of one paragraph",
    "is not at the start of a paragraph": "quote the opening words of the paragraph it stands before",
}
_CONTEXT_ADVICE = "copy them exactly from the page, spaces included"


def _why_not(use: QuoteUse, prose: Prose) -> str | None:
    """Why a quote that no index lookup found is still in this page's text, if it is."""
    text, origin = prose.folded
    exact = fold(use.quote.exact)
    prefix, suffix = fold(use.quote.prefix or ""), fold(use.quote.suffix or "")
    at = text.find(exact) if exact else -1
    reasons = []
    context = False  # the words stand here, but not between the prefix and suffix given
    while at >= 0:
        end = at + len(exact)
        if text.endswith(prefix, 0, at) and text.startswith(suffix, end):
            if _inside_word(text, at, end):
                reasons.append("begins or ends inside a word")
            elif prose.paragraph_at(origin[at]) != prose.paragraph_at(origin[end - 1]):
                reasons.append("runs across two paragraphs")
            elif use.opens_paragraph:
                reasons.append("is not at the start of a paragraph")
        elif not _inside_word(text, at, end):
            context = True
        at = text.find(exact, at + 1)
    if reasons or not context:
        return reasons[0] if reasons else None
    given = [f'after the prefix "{use.quote.prefix}"'] if use.quote.prefix else []
    given += [f'before the suffix "{use.quote.suffix}"'] if use.quote.suffix else []
    return "is in the text, but never " + " and ".join(given)
