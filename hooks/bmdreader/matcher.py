"""Finds every variant of every term in a text in one pass over its words, longest match first."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

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
    words: str  # made a pattern on first use: most variants never occur on a given page
    term: Term
    variant: Variant


@dataclass
class _Node:
    """A trie of variants by their words (case-folded); a variant sits at the node of its last word."""

    next: dict[str, _Node] = field(default_factory=dict)
    ending: list[_Candidate] = field(default_factory=list)


def first_word(text: str) -> str | None:
    """The word a variant starts with, which is how the matcher finds it; None if it starts otherwise."""
    m = _WORD.match(text)
    return m.group() if m else None


class TermMatcher:
    """Built once per build. `find` walks the text's words once; at each word it follows the trie only as
    far as the next words agree with some variant, then checks those few variants' exact form (case,
    punctuation between the words). The cost grows with the text, hardly with the number of terms."""

    def __init__(self, terms: Sequence[Term]) -> None:
        self._root = _Node()
        for term in terms:
            for variant in term.variants:
                words = " ".join(variant.text.split())
                if first_word(words) is None:
                    raise ValueError(f"variant {variant.text!r} does not start with a letter or digit")
                node = self._root
                for word in _WORD.findall(words):
                    node = node.next.setdefault(word.casefold(), _Node())
                node.ending.append(_Candidate(words, term, variant))
        self._compiled: dict[tuple[str, str], re.Pattern[str]] = {}

    def find(self, text: str) -> Iterator[Match]:
        words = [(m.start(), m.group().casefold()) for m in _WORD.finditer(text)]
        taken = 0  # matches do not overlap: a word inside the last match starts nothing
        for i, (start, word) in enumerate(words):
            if start < taken or word not in self._root.next:
                continue
            best: tuple[int, _Candidate] | None = None
            node = self._root
            for j in range(i, len(words)):
                node = node.next.get(words[j][1])  # type: ignore[assignment]
                if node is None:
                    break
                for candidate in node.ending:  # deeper nodes come later: the longest variant wins
                    m = self._pattern(candidate).match(text, start)
                    if m and (best is None or m.end() > best[0]):
                        best = (m.end(), candidate)
            if best is not None:
                taken = best[0]
                yield Match(start, taken, best[1].term, best[1].variant)

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
