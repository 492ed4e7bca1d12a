"""The assignments' model: named readings, each a list of passages given by section and paragraph numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...core.kinds import Id, Markdown, PageName, Range, Text, doc, position


@dataclass(frozen=True)
class Passage:
    """Paragraphs of one section, by the numbers every section page shows."""

    section: PageName = field(metadata=doc("the section's page: its path under docs/ without '.md', such as chapter-2"))
    paragraphs: Range = field(metadata=doc("a paragraph number or range of that section: 4 or 4-7"))
    line: int = position()

    @property
    def numbers(self) -> range:
        first, _, last = self.paragraphs.partition("-")
        return range(int(first), int(last or first) + 1)


@dataclass(frozen=True)
class Assignment:
    id: Id = field(metadata=doc("identifier, also the name of the assignment's page"))
    title: Text = field(metadata=doc("the assignment's title"))
    instructions: Markdown = field(metadata=doc("what students are to do, in Markdown"))
    passages: tuple[Passage, ...] = field(metadata=doc("the paragraphs to read, in the order to read them"))
    questions: tuple[Id, ...] | None = field(
        default=None, metadata=doc("ids of questions in questions.yml; default: the questions about the assigned paragraphs")
    )
    line: int = position()


@dataclass(frozen=True)
class AssignmentsFile:
    assignments: tuple[Assignment, ...] = field(metadata=doc("named reading assignments"))
