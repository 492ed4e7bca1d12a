"""Reads a published page as a browser's DOM holds it: the text of <body>, with where terms, notes and paragraphs lie.

Web Annotation selectors count characters in that text, so it must match what a browser parsing the same HTML
(without running scripts) puts in the body's text nodes: template contents are not in the document, and a
newline right after <pre> or <textarea> is dropped by the HTML parser.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ...core.htmltext import VOID

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


# One pass of a compiled pattern over the page: several times faster than html.parser on the large pages of
# a long book. Raw-text elements (script, style) and escapable raw text (textarea, title) are matched whole,
# as the HTML tokenizer reads them.
_TOKEN = re.compile(
    r"<!--.*?(?:-->|$)"
    r"|<(script|style|textarea|title)\b([^>]*)>(.*?)(?:</\1\s*>|$)"
    r"|<(/?)([a-zA-Z][^\s/>]*)([^>]*)>"
    r"|<![^>]*>|<\?[^>]*>"
    r"|[^<]+|<",
    re.S | re.I,
)
_ATTR = re.compile(r"""([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
# What a start tag's attributes hold if they mark something (a character reference could spell any of them):
# the others are not parsed.
_MARKED = ("rdr-cards", "rdr-term", "rdr-para", "note-ref-", "&")
_CARDS = 'class="rdr-cards"'
_TAG = re.compile(r"<[^>]*>")  # attributes worth reading: the rest of the page's tags are only counted past
# Elements whose start or end changes how what follows is read: the body, templates, raw text, a dropped newline.
_STATEFUL = r"(?:body|template|script|style|textarea|title|pre|listing|xmp|plaintext)"
_MAY_MARK = re.compile("|".join(map(re.escape, _MARKED)))


@lru_cache(maxsize=64)
def _plain_run(innermost: str) -> re.Pattern[str]:
    """A run of tokens, as _TOKEN splits them, that adds text and nothing else while `innermost` is the marked
    element open last, read up to the first start tag that may mark something (`_first_marking_tag`): text; start
    tags of other than stateful elements; end tags other than theirs and `innermost`'s; declarations other than
    comments. Anything else (a stray '<' too) is left to one token's step."""
    # Start tags as the raw-text rule reads them ('<script-x' opens a script); end tags by their exact name.
    ends = f"(?:{_STATEFUL[3:-1]}|{re.escape(innermost)})" if innermost else _STATEFUL
    return re.compile(
        rf"(?:[^<]+|<(?!{_STATEFUL}\b)[a-zA-Z][^>]*>|</(?!{ends}(?![^\s/>]))[a-zA-Z][^>]*>|<!(?!--)[^>]*>|<\?[^>]*>)*",
        re.I,
    )


def _first_marking_tag(document: str, at: int) -> int:
    """Where the first tag from `at` on that may mark something starts (one of _MARKED in it), or the document's
    end. Where tokens are plain every '<' opens a tag that ends at the next '>', so a place is in a tag when no
    '>' follows the last '<' before it. Elsewhere (a comment, a script) the answer may come early, never late: a
    plain run stops there anyway."""
    for m in _MAY_MARK.finditer(document, at):
        opened = document.rfind("<", at, m.start())
        if opened >= 0 and document.find(">", opened, m.start()) < 0:
            return opened
    return len(document)


def _attrs(raw: str) -> dict[str, str]:
    """A start tag's attributes as a browser keeps them: names in lower case, values decoded, and of a name given
    twice the first."""
    found: dict[str, str] = {}
    for m in _ATTR.finditer(raw):
        name, double, single, bare = m.groups()
        name = name.lower()
        if name not in found:
            value = double if double is not None else single if single is not None else bare or ""
            found[name] = html.unescape(value)
    return found


class _Reader:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.in_body = False
        self.template = 0
        self.cards = 0  # inside the hidden definitions the script copies into cards
        self.stack: list[tuple[str, str, str]] = []  # the open elements that mark something: (tag, mark, id)
        self.opened: list[int] = []  # where each of them starts in the text
        self.terms: list[tuple[str, int, int]] = []
        self.paragraphs: dict[int, tuple[int, int]] = {}
        self.note_refs: dict[str, int] = {}

    def feed(self, document: str, skim: bool = True) -> None:
        """Reads the document token by token; with `skim`, runs of tokens that change nothing but the text are
        read in one go (most of a page: its navigation, and the prose between the marked elements). Without it,
        every token goes through `_step`, which is the reference the skimmed reading must equal."""
        at = 0
        end = len(document)
        drop_newline = False
        limit = -1  # the next tag that may mark something, once found: tags before it are plain
        while at < end:
            if skim and not drop_newline:
                if limit < at:
                    limit = _first_marking_tag(document, at)
                run = _plain_run(self.stack[-1][0] if self.stack else "").match(document, at, limit)
                if run is not None and run.end() > at:
                    self._run(run.group())
                    at = run.end()
                    continue
            at, drop_newline = self._step(document, at, drop_newline)

    def _run(self, run: str) -> None:
        """Text and tags that mark nothing: every '<' in it opens a tag that ends at the next '>'."""
        if not self.in_body or self.template:
            return
        pieces = _TAG.split(run)
        self.text("".join(html.unescape(p) for p in pieces) if "&" in run else "".join(pieces))

    def _step(self, document: str, at: int, drop_newline: bool) -> tuple[int, bool]:
        """Reads the one token at `at`; returns where the next starts and whether its leading newline is dropped."""
        m = _TOKEN.match(document, at)
        if m is None or m.end() == at:
            return len(document), False
        at = m.end()
        raw_tag, closing, tag = m.group(1), m.group(4), m.group(5)
        if tag is not None and not closing and tag.lower() == "aside" and _CARDS in m.group(6):
            # The cards: nothing in them is marked, and they hold neither raw text nor comments, so their text
            # is read in one go (half a book page's tags are theirs).
            close = document.find("</aside>", at)
            close = len(document) if close < 0 else close
            self.text(html.unescape(_TAG.sub("", document[at:close])))
            return min(len(document), close + len("</aside>")), False
        if raw_tag is not None:  # script, style, textarea, title: their content is text
            name = raw_tag.lower()
            self.start(name, m.group(2))
            content = m.group(3)
            if name in ("textarea", "title"):
                content = html.unescape(content)
                if name == "textarea" and content.startswith("\n"):
                    content = content[1:]
            self.text(content)
            self.end(name)
            return at, False
        if tag is not None:
            name = tag.lower()
            if closing:
                self.end(name)
                return at, False
            self.start(name, m.group(6))
            return at, name in _DROPS_FIRST_NEWLINE
        if m.group(0).startswith("<") and len(m.group(0)) > 1:
            return at, False  # a comment, doctype or processing instruction: no text
        data = html.unescape(m.group(0))
        if drop_newline and data.startswith("\n"):
            data = data[1:]
        self.text(data)
        return at, False

    def start(self, tag: str, raw_attrs: str) -> None:
        if tag == "body":
            self.in_body = True
        if tag in VOID:
            return
        mark, ident = "", ""
        if tag == "template":
            self.template += 1
            mark = "template"
        elif any(key in raw_attrs for key in _MARKED):
            a = _attrs(raw_attrs)
            classes = a.get("class", "").split()
            if "rdr-cards" in classes:
                self.cards += 1
                mark = "cards"
            elif "rdr-term" in classes and a.get("data-rdr-term") and not self.cards:
                mark, ident = "term", a["data-rdr-term"]
            elif tag == "p" and "rdr-para" in classes and (m := _PARAGRAPH_ID.fullmatch(a.get("id", ""))):
                mark, ident = "paragraph", m.group(1)
            elif (m := _NOTE_REF_ID.fullmatch(a.get("id", ""))) and not self.cards:
                self.note_refs[m.group(1)] = self.length
        # Only the elements that mark something are followed: none of them holds another element of its own
        # tag, so the next end tag of that name closes it.
        if mark:
            self.stack.append((tag, mark, ident))
            self.opened.append(self.length)

    def end(self, tag: str) -> None:
        if tag == "body":
            self.in_body = False
        if not self.stack or self.stack[-1][0] != tag:
            return
        start = self.opened.pop()
        _, mark, ident = self.stack.pop()
        if mark == "template":
            self.template -= 1
        elif mark == "cards":
            self.cards -= 1
        elif mark == "term":
            self.terms.append((ident, start, self.length))
        elif mark == "paragraph":
            self.paragraphs[int(ident)] = (start, self.length)

    def text(self, data: str) -> None:
        if self.in_body and not self.template and data:
            self.parts.append(data)
            self.length += len(data)


def published_text(document: str) -> PublishedText:
    reader = _Reader()
    reader.feed(document)
    return PublishedText("".join(reader.parts), tuple(reader.terms), reader.paragraphs, reader.note_refs)
