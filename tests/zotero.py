"""The item Zotero saves from a page: its Embedded Metadata translator (zotero/translators, 2024 version) as far as
a page's head goes, rewritten in Python because the translator needs Zotero's runtime. It reads Highwire tags
first, Dublin Core tags through its RDF importer, and falls back to the page's address and language."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# The translator's HIGHWIRE_MAPPINGS, in its order: a later tag overrides an earlier one for the same field.
HIGHWIRE = (
    ("citation_title", "title"), ("citation_publication_date", "date"), ("citation_cover_date", "date"),
    ("citation_date", "date"), ("citation_journal_title", "publicationTitle"), ("citation_journal_abbrev", "journalAbbreviation"),
    ("citation_inbook_title", "publicationTitle"), ("citation_book_title", "bookTitle"), ("citation_volume", "volume"),
    ("citation_issue", "issue"), ("citation_series_title", "series"), ("citation_conference_title", "conferenceName"),
    ("citation_conference", "conferenceName"), ("citation_dissertation_institution", "university"),
    ("citation_technical_report_institution", "institution"), ("citation_technical_report_number", "number"),
    ("citation_publisher", "publisher"), ("citation_isbn", "ISBN"), ("citation_abstract", "abstractNote"),
    ("citation_doi", "DOI"), ("citation_public_url", "url"), ("citation_language", "language"),
)
TYPES = {
    "citation_journal_title": "journalArticle", "citation_technical_report_institution": "report",
    "citation_conference_title": "conferencePaper", "citation_conference": "conferencePaper",
    "citation_book_title": "bookSection", "citation_inbook_title": "bookSection", "citation_dissertation_institution": "thesis",
}
GUESSES = {"citation_title": "journalArticle", "citation_series_title": "journalArticle", "citation_isbn": "book"}
# What the RDF importer takes from Dublin Core for any item type.
DUBLIN_CORE = {"title": "title", "date": "date", "language": "language", "rights": "rights", "description": "abstractNote"}


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.metas: list[tuple[str, str]] = []
        self.canonical: str | None = None
        self.lang: str | None = None
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "head":
            self._in_head = True
        elif tag == "meta" and self._in_head and (a.get("name") or a.get("property")) and a.get("content"):
            self.metas.append((a.get("name") or a["property"], a["content"]))
        elif tag == "link" and self._in_head and a.get("rel") == "canonical":
            self.canonical = a.get("href")

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False


def clean_author(name: str, use_comma: bool) -> dict[str, str]:
    """Zotero.Utilities.cleanAuthor: "Family, Given" with use_comma, else split at the last space."""
    if use_comma:
        parts = re.split(r", ?", name)
        family, given = (parts[0], parts[1]) if len(parts) > 1 else (name, "")
    else:
        space = name.rfind(" ")
        family, given = name[space + 1 :], name[:space] if space >= 0 else ""
    return {"firstName": given.strip().rstrip(","), "lastName": family.strip(), "creatorType": "author"}


def _highwire_creators(nodes: list[str], language: str | None) -> list[dict[str, str]]:
    creators: list[dict[str, str]] = []
    last = None
    for node in nodes:
        names = re.split(r"\s*;\s*", node)
        if len(names) == 1 and len(nodes) == 1:
            by_comma = re.split(r"\s*,\s*", names[0])
            two_word_spanish = len(by_comma) == 2 and language in ("es", "spa", "Spanish", "español") and len(by_comma[0].split(" ")) == 2
            if len(by_comma) > 1 and " " in by_comma[0] and " " in by_comma[1] and not two_word_spanish:
                names = by_comma
        for name in (n.strip() for n in names):
            if not name or not re.search(r"[^\s,\-.;]", name) or name == last:
                continue
            last = name
            creators.append(clean_author(name, "," in name))
    return creators


def item(html: str, url: str) -> dict[str, object]:
    """The fields of the Zotero item saved from the page at `url` (empty fields left out)."""
    head = _Head()
    head.feed(html)

    def first(suffix: str) -> str | None:  # the translator matches names by their end: meta[name$="..."]
        return next((value for name, value in head.metas if name.endswith(suffix)), None)

    hw_type = hw_guess = None
    dublin_core: dict[str, list[str]] = {}
    for name, value in head.metas:
        prefix, dot, prop = name.partition(".")
        if dot and prefix.lower() in ("dc", "dcterms"):
            dublin_core.setdefault(prop[:1].lower() + prop[1:], []).append(value)
            continue
        short = name[name.rfind("citation_") :] if "citation_" in name else name
        hw_type = TYPES.get(short, hw_type)
        hw_guess = hw_guess or GUESSES.get(short)
    found: dict[str, object] = {}
    if dublin_core:  # the RDF importer's item, which Highwire tags then complete and override
        found["itemType"] = "webpage" if not hw_guess else hw_guess
        for key, field in DUBLIN_CORE.items():
            if key in dublin_core:
                found[field] = dublin_core[key][0]
        found["creators"] = [clean_author(c, "," in c) for c in dublin_core.get("creator", [])]
    else:
        found["itemType"] = hw_type or hw_guess
    if hw_type:
        found["itemType"] = hw_type
    language = first("citation_language")
    for tag, field in HIGHWIRE:
        value = first(tag)
        if value and value.strip():
            found[field] = " ".join(value.split())
    authors = [value for name, value in head.metas if name.endswith("citation_author")]
    creators = _highwire_creators(authors, language)
    if creators:
        found["creators"] = creators
    if not found.get("url"):
        found["url"] = first("citation_abstract_html_url") or first("citation_fulltext_html_url") or head.canonical or url
    if not found.get("language"):
        found["language"] = head.lang
    return {k: v for k, v in found.items() if v}
