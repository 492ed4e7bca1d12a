"""Finds a named assignment's passages among the built sections, and puts the assignment pages in the navigation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .model import Assignment, Passage
from .problems import Problem, Severity
from .site import PageRecord, Paragraph


@dataclass(frozen=True)
class Reading:
    """A passage as it stands in the built site."""

    passage: Passage
    page: PageRecord
    paragraphs: tuple[Paragraph, ...]


def section_name(url: str) -> str:
    """The name assignments give a section: its page's address without slashes or extension."""
    return url.strip("/").removesuffix(".html").removesuffix("/index")


def readings(assignment: Assignment, pages: Mapping[str, PageRecord], file: str) -> tuple[list[Reading], list[Problem]]:
    """The assignment's passages that exist, and a problem for each that does not."""
    sections = {section_name(p.url): p for p in pages.values() if p.paragraphs}
    found, problems = [], []
    where = f'assignment "{assignment.id}"'
    for passage in assignment.passages:
        page = sections.get(passage.section)
        if page is None:
            names = ", ".join(sorted(sections, key=lambda n: sections[n].order))
            problems.append(Problem(file, passage.line, f'{where}: there is no section "{passage.section}"; use one of: {names}', Severity.WARNING))
            continue
        count = len(page.paragraphs)
        if passage.numbers.stop - 1 > count:
            problems.append(
                Problem(
                    file,
                    passage.line,
                    f'{where}: section "{passage.section}" has {count} paragraphs, so ¶ {passage.paragraphs} does not exist; fix the numbers',
                    Severity.WARNING,
                )
            )
            continue
        found.append(Reading(passage, page, tuple(page.paragraphs[n - 1] for n in passage.numbers)))
    return found, problems


def page_path(folder: str, assignment: Assignment) -> str:
    return f"{folder}/{assignment.id}.md"


def with_assignment_pages(nav: Any, overview: str, title: str, pages: Sequence[tuple[str, str]]) -> Any:
    """mkdocs.yml's nav with the entry for the instructors' page turned into a section holding the assignments.

    Works on the nav as configured (lists, mappings and strings), so adding an assignment needs no edit there.
    """
    if not isinstance(nav, list) or not pages:
        return nav
    children = [{"Overview": overview}, *({name: path} for name, path in pages)]
    out = []
    for item in nav:
        if item == overview:
            item = {title: children}
        elif isinstance(item, dict) and len(item) == 1 and next(iter(item.values())) == overview:
            item = {next(iter(item)): children}
        out.append(item)
    return out
