"""Reads YAML into the units' model dataclasses, checking every field against its type, with line numbers."""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import functools
import re
import types
from pathlib import Path
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

import yaml

from .kinds import COMPILED, DATE, FILE, ID, MARKDOWN, PAGE, RANGE, RESERVED_ID, TEXT, TEXT_KINDS, URL, VERBATIM
from .markdown import MAX_DEPTH as MARKDOWN_DEPTH
from .markdown import too_deep
from .problems import AnnotationError, Problem
from .yamlfile import Document, parse_yaml, read_bytes

T = TypeVar("T")

_ID_RE = COMPILED[ID]
_RANGE_RE = COMPILED[RANGE]
_DATE_RE = COMPILED[DATE]
_URL_RE = COMPILED[URL]
_PAGE_RE = COMPILED[PAGE]
_STR_TAG = "tag:yaml.org,2002:str"
MAX_TEXT = 50_000  # characters in one field: a long glossary explanation is 3,000
MAX_ITEMS = 50_000  # items in one list
MAX_NUMBER = 100_000  # a paragraph number, an image's width or height
# Characters no one can see or type on purpose: C0 and C1 controls but tab and line breaks, and text direction overrides.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
_TAG_NAMES = {
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true/false",
    "tag:yaml.org,2002:null": "empty",
    "tag:yaml.org,2002:timestamp": "a date",
}


@dataclass(frozen=True)
class Extension:
    """A key one unit adds to another unit's records: the interception diagram's `intercepts` on glossary terms.

    The record keeps what the key held in its `extensions` field, as (key, value) pairs."""

    key: str
    hint: Any
    doc: str


Extensions = Mapping[type, Sequence[Extension]]


def load_file(path: Path, shown_as: str, cls: type[T], extensions: Extensions | None = None) -> T:
    """Reads one annotation file into `cls`, or raises AnnotationError with every problem found."""
    return read_file(path, shown_as, cls, extensions)[0]


def read_file(path: Path, shown_as: str, cls: type[T], extensions: Extensions | None = None) -> tuple[T, Document]:
    """load_file, with the parsed document the record was read from."""
    data, problems = read_bytes(path, shown_as)
    document, more = parse_yaml(data, shown_as) if data is not None else (None, [])
    if document is None:
        raise AnnotationError(problems + more)
    reader = RecordReader(shown_as, document, extensions or {})
    parsed = reader.record(cls, document.root)
    if parsed is None:
        raise AnnotationError(reader.problems)
    return parsed, document


class RecordReader:
    """Turns YAML nodes into instances of the model's dataclasses, collecting problems instead of raising."""

    def __init__(self, file: str, document: Document, extensions: Extensions | None = None) -> None:
        self.file = file
        self.document = document
        self.extensions = extensions or {}
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node, label: str, message: str) -> None:
        prefix = f"{label}: " if label else ""
        self.problems.append(Problem(self.file, self.document.line(node), prefix + message))

    def record(self, cls: type[T], node: yaml.Node, outer: str = "", index: int | None = None) -> T | None:
        shorthand = getattr(cls, "SHORTHAND", None)
        if shorthand and isinstance(node, yaml.ScalarNode):
            key = yaml.ScalarNode(_STR_TAG, shorthand, node.start_mark, node.end_mark)
            node = yaml.MappingNode("tag:yaml.org,2002:map", [(key, node)], node.start_mark, node.end_mark)
        label = _label(cls, node, outer, index)
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, label, f"expected a mapping of keys to values, found {_describe(node)}")
            return None
        fields, hints = shape(cls)
        required = _required(cls)
        extensions = self.extensions.get(cls, ())
        added = {e.key: e for e in extensions}
        known = [*fields, *added] if extensions else fields
        values: dict[str, yaml.Node] = {}
        found_before = len(self.problems)
        misspelt: set[str] = set()  # keys an unknown key was taken for: their absence is already explained
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key not in known:
                hint = difflib.get_close_matches(str(key), known, n=1)
                advice = f"did you mean '{hint[0]}'?" if hint else f"allowed keys: {', '.join(known)}"
                misspelt.update(hint)
                self.problem(key_node, label, f"unknown key '{key}'; {advice}")
            elif key in values:
                self.problem(key_node, label, f"key '{key}' is given twice; keep one")
            else:
                values[key] = value_node
        kwargs: dict[str, Any] = {"line": self.document.line(node)} if hasattr(cls, "line") else {}
        ok = len(self.problems) == found_before  # an unknown or repeated key spoils the record
        missing = []
        for name, f in fields.items():
            given = values.get(name)
            if given is None or _is_null(given):
                if name in required:
                    ok = False
                    if given is not None:
                        self.problem(given, label, f"'{name}' is required{_described(f)}")
                    elif name not in misspelt:
                        missing.append(name)
                continue
            before = len(self.problems)
            value = self.value(hints[name], given, label, name, name in required)
            if len(self.problems) > before:
                ok = False
            kwargs[f.name] = value
        if added:
            pairs = []
            for key, extension in added.items():
                if key in values and not _is_null(values[key]):
                    before = len(self.problems)
                    pairs.append((key, self.value(extension.hint, values[key], label, key)))
                    ok = ok and len(self.problems) == before
            kwargs[_extensions_field(cls)] = tuple(pairs)
        if len(missing) == 1:
            self.problem(node, label, f"'{missing[0]}' is required{_described(fields[missing[0]])}")
        elif missing:
            self.problem(node, label, "these keys are required: " + ", ".join(f"'{m}'" for m in missing))
        return cls(**kwargs) if ok else None

    def value(self, hint: Any, node: yaml.Node, label: str, name: str, required: bool = False) -> Any:
        origin, args = read_as(hint)
        if origin is Union:
            return self.value(args[0], node, label, name, required)
        if origin is tuple:
            if not isinstance(node, yaml.SequenceNode):
                self.problem(node, label, f"'{name}' must be a list, not {_describe(node)}")
                return ()
            if not node.value:
                self.problem(node, label, f"'{name}' must not be an empty list; add an item{'' if required else ' or remove the key'}")
                return ()
            if len(node.value) > MAX_ITEMS:
                self.problem(node, label, f"'{name}' has {len(node.value):,} items, more than the {MAX_ITEMS:,} a list may hold; split the file")
                return ()
            if args[1]:  # a list of records
                return tuple(self.record(args[0], item, label, i + 1) for i, item in enumerate(node.value))
            return tuple(self.value(args[0], item, label, f"{name} item {i + 1}") for i, item in enumerate(node.value))
        if hint is int:
            # Decimal digits only: YAML 1.1 also reads 0x10, 0o17, 1_000 and 4:30 as numbers.
            digits = isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:int" and node.value.isascii() and node.value.isdigit()
            if not digits or not 0 < int(node.value) <= MAX_NUMBER:
                shown = repr(node.value) if isinstance(node, yaml.ScalarNode) else _describe(node)
                self.problem(node, label, f"'{name}' must be a whole number from 1 to {MAX_NUMBER:,}, not {shown}")
                return None
            return int(node.value)
        if origin is Literal:
            text = self.text(node, label, name, ID)
            if text is not None and text not in args:
                self.problem(node, label, f"'{name}' must be one of {', '.join(args)}, not '{text}'")
            return text
        if origin is dataclass:
            return self.record(hint, node, label)
        if origin is typing.Annotated and args[1] == DATE:
            return self.date(node, label, name)
        if origin is typing.Annotated and args[1] == RANGE:
            return self.range(node, label, name)
        if origin is typing.Annotated:
            text = self.text(node, label, name, args[1])
            if text is not None:
                self.check_kind(args[1], text, node, label, name)
            return text
        raise TypeError(f"the model uses a type the reader does not know: {hint!r}")

    def text(self, node: yaml.Node, label: str, name: str, kind: str = TEXT) -> str | None:
        """Text of a field. Plain text (a name, a title, a definition) is one line: its line breaks and runs of
        spaces become single spaces; Markdown keeps its lines; a quote's prefix and suffix keep their end spaces."""
        if not isinstance(node, yaml.ScalarNode) or node.tag != _STR_TAG:
            quote = "; put it in quotes" if isinstance(node, yaml.ScalarNode) else ""
            self.problem(node, label, f"'{name}' must be text, not {_describe(node)}{quote}")
            return None
        value = node.value
        if not value.strip():
            self.problem(node, label, f"'{name}' must not be empty")
            return None
        odd = odd_text(value)
        if odd:
            self.problem(node, label, f"'{name}' {odd}")
            return None
        if kind == MARKDOWN and too_deep(value):
            self.problem(node, label, f"'{name}' nests lists or quotes more than {MARKDOWN_DEPTH} deep; flatten it")
            return None
        if kind == VERBATIM:
            return value
        return value.strip() if kind == MARKDOWN else " ".join(value.split())

    def date(self, node: yaml.Node, label: str, name: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode) or not _DATE_RE.fullmatch(str(node.value).strip()):
            shown = f"'{node.value}'" if isinstance(node, yaml.ScalarNode) else _describe(node)
            self.problem(node, label, f"'{name}' must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not {shown}")
            return None
        text = str(node.value).strip()
        try:
            if text.count("-") == 2:
                datetime.date.fromisoformat(text)
        except ValueError:
            self.problem(node, label, f"'{name}' is not a real day: {text}")
            return None
        return text

    def range(self, node: yaml.Node, label: str, name: str) -> str | None:
        text = "".join(str(node.value).split()) if isinstance(node, yaml.ScalarNode) else ""
        if not _RANGE_RE.fullmatch(text):
            shown = f"'{node.value}'" if isinstance(node, yaml.ScalarNode) else _describe(node)
            self.problem(node, label, f"'{name}' must be a paragraph number or a range like 4-7, not {shown}")
            return None
        first, _, last = text.partition("-")
        if int(last or first) > MAX_NUMBER:
            self.problem(node, label, f"'{name}' names paragraph {int(last or first):,}; a section has at most {MAX_NUMBER:,}")
            return None
        if last and int(last) < int(first):
            self.problem(node, label, f"'{name}' runs backwards: write {last}-{first}, not {text}")
            return None
        return text

    def check_kind(self, kind: str, text: str, node: yaml.Node, label: str, name: str) -> None:
        if kind == ID and not _ID_RE.fullmatch(text):
            # the value as written (its line breaks are shown escaped), not as folded onto one line
            written = node.value if isinstance(node, yaml.ScalarNode) else text
            self.problem(node, label, f"'{name}' must be lowercase letters, digits and hyphens, like 'chapter-2', not '{written}'")
        elif kind == ID and name == "id" and RESERVED_ID.fullmatch(text):
            # only where an id is given: a reference to it is then unknown, and reported as such
            self.problem(node, label, f"'{name}' '{text}' is an id the reader uses for its own links (paragraphs p4, p4-p7, or rdr-...); choose another")
        elif kind == PAGE and (not _PAGE_RE.fullmatch(text) or ".." in text.split("/")):
            self.problem(node, label, f"'{name}' must name a page by its path under docs/ without '.md', like 'chapter-2', not '{text}'")
        elif kind == FILE and (not _PAGE_RE.fullmatch(text) or ".." in text.split("/")):
            self.problem(node, label, f"'{name}' must be a file's path under docs/, like 'images/figure-1.jpg', not '{text}'")
        elif kind == URL and not _URL_RE.fullmatch(text):
            self.problem(node, label, f"'{name}' must be a full http:// or https:// address, not '{text}'")
        elif kind not in TEXT_KINDS:
            raise TypeError(f"unknown text kind {kind!r}")


def odd_text(value: str) -> str | None:
    """Why a text cannot be shown as written (too long, or holding a character no reader sees), or None."""
    if len(value) > MAX_TEXT:
        return f"has {len(value):,} characters, more than the {MAX_TEXT:,} a field may hold; shorten it"
    control = _CONTROL.search(value)
    if control:
        return f"holds the control character U+{ord(control.group()):04X}, which no reader can see; remove it"
    return None


@functools.cache
def _extensions_field(cls: type) -> str:
    return next(f.name for f in dataclasses.fields(cls) if f.metadata.get("extensions"))


@functools.cache
def read_as(hint: Any) -> tuple[Any, tuple[Any, ...]]:
    """How the reader takes a type, worked out once per type: (Union, (the type inside an optional one,)),
    (tuple, (item type, whether items are records)), (dataclass, ()) for a record, else its origin and arguments."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        return Union, (inner,)
    if origin is tuple:
        return tuple, (args[0], dataclasses.is_dataclass(args[0]))
    if origin is None and dataclasses.is_dataclass(hint):
        return dataclass, ()
    return origin, args


@functools.cache
def _required(cls: type) -> frozenset[str]:
    """The keys a record must have: its fields without a default."""
    fields, _ = shape(cls)
    return frozenset(k for k, f in fields.items() if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)


@functools.cache
def shape(cls: type) -> tuple[dict[str, dataclasses.Field[Any]], dict[str, Any]]:
    """A model class's fields as the YAML sees them, and their types (looked up once per class)."""
    fields = {yaml_key(f): f for f in dataclasses.fields(cls) if not f.metadata.get("internal")}
    hints = get_type_hints(cls, include_extras=True)
    return fields, {key: hints[f.name] for key, f in fields.items()}


def yaml_key(f: dataclasses.Field[Any]) -> str:
    """The key a field has in the YAML: its name, unless the format spells it otherwise (CSL's 'container-title')."""
    return f.metadata.get("key", f.name)


def _label(cls: type, node: yaml.Node, outer: str, index: int | None) -> str:
    """Names a record in messages the way an author finds it: by its id when it has one, else by position."""
    if index is None and not outer:
        return ""
    kind = cls.__name__.lower()
    own = f"{kind} {index}" if index is not None else kind
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if getattr(key, "value", None) == "id" and isinstance(value, yaml.ScalarNode) and value.value:
                own = f'{kind} "{value.value}"'
    return f"{outer}, {own}" if outer else own


def _described(f: dataclasses.Field[Any]) -> str:
    return f" ({f.metadata['doc']})" if f.metadata.get("doc") else ""


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return _TAG_NAMES.get(node.tag, "text")
