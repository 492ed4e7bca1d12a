"""Glossary terms: each occurrence in the prose marked (the first in a section linked) with a card, a page of entries,
and the glossary as SKOS and schema.org data."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ...core.markdown import SafeMarkdown
from ...core.matcher import Matcher
from ...core.pages import markdown_text, placeholder
from ...core.problems import Problem, Severity
from ...core.prose import Prose
from ...core.searchindex import Entry
from ...core.settings import LinkMode
from ...core.site import Appearance, Mark, PageInfo
from ...core.spans import Block, Card
from ...core.unit import DataFile, Generated, PageSpec, Source, Unit, Weave
from .checks import check_glossary
from .marking import Marker
from .data import SKOS_PATH, defined_term_set, skos
from .model import Glossary, GlossaryFile, Term

# A term's heading on the glossary page, as the site's Markdown wrote it (at the level its toc settings give it).
_HEADING = re.compile(r"<h([1-6])\b([^>]*)>.*?</h\1>", re.DOTALL)
_ID = re.compile(r'\sid="([^"]*)"')


class GlossaryUnit(Unit):
    name = "glossary"
    files = {"glossary": GlossaryFile}
    pages = (PageSpec("glossary", "glossary.md", "the glossary, one entry per term"),)

    def __init__(self, build: Any, position: int) -> None:
        super().__init__(build, position)
        self._marker: Marker | None = None
        self._markdown_renderer: SafeMarkdown | None = None

    @property
    def _markdown(self) -> SafeMarkdown:
        """The explanations' renderer, which keeps what it rendered: one for the whole run, so under serve an edit
        renders again only the explanations that changed (its output depends on the text alone)."""
        if self._markdown_renderer is None:
            self._markdown_renderer = self.build.keep(("glossary", "markdown"), SafeMarkdown)
        return self._markdown_renderer

    @property
    def glossary(self) -> Glossary | None:
        return self.data

    def load(self, source: Source) -> Glossary | None:
        parsed = source.read("glossary", GlossaryFile)
        if parsed is None or not source.report(check_glossary(parsed, source.file("glossary"))):
            return None
        return Glossary(source.file("glossary"), parsed.categories, parsed.terms)

    def woven(self) -> object:
        """What marking reads of every term: a page's weave reads the rest only of the terms it marks, for their
        opening tags (woven_by); their cards and the page's lists of terms are slots, filled in anew each build."""
        return tuple((t.id, t.variants) for t in self.glossary.terms) if self.glossary else None

    def woven_by(self, page: PageInfo, marks: Sequence[Mark]) -> object:
        """The opening tags the page's marks were written with: as the site's templates make them, they may show
        more of a term than its id (an override's title="{{ term.definition }}")."""
        if not self.glossary:
            return None
        glossary, marker = self.href(page.url), self.marker
        shown = dict.fromkeys((m.id, m.linked) for m in marks if m.kind == "term")
        return tuple(marker.opening(self.glossary.term(i), linked and bool(glossary), glossary) for i, linked in shown)

    @property
    def marker(self) -> Marker:
        if self._marker is None:
            terms = self.glossary.terms if self.glossary else ()
            # Under serve, made again only when what it matches changed (a term's id or variants, not its definition):
            # it finds the terms by id, and the marker takes each from this build's glossary.
            matcher = self.build.reuse_if(("glossary", "matcher"), self.woven, lambda: Matcher((t.id, v.text, v.case_rule) for t in terms for v in t.variants))
            everywhere = self.build.settings.link_terms is LinkMode.ALL
            self._marker = Marker(self, matcher, self.glossary, everywhere, self.build.templates.unit("glossary"))
        return self._marker

    def href(self, from_url: str) -> str | None:
        """The glossary page as linked from a page, None when the site has none."""
        url = self.page_url("glossary")
        return None if url is None else self.build.urls.href(from_url, url)

    # -- section pages -------------------------------------------------------------------------------------
    def mark(self, weave: Weave) -> None:
        if self.glossary:
            self.marker.page(weave)

    def mark_text(self, html: str, weave: Weave, where: tuple[str, str]) -> str:
        """Annotation text shown on a page after its prose (a note), with its terms marked in turn."""
        return self.marker.fragment(html, weave, where) if self.glossary else html

    def finish(self, weave: Weave) -> None:
        terms = self.terms_in(weave.marks)
        if not terms:
            return
        slot = self.build.slot
        weave.add(self, Block("facts", slot(self, "key-terms"), (20, 0)))
        weave.add(self, Block("end", slot(self, "term-list"), (30, 0)))
        weave.add(self, Card(slot(self, "cards")))

    def slot(self, key: str, page: PageInfo) -> str:
        """The page's key terms, its list of terms or its terms' cards, as the glossary stands in this build."""
        terms, glossary = self.build.once(("glossary", "slots", page.url), lambda: (tuple(self.terms_in(self.build.index.sections[page.url].marks)), self.href(page.url)))
        html = self.build.templates.unit("glossary")
        if key == "cards":
            make = lambda: "".join(self._card(t, glossary) for t in terms)  # noqa: E731
        elif key == "key-terms":
            make = lambda: html.key_terms(terms, glossary)  # noqa: E731
        else:
            make = lambda: html.term_list(terms, glossary, self.build.strings("glossary.used_in_section"), True)  # noqa: E731
        return self.build.reuse_if(("glossary", key, page.url), lambda: (terms, glossary, html), make)

    def terms_in(self, marks: Iterable[Mark]) -> list[Term]:
        """The terms marked, in order of first occurrence."""
        assert self.glossary is not None
        return [self.glossary.term(i) for i in dict.fromkeys(m.id for m in marks if m.kind == "term")]

    def marked(self, fragment: str, from_url: str) -> tuple[str, Weave]:
        """A fragment shown on another page (an assignment's passages) with its terms marked; the weave holds its
        marks, for text marked after it (`mark_text`) and the terms (`terms_in`)."""
        weave = Weave(PageInfo("", from_url, ""), Prose(fragment, number=False), {})
        return (self.marker.fragment(fragment, weave, None) if self.glossary else fragment), weave

    def cards(self, terms: Sequence[Term], from_url: str) -> list[str]:
        glossary = self.href(from_url)
        return [self._card(t, glossary) for t in terms]

    def _card(self, term: Term, glossary: str | None) -> str:
        """A term's card, made once for all the pages that link to the glossary alike (a book's sections do), and
        under serve again only when the term changed."""
        key = ("glossary", "card", term.id, glossary)
        html = self.build.templates.unit("glossary")
        return self.build.once_if(key, lambda: (term, html), lambda: html.card(term, glossary))

    def term_list(self, terms: Sequence[Term], from_url: str, heading: str) -> str:
        return self.build.templates.unit("glossary").term_list(terms, self.href(from_url), heading, False) if terms else ""

    def column(self) -> tuple[str, dict[str, int]]:
        """For tables of sections: the number of terms each uses."""
        return self.build.strings("glossary.column"), {s.url: len({m.id for m in s.marks if m.kind == "term"}) for s in self.build.index.sections.values()}

    # -- the glossary page and its data ----------------------------------------------------------------------
    def generate(self) -> Iterable[Generated]:
        glossary = self.glossary
        body = [placeholder("glossary", "index")]
        # Only the headings go through Markdown (which gives them their anchors and permalinks as the site's
        # settings say); each entry goes in after its heading once the page is rendered.
        for term in glossary.in_order() if glossary else ():
            body += ["", f"## {markdown_text(term.name)} {{#{term.id}}}"]
        page = self.generated_page("glossary", body, own_contents=True, own_search=True) if glossary else None
        if page:
            yield page
            yield Generated(SKOS_PATH, self.build.reuse_if(("glossary", "skos"), self._skos_reads, lambda: _json(self._skos())))

    def search(self) -> list[Entry]:
        """The glossary page for the search: its introduction, then each entry by its name, with its expansion,
        definition and explanation (the lists of places and sources, which would swamp the results, left out)."""
        url = self.page_url("glossary")
        if not self.glossary or url is None:
            return []
        intro = self.page_setting("glossary").intro or self.build.strings("glossary.intro")
        entries = [Entry(url, self.page_title("glossary"), intro)]
        for term in self.glossary.in_order():
            words = [term.expansion or "", term.definition, self._markdown.plain(term.explanation)]
            entries.append(Entry(f"{url}#{term.id}", term.name, " ".join(" ".join(words).split())))
        return entries

    def _skos_reads(self) -> object:
        """All the SKOS file is made from: the glossary, the site and its settings (addresses, pages, words), and
        what the text's own record says (its title, address and date)."""
        return (self.glossary, repr(self.build.site), repr(self.build.settings), self.build.text)

    def _skos(self) -> dict[str, Any]:
        assert self.glossary is not None
        urls = self.build.urls
        scheme = urls.absolute(self.page_url("glossary") or "")
        name = self.build.strings("glossary.scheme_title", title=self.build.text.title)
        intro = self.page_setting("glossary").intro or self.build.strings("glossary.intro")
        language = self.build.strings.language
        source = self.build.text.url or urls.absolute("")

        def defined(category: str) -> str:
            return self.build.strings("glossary.category_definition", name=category)

        return skos(self.glossary, scheme, name, intro, source, self._markdown, self.build.later_label(), language, defined)

    def fill(self, page: PageInfo, key: str | None, html: str) -> str:
        if key != "glossary" or self.glossary is None:
            return html
        glossary = self.glossary
        macros = self.build.templates.unit("glossary")
        appearances = self.build.index.marks("term")
        figures = self.build.unit("figures")
        later = self.build.later_label()
        index = self.build.reuse_if(("glossary", "index"), lambda: (glossary, macros), lambda: macros.index(glossary))
        before, _, headings = html.partition(placeholder("glossary", "index"))

        known = figures.known() if figures else None

        def entry(term: Term) -> str:
            listed = [self._appearance(a, page.url) for a in appearances.get(term.id, [])]
            # All an entry shows, so that under serve an edit renders again only the entries it changes.
            def shown() -> object:
                return (term, glossary.category_name(term.category), glossary.related(term.id), [(s.title, *rest) for s, *rest in listed], later, known, macros)

            return self.build.reuse_if(("glossary", "entry", page.url, term.id), shown, lambda: render(term, listed))

        def render(term: Term, listed: list[Any]) -> str:
            markdown = self._markdown
            later_html = markdown.convert(term.later) if term.later else ""
            body = macros.entry(term, glossary, listed, markdown.convert(term.explanation), later_html, later)
            return figures.link_mentions(body, page.url) if figures else body

        return "".join([before, index, *_after_headings(headings, glossary.in_order(), entry)])

    def _appearance(self, appearance: Appearance, from_url: str) -> tuple[Any, list[int], str, list[tuple[str, str]]]:
        """(section, its paragraphs, a link to it, (label, link) of each annotation's text where the term is)."""
        href = self.build.urls.href(from_url, appearance.section.url)
        places = []
        for unit_name, key in appearance.places:
            unit = self.build.unit(unit_name)
            place = unit.place(key) if unit else None
            if place:
                places.append((place[0], f"{href}#{place[1]}"))
        return appearance.section, appearance.paragraphs, href, places

    def head(self, page: PageInfo) -> str:
        url = self.page_url("glossary")
        if self.glossary is None or url is None or page.url != url:
            return ""
        glossary = self.glossary
        name = self.build.strings("glossary.scheme_title", title=self.build.text.title)
        address, language, core = self.build.urls.absolute(url), self.build.strings.language, self.build.templates.unit("core")
        return self.build.reuse_if(("glossary", "head"), lambda: (glossary, address, name, language, core), lambda: core.json_ld(defined_term_set(glossary, address, name, language)))

    def downloads(self) -> Sequence[DataFile]:
        if self.glossary is None or self.page_setting("glossary").path is None:
            return ()
        t = self.build.strings
        return (DataFile(SKOS_PATH, t("glossary.skos.title"), t("glossary.skos.format"), t("glossary.skos.holds"), t("glossary.skos.example")),)

    def web_annotations(self, export: Any) -> Iterable[dict[str, Any]]:
        """Every marked occurrence of a term, where the published page holds it."""
        page = self.page_url("glossary")
        if self.glossary is None:
            return
        glossary = self.glossary
        entries = export.page(page) if page is not None else None
        for section in self.build.index.in_reading_order():
            text = export.published.get(section.url)
            if text is None:
                continue
            # What a page's annotations say, so that under serve they are made again only for the pages it changes.
            def said() -> object:
                return (text, [glossary.term(term_id).definition for term_id, _, _ in text.terms], entries, export.url, export.language)

            yield from self.build.reuse_if(("glossary", "webanno", section.url), said, lambda: self._annotations(export, section.url, text, entries))

    def _annotations(self, export: Any, url: str, text: Any, entries: str | None) -> list[dict[str, Any]]:
        assert self.glossary is not None
        counts: dict[str, int] = {}
        found = []
        for term_id, start, end in text.terms:
            counts[term_id] = counts.get(term_id, 0) + 1
            body = [export.text_body(self.glossary.term(term_id).definition, "describing")]
            if entries is not None:
                body.append(export.link(f"{entries}#{term_id}", "identifying"))
            anchor = f"term-{term_id}-{export.slug(url)}-{counts[term_id]}"
            found.append(export.annotation(anchor, "describing", body, export.target(url, (start, end))))
        return found

    def warnings(self) -> list[Problem]:
        if self.glossary is None:
            return []
        used = self.build.index.marked("term")
        return [
            Problem(self.glossary.file, t.line, f'term "{t.id}": none of its variants occurs in the text; fix the variants or remove the term', Severity.WARNING)
            for t in self.glossary.terms
            if t.id not in used
        ]


def _json(data: object) -> str:
    # Without indent: json.dumps then uses its C encoder, several times faster on a book's glossary.
    return json.dumps(data, ensure_ascii=False) + "\n"


def _after_headings(html: str, terms: Sequence[Term], entry: Callable[[Term], str]) -> list[str]:
    """The glossary page's headings with each term's entry after its heading, as parts to join: the heading found by
    its id or, where the site's Markdown did not keep the ids ({#id} needs attr_list), by order. A blank line parts an
    entry from the next heading, as one parts Markdown's blocks. An entry whose heading is missing ends the page."""
    matches = list(_HEADING.finditer(html))
    by_id: dict[str, re.Match[str]] = {}
    for match in matches:
        found = _ID.search(match.group(2))
        if found:
            by_id.setdefault(found.group(1), match)
    if all(t.id in by_id for t in terms):
        pairs = sorted(((by_id[t.id], t) for t in terms), key=lambda pair: pair[0].start())
    else:
        pairs = list(zip(matches, terms))
    out, at = [], 0
    for n, (match, term) in enumerate(pairs):
        out += [html[at : match.end()], "\n", entry(term), "\n" if n + 1 < len(terms) else ""]
        at = match.end()
    out.append(html[at:])
    return out + [f"\n{entry(term)}" for term in terms[len(pairs) :]]
