"""Generated pages go where mkdocs.yml says, or nowhere: every link follows them."""

from __future__ import annotations

from pathlib import Path

from tests.builds.tinysite import FIGURES, NOTES, WORKS, write_site
from tests.conftest import mkdocs_build


def test_pages_can_move_and_be_switched_off(tmp_path: Path) -> None:
    reader = "{pages: {glossary: {path: reference/lexicon.md, title: Lexicon, intro: Words to know.}, figures: false, data: false, references: works.md}}"
    project = write_site(tmp_path / "project", reader=reader, annotations={"figures.yml": FIGURES, "notes.yml": NOTES, "works.yml": WORKS})
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - glossary.md\n", "  - reference/lexicon.md\n  - works.md\n"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    one = result.page("one/index.html")
    assert 'href="../reference/lexicon/#thaad"' in one
    lexicon = result.page("reference/lexicon/index.html")
    assert '<h1 id="lexicon">Lexicon' in lexicon and "<p>Words to know.</p>" in lexicon
    assert 'href="../../one/#p1"' in lexicon  # "Appears in", from one folder deeper
    # Moved, it still lists its own contents: the theme's navigation gets only its title, not its terms again.
    assert 'href="#thaad"' in lexicon and 'href="#thaad" class="md-nav__link' not in lexicon
    assert '<a href="#lexicon" class="md-skip">' in lexicon
    assert (result.site / "works" / "index.html").exists() and (result.site / "works" / "bibliography.bib").exists()
    assert 'href="bibliography.bib"' in result.page("works/index.html")
    assert not (result.site / "figures").exists() and not (result.site / "data" / "index.html").exists()
    assert '<figure class="rdr-figure rdr-aside-margin" id="figure-1">' in one  # the figures themselves stay


def test_without_a_glossary_page_terms_still_have_their_cards(tmp_path: Path) -> None:
    project = write_site(tmp_path / "project", reader="{pages: {glossary: false}}")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - glossary.md\n", ""), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    one = result.page("one/index.html")
    assert 'href="../glossary/' not in one and "rdr-card__more" not in one
    assert '<span class="rdr-term rdr-term--quiet" data-rdr-term="thaad">' in one
    assert 'id="rdr-def-thaad">A missile defense system' in one
