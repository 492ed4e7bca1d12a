"""The timeline's model: dated events, each tied to the paragraph or figure that mentions it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...core.kinds import Date, Id, Text, doc, position
from ...core.quotes import Quote


@dataclass(frozen=True)
class Event:
    """A dated event the text mentions or rests on, for the timeline."""

    id: Id = field(metadata=doc("identifier, also the event's anchor on the timeline"))
    date: Date = field(metadata=doc("YYYY, YYYY-MM or YYYY-MM-DD"))
    title: Text = field(metadata=doc("what happened, in a few words"))
    text: Text = field(metadata=doc("one or two sentences"))
    mention: Quote | None = field(default=None, metadata=doc("words of the paragraph that mentions the event"))
    figure: Id | None = field(default=None, metadata=doc("or: the figure whose caption dates it"))
    terms: tuple[Id, ...] = field(default=(), metadata=doc("glossary terms the event involves"))
    line: int = position()


@dataclass(frozen=True)
class TimelineFile:
    events: tuple[Event, ...] = field(metadata=doc("the dated events, in any order"))
