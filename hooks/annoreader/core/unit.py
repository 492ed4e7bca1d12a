"""The interface every kind of annotation implements: a unit. The build calls each configured unit at each step of
a build; a unit overrides only the steps it takes part in."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from .pages import markdown_page, markdown_text
from .problems import AnnotationError, Problem, duplicate_ids
from .prose import Prose
from .quotes import Hit, QuoteUse
from . import reread
from .records import Extension, load_file
from .searchindex import Entry
from .settings import PageSetting
from .site import Mark, PageInfo
from .spans import Block, Insertion

if TYPE_CHECKING:
    from .build import Build

T = TypeVar("T")
Carry = Callable[[Any, Callable[[Any], Any]], Any]  # Build.carry: a key, and how to make what it keys from the last


@dataclass(frozen=True)
class PageSpec:
    """A page a unit generates: its name in `extra.reader.pages`, its default path, and what it is."""

    key: str
    path: str
    what: str


@dataclass(frozen=True)
class Generated:
    """A file a unit adds to the site's source: a page (with `key`, which `fill` receives) or a download.
    `setting` names the entry of extra.reader.pages that moves it, when one does (by default its key).
    `own_contents`: the page lists its own headings, so the theme's navigation needs only its title."""

    path: str
    content: str
    key: str | None = None
    setting: str | None = None
    own_contents: bool = False

    @property
    def moved_by(self) -> str | None:
        return self.setting or self.key


@dataclass(frozen=True)
class TextInfo:
    """What the site says about the text it presents, for units that name or date it."""

    title: str
    issued: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    authors: tuple[str, ...] = ()
    url: str | None = None  # where it was published


@dataclass(frozen=True)
class DataFile:
    """A download the Data page lists: its path, title, format, what it holds, and one line that uses it."""

    path: str
    title: str
    format: str
    holds: str
    example: str


class Source:
    """The annotation files, read for the units; every problem is gathered so one run reports them all."""

    def __init__(self, folder: Path, shown: str, extensions: Mapping[type, Sequence[Extension]], carry: Carry | None = None) -> None:
        self.folder = folder
        self.shown = shown
        self.extensions = extensions
        self.problems: list[Problem] = []
        self._carry = carry
        self._extended = repr(sorted((cls.__qualname__, repr(added)) for cls, added in extensions.items()))

    def file(self, stem: str) -> str:
        """The file as messages name it."""
        return f"{self.shown}/{stem}.yml"

    def exists(self, stem: str) -> bool:
        return (self.folder / f"{stem}.yml").exists()

    def read(self, stem: str, cls: type[T]) -> T | None:
        """The file read into `cls`, or None when it has problems (gathered here)."""
        path = self.folder / f"{stem}.yml"

        try:
            if self._carry is None or not path.is_file():
                return load_file(path, self.file(stem), cls, self.extensions)
            # Under serve, a file is read again only if it changed, and then by the item that changed (see reread).
            key = ("read", str(path), cls, self._extended)
            return self._carry(key, lambda last: reread.read(path, self.file(stem), cls, self.extensions, last)).record
        except AnnotationError as err:
            self.problems.extend(err.problems)
            return None

    def items(self, stem: str, cls: type[Any]) -> tuple[Any, ...] | None:
        """The records of a file that holds one list (none when the file is absent)."""
        if not self.exists(stem):
            return ()
        parsed = self.read(stem, cls)
        return None if parsed is None else getattr(parsed, dataclasses.fields(cls)[0].name)

    def records(self, stem: str, cls: type[Any], kind: str) -> tuple[Any, ...] | None:
        """The records of a file that holds one list of records with ids (none when the file is absent), each id
        used once."""
        items = self.items(stem, cls)
        if items is None or not self.report(duplicate_ids(kind, [(i.id, i.line) for i in items], self.file(stem))):
            return None
        return items

    def report(self, problems: Iterable[Problem]) -> bool:
        """Adds problems found by a unit's own checks; True when there were none."""
        before = len(self.problems)
        self.problems.extend(problems)
        return len(self.problems) == before


@dataclass
class Weave:
    """One section page while it is woven: its prose, read once; the quotes found in it; the insertions the
    units make, kept apart from the prose until the page is written once."""

    page: PageInfo
    prose: Prose
    hits: Mapping[tuple[str, str], list[Hit]]
    insertions: list[Insertion] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)  # what a unit keeps from one step to the next, by its name

    def add(self, unit: Unit, *items: Insertion) -> None:
        """Adds insertions; blocks keep the rank their unit gives them, the rest rank by unit, then by order."""
        for item in items:
            rank = item.rank if isinstance(item, Block) else (unit.position, len(self.insertions))
            self.insertions.append(dataclasses.replace(item, rank=rank))

    def found(self, kind: str, key: str) -> list[Hit]:
        return self.hits.get((kind, key), [])

    def cuts(self) -> list[int]:
        """Where points are already placed: spans marked later must not cross them."""
        return [i.at for i in self.insertions if hasattr(i, "at")]


class Unit:
    """A kind of annotation. Subclasses set the class attributes and override the steps they take part in."""

    name: ClassVar[str]
    needs: ClassVar[tuple[str, ...]] = ()  # units this one cannot do without
    uses: ClassVar[tuple[str, ...]] = ()  # units whose data this one checks against when the site has them
    optional: ClassVar[bool] = False  # built only when mkdocs.yml lists it in extra.reader.units
    files: ClassVar[Mapping[str, type]] = {}  # annotation files read, by name: their top-level model (and schema)
    extends: ClassVar[Mapping[type, Sequence[Extension]]] = {}  # keys added to other units' records
    pages: ClassVar[Sequence[PageSpec]] = ()

    def __init__(self, build: Build, position: int) -> None:
        self.build = build
        self.position = position
        self.data: Any = None

    @classmethod
    def folder(cls) -> Path:
        return Path(sys.modules[cls.__module__].__file__ or "").parent

    # -- loading -------------------------------------------------------------------------------------------
    def load(self, source: Source) -> Any:
        """Reads and checks the unit's files; returns its data (kept between `mkdocs serve` rebuilds)."""
        return None

    def quotes(self) -> Iterable[QuoteUse]:
        """Every quote the unit anchors, for the site's one index of quotes."""
        return ()

    def nav(self, nav: Any) -> Any:
        return nav

    def woven(self) -> object:
        """What of the unit's data any page's weave may depend on, compared with the last build's under serve: a
        page is woven again when it differs. By default all of it."""
        return self.data

    def woven_by(self, page: PageInfo, marks: Sequence[Mark]) -> object:
        """What else one page's weave depended on, given the marks it made: say, the markup it wrote for what it
        marked (a glossary edit then weaves again only the pages whose marks it changes)."""
        return None

    def text(self) -> TextInfo | None:
        """What the unit's files say about the text itself, if they describe it."""
        return None

    # -- each section page -----------------------------------------------------------------------------------
    def anchor(self, weave: Weave) -> None:
        """Places what hangs on quotes: points, blocks before paragraphs."""

    def mark(self, weave: Weave) -> None:
        """Marks spans of text found by matching (terms), in the text left between the points already placed."""

    def finish(self, weave: Weave) -> None:
        """Adds what depends on what was placed and marked: blocks, endnotes, cards."""

    # -- the site -------------------------------------------------------------------------------------------
    def generate(self) -> Iterable[Generated]:
        """Pages and downloads, before the pages are built."""
        return ()

    def fill(self, page: PageInfo, key: str | None, html: str) -> str:
        """Completes a page once every section is woven: a page this unit generated (`key`), or any other."""
        return html

    def slot(self, key: str, page: PageInfo) -> str:
        """The markup for what the unit left as a slot in a page as it wove it (`build.slot(unit, key)`), filled in
        once every section is woven. What depends on data that a mark does not (a term's definition in its card)
        goes in a slot, so that under serve an edit to that data leaves the page's weave as it was."""
        return ""

    def head(self, page: PageInfo) -> str:
        return ""

    def search(self) -> Sequence[Entry]:
        """The search's entries for the pages the unit keeps from the theme's indexer (`own_search`)."""
        return ()

    def published(self, page: PageInfo, document: str) -> None:
        """Sees a section page as it is written to the site."""

    def after_build(self) -> tuple[dict[str, str | list[str]], list[Problem]]:
        """Files that can only be written once every page is (path -> content, or its parts in order, for a file
        too large to join), and their problems."""
        return {}, []

    def downloads(self) -> Sequence[DataFile]:
        """The files it adds that the Data page lists."""
        return ()

    def web_annotations(self, export: Any) -> Iterable[dict[str, Any]]:
        """Its annotations as W3C Web Annotations, each targeting a published page (see units/opendata)."""
        return ()

    def place(self, key: str) -> tuple[str, str] | None:
        """How a text the unit shows with a page is named and reached, for the terms marked in it: (label, id)."""
        return None

    def resolve(self, ref: str, from_url: str) -> str | None:
        """The address of a link written as rdr-ref:<unit>/<ref>, settled once every section is woven."""
        return None

    def warnings(self) -> list[Problem]:
        """What does not fit the text, known only once every page is woven."""
        return []

    # -- helpers for subclasses -------------------------------------------------------------------------------
    def page_setting(self, key: str) -> PageSetting:
        spec = next(p for p in self.pages if p.key == key)
        return self.build.settings.page(key, spec.path)

    def page_title(self, key: str) -> str:
        """One of the unit's pages' title: from mkdocs.yml, else the unit's strings ('<unit>.title', or
        '<unit>.<page>.title' for a page not named after the unit)."""
        return self.page_setting(key).title or self.build.strings(self._string(key, "title"))

    def generated_page(self, key: str, body: Sequence[str], own_contents: bool = False, own_search: bool = False, **values: object) -> Generated | None:
        """One of the unit's pages: its title and introduction (from mkdocs.yml, else the unit's strings), then
        `body` (Markdown); None when mkdocs.yml switches it off. `own_contents`: the body lists its own headings;
        `own_search`: the unit gives the search the page's entries (`search`)."""
        setting = self.page_setting(key)
        if setting.path is None:
            return None
        intro = setting.intro or self.build.strings(self._string(key, "intro"), **values)
        page = markdown_page(self.page_title(key), [markdown_text(intro), "", *body], own_contents, own_search)
        return Generated(setting.path, page, key, own_contents=own_contents)

    def _string(self, key: str, what: str) -> str:
        return f"{self.name}.{what}" if key == self.name else f"{self.name}.{key}.{what}"

    def file(self, stem: str) -> str:
        """One of the unit's annotation files, as messages name it."""
        return f"{self.build.settings.annotations}/{stem}.yml"

    def page_url(self, key: str) -> str | None:
        """The URL of one of this unit's pages, None when it is switched off."""
        path = self.page_setting(key).path
        return self.build.urls.page(path) if path else None
