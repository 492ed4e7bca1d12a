"""The reader's settings, read from `extra.reader` in mkdocs.yml and checked like annotation files."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum

from .kinds import COMPILED, DATE
from .problems import AnnotationError, Problem
from .records import odd_text

WHERE = "extra.reader"


class LinkMode(Enum):
    FIRST = "first"  # the first occurrence of a term in each section links; later ones get the card only
    ALL = "all"


@dataclass(frozen=True)
class PageSetting:
    """Where a generated page goes (None: not generated), and its title and introduction if not the defaults."""

    path: str | None
    title: str | None = None
    intro: str | None = None
    off: bool = False


@dataclass(frozen=True)
class Settings:
    units: tuple[str, ...]
    link_terms: LinkMode = LinkMode.FIRST
    annotations: str = "annotations"
    pages: Mapping[str, PageSetting] = field(default_factory=dict)
    licence: str | None = None
    edition: str | None = None
    editors: str | None = None
    later: str | None = None
    archive_date: str | None = None
    strings: Mapping[str, str] = field(default_factory=dict)
    editors_section: str | None = None

    def page(self, key: str, default: str) -> PageSetting:
        setting = self.pages.get(key, PageSetting(default))
        return setting if setting.path or setting.off else replace(setting, path=default)


_KEYS = {
    "units": "the kinds of annotation to build, in order; default: every unit but the optional ones",
    "link_terms": "which occurrences of a term link to its entry: 'first' (first in each section) or 'all'",
    "annotations": "the folder of annotation files, relative to mkdocs.yml",
    "pages": "generated pages by name: a path under docs/, false to leave the page out, or {path, title, intro}",
    "licence": "the terms under which the annotations may be reused, shown on the Data page",
    "edition": "the name of this edition, as a citation of it names it; default: 'Annotated edition'",
    "editors": "who made the annotations, credited on the edition's own pages: people as 'Family, Given', separated by semicolons (a name without a comma is an organisation's); default: 'The editors of this edition'",
    "later": "the heading of a glossary entry's later developments; default: after the text's date",
    "archive_date": "the date (YYYY-MM-DD) of web-archive copies linked from the references; default: the text's date",
    "strings": "reader-facing words to replace, by key (see the units' strings files)",
    "editors_section": "the title of the navigation section that holds the pages for the site's makers (how to annotate, data): search lists them after the text's pages, tagged with that title",
}
_PAGE_KEYS = ("path", "title", "intro")
_SAFE_PATH = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_][A-Za-z0-9_.-]*)*")


def read_settings(
    extra: Mapping[str, object], known_units: Sequence[str], default_units: Sequence[str], file: str = "mkdocs.yml"
) -> tuple[Settings, list[Problem]]:
    """The settings, and a problem for each key that is wrong (the units then decide which pages exist)."""
    raw = extra.get("reader") or {}
    if not isinstance(raw, Mapping):
        return Settings(tuple(default_units)), [Problem(file, 0, f"{WHERE} must be a mapping of settings")]
    problems = [Problem(file, 0, f"{WHERE}: unknown setting '{key}'; {_advice(str(key))}") for key in raw if key not in _KEYS]

    def text(key: str) -> str | None:
        value = raw.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(file, 0, f"{WHERE}.{key} must be text"))
            return None
        return checked(key, value).strip()

    def checked(key: str, value: str) -> str:
        odd = odd_text(value)
        if odd:
            problems.append(Problem(file, 0, f"{WHERE}.{key} {odd}"))
        return value

    units = raw.get("units", list(default_units))
    if not isinstance(units, list) or not all(isinstance(u, str) for u in units):
        problems.append(Problem(file, 0, f"{WHERE}.units must be a list of unit names: {', '.join(known_units)}"))
        units = list(default_units)
    for unit in units:
        if unit not in known_units:
            problems.append(Problem(file, 0, f"{WHERE}.units: unknown unit '{unit}'; known units: {', '.join(known_units)}"))
    mode = raw.get("link_terms", LinkMode.FIRST.value)
    modes = [m.value for m in LinkMode]
    if mode not in modes:
        problems.append(Problem(file, 0, f"{WHERE}.link_terms must be one of {', '.join(modes)}, not '{mode}'"))
        mode = LinkMode.FIRST.value
    folder = raw.get("annotations", "annotations")
    if not isinstance(folder, str) or not folder.strip():
        problems.append(Problem(file, 0, f"{WHERE}.annotations must be a folder name"))
        folder = "annotations"
    archive = text("archive_date")
    if archive and (not COMPILED[DATE].fullmatch(archive) or archive.count("-") != 2):
        problems.append(Problem(file, 0, f"{WHERE}.archive_date must be a date written YYYY-MM-DD, not '{archive}'"))
        archive = None
    strings = raw.get("strings") or {}
    if not isinstance(strings, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in strings.items()):
        problems.append(Problem(file, 0, f"{WHERE}.strings must map string keys to text"))
        strings = {}
    for key, value in strings.items():
        checked(f"strings.{key}", value)
    pages = _pages(raw.get("pages"), file, problems)
    for name, page in pages.items():
        for part in ("title", "intro"):
            checked(f"pages.{name}.{part}", getattr(page, part) or "")
    settings = Settings(
        tuple(u for u in dict.fromkeys(units) if u in known_units),
        LinkMode(mode),
        folder.strip(),
        pages,
        text("licence"),
        text("edition"),
        text("editors"),
        text("later"),
        archive,
        dict(strings),
        text("editors_section"),
    )
    return settings, problems


def _advice(key: str) -> str:
    close = difflib.get_close_matches(key, _KEYS, n=1)
    if close:
        return f"did you mean '{close[0]}' ({_KEYS[close[0]]})?"
    return "known settings: " + ", ".join(_KEYS)


def _pages(raw: object, file: str, problems: list[Problem]) -> dict[str, PageSetting]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        problems.append(Problem(file, 0, f"{WHERE}.pages must map page names to a path, false, or {{path, title, intro}}"))
        return {}
    pages = {}
    for name, value in raw.items():
        where = f"{WHERE}.pages.{name}"
        if value is False:
            pages[str(name)] = PageSetting(None, off=True)
            continue
        spec = {"path": value} if isinstance(value, str) else value
        if not isinstance(spec, Mapping) or any(k not in _PAGE_KEYS for k in spec) or not all(isinstance(v, str) for v in spec.values()):
            problems.append(Problem(file, 0, f"{where} must be a path under docs/, false, or a mapping of {', '.join(_PAGE_KEYS)} to text"))
            continue
        path = spec.get("path")
        if path is not None and not (_SAFE_PATH.fullmatch(path) and ".." not in path.split("/")):
            problems.append(Problem(file, 0, f"{where}: '{path}' must be a path under docs/, such as glossary.md or reference/glossary.md"))
            continue
        pages[str(name)] = PageSetting(path, spec.get("title"), spec.get("intro"))
    return pages


def check_pages(settings: Settings, known: Mapping[str, str], file: str = "mkdocs.yml") -> list[Problem]:
    """Page names the configured units do not make; `known` maps each page name to what it is."""
    listed = "; ".join(f"{k} ({v})" for k, v in known.items())
    return [Problem(file, 0, f"{WHERE}.pages: no unit makes a page '{name}'; the pages are: {listed}") for name in settings.pages if name not in known]


def unpack(result: tuple[Settings, list[Problem]]) -> Settings:
    settings, problems = result
    if problems:
        raise AnnotationError(problems)
    return settings
