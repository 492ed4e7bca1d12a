"""Material's search index, made to land on paragraphs: each section's text is indexed paragraph by paragraph."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Entry:
    """One paragraph as the search finds it."""

    location: str  # the section's URL with the paragraph's anchor: tech-breakthrough/#p4
    title: str
    text: str


def with_paragraphs(index: dict[str, Any], sections: Mapping[str, Sequence[Entry]]) -> dict[str, Any]:
    """The index with each section page's own entry emptied of its text (which its paragraphs now hold, so a
    search for the essay's words opens the paragraph, not the top of the page) and its paragraphs after it."""
    docs: list[dict[str, Any]] = []
    for doc in index.get("docs", []):
        location = str(doc.get("location", ""))
        entries = sections.get(location)
        if entries is None:
            docs.append(doc)
            continue
        docs.append({**doc, "text": ""})
        docs += [{"location": e.location, "title": e.title, "text": html.escape(e.text, quote=False)} for e in entries]
    return {**index, "docs": docs}
