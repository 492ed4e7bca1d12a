"""The engine's entry points for one build: load the annotations, weave them into pages, fill generated pages."""

from __future__ import annotations

import json
import re
from html import escape
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from . import assignments as handouts
from . import bibliography, glossary_data, render, webanno
from .anchor import PageText, insert_after
from .glossary import load_glossary
from .linker import link_terms
from .matcher import TermMatcher
from .model import Assignment, Citation, Event, Figure, Glossary, Note, Question, Work
from .notes import Notes, load_assignments, load_essay, load_figures, load_notes, load_questions, load_timeline
from .paragraphs import append_to, contents, insert_before, number_paragraphs
from .published import PublishedText, published_text
from .problems import AnnotationError, Problem, Severity
from .safe_markdown import SafeMarkdown
from .settings import Settings
from .site import QuoteHit, PageRecord, SiteIndex

GLOSSARY_FILE = "glossary.yml"
NOTES_FILE = "notes.yml"
ESSAY_FILE = "essay.yml"
FIGURES_FILE = "figures.yml"
FIGURES_PAGE = "figures.md"
TIMELINE_FILE = "timeline.yml"
QUESTIONS_FILE = "questions.yml"
ASSIGNMENTS_FILE = "assignments.yml"
ASSIGNMENTS_DIR = "assignments"
INSTRUCTORS_PAGE = "for-instructors.md"
DATA_PAGE = "data.md"
LICENCE = (
    "The annotations (glossary, notes' anchoring, figures' captions as records, timeline, questions, assignments) "
    "are by the editors of this reader and may be reused under the Creative Commons Attribution 4.0 licence "
    "(CC BY 4.0). The essay's text, including the short quotations that anchor each annotation, is © 2017 "
    "Boris Toucas and is quoted only to locate the annotations; the notes are the author's."
)
TIMELINE_PAGE = "timeline.md"
INTERCEPTION_PAGE = "interception.md"
WORKS_FILE = "works.yml"
GLOSSARY_PAGE = "glossary.md"
REFERENCES_PAGE = "references.md"
REFERENCES_DIR = "references"
GLOSSARY_INTRO = (
    "Every term a newcomer to missile defense may stumble on in the essay, with a short definition, "
    "a fuller explanation, its sources and every paragraph where it appears."
)
EDITORIAL_NOTE = "The original essay gives this part no heading; the title was added for this edition."


T = TypeVar("T")


def root_path(page_url: str) -> str:
    """The relative path from a page's URL back to the site root."""
    return "../" * page_url.count("/")


@dataclass
class Build:
    """The state of one build; a new one is made for every build, so `mkdocs serve` never sees stale data."""

    settings: Settings
    glossary: Glossary
    notes: Notes = field(default_factory=Notes.empty)
    essay: Work | None = None
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    questions: tuple[Question, ...] = ()
    assignments: tuple[Assignment, ...] = ()
    site_url: str = ""
    glossary_url: str = "glossary/"
    index: SiteIndex = field(default_factory=SiteIndex)

    @classmethod
    def load(cls, project_dir: Path, settings: Settings, site_url: str = "") -> Build:
        folder = project_dir / settings.annotations
        path = folder / GLOSSARY_FILE
        shown = settings.annotations
        problems: list[Problem] = []

        def attempt(load: Callable[..., T], *args: Any) -> T | None:
            # Load every file before giving up, so that one run reports the problems of all of them.
            try:
                return load(*args)
            except AnnotationError as err:
                problems.extend(err.problems)
                return None

        glossary = attempt(load_glossary, path, f"{shown}/{GLOSSARY_FILE}")
        notes = attempt(load_notes, folder / NOTES_FILE, f"{shown}/{NOTES_FILE}", folder / WORKS_FILE, f"{shown}/{WORKS_FILE}")
        essay = attempt(load_essay, folder / ESSAY_FILE, f"{shown}/{ESSAY_FILE}")
        figures = attempt(load_figures, folder / FIGURES_FILE, f"{shown}/{FIGURES_FILE}")
        questions = attempt(load_questions, folder / QUESTIONS_FILE, f"{shown}/{QUESTIONS_FILE}")
        events: tuple[Event, ...] | None = None
        assignments: tuple[Assignment, ...] | None = None
        if questions is not None:
            shown_questions = f"{shown}/{QUESTIONS_FILE}"
            assignments = attempt(load_assignments, folder / ASSIGNMENTS_FILE, f"{shown}/{ASSIGNMENTS_FILE}", {q.id for q in questions}, shown_questions)
        if glossary is not None and figures is not None:  # the timeline refers to both
            term_ids, figure_ids = {t.id for t in glossary.terms}, {f.id for f in figures}
            events = attempt(load_timeline, folder / TIMELINE_FILE, f"{shown}/{TIMELINE_FILE}", term_ids, figure_ids)
        if problems:
            raise AnnotationError(problems)
        assert glossary is not None and notes is not None and figures is not None and questions is not None and events is not None
        assert assignments is not None
        return cls(settings, glossary, notes, essay, figures, events, questions, assignments, site_url)

    def anew(self) -> Build:
        """The same annotations for another build, with nothing learnt from this one's pages."""
        return Build(
            self.settings,
            self.glossary,
            self.notes,
            self.essay,
            self.figures,
            self.events,
            self.questions,
            self.assignments,
            self.site_url,
            self.glossary_url,
        )

    def __post_init__(self) -> None:
        self._matcher = TermMatcher(self.glossary.terms)
        self._published: dict[str, PublishedText] = {}
        self._markdown = SafeMarkdown()
        self._formats: tuple[list[tuple[str, str]], list[tuple[str, str]]] | None = None

    def glossary_markdown(self) -> str:
        return render.glossary_markdown(self.glossary, GLOSSARY_INTRO)

    @property
    def _figures_file(self) -> str:
        return f"{self.settings.annotations}/{FIGURES_FILE}"

    def generated_files(self) -> dict[str, str]:
        """Pages and downloads made from the annotations, by path in the site's source."""
        files = {GLOSSARY_PAGE: self.glossary_markdown()}
        if self.figures:
            files[FIGURES_PAGE] = render.figures_markdown()
        if self.events:
            files[TIMELINE_PAGE] = render.timeline_markdown()
        if any(t.intercepts for t in self.glossary.terms):
            files[INTERCEPTION_PAGE] = render.interception_markdown()
        files[INSTRUCTORS_PAGE] = render.instructors_markdown(self.settings.annotations)
        files.update(self._data_files())
        for assignment in self.assignments:
            files[handouts.page_path(ASSIGNMENTS_DIR, assignment)] = render.assignment_markdown(assignment.id, assignment.title)
        works = self.notes.works
        if works:
            files[REFERENCES_PAGE] = render.references_markdown(bibliography.STYLE_TITLE)
            exports = {"json": bibliography.csl_json_file, "bib": bibliography.bibtex, "ris": bibliography.ris}
            for ext, write in exports.items():
                files[f"{REFERENCES_DIR}/bibliography.{ext}"] = write(works)
                files.update({f"{REFERENCES_DIR}/{w.id}.{ext}": write([w]) for w in works})
        return files

    def _data_files(self) -> dict[str, str]:
        """The open-data files known before the pages are built, the Data page, and a stand-in for the annotations."""
        scheme = self.site_url + self.glossary_url
        title = f"Glossary of {self.essay.title}" if self.essay else "Glossary"
        skos = glossary_data.skos(self.glossary, scheme, title, GLOSSARY_INTRO, self.site_url, self._markdown)
        files = {
            glossary_data.SKOS_PATH: _json(skos),
            # Replaced once every page is written (annotations_export): positions are counted in the published pages.
            webanno.EXPORT_PATH: "{}\n",
        }
        listed = [
            (
                webanno.EXPORT_PATH,
                "Annotations (W3C Web Annotation)",
                "JSON-LD, W3C Web Annotation Data Model",
                "Every glossary term where it occurs, every note, figure and question for discussion, each anchored "
                "to its page by a TextQuoteSelector (the words, with the text just before and after) and a "
                "TextPositionSelector (character offsets in the text of the page's body as published, before any "
                "script runs). Anchoring libraries such as Apache Annotator find them again; the tests do so for every one.",
                "curl -s @SITE@data/annotations.jsonld | jq '.first.items[] | select(.motivation == \"commenting\") | .body[0].value'",
            ),
            (
                glossary_data.SKOS_PATH,
                "Glossary (SKOS)",
                "JSON-LD, SKOS concept scheme",
                "The glossary's terms as SKOS concepts: preferred and alternative labels, definitions, notes, "
                "broader categories, related terms and sources. The glossary page also embeds it for search "
                "engines as a schema.org DefinedTermSet.",
                "rdfpipe -i json-ld -o turtle glossary.skos.jsonld   # rdflib's command line: the concepts as Turtle",
            ),
        ]
        if self.notes.works:
            listed += [
                (
                    f"{REFERENCES_DIR}/bibliography.json",
                    "Works cited (CSL-JSON)",
                    "CSL-JSON",
                    "The works the notes cite, as the Citation Style Language's data; one file per work sits beside it.",
                    "pandoc notes.md --citeproc --bibliography bibliography.json -o notes.html",
                ),
                (
                    f"{REFERENCES_DIR}/bibliography.bib",
                    "Works cited (BibTeX)",
                    "BibTeX",
                    "The same works, for LaTeX and BibTeX-aware tools.",
                    "pandoc -f bibtex -t csljson bibliography.bib   # read by any BibTeX-aware tool",
                ),
                (
                    f"{REFERENCES_DIR}/bibliography.ris",
                    "Works cited (RIS)",
                    "RIS",
                    "The same works, for Zotero, EndNote or Mendeley (File → Import).",
                    "pandoc -f ris -t csljson bibliography.ris   # or in Zotero: File → Import",
                ),
            ]
        files[DATA_PAGE] = render.data_markdown(self.site_url, listed, LICENCE)
        return files

    def record_published(self, url: str, document: str) -> None:
        """Keeps the text of a section page as published, which the exported selectors are measured in."""
        if url in self.index.pages:
            self._published[url] = published_text(document)

    def annotations_export(self) -> tuple[str, list[Problem]]:
        shown = self.settings.annotations
        sources = webanno.Sources(
            self.glossary,
            self.notes.notes,
            self.notes.notes_file,
            self.figures,
            self._figures_file,
            self.questions,
            f"{shown}/{QUESTIONS_FILE}",
            [" ".join(p for p in (a.given, a.family) if p) or a.literal or "" for a in self.essay.author] if self.essay else [],
        )
        urls = webanno.Urls(self.site_url, self.glossary_url, f"{REFERENCES_PAGE[:-3]}/", f"{FIGURES_PAGE[:-3]}/")
        label = f"Annotations on {self.essay.title}" if self.essay else "Annotations"
        data, problems = webanno.collection(sources, urls, self.index.in_reading_order(), self._published, self.index.hits_of, label)
        return _json(data), problems

    def fill(self, path: str, html: str, url: str, homepage: bool) -> str:
        """Completes a generated page (or the home page) once every section is woven; other pages pass as they are."""
        fillers = {
            GLOSSARY_PAGE: self.fill_glossary,
            REFERENCES_PAGE: self.fill_references,
            FIGURES_PAGE: self.fill_figures,
            TIMELINE_PAGE: self.fill_timeline,
            INTERCEPTION_PAGE: self.fill_interception,
            INSTRUCTORS_PAGE: self.fill_instructors,
        }
        if path in fillers:
            return fillers[path](html, url)
        if path.startswith(ASSIGNMENTS_DIR + "/"):
            return self.fill_assignment(html, url)
        return self.fill_home(html, url) if homepage else html

    def fill_figures(self, html: str, url: str) -> str:
        placed = [(fig, next(iter(self.index.hits_of("figure", fig.id)), None)) for fig in self.figures]
        return html.replace(render.FIGURES_PLACEHOLDER, render.figures_list(placed, root_path(url)))

    def fill_timeline(self, html: str, url: str) -> str:
        base = root_path(url)
        figures = {h.id: h for h in self.index.hits if h.kind == "figure"}
        placed = []
        for event in self.events:
            hits = self.index.hits_of("event", event.id) if event.mention else [figures[event.figure]] if event.figure in figures else []
            placed.append((event, hits[0] if hits else None))
        body = render.timeline(placed, self.glossary, base, base + self.glossary_url)
        return html.replace(render.TIMELINE_PLACEHOLDER, body)

    def fill_interception(self, html: str, url: str) -> str:
        body = render.interception(self.glossary, root_path(url) + self.glossary_url)
        return html.replace(render.INTERCEPTION_PLACEHOLDER, body)

    def figure_links(self, from_url: str) -> dict[str, str]:
        """Where "Figure N" should lead from a page: the figure in its section."""
        base = root_path(from_url)
        return {h.id: f"{base}{h.url}#figure-{h.id}" for h in self.index.hits if h.kind == "figure" and h.paragraph}

    def fill_references(self, html: str, url: str) -> str:
        cited_in: dict[str, list[tuple[Note, Citation, QuoteHit]]] = {}
        for note in self.notes.notes:
            hits = self.index.hits_of("note", note.id)
            for citation in note.cites:
                cited_in.setdefault(citation.work, []).extend((note, citation, hit) for hit in hits[:1])
        entries = bibliography.formatted(self.notes.works)
        body = render.references_body(self.notes.works, entries, cited_in, bibliography.archive_url, root_path(url))
        return html.replace(render.REFERENCES_PLACEHOLDER, body)

    def weave(self, html: str, url: str, title: str, order: int, editorial: bool) -> str:
        """Numbers a section page's paragraphs, places its note markers, links its terms, adds cards and endnotes."""
        numbered, paragraphs = number_paragraphs(html)
        # One reading of the prose serves notes, figures and events: markers and figures are not prose, so
        # inserting them leaves the prose offsets where they were.
        text = PageText.of(numbered)
        marked, placed = self._place_notes(numbered, text, url, title)
        # Kept for handouts that show a paragraph elsewhere: the prose and its note markers, nothing more.
        inner = contents(marked)
        paragraphs = tuple(replace(p, html=inner.get(p.number, "")) for p in paragraphs)
        marked = self._place_figures(marked, text, url, title)
        self._find_events(marked, text, url, title)
        marked, asked = self._place_questions(marked, text, url, title)
        glossary_href = root_path(url) + self.glossary_url
        linked = link_terms(marked, self._matcher, self.settings.link_terms, glossary_href)
        self.index.add(PageRecord(url, title, order, editorial, paragraphs, linked.occurrences))
        note = render.editorial_note(EDITORIAL_NOTE) if editorial else ""
        note += render.reading_facts(sum(p.words for p in paragraphs), linked.terms, glossary_href)
        # Figures may stand on pages not built yet: a note's "Figure N" leads to the Figures page.
        figures = {f.id: f"{root_path(url)}{FIGURES_PAGE[:-3]}/#figure-{f.id}" for f in self.figures}
        cards = render.cards(linked.terms, [n for n, _ in placed], glossary_href, figures)
        ending = (
            render.questions(asked)
            + render.endnotes([(n, render.local_paragraph(p)) for n, p in placed], figures)
            + render.term_list(linked.terms, glossary_href, "Terms used in this section", print_only=True)
            + self._cite_panel(url, title)
        )
        return _after_title(linked.html, note) + ending + cards

    def _cite_panel(self, url: str, title: str) -> str:
        if self.essay is None:
            return ""
        page = self.site_url + url

        def fill(formats: list[tuple[str, str]]) -> list[tuple[str, str]]:
            return [(label, text.replace(_URL_SLOT, page).replace(_SECTION_SLOT, title)) for label, text in formats]

        section, paragraph = self._cite_formats()
        return render.cite_panel(title, fill(section), fill(paragraph))

    def _cite_formats(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """The essay's citations with slots for the page's address and title: the CSL processor runs once a build."""
        if self._formats is None:
            assert self.essay is not None
            section = replace(self.essay, URL=_URL_SLOT, note=f"Section: {_SECTION_SLOT}")
            paragraph = replace(
                self.essay, URL=f"{_URL_SLOT}#p{render.PARAGRAPH_SLOT}", note=f"Section: {_SECTION_SLOT}, paragraph {render.PARAGRAPH_SLOT}"
            )
            self._formats = (_citations(section, None), _citations(paragraph, render.PARAGRAPH_SLOT))
        return self._formats

    def head(self, url: str, title: str) -> str:
        """The page's citation metadata; section pages name the works their notes cite, the glossary its terms."""
        terms = ""
        if url == self.glossary_url:
            name = f"Glossary of {self.essay.title}" if self.essay else "Glossary"
            terms = render.json_ld(glossary_data.defined_term_set(self.glossary, self.site_url + url, name))
        if self.essay is None:
            return terms
        ids = {h.id for h in self.index.hits if h.kind == "note" and h.url == url}
        cited = list(dict.fromkeys(c.work for n in self.notes.notes if n.id in ids for c in n.cites))
        section = title if url in self.index.pages else ""
        return render.head_metadata(self.essay, section, self.site_url + url, [self.notes.work(w) for w in cited]) + terms

    def _place_questions(self, html: str, text: PageText, url: str, title: str) -> tuple[str, list[tuple[int, str, str, list[render.ParagraphLink]]]]:
        """Finds the paragraphs each question is about; a question belongs to the page of its first paragraph."""
        if not self.questions:
            return html, []
        found = {(q.id, i): text.find(quote) for q in self.questions for i, quote in enumerate(q.about)}
        _, paragraph_at = insert_after(html, {end: [] for ends in found.values() for end in ends})
        asked, markers = [], {}
        for q in self.questions:
            paragraphs = []
            for i in range(len(q.about)):
                for end in found[(q.id, i)]:
                    self.index.add_hit(QuoteHit("question", f"{q.id}:{i}", url, title, paragraph_at.get(end)))
                if len(found[(q.id, i)]) == 1 and paragraph_at.get(found[(q.id, i)][0]):
                    paragraphs.append(paragraph_at[found[(q.id, i)][0]])
            if paragraphs and len(found[(q.id, 0)]) == 1:
                number = len(asked) + 1  # questions are numbered within their section
                about = [link for p in sorted(set(paragraphs)) if (link := render.local_paragraph(p))]
                asked.append((number, q.id, q.ask, about))
                for p in set(paragraphs):
                    markers[p] = markers.get(p, "") + render.question_marker(q.id, number)
        return append_to(html, markers), asked

    def _find_events(self, html: str, text: PageText, url: str, title: str) -> None:
        """Records the paragraphs that mention each event; nothing is inserted in the prose."""
        if not self.events:
            return
        found = {e.id: text.find(e.mention) for e in self.events if e.mention}
        _, paragraph_at = insert_after(html, {end: [] for ends in found.values() for end in ends})
        for event_id, ends in found.items():
            for end in ends:
                self.index.add_hit(QuoteHit("event", event_id, url, title, paragraph_at.get(end)))

    def _place_figures(self, html: str, text: PageText, url: str, title: str) -> str:
        """Puts each figure before the paragraph its quote opens, when the quote stands once on this page."""
        if not self.figures:
            return html
        found = {fig.id: text.find(fig.before) for fig in self.figures}
        _, paragraph_at = insert_after(html, {end: [] for ends in found.values() for end in ends})
        before: dict[int, str] = {}
        for fig in self.figures:
            for end in found[fig.id]:
                self.index.add_hit(QuoteHit("figure", fig.id, url, title, paragraph_at.get(end)))
            paragraph = paragraph_at.get(found[fig.id][0]) if len(found[fig.id]) == 1 else None
            if paragraph is not None:
                before[paragraph] = render.figure(fig, root_path(url))
        return insert_before(html, before)

    def _place_notes(self, html: str, text: PageText, url: str, title: str) -> tuple[str, list[tuple[Note, int | None]]]:
        """Inserts a marker after each note's quote that stands once on this page; records every place found."""
        if not self.notes.notes:
            return html, []
        found = {note.id: text.find(note.anchor) for note in self.notes.notes}
        markup = {end: [render.note_marker(note)] for note in self.notes.notes if len(ends := found[note.id]) == 1 for end in ends}
        # Ambiguous places get no marker but are still looked up, to say where they are.
        markup.update({end: [] for ends in found.values() if len(ends) > 1 for end in ends})
        marked, paragraph_at = insert_after(html, markup)
        for note in self.notes.notes:
            for end in found[note.id]:
                self.index.add_hit(QuoteHit("note", note.id, url, title, paragraph_at.get(end)))
        placed = [(note, paragraph_at.get(found[note.id][0])) for note in self.notes.notes if len(found[note.id]) == 1]
        return marked, sorted(placed, key=lambda p: found[p[0].id][0])

    def fill_glossary(self, html: str, url: str) -> str:
        md = self._markdown
        base = root_path(url)
        appearances = self.index.appearances()
        figures = self.figure_links(url)
        html = html.replace(render.INDEX_PLACEHOLDER, render.glossary_index(self.glossary))

        def entry(match: re.Match[str]) -> str:
            term = self.glossary.term(match.group(1))
            entry = render.glossary_entry(term, self.glossary, appearances.get(term.id, []), md, base)
            return render.link_figure_mentions(entry, figures) if figures else entry

        # One pass over the page, whatever the number of terms.
        return render.ENTRY_PLACEHOLDER.sub(entry, html)

    def assignment_nav(self, nav: Any) -> Any:
        """The configured navigation with the assignments under the instructors' page."""
        # Navigation titles reach the page as markup, unescaped by MkDocs and the theme.
        pages = [(escape(a.title), handouts.page_path(ASSIGNMENTS_DIR, a)) for a in self.assignments]
        return handouts.with_assignment_pages(nav, INSTRUCTORS_PAGE, "For instructors", pages)

    @property
    def _assignments_file(self) -> str:
        return f"{self.settings.annotations}/{ASSIGNMENTS_FILE}"

    def fill_instructors(self, html: str, url: str) -> str:
        base = root_path(url)
        sections = self.index.sections()
        per_page: dict[str, dict[str, int]] = {"Notes": {}, "Questions": {}}
        for hit in self.index.hits:
            column = "Notes" if hit.kind == "note" else "Questions" if hit.kind == "question" and hit.id.endswith(":0") else None
            if column:
                per_page[column][hit.url] = per_page[column].get(hit.url, 0) + 1
        listed = []
        for assignment in self.assignments:
            found, _ = handouts.readings(assignment, self.index.pages, self._assignments_file)
            what = "; ".join(render.passage_label(r.page.title, r.passage.numbers[0], r.passage.numbers[-1]) for r in found)
            listed.append((assignment.title, f"{base}{ASSIGNMENTS_DIR}/{assignment.id}/", what))
        return (
            html.replace(render.INSTRUCTORS_SECTIONS_PLACEHOLDER, render.sections_table(sections, base, list(per_page.items())))
            .replace(render.BUILDER_PLACEHOLDER, render.builder(sections, base))
            .replace(render.ASSIGNMENTS_PLACEHOLDER, render.assignments_list(listed))
        )

    def fill_assignment(self, html: str, url: str) -> str:
        match = render.ASSIGNMENT_PLACEHOLDER.search(html)
        if not match:
            return html
        assignment = next(a for a in self.assignments if a.id == match.group(1))
        base = root_path(url)
        glossary_href = base + self.glossary_url
        found, _ = handouts.readings(assignment, self.index.pages, self._assignments_file)
        passages, reading = [], []
        assigned: dict[tuple[str, int], render.ParagraphLink] = {}
        for r in found:
            section = handouts.section_name(r.page.url)
            href = base + r.page.url
            passages.append(render.passage(section, r.page.title, href, [(p.number, p.html) for p in r.paragraphs]))
            first, last = r.passage.numbers[0], r.passage.numbers[-1]
            reading.append((render.passage_label(r.page.title, first, last), f"{href}#p{first}-p{last}"))
            assigned.update({(r.page.url, p.number): (f"#{render.passage_id(section, p.number)}", r.page.title, p.number) for p in r.paragraphs})
        linked = link_terms("".join(passages), self._matcher, self.settings.link_terms, glossary_href)
        placed = [
            (note, assigned[(hit.url, hit.paragraph)])
            for note in self.notes.notes
            for hit in self.index.hits_of("note", note.id)[:1]
            if hit.paragraph and (hit.url, hit.paragraph) in assigned
        ]
        order = {link: i for i, link in enumerate(assigned.values())}
        placed.sort(key=lambda item: order[item[1]])
        figures = self.figure_links(url)
        body = render.assignment_body(self._markdown.convert(assignment.instructions), reading, linked.html)
        body += render.questions(self._assigned_questions(assignment, assigned, base))
        body += render.endnotes(placed, figures)
        body += render.term_list(linked.terms, glossary_href, "Terms in these passages")
        body += render.cards(linked.terms, [n for n, _ in placed], glossary_href, figures)
        return html.replace(match.group(0), body)

    def _assigned_questions(
        self, assignment: Assignment, assigned: dict[tuple[str, int], render.ParagraphLink], base: str
    ) -> list[tuple[int, str, str, list[render.ParagraphLink]]]:
        """The questions the assignment lists, or else those about its paragraphs; each links to its paragraphs."""

        def hits(q: Question) -> list[QuoteHit]:
            return [h for i in range(len(q.about)) for h in self.index.hits_of("question", f"{q.id}:{i}")[:1] if h.paragraph]

        def about(q: Question) -> list[render.ParagraphLink]:
            # A paragraph on this page links to its copy here; one outside the passages, to the essay.
            return [assigned.get((h.url, h.paragraph or 0)) or (f"{base}{h.url}#p{h.paragraph}", h.title, h.paragraph or 0) for h in hits(q)]

        if assignment.questions is not None:
            chosen = [q for q_id in assignment.questions for q in self.questions if q.id == q_id]
        else:
            chosen = [q for q in self.questions if any((h.url, h.paragraph) in assigned for h in hits(q))]
        return [(n, q.id, q.ask, about(q)) for n, q in enumerate(chosen, 1)]

    def fill_home(self, html: str, url: str) -> str:
        return html.replace(render.SECTIONS_PLACEHOLDER, render.sections_table(self.index.sections(), root_path(url)))

    def warnings(self) -> list[Problem]:
        """What does not fit the text, known only once every page is woven."""
        unused = [
            Problem(
                self.glossary.file,
                self.glossary.term(term_id).line,
                f'term "{term_id}": none of its variants occurs in the text; fix the variants or remove the term',
                Severity.WARNING,
            )
            for term_id in self.index.unused(t.id for t in self.glossary.terms)
        ]
        missing = [problem for a in self.assignments for problem in handouts.readings(a, self.index.pages, self._assignments_file)[1]]
        return unused + self._note_warnings() + missing

    def _note_warnings(self) -> list[Problem]:
        anchored = [("note", n.id, n.anchor, self.notes.notes_file) for n in self.notes.notes]
        anchored += [("figure", f.id, f.before, self._figures_file) for f in self.figures]
        anchored += [("event", e.id, e.mention, f"{self.settings.annotations}/{TIMELINE_FILE}") for e in self.events if e.mention]
        questions_file = f"{self.settings.annotations}/{QUESTIONS_FILE}"
        anchored += [("question", f"{q.id}:{i}", quote, questions_file) for q in self.questions for i, quote in enumerate(q.about)]
        problems = []
        for kind, hit_id, quote, file in anchored:
            hits = self.index.hits_of(kind, hit_id)
            id_ = hit_id.split(":")[0]
            where = f'{kind} "{id_}": the quote "{quote.exact}"'
            if not hits:
                message = f"{where} is not in the text; copy it exactly from the page, with its punctuation"
            elif len(hits) > 1:
                places = ", ".join(f"{h.title} ¶ {h.paragraph}" if h.paragraph else h.title for h in hits)
                message = f"{where} occurs {len(hits)} times ({places}); add a prefix or suffix that only one of them has"
            elif kind == "figure" and hits[0].paragraph is None:
                message = f"{where} is not in a paragraph of the essay; quote the opening words of the paragraph the figure stands before"
            else:
                continue
            problems.append(Problem(file, quote.line, message, Severity.WARNING))
        return problems


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


_URL_SLOT = "@URL@"
_SECTION_SLOT = "@SECTION@"


def _citations(work: Work, locator: str | None) -> list[tuple[str, str]]:
    """Every "Cite this" format of the work: each CSL style's citation and bibliography entry, BibTeX, RIS."""
    found = []
    for label, style, initials in bibliography.CITE_STYLES:
        note, entry = bibliography.cite(work, style, work.URL or "", locator, initials)
        found += [(f"{label}: note or in-text citation", note), (f"{label}: bibliography", entry)]
    return found + [("BibTeX", bibliography.bibtex([work])), ("RIS", bibliography.ris([work]))]


def _after_title(html: str, note: str) -> str:
    """Places the editorial note after the page's first heading, or first if there is none."""
    if not note:
        return html
    end = html.find("</h1>")
    if end < 0:
        return note + html
    end += len("</h1>")
    return html[:end] + "\n" + note + html[end:]
