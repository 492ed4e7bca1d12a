"""The real site's search index: the essay indexed paragraph by paragraph, snippets with their spaces."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import ROOT, BuildResult


def docs(real_site: BuildResult) -> list[dict]:
    return json.loads((Path(real_site.site) / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_every_paragraph_of_every_section_is_an_entry(real_site: BuildResult) -> None:
    locations = {d["location"]: d for d in docs(real_site)}
    for page, count in (("introduction/", 6), ("tech-breakthrough/", 6), ("impact-on-stability/", 6), ("missile-defense-policy/", 9)):
        assert locations[page]["text"] == ""  # the page's own entry gives its text to its paragraphs
        assert [f"{page}#p{n}" in locations for n in range(1, count + 1)] == [True] * count
        assert f"{page}#p{count + 1}" not in locations
    assert "quasi-monopoly position" in locations["tech-breakthrough/#p4"]["text"]


def test_snippets_keep_spaces_between_blocks(real_site: BuildResult) -> None:
    """Two blocks' words run together ("1997Russia", "1999Agencies") where the indexer drops the tags between
    them; a word with a capital inside it is fine only where the annotations or the pages write it so."""
    written = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "annotations").glob("*.yml"))
    written += " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))
    written += " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "hooks").rglob("strings/*.yml"))
    joined = []
    for doc in docs(real_site):
        text = re.sub(r"<[^>]+>", " ", doc["text"])
        joined += [(doc["location"], w) for w in re.findall(r"[\w.’'()-]*(?:\d{4}|[a-z][.)]?)[A-Z][a-z][\w’'-]*", text) if w not in written]
    assert joined == []
