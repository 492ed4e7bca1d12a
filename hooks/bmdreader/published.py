"""Reads a published page as a browser's DOM holds it: the text of <body>, with where terms, notes and paragraphs lie.

Web Annotation selectors count characters in that text, so it must match what a browser parsing the same HTML
(without running scripts) puts in the body's text nodes: template contents are not in the document, and a
newline right after <pre> or <textarea> is dropped by the HTML parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .htmltext import VOID

_PARAGRAPH_ID = re.compile(r"p(\d+)")
_NOTE_REF_ID = re.compile(r"note-ref-(.+)")
_DROPS_FIRST_NEWLINE = frozenset({"pre", "textarea", "listing"})


@dataclass(frozen=True)
class PublishedText:
    text: str
    terms: tuple[tuple[str, int, int], ...]  # (term id, start, end) of each term in the prose
    paragraphs: dict[int, tuple[int, int]] = field(default_factory=dict)  # number -> (start, end)
    note_refs: dict[str, int] = field(default_factory=dict)  # note id -> where its marker starts

    def find(self, exact: str, paragraph: int, prefix: str | None = None, suffix: str | None = None) -> tuple[int, int] | None:
        """Where the words stand in the numbered paragraph, if once (after prefix and suffix narrow it down)."""
        span = self.paragraphs.get(paragraph)
        if span is None or not exact:
            return None
        starts = []
        at = self.text.find(exact, span[0], span[1])
        while at >= 0:
            starts.append(at)
            at = self.text.find(exact, at + 1, span[1])
        if len(starts) > 1:
            starts = [s for s in starts if (not prefix or self.text[:s].endswith(prefix)) and (not suffix or self.text.startswith(suffix, s + len(exact)))]
        return (starts[0], starts[0] + len(exact)) if len(starts) == 1 else None


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.in_body = False
        self.template = 0
        self.cards = 0  # inside the hidden definitions the script copies into cards
        self.drop_newline = False
        self.stack: list[tuple[str, str, str]] = []  # (tag, what it marks, its id)
        self.opened: dict[int, int] = {}  # stack depth -> where the element's text starts
        self.terms: list[tuple[str, int, int]] = []
        self.paragraphs: dict[int, tuple[int, int]] = {}
        self.note_refs: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.drop_newline = tag in _DROPS_FIRST_NEWLINE
        if tag == "body":
            self.in_body = True
        if tag in VOID:
            return
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        mark, ident = "", ""
        if tag == "template":
            self.template += 1
            mark = "template"
        elif "bmd-cards" in classes:
            self.cards += 1
            mark = "cards"
        elif "bmd-term" in classes and a.get("data-bmd-term") and not self.cards:
            mark, ident = "term", a["data-bmd-term"] or ""
        elif tag == "p" and "bmd-para" in classes and (m := _PARAGRAPH_ID.fullmatch(a.get("id") or "")):
            mark, ident = "paragraph", m.group(1)
        elif (m := _NOTE_REF_ID.fullmatch(a.get("id") or "")) and not self.cards:
            self.note_refs[m.group(1)] = self.length
        self.stack.append((tag, mark, ident))
        self.opened[len(self.stack)] = self.length

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.drop_newline = False
        if tag not in VOID:  # <p/> in HTML opens an element
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.drop_newline = False
        if tag == "body":
            self.in_body = False
        if not any(t == tag for t, _, _ in self.stack):
            return  # a stray end tag: browsers ignore it
        while self.stack:
            start = self.opened.pop(len(self.stack))
            open_tag, mark, ident = self.stack.pop()
            if mark == "template":
                self.template -= 1
            elif mark == "cards":
                self.cards -= 1
            elif mark == "term":
                self.terms.append((ident, start, self.length))
            elif mark == "paragraph":
                self.paragraphs[int(ident)] = (start, self.length)
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.drop_newline and data.startswith("\n"):
            data = data[1:]
        self.drop_newline = False
        if self.in_body and not self.template and data:
            self.parts.append(data)
            self.length += len(data)


def published_text(document: str) -> PublishedText:
    reader = _Reader()
    reader.feed(document)
    reader.close()
    return PublishedText("".join(reader.parts), tuple(reader.terms), reader.paragraphs, reader.note_refs)
