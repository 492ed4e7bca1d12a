"""Notes and references on the real site: markers where the digits stood, the References page, and every
export read back by a real parser for its format."""

from __future__ import annotations

import json
import re

import bibtexparser
import pytest
import rispy
from citeproc.source.json import CiteProcJSON

from tests.essay.test_prose import SOURCE
from tests.conftest import BuildResult
from tests.sitetext import blocks

# The words each note's digit was glued to in the source, and the page it belongs on.
MARKERS = [
    ("1", "gained bipartisan support.", "introduction"),
    ("2", "the ballistic threat it was meant to tackle.", "introduction"),
    ("3", "a potential $23 billion global market.", "tech-breakthrough"),
    ("4", "350 to 550 missiles", "impact-on-stability"),
    ("5", "in various parts of the world, including Europe,”", "impact-on-stability"),
    ("6", "they would be deemed intrusive", "missile-defense-policy"),
]
WORKS = ["commission-1998", "gates-2014", "lavrov-2008", "lewis-2016", "sdi-2017"]


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


@pytest.mark.parametrize(("number", "before", "page"), MARKERS, ids=[m[0] for m in MARKERS])
def test_each_marker_stands_where_its_digit_stood(real_site: BuildResult, number: str, before: str, page: str) -> None:
    source = SOURCE.read_text(encoding="utf-8")
    assert source.count(before + number) == 1, "the digit followed these words in the source"
    html = real_site.page(f"{page}/index.html")
    marker = f'<sup class="rdr-note-ref" id="note-ref-{number}">'
    assert html.count(marker) == 1
    preceding = text_of(html[: html.index(marker)])
    assert preceding.endswith(before)
    endnote = re.search(rf'<li id="note-{number}" value="{number}"><p>(.*?)</p>', html).group(1)
    assert text_of(endnote) == re.search(rf"^{number}\.\s(.*)$", source, re.M).group(1)


def test_markers_leave_the_prose_as_it_was(real_site: BuildResult) -> None:
    impact = [text for tag, cls, text in blocks(real_site.page("impact-on-stability/index.html")) if "rdr-para" in cls]
    assert "could possess 350 to 550 missiles on Aegis ships" in impact[0]


@pytest.fixture(scope="module")
def references(real_site: BuildResult) -> str:
    return real_site.page("references/index.html")


def test_references_are_formatted_by_the_csl_style(references: str) -> None:
    assert "Gates, Robert M. <i>Duty: Memoirs of a Secretary at War</i>. New York: Alfred A. Knopf, 2014." in references
    assert "Lavrov, Sergey. Interview with Russian Foreign Minister Sergey Lavrov. <i>Gazeta Wyborcza</i>, February 7, 2008." in references
    assert re.findall(r'<li id="([a-z0-9-]+)"><p class="rdr-reference">', references) == WORKS  # the style's order


def test_cited_in_links_to_the_note_and_its_paragraph(references: str) -> None:
    gates = re.search(r'<li id="gates-2014">.*?</li>', references, re.S).group(0)
    assert '<a href="../introduction/#note-2">Note 2</a> (<a href="../introduction/#p6">Introduction ¶&#8239;6</a>), p. 403' in gates


def test_urls_as_given_and_archived_copies(references: str) -> None:
    sdi = re.search(r'<li id="sdi-2017">.*?</li>', references, re.S).group(0)
    url = "https://www.reportlinker.com/p03605945/The-Global-Missiles-and-Missile-Defense-Systems-Market-Major-Programs-Market-Profile.html?"
    assert f'<a href="{url}">{url}</a>' in sdi
    assert f'<a href="https://web.archive.org/web/20171101000000*/{url}">archived copy</a>' in sdi


@pytest.mark.parametrize("stem", ["bibliography", *WORKS])
def test_exports_parse_with_real_parsers(real_site: BuildResult, stem: str) -> None:
    expected = WORKS if stem == "bibliography" else [stem]
    csl = json.loads(real_site.page(f"references/{stem}.json"))
    assert sorted(CiteProcJSON(csl).keys()) == expected  # citeproc-py reads it as CSL-JSON
    library = bibtexparser.parse_string(real_site.page(f"references/{stem}.bib"))
    assert library.failed_blocks == []
    assert sorted(e.key for e in library.entries) == expected
    entries = rispy.loads(real_site.page(f"references/{stem}.ris"))
    assert sorted(e["id"] for e in entries) == expected


def test_exports_carry_the_fields(real_site: BuildResult) -> None:
    bib = {e.key: e for e in bibtexparser.parse_string(real_site.page("references/bibliography.bib")).entries}
    gates = bib["gates-2014"]
    assert gates.entry_type == "book"
    assert gates.fields_dict["author"].value == "Gates, Robert M."
    assert gates.fields_dict["publisher"].value == "{Alfred A. Knopf}"  # one name: biblatex splits lists at " and "
    assert gates.fields_dict["address"].value == "New York"
    ris = {e["id"]: e for e in rispy.loads(real_site.page("references/bibliography.ris"))}
    assert ris["lewis-2016"]["type_of_reference"] == "BLOG"
    assert ris["lewis-2016"]["authors"] == ["Lewis, George"]
    assert ris["lavrov-2008"]["date"] == "2008/02/07/"
    csl = {i["id"]: i for i in json.loads(real_site.page("references/bibliography.json"))}
    assert csl["sdi-2017"]["issued"] == {"date-parts": [[2017, 3]]}
    assert csl["sdi-2017"]["author"] == [{"literal": "Strategic Defence Intelligence"}]


def test_references_page_links_every_download(references: str) -> None:
    for stem in ["bibliography", *WORKS]:
        for ext in ("json", "bib", "ris"):
            assert f'href="{stem}.{ext}" download' in references
