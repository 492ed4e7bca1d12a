"""The phases diagram's model: the phases of a process, and the key it adds to glossary terms to say where each acts."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...core.kinds import Id, Text, doc, position


@dataclass(frozen=True)
class Engagement:
    """Where in the process a term acts, and by whose hand."""

    phase: Id = field(metadata=doc("the id of a phase in phases.yml"))
    by: Text = field(metadata=doc("who fields or runs it, such as United States"))
    interceptor: Text | None = field(default=None, metadata=doc("the means it uses in this phase"))
    line: int = position()


@dataclass(frozen=True)
class Phase:
    id: Id = field(metadata=doc("identifier, used by terms' 'intercepts'"))
    name: Text = field(metadata=doc("the phase's name, such as Boost"))
    text: Text | None = field(default=None, metadata=doc("what happens in this phase, in a sentence"))
    line: int = position()


@dataclass(frozen=True)
class PhasesFile:
    phases: tuple[Phase, ...] = field(metadata=doc("the phases, in the order they happen"))
