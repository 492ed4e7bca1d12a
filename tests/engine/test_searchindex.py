"""The search index lands on paragraphs: a section's own entry gives its text to its paragraphs."""

from __future__ import annotations

import json
from pathlib import Path

from annoreader.core.searchindex import Entry, rewrite, with_paragraphs


def test_a_sections_text_moves_to_its_paragraphs_in_order() -> None:
    index = {
        "config": {"lang": ["en"]},
        "docs": [
            {"location": "", "title": "Home", "text": "<p>Welcome.</p>"},
            {"location": "one/", "title": "One", "text": "<p>All the text.</p>"},
            {"location": "one/#notes", "title": "Notes", "text": "<ol><li>A note.</li></ol>"},
            {"location": "glossary/", "title": "Glossary", "text": "<p>Terms.</p>"},
        ],
    }
    entries = {"one/": [Entry("one/#p1", "One, ¶ 1", "First <b> & co."), Entry("one/#p2", "One, ¶ 2", "Second.")]}
    result = with_paragraphs(index, entries)
    assert result["config"] == index["config"]
    assert [(d["location"], d["title"], d["text"]) for d in result["docs"]] == [
        ("", "Home", "<p>Welcome.</p>"),
        ("one/", "One", ""),
        ("one/#p1", "One, ¶ 1", "First &lt;b&gt; &amp; co."),
        ("one/#p2", "One, ¶ 2", "Second."),
        ("one/#notes", "Notes", "<ol><li>A note.</li></ol>"),
        ("glossary/", "Glossary", "<p>Terms.</p>"),
    ]


def test_pages_set_apart_are_tagged_and_weigh_less() -> None:
    index = {
        "docs": [
            {"location": "one/", "title": "One", "text": "<p>Text.</p>"},
            {"location": "how-to/", "title": "How to", "text": "<p>Steps.</p>", "tags": ["Guide"]},
            {"location": "how-to/#step", "title": "Step", "text": "<p>A step.</p>"},
            {"location": "how-to-more/", "title": "More", "text": "<p>More.</p>"},
        ]
    }
    docs = with_paragraphs(index, {}, {"how-to/": "For editors"})["docs"]
    assert "tags" not in docs[0] and "boost" not in docs[0]
    assert docs[1]["tags"] == ["Guide", "For editors"] and docs[1]["boost"] < 1
    assert docs[2]["tags"] == ["For editors"] and docs[2]["boost"] < 1  # the page's headings too
    assert "tags" not in docs[3]  # a page whose address only starts the same is not set apart


def test_a_group_name_with_markup_stays_a_json_string(tmp_path: Path) -> None:
    index = tmp_path / "search_index.json"
    index.write_text(json.dumps({"docs": [{"location": "how-to/", "title": "How to", "text": ""}]}), encoding="utf-8")
    name = '</script><img src=x onerror=alert(1)> & "editors"'
    rewrite(index, {}, {"how-to/": name})
    assert json.loads(index.read_text(encoding="utf-8"))["docs"][0]["tags"] == [name]
