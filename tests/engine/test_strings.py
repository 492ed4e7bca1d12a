"""The words a reader sees: one table per language; English complete, French too; plural forms; safe replacement."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from annoreader.core.build import CORE
from annoreader.core.strings import Strings
from annoreader.units import UNITS

FOLDERS = [("core", CORE / "strings")] + [(u.name, u.folder() / "strings") for u in UNITS]


def keys(data: dict, prefix: str = "") -> set[str]:
    """Every string's key, plural forms and nested tables included."""
    found = set()
    for key, value in data.items():
        found |= keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key}
    return found


@pytest.mark.parametrize(("unit", "folder"), FOLDERS, ids=[u for u, _ in FOLDERS])
def test_french_says_everything_english_does(unit: str, folder: Path) -> None:
    english = keys(yaml.safe_load((folder / "en.yml").read_text(encoding="utf-8")))
    french = keys(yaml.safe_load((folder / "fr.yml").read_text(encoding="utf-8")))
    assert english == french


def test_a_language_without_a_table_falls_back_to_english_per_string() -> None:
    strings, problems = Strings.load("pt-BR", FOLDERS, {})
    assert problems == [] and strings.language == "pt-BR"
    assert strings("glossary.title") == "Glossary"
    french, _ = Strings.load("fr_CA", FOLDERS, {})
    assert french("glossary.title") == "Glossaire"


def test_plural_forms_and_numbers_follow_the_language() -> None:
    english, _ = Strings.load("en", FOLDERS, {})
    french, _ = Strings.load("fr", FOLDERS, {})
    assert [english.plural("sections.word_count", n) for n in (0, 1, 1234)] == ["0 words", "1 word", "1,234 words"]
    assert [french.plural("sections.word_count", n) for n in (0, 1, 1234)] == ["0 mot", "1 mot", "1\u202f234 mots"]
    assert english.date("2016-05-12") == "12 May 2016" and french.date("2017-11") == "novembre 2017"


def test_replacements_fill_named_slots_only() -> None:
    strings, problems = Strings.load("en", FOLDERS, {"glossary.scheme_title": "{title.__class__} {0} {title}"})
    assert problems == []
    assert strings("glossary.scheme_title", title="T") == "{title.__class__} {0} T"
    _, problems = Strings.load("en", FOLDERS, {"glossary.nope": "x"})
    assert [str(p) for p in problems] == ["mkdocs.yml: extra.reader.strings: there is no string 'glossary.nope' to replace; see the units' strings/en.yml files"]
