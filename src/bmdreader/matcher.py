"""Finds every variant of every term in a text in one regular-expression pass, longest match first."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .model import Term, Variant


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term: Term
    variant: Variant


class TermMatcher:
    """Built once per build from all variants; `find` scans a text once whatever the number of terms."""

    def __init__(self, terms: Sequence[Term]) -> None:
        self._exact: dict[str, tuple[Term, Variant]] = {}
        self._sentence: dict[str, tuple[Term, Variant]] = {}
        self._ignore: dict[str, tuple[Term, Variant]] = {}
        patterns: list[tuple[int, str]] = []
        for term in terms:
            for variant in term.variants:
                words = " ".join(variant.text.split())
                rule = variant.case_rule
                table = {"exact": self._exact, "sentence": self._sentence, "ignore": self._ignore}[rule]
                table[_key(words, rule)] = (term, variant)
                patterns.append((len(words), _pattern(words, rule)))
        # Longest first: at any position the alternation then takes the longest variant that fits.
        patterns.sort(key=lambda p: -p[0])
        body = "|".join(p for _, p in patterns) or r"(?!x)x"
        self._regex = re.compile(rf"(?<!\w)(?:{body})(?!\w)")

    def find(self, text: str) -> Iterator[Match]:
        for m in self._regex.finditer(text):
            found = self._lookup(" ".join(m.group().split()))
            if found is not None:
                yield Match(m.start(), m.end(), *found)

    def _lookup(self, words: str) -> tuple[Term, Variant] | None:
        return (
            self._exact.get(words)
            or self._sentence.get(_key(words, "sentence"))
            or self._ignore.get(_key(words, "ignore"))
        )


def _key(words: str, rule: str) -> str:
    if rule == "exact":
        return words
    if rule == "sentence":
        return words[:1].lower() + words[1:]
    return words.casefold()


def _pattern(words: str, rule: str) -> str:
    escaped = r"\s+".join(re.escape(w) for w in words.split(" "))
    if rule == "exact":
        return escaped
    if rule == "ignore":
        return f"(?i:{escaped})"
    first = words[0]
    if first.lower() == first.upper():
        return escaped
    rest = r"\s+".join(re.escape(w) for w in words[1:].split(" "))
    return f"[{re.escape(first.lower())}{re.escape(first.upper())}]{rest}"
