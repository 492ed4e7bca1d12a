"""Questions for discussion: listed at the end of the section of their first paragraph, each paragraph they are
about marked with a link to them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ...core.quotes import QuoteUse
from ...core.site import Placed
from ...core.spans import Append, Block
from ...core.unit import Source, Unit, Weave
from .model import Question, QuestionsFile

# (href, words before the ¶ sign such as a section's title, number)
ParagraphLink = tuple[str, str, int]


class QuestionsUnit(Unit):
    name = "questions"
    files = {"questions": QuestionsFile}

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.data or ()

    def load(self, source: Source) -> tuple[Question, ...] | None:
        return source.records("questions", QuestionsFile, "question")

    def quotes(self) -> Iterable[QuoteUse]:
        file = self.file("questions")
        return (QuoteUse("question", f"{q.id}:{i}", quote, file, f'question "{q.id}"') for q in self.questions for i, quote in enumerate(q.about))

    def finish(self, weave: Weave) -> None:
        """A question belongs to the page of its first paragraph; each of its paragraphs there gets a marker."""
        html = self.build.templates.unit("questions")
        asked = []
        markers: dict[int, list[str]] = {}
        for question in self.questions:
            found = [weave.found("question", f"{question.id}:{i}") for i in range(len(question.about))]
            paragraphs = sorted({hits[0].paragraph for hits in found if len(hits) == 1 and hits[0].paragraph})
            if paragraphs and len(found[0]) == 1:
                number = len(asked) + 1  # questions are numbered within their section
                asked.append((number, question, [(f"#p{n}", "", n) for n in paragraphs]))
                for n in paragraphs:
                    markers.setdefault(n, []).append(html.marker(question, number))
        # One group a paragraph: on wide screens the group stands in the gutter beside the paragraph's first line.
        weave.add(self, *(Append(n, html.markers(group)) for n, group in markers.items()))
        if asked:
            weave.add(self, Block("end", html.questions(asked), (10, 0)))

    def column(self) -> tuple[str, dict[str, int]]:
        """For tables of sections: the number of questions each section lists (by the page of their first quote)."""
        counts: dict[str, int] = {}
        for question in self.questions:
            for place in self.build.index.placed("question", f"{question.id}:0"):
                counts[place.url] = counts.get(place.url, 0) + 1
        return self.build.strings("questions.column"), counts

    def web_annotations(self, export: Any) -> Iterable[dict[str, Any]]:
        """Each question whose every quote stands once, targeting all of its paragraphs."""
        for question in self.questions:
            targets = []
            for i in range(len(question.about)):
                places = self.build.index.placed("question", f"{question.id}:{i}")
                if len(places) == 1 and (span := export.place(places[0].hit.use, places[0])) is not None:
                    targets.append(export.target(places[0].url, span))
            if len(targets) == len(question.about):
                body = export.text_body(question.ask, "questioning")
                yield export.annotation(f"question-{question.id}", "questioning", body, targets[0] if len(targets) == 1 else targets)

    def render(self, asked: Sequence[tuple[int, Question, Sequence[ParagraphLink]]]) -> str:
        return self.build.templates.unit("questions").questions(asked) if asked else ""

    def places(self, question: Question) -> list[Placed]:
        """The paragraphs a question is about, where each of its quotes first stands."""
        found = (self.build.index.placed("question", f"{question.id}:{i}")[:1] for i in range(len(question.about)))
        places = [place for places in found for place in places if place.paragraph]
        sections = self.build.index.sections
        return sorted(places, key=lambda p: (sections[p.url].page.order, p.paragraph or 0))  # in reading order
