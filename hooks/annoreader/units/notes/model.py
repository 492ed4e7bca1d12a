"""The notes' model: each note anchored by quotation, with the works it cites."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ...core.kinds import Id, Text, doc, position
from ...core.quotes import Quote
from ...csl.model import Work


@dataclass(frozen=True)
class Citation:
    work: Id = field(metadata=doc("id of a work in works.yml"))
    locator: Text | None = field(default=None, metadata=doc("where in the work, such as 'p. 403'"))
    line: int = position()


@dataclass(frozen=True)
class Note:
    id: Id = field(metadata=doc("the note's number as the source prints it"))
    anchor: Quote = field(metadata=doc("the words the note's number followed in the source"))
    text: Text = field(metadata=doc("the note, word for word"))
    cites: tuple[Citation, ...] = field(default=(), metadata=doc("the works the note cites; none for commentary"))
    line: int = position()


@dataclass(frozen=True)
class NotesFile:
    notes: tuple[Note, ...] = field(metadata=doc("the text's notes, in order"))


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

    @cached_property
    def _notes(self) -> dict[str, Note]:
        return {n.id: n for n in self.notes}

    def note(self, note_id: str) -> Note:
        return self._notes[note_id]
