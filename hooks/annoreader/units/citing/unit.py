"""Citing the text: its own record (essay.yml); "Cite this" on each section, for the original as published and for
this edition, and for any one paragraph; citation metadata in the head of the text's pages (Zotero, Google Scholar),
the editors' own pages credited to the editors."""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape
from typing import Any

from ...core.problems import Problem
from ...core.site import PageInfo
from ...core.spans import Block, Prepend
from ...core.unit import Source, TextInfo, Unit, Weave
from ...csl import cite, export
from ...csl.model import Work, WorksFile, check_works
from .metadata import edition_page, editors, text_page

# Slots the CSL processor's output is made with once a build, filled for each page, and in the page by the script.
_URL_SLOT = "@URL@"
_SECTION_SLOT = "@SECTION@"
_PARAGRAPH_SLOT = "@P@"  # a paragraph's number in its section, as this edition shows it
_GLOBAL_SLOT = "@G@"  # the same paragraph's number in the whole text, as the original is cited
_OFFSET = 'data-rdr-offset="rdr-offset"'  # in a woven section; known once every section is in


@dataclass(frozen=True)
class Format:
    """One way to cite: its label, its plain text, and its HTML for a rich copy (none for BibTeX and RIS)."""

    label: str
    text: str
    html: str | None = None

    def filled(self, slots: dict[str, str]) -> Format:
        text, html = self.text, self.html
        for slot, value in slots.items():
            text = text.replace(slot, value)
            html = html.replace(slot, escape(value)) if html is not None else None
        return Format(self.label, text, html)


def _as_paragraph(entry: Format, section: Work, paragraph: Work) -> Format:
    """A section's bibliography entry as its paragraph's: the two records differ only in their URL and note, which
    a style prints as they are where it prints them (a condition can test whether they are there, not what they say)."""
    text, html = entry.text, entry.html
    for old, new in ((section.URL, paragraph.URL), (section.note, paragraph.note)):
        if old and new:
            text = text.replace(old, new)
            html = html.replace(escape(old), escape(new)) if html is not None else None
    return Format(entry.label, text, html)


class CitingUnit(Unit):
    name = "citing"
    files = {"essay": WorksFile}

    def __init__(self, build: Any, position: int) -> None:
        super().__init__(build, position)
        self._formats: dict[str, list[Format]] | None = None

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
        return TextInfo(essay.title, essay.issued, tuple(a.display for a in essay.author), essay.URL) if essay else None

    # -- section pages -------------------------------------------------------------------------------------
    def finish(self, weave: Weave) -> None:
        if self.essay is None:
            return
        html = self.build.templates.unit("citing")
        weave.add(self, *(Prepend(p.number, self._control(p.number)) for p in weave.prose.paragraphs))
        page, title = self.build.urls.absolute(weave.page.url), weave.page.title

        slots = {_URL_SLOT: page, _SECTION_SLOT: title}
        filled = {key: [f.filled(slots) for f in formats] for key, formats in self.formats().items()}
        panel = html.panel(title, self.essay, self.edition_name, filled, _OFFSET)
        weave.add(self, Block("end", panel, (40, 0)))

    def _control(self, number: int) -> str:
        """A paragraph's "cite" control, the same for that number on every page: made once a build."""
        return self.build.once(("citing", "control", number), lambda: self.build.templates.unit("citing").control(number))

    def fill(self, page: PageInfo, key: str | None, html: str) -> str:
        """A section's paragraphs are numbered through the whole text too, once every section is in."""
        if not page.section or _OFFSET not in html:
            return html
        offset = sum(len(s.paragraphs) for s in self.build.index.in_reading_order() if s.page.order < page.order)
        return html.replace(_OFFSET, f'data-rdr-offset="{offset}"')

    def as_published(self) -> str | None:
        """The text as first published, in the first style's note form, as markup (a handout says where it is from)."""
        if self.essay is None:
            return None
        return self.formats()["original"][0].html

    @property
    def edition_name(self) -> str:
        return self.build.settings.edition or self.build.strings("citing.edition")

    def formats(self) -> dict[str, list[Format]]:
        """Every "Cite this" format, with slots for the page: the CSL processor runs once a build (under serve,
        once while the essay and the settings stay as they are)."""
        if self._formats is None:
            key = ("citing", "formats", self.essay, repr(self.build.site), repr(self.build.settings))
            self._formats = self.build.reuse(key, self._make_formats)
        return self._formats

    def _make_formats(self) -> dict[str, list[Format]]:
        assert self.essay is not None
        t = self.build.strings
        edition = replace(
            self.essay, type="webpage", container_title=self.edition_name, publisher=None, publisher_place=None,
            URL=_URL_SLOT, note=t("citing.section_note", section=_SECTION_SLOT),
        )
        one = replace(edition, URL=f"{_URL_SLOT}#p{_PARAGRAPH_SLOT}", note=t("citing.paragraph_note", section=_SECTION_SLOT, n=_PARAGRAPH_SLOT))
        original = self._styles(self.essay, None)
        section = self._styles(edition, None)
        return {
            "original": original + [Format("BibTeX", export.bibtex([self.essay])), Format("RIS", export.ris([self.essay]))],
            "original_one": self._styles(self.essay, _GLOBAL_SLOT, original[1::2]),
            "edition": section,
            "edition_one": self._styles(one, _PARAGRAPH_SLOT, [_as_paragraph(f, edition, one) for f in section[1::2]]),
        }

    def _styles(self, work: Work, locator: str | None, entries: list[Format] | None = None) -> list[Format]:
        """The work in each CSL style: its note or in-text citation and its bibliography entry (taken from
        `entries`, this work's entry in each style in turn, when given: a locator changes only the citation)."""
        t = self.build.strings
        found = []
        for n, (label, style, initials) in enumerate(cite.CITE_STYLES):
            if entries is None:
                note, entry = cite.cite_html(work, style, work.URL or "", locator, initials)
                listed = Format(t("citing.bibliography", style=label), cite.as_text(entry), entry)
            else:
                note, listed = cite.citation_html(work, style, work.URL or "", locator, initials), entries[n]
            found += [Format(t("citing.citation", style=label), cite.as_text(note), note), listed]
        return found

    # -- every page's head ---------------------------------------------------------------------------------
    def head(self, page: PageInfo) -> str:
        """The text's pages (its sections and the home page) describe the text as published; the others are the
        editors' pages of this edition, and say so."""
        if self.essay is None:
            return ""
        html = self.build.templates.unit("citing")
        if page.section or page.homepage:
            notes = self.build.unit("notes")
            cited = notes.cited_on(page.url) if notes else []
            tags, data = text_page(self.essay, cited, self.build.urls.absolute(page.url) if self.build.urls.site_url else None, self.build.strings.language)
            return html.head(tags, data)
        made_by = editors(self.build.settings.editors or self.build.strings("citing.editors"))
        url = self.build.urls.absolute(page.url) if self.build.urls.site_url else None
        tags, data = edition_page(self.essay, page.title, made_by, self.build.site.site_name, url, self.build.strings.language)
        return html.head(tags, data)
