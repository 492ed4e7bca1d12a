"""The units a site can build, in the order they run: registering a new kind of annotation is one line here."""

from __future__ import annotations

from ..core.unit import Unit
from .assignments.unit import AssignmentsUnit
from .citing.unit import CitingUnit
from .figures.unit import FiguresUnit
from .glossary.unit import GlossaryUnit
from .handouts.unit import HandoutsUnit
from .notes.unit import NotesUnit
from .opendata.unit import OpenDataUnit
from .phases.unit import PhasesUnit
from .questions.unit import QuestionsUnit
from .sections.unit import SectionsUnit
from .timeline.unit import TimelineUnit

UNITS: tuple[type[Unit], ...] = (
    SectionsUnit,
    GlossaryUnit,
    NotesUnit,
    FiguresUnit,
    TimelineUnit,
    QuestionsUnit,
    CitingUnit,
    AssignmentsUnit,
    HandoutsUnit,
    OpenDataUnit,
    PhasesUnit,
)
