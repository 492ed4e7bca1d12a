"""What a page's head says for citation tools: Highwire tags, as Zotero's Embedded Metadata translator and Google
Scholar read them, and schema.org JSON-LD."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...csl.model import Name, Work

Tags = list[tuple[str, str]]
# Which tag names the work that holds a work: Zotero takes its item type from it (journal article, report, chapter).
_CONTAINER_TAG = {
    "article-journal": "citation_journal_title", "article-magazine": "citation_journal_title",
    "article-newspaper": "citation_journal_title", "interview": "citation_journal_title", "chapter": "citation_book_title",
}
_SCHEMA_TYPE = {"book": "Book", "chapter": "Chapter", "report": "Report", "post-weblog": "BlogPosting", "webpage": "WebPage"}
_PERIODICAL = {"article-journal": "Periodical", "article-magazine": "Periodical", "article-newspaper": "Newspaper"}


def _dates(issued: str | None) -> Tags:
    """Scholar documents a full date (2017/11/24) or a year alone; Zotero reads citation_date last, so a month
    that Scholar's form cannot carry goes there."""
    if not issued:
        return []
    parts = issued.split("-")
    if len(parts) == 3:
        return [("citation_publication_date", "/".join(parts))]
    tags = [("citation_publication_date", parts[0])]
    return tags + [("citation_date", "/".join(parts))] if len(parts) == 2 else tags


def _person(name: Name) -> dict[str, str]:
    return {"@type": "Person", "name": name.display} if name.family else {"@type": "Organization", "name": name.literal or ""}


def _tagged(name: Name, alone: bool = False) -> str:
    """A name as Zotero reads it from a tag: "Family, Given" is split at the comma; a name without one would be
    split at its last space, so an organisation's name ends in a comma, which keeps it whole. A lone author tag
    is also split into two authors at a comma with spaces on both sides ("Van Buren, Martin Luther"), which a
    final semicolon prevents."""
    if not name.family:
        return f"{name.literal},"
    if not name.given:
        return name.family
    written = f"{name.family}, {name.given}"
    return written + ";" if alone and " " in name.family and " " in name.given else written


def editors(text: str) -> tuple[Name, ...]:
    """The edition's editors from the `editors` setting: people as "Family, Given", separated by semicolons; a
    name without a comma is an organisation's."""
    names = []
    for part in (p.strip() for p in text.split(";")):
        family, comma, given = part.partition(",")
        if part:
            names.append(Name(family=family.strip(), given=given.strip() or None) if comma else Name(literal=part))
    return tuple(names)


def _work_tags(work: Work) -> Tags:
    alone = len(work.author) == 1
    tags = [("citation_title", work.title)] + [("citation_author", _tagged(a, alone)) for a in work.author] + _dates(work.issued)
    if work.container_title:
        tags.append((_CONTAINER_TAG.get(work.type, "citation_journal_title"), work.container_title))
    if work.type == "report":
        institution = work.publisher or next((a.literal for a in work.author if a.literal), None)
        if institution:
            tags.append(("citation_technical_report_institution", institution))
    elif work.publisher:
        tags.append(("citation_publisher", work.publisher))
    return tags


def _work_data(work: Work) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": _SCHEMA_TYPE.get(work.type, "Article" if work.type.startswith("article") else "CreativeWork")}
    data["headline" if data["@type"] in ("Article", "BlogPosting") else "name"] = work.title
    if work.author:
        data["author"] = [_person(a) for a in work.author]
    if work.issued:
        data["datePublished"] = work.issued
    if work.container_title:
        data["isPartOf"] = {"@type": _PERIODICAL.get(work.type, "CreativeWork"), "name": work.container_title}
    if work.publisher:
        data["publisher"] = {"@type": "Organization", "name": work.publisher}
    if work.URL:
        data["url"] = work.URL
    return data


def text_page(essay: Work, cited: Sequence[Work], page: str | None, language: str) -> tuple[Tags, dict[str, Any]]:
    """A page of the text itself: it describes the text as first published (the address saved is the original's),
    with this page as where its full text is, and the works its notes cite."""
    tags = _work_tags(essay)
    if essay.URL or page:
        tags.append(("citation_public_url", essay.URL or page or ""))
    if page:
        tags.append(("citation_fulltext_html_url", page))
    tags.append(("citation_language", language))
    tags += [("citation_reference", "; ".join(f"{k}={v.replace(';', ',')}" for k, v in _work_tags(w) + ([("citation_public_url", w.URL)] if w.URL else []))) for w in cited]
    data = {"@context": "https://schema.org", **_work_data(essay), "inLanguage": language}
    if page:
        data["mainEntityOfPage"] = page
    if cited:
        data["citation"] = [_work_data(w) for w in cited]
    return tags, data


def edition_page(essay: Work, title: str, made_by: Sequence[Name], site: str, page: str | None, language: str) -> tuple[Tags, dict[str, Any]]:
    """One of the edition's own pages (a glossary, a list of references): the editors' work, about the text."""
    tags = [("DC.title", title), *(("DC.creator", _tagged(name)) for name in made_by), ("DC.type", "Text"), ("DC.language", language)]
    if essay.URL:
        tags.append(("DC.relation", essay.URL))
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": title,
        "author": [_person(name) for name in made_by],
        "isPartOf": {"@type": "WebSite", "name": site},
        "about": _work_data(essay),
        "inLanguage": language,
    }
    if page:
        data["url"] = page
    return tags, data
