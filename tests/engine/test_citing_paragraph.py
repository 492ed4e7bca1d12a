"""A paragraph's bibliography entry in "Cite this", made from its section's, is what the CSL processor makes for it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from annoreader.csl import cite
from annoreader.units.citing.unit import Format, _as_paragraph
from tests.engine.engine import load_works

ROOT = Path(__file__).resolve().parents[2]
ESSAYS = (ROOT / "annotations" / "essay.yml", ROOT / "tests" / "sites" / "second" / "annotations" / "essay.yml")


@pytest.mark.parametrize("path", ESSAYS, ids=lambda p: p.parent.parent.name)
@pytest.mark.parametrize("note", [("Section: @S@", "Section: @S@, paragraph @P@"), ("Rubrique « l’@S@ » & co", "Rubrique « l’@S@ » & co, ¶ @P@")])
def test_the_paragraphs_entry_is_the_one_the_processor_makes(path: Path, note: tuple[str, str]) -> None:
    for essay in load_works(path):
        section = replace(essay, type="webpage", container_title="An edition", publisher=None, publisher_place=None, URL="@URL@", note=note[0])
        paragraph = replace(section, URL="@URL@#p@P@", note=note[1])
        for _label, style, initials in cite.CITE_STYLES:
            _, entry = cite.cite_html(section, style, section.URL or "", None, initials)
            _, expected = cite.cite_html(paragraph, style, paragraph.URL or "", "@P@", initials)
            made = _as_paragraph(Format("entry", cite.as_text(entry), entry), section, paragraph)
            assert "@URL@#p@P@" in expected
            assert made == Format("entry", cite.as_text(expected), expected)


def test_a_style_that_printed_the_note_would_show_the_paragraphs() -> None:
    section = replace(load_works(ESSAYS[0])[0], URL="@URL@", note="Section: it's @S@")
    paragraph = replace(section, URL="@URL@#p@P@", note="Section: it's @S@, paragraph @P@")
    printed = Format("entry", f"Seen at {section.URL}. {section.note}.", "Seen at @URL@. Section: it&#x27;s @S@.")
    made = _as_paragraph(printed, section, paragraph)
    assert made.text == "Seen at @URL@#p@P@. Section: it's @S@, paragraph @P@."
    assert made.html == "Seen at @URL@#p@P@. Section: it&#x27;s @S@, paragraph @P@."
