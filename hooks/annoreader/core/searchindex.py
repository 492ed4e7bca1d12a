"""Material's search index, made to land on paragraphs (each section's text is indexed paragraph by paragraph) and
to keep the makers' pages apart from the text's."""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# How much less a page set apart weighs in the ranking: found, but after the text's pages.
APART_BOOST = 0.2


@dataclass(frozen=True)
class Entry:
    """One paragraph as the search finds it."""

    location: str  # the section's URL with the paragraph's anchor: tech-breakthrough/#p4
    title: str
    text: str


def rewrite(path: Path, sections: Mapping[str, Sequence[Entry]], apart: Mapping[str, str], more: Sequence[Entry] = ()) -> None:
    """Rewrites the index the search plugin wrote, if it did; `more` are entries for pages the plugin was kept from."""
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
        data["docs"] = data.get("docs", []) + [_doc(e) for e in more]
        path.write_text(json.dumps(with_paragraphs(data, sections, apart), ensure_ascii=False), encoding="utf-8")


def _doc(entry: Entry) -> dict[str, str]:
    return {"location": entry.location, "title": entry.title, "text": html.escape(entry.text, quote=False)}


def with_paragraphs(index: dict[str, Any], sections: Mapping[str, Sequence[Entry]], apart: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The index with each section page's own entry emptied of its text (which its paragraphs now hold, so a
    search for the essay's words opens the paragraph, not the top of the page) and its paragraphs after it. (The
    theme's indexer never sees the numbered paragraphs, core/later.py: a heading's entry holds only what else
    stands under it.)

    `apart` maps the URL of each page set apart to the name of its group: its entries are tagged with the name
    (Material shows tags in the results) and weigh less, so they come after the text's pages."""
    docs: list[dict[str, Any]] = []
    for doc in index.get("docs", []):
        location = str(doc.get("location", ""))
        group = (apart or {}).get(location.split("#", 1)[0])
        if group is not None:
            doc = {**doc, "tags": [*doc.get("tags", []), group], "boost": APART_BOOST}
        entries = sections.get(location)
        if entries is None:
            docs.append(doc)
            continue
        docs.append({**doc, "text": ""})
        docs += [_doc(e) for e in entries]
    return {**index, "docs": docs}
