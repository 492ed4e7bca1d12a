"""Works exported for citation managers: CSL-JSON, BibTeX and RIS."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from .cite import csl_json
from .model import Name, Work


def csl_json_file(works: Sequence[Work]) -> str:
    return json.dumps([csl_json(w) for w in works], indent=2, ensure_ascii=False) + "\n"


# ---- BibTeX ------------------------------------------------------------------------------------------
# One entry that classic BibTeX, biblatex (and biber), pybtex, pandoc and Citation.js all read: the entry types and
# fields BibTeX knows, and biblatex's beside them where they say more (journaltitle, date, entrysubtype, online).

_ENTRY = {
    "article": "misc", "book": "book", "chapter": "incollection", "article-journal": "article", "article-magazine": "article",
    "article-newspaper": "article", "report": "techreport", "interview": "article", "speech": "misc",
    "post": "online", "post-weblog": "online", "webpage": "online", "document": "misc",
}
_SUBTYPE = {"article-magazine": "magazine", "article-newspaper": "newspaper", "interview": "newspaper", "post-weblog": "weblog"}
_GENRE = {"interview": "Interview", "speech": "Speech"}
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def bibtex(works: Sequence[Work]) -> str:
    return "\n".join(_bibtex_entry(w) for w in works)


def _bibtex_entry(work: Work) -> str:
    entry = _ENTRY[work.type]
    institution = work.publisher or next((n.literal for n in work.author if n.literal), None)
    if entry == "techreport" and not institution:
        entry = "misc"  # BibTeX's report needs an institution: without one, a report is listed as a misc item
    if entry in ("article", "incollection") and not work.container_title:
        entry = "misc"
    fields: list[tuple[str, str]] = []
    if work.author:
        fields.append(("author", " and ".join(_bibtex_name(n) for n in work.author)))
    else:
        fields.append(("key", _tex(work.title)))  # what BibTeX sorts and labels a work without an author by
    fields.append(("title", "{" + _tex(work.title) + "}"))  # braces within braces keep the title's capitals
    if work.container_title:
        container = "{" + _tex(work.container_title) + "}"
        if entry == "article":
            fields += [("journal", container), ("journaltitle", container)]
        elif entry == "incollection":
            fields.append(("booktitle", container))
        else:  # biblatex's online entries (pandoc reads journaltitle, Citation.js booktitle), BibTeX's misc
            fields += [("journaltitle", container), ("booktitle", container), ("howpublished", container)]
    if entry == "techreport":
        fields.append(("institution", _corporate(institution or "")))
    elif work.publisher:
        fields.append(("publisher", _corporate(work.publisher)))
    if work.publisher_place:
        fields += [("address", _tex(work.publisher_place)), ("location", _tex(work.publisher_place))]
    if work.type in _SUBTYPE:
        fields.append(("entrysubtype", _SUBTYPE[work.type]))
    if work.type in _GENRE:
        fields.append(("type", _GENRE[work.type]))
    if work.issued:
        parts = work.issued.split("-")
        fields += [("date", work.issued), ("year", parts[0])]
        if len(parts) > 1:
            fields.append(("month", _MONTHS[int(parts[1]) - 1]))
        if len(parts) > 2:
            fields.append(("day", str(int(parts[2]))))
    if work.URL:
        fields.append(("url", _url(work.URL)))
    if work.note:
        fields.append(("note", _tex(work.note)))
    body = ",\n".join(f"  {k} = {v}" if k == "month" else f"  {k} = {{{v}}}" for k, v in fields)
    return f"@{entry}{{{work.id},\n{body}\n}}\n"


def _bibtex_name(name: Name) -> str:
    if name.literal:
        return "{" + _tex(name.literal) + "}"  # an organisation: not to be split into family and given
    parts = [_whole(name.family or ""), _whole(name.given)] if name.given else [_whole(name.family or "")]
    return ", ".join(parts)


def _whole(part: str) -> str:
    """A part of a person's name, braced where BibTeX would split it (at " and ") or cut it (at a comma)."""
    text = _tex(part)
    return "{" + text + "}" if re.search(r"\sand\s|,", part, re.I) else text


def _corporate(name: str) -> str:
    """A publisher or institution: biblatex splits these lists at " and ", so the name is one braced unit."""
    return "{" + _tex(name) + "}"


# TeX's special characters. BibTeX finds a field's end by counting braces, escaped or not: a pair of braces in the
# text is written \{ \} (which every reader reads back), a brace without its pair as \textbraceleft{} or
# \textbraceright{}, so that no text can end a field.
_TEX = {
    "\\": "\\textbackslash{}", "&": "\\&", "%": "\\%", "$": "\\$",
    "#": "\\#", "_": "\\_", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}",
}


def _tex(text: str) -> str:
    text = " ".join(text.split())
    paired = _paired_braces(text)
    out = []
    for i, char in enumerate(text):
        if char in "{}":
            out.append("\\" + char if i in paired else "\\textbrace" + ("left" if char == "{" else "right") + "{}")
        else:
            out.append(_TEX.get(char, char))
    return "".join(out)


def _paired_braces(text: str) -> set[int]:
    """The positions of braces that close or are closed, in order."""
    opened: list[int] = []
    paired: set[int] = set()
    for i, char in enumerate(text):
        if char == "{":
            opened.append(i)
        elif char == "}" and opened:
            paired.update((opened.pop(), i))
    return paired


def _url(url: str) -> str:
    """An address as a verbatim field: braces and backslashes, which would end or break it, percent-encoded."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


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
    # "Family, Given"; an organisation's name ends in a comma, so that no reader splits it into two names
    lines += [("AU", f"{n.literal}," if n.literal else ", ".join(p for p in (n.family, n.given) if p)) for n in work.author]
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
