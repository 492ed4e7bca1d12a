"""Figures: each caption and credit placed before the paragraph it stood before, a Figures page, and "Figure N"
in notes and entries made a link to the figure wherever it stands."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape, unescape
from typing import Any

from ...core.htmltext import Open, rewrite_text
from ...core.pages import placeholder
from ...core.problems import Problem
from ...core.quotes import QuoteUse
from ...core.site import PageInfo
from ...core.spans import Before
from ...core.unit import Generated, PageSpec, Source, Unit, Weave
from .model import Figure, FiguresFile

_MENTION = re.compile(r"\bFigure (\d+)\b")
_IMAGES = (".avif", ".gif", ".jpeg", ".jpg", ".png", ".svg", ".webp")


class FiguresUnit(Unit):
    name = "figures"
    files = {"figures": FiguresFile}
    pages = (PageSpec("figures", "figures.md", "the figures, each with where it stands"),)

    @property
    def figures(self) -> tuple[Figure, ...]:
        return self.data or ()

    def load(self, source: Source) -> tuple[Figure, ...] | None:
        figures = source.records("figures", FiguresFile, "figure")
        docs = self.build.site.docs_dir
        problems = []
        for figure in figures or ():
            image = figure.image
            if image and not image.src.lower().endswith(_IMAGES):
                problems.append(Problem(source.file("figures"), image.line, f'figure "{figure.id}": \'{image.src}\' is not an image file ({", ".join(_IMAGES)}); give the image\'s path'))
            elif image and docs is not None and not (docs / image.src).is_file():
                problems.append(Problem(source.file("figures"), image.line, f'figure "{figure.id}": there is no file docs/{image.src}; add it or fix the path'))
        return figures if source.report(problems) else None

    def quotes(self) -> Iterable[QuoteUse]:
        return (QuoteUse("figure", f.id, f.before, self.file("figures"), f'figure "{f.id}"', opens_paragraph=True) for f in self.figures)

    def anchor(self, weave: Weave) -> None:
        html = self.build.templates.unit("figures")
        for figure in self.figures:
            hits = weave.found("figure", figure.id)
            if len(hits) == 1 and hits[0].paragraph is not None:
                src = self.build.urls.href(weave.page.url, figure.image.src) if figure.image else ""
                weave.add(self, Before(hits[0].paragraph, html.figure(figure, src), holds_text=(self.name, figure.id)))

    def where(self, figure_id: str) -> tuple[str, str, int] | None:
        """(page URL, section title, paragraph) of the figure, once every section is woven."""
        place = self.build.index.the_place("figure", figure_id)
        return (place.url, place.title, place.paragraph) if place and place.paragraph else None

    def known(self) -> frozenset[str]:
        """The figures' ids: what `link_mentions` makes links to."""
        return frozenset(f.id for f in self.figures)

    def link_mentions(self, fragment: str, from_url: str) -> str:
        """Makes "Figure 2" in a note or an entry a link to that figure (not inside an existing link). The link's
        address is settled once every section is woven (see `resolve`), wherever the figure stands."""
        known = self.known()

        def replace(text: str, around: tuple[Open, ...]) -> str | None:
            if any(o.tag == "a" for o in around) or not _MENTION.search(text):
                return None
            out, at = [], 0
            for m in _MENTION.finditer(text):
                if m.group(1) in known:
                    out += [escape(text[at : m.start()], quote=False), f'<a href="rdr-ref:figures/{m.group(1)}">{escape(m.group())}</a>']
                    at = m.end()
            return "".join(out) + escape(text[at:], quote=False) if out else None

        # The whole fragment with its character references decoded holds every text node's text: without a mention
        # there, none has one, and the fragment need not be taken apart (most of a glossary's entries).
        return rewrite_text(fragment, replace) if known and _MENTION.search(unescape(fragment)) else fragment

    def place(self, key: str) -> tuple[str, str] | None:
        return self.build.strings("figures.caption_of", id=key), f"figure-{key}"

    def resolve(self, ref: str, from_url: str) -> str | None:
        where = self.where(ref)
        if where:
            return self.build.urls.href(from_url, where[0]) + f"#figure-{ref}"
        page = self.page_url("figures")
        return self.build.urls.href(from_url, page) + f"#figure-{ref}" if page is not None and any(f.id == ref for f in self.figures) else None

    def web_annotations(self, export: Any) -> Iterable[dict[str, Any]]:
        """Each figure that stands once: its caption and credit, on the paragraph it stands before."""
        page = self.page_url("figures")
        for figure in self.figures:
            places = self.build.index.placed("figure", figure.id)
            if len(places) != 1 or (span := export.place(places[0].hit.use, places[0])) is None:
                continue
            body = [export.text_body(f"{figure.caption} ({figure.credit})", "describing")]
            if page is not None:
                body.append(export.link(f"{export.page(page)}#figure-{figure.id}", "linking"))
            label = self.build.strings("figures.annotation", id=figure.id)
            yield export.annotation(f"figure-{figure.id}", "describing", body, export.target(places[0].url, span), label=label)

    def generate(self) -> Iterable[Generated]:
        page = self.generated_page("figures", [placeholder("figures")]) if self.figures else None
        yield from [page] if page else []

    def fill(self, page: PageInfo, key: str | None, html: str) -> str:
        if key != "figures":
            return html
        listed = []
        for figure in self.figures:
            where = self.where(figure.id)
            listed.append((figure, (self.build.urls.href(page.url, where[0]), where[1], where[2]) if where else None))
        return html.replace(placeholder("figures"), self.build.templates.unit("figures").list(listed))
