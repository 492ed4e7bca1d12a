"""A diagram of the phases of a process and the glossary terms that act in each, made only when some term says where
it acts, under the key `intercepts` that this unit adds to the glossary's terms; `phases.yml` names the phases."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ...core.pages import placeholder
from ...core.problems import Problem
from ...core.records import Extension
from ...core.site import PageInfo
from ...core.unit import Generated, PageSpec, Source, Unit
from ..glossary.model import Term
from .model import Engagement, Phase, PhasesFile

INTERCEPTS = Extension("intercepts", tuple[Engagement, ...], "where in the process the term acts: for the phases diagram")


class PhasesUnit(Unit):
    name = "phases"
    needs = ("glossary",)
    files = {"phases": PhasesFile}
    extends = {Term: (INTERCEPTS,)}
    pages = (PageSpec("phases", "phases.md", "the phases diagram"),)

    @property
    def phases(self) -> tuple[Phase, ...]:
        return self.data or ()

    def load(self, source: Source) -> tuple[Phase, ...] | None:
        """The phases named in phases.yml; without the file, those the terms name, as they name them."""
        terms = self.build.unit("glossary").data.terms
        used = [(e, t) for t in terms for e in t.extension("intercepts") or ()]
        phases = source.items("phases", PhasesFile)
        if phases is None:
            return None
        if not source.exists("phases"):
            return tuple(Phase(p, p.capitalize()) for p in dict.fromkeys(e.phase for e, _ in used))
        known = {p.id for p in phases}
        names = ", ".join(p.id for p in phases)
        file = self.build.unit("glossary").data.file
        problems = [
            Problem(file, e.line, f'term "{t.id}": unknown phase "{e.phase}" in \'intercepts\'; use one of: {names} (from {source.file("phases")})')
            for e, t in used
            if e.phase not in known
        ]
        return phases if source.report(problems) else None

    def acting(self) -> list[tuple[Phase, list[tuple[Term, Engagement]]]]:
        terms: Sequence[Term] = self.build.unit("glossary").data.terms
        return [(phase, [(t, e) for t in terms for e in t.extension("intercepts") or () if e.phase == phase.id]) for phase in self.phases]

    def generate(self) -> Iterable[Generated]:
        page = self.generated_page("phases", [placeholder("phases")]) if any(acting for _, acting in self.acting()) else None
        yield from [page] if page else []

    def fill(self, page: PageInfo, key: str | None, html: str) -> str:
        if key != "phases":
            return html
        entries = self.build.unit("glossary").href(page.url)
        listed = [(phase, [(t, f"{entries}#{t.id}" if entries is not None else None, e) for t, e in acting]) for phase, acting in self.acting()]
        return html.replace(placeholder("phases"), self.build.templates.unit("phases").diagram(listed))
