"""Notes and the works they cite: a marker where each note's number stood, a card, endnotes, the References page
(formatted by a CSL processor) and the bibliography as CSL-JSON, BibTeX and RIS."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any

from ...core.pages import placeholder
from ...core.quotes import QuoteUse
from ...core.problems import Problem, duplicate_ids
from ...core.site import PageInfo, Placed
from ...core.spans import Before, Block, Card, Point
from ...core.unit import DataFile, Generated, PageSpec, Source, Unit, Weave
from ...csl import cite, export
from ...csl.model import Work, WorksFile, check_works
from .model import Note, Notes, NotesFile

# (href, words before the ¶ sign such as a section's title, number): where a note stands, as an endnote links it.
ParagraphLink = tuple[str, str, int]
_URL = re.compile(r"https?://\S+?(?=[.,;)]*(?:\s|$))")
_EXPORTS = (("json", "CSL-JSON", export.csl_json_file), ("bib", "BibTeX", export.bibtex), ("ris", "RIS", export.ris))


class NotesUnit(Unit):
    name = "notes"
    files = {"notes": NotesFile, "works": WorksFile}
    pages = (PageSpec("references", "references.md", "the works the notes cite, formatted, with downloads"),)

    def __init__(self, build: Any, position: int) -> None:
        super().__init__(build, position)
        self._ordered: dict[str, int] | None = None
        self._pages: dict[str, list[Note]] | None = None

    @property
    def notes(self) -> Notes | None:
        return self.data

    def load(self, source: Source) -> Notes | None:
        """Either file may be absent (a text without notes); what is there must be right."""
        notes = source.items("notes", NotesFile)
        works = source.items("works", WorksFile)
        if notes is None or works is None:
            return None
        works_file = source.file("works")
        problems = check_works(works, works_file) + _check_notes(notes, source.file("notes"), {w.id for w in works}, works_file)
        return Notes(source.file("notes"), works_file, notes, works) if source.report(problems) else None

    def quotes(self) -> Iterable[QuoteUse]:
        if self.notes:
            yield from (QuoteUse("note", n.id, n.anchor, self.notes.notes_file, f'note "{n.id}"') for n in self.notes.notes)

    # -- section pages -------------------------------------------------------------------------------------
    def anchor(self, weave: Weave) -> None:
        html = self.build.templates.unit("notes")
        for note, hit in self._on_page(weave):
            weave.add(self, Point(hit.end, html.marker(note)))

    def mark(self, weave: Weave) -> None:
        """The notes' texts, marked after the prose they follow (a term first met in a note is linked there)."""
        glossary = self.build.unit("glossary")
        texts = {}
        for note, _ in self._on_page(weave):
            html = self.note_html(note, weave.page.url)
            texts[note.id] = glossary.mark_text(html, weave, (self.name, note.id)) if glossary else html
        weave.state[self.name] = texts

    def finish(self, weave: Weave) -> None:
        placed = [(note, _local(hit.paragraph)) for note, hit in self._on_page(weave)]
        if placed:
            texts = weave.state.get(self.name, {})
            weave.add(self, Block("end", self.endnotes(placed, weave.page.url, texts), (20, 0)))
            weave.add(self, *(Card(c) for c in self.cards([n for n, _ in placed], weave.page.url, texts)))
            weave.add(self, *self._sidenotes(weave))

    def _sidenotes(self, weave: Weave) -> list[Before]:
        """Each paragraph's notes again, for the margin beside it on wide screens: a copy for the eye, hidden from
        screen readers and out of the tab order, since the marker, its card and the endnote already give it."""
        by_paragraph: dict[int, list[tuple[Note, str]]] = {}
        for note, hit in self._on_page(weave):
            if hit.paragraph:  # type: ignore[attr-defined]
                by_paragraph.setdefault(hit.paragraph, []).append((note, self.note_html(note, weave.page.url)))  # type: ignore[attr-defined]
        html = self.build.templates.unit("notes")
        return [Before(n, html.sidenotes(items)) for n, items in by_paragraph.items()]

    def _on_page(self, weave: Weave) -> list[tuple[Note, object]]:
        """The notes whose quote stands once on the page, in the order they stand."""
        if not self.notes:
            return []
        # From the page's hits, not from every note of the text: a book's page holds a few of its thousand notes.
        order = self._order()
        found = [(self.notes.note(key), hits[0]) for (kind, key), hits in weave.hits.items() if kind == "note" and len(hits) == 1]
        return sorted(found, key=lambda item: (item[1].start, order[item[0].id]))  # type: ignore[attr-defined]

    def _order(self) -> dict[str, int]:
        """Each note's place in the notes file."""
        if self._ordered is None:
            self._ordered = {n.id: i for i, n in enumerate(self.notes.notes)} if self.notes else {}
        return self._ordered

    def note_html(self, note: Note, from_url: str) -> str:
        """A note's text with its addresses, and any "Figure N" it names, as links."""
        out, at = [], 0
        for m in _URL.finditer(note.text):
            out += [escape(note.text[at : m.start()]), f'<a href="{escape(m.group())}">{escape(m.group())}</a>']
            at = m.end()
        html = "".join(out) + escape(note.text[at:])
        figures = self.build.unit("figures")
        return figures.link_mentions(html, from_url) if figures else html

    def endnotes(self, placed: Sequence[tuple[Note, ParagraphLink | None]], from_url: str, texts: Mapping[str, str] | None = None) -> str:
        """The notes at the end of a page, each with a link back to its marker and to the marker's paragraph;
        `texts` holds the notes' texts as marked on the page."""
        if not placed:
            return ""
        items = [(note, (texts or {}).get(note.id) or self.note_html(note, from_url), link) for note, link in placed]
        return self.build.templates.unit("notes").endnotes(items)

    def cards(self, notes: Sequence[Note], from_url: str, texts: Mapping[str, str] | None = None) -> list[str]:
        html = self.build.templates.unit("notes")
        return [html.card(note, (texts or {}).get(note.id) or self.note_html(note, from_url)) for note in notes]

    def place(self, key: str) -> tuple[str, str] | None:
        return self.build.strings("notes.note_short", id=key), f"note-{key}"

    def placed(self, note: Note) -> Placed | None:
        """Where a note stands in the text, once every section is woven."""
        places = self.build.index.placed("note", note.id)
        return places[0] if places else None

    def column(self) -> tuple[str, dict[str, int]]:
        """For tables of sections: the number of notes in each."""
        counts: dict[str, int] = {}
        for note in self.notes.notes if self.notes else ():
            for place in self.build.index.placed("note", note.id):
                counts[place.url] = counts.get(place.url, 0) + 1
        return self.build.strings("notes.notes"), counts

    # -- the References page and the bibliography ---------------------------------------------------------------
    @property
    def _downloads(self) -> str | None:
        """The folder of the bibliography files: beside the References page, in a folder of its name."""
        path = self.page_setting("references").path
        return path.removesuffix(".md") + "/" if path else None

    def generate(self) -> Iterable[Generated]:
        folder = self._downloads
        if not self.notes or not self.notes.works or folder is None:
            return
        page = self.generated_page("references", [placeholder("notes", "references")], style=self.build.strings("notes.references.style"))
        yield from [page] if page else []
        works = self.notes.works
        reuse_if = self.build.reuse_if  # under serve, each file is written again only when its works changed
        for ext, _, write in _EXPORTS:
            yield Generated(f"{folder}bibliography.{ext}", reuse_if(("notes", "bibliography", ext), lambda: works, lambda write=write: write(works)))
            for w in works:
                yield Generated(f"{folder}{w.id}.{ext}", reuse_if(("notes", "work file", ext, w.id), lambda w=w: w, lambda w=w, write=write: write([w])))

    def fill(self, page: PageInfo, key: str | None, html: str) -> str:
        if key != "references" or not self.notes or self._downloads is None:
            return html
        urls = self.build.urls
        files = urls.href(page.url, self._downloads).removeprefix("./")
        cited_in: dict[str, list[tuple[Note, str, Placed]]] = {}
        for note in self.notes.notes:
            place = self.placed(note)
            for citation in note.cites:
                if place is not None:
                    cited_in.setdefault(citation.work, []).append((note, citation.locator or "", place))
        # The processor's output depends on the works alone: an edit to anything else formats none of them again.
        works = self.notes.works
        entries = self.build.reuse(("notes", "formatted", works), lambda: cite.formatted(works))
        by_id = {w.id: w for w in self.notes.works}
        listed = [
            (by_id[work_id], entry, [(n, loc, p, urls.href(page.url, p.url)) for n, loc, p in cited_in.get(work_id, [])], self._archive(by_id[work_id]))
            for work_id, entry in entries.items()
        ]
        macros, exports = self.build.templates.unit("notes"), [(e, k) for e, k, _ in _EXPORTS]
        # Under serve, written again only when what it shows changed (most edits leave the works and their notes be).
        references = self.build.reuse_if(("notes", "references", page.url), lambda: (listed, files, exports, macros), lambda: macros.references(listed, files, exports))
        return html.replace(placeholder("notes", "references"), references)

    def _archive(self, work: Work) -> str | None:
        """A web-archive lookup of the work's address as of the text's date; nothing is fetched."""
        if not work.URL:
            return None
        date = (self.build.settings.archive_date or self.build.text.issued or "").replace("-", "")
        stamp = (date + "0101")[:8] + "000000*" if date else "*"
        return f"https://web.archive.org/web/{stamp}/{work.URL}"

    def downloads(self) -> Sequence[DataFile]:
        folder = self._downloads
        if not self.notes or not self.notes.works or folder is None:
            return ()
        t = self.build.strings
        return tuple(
            DataFile(f"{folder}bibliography.{ext}", t(f"notes.data.{ext}_title"), t(f"notes.data.{ext}_format"), t(f"notes.data.{ext}_holds"), t(f"notes.data.{ext}_example"))
            for ext, _, _ in _EXPORTS
        )

    def web_annotations(self, export: Any) -> Iterable[dict[str, Any]]:
        """Each note that stands once, with the works it cites."""
        references = self.page_url("references")
        creators = [{"type": "Person", "name": name} for name in self.build.text.authors]
        for note in self.notes.notes if self.notes else ():
            places = self.build.index.placed("note", note.id)
            if len(places) != 1 or (span := export.place(places[0].hit.use, places[0])) is None:
                continue
            links = [export.link(f"{export.page(references)}#{c.work}", "linking") for c in note.cites] if references is not None else []
            body = [export.text_body(note.text, "commenting"), *links]
            more = {"label": self.build.strings("notes.note", id=note.id), **({"creator": creators} if creators else {})}
            yield export.annotation(f"note-{note.id}", "commenting", body, export.target(places[0].url, span), **more)

    def cited_on(self, url: str) -> list[Work]:
        """The works cited by the notes that stand on a page, in the order of the notes."""
        if not self.notes:
            return []
        if self._pages is None:  # once every section is in: the notes by the pages they stand on, in the notes' order
            self._pages = {}
            for note in self.notes.notes:
                for url_of in dict.fromkeys(p.url for p in self.build.index.placed("note", note.id)):
                    self._pages.setdefault(url_of, []).append(note)
        return [self.notes.work(w) for w in dict.fromkeys(c.work for n in self._pages.get(url, ()) for c in n.cites)]


def _local(paragraph: int | None) -> ParagraphLink | None:
    """A link to a paragraph of the same page."""
    return (f"#p{paragraph}", "", paragraph) if paragraph else None


def _check_notes(notes: Sequence[Note], file: str, work_ids: set[str], works_file: str) -> list[Problem]:
    problems = duplicate_ids("note", [(n.id, n.line) for n in notes], file)
    for note in notes:
        if note.id.startswith("ref-"):
            # note "ref-1" would have the endnote id note-ref-1, which note 1's marker has
            problems.append(Problem(file, note.line, f'note "{note.id}": ids starting \'ref-\' would clash with the markers\' own; choose another'))
        for citation in note.cites:
            if citation.work not in work_ids:
                problems.append(Problem(file, citation.line, f'note "{note.id}": cites unknown work "{citation.work}"; add it to {works_file} or fix the id'))
    return problems
