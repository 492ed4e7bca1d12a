"""Questions for discussion: at least three per section, at the section's end, with a marker on each
paragraph they are about."""

from __future__ import annotations

from pathlib import Path

from tests.builds.tinysite import QUESTIONS, build

SECTIONS = ["introduction", "tech-breakthrough", "impact-on-stability", "missile-defense-policy", "about-the-author"]


def test_a_question_in_a_small_site(tmp_path: Path) -> None:
    result = build(tmp_path, annotations={"questions.yml": QUESTIONS})
    assert result.returncode == 0, result.output
    two = result.page("two/index.html")
    assert '<li id="question-why" value="1"><p>Why does deterrence matter here?</p><p class="rdr-questions__about">About <a href="#p1">¶&#8239;1</a></p></li>' in two
    assert 'too. <span class="rdr-qrefs rdr-gutter"><a class="rdr-qref" href="#question-why"' in two


def test_a_question_about_words_not_in_the_text_fails_a_strict_build(tmp_path: Path) -> None:
    result = build(tmp_path, annotations={"questions.yml": QUESTIONS.replace("Deterrence matters.", "Deterrence mattered.")})
    assert result.returncode == 1
    assert 'WARNING -  annotations/questions.yml:5: question "why": the quote "Deterrence mattered." is not in the text; copy it exactly from the page, with its punctuation' in result.output
