"""Citing the text: its own record (essay.yml), a "Cite this" panel on each section in several styles and formats,
and citation metadata in every page's head for Zotero and Google Scholar."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...core.problems import Problem
from ...core.site import PageInfo
from ...core.spans import Block
from ...core.unit import Source, TextInfo, Unit, Weave
from ...csl import cite, export
from ...csl.model import Work, WorksFile, check_works

_URL_SLOT = "@URL@"
_SECTION_SLOT = "@SECTION@"
_PARAGRAPH_SLOT = "@P@"  # stands for a paragraph number in the paragraph citation template


class CitingUnit(Unit):
    name = "citing"
    files = {"essay": WorksFile}

    def __init__(self, build: Any, position: int) -> None:
        super().__init__(build, position)
        self._formats: tuple[list[tuple[str, str]], list[tuple[str, str]]] | None = None

    @property
    def essay(self) -> Work | None:
        return self.data

    def load(self, source: Source) -> Work | None:
        """The text's own record, if the project has one: a works file with a single item."""
        if not source.exists("essay"):
            return None
        file = source.file("essay")
        parsed = source.read("essay", WorksFile)
        if parsed is None:
            return None
        works = parsed.references
        problems = check_works(works, file)
        if len(works) != 1:
            problems.append(Problem(file, works[1].line if len(works) > 1 else 0, "the essay file holds exactly one item: the essay"))
        return works[0] if source.report(problems) else None

    def text(self) -> TextInfo | None:
        essay = self.essay
        return TextInfo(essay.title, essay.issued, tuple(a.display for a in essay.author)) if essay else None

    def finish(self, weave: Weave) -> None:
        if self.essay is None:
            return
        page = self.build.urls.absolute(weave.page.url)
        title = weave.page.title

        def fill(formats: list[tuple[str, str]]) -> list[tuple[str, str]]:
            return [(label, text.replace(_URL_SLOT, page).replace(_SECTION_SLOT, title)) for label, text in formats]

        whole, one = self._cite_formats()
        weave.add(self, Block("end", self.build.templates.unit("citing").panel(title, fill(whole), fill(one)), (40, 0)))

    def _cite_formats(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """The text's citations with slots for the page's address and title: the CSL processor runs once a build."""
        if self._formats is None:
            assert self.essay is not None
            t = self.build.strings
            section = replace(self.essay, URL=_URL_SLOT, note=t("citing.section_note", section=_SECTION_SLOT))
            paragraph = replace(
                self.essay,
                URL=f"{_URL_SLOT}#p{_PARAGRAPH_SLOT}",
                note=t("citing.paragraph_note", section=_SECTION_SLOT, n=_PARAGRAPH_SLOT),
            )
            self._formats = (self._citations(section, None), self._citations(paragraph, _PARAGRAPH_SLOT))
        return self._formats

    def _citations(self, work: Work, locator: str | None) -> list[tuple[str, str]]:
        """Every "Cite this" format of the work: each CSL style's citation and bibliography entry, BibTeX, RIS."""
        t = self.build.strings
        found = []
        for label, style, initials in cite.CITE_STYLES:
            note, entry = cite.cite(work, style, work.URL or "", locator, initials)
            found += [(t("citing.citation", style=label), note), (t("citing.bibliography", style=label), entry)]
        return found + [("BibTeX", export.bibtex([work])), ("RIS", export.ris([work]))]

    def head(self, page: PageInfo) -> str:
        essay = self.essay
        if essay is None:
            return ""
        url = self.build.urls.absolute(page.url)
        notes = self.build.unit("notes")
        cited = notes.cited_on(page.url) if notes else []
        tags = [("citation_title", essay.title)]
        tags += [("citation_author", a.inverted) for a in essay.author]
        if essay.issued:
            tags.append(("citation_publication_date", essay.issued.replace("-", "/")))
        if essay.publisher:
            tags.append(("citation_publisher", essay.publisher))
        if self.build.urls.site_url:  # without the site's address a page's own would be relative: left out
            tags += [("citation_public_url", url), ("citation_fulltext_html_url", url)]
        tags.append(("citation_language", self.build.strings.language))
        if page.section:
            tags.append(("citation_section", page.title))
        tags += [("citation_reference", _reference(w)) for w in cited]
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": essay.title,
            "author": [{"@type": "Person", "name": a.display} if a.family else {"@type": "Organization", "name": a.literal} for a in essay.author],
            "datePublished": essay.issued,
            **({"url": url} if self.build.urls.site_url else {}),
            "inLanguage": self.build.strings.language,
            **({"publisher": {"@type": "Organization", "name": essay.publisher}} if essay.publisher else {}),
            **({"citation": [_creative_work(w) for w in cited]} if cited else {}),
        }
        return self.build.templates.unit("citing").head(tags, data)


def _reference(work: Work) -> str:
    parts = [f"citation_title={work.title}"]
    parts += [f"citation_author={a.inverted}" for a in work.author]
    if work.issued:
        parts.append(f"citation_publication_date={work.issued.replace('-', '/')}")
    if work.container_title:
        parts.append(f"citation_journal_title={work.container_title}")
    if work.publisher:
        parts.append(f"citation_publisher={work.publisher}")
    if work.URL:
        parts.append(f"citation_public_url={work.URL}")
    return "; ".join(p.replace(";", ",") for p in parts)


def _creative_work(work: Work) -> dict[str, object]:
    data: dict[str, object] = {"@type": "CreativeWork", "name": work.title}
    if work.author:
        data["author"] = [a.display for a in work.author]
    if work.issued:
        data["datePublished"] = work.issued
    if work.URL:
        data["url"] = work.URL
    return data
