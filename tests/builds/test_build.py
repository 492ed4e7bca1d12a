"""Build tests: small real sites in a temporary folder, built with the MkDocs command line."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

from jinja2 import FileSystemBytecodeCache

from tests.builds.tinysite import GLOSSARY, PAGES, build, write_site
from tests.conftest import ENV, MKDOCS, ROOT, BuildResult, mkdocs_build


def test_terms_are_linked_first_per_section(tmp_path: Path) -> None:
    result = build(tmp_path)
    assert result.returncode == 0, result.output
    one = result.page("one/index.html")
    assert '<a class="rdr-term" href="../glossary/#thaad" data-rdr-term="thaad" aria-describedby="rdr-def-thaad">Terminal High Altitude Area Defense (THAAD) system</a>' in one
    assert '<span class="rdr-term rdr-term--quiet" data-rdr-term="thaad">THAAD</span>' in one
    two = result.page("two/index.html")
    # a new section links again; the heading and the code span are left alone
    assert '<a class="rdr-term" href="../glossary/#thaad"' in two
    assert "<code>THAAD</code>" in two
    assert re.search(r"<h1[^>]*>Two about THAAD", two)


def test_all_mode_links_every_occurrence(tmp_path: Path) -> None:
    result = build(tmp_path, reader="{link_terms: all}")
    assert result.returncode == 0, result.output
    assert "rdr-term--quiet" not in result.page("one/index.html")
    assert result.page("one/index.html").count('<a class="rdr-term"') == 3


def test_paragraphs_are_numbered_and_cards_are_on_the_page(tmp_path: Path) -> None:
    result = build(tmp_path)
    one = result.page("one/index.html")
    assert '<p id="p1" class="rdr-para"><a class="rdr-pnum" href="#p1" aria-label="¶\u202f1, paragraph 1" data-search-exclude>' in one
    assert '<p id="p2" class="rdr-para">' in one
    assert '<aside class="rdr-cards" hidden data-search-exclude>' in one
    assert '<span class="rdr-card__definition" id="rdr-def-thaad">A missile defense system' in one
    assert "Editorial title." in one


def test_glossary_page_lists_entries_with_appearances(tmp_path: Path) -> None:
    result = build(tmp_path)
    glossary = result.page("glossary/index.html")
    assert 'id="thaad"' in glossary and 'id="deterrence"' in glossary
    # alphabetical: Deterrence before THAAD
    assert glossary.index('id="deterrence"') < glossary.index('id="thaad"')
    thaad = glossary[glossary.index('id="thaad"') :]
    appears = re.search(r"<dt>Appears in</dt> <dd>(.*?)</dd>", thaad).group(1)
    assert re.findall(r'href="([^"]+)"', appears) == ["../one/#p1", "../one/#p2", "../two/#p1"]
    # related both ways
    deterrence = glossary[glossary.index('id="deterrence"') : glossary.index('id="thaad"')]
    assert '<a href="#thaad">THAAD</a>' in deterrence
    assert '<a href="https://www.mda.mil/system/thaad.html">THAAD fact sheet</a>' in thaad
    assert "<em>fielded</em>" in thaad


def test_each_entry_follows_its_own_heading_whatever_markdown_the_site_uses(tmp_path: Path) -> None:
    """Only the headings of the glossary page go through the site's Markdown; the entries go in after them. A
    site without attr_list gets its headings' ids wrong, but no entry is lost or put under another heading."""
    for extensions in ("[attr_list, toc]", "[]", "[attr_list, toc, md_in_html, admonition]", "[attr_list, {toc: {baselevel: 2, anchorlink: true}}]"):
        project = write_site(tmp_path / extensions / "project")
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("[attr_list, toc]", extensions), encoding="utf-8")
        result = mkdocs_build(project, tmp_path / extensions / "site", strict=extensions != "[]")
        assert result.returncode == 0, result.output
        glossary = result.page("glossary/index.html")
        glossary = glossary[glossary.index('class="rdr-glossary-index"') :]  # the terms' headings follow the index
        headings = [m.start() for m in re.finditer(r"<h[23]\b", glossary)]  # h3 where the toc's base level is 2
        assert len(headings) == 2, extensions
        deterrence, thaad = glossary[headings[0] : headings[1]], glossary[headings[1] :]
        assert "Deterrence</" in deterrence and "Preventing an attack by the threat of a response." in deterrence
        assert "THAAD</" in thaad and "A missile defense system" in thaad and "Preventing an attack" not in thaad
        assert glossary.count('class="rdr-entry"') == 2


def test_glossary_is_in_the_search_index(tmp_path: Path) -> None:
    result = build(tmp_path)
    index = result.page("search/search_index.json")
    assert "glossary/#thaad" in index
    assert "Preventing an attack by the threat of a response." in index
    # the prose is indexed paragraph by paragraph, without the numbers the reader puts before it
    docs = {doc["location"]: doc for doc in json.loads(index)["docs"]}
    assert docs["one/#p2"] == {"location": "one/#p2", "title": "One, ¶ 2", "text": "Later, THAAD again, and deterrence."}
    texts = [doc["text"] for doc in docs.values()]
    assert not [text for text in texts if "<p>¶" in text or text.startswith("¶")]
    # cards repeat the glossary; they are found there, not on every section page
    assert not [text for text in texts if "Full entry" in text]


def test_a_subheading_is_found_with_what_stands_under_it_and_its_paragraphs_each_on_their_own(tmp_path: Path) -> None:
    """The theme's indexer never sees the numbered paragraphs (the engine gives each its entry): a subheading's
    entry holds the rest of what stands under it, and no paragraph's words twice."""
    two = "---\nessay_section: true\n---\n\n# Two\n\nDeterrence matters.\n\n## Later on {#later}\n\nTHAAD is here.\n\n- A listed point.\n"
    result = build(tmp_path, pages={**PAGES, "two.md": two})
    assert result.returncode == 0, result.output
    docs = {doc["location"]: doc for doc in json.loads(result.page("search/search_index.json"))["docs"]}
    assert docs["two/#later"]["title"] == "Later on"
    assert "A listed point." in docs["two/#later"]["text"] and "THAAD is here" not in docs["two/#later"]["text"]
    assert docs["two/#p2"]["text"] == "THAAD is here." and docs["two/#p1"]["text"] == "Deterrence matters."
    assert sum("THAAD is here" in doc["text"] for doc in docs.values()) == 1


def test_home_lists_sections_with_their_length(tmp_path: Path) -> None:
    result = build(tmp_path)
    home = result.page("index.html")
    assert '<a href="one/">One</a> <span class="rdr-editorial__label">(editorial title)</span></td> <td class="rdr-num">2</td> <td class="rdr-num">15</td> <td class="rdr-num">1</td>' in home
    assert "<!-- rdr:sections -->" not in home


def test_missing_glossary_file_is_reported(tmp_path: Path) -> None:
    project = write_site(tmp_path / "project")
    (project / "annotations" / "glossary.yml").unlink()
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "annotations/glossary.yml: cannot read the file: No such file or directory" in result.output
    assert "Traceback" not in result.output


def test_paragraph_ids_do_not_change_when_annotations_change(tmp_path: Path) -> None:
    def ids(result: BuildResult) -> list[str]:
        return re.findall(r'<p id="(p\d+)" class="rdr-para">', result.page("one/index.html"))

    with_terms = build(tmp_path / "a")
    fewer = GLOSSARY.replace("variants: [deterrence]", "variants: [Deterrence matters]")
    other = build(tmp_path / "b", glossary=fewer)
    assert with_terms.returncode == other.returncode == 0
    assert "rdr-def-deterrence" in with_terms.page("one/index.html")
    assert "rdr-def-deterrence" not in other.page("one/index.html")
    assert ids(with_terms) == ids(other) == ["p1", "p2"]


def test_each_section_shows_its_length_reading_time_and_key_terms(tmp_path: Path) -> None:
    one = build(tmp_path).page("one/index.html")
    facts = re.search(r'<div class="rdr-facts" data-search-exclude>(.*?)</div>', one, re.S).group(1)
    assert "<p>15 words · about 1 minute to read</p>" in facts
    assert re.findall(r'href="\.\./glossary/#([a-z-]+)"', facts) == ["deterrence", "thaad"]


def test_a_second_build_reuses_the_compiled_templates_of_the_engine(tmp_path: Path) -> None:
    """Each build is a new process: the engine's templates compiled by the first are kept in Jinja's private cache
    (under the temporary folder) and read back by the next, which then writes the same site. The hook gives the
    theme's template environment the same cache, so its templates are kept there too."""
    project = write_site(tmp_path / "project")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {**ENV, "TMPDIR": str(temporary)}

    def built(site: str) -> dict[str, float]:
        done = subprocess.run([*MKDOCS, "build", "--strict", "-d", str(tmp_path / site)], cwd=project, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
        (cache,) = temporary.glob("_jinja2-cache-*")
        return {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}

    first = built("one")
    engine = FileSystemBytecodeCache(str(temporary))
    ours = {f"__jinja2_{engine.get_cache_key('reader/' + p.name, str(p))}.cache" for p in (ROOT / "hooks" / "annoreader").rglob("templates/reader/*.html")}
    assert ours & set(first) and set(first) - ours  # the engine's templates, and the theme's
    assert built("two") == first  # read, not compiled and written again
    one, two = tmp_path / "one", tmp_path / "two"
    pages = sorted(p.relative_to(one) for p in one.rglob("*.html"))
    assert pages and all((one / p).read_bytes() == (two / p).read_bytes() for p in pages)
    assert os.stat(next(temporary.glob("_jinja2-cache-*"))).st_mode & 0o777 == 0o700  # private to the user
