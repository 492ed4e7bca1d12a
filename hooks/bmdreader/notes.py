"""Loads and checks the notes file and the works file (CSL-YAML) into one Notes model."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from .model import Assignment, AssignmentsFile, Event, Figure, FiguresFile, Note, NotesFile, Question, QuestionsFile, TimelineFile, Work, WorksFile
from .problems import AnnotationError, Problem, duplicate_ids
from .records import load_file

# The CSL item types a work may have, with the fields each needs before a style can cite it.
REQUIRED_BY_TYPE: dict[str, tuple[str, ...]] = {
    "article": ("author", "issued"),
    "book": ("author", "publisher", "issued"),
    "chapter": ("author", "container_title", "publisher", "issued"),
    "article-journal": ("author", "container_title", "issued"),
    "article-magazine": ("container_title", "issued"),
    "article-newspaper": ("container_title", "issued"),
    "report": ("issued",),
    "interview": ("issued",),
    "speech": ("author", "issued"),
    "post": ("container_title", "issued", "URL"),
    "post-weblog": ("container_title", "issued", "URL"),
    "webpage": ("URL",),
    "document": (),
}
_KEY = {"container_title": "container-title", "publisher_place": "publisher-place"}


@dataclass(frozen=True)
class Notes:
    notes_file: str
    works_file: str
    notes: tuple[Note, ...]
    works: tuple[Work, ...]

    @cached_property
    def _works(self) -> dict[str, Work]:
        return {w.id: w for w in self.works}

    def work(self, work_id: str) -> Work:
        return self._works[work_id]

    def citing(self, work_id: str) -> tuple[Note, ...]:
        return tuple(n for n in self.notes if any(c.work == work_id for c in n.cites))

    @classmethod
    def empty(cls) -> Notes:
        return cls("", "", (), ())


def load_notes(notes_path: Path, notes_shown: str, works_path: Path, works_shown: str) -> Notes:
    """Either file may be absent (a site without notes); what is there must be right."""
    notes = load_file(notes_path, notes_shown, NotesFile).notes if notes_path.exists() else ()
    works = load_file(works_path, works_shown, WorksFile).references if works_path.exists() else ()
    problems = check_works(works, works_shown) + check_notes(notes, notes_shown, {w.id for w in works}, works_shown)
    if problems:
        raise AnnotationError(problems)
    return Notes(notes_shown, works_shown, notes, works)


def load_essay(path: Path, shown: str) -> Work | None:
    """The essay's own record, if the project has one: a works file with a single item."""
    if not path.exists():
        return None
    works = load_file(path, shown, WorksFile).references
    problems = check_works(works, shown)
    if len(works) != 1:
        problems.append(Problem(shown, works[1].line if len(works) > 1 else 0, "the essay file holds exactly one item: the essay"))
    if problems:
        raise AnnotationError(problems)
    return works[0]


def check_works(works: tuple[Work, ...], file: str) -> list[Problem]:
    problems = duplicate_ids("work", [(w.id, w.line) for w in works], file)
    for work in works:
        where = f'work "{work.id}"'
        needs = REQUIRED_BY_TYPE.get(work.type)
        if needs is None:
            known = ", ".join(sorted(REQUIRED_BY_TYPE))
            problems.append(Problem(file, work.line, f'{where}: unknown CSL type "{work.type}"; use one of: {known}'))
            continue
        missing = [_KEY.get(f, f) for f in needs if not getattr(work, f)]
        if missing:
            fields = ", ".join(f"'{m}'" for m in missing)
            article = "an" if work.type[0] in "aeiou" else "a"
            problems.append(Problem(file, work.line, f"{where}: {article} {work.type} needs {fields} to be cited; add {'it' if len(missing) == 1 else 'them'}"))
        for name in work.author:
            if bool(name.literal) == bool(name.family) or (name.given and not name.family):
                problems.append(Problem(file, name.line, f"{where}: an author has either 'family' (and 'given') or 'literal', not both or neither"))
    return problems


def check_notes(notes: tuple[Note, ...], file: str, work_ids: set[str], works_file: str) -> list[Problem]:
    problems = duplicate_ids("note", [(n.id, n.line) for n in notes], file)
    for note in notes:
        for citation in note.cites:
            if citation.work not in work_ids:
                problems.append(Problem(file, citation.line, f'note "{note.id}": cites unknown work "{citation.work}"; add it to {works_file} or fix the id'))
    return problems



def _load_list(path: Path, shown: str, cls: type, kind: str) -> tuple[Any, ...]:
    """The items of a file that holds one list of records with ids (none if the file is absent), ids checked."""
    if not path.exists():
        return ()
    items: tuple[Any, ...] = getattr(load_file(path, shown, cls), dataclasses.fields(cls)[0].name)
    problems = duplicate_ids(kind, [(i.id, i.line) for i in items], shown)
    if problems:
        raise AnnotationError(problems)
    return items


def load_figures(path: Path, shown: str) -> tuple[Figure, ...]:
    return _load_list(path, shown, FiguresFile, "figure")


def load_timeline(path: Path, shown: str, term_ids: set[str], figure_ids: set[str]) -> tuple[Event, ...]:
    events: tuple[Event, ...] = _load_list(path, shown, TimelineFile, "event")
    problems = []
    for event in events:
        where = f'event "{event.id}"'
        if (event.mention is None) == (event.figure is None):
            problems.append(Problem(shown, event.line, f"{where}: give either 'mention' (words of the paragraph that mentions it) or 'figure', one of them"))
        if event.figure is not None and event.figure not in figure_ids:
            problems.append(Problem(shown, event.line, f'{where}: unknown figure "{event.figure}"; use the id of a figure in figures.yml'))
        for term in event.terms:
            if term not in term_ids:
                problems.append(Problem(shown, event.line, f'{where}: unknown term "{term}"; use the id of a glossary term'))
    if problems:
        raise AnnotationError(problems)
    return tuple(sorted(events, key=lambda e: e.date))


def load_questions(path: Path, shown: str) -> tuple[Question, ...]:
    return _load_list(path, shown, QuestionsFile, "question")


def load_assignments(path: Path, shown: str, question_ids: set[str], questions_file: str) -> tuple[Assignment, ...]:
    """Named assignments; whether their sections and paragraphs exist is known only once the pages are built."""
    assignments: tuple[Assignment, ...] = _load_list(path, shown, AssignmentsFile, "assignment")
    problems = []
    for assignment in assignments:
        where = f'assignment "{assignment.id}"'
        seen: dict[str, set[int]] = {}
        for passage in assignment.passages:
            taken = seen.setdefault(passage.section, set())
            if taken & set(passage.numbers):
                problems.append(
                    Problem(shown, passage.line, f'{where}: ¶ {passage.paragraphs} of section "{passage.section}" overlaps an earlier passage; assign each paragraph once')
                )
            taken.update(passage.numbers)
        for question in assignment.questions or ():
            if question not in question_ids:
                problems.append(
                    Problem(shown, assignment.line, f'{where}: unknown question "{question}"; use the id of a question in {questions_file}')
                )
    if problems:
        raise AnnotationError(problems)
    return assignments
