"""Citing the essay on the real site: citation metadata on every page, and the Cite this panel's formats."""

from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path

import bibtexparser
import pytest
import rispy

from tests.conftest import BuildResult

SITE_URL = "http://127.0.0.1:8000/"  # site_url in mkdocs.yml


def pages(real_site: BuildResult) -> list[Path]:
    return sorted(p for p in Path(real_site.site).rglob("index.html") if "search" not in p.parts)


def meta(html: str, name: str) -> list[str]:
    return [htmllib.unescape(v) for v in re.findall(rf'<meta name="{name}" content="([^"]*)">', html)]


def test_every_page_carries_highwire_tags_and_json_ld(real_site: BuildResult) -> None:
    found = pages(real_site)
    assert len(found) >= 9
    for path in found:
        html = path.read_text(encoding="utf-8")
        url = SITE_URL + str(path.parent.relative_to(real_site.site)).replace(".", "").strip("/")
        url = url.rstrip("/") + "/" if url != SITE_URL else SITE_URL
        assert meta(html, "citation_title") == ["Ballistic Missile Defense: Proceed With Caution"], path
        assert meta(html, "citation_author") == ["Toucas, Boris"]
        assert meta(html, "citation_publication_date") == ["2017/11"]
        assert meta(html, "citation_public_url") == [url]
        blocks = [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)]
        (data,) = [b for b in blocks if b["@type"] == "Article"]
        assert data["url"] == url
        assert data["author"] == [{"@type": "Person", "name": "Boris Toucas"}]


def test_a_page_names_the_works_its_notes_cite(real_site: BuildResult) -> None:
    html = real_site.page("impact-on-stability/index.html")
    references = meta(html, "citation_reference")
    assert [r.split(";")[0] for r in references] == [
        "citation_title=Strategic Capabilities of SM-3 Block IIA Interceptors",
        "citation_title=Interview with Russian Foreign Minister Sergey Lavrov",
    ]
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1))
    assert [c["name"] for c in data["citation"]] == [
        "Strategic Capabilities of SM-3 Block IIA Interceptors",
        "Interview with Russian Foreign Minister Sergey Lavrov",
    ]
    assert meta(real_site.page("about-the-author/index.html"), "citation_reference") == []


def panel(real_site: BuildResult, page: str) -> dict[str, str]:
    html = real_site.page(f"{page}/index.html")
    details = re.search(r'<details class="rdr-cite".*?</details>', html, re.S).group(0)
    section = details.split("<template", 1)[0]
    return {htmllib.unescape(k): htmllib.unescape(v) for k, v in re.findall(r'<dt>(.*?)</dt><dd><pre class="rdr-cite__text">(.*?)</pre></dd>', section, re.S)}


def test_cite_this_section_in_every_format(real_site: BuildResult) -> None:
    formats = panel(real_site, "impact-on-stability")
    url = SITE_URL + "impact-on-stability/"
    assert formats["Chicago: bibliography"] == f"Toucas, Boris. “Ballistic Missile Defense: Proceed With Caution”. Center for Strategic and International Studies, November 2017. {url}."
    assert formats["APA: bibliography"] == f"Toucas, B. (2017). Ballistic Missile Defense: Proceed With Caution. Center for Strategic and International Studies. {url}"
    assert formats["MLA: bibliography"].startswith("Toucas, Boris. “Ballistic Missile Defense: Proceed With Caution”.")
    bib = bibtexparser.parse_string(formats["BibTeX"])
    assert bib.failed_blocks == [] and bib.entries[0].fields_dict["url"].value == url
    ris = rispy.loads(formats["RIS"])
    assert ris[0]["urls"] == [url] and ris[0]["authors"] == ["Toucas, Boris"]


def test_the_paragraph_template_carries_the_locator_and_permalink(real_site: BuildResult) -> None:
    html = real_site.page("impact-on-stability/index.html")
    template = re.search(r'<template class="rdr-cite__paragraph">(.*?)</template>', html, re.S).group(1)
    assert "para. @P@, http://127.0.0.1:8000/impact-on-stability/#p@P@." in htmllib.unescape(template)
    assert "Impact on Stability, paragraph @P@." in template


@pytest.mark.parametrize("page", ["", "glossary", "references"])
def test_pages_outside_the_essay_have_no_cite_panel(real_site: BuildResult, page: str) -> None:
    html = real_site.page(f"{page}/index.html" if page else "index.html")
    assert "rdr-cite" not in html
