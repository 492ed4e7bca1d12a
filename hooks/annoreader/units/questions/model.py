"""The questions' model: each question for discussion, anchored to the paragraphs it is about."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...core.kinds import Id, Text, doc, position
from ...core.quotes import Quote


@dataclass(frozen=True)
class Question:
    id: Id = field(metadata=doc("identifier, also the question's anchor"))
    ask: Text = field(metadata=doc("the question: open, substantive, tied to the text"))
    about: tuple[Quote, ...] = field(metadata=doc("words of each paragraph the question is about"))
    line: int = position()


@dataclass(frozen=True)
class QuestionsFile:
    questions: tuple[Question, ...] = field(metadata=doc("questions for discussion"))
