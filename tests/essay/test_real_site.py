"""The real site: the glossary covers the essay, every entry lists where its term occurs, nothing loads from elsewhere."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import BuildResult
from tests.sitetext import term_paragraphs, term_places

SECTIONS = ["introduction", "tech-breakthrough", "impact-on-stability", "missile-defense-policy", "about-the-author"]


def entries(glossary_html: str) -> dict[str, str]:
    """Each entry's HTML, from its heading to the next one."""
    parts = re.split(r'(?=<h2 id="[a-z0-9-]+")', glossary_html)
    found = {}
    for part in parts:
        m = re.match(r'<h2 id="([a-z0-9-]+)"', part)
        if m:
            found[m.group(1)] = part
    return found


def test_strict_build_is_clean(real_site: BuildResult) -> None:
    assert "WARNING" not in real_site.output
    assert "ERROR" not in real_site.output


def test_glossary_covers_the_key_terms(real_site: BuildResult) -> None:
    found = entries(real_site.page("glossary/index.html"))
    assert len(found) >= 35
    assert {"gmd", "thaad", "epaa", "abm-treaty"} <= set(found)


def test_the_glossary_lists_its_contents_once(real_site: BuildResult) -> None:
    """The glossary's own index links every entry. Material would list the page's headings twice more in its
    markup, in the drawer and in the sidebar that `hide: [toc]` only hides; the theme gets the title alone, where
    its "Skip to content" link leads. Other pages keep their contents."""
    glossary = real_site.page("glossary/index.html")
    index = glossary[glossary.index('class="rdr-glossary-index"') : glossary.index("</nav>", glossary.index('class="rdr-glossary-index"'))]
    assert set(re.findall(r'href="#([a-z0-9-]+)"', index)) >= set(entries(glossary))
    assert re.findall(r'href="#[^"]*" class="md-nav__link', glossary) == []
    assert '<a href="#glossary" class="md-skip">' in glossary
    instructors = real_site.page("for-instructors/index.html")
    assert len(re.findall(r'href="#[^"]*" class="md-nav__link', instructors)) >= 2


def test_every_entry_lists_every_paragraph_where_its_term_occurs(real_site: BuildResult) -> None:
    occurs: dict[str, list[str]] = {}
    for name in SECTIONS:
        html = real_site.page(f"{name}/index.html")
        here: dict[str, list[str]] = {}
        for term_id, paragraph in sorted(term_paragraphs(html), key=lambda x: int(x[1][1:])):
            here.setdefault(term_id, []).append(f"../{name}/#{paragraph}")
        for term_id, place in dict.fromkeys(term_places(html)):  # captions and notes, after the paragraphs
            here.setdefault(term_id, []).append(f"../{name}/#{place}")
        for term_id, links in here.items():
            occurs.setdefault(term_id, []).extend(links)
    glossary = entries(real_site.page("glossary/index.html"))
    for term_id, html in glossary.items():
        appears = re.search(r"<dt>Appears in</dt> <dd>(.*?)</dd>", html, re.S)
        assert appears, term_id
        links = re.findall(r'href="([^"]+)"', appears.group(1))
        assert links == occurs.get(term_id), term_id
    assert set(occurs) == set(glossary)


def test_key_terms_are_linked_in_the_text(real_site: BuildResult) -> None:
    pages = "".join(real_site.page(f"{name}/index.html") for name in SECTIONS)
    for term_id in ("gmd", "thaad", "epaa", "abm-treaty"):
        assert f'<a class="rdr-term" href="../glossary/#{term_id}"' in pages, term_id


def test_every_entry_has_sources(real_site: BuildResult) -> None:
    for term_id, html in entries(real_site.page("glossary/index.html")).items():
        sources = re.search(r'<ul class="rdr-entry__sources">(.*?)</ul>', html, re.S)
        assert sources and re.search(r'href="https?://', sources.group(1)), term_id


def test_nothing_is_loaded_from_elsewhere(real_site: BuildResult) -> None:
    """Scripts, styles, images, fonts and frames all come from the site itself."""
    remote = re.compile(r"""<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=["']?(?:https?:)?//|<link\b[^>]*\bhref=["']?(?:https?:)?//[^>]*>""", re.I)
    for path in Path(real_site.site).rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for m in remote.finditer(html):
            # the canonical link names the page's own address; it loads nothing
            assert 'rel="canonical"' in m.group(0), f"{path}: {m.group(0)}"
    for path in Path(real_site.site).rglob("*.css"):
        css = path.read_text(encoding="utf-8")
        assert not re.search(r"@import|url\((['\"]?)(https?:)?//", css), path


def test_reading_facts_agree_with_the_home_table(real_site: BuildResult) -> None:
    home = real_site.page("index.html")
    for name in SECTIONS:
        row = re.search(rf'<a href="{name}/">.*?</tr>', home, re.S).group(0)
        words, minutes = re.findall(r'<td class="rdr-num">([\d,]+)</td>', row)[1:3]
        page = real_site.page(f"{name}/index.html")
        assert f"<p>{words} words · about {minutes} minute" in page
        assert int(minutes) == -(-int(words.replace(",", "")) // 230)


def test_no_page_says_csis_published_the_essay(real_site: BuildResult) -> None:
    """The essay appeared in Arms Control Today, the Arms Control Association's magazine; CSIS was the author's
    affiliation. Nothing the site writes may say otherwise."""
    wrong = re.compile(r"(?:publish\w*|publisher)\W+(?:\w+\W+){0,8}?(?:CSIS|Center for Strategic and International Studies)|(?:CSIS|Center for Strategic and International Studies)\W+(?:\w+\W+){0,3}?published", re.I)
    found = []
    for path in sorted(Path(real_site.site).rglob("*")):
        if path.suffix in (".html", ".json", ".jsonld", ".bib", ".ris", ".xml") and "assets" not in path.parts:
            text = re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))
            found += [f"{path.relative_to(real_site.site)}: {m.group()}" for m in wrong.finditer(text)]
    assert found == []
    csis = entries(real_site.page("glossary/index.html"))["csis"]
    assert "published this essay" not in csis and "Arms Control Today" in csis
    home = real_site.page("index.html")
    assert "Arms Control Today" in home and "Arms Control Association" in home
