"""Under `mkdocs serve`, an annotation file edited within one item of one of its lists is read again by that item.

A book's glossary is thousands of terms; an author edits one definition and saves. Parsing the whole file again took a
quarter of a second of every such rebuild. Here the new text is compared with the text last read in full, line by
line: when the lines that differ all fall within one item of a list of records, and no line was added or removed,
only that item's lines are parsed and checked, in place (the lines before it left blank, so that its line numbers
are the file's), and the item replaces its old record. Anything else (lines added, an edit across two items or
outside the lists, a file with aliases, a problem in the item) reads the whole file again, which also words its
problems exactly as a first read would.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, Union

import yaml

from .records import Extensions, RecordReader, read_as, read_file, shape
from .yamlfile import Document, parse_yaml, read_bytes

T = TypeVar("T")


@dataclass(frozen=True)
class Span:
    """A list of records in a file: its key, the field it fills, its items' class, and the line (counted from 0)
    where each item starts, then the line after its last item."""

    key: str
    field: str
    item: type
    bounds: tuple[int, ...]


@dataclass(frozen=True)
class Read:
    """A file as last read: its text, its record, how many aliases it uses, and where its lists' items stand."""

    text: str
    record: Any
    aliases: int
    spans: tuple[Span, ...]


def read(path: Path, shown_as: str, cls: type[T], extensions: Extensions, last: Read | None) -> Read:
    """The file read into `cls`, by the item that changed since `last` where it can be; else in full (raising
    AnnotationError with every problem, as records.load_file does)."""
    if last is not None:
        data, _ = read_bytes(path, shown_as)
        again = _again(data, shown_as, extensions, last) if data is not None else None
        if again is not None:
            return again
    record, document = read_file(path, shown_as, cls, extensions)
    return Read(document.text, record, document.aliases, _spans(cls, document))


def _again(data: bytes, shown_as: str, extensions: Extensions, last: Read) -> Read | None:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if text == last.text:
        return last
    old, new = last.text.split("\n"), text.split("\n")
    if last.aliases or len(old) != len(new):
        return None
    first = next(i for i, (a, b) in enumerate(zip(old, new)) if a != b)
    final = next(i for i in range(len(old) - 1, -1, -1) if old[i] != new[i])
    for span in last.spans:
        n = bisect.bisect_right(span.bounds, first) - 1
        if 0 <= n < len(span.bounds) - 1 and final < span.bounds[n + 1]:
            return _item_again(new, shown_as, extensions, last, span, n)
    return None


def _item_again(lines: list[str], shown_as: str, extensions: Extensions, last: Read, span: Span, n: int) -> Read | None:
    start, end = span.bounds[n], span.bounds[n + 1]
    part = "\n" * start + "\n".join(lines[start:end])
    # One level deeper than the item's own text shows: the file's top-level mapping holds the list.
    document, problems = parse_yaml(part.encode("utf-8"), shown_as, depth=1)
    if document is None or problems or document.aliases:
        return None
    root = document.root
    if not isinstance(root, yaml.SequenceNode) or root.flow_style or len(root.value) != 1:
        return None
    node = root.value[0]
    if document.line(node) - 1 != start:  # the item no longer starts where it did: its neighbours' bounds would move
        return None
    reader = RecordReader(shown_as, document, extensions)
    item = reader.record(span.item, node, "", n + 1)
    if item is None or reader.problems:
        return None
    items = getattr(last.record, span.field)
    record = dataclasses.replace(last.record, **{span.field: (*items[:n], item, *items[n + 1 :])})
    return Read("\n".join(lines), record, 0, last.spans)


def _spans(cls: type, document: Document) -> tuple[Span, ...]:
    """The lists of records in the file's top-level mapping, written one item after another (block style)."""
    root = document.root
    if not isinstance(root, yaml.MappingNode):
        return ()
    fields, hints = shape(cls)
    total = document.text.count("\n") + 1
    spans = []
    for key_node, value in root.value:
        key = getattr(key_node, "value", None)
        item = _item_class(hints.get(key)) if key in fields else None
        if item is None or not isinstance(value, yaml.SequenceNode) or value.flow_style or not value.value:
            continue
        starts = [document.line(node) - 1 for node in value.value]
        mark = value.end_mark
        if mark.index >= len(document.text):
            end = total
        elif mark.column == 0:  # the list ends where the next top-level key starts
            end = document.lines(mark.index) - 1
        else:
            continue
        bounds = (*starts, end)
        if all(a < b for a, b in zip(bounds, bounds[1:])):
            spans.append(Span(key, fields[key].name, item, bounds))
    return tuple(spans)


def _item_class(hint: Any) -> type | None:
    """The record class of a field that holds a list of records, else None."""
    origin, args = read_as(hint)
    if origin is Union:
        origin, args = read_as(args[0])
    return args[0] if origin is tuple and args[1] else None
