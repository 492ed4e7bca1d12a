"""What the build learns about each page (paragraphs, term occurrences), gathered for the generated pages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paragraph:
    number: int
    text: str
    html: str = field(default="", compare=False)  # the paragraph's markup with its note markers

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Occurrence:
    term_id: str
    paragraph: int | None  # None outside numbered prose paragraphs
    text: str
    linked: bool


@dataclass(frozen=True)
class QuoteHit:
    """A place where a note's or a figure's quote stands in the text."""

    kind: str  # "note" or "figure"
    id: str
    url: str
    title: str
    paragraph: int | None


@dataclass(frozen=True)
class PageRecord:
    url: str  # relative to the site root, like "tech-breakthrough/"
    title: str
    order: int  # position in the navigation, which is the reading order
    editorial: bool
    paragraphs: tuple[Paragraph, ...]
    occurrences: tuple[Occurrence, ...]

    @property
    def words(self) -> int:
        return sum(p.words for p in self.paragraphs)


@dataclass(frozen=True)
class Section:
    page: PageRecord
    words: int
    terms: int


@dataclass
class SiteIndex:
    """Filled page by page during a build; read once every page is in."""

    pages: dict[str, PageRecord] = field(default_factory=dict)
    hits: list[QuoteHit] = field(default_factory=list)
    _by_key: dict[tuple[str, str], list[QuoteHit]] = field(default_factory=dict)

    def add_hit(self, hit: QuoteHit) -> None:
        self.hits.append(hit)
        self._by_key.setdefault((hit.kind, hit.id), []).append(hit)

    def hits_of(self, kind: str, id_: str) -> list[QuoteHit]:
        return self._by_key.get((kind, id_), [])

    def add(self, page: PageRecord) -> None:
        self.pages[page.url] = page

    def in_reading_order(self) -> list[PageRecord]:
        return sorted(self.pages.values(), key=lambda p: p.order)

    def sections(self) -> list[Section]:
        return [
            Section(p, p.words, len({o.term_id for o in p.occurrences}))
            for p in self.in_reading_order()
            if p.paragraphs
        ]

    def appearances(self) -> dict[str, list[tuple[PageRecord, list[int]]]]:
        """For each term, the pages where it occurs with their paragraph numbers, in reading order."""
        found: dict[str, list[tuple[PageRecord, list[int]]]] = {}
        for page in self.in_reading_order():
            numbers: dict[str, set[int]] = {}
            for o in page.occurrences:
                if o.paragraph is not None:
                    numbers.setdefault(o.term_id, set()).add(o.paragraph)
            for term_id, paragraphs in numbers.items():
                found.setdefault(term_id, []).append((page, sorted(paragraphs)))
        return found

    def unused(self, term_ids: Iterable[str]) -> list[str]:
        used = {o.term_id for p in self.pages.values() for o in p.occurrences}
        return [t for t in term_ids if t not in used]
