"""Named assignments become pages with their passages in full, and the instructors' page lists the sections."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.builds.tinysite import ASSIGNMENTS, ESSAY, NOTES, QUESTIONS, WORKS, write_site
from tests.conftest import BuildResult, mkdocs_build


def small_site(tmp_path: Path, assignments: str = ASSIGNMENTS) -> BuildResult:
    files = {"notes.yml": NOTES, "works.yml": WORKS, "essay.yml": ESSAY, "questions.yml": QUESTIONS, "assignments.yml": assignments}
    project = write_site(tmp_path / "project", annotations=files)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "  - For instructors: for-instructors.md\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    return result


def test_an_assignment_page_holds_its_passages_terms_notes_and_questions(tmp_path: Path) -> None:
    page = small_site(tmp_path).page("assignments/week-one/index.html")
    assert '<h1 id="week-1-thaad">Week 1: THAAD</h1>' in page
    assert "<p>Read <em>closely</em> &lt;script&gt;alert(1)&lt;/script&gt;.</p>" in page
    # what to read, each a highlighted link into the essay, in the order given
    assert re.findall(r'<ol class="rdr-reading-list">(.*?)</ol>', page)[0] == (
        '<li><a href="../../two/#p1-p1">Two about THAAD, ¶ 1</a></li><li><a href="../../one/#p1-p2">One, ¶ 1–2</a></li>'
    )
    # the passages in full, with numbers that lead back and ids that cannot clash
    assert re.findall(r'<p class="rdr-para" id="([a-z0-9-]+)"><a class="rdr-pnum" href="([^"]+)"', page) == [
        ("two-p1", "../../two/#p1"),
        ("one-p1", "../../one/#p1"),
        ("one-p2", "../../one/#p2"),
    ]
    assert '<a class="rdr-term" href="../../glossary/#thaad" data-rdr-term="thaad"' in page
    # the terms they use, with their definitions
    terms = re.search(r'<section class="rdr-termlist".*?</section>', page, re.S).group(0)
    assert "<dd>A missile defense system that intercepts missiles at the end of their flight.</dd>" in terms
    assert "<dd>Preventing an attack by the threat of a response.</dd>" in terms
    # their notes, in reading order, each leading back to its paragraph on this page
    notes = re.search(r'<section class="rdr-endnotes".*?</section>', page, re.S).group(0)
    assert re.findall(r'<li id="note-(\d+)"', notes) == ["2", "1"]
    assert 'href="#two-p1" aria-label="Two about THAAD, paragraph 1, where note 2 stands">Two about THAAD ¶&#8239;1</a>' in notes
    assert '<sup class="rdr-note-ref" id="note-ref-1"><a href="#note-1"' in page
    # the questions it lists
    questions = re.search(r'<section class="rdr-questions".*?</section>', page, re.S).group(0)
    assert '<p>Why does deterrence matter here?</p><p class="rdr-questions__about">About <a href="#two-p1">Two about THAAD ¶&#8239;1</a></p>' in questions


def test_without_a_list_an_assignment_asks_the_questions_about_its_paragraphs(tmp_path: Path) -> None:
    about_two = ASSIGNMENTS.replace("    questions: [why]\n", "")
    about_one = about_two.replace("      - {section: two, paragraphs: 1}\n", "")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert "Why does deterrence matter here?" in small_site(tmp_path / "a", about_two).page("assignments/week-one/index.html")
    assert "Why does deterrence matter here?" not in small_site(tmp_path / "b", about_one).page("assignments/week-one/index.html")


def test_assignments_join_the_navigation_under_the_instructors_page(tmp_path: Path) -> None:
    home = small_site(tmp_path).page("index.html")
    nav = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", home))
    assert "For instructors Overview Week 1: THAAD" in nav


def test_the_instructors_page_lists_the_sections_and_assignments(tmp_path: Path) -> None:
    page = small_site(tmp_path).page("for-instructors/index.html")
    table = re.search(r'<table class="rdr-sections">.*?</table>', page, re.S).group(0)
    assert "<th scope=\"col\">Notes</th> <th scope=\"col\">Questions</th>" in table
    rows = [re.findall(r'<td class="rdr-num">(\d+)</td>', row) for row in re.findall(r"<tr><td>.*?</tr>", table)]
    assert rows == [["2", "15", "1", "2", "1", "0"], ["1", "5", "1", "2", "1", "1"]]  # paragraphs, words, minutes, terms, notes, questions
    assert '<option value="one/" data-paragraphs="2">One (¶ 1–2)</option>' in page
    assert '<li><a href="../assignments/week-one/">Week 1: THAAD</a>: Two about THAAD, ¶ 1; One, ¶ 1–2</li>' in page


def test_section_pages_carry_a_glossary_of_their_terms_for_print(tmp_path: Path) -> None:
    one = small_site(tmp_path).page("one/index.html")
    terms = re.search(r'<section class="rdr-termlist rdr-print-only".*?</section>', one, re.S).group(0)
    assert '<h2 id="rdr-terms-title">Terms used in this section</h2>' in terms
    assert re.findall(r'<dt><a href="../glossary/#([a-z-]+)">', terms) == ["deterrence", "thaad"]


def test_an_ampersand_in_a_title_is_escaped_once_wherever_it_goes(tmp_path: Path) -> None:
    result = small_site(tmp_path, ASSIGNMENTS.replace('"Week 1: THAAD"', '"Week 1: THAAD & more <b>"'))
    seen = 0
    for path in Path(result.site).rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "&amp;amp;" not in html and "&amp;lt;" not in html, path
        seen += html.count("Week 1: THAAD &amp; more &lt;b&gt;")
    assert seen >= 3  # the page's heading and title, the instructors' list
    page = result.page("assignments/week-one/index.html")
    data = [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)]
    assert [d["name"] for d in data if d.get("@type") == "WebPage"] == ["Week 1: THAAD & more <b>"]  # JSON holds text
