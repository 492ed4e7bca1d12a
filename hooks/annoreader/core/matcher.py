"""Finds every variant of every name (a glossary's terms, say) in a text in one pass over its words, longest first."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

T = TypeVar("T")
CaseRule = Literal["exact", "sentence", "ignore"]

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Match(Generic[T]):
    start: int
    end: int
    owner: T


@dataclass(frozen=True)
class _Candidate(Generic[T]):
    words: str  # the variant, its white space folded to single spaces
    rule: CaseRule
    owner: T
    chunks: tuple[str, ...]  # its parts between spaces: in the text, any run of white space may stand between them
    trailing: int  # characters after its last word (the full stop of "U.S.")


@dataclass
class _Node:
    """A trie of variants by their words (case-folded); a variant sits at the node of its last word."""

    next: dict[str, _Node] = field(default_factory=dict)
    ending: list[_Candidate] = field(default_factory=list)  # type: ignore[type-arg]


def first_word(text: str) -> str | None:
    """The word a variant starts with, which is how the matcher finds it; None if it starts otherwise."""
    m = _WORD.match(text)
    return m.group() if m else None


class Matcher(Generic[T]):
    """Built once per build from (owner, variant, case rule) triples. `find` walks the text's words once; at each
    word it follows the trie only as far as the next words agree with some variant, then checks those few
    variants' exact form (case, punctuation between the words). The cost grows with the text, hardly with the
    number of variants."""

    def __init__(self, variants: Iterable[tuple[T, str, CaseRule]]) -> None:
        self._root = _Node()
        for owner, text, rule in variants:
            words = " ".join(text.split())
            if first_word(words) is None:
                raise ValueError(f"variant {text!r} does not start with a letter or digit")
            node = self._root
            found = _WORD.findall(words)
            for word in found:
                node = node.next.setdefault(word.casefold(), _Node())
            trailing = len(words) - (words.rfind(found[-1]) + len(found[-1]))
            node.ending.append(_Candidate(words, rule, owner, tuple(words.split(" ")), trailing))
        self._compiled: dict[tuple[str, str], re.Pattern[str]] = {}

    def find(self, text: str) -> Iterator[Match[T]]:
        words = [(m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(text)]
        taken = 0  # matches do not overlap: a word inside the last match starts nothing
        for i, (start, _, word) in enumerate(words):
            if start < taken or word not in self._root.next:
                continue
            best: tuple[int, _Candidate[T]] | None = None
            node = self._root
            for j in range(i, len(words)):
                node = node.next.get(words[j][2])  # type: ignore[assignment]
                if node is None:
                    break
                for candidate in node.ending:  # deeper nodes come later: the longest variant wins
                    end = self._end(candidate, text, start, words[j][1] + candidate.trailing)
                    if end is not None and (best is None or end > best[0]):
                        best = (end, candidate)
            if best is not None:
                taken = best[0]
                yield Match(start, taken, best[1].owner)

    def _end(self, candidate: _Candidate[T], text: str, start: int, end: int) -> int | None:
        """Where the variant ends if it stands at `start`, its words ending where the text's matching words do.

        The text's words are compared with the variant's directly (white space between them folded), as the
        pattern `_source` writes would match them; the few comparisons that cannot be made so (a case rule on
        letters outside ASCII) use that pattern."""
        if " " in candidate.words[len(candidate.words) - candidate.trailing :]:  # a last part with no word in it
            return self._by_pattern(candidate, text, start)
        found = text[start:end]
        if end > len(text) or found[-1:].isspace() or end < len(text) and (text[end].isalnum() or text[end] == "_"):
            return None
        parts = tuple(found.split())
        chunks = candidate.chunks
        if len(parts) != len(chunks):
            return None
        if parts == chunks:
            return end
        if candidate.rule == "exact" or candidate.rule == "sentence" and (parts[1:] != chunks[1:] or parts[0][1:] != chunks[0][1:]):
            return None
        if found.isascii() and candidate.words.isascii():  # case is only a matter of a-z and A-Z
            if candidate.rule == "sentence":
                return end if parts[0][0].lower() == chunks[0][0].lower() else None
            return end if tuple(found.lower().split()) == tuple(candidate.words.lower().split(" ")) else None
        return self._by_pattern(candidate, text, start)

    def _by_pattern(self, candidate: _Candidate[T], text: str, start: int) -> int | None:
        m = self._pattern(candidate).match(text, start)
        return m.end() if m else None

    def _pattern(self, candidate: _Candidate[T]) -> re.Pattern[str]:
        key = (candidate.words, candidate.rule)
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
