"""Reads the built site's pages back as text, leaving out what the reader adds (numbers, cards, notes)."""

from __future__ import annotations

from html.parser import HTMLParser

ADDED = {"rdr-pnum", "rdr-cards", "rdr-editorial", "headerlink", "rdr-popover", "rdr-note-ref", "rdr-endnotes", "rdr-cite", "rdr-figure", "rdr-facts", "rdr-qref", "rdr-qrefs", "rdr-sidenotes", "rdr-questions", "rdr-termlist", "rdr-handout"}
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
    """Finds (term id, where) for every term element in a numbered paragraph (where: its id), a figure's caption
    (the figure's id) or an endnote (the note's id), but not in the hidden cards."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraph: str | None = None
        self.place: str | None = None
        self.cards = False
        self.found: set[tuple[str, str]] = set()
        self.places: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if "rdr-cards" in classes:
            self.cards = True
        elif tag == "p" and "rdr-para" in classes:
            self.paragraph = a.get("id")
        elif tag in ("figure", "li") and (a.get("id") or "").startswith(("figure-", "note-")):
            self.place = a.get("id")
        elif a.get("data-rdr-term") and not self.cards and "rdr-card" not in classes:
            if self.paragraph:
                self.found.add((a["data-rdr-term"] or "", self.paragraph))
            elif self.place:
                self.places.append((a["data-rdr-term"] or "", self.place))

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self.paragraph = None
        elif tag in ("figure", "li"):
            self.place = None
        elif tag == "aside":
            self.cards = False


def term_paragraphs(html: str) -> set[tuple[str, str]]:
    parser = _Occurrences()
    parser.feed(html)
    return parser.found


def term_places(html: str) -> list[tuple[str, str]]:
    """(term id, figure or note id) for every term marked in a caption or an endnote, in the page's order."""
    parser = _Occurrences()
    parser.feed(html)
    return parser.places
