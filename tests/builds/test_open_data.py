"""Open data on a small site: every annotation of every unit is exported, pointing at the site's own pages."""

from __future__ import annotations

from pathlib import Path

from tests.builds.tinysite import FIGURES, NOTES, QUESTIONS, WORKS, build
from tests.webanno import annotations


def test_a_small_sites_annotations_point_at_its_pages(tmp_path: Path) -> None:
    result = build(tmp_path, annotations={"notes.yml": NOTES, "works.yml": WORKS, "figures.yml": FIGURES, "questions.yml": QUESTIONS})
    assert result.returncode == 0, result.output
    items = {i["id"].split("#")[1]: i for i in annotations(result)["first"]["items"]}
    assert sorted(items) == ["figure-1", "note-1", "note-2", "question-why", "term-deterrence-one-1", "term-deterrence-two-1",
                             "term-thaad-one-1", "term-thaad-one-2", "term-thaad-two-1"]  # not the THAAD in code
    note = items["note-1"]
    assert note["target"]["source"] == "http://127.0.0.1/one/"
    quote, position = note["target"]["selector"]
    assert quote["exact"] == "system is here." and quote["suffix"].startswith("1")  # the note's marker follows
    assert position["end"] - position["start"] == len("system is here.")
    assert items["term-thaad-two-1"]["body"][1]["source"] == "http://127.0.0.1/glossary/#thaad"
