"""Helpers for unit tests of the engine: a Build made straight from annotation text, with no MkDocs involved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annoreader.core.build import Build, SiteConfig
from annoreader.core.problems import AnnotationError
from annoreader.core.records import load_file
from annoreader.core.site import PageInfo
from annoreader.core.unit import Source
from annoreader.csl.model import Work, WorksFile
from annoreader.units import UNITS
from annoreader.units.glossary.model import Glossary
from annoreader.units.glossary.unit import GlossaryUnit

GLOSSARY = """\
categories:
  - {id: system, name: Systems}
terms:
  - id: thaad
    name: THAAD
    category: system
    variants: [THAAD]
    definition: A defense <system>.
    explanation: More.
    sources: [{title: Fact sheet, url: "https://example.org/thaad"}]
"""


def engine(
    folder: Path,
    files: dict[str, str] | None = None,
    reader: dict[str, Any] | None = None,
    language: str = "en",
    site_url: str | None = "http://example.org/",
    directory_urls: bool = True,
    custom_dir: Path | None = None,
) -> Build:
    """A loaded build of a project in `folder` whose annotations/ holds `files` (a glossary by default)."""
    (folder / "annotations").mkdir(parents=True, exist_ok=True)
    for name, text in (files if files is not None else {"glossary.yml": GLOSSARY}).items():
        (folder / "annotations" / name).write_text(text, encoding="utf-8")
    site = SiteConfig(folder, "A Test Text", {"reader": reader or {}}, site_url, directory_urls, language, custom_dir)
    build = Build(site, UNITS)
    build.load()
    return build


def glossary_site(folder: Path, text: str = GLOSSARY) -> tuple[Path, SiteConfig]:
    """A project in `folder` with the sections and glossary units and `text` as its glossary: the glossary file's
    path (to edit it) and the site's configuration (for a Session's builds)."""
    (folder / "annotations").mkdir(parents=True, exist_ok=True)
    glossary = folder / "annotations" / "glossary.yml"
    glossary.write_text(text, encoding="utf-8")
    return glossary, SiteConfig(folder, "T", {"reader": {"units": ["sections", "glossary"]}})


def weave(build: Build, html: str, url: str = "one/", title: str = "One", editorial: bool = False) -> str:
    """The page as woven and completed, with the blocks held back from the theme's search back in place, as it is
    written (one page: the others a completed page may link to are not woven)."""
    return written(build, PageInfo(url.rstrip("/") + ".md", url, title, 0, True, editorial), html)


def written(build: Build, page: PageInfo, html: str) -> str:
    """A section page through the steps of a build: woven, completed, then written (held blocks back in place)."""
    return build.later.restore(page.url, build.fill(page, build.weave(html, page)))


def load_glossary(path: Path) -> Glossary:
    """The glossary file at `path` loaded as the glossary unit loads it, or AnnotationError with its problems."""
    folder = path.parent / "annotations-under-test"
    folder.mkdir(exist_ok=True)
    if path.exists():
        (folder / "glossary.yml").write_bytes(path.read_bytes())
    source = Source(folder, "annotations", {})
    glossary = GlossaryUnit(None, 0).load(source)  # type: ignore[arg-type]
    if source.problems:
        raise AnnotationError(source.problems)
    assert glossary is not None
    return glossary


def load_works(path: Path) -> tuple[Work, ...]:
    """The works (CSL-YAML) in the file at `path`, as the notes and citing units read them."""
    return tuple(load_file(path, path.name, WorksFile).references)
