"""One build: the configured units, loaded; each section page woven once; generated pages filled once all are in."""

from __future__ import annotations

from html import escape, unescape
import re
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote, unquote

from .htmltext import Token
from .later import Later
from .problems import AnnotationError, Problem, Severity
from .prose import PARAGRAPH_CLASS, PREFIX, Prose
from .quotes import Hit, QuoteIndex, explain
from .records import Extension
from .searchindex import Entry
from .sitefiles import Store, Text
from .sitefiles import write as write_site_files
from .settings import WHERE, Settings, check_pages, read_settings
from .site import PageInfo, Section, SiteIndex
from .spans import Frame, plan, write
from .strings import Strings
from .templates import Templates
from .unit import Generated, Source, TextInfo, Unit, Weave
from .urls import Urls
from .yamlfile import digest

T = TypeVar("T")

CORE = Path(__file__).parent
THEME = CORE.parent / "theme"  # templates of Material's that the reader replaces, before the theme's own
# A link between units whose address is known only once every section is woven: see Unit.resolve.
_REF = re.compile(r'<a href="rdr-ref:([a-z]+)/([^"]*)">(.*?)</a>', re.S)
ASSETS = {"css": "assets/reader.css", "js": "assets/reader.js"}


@dataclass(frozen=True)
class SiteConfig:
    """What the engine needs from mkdocs.yml; the hook fills it from MkDocs' configuration."""

    project: Path  # the folder of mkdocs.yml
    site_name: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)
    site_url: str | None = None
    directory_urls: bool = True
    language: str = "en"
    custom_dir: Path | None = None
    docs_dir: Path | None = None


@dataclass(frozen=True)
class Woven:
    """A section page as woven, with what its weave read that a later build must find the same to reuse it."""

    html: str
    section: Section
    prose: Prose
    hits: tuple[Hit, ...]
    held: tuple[str, ...]  # the blocks held back from the search (Later)
    by: tuple[object, ...]  # each unit's woven_by


class Build:
    """The state of one build. Made anew for every build, so `mkdocs serve` never sees a page of the last one;
    only the units' loaded data may be carried over (see Session)."""

    def __init__(self, site: SiteConfig, registry: Sequence[type[Unit]], kept: dict[Any, Any] | None = None) -> None:
        known = [u.name for u in registry]
        settings, problems = read_settings(site.extra, known, [u.name for u in registry if not u.optional])
        self.site = site
        self.settings: Settings = settings
        self.urls = Urls.of(site.site_url, site.directory_urls)
        classes = {u.name: u for u in registry}
        self.units: list[Unit] = [classes[name](self, i) for i, name in enumerate(settings.units)]
        for i, unit in enumerate(self.units):
            missing = [n for n in unit.needs if n not in settings.units]
            later = [n for n in (*unit.needs, *unit.uses) if n in settings.units[i:]]
            if missing:
                problems.append(Problem("mkdocs.yml", 0, f"extra.reader.units: '{unit.name}' needs {', '.join(repr(m) for m in missing)}; add it to the list"))
            elif later:
                problems.append(Problem("mkdocs.yml", 0, f"extra.reader.units: '{unit.name}' uses {', '.join(repr(m) for m in later)}; list it after them"))
        problems += check_pages(settings, {p.key: p.what for u in self.units for p in u.pages})
        folders = [("core", CORE / "strings")] + [(u.name, u.folder() / "strings") for u in self.units]
        self.strings, string_problems = Strings.load(site.language, folders, settings.strings)
        problems += string_problems
        if problems:
            raise AnnotationError(problems)
        # What depends on nothing but its key, for the whole run (Build.keep): the session hands it to each build.
        self.kept: dict[Any, Any] = kept if kept is not None else {}
        folders = [CORE / "templates"] + [u.folder() / "templates" for u in self.units]
        # Compiling the templates is most of a small site's rebuild: made once a run for the same words and files.
        key = ("templates", site.language, repr(settings.strings), tuple(folders), _digests(site.custom_dir / "reader" if site.custom_dir else None))
        self.templates = self.keep(key, lambda: Templates(self.strings, folders, site.custom_dir))
        self.core = self.templates.unit("core")
        self.index = SiteIndex()
        self._quotes = QuoteIndex(())
        self._generated: dict[str, tuple[Unit, str]] = {}
        self._owners: dict[str, tuple[str, Generated]] = {}
        self.order: dict[str, int] = {}  # each page's place in the navigation, by its path under docs/
        self.sections_of: dict[str, tuple[str, ...]] = {}  # the navigation sections each page is in, by its URL
        # Marks that stand for markup until a page is written: named for the run, so no text can forge one.
        self.marks_id: str = self.keep(("marks",), lambda: secrets.token_hex(8))
        self._slot_mark = f"<!--rdr-slot-{self.marks_id}:"  # then the unit's name, '/', its key and '-->' (slot)
        self._slot = re.compile(re.escape(self._slot_mark) + r"([a-z]+)/([^>]*?)-->")
        self.later = Later(self.marks_id)  # blocks held back from the theme's search until their page is written
        # Under `mkdocs serve`, what the run's previous build made or used (reuse), and what this build made or used,
        # for the next one. None outside `mkdocs serve`, where no build follows to reuse anything.
        self.previous: dict[Any, Any] | None = None
        self.made: dict[Any, Any] = {}
        self._once: dict[Any, Any] = {}  # Build.once
        self._woven: bool | None = None
        # The units' files that are not pages, by their path in the built site: MkDocs lists them, the engine writes them.
        self.downloads: dict[str, str] = {}
        self.store: Store | None = None  # under `mkdocs serve`, the run's store of downloads (see sitefiles.Store)
        self.css, self.js = ASSETS["css"], ASSETS["js"]

    # -- loading -------------------------------------------------------------------------------------------
    def annotations_state(self) -> tuple[object, ...]:
        """What a load reads and what a page is woven with, as it stands: the site's configuration, and each
        annotation file and template override by name and a digest of its bytes (reading is quick; parsing is what
        a load spends its time on). Two equal states load the same data and weave the same HTML alike."""
        overrides = self.site.custom_dir / "reader" if self.site.custom_dir else None
        return (repr(self.site), repr(self.settings), _digests(self.site.project / self.settings.annotations, "*.yml"), _digests(overrides))

    def load(self, carried: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Loads every unit's files (or takes `carried`, the data of an earlier load); returns the data."""
        if carried is None:
            extensions: dict[type, list[Extension]] = {}
            for unit in self.units:
                for cls, added in unit.extends.items():
                    extensions.setdefault(cls, []).extend(added)
            source = Source(self.site.project / self.settings.annotations, self.settings.annotations, extensions, self.carry if self.previous is not None else None)
            failed: set[str] = set()
            for unit in self.units:
                # A unit whose needs did not load is read once they do: its checks would only repeat theirs.
                if any(n in failed for n in (*unit.needs, *unit.uses)):
                    failed.add(unit.name)
                    continue
                before = len(source.problems)
                unit.data = unit.load(source)
                if len(source.problems) > before:
                    failed.add(unit.name)
            if source.problems:
                raise AnnotationError(source.problems)
        else:
            for unit in self.units:
                unit.data = carried.get(unit.name)
        self._quotes = QuoteIndex(q for u in self.units for q in u.quotes())
        return {u.name: u.data for u in self.units}

    @property
    def text(self) -> TextInfo:
        """The text the site presents, as the units' files describe it (by default, the site's name)."""
        found = (u.text() for u in self.units if u.data is not None)
        return next((t for t in found if t is not None), TextInfo(self.site.site_name))

    def later_label(self) -> str:
        """The heading of what changed after the text was published."""
        if self.settings.later:
            return self.settings.later
        issued = self.text.issued
        return self.strings("core.after", date=self.strings.date(issued)) if issued else self.strings("core.later")

    def unit(self, name: str) -> Any:
        """The unit of that name, or None if the site does not use it."""
        return next((u for u in self.units if u.name == name), None)

    def nav(self, nav: Any) -> Any:
        for unit in self.units:
            nav = unit.nav(nav)
        return nav

    # -- files ---------------------------------------------------------------------------------------------
    def assets(self) -> dict[str, str]:
        """The reader's stylesheet and script: the core's and each unit's own, in the units' order."""
        css = [(CORE / "assets" / "core.css").read_text(encoding="utf-8")]
        js = [(CORE / "assets" / "core.js").read_text(encoding="utf-8")]
        for unit in self.units:
            for part, name in ((css, "style.css"), (js, "script.js")):
                path = unit.folder() / name
                if path.is_file():
                    part.append(f"/* {unit.name} */\n" + path.read_text(encoding="utf-8"))
        script = "\n".join(js).replace("\n", "\n  ").replace("\n  \n", "\n\n")
        return {
            ASSETS["css"]: "/* The reader's look, made by the build from its core and each unit's style.css. */\n\n" + "\n".join(css),
            ASSETS["js"]: _SCRIPT.replace("BODY", script),
        }

    def generated(self) -> tuple[dict[str, Generated], list[Problem]]:
        """Every page and download the units add, by path; two units claiming one path is a problem."""
        files: dict[str, Generated] = {path: Generated(path, text) for path, text in self.assets().items()}
        self._owners = {path: ("the reader's own assets", item) for path, item in files.items()}
        problems = []
        for unit in self.units:
            for item in unit.generate():
                if item.path in files:
                    message = f"extra.reader.pages: {self.what_is(item.path)} and {_describe(f'the {unit.name} unit', item)} are both at {item.path}; move one"
                    problems.append(Problem("mkdocs.yml", 0, message))
                    continue
                files[item.path] = item
                self._owners[item.path] = (f"the {unit.name} unit", item)
                if item.key is not None:
                    self._generated[item.path] = (unit, item.key)
        return files, problems

    def in_the_way(self, sources: Iterable[str]) -> list[Problem]:
        """The site's own files (by their path under docs/) that are where a generated file goes, or a folder of the
        same name, or a file where it needs a folder: either would overwrite or break the other."""
        sources = set(sources)
        folders = {uri[:i] for uri in sources for i, c in enumerate(uri) if c == "/"}
        problems = []
        blocking: set[str] = set()  # files where generated files need a folder: named once, however many those are
        for path in self._owners:
            what, how = self.what_is(path), self.how_to_move(path)
            if path in sources:
                problems.append(Problem(f"docs/{path}", 0, f"{what} is generated at this path; delete or rename the file{how}"))
            elif path in folders:
                problems.append(Problem(f"docs/{path}/", 0, f"{what} is generated at this path; rename the folder{how}"))
            for parent in (path[:i] for i, c in enumerate(path) if c == "/"):
                if parent in sources and parent not in blocking:
                    blocking.add(parent)
                    problems.append(Problem(f"docs/{parent}", 0, f"{what} is generated at {path}, in a folder of this name; rename the file{how}"))
        return problems

    def write_files(self, folder: Path, exports: Mapping[str, Text]) -> list[Problem]:
        """Writes the downloads and the exports into the built site (under serve, through the run's store); an export
        takes the place of the stand-in that claimed its path among the downloads. The files that could not be
        written, as problems."""
        return write_site_files(folder, {**self.downloads, **exports}, self.store)

    def lists_own_contents(self, path: str) -> bool:
        """Whether the page at `path` (under docs/) is a generated one that lists its own headings."""
        owner = self._owners.get(path)
        return owner is not None and owner[1].own_contents

    def what_is(self, path: str) -> str:
        """What the engine makes at `path`, as a message names it."""
        return _describe(*self._owners[path])

    def how_to_move(self, path: str) -> str:
        setting = self._owners[path][1].moved_by
        return f", or set extra.reader.pages.{setting} in mkdocs.yml to another path or to false" if setting else ""

    # -- section pages -------------------------------------------------------------------------------------
    def once(self, key: Any, make: Callable[[], T]) -> T:
        """`make()`, made once a build: for markup that every page of the build shows alike (a term's card, the
        opening tag of its mentions), which a long text would otherwise render tens of thousands of times."""
        if key not in self._once:
            self._once[key] = make()
        return self._once[key]

    def keep(self, key: Any, make: Callable[[], T]) -> T:
        """`make()`, made once a run: for what depends on `key` alone, whatever else changes between builds."""
        if key not in self.kept:
            self.kept[key] = make()
        return self.kept[key]

    def reuse(self, key: Any, make: Callable[[], T], still: Callable[[T], bool] = lambda found: True) -> T:
        """`make()`, or what the run's previous build made for the same `key` if `still` holds for it: for what its
        key (and `still`) decide whatever else changed, annotations included."""
        if self.previous is None:
            return make()
        found = self.previous[key] if key in self.previous and still(self.previous[key]) else make()
        self.made[key] = found
        return found

    def carry(self, key: Any, make: Callable[[T | None], T]) -> T:
        """`make(last)`, given what the run made last for `key` (None the first time): for what is quicker to make
        from its last state than from nothing. Kept for the run, whatever the builds between used, until `make`
        succeeds again."""
        found = make(self.kept.get(key))
        self.kept[key] = found
        return found

    def reuse_if(self, key: Any, depends: Callable[[], object], make: Callable[[], T]) -> T:
        """`make()`, or what the run's previous build made for `key` when it depended on what equals `depends()`."""
        if self.previous is None:
            return make()
        now = depends()
        return self.reuse(key, lambda: (now, make()), lambda found: found[0] == now)[1]

    def once_if(self, key: Any, depends: Callable[[], object], make: Callable[[], T]) -> T:
        """`make()`, made once a build (`once`) and under serve taken from the last build while `depends()` is the
        same (`reuse_if`): for markup many pages show alike that depends on a little of the annotations."""
        return self.once(key, lambda: self.reuse_if(key, depends, make))

    def slot(self, unit: Unit, key: str) -> str:
        """What stands in a page, as woven, for markup that `unit` fills in once the page is complete (Unit.slot).
        The theme's search never reads it, as it never reads the blocks it excludes (see Later)."""
        return f"{self._slot_mark}{unit.name}/{quote(key, safe='')}-->"

    def woven_as_before(self) -> bool:
        """Whether what every page's weave depends on besides its own HTML is as the run's previous build had it:
        the site, the settings, the templates and what each unit says its weaving reads (Unit.woven)."""
        if self._woven is None:
            state = (repr(self.site), repr(self.settings), self.templates, tuple(u.woven() for u in self.units))
            self.made[("woven",)] = state
            self._woven = self.previous is not None and ("woven",) in self.previous and self.previous[("woven",)] == state
        return self._woven

    def weave(self, html: str, page: PageInfo) -> str:
        """A section page with every unit's annotations: read once, anchored, written once (or, under serve, as
        the last build wove the same page, if nothing it depends on has changed)."""
        as_before = self.woven_as_before()

        def still(woven: Woven) -> bool:
            return as_before and all(u.woven_by(page, woven.section.marks) == by for u, by in zip(self.units, woven.by))

        woven = self.reuse(("weave", page, html), lambda: self._weave(html, page), still)
        self.index.add(woven.section, woven.prose, woven.hits)
        self.later.adopt(page.url, woven.held)
        return woven.html

    def _weave(self, html: str, page: PageInfo) -> Woven:
        prose = Prose(html)
        hits = self._quotes.find(prose) if self._quotes else {}
        weave = Weave(page, prose, hits)
        for step in ("anchor", "mark", "finish"):
            for unit in self.units:
                getattr(unit, step)(weave)
        written = write(prose, plan(prose, weave.insertions), self._frame(page.url))
        section = Section(page, prose.paragraphs, written.copies, tuple(weave.marks))
        found = tuple(hit for hits_of in hits.values() for hit in hits_of)
        return Woven(written.html, section, prose, found, self.later.held(page.url), tuple(u.woven_by(page, section.marks) for u in self.units))

    def _frame(self, url: str) -> Frame:
        core = self.core

        def paragraph(token: Token, number: int) -> str:
            classes = " ".join(filter(None, [token.attr("class"), PARAGRAPH_CLASS]))
            kept = [(k, v) for k, v in token.attrs if k not in ("id", "class")]
            return core.paragraph(number, classes, kept)

        def later(markup: str) -> str:
            return self.later.hold(url, markup, markup.startswith(self._slot_mark))

        return Frame(paragraph, core.facts, core.cards, later, lambda markup: self.later.hold(url, markup, True))

    # -- once every section is in ----------------------------------------------------------------------------
    def fill(self, page: PageInfo, html: str) -> str:
        """A page once every section is woven: the units complete it, then links between them are settled; the
        blocks held back from the search are completed the same way."""
        owner, key = self._generated.get(page.src, (None, None))

        def complete(html: str) -> str:
            if self._slot_mark in html:
                html = self._slot.sub(lambda m: self._fill_slot(m, page), html)
            for unit in self.units:
                html = unit.fill(page, key if unit is owner else None, html)
            return _REF.sub(lambda m: self._resolve(m, page), html) if "rdr-ref:" in html else html

        self.later.complete(page.url, complete)
        return complete(html)

    def _fill_slot(self, match: re.Match[str], page: PageInfo) -> str:
        unit = self.unit(match.group(1))
        return unit.slot(unquote(match.group(2)), page) if unit else ""

    def _resolve(self, match: re.Match[str], page: PageInfo) -> str:
        unit = self.unit(match.group(1))
        href = unit.resolve(unescape(match.group(2)), page.url) if unit else None
        return f'<a href="{escape(href)}">{match.group(3)}</a>' if href else match.group(3)

    def head(self, page: PageInfo) -> str:
        return self.core.head(self.strings.for_script()) + "".join(u.head(page) for u in self.units)

    def published(self, page: PageInfo, document: str) -> str:
        """The page as written, with the units' head metadata; units that export positions read it here."""
        document = self.later.restore(page.url, document)
        if page.section:
            for unit in self.units:
                unit.published(page, document)
        head = self.head(page)
        document = document.replace("</head>", head + "</head>", 1) if head else document
        return reading_layout(document)

    def search_entries(self) -> dict[str, list[Entry]]:
        """Each section's paragraphs for the search index, by the section's URL."""
        return {
            s.page.url: [Entry(f"{s.page.url}#p{p.number}", self.strings("core.search_paragraph", title=s.page.title, n=p.number), p.text) for p in s.paragraphs]
            for s in self.index.in_reading_order()
            if s.paragraphs
        }

    def units_search(self) -> list[Entry]:
        """The entries the units give the search for the pages they keep from the theme's indexer."""
        return [entry for unit in self.units for entry in unit.search()]

    def navigation_problems(self) -> list[Problem]:
        """What in the settings names a part of the navigation that is not there."""
        name = self.settings.editors_section
        if not name or any(name in sections for sections in self.sections_of.values()):
            return []
        titles = sorted({title for sections in self.sections_of.values() for title in sections})
        known = f"its sections are: {', '.join(titles)}" if titles else "it has no sections"
        return [Problem("mkdocs.yml", 0, f"{WHERE}.editors_section: no section of the navigation is titled '{name}' ({known}); name one, or leave the setting out")]

    def set_apart(self) -> dict[str, str]:
        """The makers' pages (those in the navigation section the settings name), by URL, with the section's name."""
        name = self.settings.editors_section
        return {url: name for url, sections in self.sections_of.items() if name and name in sections}

    def after_build(self) -> tuple[dict[str, str | list[str]], list[Problem]]:
        files: dict[str, str | list[str]] = {}
        problems: list[Problem] = []
        for unit in self.units:
            more, found = unit.after_build()
            files.update(more)
            problems += found
        return files, problems

    def warnings(self) -> list[Problem]:
        problems = []
        pages = {s.title: self.index.prose[s.url] for s in self.index.in_reading_order()}
        for use in self._quotes.uses:
            message = explain(use, self.index.places(use.kind, use.key), pages)
            if message:
                problems.append(Problem(use.file, use.quote.line, message, Severity.WARNING))
        for unit in self.units:
            problems += unit.warnings()
        return problems


# Pages with numbered paragraphs take the reading layout (core.css). The class goes on the theme's <main>, which
# is parsed before the sidebars and the text: a rule that waited for the paragraphs (:has) would redraw the page
# once they arrive, and the page would jump. Material's instant navigation swaps <main> whole, class and all.
_MAIN = '<main class="md-main"'
_READING = re.compile(rf'<p [^>]*class="(?:[^"]* )?{PARAGRAPH_CLASS}[ "]')


def _digests(folder: Path | None, files: str = "**/*") -> tuple[tuple[str, str], ...]:
    """Each file of `folder` that matches `files`, by name, with a digest of its bytes (see yamlfile.digest)."""
    if folder is None or not folder.is_dir():
        return ()
    return tuple((str(f), digest(f)) for f in sorted(folder.glob(files)) if f.is_file())


def reading_layout(document: str) -> str:
    # str.replace makes one copy of the page; a regular expression's sub would make two (its pieces, then the whole).
    return document.replace(_MAIN, f'<main class="md-main {PREFIX}reading"', 1) if _READING.search(document) else document


def _describe(owner: str, item: Generated) -> str:
    return f"{owner}'s page '{item.key}'" if item.key else f"a file of {owner}"


_SCRIPT = """/* The reader's script, made by the build from its core and each unit's script.js. */
(function () {
  "use strict";

  BODY
  function start() {
    starters.forEach(function (fn) { fn(); });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start); // Material's instant navigation swaps the page without a reload
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
"""
