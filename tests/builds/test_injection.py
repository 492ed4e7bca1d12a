"""Markup smuggled into any text an author writes comes out inert: every text and Markdown field of every unit's
annotation files (found from the units' models, so a new field is covered or this test fails) and every text
setting in mkdocs.yml carries a payload of scripts, handlers and disguised javascript: links; the build passes,
no page runs or loads any of it, the payload shows as text, and every export still parses in its own format."""

from __future__ import annotations

import copy
import dataclasses
import json
import re
import types
import typing
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

import bibtexparser
import pytest
import rispy
import yaml

from annoreader.core.kinds import MARKDOWN, TEXT
from annoreader.core.records import yaml_key
from annoreader.core.schema import extensions, files
from annoreader.core.settings import _KEYS as SETTING_KEYS
from annoreader.units import UNITS
from tests.builds.tinysite import PAGES, write_site
from tests.conftest import mkdocs_build

# Scripts, handlers, and javascript: links disguised as browsers would still follow them: by character
# references, by a tab inside the scheme, in Markdown's inline, reference and autolink forms, and in raw HTML.
PAYLOAD = (
    'x <script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)" onclick="alert(4)">a</a> '
    "[b](javascript&#58;alert(5)) [c](java&#9;script:alert(6)) [d](&#x6A;avascript:alert(7)) <javascript:alert(8)> "
    '![e](x" onerror="alert(9)) [f][g] [h](data:text/html,<script>alert(10)</script>)\n\n[g]: javascript:alert(11)\n'
)
SHOWN = "&lt;script&gt;alert(1)&lt;/script&gt;"

# One of every record, with every optional field given: the fields the payload is put in, one at a time.
FULL: dict[str, Any] = {
    "glossary": {
        "categories": [{"id": "system", "name": "Weapons", "description": "Systems that intercept."},
                       {"id": "concept", "name": "Concepts"}],
        "terms": [
            {"id": "thaad", "name": "THAAD", "expansion": "Terminal High Altitude Area Defense", "category": "system",
             "variants": [{"text": "THAAD system"}, "THAAD"], "definition": "A missile defense system.",
             "explanation": "It is *fielded* by the U.S. Army.", "later": "It was deployed again.",
             "related": ["deterrence"], "sources": [{"title": "THAAD fact sheet", "url": "https://www.mda.mil/system/thaad.html"}],
             "intercepts": [{"phase": "terminal", "by": "United States", "interceptor": "THAAD interceptor"}]},
            {"id": "deterrence", "name": "Deterrence", "category": "concept", "variants": ["deterrence"],
             "definition": "Preventing an attack by the threat of a response.", "explanation": "A long story.",
             "sources": [{"title": "Deterrence", "url": "https://example.org/deterrence"}]},
        ],
    },
    "phases": {"phases": [{"id": "boost", "name": "Boost", "text": "The rocket burns."},
                          {"id": "terminal", "name": "Terminal", "text": "The warhead falls."}]},
    "notes": {"notes": [
        {"id": "1", "anchor": {"exact": "system is here."}, "text": "See Smith, p. 4.", "cites": [{"work": "smith-2010", "locator": "p. 4"}]},
        {"id": "2", "anchor": {"exact": "matters."}, "text": "See the institute.", "cites": [{"work": "institute-2019"}]},
    ]},
    "works": {"references": [
        {"id": "smith-2010", "type": "chapter", "author": [{"family": "Smith", "given": "Jane"}], "title": "A Chapter on Defense",
         "container-title": "A Book on Defense", "publisher": "A Press", "publisher-place": "Boston", "issued": 2010,
         "URL": "https://example.org/chapter", "note": "Revised edition."},
        {"id": "institute-2019", "type": "report", "author": [{"literal": "Some Institute"}], "title": "Annual Report",
         "publisher": "Some Institute", "issued": "2019-05"},
    ]},
    "essay": {"references": [
        {"id": "essay", "type": "article-magazine", "author": [{"family": "Doe", "given": "Jane"}, {"literal": "A Working Group"}],
         "title": "An Essay", "container-title": "A Magazine", "publisher": "A Society", "publisher-place": "Washington",
         "issued": "2017-11", "URL": "https://example.org/essay", "note": "Published online."},
    ]},
    "figures": {"figures": [
        {"id": "1", "before": {"exact": "Later, THAAD again"}, "caption": "A caption.", "credit": "Someone", "alt": "A thing."},
    ]},
    "timeline": {"events": [
        {"id": "one", "date": "2016-05-12", "title": "Something", "text": "Something happened.",
         "mention": {"exact": "Deterrence matters."}, "terms": ["deterrence"]},
    ]},
    "questions": {"questions": [{"id": "why", "ask": "Why does deterrence matter here?", "about": [{"exact": "Deterrence matters."}]}]},
    "assignments": {"assignments": [
        {"id": "week-one", "title": "Week 1: THAAD", "instructions": "Read *closely*.",
         "passages": [{"section": "two", "paragraphs": 1}, {"section": "one", "paragraphs": "1-2"}], "questions": ["why"]},
    ]},
}
SETTINGS: dict[str, Any] = {
    "licence": "CC BY 4.0", "edition": "A test edition", "editors": "The testers", "later": "Since then",
    "pages": {"glossary": {"path": "glossary.md", "title": "Words", "intro": "The words of the essay."}},
    "strings": {"glossary.full_entry": "Whole entry"},
}
# Settings that are not free text: they choose, and are checked against a fixed set.
CHOICES = {"units", "link_terms", "annotations", "archive_date"}
# Settings that name something of the site's own (a navigation section): compared, never written into a page.
# The section's title reaches the search index as a tag (JSON, drawn as text by the theme's search):
# tests/engine/test_searchindex.py holds one with markup.
NAMES = {"editors_section"}
# Fields whose value is checked against a fixed set, so no markup can pass.
CHECKED = {("works", "type"), ("essay", "type")}


def _text_paths(hint: Any, path: tuple[str, ...], added: Any) -> list[tuple[str, ...]]:
    """The paths (keys, '[]' for a list's first item) of every text and Markdown field under a model."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        return _text_paths(next(a for a in args if a is not type(None)), path, added)
    if origin is tuple:
        return _text_paths(args[0], (*path, "[]"), added)
    if dataclasses.is_dataclass(hint):
        hints = get_type_hints(hint, include_extras=True)
        keys = [(yaml_key(f), hints[f.name]) for f in dataclasses.fields(hint) if not f.metadata.get("internal")]
        keys += [(e.key, e.hint) for e in added.get(hint, ())]
        return [p for key, sub in keys for p in _text_paths(sub, (*path, key), added)]
    if origin is typing.Annotated and args[1] in (TEXT, MARKDOWN):
        return [path]
    return []


FIELDS = [
    (name, path)
    for name, model in files(UNITS).items()
    for path in _text_paths(model, (), extensions(UNITS))
    if (name, path[-1]) not in CHECKED
]


def _place(data: Any, path: tuple[str, ...], value: str) -> bool:
    """Puts `value` at the first place `path` reaches in `data`; False if the data has no such place."""
    key, rest = path[0], path[1:]
    if key == "[]":
        return isinstance(data, list) and bool(data) and _place_item(data, rest, value)
    if not isinstance(data, dict) or key not in data:
        return False
    if not rest:
        data[key] = value
        return True
    if rest[0] == "[]" and isinstance(data[key], list) and not rest[1:]:
        data[key][0] = value
        return True
    return _place(data[key], rest, value)


def _place_item(items: list[Any], rest: tuple[str, ...], value: str) -> bool:
    for item in items:  # the first item that has the field (an author may be a person or not)
        if isinstance(item, dict) and _place(item, rest, value):
            return True
    return False


def _site(tmp_path: Path, annotations: dict[str, Any], settings: dict[str, Any]) -> Path:
    reader = json.dumps({"units": [u.name for u in UNITS], **settings})
    texts = {f"{name}.yml": yaml.safe_dump(data, allow_unicode=True, sort_keys=False) for name, data in annotations.items()}
    return write_site(tmp_path / "project", glossary=texts.pop("glossary.yml"), pages=PAGES, reader=reader, annotations=texts)


class _LiveMarkup(HTMLParser):
    """What a browser would run or load from the payload: scripts, handlers, links to scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # A data block (JSON-LD, JSON) is not run; its "<" are escaped so it cannot end early.
        self._in_script = tag == "script" and (dict(attrs).get("type") or "text/javascript") in ("text/javascript", "module")
        for name, value in attrs:
            if name.startswith("on") and "alert" in (value or ""):
                self.live.append(f"<{tag} {name}>")
            # as a browser reads a URL: tabs and line breaks removed, leading controls and spaces dropped
            url = re.sub(r"[\t\n\r]", "", value or "").lstrip("".join(map(chr, range(0x21)))).lower()
            if name in ("href", "src", "action", "formaction", "xlink:href", "data") and url.startswith(("javascript:", "data:text/html", "vbscript:")):
                self.live.append(f"<{tag} {name}={value}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.live.append("<img src=x>")

    def handle_data(self, data: str) -> None:
        if self._in_script and "alert(" in data:
            self.live.append("<script>alert")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


def _check_site(site: Path) -> bool:
    """Asserts no page runs the payload and every export parses; True if some page shows the payload as text, or
    (for what only the exports carry, such as a work's note) some export gives it back whole."""
    shown = False
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        parser = _LiveMarkup()
        parser.feed(html)
        assert parser.live == [], f"{page}: {parser.live}"
        shown = shown or SHOWN in html
    for export in site.rglob("*"):
        if export.suffix in (".json", ".jsonld"):
            shown = shown or "<script>alert(1)</script>" in json.dumps(json.loads(export.read_text(encoding="utf-8")), ensure_ascii=False)
        elif export.suffix == ".bib":
            assert bibtexparser.parse_string(export.read_text(encoding="utf-8")).failed_blocks == [], export
        elif export.suffix == ".ris":
            assert rispy.loads(export.read_text(encoding="utf-8")), export
    return shown


def test_every_text_field_of_every_unit_is_filled_in_the_full_annotations() -> None:
    """A unit's new text field must be added to FULL, so that the payload reaches it too."""
    assert {name for name, _ in FIELDS} <= set(FULL)
    missing = [f"{name}: {'.'.join(path)}" for name, path in FIELDS if not _place(copy.deepcopy(FULL[name]), path, "x")]
    assert missing == []
    assert len(FIELDS) >= 30


def test_the_full_annotations_build_cleanly(tmp_path: Path) -> None:
    result = mkdocs_build(_site(tmp_path, FULL, SETTINGS), tmp_path / "site")
    assert result.returncode == 0, result.output


@pytest.mark.parametrize(("name", "path"), FIELDS, ids=[f"{n}.{'.'.join(p)}".replace(".[]", "[]") for n, p in FIELDS])
def test_markup_in_an_annotation_field_is_inert(tmp_path: Path, name: str, path: tuple[str, ...]) -> None:
    annotations = copy.deepcopy(FULL)
    assert _place(annotations[name], path, PAYLOAD)
    result = mkdocs_build(_site(tmp_path, annotations, SETTINGS), tmp_path / "site")
    assert result.returncode == 0, result.output
    assert _check_site(Path(result.site)), "the payload should show as text on some page"


SETTING_PATHS = [("licence",), ("edition",), ("editors",), ("later",), ("pages", "glossary", "title"), ("pages", "glossary", "intro"),
                 ("strings", "glossary.full_entry")]


def test_every_text_setting_is_covered() -> None:
    assert {p[0] for p in SETTING_PATHS} | CHOICES | NAMES == set(SETTING_KEYS)


@pytest.mark.parametrize("path", SETTING_PATHS, ids=[".".join(p) for p in SETTING_PATHS])
def test_markup_in_a_setting_is_inert(tmp_path: Path, path: tuple[str, ...]) -> None:
    settings = copy.deepcopy(SETTINGS)
    assert _place(settings, path, PAYLOAD)
    result = mkdocs_build(_site(tmp_path, FULL, settings), tmp_path / "site")
    assert result.returncode == 0, result.output
    assert _check_site(Path(result.site)), "the payload should show as text on some page"
