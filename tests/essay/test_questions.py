"""The real essay's site: questions for discussion: at least three per section, at the section's end, with a marker on each
paragraph they are about."""

from __future__ import annotations

import re

from tests.conftest import BuildResult

SECTIONS = ["introduction", "tech-breakthrough", "impact-on-stability", "missile-defense-policy", "about-the-author"]



def test_every_section_has_at_least_three_questions_and_markers(real_site: BuildResult) -> None:
    for name in SECTIONS:
        html = real_site.page(f"{name}/index.html")
        section = re.search(r'<section class="rdr-questions".*?</section>', html, re.S).group(0)
        ids = re.findall(r'<li id="question-([a-z0-9-]+)" value="(\d+)">', section)
        assert len(ids) >= 3, name
        assert [int(n) for _, n in ids] == list(range(1, len(ids) + 1))  # numbered within the section
        for qid, n in ids:
            about = re.search(rf'<li id="question-{qid}".*?<p class="rdr-questions__about">(.*?)</p>', section, re.S).group(1)
            for paragraph in re.findall(r'href="#(p\d+)"', about):
                marker = f'<a class="rdr-qref" href="#question-{qid}" aria-label="Q{n}: question for discussion {n} is about this paragraph">Q{n}</a>'
                paragraph_html = re.search(rf'<p id="{paragraph}" class="rdr-para">.*?</p>', html, re.S).group(0)
                assert marker in paragraph_html, (name, qid, paragraph)


