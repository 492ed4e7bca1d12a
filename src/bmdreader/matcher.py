"""Finds every variant of every term in a text in one pass over its words, longest match first."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .model import Term, Variant

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term: Term
    variant: Variant


@dataclass(frozen=True)
class _Candidate:
    words: str  # made a pattern on first use: most variants' first words never occur on a given page
    term: Term
    variant: Variant


def first_word(text: str) -> str | None:
    """The word a variant starts with, which is how the matcher finds it; None if it starts otherwise."""
    m = _WORD.match(text)
    return m.group() if m else None


class TermMatcher:
    """Built once per build. `find` walks the text's words once and looks each up in a table keyed by the
    first word of every variant, so its cost grows with the text, hardly with the number of terms
    (one big alternation would try every variant at every position)."""

    def __init__(self, terms: Sequence[Term]) -> None:
        table: dict[str, list[_Candidate]] = {}
        for term in terms:
            for variant in term.variants:
                words = " ".join(variant.text.split())
                first = first_word(words)
                if first is None:
                    raise ValueError(f"variant {variant.text!r} does not start with a letter or digit")
                table.setdefault(first.casefold(), []).append(_Candidate(words, term, variant))
        for candidates in table.values():
            candidates.sort(key=lambda c: -len(c.words))  # longest first: "Aegis Ashore" before "Aegis"
        self._table = table
        self._compiled: dict[tuple[str, str], re.Pattern[str]] = {}

    def find(self, text: str) -> Iterator[Match]:
        taken = 0  # matches do not overlap: a word inside the last match starts nothing
        for word in _WORD.finditer(text):
            start = word.start()
            if start < taken:
                continue
            for candidate in self._table.get(word.group().casefold(), ()):
                m = self._pattern(candidate).match(text, start)
                if m:
                    taken = m.end()
                    yield Match(start, taken, candidate.term, candidate.variant)
                    break

    def _pattern(self, candidate: _Candidate) -> re.Pattern[str]:
        key = (candidate.words, candidate.variant.case_rule)
        pattern = self._compiled.get(key)
        if pattern is None:
            pattern = self._compiled[key] = re.compile(_source(*key) + r"(?!\w)")
        return pattern


def _source(words: str, rule: str) -> str:
    escaped = r"\s+".join(re.escape(w) for w in words.split(" "))
    if rule == "exact":
        return escaped
    if rule == "ignore":
        return f"(?i:{escaped})"
    first = words[0]
    if first.lower() == first.upper():
        return escaped
    return f"[{re.escape(first.lower())}{re.escape(first.upper())}]" + escaped[len(re.escape(first)) :]
