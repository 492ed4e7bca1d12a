"""The sections themselves: a note on titles the editors added, each section's length and reading time, and the
table of sections that any page may hold (`<!-- rdr:sections -->`)."""

from __future__ import annotations

from collections.abc import Sequence

from ...core.pages import placeholder
from ...core.site import PageInfo
from ...core.spans import Block
from ...core.unit import Unit, Weave

WORDS_PER_MINUTE = 230  # a common estimate of adult silent reading speed for non-fiction
# Units whose counts the table shows, in this order, where the site has them.
COLUMNS = ("glossary",)


def reading_minutes(words: int) -> int:
    return max(1, -(-words // WORDS_PER_MINUTE))


class SectionsUnit(Unit):
    name = "sections"

    def finish(self, weave: Weave) -> None:
        html = self.build.templates.unit("sections")
        if weave.page.editorial:
            weave.add(self, Block("title", html.editorial(), (10, 0)))
        words = sum(p.words for p in weave.prose.paragraphs)
        weave.add(self, Block("facts", html.length(words, reading_minutes(words)), (10, 0)))

    def table(self, from_url: str, columns: Sequence[str]) -> str:
        """The sections with their length, and a column for each unit named that counts something per section."""
        counted = [self.build.unit(name).column() for name in columns if self.build.unit(name)]
        rows = [
            (s, self.build.urls.href(from_url, s.url), reading_minutes(s.words), [by_url.get(s.url, 0) for _, by_url in counted])
            for s in self.build.index.in_reading_order()
            if s.paragraphs
        ]
        return self.build.templates.unit("sections").table(rows, [heading for heading, _ in counted])

    def fill(self, page: PageInfo, key: str | None, html: str) -> str:
        mark = placeholder("sections")
        return html.replace(mark, self.table(page.url, COLUMNS)) if mark in html else html
