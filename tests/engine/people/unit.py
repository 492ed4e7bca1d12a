"""People: each person the text names gets a card, marked where a name stands (a unit written only for the tests,
with its own model, template, strings and stylesheet, as a contributor would add one)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from annoreader.core.kinds import Id, Text, doc, position
from annoreader.core.matcher import Matcher
from annoreader.core.problems import duplicate_ids
from annoreader.core.site import Mark
from annoreader.core.spans import Block, Card, Wrap
from annoreader.core.unit import Source, Unit, Weave


@dataclass(frozen=True)
class Person:
    id: Id = field(metadata=doc("identifier"))
    name: Text = field(metadata=doc("the name as the text writes it"))
    role: Text = field(metadata=doc("who they are, in a few words"))
    line: int = position()


@dataclass(frozen=True)
class PeopleFile:
    people: tuple[Person, ...] = field(metadata=doc("the people the text names"))


class PeopleUnit(Unit):
    name = "people"
    files = {"people": PeopleFile}

    def load(self, source: Source) -> tuple[Person, ...] | None:
        people = source.items("people", PeopleFile)
        if people is None or not source.report(duplicate_ids("person", [(p.id, p.line) for p in people], source.file("people"))):
            return None
        return people

    def mark(self, weave: Weave) -> None:
        matcher = Matcher((p, p.name, "exact") for p in self.data or ())
        html = self.build.templates.unit("people")
        for segment in weave.prose.segments(weave.cuts()):
            for match in matcher.find(segment.text):
                weave.add(self, Wrap(segment.start + match.start, segment.start + match.end, html.open(match.owner), "</span>"))
                weave.marks.append(Mark("person", match.owner.id, segment.paragraph, match.owner.name, True))

    def finish(self, weave: Weave) -> None:
        named = {m.id for m in weave.marks if m.kind == "person"}
        people = [p for p in self.data or () if p.id in named]
        if people:
            html = self.build.templates.unit("people")
            weave.add(self, *(Card(html.card(p)) for p in people))
            weave.add(self, Block("end", html.listed(people), (35, 0)))

    def web_annotations(self, export: Any) -> Iterable[dict[str, Any]]:
        return ()
