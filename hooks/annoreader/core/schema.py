"""JSON Schemas of the annotation files, derived from the same dataclasses the loader validates with.

Editors use them to check and complete annotation files while typing (the files name their schema in a
`yaml-language-server` comment). Regenerate after changing a unit's model:

    python -m annoreader.core.schema annotations/schema
"""

from __future__ import annotations

import dataclasses
import json
import sys
import types
import typing
from pathlib import Path
from collections.abc import Mapping, Sequence
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from .kinds import DATE, PATTERNS, RANGE, TEXT_KINDS
from .records import Extension, yaml_key
from .unit import Unit


def files(units: Sequence[type[Unit]]) -> dict[str, type]:
    """One schema per annotation file: the file's name and the dataclass its top level is read into."""
    return {name: cls for unit in units for name, cls in unit.files.items()}


def extensions(units: Sequence[type[Unit]]) -> dict[type, list[Extension]]:
    found: dict[type, list[Extension]] = {}
    for unit in units:
        for cls, added in unit.extends.items():
            found.setdefault(cls, []).extend(added)
    return found


def file_schema(name: str, units: Sequence[type[Unit]]) -> dict[str, Any]:
    cls = files(units)[name]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{name}.schema.json",
        "title": f"annotations/{name}.yml",
        **_record(cls, extensions(units)),
    }


def _record(cls: type, added: Mapping[type, Sequence[Extension]]) -> dict[str, Any]:
    hints = get_type_hints(cls, include_extras=True)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for f in dataclasses.fields(cls):
        if f.metadata.get("internal"):
            continue
        optional = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        prop = _value(hints[f.name], added)
        if f.metadata.get("doc"):
            prop = {"description": f.metadata["doc"], **prop}
        # The loader treats an empty optional key as absent.
        key = yaml_key(f)
        properties[key] = {"anyOf": [prop, {"type": "null"}]} if optional else prop
        if not optional:
            required.append(key)
    for extension in added.get(cls, ()):
        prop = {"description": extension.doc, **_value(extension.hint, added)}
        properties[extension.key] = {"anyOf": [prop, {"type": "null"}]}
    schema: dict[str, Any] = {"type": "object", "properties": properties, "required": required, "additionalProperties": False}
    if cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("):
        schema = {"description": cls.__doc__.strip().splitlines()[0], **schema}
    shorthand = getattr(cls, "SHORTHAND", None)
    if shorthand:
        return {"anyOf": [{"description": f"shorthand for {{{shorthand}: ...}}", **_value(hints[shorthand], added)}, schema]}
    return schema


def _value(hint: Any, added: Mapping[type, Sequence[Extension]]) -> dict[str, Any]:
    origin = get_origin(hint)
    args = get_args(hint)
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        return _value(inner, added)
    if origin is tuple:
        return {"type": "array", "minItems": 1, "items": _value(args[0], added)}
    if hint is int:
        return {"type": "integer", "minimum": 1}
    if origin is Literal:
        return {"enum": list(args)}
    if dataclasses.is_dataclass(hint):
        return _record(hint, added)  # type: ignore[arg-type]
    if origin is typing.Annotated and args[1] == DATE:
        # YAML reads 2014 as a number; editors' YAML 1.2 reads 2016-06 as text
        return {"anyOf": [{"type": "integer", "minimum": 1000, "maximum": 9999}, {"type": "string", "pattern": f"^{PATTERNS[DATE]}$"}]}
    if origin is typing.Annotated and args[1] == RANGE:
        return {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": f"^{PATTERNS[RANGE]}$"}]}
    if origin is typing.Annotated:
        kind = args[1]
        if kind not in TEXT_KINDS:
            raise TypeError(f"unknown text kind {kind!r}")
        return {"type": "string", "pattern": f"^{PATTERNS[kind]}$" if kind in PATTERNS else r"\S"}
    raise TypeError(f"the model uses a type the schema does not know: {hint!r}")


def render(name: str, units: Sequence[type[Unit]]) -> str:
    return json.dumps(file_schema(name, units), indent=2, ensure_ascii=False) + "\n"


def main(folder: str) -> None:
    from ..units import UNITS

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for name in files(UNITS):
        (out / f"{name}.schema.json").write_text(render(name, UNITS), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "annotations/schema")
