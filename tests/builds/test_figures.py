"""Figures: the photographs' caption cards stand before the right paragraphs, verbatim; the Figures page;
an image when one is given; "Figure N" in an entry becomes a link."""

from __future__ import annotations

import re
from pathlib import Path


from tests.builds.tinysite import FIGURES, GLOSSARY, build

PLACES = [("1", "introduction", 2), ("2", "introduction", 5), ("3", "impact-on-stability", 2)]


# A one-pixel PNG.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000" "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5b4f3a90000000049454e44ae426082")
# The small site's figure, with an image this time.
FIGURES = FIGURES + "    image: {src: images/one.png, width: 640, height: 480}\n"


def test_an_image_shows_with_its_size_and_alt_and_entries_link_to_the_figure(tmp_path: Path) -> None:
    # Written with a character reference (the explanation is Markdown): the browser shows "Figure 1", so it is linked.
    glossary = GLOSSARY.replace("explanation: A long story.", "explanation: As Figure&#32;1 shows, a long story.")
    result = build(tmp_path, glossary=glossary, annotations={"figures.yml": FIGURES}, docs_files={"images/one.png": PNG})
    assert result.returncode == 0, result.output
    one = result.page("one/index.html")
    assert '<figure class="rdr-figure rdr-aside-margin" id="figure-1"><img src="../images/one.png" alt="A thing." width="640" height="480" loading="lazy">' in one
    assert re.search(r'</figure>\n<p id="p2" class="rdr-para">', one)
    assert 'As <a href="../one/#figure-1">Figure 1</a> shows, a long story.' in result.page("glossary/index.html")


def test_a_note_naming_a_figure_links_to_it(tmp_path: Path) -> None:
    from tests.builds.tinysite import NOTES, WORKS

    notes = NOTES.replace("text: Commentary only.", "text: As Figure 1 shows.")
    result = build(tmp_path, annotations={"figures.yml": FIGURES, "notes.yml": notes, "works.yml": WORKS}, docs_files={"images/one.png": PNG})
    assert result.returncode == 0, result.output
    two = result.page("two/index.html")
    # the figure where it stands
    assert '<li id="note-2" value="2"><p>As <a href="../one/#figure-1">Figure 1</a> shows.</p>' in two
    assert 'id="rdr-note-2">As <a href="../one/#figure-1">Figure 1</a> shows.</span>' in two


def test_a_note_naming_a_figure_in_a_later_section_links_to_it_there(tmp_path: Path) -> None:
    from tests.builds.tinysite import NOTES, WORKS

    notes = NOTES.replace('text: "See Smith, p. 4, and https://example.org/thaad."', 'text: "See Figure 1."')
    later = FIGURES.replace("Later, THAAD again", "Deterrence matters.")
    result = build(tmp_path, annotations={"figures.yml": later, "notes.yml": notes, "works.yml": WORKS}, docs_files={"images/one.png": PNG})
    assert result.returncode == 0, result.output
    # note 1 is in section one, built before section two where the figure stands
    assert '<li id="note-1" value="1"><p>See <a href="../two/#figure-1">Figure 1</a>.</p>' in result.page("one/index.html")
