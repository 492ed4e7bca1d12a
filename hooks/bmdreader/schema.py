"""JSON Schemas of the annotation files, derived from the same dataclasses the loader validates with.

Editors use them to check and complete annotation files while typing (the files name their schema in a
`yaml-language-server` comment). Regenerate after changing the model:

    python -m bmdreader.schema annotations/schema
"""

from __future__ import annotations

import dataclasses
import json
import sys
import types
import typing
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from .model import DATE, ID, MARKDOWN, RANGE, TEXT, URL, VERBATIM, AssignmentsFile, FiguresFile, GlossaryFile, NotesFile, QuestionsFile, TimelineFile, WorksFile
from .records import DATE_PATTERN, ID_PATTERN, RANGE_PATTERN, URL_PATTERN, yaml_key

# One schema per annotation file: the file's name and the dataclass its top level is read into.
FILES: dict[str, type] = {
    "glossary": GlossaryFile,
    "notes": NotesFile,
    "works": WorksFile,
    "essay": WorksFile,
    "figures": FiguresFile,
    "timeline": TimelineFile,
    "questions": QuestionsFile,
    "assignments": AssignmentsFile,
}


def file_schema(name: str) -> dict[str, Any]:
    cls = FILES[name]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{name}.schema.json",
        "title": f"annotations/{name}.yml",
        **_record(cls),
    }


def _record(cls: type) -> dict[str, Any]:
    hints = get_type_hints(cls, include_extras=True)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for f in dataclasses.fields(cls):
        if f.metadata.get("internal"):
            continue
        optional = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        prop = _value(hints[f.name])
        if f.metadata.get("doc"):
            prop = {"description": f.metadata["doc"], **prop}
        # The loader treats an empty optional key as absent.
        key = yaml_key(f)
        properties[key] = {"anyOf": [prop, {"type": "null"}]} if optional else prop
        if not optional:
            required.append(key)
    schema: dict[str, Any] = {"type": "object", "properties": properties, "required": required, "additionalProperties": False}
    if cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("):
        schema = {"description": cls.__doc__.strip().splitlines()[0], **schema}
    shorthand = getattr(cls, "SHORTHAND", None)
    if shorthand:
        return {"anyOf": [{"description": f"shorthand for {{{shorthand}: ...}}", **_value(hints[shorthand])}, schema]}
    return schema


def _value(hint: Any) -> dict[str, Any]:
    origin = get_origin(hint)
    args = get_args(hint)
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        return _value(inner)
    if origin is tuple:
        return {"type": "array", "minItems": 1, "items": _value(args[0])}
    if hint is int:
        return {"type": "integer", "minimum": 1}
    if origin is Literal:
        return {"enum": list(args)}
    if dataclasses.is_dataclass(hint):
        return _record(hint)
    if origin is typing.Annotated and args[1] == DATE:
        # YAML reads 2014 as a number; editors' YAML 1.2 reads 2016-06 as text
        return {"anyOf": [{"type": "integer", "minimum": 1000, "maximum": 9999}, {"type": "string", "pattern": f"^{DATE_PATTERN}$"}]}
    if origin is typing.Annotated and args[1] == RANGE:
        return {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": f"^{RANGE_PATTERN}$"}]}
    if origin is typing.Annotated:
        kind = args[1]
        text: dict[str, Any] = {"type": "string", "pattern": r"\S"}
        if kind == ID:
            text["pattern"] = f"^{ID_PATTERN}$"
        elif kind == URL:
            text["pattern"] = f"^{URL_PATTERN}$"
        elif kind not in (TEXT, MARKDOWN, VERBATIM):
            raise TypeError(f"unknown text kind {kind!r}")
        return text
    raise TypeError(f"the model uses a type the schema does not know: {hint!r}")


def render(name: str) -> str:
    return json.dumps(file_schema(name), indent=2, ensure_ascii=False) + "\n"


def main(folder: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        (out / f"{name}.schema.json").write_text(render(name), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "annotations/schema")
