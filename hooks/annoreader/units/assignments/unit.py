"""Assignments: the instructors' page (sections, a link builder, the ready-made assignments) and a page for each
named assignment, with its passages in full, their questions, notes and terms."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from typing import Any

from ...core.markdown import SafeMarkdown
from ...core.pages import markdown_page, markdown_text, placeholder
from ...core.problems import Problem
from ...core.site import PageInfo
from ...core.unit import Generated, PageSpec, Source, Unit
from ...core.urls import section_name
from .model import Assignment, AssignmentsFile
from .readings import readings, with_pages

_PAGE = re.compile(r"<!-- rdr:assignments:page ([a-z0-9-]+) -->")
# (href, words before the ¶ sign such as a section's title, number)
ParagraphLink = tuple[str, str, int]


class AssignmentsUnit(Unit):
    name = "assignments"
    needs = ("sections",)
    uses = ("questions",)
    files = {"assignments": AssignmentsFile}
    pages = (
        PageSpec("instructors", "for-instructors.md", "for instructors: the sections, a link builder, the assignments"),
        PageSpec("assignments", "assignments", "the folder of the assignments' pages"),
    )

    def __init__(self, build: Any, position: int) -> None:
        super().__init__(build, position)
        self._markdown = SafeMarkdown()

    @property
    def assignments(self) -> tuple[Assignment, ...]:
        return self.data or ()

    @property
    def _file(self) -> str:
        return self.file("assignments")

    def load(self, source: Source) -> tuple[Assignment, ...] | None:
        """Named assignments; whether their sections and paragraphs exist is known only once the pages are built."""
        assignments = source.records("assignments", AssignmentsFile, "assignment")
        if assignments is None:
            return None
        file = source.file("assignments")
        questions_unit = self.build.unit("questions")
        questions = {q.id for q in questions_unit.questions} if questions_unit else set()
        problems: list[Problem] = []
        for assignment in assignments:
            where = f'assignment "{assignment.id}"'
            seen: dict[str, set[int]] = {}
            for passage in assignment.passages:
                taken = seen.setdefault(passage.section, set())
                if taken & set(passage.numbers):
                    message = f'{where}: ¶ {passage.paragraphs} of section "{passage.section}" overlaps an earlier passage; assign each paragraph once'
                    problems.append(Problem(file, passage.line, message))
                taken.update(passage.numbers)
            for question in assignment.questions or ():
                if question not in questions:
                    problems.append(Problem(file, assignment.line, f'{where}: unknown question "{question}"; use the id of a question in {source.file("questions")}'))
        return assignments if source.report(problems) else None

    def _page_path(self, assignment: Assignment) -> str | None:
        folder = self.page_setting("assignments").path
        return f"{folder}/{assignment.id}.md" if folder else None

    def nav(self, nav: Any) -> Any:
        """The configured navigation with the assignments under the instructors' page."""
        overview = self.page_setting("instructors").path
        if overview is None:
            return nav
        # Navigation titles reach the page as markup, unescaped by MkDocs and the theme.
        pages = [(escape(a.title), path) for a in self.assignments if (path := self._page_path(a))]
        return with_pages(nav, overview, self.page_title("instructors"), self.build.strings("assignments.overview"), pages)

    # -- pages ---------------------------------------------------------------------------------------------
    def generate(self) -> Iterable[Generated]:
        t = self.build.strings
        page = self.generated_page(
            "instructors",
            [
                f"## {markdown_text(t('assignments.sections'))}",
                "",
                placeholder("assignments", "sections"),
                "",
                f"## {markdown_text(t('assignments.links'))} {{#links}}",
                "",
                t("assignments.links_text"),
                "",
                placeholder("assignments", "builder"),
                "",
                f"## {markdown_text(t('assignments.ready_made'))} {{#assignments}}",
                "",
                placeholder("assignments", "list"),
                "",
                f"## {markdown_text(t('assignments.handouts'))} {{#handouts}}",
                "",
                markdown_text(t("assignments.handouts_text")),
                "",
                t("assignments.to_add", file=self._file),
            ],
        )
        yield from [page] if page else []
        for assignment in self.assignments:
            path = self._page_path(assignment)
            if path:
                yield Generated(path, markdown_page(assignment.title, [f"<!-- rdr:assignments:page {assignment.id} -->"]), f"page:{assignment.id}", "assignments")

    def fill(self, page: PageInfo, key: str | None, html: str) -> str:
        if key == "instructors":
            return self._fill_instructors(page, html)
        if key and key.startswith("page:"):
            match = _PAGE.search(html)
            if match:
                assignment = next(a for a in self.assignments if a.id == match.group(1))
                return html.replace(match.group(0), self._assignment(assignment, page))
        return html

    def _fill_instructors(self, page: PageInfo, html: str) -> str:
        macros = self.build.templates.unit("assignments")
        sections = [s for s in self.build.index.in_reading_order() if s.paragraphs]
        listed = []
        for assignment in self.assignments:
            path = self._page_path(assignment)
            found, _ = readings(assignment, self.build.index, self._file)
            what = "; ".join(self._label(r.section.title, r.passage.numbers[0], r.passage.numbers[-1]) for r in found)
            if path:
                listed.append((assignment.title, self.build.urls.href(page.url, self.build.urls.page(path)), what))
        table = self.build.unit("sections").table(page.url, ("glossary", "notes", "questions"))
        return (
            html.replace(placeholder("assignments", "sections"), table)
            .replace(placeholder("assignments", "builder"), macros.builder(sections, self.build.urls.href(page.url, "")))
            .replace(placeholder("assignments", "list"), macros.list(listed))
        )

    def _label(self, title: str, first: int, last: int) -> str:
        t = self.build.strings
        return t("assignments.passage_one", title=title, first=first) if first == last else t("assignments.passage_range", title=title, first=first, last=last)

    def _assignment(self, assignment: Assignment, page: PageInfo) -> str:
        macros = self.build.templates.unit("assignments")
        urls = self.build.urls
        found, _ = readings(assignment, self.build.index, self._file)
        passages, reading = [], []
        assigned: dict[tuple[str, int], ParagraphLink] = {}
        for r in found:
            name = section_name(r.section.page.src).replace("/", "-")
            href = urls.href(page.url, r.section.url)
            first, last = r.passage.numbers[0], r.passage.numbers[-1]
            label = self._label(r.section.title, first, last)
            shown = [(p.number, r.section.copies.get(p.number, "")) for p in r.paragraphs]
            passages.append(macros.passage(name, r.section.title, label, href, shown))
            reading.append((label, f"{href}#p{first}-p{last}"))
            assigned.update({(r.section.url, p.number): (f"#{name}-p{p.number}", r.section.title, p.number) for p in r.paragraphs})
        glossary, notes = self.build.unit("glossary"), self.build.unit("notes")
        linked, marked = glossary.marked("".join(passages), page.url) if glossary else ("".join(passages), None)
        handouts = self.build.unit("handouts")
        body = handouts.block(assignment.title, page.url) if handouts else ""
        body += macros.body(self._markdown.convert(assignment.instructions), reading, linked)
        body += self._questions(assignment, assigned, page)
        placed = self._notes(assigned) if notes else []
        texts = {n.id: glossary.mark_text(notes.note_html(n, page.url), marked, (notes.name, n.id)) for n, _ in placed} if glossary else {}
        cards: list[str] = []
        if notes:
            body += notes.endnotes(placed, page.url, texts)
        if glossary:
            terms = glossary.terms_in(marked.marks)
            body += glossary.term_list(terms, page.url, self.build.strings("assignments.terms_here"))
            cards += glossary.cards(terms, page.url)
        if notes:
            cards += notes.cards([n for n, _ in placed], page.url, texts)
        return body + (self.build.templates.unit("core").cards(cards) if cards else "")

    def _notes(self, assigned: dict[tuple[str, int], ParagraphLink]) -> list[tuple[Any, ParagraphLink]]:
        """The notes that stand in the passages, in the order of the passages."""
        notes = self.build.unit("notes")
        placed = []
        for note in notes.notes.notes if notes.notes else ():
            place = notes.placed(note)
            if place and place.paragraph and (place.url, place.paragraph) in assigned:
                placed.append((note, assigned[(place.url, place.paragraph)]))
        order = {link: i for i, link in enumerate(assigned.values())}
        return sorted(placed, key=lambda item: order[item[1]])

    def _questions(self, assignment: Assignment, assigned: dict[tuple[str, int], ParagraphLink], page: PageInfo) -> str:
        """The questions the assignment lists, or else those about its paragraphs; each links to its paragraphs."""
        unit = self.build.unit("questions")
        if unit is None:
            return ""

        def about(question: Any) -> list[ParagraphLink]:
            # A paragraph on this page links to its copy here; one outside the passages, to the essay.
            return [
                assigned.get((p.url, p.paragraph or 0)) or (f"{self.build.urls.href(page.url, p.url)}#p{p.paragraph}", p.title, p.paragraph or 0)
                for p in unit.places(question)
            ]

        if assignment.questions is not None:
            chosen = [q for q_id in assignment.questions for q in unit.questions if q.id == q_id]
        else:
            chosen = [q for q in unit.questions if any((p.url, p.paragraph) in assigned for p in unit.places(q))]
        return unit.render([(n, q, about(q)) for n, q in enumerate(chosen, 1)])

    def warnings(self) -> list[Problem]:
        return [problem for a in self.assignments for problem in readings(a, self.build.index, self._file)[1]]
