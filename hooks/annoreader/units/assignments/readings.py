"""Finds an assignment's passages among the woven sections, and puts the assignment pages in the navigation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ...core.problems import Problem, Severity
from ...core.prose import Paragraph
from ...core.site import Section, SiteIndex
from ...core.urls import section_name
from .model import Assignment, Passage


@dataclass(frozen=True)
class Reading:
    """A passage as it stands in the built site."""

    passage: Passage
    section: Section
    paragraphs: tuple[Paragraph, ...]


def readings(assignment: Assignment, index: SiteIndex, file: str) -> tuple[list[Reading], list[Problem]]:
    """The assignment's passages that exist, and a problem for each that does not."""
    sections = index.by_name()
    found, problems = [], []
    where = f'assignment "{assignment.id}"'
    for passage in assignment.passages:
        section = sections.get(passage.section)
        if section is None or not section.paragraphs:
            names = ", ".join(section_name(s.page.src) for s in index.in_reading_order() if s.paragraphs)
            problems.append(Problem(file, passage.line, f'{where}: there is no section "{passage.section}"; use one of: {names}', Severity.WARNING))
            continue
        count = len(section.paragraphs)
        if passage.numbers.stop - 1 > count:
            message = f'{where}: section "{passage.section}" has {count} paragraphs, so ¶ {passage.paragraphs} does not exist; fix the numbers'
            problems.append(Problem(file, passage.line, message, Severity.WARNING))
            continue
        found.append(Reading(passage, section, tuple(section.paragraphs[n - 1] for n in passage.numbers)))
    return found, problems


def with_pages(nav: Any, overview: str, title: str, overview_title: str, pages: Sequence[tuple[str, str]]) -> Any:
    """mkdocs.yml's nav with the entry for the instructors' page turned into a section holding the assignments.

    Works on the nav as configured (lists, mappings and strings), so adding an assignment needs no edit there.
    """
    if not isinstance(nav, list) or not pages:
        return nav
    children = [{overview_title: overview}, *({name: path} for name, path in pages)]
    out = []
    for item in nav:
        if item == overview:
            item = {title: children}
        elif isinstance(item, dict) and len(item) == 1 and next(iter(item.values())) == overview:
            item = {next(iter(item)): children}
        out.append(item)
    return out
