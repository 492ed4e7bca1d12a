"""One reading of a rendered page: its tokens, its numbered paragraphs, and its prose text with offsets."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from .htmltext import Open, Token, tokenize, walk

PREFIX = "rdr-"  # the prefix of every class and id the reader adds
PARAGRAPH_CLASS = PREFIX + "para"
PASSAGE_CLASS = PREFIX + "passage"
# Elements the reader adds hold no prose, except those that carry the text's own paragraphs.
_CARRIES_PROSE = frozenset({PARAGRAPH_CLASS, PASSAGE_CLASS})
# Quotes anchor in the prose: not in headings, code, or controls.
NOT_PROSE = frozenset("h1 h2 h3 h4 h5 h6 code pre kbd samp script style svg button title template textarea select".split())
# Terms are marked in prose that is not already a link or a label.
NOT_MARKABLE = NOT_PROSE | frozenset({"a", "abbr", "label", "option"})
# Runs of white space that folding shortens, and all it changes: those, and single white space that is not a space.
# Single spaces, most of a text's white space, are left where they are rather than each replaced by itself.
_LONG_SPACES = re.compile(r"\s\s+")
_UNFOLDED = re.compile(_LONG_SPACES.pattern + r"|[^\S ]")
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Run:
    """A text node of the prose: where it stands among the tokens and in the page's text."""

    token: int
    start: int
    end: int
    paragraph: int | None  # the numbered paragraph it is in
    markable: bool


@dataclass(frozen=True)
class Paragraph:
    number: int
    text: str  # every word inside it, white space folded

    @cached_property  # counted for every table of sections, on every page that shows one
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Segment:
    """A stretch of markable prose with no insertion inside it: where term-like marks may go."""

    start: int
    text: str
    paragraph: int | None


def added_by_reader(element: Open) -> bool:
    classes = (element.attr("class") or "").split()
    return any(c.startswith(PREFIX) and c not in _CARRIES_PROSE for c in classes)


class Prose:
    """A rendered page read once. `number` numbers its top-level paragraphs (a section page); passages shown
    elsewhere keep the numbers they already carry."""

    def __init__(self, fragment: str, number: bool = True) -> None:
        tokens = tokenize(fragment)
        self.tokens: tuple[Token, ...] = tuple(tokens)
        self.opens: dict[int, int] = {}  # token index of a numbered <p> -> its number
        self.closes: dict[int, int] = {}  # token index of its </p> -> its number
        self.title_end: int | None = None  # token index of the first </h1>
        runs: list[Run] = []
        parts: list[str] = []
        words: dict[int, list[str]] = {}
        at = 0
        current: int | None = None
        for i, (token, around) in enumerate(walk(tokens)):
            top = not around
            if number and token.kind == "start" and token.tag == "p" and top:
                current = len(self.opens) + 1
                self.opens[i] = current
                words[current] = []
            elif token.kind == "end" and token.tag == "p" and top and current is not None:
                self.closes[i] = current
                current = None
            elif token.kind == "end" and token.tag == "h1" and self.title_end is None:
                self.title_end = i
            elif token.kind == "text":
                if current is not None:
                    words[current].append(token.text)
                around = _within_text(around)
                if not any(o.tag in NOT_PROSE or added_by_reader(o) for o in around):
                    markable = not any(o.tag in NOT_MARKABLE or o.has("data-rdr-skip") for o in around)
                    runs.append(Run(i, at, at + len(token.text), current, markable))
                    parts.append(token.text)
                    at += len(token.text)
        self.runs: tuple[Run, ...] = tuple(runs)
        self.text = "".join(parts)
        self.paragraphs = tuple(Paragraph(n, " ".join("".join(w).split())) for n, w in words.items())
        self._run_ends = [r.end for r in runs]

    @cached_property
    def folded(self) -> tuple[str, Origin]:
        """The text with runs of white space folded to one space, and where each character came from."""
        return _UNFOLDED.sub(" ", self.text), Origin(self.text)

    def run_at(self, offset: int) -> Run | None:
        """The run holding the character at `offset`."""
        i = bisect.bisect_right(self._run_ends, offset)
        return self.runs[i] if i < len(self.runs) and self.runs[i].start <= offset else None

    def paragraph_at(self, offset: int) -> int | None:
        run = self.run_at(offset)
        return run.paragraph if run else None

    def segments(self, cuts: Sequence[int]) -> Iterator[Segment]:
        """The markable runs, split wherever something is inserted between their characters."""
        ordered = sorted(set(cuts))
        for run in self.runs:
            if not run.markable:
                continue
            start = run.start
            i = bisect.bisect_right(ordered, start)
            while i < len(ordered) and ordered[i] < run.end:
                yield Segment(start, self.text[start : ordered[i]], run.paragraph)
                start = ordered[i]
                i += 1
            yield Segment(start, self.text[start : run.end], run.paragraph)



class Origin:
    """Where each character of the folded text came from in the text: found by the runs of white space folded
    before it (a list of every character's place would hold millions of numbers for a book)."""

    def __init__(self, text: str) -> None:
        self._after: list[int] = [0]  # where, in the folded text, each run that lost characters ends
        self._lost: list[int] = [0]  # how many characters the runs up to there lost
        for m in _LONG_SPACES.finditer(text):
            self._after.append(m.start() - self._lost[-1] + 1)
            self._lost.append(self._lost[-1] + len(m.group()) - 1)

    def __getitem__(self, index: int) -> int:
        return index + self._lost[bisect.bisect_right(self._after, index) - 1]


def _within_text(around: tuple[Open, ...]) -> tuple[Open, ...]:
    """The elements around a text node, from the nearest that holds an annotation's own text (a caption, marked
    `data-rdr-text`), which is read like prose though the reader added the block around it."""
    for i in range(len(around) - 1, -1, -1):
        if around[i].has("data-rdr-text"):
            return around[i + 1 :]
    return around


def fold(text: str) -> str:
    """White space as the folded text holds it: any run is one space (a prefix and suffix keep their ends)."""
    return _UNFOLDED.sub(" ", text)
