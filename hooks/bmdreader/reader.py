"""The engine's entry points for one build: load the annotations, weave them into pages, fill generated pages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import render
from .glossary import load_glossary
from .linker import link_terms
from .matcher import TermMatcher
from .model import Glossary
from .paragraphs import number_paragraphs
from .problems import Problem, Severity
from .safe_markdown import SafeMarkdown
from .settings import Settings
from .site import PageRecord, SiteIndex

GLOSSARY_FILE = "glossary.yml"
GLOSSARY_PAGE = "glossary.md"
GLOSSARY_INTRO = (
    "Every term a newcomer to missile defense may stumble on in the essay, with a short definition, "
    "a fuller explanation, its sources and every paragraph where it appears."
)
EDITORIAL_NOTE = "The original essay gives this part no heading; the title was added for this edition."


def root_path(page_url: str) -> str:
    """The relative path from a page's URL back to the site root."""
    return "../" * page_url.count("/")


@dataclass
class Build:
    """The state of one build; a new one is made for every build, so `mkdocs serve` never sees stale data."""

    settings: Settings
    glossary: Glossary
    glossary_url: str = "glossary/"
    index: SiteIndex = field(default_factory=SiteIndex)

    @classmethod
    def load(cls, project_dir: Path, settings: Settings) -> Build:
        folder = project_dir / settings.annotations
        path = folder / GLOSSARY_FILE
        glossary = load_glossary(path, f"{settings.annotations}/{GLOSSARY_FILE}")
        return cls(settings, glossary)

    def anew(self) -> Build:
        """The same annotations for another build, with nothing learnt from this one's pages."""
        return Build(self.settings, self.glossary, self.glossary_url)

    def __post_init__(self) -> None:
        self._matcher = TermMatcher(self.glossary.terms)

    def glossary_markdown(self) -> str:
        return render.glossary_markdown(self.glossary, GLOSSARY_INTRO)

    def weave(self, html: str, url: str, title: str, order: int, editorial: bool) -> str:
        """Numbers a section page's paragraphs, links its terms and appends their cards."""
        numbered, paragraphs = number_paragraphs(html)
        glossary_href = root_path(url) + self.glossary_url
        linked = link_terms(numbered, self._matcher, self.settings.link_terms, glossary_href)
        self.index.add(PageRecord(url, title, order, editorial, paragraphs, linked.occurrences))
        note = render.editorial_note(EDITORIAL_NOTE) if editorial else ""
        return _after_title(linked.html, note) + render.cards(linked.terms, glossary_href)

    def fill_glossary(self, html: str, url: str) -> str:
        md = SafeMarkdown()
        base = root_path(url)
        appearances = self.index.appearances()
        html = html.replace(render.INDEX_PLACEHOLDER, render.glossary_index(self.glossary))

        def entry(match: re.Match[str]) -> str:
            term = self.glossary.term(match.group(1))
            return render.glossary_entry(term, self.glossary, appearances.get(term.id, []), md, base)

        # One pass over the page, whatever the number of terms.
        return render.ENTRY_PLACEHOLDER.sub(entry, html)

    def fill_home(self, html: str, url: str) -> str:
        return html.replace(render.SECTIONS_PLACEHOLDER, render.sections_table(self.index.sections(), root_path(url)))

    def warnings(self) -> list[Problem]:
        """What does not fit the text, known only once every page is woven."""
        return [
            Problem(
                self.glossary.file,
                self.glossary.term(term_id).line,
                f'term "{term_id}": none of its variants occurs in the text; fix the variants or remove the term',
                Severity.WARNING,
            )
            for term_id in self.index.unused(t.id for t in self.glossary.terms)
        ]


def _after_title(html: str, note: str) -> str:
    """Places the editorial note after the page's first heading, or first if there is none."""
    if not note:
        return html
    end = html.find("</h1>")
    if end < 0:
        return note + html
    end += len("</h1>")
    return html[:end] + "\n" + note + html[end:]
