"""Loading the glossary file: a valid file becomes a model; every bad input gets one exact message."""

from pathlib import Path
from textwrap import dedent

import pytest

from annoreader.core.problems import AnnotationError
from tests.engine.engine import load_glossary

GOOD = dedent(
    """\
    categories:
      - id: system
        name: Weapons and systems
    terms:
      - id: thaad
        name: THAAD
        expansion: Terminal High Altitude Area Defense
        category: system
        variants:
          - THAAD
          - {text: the thaad battery, case: ignore}
        definition: A missile defense system.
        explanation: |
          More *text*.
        later: In 2025 something changed.
        related: [gmd]
        sources:
          - title: THAAD fact sheet
            url: https://www.mda.mil/system/thaad.html
      - id: gmd
        name: GMD
        category: system
        variants: [GMD]
        definition: Homeland defense.
        explanation: More.
        sources:
          - {title: GMD, url: "https://www.mda.mil/system/gmd.html"}
    """
)


def load(tmp_path: Path, text: str | bytes):
    path = tmp_path / "glossary.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return load_glossary(path)


def problems(tmp_path: Path, text: str | bytes) -> list[str]:
    with pytest.raises(AnnotationError) as info:
        load(tmp_path, text)
    return [str(p) for p in info.value.problems]


def test_good_file_loads(tmp_path: Path) -> None:
    glossary = load(tmp_path, GOOD)
    thaad = glossary.term("thaad")
    assert thaad.line == 5
    assert [v.text for v in thaad.variants] == ["THAAD", "the thaad battery"]
    assert [v.case_rule for v in thaad.variants] == ["exact", "ignore"]
    assert thaad.sources[0].url == "https://www.mda.mil/system/thaad.html"
    assert [t.id for t in glossary.related("gmd")] == ["thaad"]  # related works both ways
    assert glossary.category_name("system") == "Weapons and systems"


BAD = [
    ("syntax error", GOOD.replace("name: THAAD", "name: THAAD: bad"),
     ["annotations/glossary.yml:6: YAML syntax error: mapping values are not allowed here; check indentation, colons and quotes"]),
    ("bad indentation", GOOD.replace("    name: THAAD", "   name: THAAD"),
     ["annotations/glossary.yml:6: YAML syntax error: expected <block end>, but found '<block mapping start>'; check indentation, colons and quotes"]),
    ("empty file", "", ["annotations/glossary.yml: the file is empty; add its top-level keys or delete the file"]),
    ("only a comment", "# nothing\n", ["annotations/glossary.yml: the file is empty; add its top-level keys or delete the file"]),
    ("two documents", GOOD + "---\nterms: []\n", ["annotations/glossary.yml:28: the file holds more than one YAML document; remove the '---'"]),
    ("not utf-8", GOOD.replace("More *text*.", "Caf\u00e9").encode("latin-1"),
     ["annotations/glossary.yml:14: the file is not valid UTF-8 text; save it with UTF-8 encoding"]),
    ("top level is a list", "- a\n", ["annotations/glossary.yml:1: expected a mapping of keys to values, found a list"]),
    ("unknown key, near miss", GOOD.replace("    definition: A missile", "    defintion: A missile"),
     ['annotations/glossary.yml:12: term "thaad": unknown key \'defintion\'; did you mean \'definition\'?']),
    ("unknown key, far", GOOD.replace("  - id: gmd\n", "  - id: gmd\n    colour: red\n"),
     ["annotations/glossary.yml:21: term \"gmd\": unknown key 'colour'; allowed keys: id, name, category, variants, definition, explanation, sources, expansion, later, related"]),
    ("missing field", GOOD.replace("    explanation: More.\n", ""),
     ["annotations/glossary.yml:20: term \"gmd\": 'explanation' is required (the full entry, in Markdown)"]),
    ("empty field", GOOD.replace("definition: Homeland defense.", "definition: ''"),
     ["annotations/glossary.yml:24: term \"gmd\": 'definition' must not be empty"]),
    ("null field", GOOD.replace("definition: Homeland defense.", "definition:"),
     ["annotations/glossary.yml:24: term \"gmd\": 'definition' is required (one or two sentences for the card)"]),
    ("number for text", GOOD.replace("name: GMD", "name: 2017"),
     ["annotations/glossary.yml:21: term \"gmd\": 'name' must be text, not a number; put it in quotes"]),
    ("list for text", GOOD.replace("name: GMD", "name: [GMD]"),
     ["annotations/glossary.yml:21: term \"gmd\": 'name' must be text, not a list"]),
    ("text for list", GOOD.replace("variants: [GMD]", "variants: GMD"),
     ["annotations/glossary.yml:23: term \"gmd\": 'variants' must be a list, not text"]),
    ("empty list", GOOD.replace("variants: [GMD]", "variants: []"),
     ["annotations/glossary.yml:23: term \"gmd\": 'variants' must not be an empty list; add an item"]),
    ("bad id", GOOD.replace("id: gmd", "id: GMD system").replace("related: [gmd]", "related: [thaad]"),
     ["annotations/glossary.yml:20: term \"GMD system\": 'id' must be lowercase letters, digits and hyphens, like 'chapter-2', not 'GMD system'"]),
    ("bad url", GOOD.replace("https://www.mda.mil/system/gmd.html", "www.mda.mil/gmd"),
     ["annotations/glossary.yml:27: term \"gmd\", source 1: 'url' must be a full http:// or https:// address, not 'www.mda.mil/gmd'"]),
    ("javascript url", GOOD.replace("https://www.mda.mil/system/gmd.html", "javascript:alert(1)"),
     ["annotations/glossary.yml:27: term \"gmd\", source 1: 'url' must be a full http:// or https:// address, not 'javascript:alert(1)'"]),
    ("bad case rule", GOOD.replace("case: ignore", "case: loose"),
     ["annotations/glossary.yml:11: term \"thaad\", variant 2: 'case' must be one of exact, sentence, ignore, not 'loose'"]),
    ("duplicate key", GOOD.replace("    name: GMD\n", "    name: GMD\n    name: Ground-Based\n"),
     ["annotations/glossary.yml:22: term \"gmd\": key 'name' is given twice; keep one"]),
    ("duplicate id", GOOD.replace("id: gmd", "id: thaad").replace("related: [gmd]", ""),
     ['annotations/glossary.yml:20: term id "thaad" is already used on line 5; ids must be unique']),
    ("unknown category", GOOD.replace("category: system\n    variants: [GMD]", "category: weapons\n    variants: [GMD]"),
     ['annotations/glossary.yml:20: term "gmd": unknown category "weapons"; use one of: system']),
    ("unknown related", GOOD.replace("related: [gmd]", "related: [gmd, aegis]"),
     ['annotations/glossary.yml:5: term "thaad": \'related\' names unknown term "aegis"; add that term or fix the id']),
    ("related to itself", GOOD.replace("related: [gmd]", "related: [thaad]"),
     ['annotations/glossary.yml:5: term "thaad": \'related\' names the term itself; remove "thaad"']),
    ("variant owned twice", GOOD.replace("variants: [GMD]", "variants: [GMD, THAAD]"),
     ['annotations/glossary.yml:23: term "gmd": variant "THAAD" is already a variant of term "thaad" (line 10); each variant belongs to one term']),
    ("variant clashes by case", GOOD.replace("variants: [GMD]", "variants: [GMD, The THAAD Battery]"),
     ['annotations/glossary.yml:23: term "gmd": variant "The THAAD Battery" is already a variant of term "thaad" (line 11); each variant belongs to one term']),
    ("variant starts with punctuation", GOOD.replace("variants: [GMD]", "variants: [GMD, '“GMD”']"),
     ['annotations/glossary.yml:23: term "gmd": variant "“GMD”" must start with a letter or digit; leave out leading quotes or brackets']),
    ("no sources", GOOD.replace("    sources:\n      - {title: GMD, url: \"https://www.mda.mil/system/gmd.html\"}\n", ""),
     ["annotations/glossary.yml:20: term \"gmd\": 'sources' is required (where the entry's facts come from)"]),
]


@pytest.mark.parametrize(("case", "text", "expected"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_reported_exactly(tmp_path: Path, case: str, text: str | bytes, expected: list[str]) -> None:
    assert problems(tmp_path, text) == expected


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(AnnotationError) as info:
        load_glossary(tmp_path / "nope.yml")
    assert [str(p) for p in info.value.problems] == ["annotations/glossary.yml: cannot read the file: No such file or directory"]


def test_script_in_definition_is_kept_as_text(tmp_path: Path) -> None:
    glossary = load(tmp_path, GOOD.replace("Homeland defense.", "'<script>alert(1)</script>'"))
    assert glossary.term("gmd").definition == "<script>alert(1)</script>"


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    assert load(tmp_path, "\ufeff".encode("utf-8") + GOOD.encode("utf-8")).term("gmd").name == "GMD"
