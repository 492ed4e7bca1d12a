"""Markup the theme's search would only skip, held back from a page until it is written, so the search never reads it.

The search indexes each page's content before the page is written, parsing all of it, blocks it then excludes
(`data-search-exclude`) included: on a long text, most of what it parsed. The numbered paragraphs are held too:
the search has each of them from the engine (core/searchindex.py). A held block stands in the content as a comment
until the page is written, when it takes its place again."""

from __future__ import annotations

import re
from collections.abc import Callable

_EXCLUDED = re.compile(r"\s*<[a-zA-Z][^>]*?\sdata-search-exclude(?=[\s>=/])")


class Later:
    """The blocks held back, by page URL."""

    def __init__(self, marks_id: str) -> None:
        # A run's marks carry its id (Build.marks_id), so that a comment in a page cannot pass for one.
        self._prefix = f"<!--rdr-later-{marks_id}:"
        self._mark = re.compile(re.escape(self._prefix) + r"(\d+)-->")
        self._held: dict[str, list[str]] = {}

    def hold(self, url: str, markup: str, always: bool = False) -> str:
        """`markup`, or a mark in its place if its outermost element is one the search excludes (or `always`: for
        what the search has from the engine instead)."""
        if not always and not _EXCLUDED.match(markup):
            return markup
        held = self._held.setdefault(url, [])
        held.append(markup)
        return f"{self._prefix}{len(held) - 1}-->"

    def held(self, url: str) -> tuple[str, ...]:
        return tuple(self._held.get(url, ()))

    def adopt(self, url: str, held: tuple[str, ...]) -> None:
        """Takes a page's held blocks as an earlier build held them (the page woven then, unchanged since)."""
        if held:
            self._held[url] = list(held)

    def complete(self, url: str, fill: Callable[[str], str]) -> None:
        """Completes the held blocks as their page is completed (links settled once every section is in)."""
        if url in self._held:
            self._held[url] = [fill(markup) for markup in self._held[url]]

    def restore(self, url: str, document: str) -> str:
        """The page as written, each block back in its place; the blocks are given up (a book's would otherwise
        stay in memory to the end of the build)."""
        held = self._held.pop(url, None)
        return self._mark.sub(lambda m: held[int(m.group(1))], document) if held else document
