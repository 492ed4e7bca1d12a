"""Stand-off insertions into a page, the one place where they are put in order, and the writer that applies them
in one walk over the page's tokens."""

from __future__ import annotations

import bisect
import dataclasses
import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from .htmltext import Token
from .prose import Prose

# Within each kind of insertion, lower ranks come first: a unit's registration order, then its own order.
Rank = tuple[int, int]


@dataclass(frozen=True)
class Point:
    """Markup right after the prose character before `at` (a note's marker after its quote)."""

    at: int
    markup: str
    rank: Rank = (0, 0)


@dataclass(frozen=True)
class Wrap:
    """Markup around the prose from `start` to `end`, which lies in one text node (a term's link)."""

    start: int
    end: int
    before: str
    after: str
    rank: Rank = (0, 0)


@dataclass(frozen=True)
class Before:
    """A block before a numbered paragraph (a figure). `holds_text` names it as (unit, key) when it holds text of
    its own (a caption) in which words may be marked like the prose's."""

    paragraph: int
    markup: str
    rank: Rank = (0, 0)
    holds_text: tuple[str, str] | None = None


@dataclass(frozen=True)
class Prepend:
    """Markup at the start of a numbered paragraph, after its number (a control for the paragraph)."""

    paragraph: int
    markup: str
    rank: Rank = (0, 0)


@dataclass(frozen=True)
class Append:
    """Markup at the end of a numbered paragraph (a question's marker)."""

    paragraph: int
    markup: str
    rank: Rank = (0, 0)


@dataclass(frozen=True)
class Block:
    """A block of the page: right after its title, among the facts under it, or at its end."""

    place: Literal["title", "facts", "end"]
    markup: str
    rank: Rank = (0, 0)


@dataclass(frozen=True)
class Card:
    """Hidden content the script shows beside the text (a definition, a note)."""

    markup: str
    rank: Rank = (0, 0)


Insertion = Point | Wrap | Before | Prepend | Append | Block | Card


@dataclass(frozen=True)
class Plan:
    """The insertions of one page, sorted and with conflicts settled."""

    points: dict[int, list[str]] = field(default_factory=dict)
    wraps: dict[int, list[Wrap]] = field(default_factory=dict)  # by the token they fall in
    before: dict[int, list[str]] = field(default_factory=dict)
    prepend: dict[int, list[str]] = field(default_factory=dict)
    append: dict[int, list[str]] = field(default_factory=dict)
    title: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    end: list[str] = field(default_factory=list)
    cards: list[str] = field(default_factory=list)
    dropped: tuple[Wrap, ...] = ()


def plan(prose: Prose, insertions: Iterable[Insertion]) -> Plan:
    """Settles how insertions meet, the same way for every unit:

    - points at one place all stand, in rank order (two notes after the same words);
    - blocks before one paragraph all stand, in rank order (two figures before it);
    - a wrap never crosses a point: a unit that marks spans is given the text split at the points already
      placed, so a term cannot swallow a note's marker; a wrap that does is dropped, as is one that overlaps
      an earlier wrap (the earlier start wins, then the longer span, then the lower rank).
    """
    items = sorted(insertions, key=lambda i: i.rank)
    result = Plan()
    point_at = sorted({i.at for i in items if isinstance(i, Point)})
    dropped: list[Wrap] = []
    for item in items:
        if isinstance(item, Point):
            result.points.setdefault(item.at, []).append(item.markup)
        elif isinstance(item, Before):
            result.before.setdefault(item.paragraph, []).append(item.markup)
        elif isinstance(item, Prepend):
            result.prepend.setdefault(item.paragraph, []).append(item.markup)
        elif isinstance(item, Append):
            result.append.setdefault(item.paragraph, []).append(item.markup)
        elif isinstance(item, Block):
            getattr(result, item.place).append(item.markup)
        elif isinstance(item, Card):
            result.cards.append(item.markup)
    last_end = -1
    for wrap in sorted((i for i in items if isinstance(i, Wrap)), key=lambda w: (w.start, -(w.end - w.start), w.rank)):
        run = prose.run_at(wrap.start)
        if wrap.start < last_end or run is None or wrap.end > run.end or _crosses(point_at, wrap):
            dropped.append(wrap)
            continue
        last_end = wrap.end
        result.wraps.setdefault(run.token, []).append(wrap)
    return dataclasses.replace(result, dropped=tuple(dropped))


def _crosses(points: Sequence[int], wrap: Wrap) -> bool:
    i = bisect.bisect_right(points, wrap.start)
    return i < len(points) and points[i] < wrap.end


@dataclass(frozen=True)
class Written:
    html: str
    copies: dict[int, str]  # each numbered paragraph's inner markup with its points, to show it elsewhere


@dataclass(frozen=True)
class Frame:
    """The markup the page's own structure needs, from the templates."""

    paragraph: Callable[[Token, int], str]  # a numbered paragraph's opening tag and number
    facts: Callable[[Sequence[str]], str]
    cards: Callable[[Sequence[str]], str]
    later: Callable[[str], str] = lambda markup: markup  # a block, or what stands for it until the page is written
    # A numbered paragraph, or what stands for it until the page is written: the search has each paragraph from the
    # engine (searchindex), so the theme's indexer need not parse them.
    paragraph_later: Callable[[str], str] = lambda markup: markup


def write(prose: Prose, settled: Plan, frame: Frame) -> Written:
    """The page with every insertion in place, in one walk over its tokens."""
    out: list[str] = []
    copies: dict[int, str] = {}
    copy: list[str] | None = None
    runs = {run.token: run for run in prose.runs}
    after_title = "".join(map(frame.later, settled.title)) + (frame.later(frame.facts(settled.facts)) if settled.facts else "")
    if after_title and prose.title_end is None:
        out.append(after_title)
    page = out
    for i, token in enumerate(prose.tokens):
        number = prose.opens.get(i)
        if number is not None:
            out.extend(map(frame.later, settled.before.get(number, ())))
            out = []  # the paragraph, written apart until it closes
            out.append(frame.paragraph(token, number))
            out.extend(settled.prepend.get(number, ()))
            copy = []
            continue
        number = prose.closes.get(i)
        if number is not None:
            out.extend(settled.append.get(number, ()))
            out.append(token.markup)
            page.append(frame.paragraph_later("".join(out)))
            out = page
            copies[number] = "".join(copy or ()).strip()
            copy = None
            continue
        run = runs.get(i)
        if run is None:
            out.append(token.markup)
            if copy is not None:
                copy.append(token.markup)
        else:
            out.append(_pieces(prose.text, run.start, run.end, settled, settled.wraps.get(i, ())))
            if copy is not None:
                copy.append(_pieces(prose.text, run.start, run.end, settled, ()))
        if i == prose.title_end and after_title:
            out.append("\n" + after_title)
    if out is not page:  # a paragraph the HTML never closes: written as it stands
        page.append("".join(out))
        out = page
    out.extend(map(frame.later, settled.end))
    if settled.cards:
        out.append(frame.later(frame.cards(settled.cards)))
    return Written("".join(out), copies)


def _pieces(text: str, start: int, end: int, settled: Plan, wraps: Sequence[Wrap]) -> str:
    """A text node with its points, and with the wraps given."""
    cuts = sorted({p for p in settled.points if start < p <= end} | {w.start for w in wraps} | {w.end for w in wraps})
    if not cuts:
        return html.escape(text[start:end], quote=False)
    opening = {w.start: w for w in wraps}
    closing = {w.end: w for w in wraps}
    out: list[str] = []
    at = start
    for cut in cuts:
        out.append(html.escape(text[at:cut], quote=False))
        if cut in closing:
            out.append(closing[cut].after)
        if cut > start:
            out.extend(settled.points.get(cut, ()))
        if cut in opening:
            out.append(opening[cut].before)
        at = cut
    out.append(html.escape(text[at:end], quote=False))
    return "".join(out)
