"""Under serve, an annotation file edited within one item of a list is read again by that item alone; whatever the
edit, what it reads (records, line numbers, problems and their wording) is what reading the whole file gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annoreader.core import records, reread
from annoreader.core.build import Build, SiteConfig
from annoreader.core.problems import AnnotationError
from annoreader.core.records import Extensions, load_file
from annoreader.core.session import Session
from annoreader.units import UNITS
from annoreader.csl.model import WorksFile
from annoreader.units.glossary.model import GlossaryFile
from tests.engine.engine import glossary_site

ROOT = Path(__file__).parents[2]
ESSAY_GLOSSARY = ROOT / "annotations" / "glossary.yml"
SECOND = ROOT / "tests" / "sites" / "second" / "annotations"


def _extensions() -> Extensions:
    """What the units add to each other's records (the interception diagram's keys on terms), as a build has them."""
    build = Build(SiteConfig(ROOT, "T", {"reader": {}}), UNITS)
    found: dict[type, list[Any]] = {}
    for unit in build.units:
        for cls, added in unit.extends.items():
            found.setdefault(cls, []).extend(added)
    return found


def _full(path: Path, cls: type, extensions: Extensions) -> object:
    """What reading the whole file gives: its record, or its problems as words."""
    try:
        return load_file(path, "annotations/x.yml", cls, extensions)
    except AnnotationError as err:
        return [str(p) for p in err.problems]


def _again(path: Path, cls: type, extensions: Extensions, last: reread.Read) -> object:
    try:
        return reread.read(path, "annotations/x.yml", cls, extensions, last).record
    except AnnotationError as err:
        return [str(p) for p in err.problems]


@pytest.fixture()
def count_full_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = reread.read_file

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(reread, "read_file", counted)
    return calls


# Each edit, and how many lines apart it is tried: a broken file is read twice (libyaml, then the pure-Python parser
# for its messages), which is slow.
EDITS = [
    (lambda line: line + " more", 2),  # words added at the end of a line
    (lambda line: "", 5),  # a line emptied
    (lambda line: line.replace(":", "", 1), 11),  # a key broken
    (lambda line: line.replace("-", "- [", 1), 13),  # a list item broken
]


@pytest.mark.parametrize("source, cls", [(SECOND / "glossary.yml", GlossaryFile), (SECOND / "works.yml", WorksFile)], ids=["glossary", "works"])
def test_any_one_line_edit_reads_as_the_whole_file_does(tmp_path: Path, source: Path, cls: type) -> None:
    """Lines of the second essay's files, edited four ways: the result of reading again from the last read equals reading
    the whole edited file, records with their line numbers and problems word for word."""
    extensions = _extensions()
    text = source.read_text(encoding="utf-8")
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    last = reread.read(path, "annotations/x.yml", cls, extensions, None)
    assert last.spans, "the file's lists of records were found"
    lines = text.split("\n")
    by_item = 0
    for edit, every in EDITS:
        for n in range(0, len(lines), every):
            edited = lines[:n] + [edit(lines[n])] + lines[n + 1 :]
            path.write_text("\n".join(edited), encoding="utf-8")
            again = _again(path, cls, extensions, last)
            assert again == _full(path, cls, extensions), (n, lines[n], edit(lines[n]))
            by_item += not isinstance(again, list)
    assert by_item > len(lines) // 3  # most edits read well


def test_an_edit_inside_one_item_parses_only_that_item(tmp_path: Path, count_full_reads: list[int]) -> None:
    extensions = _extensions()
    text = ESSAY_GLOSSARY.read_text(encoding="utf-8")
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    last = reread.read(path, "annotations/x.yml", GlossaryFile, extensions, None)
    assert count_full_reads == [1]
    assert "The US system for defending" in text
    path.write_text(text.replace("The US system for defending", "The US system for guarding", 1), encoding="utf-8")
    again = reread.read(path, "annotations/x.yml", GlossaryFile, extensions, last)
    assert count_full_reads == [1]
    assert again.record == load_file(path, "annotations/x.yml", GlossaryFile, extensions)
    assert [t.id for t in again.record.terms if "for guarding" in t.definition] == ["gmd"]
    assert reread.read(path, "annotations/x.yml", GlossaryFile, extensions, again) is again  # unchanged: as it was


GLOSSARY = """\
categories:
  - {id: c, name: C}
terms:
  - id: one
    name: One
    category: c
    variants: [One]
    definition: The first.
    explanation: e
    sources: [{title: t, url: "https://example.org/"}]
  # a comment between items
  - id: two
    name: Two
    category: c
    variants: [Two]
    definition: The second.
    explanation: e
    sources: [{title: t, url: "https://example.org/"}]
"""

WHOLE = [
    ("a line added", lambda t: t.replace("definition: The first.", "definition: >-\n      The first.")),
    ("a line removed", lambda t: t.replace("  # a comment between items\n", "")),
    ("an edit across two items", lambda t: t.replace("The first.", "First.").replace("The second.", "Second.")),
    ("an edit outside the lists", lambda t: t.replace("categories:", "categories: ", 1)),
    ("an item that starts elsewhere", lambda t: t.replace("  - id: two\n", "  -\n", 1).replace("    name: Two", "    id: two", 1)),
    ("an anchor and its alias", lambda t: t.replace("definition: The first.", "definition: &d The first.").replace("definition: The second.", "definition: *d")),
    ("a problem in the item", lambda t: t.replace("definition: The second.", "defintion: The second.")),
    ("a tag in the item", lambda t: t.replace("definition: The second.", "definition: !!str The second.")),
    ("a second document in the item", lambda t: t.replace("  # a comment between items", "---")),
]


@pytest.mark.parametrize("name, edit", WHOLE, ids=[w[0] for w in WHOLE])
def test_what_one_item_cannot_say_is_read_from_the_whole_file(tmp_path: Path, count_full_reads: list[int], name: str, edit: Any) -> None:
    path = tmp_path / "x.yml"
    path.write_text(GLOSSARY, encoding="utf-8")
    last = reread.read(path, "annotations/x.yml", GlossaryFile, {}, None)
    assert [(s.key, s.bounds) for s in last.spans] == [("categories", (1, 2)), ("terms", (3, 11, 19))]
    edited = edit(GLOSSARY)
    assert edited != GLOSSARY
    path.write_text(edited, encoding="utf-8")
    assert _again(path, GlossaryFile, {}, last) == _full(path, GlossaryFile, {})
    assert len(count_full_reads) == 2, name


def test_a_file_with_an_alias_is_always_read_whole(tmp_path: Path, count_full_reads: list[int]) -> None:
    """An item may stand for an anchor elsewhere in the file: an edit to it reaches wherever its alias is."""
    text = GLOSSARY.replace("definition: The first.", "definition: &d The first.").replace("definition: The second.", "definition: *d")
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    last = reread.read(path, "annotations/x.yml", GlossaryFile, {}, None)
    path.write_text(text.replace("&d The first.", "&d The very first."), encoding="utf-8")
    again = reread.read(path, "annotations/x.yml", GlossaryFile, {}, last)
    assert [t.definition for t in again.record.terms] == ["The very first.", "The very first."]
    assert len(count_full_reads) == 2


@pytest.mark.parametrize("newline, bom", [("\r\n", ""), ("\n", "\ufeff")], ids=["CRLF", "byte-order mark"])
def test_line_ends_and_a_byte_order_mark_read_alike(tmp_path: Path, count_full_reads: list[int], newline: str, bom: str) -> None:
    path = tmp_path / "x.yml"
    text = bom + GLOSSARY.replace("\n", newline)
    path.write_bytes(text.encode("utf-8"))
    last = reread.read(path, "annotations/x.yml", GlossaryFile, {}, None)
    path.write_bytes(text.replace("The second.", "The second one.").encode("utf-8"))
    again = reread.read(path, "annotations/x.yml", GlossaryFile, {}, last)
    assert again.record == load_file(path, "annotations/x.yml", GlossaryFile, {})
    assert [t.line for t in again.record.terms] == [4, 12]
    assert len(count_full_reads) == 1


def test_serve_reads_an_edited_glossary_by_its_term_even_after_builds_that_loaded_nothing(tmp_path: Path, count_full_reads: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """What a file read last is kept for the run, not only from one build to the next: builds that loaded nothing
    (page edits) or failed to load in between do not make the next definition edit read the whole file. A plain
    build reads the whole file every time."""
    glossary, config = glossary_site(tmp_path, GLOSSARY)
    session = Session(UNITS)
    session.start("serve")
    session.begin(config)
    session.begin(config)  # a page edit: nothing loaded
    glossary.write_text(GLOSSARY.replace("definition: The second.", "defintion: The second."), encoding="utf-8")
    _, problems = session.begin(config)  # a broken file: read whole, for its message; the last good site is kept
    assert problems and len(count_full_reads) == 2
    glossary.write_text(GLOSSARY.replace("The second.", "The second one."), encoding="utf-8")
    build, problems = session.begin(config)
    assert problems == () and len(count_full_reads) == 2
    assert [t.definition for t in build.unit("glossary").glossary.terms] == ["The first.", "The second one."]
    monkeypatch.setattr(records, "read_file", reread.read_file)  # load_file's, counted too
    session.start("build")
    session.begin(config)
    session.begin(config)
    assert len(count_full_reads) == 4
