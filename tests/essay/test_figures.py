"""The real essay's site: figures: the photographs' caption cards stand before the right paragraphs, verbatim; the Figures page;
an image when one is given; "Figure N" in an entry becomes a link."""

from __future__ import annotations

import html as htmllib
import re

import pytest

from tests.essay.test_prose import CAPTIONS, SOURCE
from tests.conftest import BuildResult

PLACES = [("1", "introduction", 2), ("2", "introduction", 5), ("3", "impact-on-stability", 2)]


@pytest.mark.parametrize(("number", "page", "paragraph"), PLACES, ids=[p[0] for p in PLACES])
def test_each_figure_stands_before_its_paragraph_verbatim(real_site: BuildResult, number: str, page: str, paragraph: int) -> None:
    html = real_site.page(f"{page}/index.html")
    figure = re.search(rf'<figure class="rdr-figure rdr-aside-margin" id="figure-{number}">(.*?)</figure>\n<p id="p{paragraph}" class="rdr-para">', html, re.S)
    assert figure, f"figure {number} is not right before ¶ {paragraph}"
    caption = htmllib.unescape(re.sub(r"<[^>]+>", "", re.search(r"<figcaption data-rdr-text>(.*?)</figcaption>", figure.group(1)).group(1)))
    label, text = caption.split(" ", 2)[:2], caption.split(" ", 2)[2]
    assert " ".join(label) == f"Figure {number}."
    # the source has the caption, two spaces and the credit in brackets
    caption_text, credit = text.rsplit(" (", 1)
    assert f"{caption_text}  ({credit}" in CAPTIONS[int(number) - 1]
    assert CAPTIONS[int(number) - 1] in SOURCE.read_text(encoding="utf-8")
    assert "Photograph not reproduced." in figure.group(1)
    # the caption's terms are marked, as in the prose
    assert 'class="rdr-term' in figure.group(1)


def test_the_figures_page_lists_them_with_where_they_stand(real_site: BuildResult) -> None:
    html = real_site.page("figures/index.html")
    links = re.findall(r'<p class="rdr-figure__where">Stands in: <a href="([^"]+)">([^<]+)</a>', html)
    assert [(h, htmllib.unescape(t)) for h, t in links] == [
        ("../introduction/#figure-1", "Introduction, before ¶\u202f2"),
        ("../introduction/#figure-2", "Introduction, before ¶\u202f5"),
        ("../impact-on-stability/#figure-3", "Impact on Stability, before ¶\u202f2"),
    ]


