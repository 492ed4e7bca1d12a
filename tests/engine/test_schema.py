"""The JSON Schemas come from the loader's own model: the committed files are current, and the schema and
the loader agree on what a well-formed file is."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from annoreader.core.problems import AnnotationError
from annoreader.core.schema import files, render
from annoreader.units import UNITS
from tests.conftest import ROOT
from tests.engine.engine import load_glossary
from tests.engine.test_glossary_loader import GOOD

FILES = files(UNITS)

SCHEMAS = ROOT / "annotations" / "schema"


class _EditorLoader(yaml.SafeLoader):
    """Reads YAML as editors' language servers do (YAML 1.2): 2008-02-07 is text, not a date."""


_EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def as_editor_reads(text: str) -> object:
    return yaml.load(text, Loader=_EditorLoader)  # noqa: S506 - a safe loader


@pytest.mark.parametrize("name", FILES)
def test_committed_schema_is_current(name: str) -> None:
    committed = (SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == render(name, UNITS), "run: python -m annoreader.core.schema annotations/schema"


@pytest.mark.parametrize("name", FILES)
def test_each_annotation_file_names_its_schema_and_passes_it(name: str) -> None:
    path = ROOT / "annotations" / f"{name}.yml"
    assert path.read_text(encoding="utf-8").startswith(f"# yaml-language-server: $schema=schema/{name}.schema.json\n")
    schema = yaml.safe_load((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(as_editor_reads(path.read_text(encoding="utf-8")))]
    assert errors == []


FIELD_LEVEL_MISTAKES = {
    "unknown key": GOOD.replace("    definition: A missile", "    defintion: A missile"),
    "missing field": GOOD.replace("    explanation: More.\n", ""),
    "null required field": GOOD.replace("definition: Homeland defense.", "definition:"),
    "number for text": GOOD.replace("name: GMD", "name: 2017"),
    "text for list": GOOD.replace("variants: [GMD]", "variants: GMD"),
    "empty list": GOOD.replace("variants: [GMD]", "variants: []"),
    "bad id": GOOD.replace("id: gmd", "id: GMD system"),
    "bad url": GOOD.replace("https://www.mda.mil/system/gmd.html", "javascript:alert(1)"),
    "bad case rule": GOOD.replace("case: ignore", "case: loose"),
    "empty text": GOOD.replace("definition: Homeland defense.", "definition: '  '"),
}


def schema_errors(text: str) -> list[str]:
    schema = yaml.safe_load((SCHEMAS / "glossary.schema.json").read_text())
    return [e.message for e in Draft202012Validator(schema).iter_errors(as_editor_reads(text))]


def test_schema_accepts_what_the_loader_accepts(tmp_path: Path) -> None:
    (tmp_path / "g.yml").write_text(GOOD, encoding="utf-8")
    load_glossary(tmp_path / "g.yml")
    assert schema_errors(GOOD) == []


@pytest.mark.parametrize("case", FIELD_LEVEL_MISTAKES)
def test_schema_rejects_what_the_loader_rejects(tmp_path: Path, case: str) -> None:
    text = FIELD_LEVEL_MISTAKES[case]
    (tmp_path / "g.yml").write_text(text, encoding="utf-8")
    with pytest.raises(AnnotationError):
        load_glossary(tmp_path / "g.yml")
    assert schema_errors(text) != []
