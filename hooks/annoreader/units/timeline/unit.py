"""The timeline: the dated events the text mentions, in date order, each linked to its paragraph or figure and terms."""

from __future__ import annotations

from collections.abc import Iterable

from ...core.pages import placeholder
from ...core.problems import Problem
from ...core.quotes import QuoteUse
from ...core.site import PageInfo
from ...core.unit import Generated, PageSpec, Source, Unit
from .model import Event, TimelineFile


class TimelineUnit(Unit):
    name = "timeline"
    needs = ("glossary",)
    uses = ("figures",)
    files = {"timeline": TimelineFile}
    pages = (PageSpec("timeline", "timeline.md", "the dated events, in date order"),)

    @property
    def events(self) -> tuple[Event, ...]:
        return self.data or ()

    def load(self, source: Source) -> tuple[Event, ...] | None:
        events = source.records("timeline", TimelineFile, "event")
        if events is None:
            return None
        file = source.file("timeline")
        terms = {t.id for t in self.build.unit("glossary").data.terms}
        figures_unit = self.build.unit("figures")
        figures = {f.id for f in figures_unit.figures} if figures_unit else set()
        problems: list[Problem] = []
        for event in events:
            where = f'event "{event.id}"'
            if (event.mention is None) == (event.figure is None):
                problems.append(Problem(file, event.line, f"{where}: give either 'mention' (words of the paragraph that mentions it) or 'figure', one of them"))
            if event.figure is not None and event.figure not in figures:
                problems.append(Problem(file, event.line, f'{where}: unknown figure "{event.figure}"; use the id of a figure in figures.yml'))
            for term in event.terms:
                if term not in terms:
                    problems.append(Problem(file, event.line, f'{where}: unknown term "{term}"; use the id of a glossary term'))
        return tuple(sorted(events, key=lambda e: e.date)) if source.report(problems) else None

    def quotes(self) -> Iterable[QuoteUse]:
        file = self.file("timeline")
        return (QuoteUse("event", e.id, e.mention, file, f'event "{e.id}"') for e in self.events if e.mention)

    def generate(self) -> Iterable[Generated]:
        page = self.generated_page("timeline", [placeholder("timeline")]) if self.events else None
        yield from [page] if page else []

    def fill(self, page: PageInfo, key: str | None, html: str) -> str:
        if key != "timeline":
            return html
        glossary = self.build.unit("glossary")
        entries = glossary.href(page.url)
        urls = self.build.urls
        listed = []
        for event in self.events:
            places = self.build.index.placed("figure", event.figure) if event.figure else self.build.index.placed("event", event.id)
            where = (urls.href(page.url, places[0].url), places[0].title, places[0].paragraph) if places else None
            terms = [(glossary.glossary.term(t), f"{entries}#{t}" if entries is not None else None) for t in event.terms]
            listed.append((event, self.build.strings.date(event.date), where, terms))
        return html.replace(placeholder("timeline"), self.build.templates.unit("timeline").timeline(listed))
