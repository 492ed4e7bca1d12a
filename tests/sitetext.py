"""Reads the built site's pages back as text, leaving out what the reader adds (numbers, cards, notes)."""

from __future__ import annotations

from html.parser import HTMLParser

ADDED = {"rdr-pnum", "rdr-cards", "rdr-editorial", "headerlink", "rdr-popover", "rdr-note-ref", "rdr-endnotes", "rdr-cite", "rdr-figure", "rdr-facts", "rdr-qref", "rdr-questions", "rdr-termlist"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _ArticleText(HTMLParser):
    """Collects the text of <article>, block by block: (tag, classes, text) for each h1 and p."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article>
        self.skip = 0  # inside an element the reader added
        self.stack: list[tuple[str, bool]] = []
        self.blocks: list[tuple[str, str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        if tag in VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        added = bool(classes & ADDED)
        self.stack.append((tag, added))
        if added:
            self.skip += 1
        if self.depth and not self.skip and tag in ("h1", "p"):
            self.blocks.append((tag, " ".join(sorted(classes)), []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        while self.stack:
            open_tag, added = self.stack.pop()
            if added:
                self.skip -= 1
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip and self.blocks and self.stack and any(t in ("h1", "p") for t, _ in self.stack):
            self.blocks[-1][2].append(data)


def blocks(html: str) -> list[tuple[str, str, str]]:
    parser = _ArticleText()
    parser.feed(html)
    return [(tag, classes, " ".join("".join(parts).split())) for tag, classes, parts in parser.blocks]


def prose_paragraphs(html: str) -> list[str]:
    """The text of the page's numbered prose paragraphs, without what the reader adds to them."""
    return [text for tag, classes, text in blocks(html) if tag == "p" and "rdr-para" in classes.split()]


class _Occurrences(HTMLParser):
    """Finds (term id, paragraph id) for every term element inside a numbered paragraph."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraph: str | None = None
        self.found: set[tuple[str, str]] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "p" and "rdr-para" in (a.get("class") or "").split():
            self.paragraph = a.get("id")
        elif a.get("data-rdr-term") and self.paragraph and "rdr-card" not in (a.get("class") or ""):
            self.found.add((a["data-rdr-term"] or "", self.paragraph))

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self.paragraph = None


def term_paragraphs(html: str) -> set[tuple[str, str]]:
    parser = _Occurrences()
    parser.feed(html)
    return parser.found
