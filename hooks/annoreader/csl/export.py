"""Works exported for citation managers: CSL-JSON, BibTeX and RIS."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .cite import csl_json
from .model import Name, Work


def csl_json_file(works: Sequence[Work]) -> str:
    return json.dumps([csl_json(w) for w in works], indent=2, ensure_ascii=False) + "\n"


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
