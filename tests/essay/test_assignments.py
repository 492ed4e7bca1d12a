"""The real essay's site: its named assignments show its own paragraphs, and its instructors' page counts every note and question."""

from __future__ import annotations

import re

import yaml

from tests.conftest import ROOT, BuildResult
from tests.sitetext import prose_paragraphs


def test_the_real_assignments_show_the_essays_own_paragraphs(real_site: BuildResult) -> None:
    data = yaml.safe_load((ROOT / "annotations" / "assignments.yml").read_text(encoding="utf-8"))["assignments"]
    assert len(data) >= 2
    for assignment in data:
        page = real_site.page(f"assignments/{assignment['id']}/index.html")
        shown = prose_paragraphs(page)
        expected = []
        for passage in assignment["passages"]:
            section = prose_paragraphs(real_site.page(f"{passage['section']}/index.html"))
            first, _, last = str(passage["paragraphs"]).partition("-")
            expected += section[int(first) - 1 : int(last or first)]
        assert shown == expected, assignment["id"]
        assert '<section class="rdr-questions"' in page and '<section class="rdr-termlist"' in page


def test_the_real_instructors_page_counts_every_note_and_question(real_site: BuildResult) -> None:
    page = real_site.page("for-instructors/index.html")
    rows = [re.findall(r'<td class="rdr-num">(\d+)</td>', row) for row in re.findall(r"<tr><td>.*?</tr>", page)]
    assert len(rows) == 5
    assert sum(int(r[4]) for r in rows) == len(yaml.safe_load((ROOT / "annotations" / "notes.yml").read_text(encoding="utf-8"))["notes"])
    assert sum(int(r[5]) for r in rows) == len(yaml.safe_load((ROOT / "annotations" / "questions.yml").read_text(encoding="utf-8"))["questions"])


