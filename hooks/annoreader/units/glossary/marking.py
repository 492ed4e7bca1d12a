"""Marks the glossary's terms where a reader meets them, in reading order: the prose, the captions placed before
its paragraphs, the notes at its end; the first mention of a term on a page is a link (or every one, if set)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from ...core.matcher import Matcher
from ...core.prose import Prose
from ...core.site import Mark
from ...core.spans import Before, Frame, Wrap, plan, write
from ...core.unit import Unit, Weave
from .model import Glossary, Term

# Fragments are written without a page's structure: no numbered paragraphs, no facts, no cards.
_BARE = Frame(lambda token, number: token.markup, lambda items: "", lambda items: "")


@dataclass
class Marker:
    """The glossary's way of marking, for one build."""

    unit: Unit
    matcher: Matcher[str]  # the terms' ids
    data: Glossary | None  # the matched terms by id (None: there is nothing to match)
    everywhere: bool  # every mention a link, not only the first on a page
    templates: Any

    def opening(self, term: Term, linked: bool, glossary: str | None) -> str:
        """The opening tag of a mention: the same on every page that links to the glossary alike, and under serve
        made again only when the term changed."""

        def make() -> str:
            return self.templates.link(term, glossary) if linked else self.templates.mention(term)

        return self.unit.build.once_if(("glossary", "opening", term.id, linked, glossary), lambda: (term, self.templates), make)

    def _wraps(self, weave: Weave, text: str, at: int, paragraph: int | None, where: tuple[str, str] | None) -> list[Wrap]:
        """The marks of the terms in one stretch of text starting at offset `at`; the page's marks so far decide
        which mention is the first."""
        glossary = self.unit.href(weave.page.url)  # type: ignore[attr-defined]
        # The terms met so far on the page, kept with the weave: counting them again for every stretch would grow
        # with the square of a long page's mentions.
        seen: set[str] = weave.state.setdefault(f"{self.unit.name}.seen", {m.id for m in weave.marks if m.kind == "term"})
        wraps = []
        for match in self.matcher.find(text):
            assert self.data is not None
            term = self.data.term(match.owner)
            linked = self.everywhere or term.id not in seen
            seen.add(term.id)
            link = linked and bool(glossary)
            wraps.append(Wrap(at + match.start, at + match.end, self.opening(term, link, glossary), "</a>" if link else "</span>"))
            weave.marks.append(Mark("term", term.id, paragraph, text[match.start : match.end], linked, where))
        return wraps

    def page(self, weave: Weave) -> None:
        """Marks the prose, and the text of the blocks placed before its paragraphs, in reading order."""
        starts: dict[int, int] = {}
        for run in weave.prose.runs:
            if run.paragraph is not None:
                starts.setdefault(run.paragraph, run.start)
        stretches: list[tuple[tuple[int, ...], Any]] = [((s.start, 1), s) for s in weave.prose.segments(weave.cuts())]
        stretches += [((starts.get(i.paragraph, 0), 0, n), n) for n, i in enumerate(weave.insertions) if isinstance(i, Before) and i.holds_text]
        for _, stretch in sorted(stretches, key=lambda s: s[0]):
            if isinstance(stretch, int):  # a block before a paragraph: its text marked in place
                block = weave.insertions[stretch]
                assert isinstance(block, Before)
                weave.insertions[stretch] = dataclasses.replace(block, markup=self.fragment(block.markup, weave, block.holds_text))
            else:
                weave.add(self.unit, *self._wraps(weave, stretch.text, stretch.start, stretch.paragraph, None))

    def fragment(self, html: str, weave: Weave, where: tuple[str, str] | None) -> str:
        """Annotation text shown with a page (a caption, a note), its terms marked after those met before it."""
        prose = Prose(html, number=False)
        wraps = [w for s in prose.segments(()) for w in self._wraps(weave, s.text, s.start, None, where)]
        return write(prose, plan(prose, wraps), _BARE).html if wraps else html
