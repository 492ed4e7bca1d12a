"""What one build learns about its section pages, page by page, for the pages and exports made once all are in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .prose import Paragraph, Prose
from .quotes import Hit, Place
from .urls import section_name


@dataclass(frozen=True)
class PageInfo:
    """A page as the engine needs to know it; the hook fills it from MkDocs' page."""

    src: str  # its path under docs/
    url: str  # relative to the site's root, like "tech-breakthrough/"
    title: str
    order: int = 0  # position in the navigation, which is the reading order
    section: bool = False  # a section of the text, to be woven
    editorial: bool = False  # its title was added by the editors
    homepage: bool = False


@dataclass(frozen=True)
class Mark:
    """A marked span of a section, such as a term's occurrence: in a paragraph of the prose, or in text an
    annotation placed with it (`where`: the unit and key that name that text, such as a figure's caption)."""

    kind: str
    id: str
    paragraph: int | None
    text: str
    linked: bool
    where: tuple[str, str] | None = None


@dataclass(frozen=True)
class Appearance:
    """Where a marked id stands in one section: its paragraphs, and the annotations' texts."""

    section: Section
    paragraphs: list[int]
    places: list[tuple[str, str]]


@dataclass(frozen=True)
class Section:
    """A woven section page."""

    page: PageInfo
    paragraphs: tuple[Paragraph, ...]
    copies: dict[int, str]  # each paragraph's markup, with the points placed in it, to show it elsewhere
    marks: tuple[Mark, ...]

    @property
    def url(self) -> str:
        return self.page.url

    @property
    def title(self) -> str:
        return self.page.title

    @property
    def words(self) -> int:
        return sum(p.words for p in self.paragraphs)


@dataclass(frozen=True)
class Placed:
    """A quote's place on a section page."""

    url: str
    title: str
    hit: Hit

    @property
    def paragraph(self) -> int | None:
        return self.hit.paragraph


@dataclass
class SiteIndex:
    """Filled page by page during a build; read once every section is in."""

    sections: dict[str, Section] = field(default_factory=dict)
    prose: dict[str, Prose] = field(default_factory=dict)
    _placed: dict[tuple[str, str], list[Placed]] = field(default_factory=dict)

    def add(self, section: Section, prose: Prose, hits: Iterable[Hit]) -> None:
        self.sections[section.url] = section
        self.prose[section.url] = prose
        for hit in hits:
            self._placed.setdefault((hit.use.kind, hit.use.key), []).append(Placed(section.url, section.title, hit))

    def placed(self, kind: str, key: str) -> list[Placed]:
        """Every place the quote stands, in the order pages were woven."""
        return self._placed.get((kind, key), [])

    def the_place(self, kind: str, key: str) -> Placed | None:
        """The one place the quote stands, if it stands exactly once."""
        places = self.placed(kind, key)
        return places[0] if len(places) == 1 else None

    def places(self, kind: str, key: str) -> list[tuple[Place, Hit]]:
        return [(Place(p.title, p.paragraph), p.hit) for p in self.placed(kind, key)]

    def in_reading_order(self) -> list[Section]:
        return sorted(self.sections.values(), key=lambda s: s.page.order)

    def by_name(self) -> dict[str, Section]:
        """The sections by the name annotation files give them (their path without '.md'), and by file name too
        where no other section has the same one."""
        named = {section_name(s.page.src): s for s in self.in_reading_order()}
        stems: dict[str, list[Section]] = {}
        for name, section in named.items():
            stems.setdefault(name.rsplit("/", 1)[-1], []).append(section)
        return {**{stem: found[0] for stem, found in stems.items() if len(found) == 1}, **named}

    def marks(self, kind: str) -> dict[str, list[Appearance]]:
        """For each id marked, the sections where it is with their paragraphs and places, in reading order."""
        found: dict[str, list[Appearance]] = {}
        for section in self.in_reading_order():
            numbers: dict[str, set[int]] = {}
            places: dict[str, dict[tuple[str, str], None]] = {}
            for mark in section.marks:
                if mark.kind == kind and mark.paragraph is not None:
                    numbers.setdefault(mark.id, set()).add(mark.paragraph)
                elif mark.kind == kind and mark.where is not None:
                    places.setdefault(mark.id, {})[mark.where] = None
            for mark_id in dict.fromkeys([*numbers, *places]):
                found.setdefault(mark_id, []).append(Appearance(section, sorted(numbers.get(mark_id, ())), list(places.get(mark_id, {}))))
        return found

    def marked(self, kind: str) -> set[str]:
        return {m.id for s in self.sections.values() for m in s.marks if m.kind == kind}
