"""Citing the essay on the real site: citation metadata on every page, and the Cite this panel's formats."""

from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path

import bibtexparser
import pytest
import rispy

from tests import zotero
from tests.conftest import BuildResult

SITE_URL = "http://127.0.0.1:8000/"  # site_url in mkdocs.yml


def pages(real_site: BuildResult) -> list[Path]:
    return sorted(p for p in Path(real_site.site).rglob("index.html") if "search" not in p.parts)


def meta(html: str, name: str) -> list[str]:
    return [htmllib.unescape(v) for v in re.findall(rf'<meta name="{name}" content="([^"]*)">', html)]


ORIGINAL = "https://www.armscontrol.org/act/2017-11/features/ballistic-missile-defense-proceed-caution"
TEXT_PAGES = {"", "introduction/", "tech-breakthrough/", "impact-on-stability/", "missile-defense-policy/", "about-the-author/"}


def json_ld(html: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)]


def test_the_essays_pages_describe_the_article_as_published(real_site: BuildResult) -> None:
    for path in pages(real_site):
        url = SITE_URL + path.parent.relative_to(real_site.site).as_posix().strip(".").strip("/")
        url = url.rstrip("/") + "/" if url != SITE_URL else SITE_URL
        if url.removeprefix(SITE_URL) not in TEXT_PAGES:
            continue
        html = path.read_text(encoding="utf-8")
        assert meta(html, "citation_title") == ["Ballistic Missile Defense: Proceed With Caution"], path
        assert meta(html, "citation_author") == ["Toucas, Boris"]
        # Scholar documents a year alone (or a full date); Zotero reads citation_date, where the month is
        assert meta(html, "citation_publication_date") == ["2017"] and meta(html, "citation_date") == ["2017/11"]
        # Zotero's Embedded Metadata: a journal title makes a journal article, with its container and publisher
        assert meta(html, "citation_journal_title") == ["Arms Control Today"]
        assert meta(html, "citation_publisher") == ["Arms Control Association"]
        assert meta(html, "citation_public_url") == [ORIGINAL] and meta(html, "citation_fulltext_html_url") == [url]
        (data,) = [b for b in json_ld(html) if b["@type"] == "Article"]
        assert data["url"] == ORIGINAL and data["mainEntityOfPage"] == url
        assert data["author"] == [{"@type": "Person", "name": "Boris Toucas"}]
        assert data["isPartOf"] == {"@type": "Periodical", "name": "Arms Control Today"}
        assert data["publisher"] == {"@type": "Organization", "name": "Arms Control Association"}


def test_zotero_saves_a_section_as_the_article_arms_control_today_published(real_site: BuildResult) -> None:
    url = SITE_URL + "impact-on-stability/"
    assert zotero.item(real_site.page("impact-on-stability/index.html"), url) == {
        "itemType": "journalArticle",  # Highwire tags cannot say "magazine"; the exports (CSL-JSON, RIS, BibTeX) do
        "title": "Ballistic Missile Defense: Proceed With Caution",
        "creators": [{"firstName": "Boris", "lastName": "Toucas", "creatorType": "author"}],
        "date": "2017/11",
        "publicationTitle": "Arms Control Today",
        "publisher": "Arms Control Association",
        "url": ORIGINAL,
        "language": "en",
    }


def test_zotero_saves_an_editors_page_as_their_web_page(real_site: BuildResult) -> None:
    url = SITE_URL + "glossary/"
    assert zotero.item(real_site.page("glossary/index.html"), url) == {
        "itemType": "webpage",
        "title": "Glossary",
        "creators": [{"firstName": "", "lastName": "The editors of this edition", "creatorType": "author"}],
        "url": url,
        "language": "en",
    }


@pytest.mark.parametrize("page", ["glossary/", "references/", "data/", "for-instructors/", "assignments/stability-and-arms-racing/", "timeline/"])
def test_the_editors_pages_are_credited_to_the_editors(real_site: BuildResult, page: str) -> None:
    html = real_site.page(f"{page}index.html")
    assert meta(html, "citation_title") == [] and meta(html, "citation_author") == []
    assert meta(html, "DC.creator") == ["The editors of this edition,"]  # the comma: Zotero keeps the name whole
    (data,) = [b for b in json_ld(html) if b["@type"] == "WebPage"]
    assert data["author"] == [{"@type": "Organization", "name": "The editors of this edition"}]
    assert data["about"]["headline"] == "Ballistic Missile Defense: Proceed With Caution" and data["about"]["url"] == ORIGINAL


def test_a_page_names_the_works_its_notes_cite(real_site: BuildResult) -> None:
    html = real_site.page("impact-on-stability/index.html")
    references = meta(html, "citation_reference")
    assert [r.split(";")[0] for r in references] == [
        "citation_title=Strategic Capabilities of SM-3 Block IIA Interceptors",
        "citation_title=Interview with Russian Foreign Minister Sergey Lavrov",
    ]
    (data,) = [b for b in json_ld(html) if b["@type"] == "Article"]
    assert [c.get("headline") or c["name"] for c in data["citation"]] == [
        "Strategic Capabilities of SM-3 Block IIA Interceptors",
        "Interview with Russian Foreign Minister Sergey Lavrov",
    ]
    assert [c["author"] for c in data["citation"]] == [[{"@type": "Person", "name": "George Lewis"}], [{"@type": "Person", "name": "Sergey Lavrov"}]]
    assert "citation_journal_title=Gazeta Wyborcza" in references[1]
    assert meta(real_site.page("about-the-author/index.html"), "citation_reference") == []


_FORMAT = re.compile(r'<dt>(.*?)</dt><dd><(pre|p) class="rdr-cite__text[^"]*">(.*?)</\2>', re.S)


def panel(real_site: BuildResult, page: str, markup: bool = False) -> dict[str, dict[str, str]]:
    """The section's "Cite this": for the original and for this edition, each format's text by its label (or, with
    `markup`, as it stands in the page)."""
    html = real_site.page(f"{page}/index.html")
    details = re.search(r'<details class="rdr-cite".*?</details>', html, re.S).group(0)
    groups = details.split("<template", 1)[0].split('<h3 class="rdr-cite__group">')[1:]
    found = {}
    for group in groups:
        name = group.split("<", 1)[0]
        found[name] = {htmllib.unescape(k): v if markup else htmllib.unescape(re.sub(r"<[^>]+>", "", v)) for k, _, v in _FORMAT.findall(group)}
    return found


def test_styles_show_and_copy_as_the_style_sets_them(real_site: BuildResult) -> None:
    """A style's citation is HTML with its italics; its text is the plain citation checked against citeproc-js."""
    shown = panel(real_site, "impact-on-stability", markup=True)["The essay as published in Arms Control Today"]
    assert "<i>Arms Control Today</i>" in shown["Chicago: bibliography"]
    assert "<i>Arms Control Today</i>" in shown["APA: bibliography"]
    assert shown["BibTeX"].startswith("@article{") and "<i>" not in shown["BibTeX"]
    for label, markup in shown.items():
        if label not in ("BibTeX", "RIS"):
            assert markup.startswith("<") is False and set(re.findall(r"</?([a-z]+)", markup)) <= {"i", "b", "span"}, markup


def test_cite_this_section_cites_the_original_and_this_edition(real_site: BuildResult) -> None:
    formats = panel(real_site, "impact-on-stability")
    original = formats["The essay as published in Arms Control Today"]
    assert original["Chicago: bibliography"] == f"Toucas, Boris. “Ballistic Missile Defense: Proceed With Caution.” Arms Control Today, November 2017. {ORIGINAL}."
    assert original["APA: bibliography"] == f"Toucas, B. (2017, November). Ballistic Missile Defense: Proceed With Caution. Arms Control Today. {ORIGINAL}"
    assert original["MLA: note or in-text citation"] == "(Toucas)"
    assert original["MLA: bibliography"] == f"Toucas, Boris. “Ballistic Missile Defense: Proceed With Caution.” Arms Control Today, Nov. 2017, {ORIGINAL}."
    bib = bibtexparser.parse_string(original["BibTeX"])
    entry = bib.entries[0]
    assert bib.failed_blocks == [] and entry.entry_type == "article" and entry.fields_dict["url"].value == ORIGINAL
    # braced whole, so that no style or reader re-cases the name
    assert entry.fields_dict["journal"].value == "{Arms Control Today}" and entry.fields_dict["entrysubtype"].value == "magazine"
    ris = rispy.loads(original["RIS"])
    assert ris[0]["urls"] == [ORIGINAL] and ris[0]["authors"] == ["Toucas, Boris"] and ris[0]["type_of_reference"] == "MGZN"
    edition = formats["This edition (Annotated reader edition)"]
    url = SITE_URL + "impact-on-stability/"
    assert edition["Chicago: bibliography"] == f"Toucas, Boris. “Ballistic Missile Defense: Proceed With Caution.” Annotated Reader Edition, November 2017. {url}."


def test_a_paragraph_is_cited_by_its_number_in_the_essay_and_in_this_edition(real_site: BuildResult) -> None:
    html = real_site.page("impact-on-stability/index.html")
    # Impact on Stability follows Introduction and Tech Breakthrough, six paragraphs each
    assert 'data-rdr-offset="12"' in html
    template = htmllib.unescape(re.sub(r"<[^>]+>", "", re.search(r'<template class="rdr-cite__paragraph">(.*?)</template>', html, re.S).group(1)))
    assert f"Arms Control Today, November 2017, para. @G@, {ORIGINAL}." in template
    assert "(Toucas, par. @G@)" in template
    assert "para. @P@, http://127.0.0.1:8000/impact-on-stability/#p@P@." in template
    assert "Impact on Stability, paragraph @P@, as this edition presents it." in template
    assert '<a class="rdr-cite-paragraph" href="#cite" data-rdr-cite="3" data-label="cite" aria-label="Cite paragraph 3"></a>' in html


@pytest.mark.parametrize("page", ["", "glossary", "references"])
def test_pages_outside_the_essay_have_no_cite_panel(real_site: BuildResult, page: str) -> None:
    html = real_site.page(f"{page}/index.html" if page else "index.html")
    assert "rdr-cite" not in html
