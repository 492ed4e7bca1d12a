"""Gives each top-level prose paragraph of a page a stable id and a visible number."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .htmltext import Open, tokenize, walk
from .render import paragraph_open
from .site import Paragraph


def number_paragraphs(fragment: str) -> tuple[str, tuple[Paragraph, ...]]:
    """Numbers the <p> elements at the top of the fragment, in order; ids depend on the prose alone."""
    out: list[str] = []
    found: list[Paragraph] = []
    text: list[str] | None = None
    for token, around in walk(tokenize(fragment)):
        if token.kind == "start" and token.tag == "p" and not around:
            text = []
            out.append(paragraph_open(token.attrs, len(found) + 1))
            continue
        if token.kind == "end" and token.tag == "p" and not around and text is not None:
            found.append(Paragraph(len(found) + 1, " ".join("".join(text).split())))
            text = None
        elif token.kind == "text" and text is not None:
            text.append(token.text)
        out.append(token.markup)
    return "".join(out), tuple(found)


_PARAGRAPH_ID = re.compile(r"p(\d+)")


def paragraph_of(around: Sequence[Open]) -> int | None:
    """The number of the prose paragraph among the enclosing elements, if any."""
    for element in reversed(around):
        if element.tag == "p" and "bmd-para" in (element.attr("class") or "").split():
            m = _PARAGRAPH_ID.fullmatch(element.attr("id") or "")
            return int(m.group(1)) if m else None
    return None


def insert_before(fragment: str, markup: dict[int, str]) -> str:
    """Inserts trusted markup right before the numbered paragraphs given by number."""
    out: list[str] = []
    for token, around in walk(tokenize(fragment)):
        if token.kind == "start" and token.tag == "p" and not around:
            m = _PARAGRAPH_ID.fullmatch(token.attr("id") or "")
            if m and int(m.group(1)) in markup:
                out.append(markup[int(m.group(1))])
        out.append(token.markup)
    return "".join(out)


def append_to(fragment: str, markup: dict[int, str]) -> str:
    """Inserts trusted markup at the end of the numbered paragraphs given by number."""
    out: list[str] = []
    current: int | None = None
    for token, around in walk(tokenize(fragment)):
        if token.kind == "start" and token.tag == "p" and not around:
            m = _PARAGRAPH_ID.fullmatch(token.attr("id") or "")
            current = int(m.group(1)) if m else None
        elif token.kind == "end" and token.tag == "p" and not around and current in markup:
            out.append(markup[current])  # type: ignore[index]
            current = None
        out.append(token.markup)
    return "".join(out)


def contents(fragment: str) -> dict[int, str]:
    """The markup inside each numbered paragraph, without its number, for showing the paragraph elsewhere."""
    found: dict[int, str] = {}
    current: int | None = None
    inside: list[str] = []
    skipping = False  # inside the paragraph's own number link
    for token, around in walk(tokenize(fragment)):
        if token.kind == "start" and token.tag == "p" and not around:
            m = _PARAGRAPH_ID.fullmatch(token.attr("id") or "")
            current, inside = (int(m.group(1)), []) if m else (None, [])
            continue
        if current is None:
            continue
        if token.kind == "end" and token.tag == "p" and not around:
            found[current] = "".join(inside).strip()
            current = None
        elif token.kind == "start" and token.tag == "a" and "bmd-pnum" in (token.attr("class") or "").split():
            skipping = True
        elif skipping:
            skipping = not (token.kind == "end" and token.tag == "a")
        else:
            inside.append(token.markup)
    return found
