"""The unit interface: a new kind of annotation is one unit (model, template, strings, style) and one registration,
nothing else edited; templates and strings can be overridden by a site; a broken unit's dependants wait for it."""

from __future__ import annotations

import gc
import time
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annoreader.core.build import Build, SiteConfig
from annoreader.core.problems import AnnotationError
from annoreader.core.site import Appearance, PageInfo
from annoreader.core.session import BUILD_GC_THRESHOLD, IDLE_COLLECTION_S, Session
from annoreader.core.yamlfile import MAX_BYTES, digest
from annoreader.units import UNITS
from tests.engine.engine import GLOSSARY, engine, glossary_site, weave, written
from tests.engine.people.unit import PeopleUnit

PEOPLE = "people:\n  - {id: jane, name: Jane Doe, role: A <writer>.}\n"


def people_build(tmp_path: Path, **site: object) -> Build:
    (tmp_path / "annotations").mkdir(parents=True)
    (tmp_path / "annotations" / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "annotations" / "people.yml").write_text(PEOPLE, encoding="utf-8")
    config = SiteConfig(tmp_path, "T", {"reader": {"units": ["sections", "glossary", "people"]}}, "http://x/", True, "en", **site)  # type: ignore[arg-type]
    build = Build(config, (*UNITS, PeopleUnit))
    build.load()
    return build


def test_a_new_unit_is_registered_and_woven_like_the_others(tmp_path: Path) -> None:
    build = people_build(tmp_path)
    html = weave(build, "<h1>T</h1><p>Jane Doe met THAAD.</p>")
    assert '<span class="rdr-person" data-rdr-term="person-jane">Jane Doe</span> met <a class="rdr-term"' in html
    assert "<li>Jane Doe: A &lt;writer&gt;.</li>" in html
    assert 'data-rdr-name="Jane Doe"><span class="rdr-card__name">Jane Doe</span>' in html  # its card, with the others
    assert ".md-typeset .rdr-person" in build.assets()["assets/reader.css"]
    assert build.index.marks("person") == {"jane": [Appearance(build.index.sections["one/"], [1], [])]}


def test_a_site_overrides_a_units_template_from_its_custom_dir(tmp_path: Path) -> None:
    custom = tmp_path / "overrides" / "reader"
    custom.mkdir(parents=True)
    (custom / "people.html").write_text(
        (Path(__file__).parent / "people" / "templates" / "reader" / "people.html").read_text().replace("<h2>", "<h2 class=\"mine\">"),
        encoding="utf-8",
    )
    html = weave(people_build(tmp_path / "site", custom_dir=tmp_path / "overrides"), "<p>Jane Doe.</p>")
    assert '<h2 class="mine">People named here</h2>' in html


def test_a_site_replaces_single_strings(tmp_path: Path) -> None:
    build = engine(tmp_path, reader={"strings": {"glossary.key_terms": "Words to know:", "core.paragraph": "Para. {n}"}})
    html = weave(build, "<h1>T</h1><p>THAAD.</p>")
    assert "Words to know:" in html and 'aria-label="Para. 1"' in html


def test_dependants_of_a_unit_that_failed_to_load_wait_for_it(tmp_path: Path) -> None:
    timeline = "events:\n  - {id: e, date: 2020, title: T, text: T., mention: {exact: THAAD}, terms: [nope]}\n"
    with pytest.raises(AnnotationError) as info:
        engine(tmp_path, {"glossary.yml": GLOSSARY.replace("name: THAAD", "name: [THAAD]"), "timeline.yml": timeline})
    # only the glossary's problem: the timeline's unknown term would follow from it
    assert [str(p) for p in info.value.problems] == ["annotations/glossary.yml:5: term \"thaad\": 'name' must be text, not a list"]


def test_serve_loads_the_annotations_again_only_when_they_change(tmp_path: Path) -> None:
    glossary, config = glossary_site(tmp_path)
    session = Session(UNITS)
    session.start("serve")
    first, _ = session.begin(config)
    second, _ = session.begin(config)  # a page changed, no annotation: the loaded data is used again
    assert second is not first and second.unit("glossary").glossary is first.unit("glossary").glossary
    glossary.write_text(GLOSSARY.replace("definition: ", "definition: Now "), encoding="utf-8")
    third, _ = session.begin(config)
    assert third.unit("glossary").glossary is not first.unit("glossary").glossary
    assert third.unit("glossary").glossary.term("thaad").definition.startswith("Now ")
    changed = SiteConfig(tmp_path, "T", {"reader": {"units": ["sections", "glossary"], "link_terms": "all"}})
    fourth, _ = session.begin(changed)  # the settings changed: loaded again
    assert fourth.unit("glossary").glossary is not third.unit("glossary").glossary


def test_serve_keeps_the_last_annotations_that_loaded(tmp_path: Path) -> None:
    glossary, config = glossary_site(tmp_path)
    for command, keeps in (("serve", True), ("build", False)):
        session = Session(UNITS)
        session.start(command)
        first, _ = session.begin(config)
        glossary.write_text(GLOSSARY.replace("definition: ", "defintion: "), encoding="utf-8")
        if keeps:
            second, set_aside = session.begin(config)
            assert second is not first and second.unit("glossary").glossary == first.unit("glossary").glossary
            assert "unknown key 'defintion'" in str(set_aside[0])
        else:
            with pytest.raises(AnnotationError):
                session.begin(config)
        glossary.write_text(GLOSSARY, encoding="utf-8")


def test_serve_weaves_again_only_the_pages_that_changed(tmp_path: Path) -> None:
    glossary, config = glossary_site(tmp_path)
    page = PageInfo("one.md", "one/", "One", 0, True)
    html = "<h1>One</h1>\n<p>The THAAD stood.</p>\n"
    session = Session(UNITS)
    session.start("serve")
    first, _ = session.begin(config)
    woven = written(first, page, html)
    second, _ = session.begin(config)
    again = written(second, page, html)
    assert again == woven and second.index.sections["one/"] is first.index.sections["one/"]  # not woven again
    edited = written(second, page, html.replace("stood", "stands"))
    assert "stands" in edited and second.index.sections["one/"] is not first.index.sections["one/"]
    glossary.write_text(GLOSSARY.replace("variants: [THAAD]", "variants: [THAAD, stood]"), encoding="utf-8")
    third, _ = session.begin(config)  # what marking reads changed: every page is woven again
    assert ">stood</span>" in written(third, page, html)
    assert third.index.sections["one/"] is not first.index.sections["one/"]


TWO_TERMS = GLOSSARY + """\
  - id: gmd
    name: GMD
    category: system
    variants: [GMD]
    definition: A defense of the homeland.
    explanation: More.
    sources: [{title: Fact sheet, url: "https://example.org/gmd"}]
"""


def test_a_definition_edit_weaves_no_page_again_yet_every_page_shows_it(tmp_path: Path) -> None:
    """A page's weave leaves slots for what shows a term's definition (its card, the page's lists of terms), filled
    in each build: a definition edit weaves no page again, yet each page that marks the term shows the new text. A
    change to what marking reads of every term (variants) weaves every page again."""
    glossary, config = glossary_site(tmp_path, TWO_TERMS)
    pages = {
        PageInfo("one.md", "one/", "One", 0, True): "<h1>One</h1>\n<p>The THAAD stood.</p>\n",
        PageInfo("two.md", "two/", "Two", 1, True): "<h1>Two</h1>\n<p>The GMD stood.</p>\n",
    }
    session = Session(UNITS)
    session.start("serve")

    def rebuild(text: str) -> tuple[Build, dict[str, str]]:
        glossary.write_text(text, encoding="utf-8")
        build, problems = session.begin(config)
        assert problems == ()
        woven = {p.url: build.weave(html, p) for p, html in pages.items()}  # every section, then each completed
        return build, {p.url: build.later.restore(p.url, build.fill(p, woven[p.url])) for p in pages}

    first, _ = rebuild(TWO_TERMS)
    edited = TWO_TERMS.replace("A defense of the homeland.", "A defense of the United States.").replace("name: GMD", "name: GMD system")
    second, woven = rebuild(edited)
    assert all(second.index.sections[u] is first.index.sections[u] for u in ("one/", "two/"))  # neither woven again
    assert woven["two/"].count("A defense of the United States.") == 2  # its card, and the list printed after it
    assert ">GMD system</a></p></details>" in woven["two/"]  # the key terms, by name
    assert "United States" not in woven["one/"] and "homeland" not in woven["two/"]
    third, woven = rebuild(edited.replace("variants: [GMD]", "variants: [GMD, THAAD stood]"))
    assert third.index.sections["one/"] is not second.index.sections["one/"]  # what marking reads changed
    assert 'data-rdr-term="gmd"' in woven["one/"] and ">THAAD stood</a>" in woven["one/"]
    clean = Build(config, UNITS)
    clean.load()
    cleanly = {p.url: clean.weave(html, p) for p, html in pages.items()}
    assert woven == {p.url: clean.later.restore(p.url, clean.fill(p, cleanly[p.url])) for p in pages}


def test_a_definition_edit_weaves_again_the_pages_whose_marks_show_it(tmp_path: Path) -> None:
    """A site's template may show more of a term in its marks than its id (a title with the definition): the pages
    whose marks the edit changes are woven again, the others not, and each shows what a clean build shows."""
    theme = tmp_path / "theme" / "reader"
    theme.mkdir(parents=True)
    own = (Path(__file__).parents[2] / "hooks/annoreader/units/glossary/templates/reader/glossary.html").read_text(encoding="utf-8")
    marks = 'data-rdr-term="{{ term.id }}" aria-describedby'
    assert marks in own
    (theme / "glossary.html").write_text(own.replace(marks, 'data-rdr-term="{{ term.id }}" title="{{ term.definition }}" aria-describedby'), encoding="utf-8")
    (tmp_path / "annotations").mkdir()
    glossary = tmp_path / "annotations" / "glossary.yml"
    config = SiteConfig(tmp_path, "T", {"reader": {"units": ["sections", "glossary"]}}, custom_dir=tmp_path / "theme")
    pages = {
        PageInfo("one.md", "one/", "One", 0, True): "<h1>One</h1>\n<p>The THAAD stood.</p>\n",
        PageInfo("two.md", "two/", "Two", 1, True): "<h1>Two</h1>\n<p>The GMD stood.</p>\n",
    }
    session = Session(UNITS)
    session.start("serve")
    built = []
    for text in (TWO_TERMS, TWO_TERMS.replace("A defense of the homeland.", "A defense of the United States.")):
        glossary.write_text(text, encoding="utf-8")
        build, _ = session.begin(config)
        woven = {p.url: build.weave(html, p) for p, html in pages.items()}
        built.append((build, {p.url: build.later.restore(p.url, build.fill(p, woven[p.url])) for p in pages}))
    (first, _), (second, shown) = built
    assert second.index.sections["one/"] is first.index.sections["one/"]
    assert second.index.sections["two/"] is not first.index.sections["two/"]
    assert 'title="A defense of the United States."' in shown["two/"]
    clean = Build(config, UNITS)
    clean.load()
    cleanly = {p.url: clean.weave(html, p) for p, html in pages.items()}
    assert shown == {p.url: clean.later.restore(p.url, clean.fill(p, cleanly[p.url])) for p in pages}


@pytest.fixture
def default_rhythm() -> Iterator[None]:
    """The collector at Python's default rhythm for the test, and the process's own rhythm back after it."""
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def test_a_build_collects_garbage_less_often_until_it_ends_however_it_ends(tmp_path: Path, default_rhythm: None) -> None:
    """The session slows the cyclic garbage collector while a build runs and gives the process its rhythm back
    when the build ends, or when it cannot begin."""
    glossary, config = glossary_site(tmp_path)
    session = Session(UNITS)
    session.start("build")
    session.begin(config)
    assert gc.get_threshold() == BUILD_GC_THRESHOLD
    session.end()
    assert gc.get_threshold() == (700, 10, 10)
    glossary.write_text(GLOSSARY.replace("definition: ", "defintion: "), encoding="utf-8")
    with pytest.raises(AnnotationError):
        session.begin(config)
    assert gc.get_threshold() == (700, 10, 10)


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def _collected_within(seconds: float, alive: Callable[[], object]) -> bool:
    deadline = time.monotonic() + seconds
    while alive() is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive() is None


def test_under_serve_the_collector_gets_its_rhythm_back_only_once_it_has_collected_while_idle(tmp_path: Path, default_rhythm: None) -> None:
    """Given back at a served build's end, the default rhythm set off a full collection at the next allocation,
    before the browser was told to reload: it comes back after the idle collection, and a build that begins
    first keeps the build's rhythm."""
    _, config = glossary_site(tmp_path)
    session = Session(UNITS)
    session.start("serve")
    session.begin(config)
    session.end()
    assert gc.get_threshold() == BUILD_GC_THRESHOLD
    session.begin(config)  # the next edit, before the server was idle: no collection, the build's rhythm
    time.sleep(IDLE_COLLECTION_S + 0.3)
    assert gc.get_threshold() == BUILD_GC_THRESHOLD
    session.end()
    deadline = time.monotonic() + IDLE_COLLECTION_S + 2
    while gc.get_threshold() != (700, 10, 10) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert gc.get_threshold() == (700, 10, 10)
    session.begin(config)
    session.stop()  # Ctrl-C in the middle of a build
    assert gc.get_threshold() == (700, 10, 10)


def test_under_serve_a_build_leaves_no_cycles_behind_once_the_server_is_idle() -> None:
    """Each served build leaves objects in cycles, which the collector's own rhythm would keep for many builds (a
    book's served process grew some 40 MB a build): a full collection follows each build's end, after a short wait."""
    was_enabled = gc.isenabled()
    gc.disable()  # only the session's collection can free the cycle
    try:
        for command, collects in (("build", False), ("serve", True)):
            session = Session(UNITS)
            session.start(command)
            cycle = _Cycle()
            alive = weakref.ref(cycle)
            del cycle
            session.end()
            assert _collected_within(IDLE_COLLECTION_S + 1.5, alive) is collects, command
            gc.collect()
    finally:
        if was_enabled:
            gc.enable()


def test_serve_tells_a_changed_file_without_reading_one_too_large_to_load(tmp_path: Path) -> None:
    """What a rebuild compares is a digest of each annotation file's bytes, but a file over the size an annotation
    file may have is told by its size and time, never read whole; loading it stops with the size message."""
    (tmp_path / "annotations").mkdir()
    glossary = tmp_path / "annotations" / "glossary.yml"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    small = digest(glossary)
    glossary.write_text(GLOSSARY.replace("A defense", "A shield"), encoding="utf-8")
    assert len(small) == 32 and digest(glossary) != small  # the bytes decide
    with glossary.open("r+b") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: nothing written
    info = glossary.stat()
    assert digest(glossary) == f"{info.st_size}:{info.st_mtime_ns}"
    session = Session(UNITS)
    session.start("serve")
    with pytest.raises(AnnotationError) as raised:
        session.begin(SiteConfig(tmp_path, "T", {"reader": {"units": ["sections", "glossary"]}}))
    assert "more than the 10,000,000 an annotation file may have" in str(raised.value.problems[0])


def test_serve_parses_again_only_the_annotation_files_that_changed(tmp_path: Path) -> None:
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    timeline = tmp_path / "annotations" / "timeline.yml"
    timeline.write_text("events:\n  - {id: one, date: 1972, title: Signed, text: A treaty., mention: {exact: THAAD}, terms: [thaad]}\n", encoding="utf-8")
    config = SiteConfig(tmp_path, "T", {"reader": {"units": ["sections", "glossary", "timeline"]}})
    session = Session(UNITS)
    session.start("serve")
    first, _ = session.begin(config)
    timeline.write_text("events:\n  - {id: one, date: 1972, title: Signed then, text: A treaty., mention: {exact: THAAD}, terms: [thaad]}\n", encoding="utf-8")
    second, _ = session.begin(config)
    assert second.unit("timeline").data != first.unit("timeline").data
    assert second.unit("glossary").glossary.terms is first.unit("glossary").glossary.terms  # not parsed again


def test_a_run_compiles_the_templates_once_unless_an_override_changes(tmp_path: Path) -> None:
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    overrides = tmp_path / "theme" / "reader"
    overrides.mkdir(parents=True)
    config = SiteConfig(tmp_path, "T", {"reader": {"units": ["sections", "glossary"]}}, custom_dir=tmp_path / "theme")
    kept: dict = {}
    first, second = Build(config, UNITS, kept), Build(config, UNITS, kept)
    assert second.templates is first.templates
    assert second.keep("k", object) is first.keep("k", object)  # what a build keeps, every build of the run has
    (overrides / "sections.html").write_text("{% macro length(words, minutes) %}<p>{{ words }} words</p>{% endmacro %}", encoding="utf-8")
    third = Build(config, UNITS, kept)
    assert third.templates is not first.templates and third.templates.unit("sections").length(5, 1) == "<p>5 words</p>"
    french = Build(SiteConfig(tmp_path, "T", {"reader": {"units": ["sections", "glossary"]}}, language="fr", custom_dir=tmp_path / "theme"), UNITS, kept)
    assert french.templates is not third.templates  # other words, other templates


def test_the_editors_section_must_be_one_of_the_navigation(tmp_path: Path) -> None:
    build = Build(SiteConfig(tmp_path, "T", {"reader": {"units": ["sections"], "editors_section": "Makers"}}), UNITS)
    build.sections_of = {"a/": ("Guides",), "b/": ("Guides", "Deeper"), "": ()}
    assert [str(p) for p in build.navigation_problems()] == [
        "mkdocs.yml: extra.reader.editors_section: no section of the navigation is titled 'Makers' (its sections are: Deeper, Guides); name one, or leave the setting out"
    ]
    build.sections_of["c/"] = ("Makers",)
    assert build.navigation_problems() == [] and build.set_apart() == {"c/": "Makers"}


def test_serve_encodes_again_only_the_web_annotations_that_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from annoreader.units.opendata import unit as opendata

    (tmp_path / "annotations").mkdir()
    glossary = tmp_path / "annotations" / "glossary.yml"
    glossary.write_text(TWO_TERMS, encoding="utf-8")
    config = SiteConfig(tmp_path, "T", {"reader": {"units": ["sections", "glossary", "opendata"]}}, site_url="http://example.org/")
    pages = {
        PageInfo("one.md", "one/", "One", 0, True): "<h1>One</h1>\n<p>The THAAD stood.</p>\n",
        PageInfo("two.md", "two/", "Two", 1, True): "<h1>Two</h1>\n<p>The GMD stood.</p>\n",
    }
    encoded: list[object] = []
    dumps = opendata.json.dumps

    class Counting:
        @staticmethod
        def dumps(value: object, **options: object) -> str:
            encoded.append(value)
            return dumps(value, **options)

    monkeypatch.setattr(opendata, "json", Counting)
    session = Session(UNITS)
    session.start("serve")

    def rebuild(text: str) -> tuple[str, list[object]]:
        glossary.write_text(text, encoding="utf-8")
        build, problems = session.begin(config)
        assert problems == ()
        for page, html in pages.items():
            woven = build.fill(page, build.weave(html, page))
            build.published(page, f"<html><head></head><body>{woven}</body></html>")
        encoded.clear()
        files, problems = build.after_build()
        session.end()
        return "".join(files["data/annotations.jsonld"]), [e for e in encoded if isinstance(e, dict) and e.get("type") == "Annotation"]

    first, made = rebuild(TWO_TERMS)
    assert len(made) == 2  # one annotation a term
    again, made = rebuild(TWO_TERMS)
    assert again == first and made == []  # nothing changed: nothing encoded again
    edited, made = rebuild(TWO_TERMS.replace("A defense of the homeland.", "A defense of the United States."))
    assert [m["target"]["source"] for m in made] == ["http://example.org/two/"]  # only the edited term's annotation
    clean = Build(config, UNITS)
    clean.load()
    for page, html in pages.items():
        clean.published(page, f"<html><head></head><body>{clean.fill(page, clean.weave(html, page))}</body></html>")
    assert edited == "".join(clean.after_build()[0]["data/annotations.jsonld"])


NOTES = """\
notes:
  - id: "1"
    anchor: {exact: "THAAD stood."}
    text: A note.
    cites: [{work: smith-2010}]
"""
WORKS = """\
references:
  - {id: smith-2010, type: book, author: [{family: Smith, given: Jane}], title: A Book, publisher: A Press, issued: 2010}
  - {id: doe-2011, type: book, author: [{family: Doe, given: John}], title: Another Book, publisher: A Press, issued: 2011}
"""


def test_serve_makes_again_only_the_matcher_bibliography_files_and_references_that_an_edit_changes(tmp_path: Path) -> None:
    """The glossary's matcher, each work's download and the References page are kept between builds under serve
    while what each is made from stays the same; an edit makes again only what it changes."""
    folder = tmp_path / "annotations"
    folder.mkdir()
    (folder / "glossary.yml").write_text(TWO_TERMS, encoding="utf-8")
    (folder / "notes.yml").write_text(NOTES, encoding="utf-8")
    (folder / "works.yml").write_text(WORKS, encoding="utf-8")
    config = SiteConfig(tmp_path, "T", {"reader": {"units": ["sections", "glossary", "notes"]}})
    pages = {PageInfo("one.md", "one/", "One", 0, True): "<h1>One</h1>\n<p>The THAAD stood.</p>\n"}
    references = PageInfo("references.md", "references/", "References")
    session = Session(UNITS)
    session.start("serve")

    def rebuild() -> tuple[Build, dict[str, str], str]:
        build, problems = session.begin(config)
        assert problems == ()
        files, _ = build.generated()
        for page, html in pages.items():
            build.weave(html, page)
        return build, {path: item.content for path, item in files.items()}, build.fill(references, files["references.md"].content)

    first, files, page = rebuild()
    pages = {p: html.replace("stood.", "stood. Edited.") for p, html in pages.items()}  # a prose edit
    second, again, page_again = rebuild()
    assert second.unit("glossary").marker.matcher is first.unit("glossary").marker.matcher
    assert all(again[path] is files[path] for path in files if path.startswith("references/"))
    assert page_again == page and second.made[("notes", "references", "references/")] is first.made[("notes", "references", "references/")]
    (folder / "works.yml").write_text(WORKS.replace("title: Another Book", "title: A Third Book"), encoding="utf-8")
    third, edited, page_edited = rebuild()
    assert third.unit("glossary").marker.matcher is first.unit("glossary").marker.matcher  # no term changed
    changed = {path for path in files if path.startswith("references/") and edited[path] is not again[path]}
    assert changed == {f"references/{stem}.{ext}" for stem in ("bibliography", "doe-2011") for ext in ("json", "bib", "ris")}
    assert "A Third Book" in edited["references/doe-2011.ris"] and "A Third Book" in page_edited
    (folder / "glossary.yml").write_text(TWO_TERMS.replace("A defense of the homeland.", "A defense of the nation."), encoding="utf-8")
    fourth, _, _ = rebuild()
    assert fourth.unit("glossary").marker.matcher is first.unit("glossary").marker.matcher  # it matches ids and variants
    (folder / "glossary.yml").write_text(TWO_TERMS.replace("variants: [GMD]", "variants: [GMD, Midcourse]"), encoding="utf-8")
    fifth, _, _ = rebuild()
    assert fifth.unit("glossary").marker.matcher is not first.unit("glossary").marker.matcher
    clean = Build(config, UNITS)
    clean.load()
    clean_files, _ = clean.generated()
    assert {p: i.content for p, i in clean_files.items() if p.startswith("references/")} == {p: c for p, c in edited.items() if p.startswith("references/")}
