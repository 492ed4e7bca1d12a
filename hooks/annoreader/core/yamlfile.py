"""Reads an annotation file as YAML nodes, within limits: a regular file of bounded size, plain YAML (no tags, merge
keys or more than a few aliases), bounded nesting; line numbers as an editor counts them."""

from __future__ import annotations

import bisect
import hashlib
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from .problems import Problem

MAX_BYTES = 10_000_000  # an annotation file; the real glossary is under 100 kB
MAX_DEPTH = 24  # nested lists and mappings
MAX_ALIASES = 20  # `*name` references: enough to reuse a value, too few to multiply a file into millions of nodes
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml, some twenty times faster when present
_MERGE = "tag:yaml.org,2002:merge"
# Half of a UTF-16 pair, which only a double-quoted escape ("\ud83d") can put in a value: not a character, so no
# page or download could be written with it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def load_own(text: str) -> object:
    """YAML the engine ships (its strings tables), with the fast loader: no author writes it, so no limits."""
    return yaml.load(text, Loader=_FAST_LOADER)  # noqa: S506 - a safe loader, C or Python


class Lines:
    """Line numbers as an editor counts them: only line feeds end a line (YAML also counts U+2028 and U+0085)."""

    def __init__(self, text: str) -> None:
        self._ends = [m.start() for m in re.finditer("\n", text)]

    def __call__(self, index: int) -> int:
        return bisect.bisect_left(self._ends, index) + 1


@dataclass(frozen=True)
class Document:
    """A parsed file: its root node, and the line of any place in it."""

    root: yaml.Node
    lines: Lines
    text: str = ""
    aliases: int = 0  # the `*name` references in it

    def line(self, node: yaml.Node) -> int:
        return self.lines(node.start_mark.index)


def read_bytes(path: Path, file: str) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes, if it is a regular file (a symlink to one is fine) of a size an annotation file may have."""
    try:
        info = path.stat()
    except OSError as err:
        return None, [Problem(file, 0, f"cannot read the file: {err.strerror}")]
    if not stat.S_ISREG(info.st_mode):
        return None, [Problem(file, 0, "is not a regular file (it is a folder, a device or a pipe); put a YAML file here")]
    if info.st_size > MAX_BYTES:
        return None, [Problem(file, 0, f"the file has {info.st_size:,} bytes, more than the {MAX_BYTES:,} an annotation file may have; split or shorten it")]
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as err:
        return None, [Problem(file, 0, f"cannot read the file: {err.strerror or os.strerror(err.errno or 0)}")]
    if len(data) > MAX_BYTES:
        return None, [Problem(file, 0, f"the file has more than the {MAX_BYTES:,} bytes an annotation file may have; split or shorten it")]
    return data, []


def digest(path: Path) -> str:
    """Whether a file changed, told by a digest of its bytes; a file larger than an annotation file may be (which
    reading refuses) by its size and time instead, so that it is never read whole."""
    info = path.stat()
    if info.st_size > MAX_BYTES:
        return f"{info.st_size}:{info.st_mtime_ns}"
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()


def parse_yaml(data: bytes, file: str, depth: int = 0) -> tuple[Document | None, list[Problem]]:
    """Parses one YAML document into nodes (which keep their place in the text); `depth`, the nesting the text sits
    in when it is a part of a file."""
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark, as some editors write, is fine
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return None, [Problem(file, line, "the file is not valid UTF-8 text; save it with UTF-8 encoding")]
    line = Lines(text)
    try:
        try:
            problems, aliases = _plain(yaml.parse(text, Loader=_FAST_LOADER), file, line, depth)
            nodes = [] if problems else list(yaml.compose_all(text, Loader=_FAST_LOADER))
        except yaml.YAMLError:
            # libyaml words its errors differently; the pure-Python parser's messages are the documented ones.
            problems, aliases = _plain(yaml.parse(text, Loader=yaml.SafeLoader), file, line, depth)
            nodes = [] if problems else list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        what = err.problem or "invalid YAML"
        return None, [Problem(file, line(mark.index) if mark else 0, f"YAML syntax error: {what}; check indentation, colons and quotes")]
    except yaml.YAMLError as err:
        return None, [Problem(file, 0, f"YAML error: {' '.join(str(err).split())}")]
    if problems:
        return None, problems
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        return None, [Problem(file, 0, "the file is empty; add its top-level keys or delete the file")]
    if len(nodes) > 1:
        at = line(nodes[1].start_mark.index)
        return None, [Problem(file, _separator_before(text, at), "the file holds more than one YAML document; remove the '---'")]
    merge = _merge_key(nodes[0])
    if merge is not None:
        return None, [Problem(file, line(merge.start_mark.index), "YAML merge keys ('<<') are not supported; write the keys out")]
    return Document(nodes[0], line, text, aliases), []


def _plain(events: Iterable[yaml.Event], file: str, line: Lines, depth: int = 0) -> tuple[list[Problem], int]:
    """The features this reader refuses, found in one pass over the parser's events, before any node is made; and
    the number of aliases."""
    aliases = 0
    for event in events:
        kind = type(event)
        if kind is yaml.ScalarEvent:  # most of a file: tested first
            if event.tag is not None:
                return [_tagged(event, file, line)], aliases
            half = _SURROGATE.search(event.value) if event.style == '"' else None
            if half is not None:
                return [_surrogate(half.group(), event, file, line)], aliases
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            depth += 1
            if depth > MAX_DEPTH:
                return [Problem(file, line(event.start_mark.index), f"lists and mappings are nested more than {MAX_DEPTH} deep; flatten the file")], aliases
            if event.tag is not None:
                return [_tagged(event, file, line)], aliases
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            depth -= 1
        elif kind is yaml.AliasEvent:
            aliases += 1
            if aliases > MAX_ALIASES:
                return [Problem(file, line(event.start_mark.index), f"the file uses more than {MAX_ALIASES} aliases ('*name'); write the values out")], aliases
    return [], aliases


def _tagged(event: yaml.ScalarEvent | yaml.CollectionStartEvent, file: str, line: Lines) -> Problem:
    where = line(event.start_mark.index)
    return Problem(file, where, f"YAML tags such as '{event.tag}' are not supported; remove it (put the value in quotes if it is text)")


def _surrogate(half: str, event: yaml.ScalarEvent, file: str, line: Lines) -> Problem:
    escape = f"\\u{ord(half):04x}"
    return Problem(file, line(event.start_mark.index), f"'{escape}' is half of a UTF-16 surrogate pair, not a character; write the character itself, or its '\\U' escape with eight digits")


def _merge_key(root: yaml.Node) -> yaml.Node | None:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.tag == _MERGE:
                    return key
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None


def _separator_before(text: str, line: int) -> int:
    """The line of the '---' that starts the document at `line` (or that line if there is none)."""
    lines = text.split("\n")
    return next((n for n in range(line, 0, -1) if lines[n - 1].startswith("---")), line)
