"""The one place that writes markup: every string from the annotation files is escaped here."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from html import escape

from .htmltext import Open, rewrite_text
from .model import Citation, Event, Figure, Glossary, Note, Term, Work
from .safe_markdown import SafeMarkdown
from .site import QuoteHit, PageRecord, Section


def attrs(pairs: Iterable[tuple[str, str | None]]) -> str:
    return "".join(f" {k}" if v is None else f' {k}="{escape(v)}"' for k, v in pairs)


def paragraph_open(existing: Sequence[tuple[str, str | None]], number: int) -> str:
    """A prose paragraph's opening tag with its id and visible, linkable number."""
    classes = " ".join(filter(None, [dict(existing).get("class"), "bmd-para"]))
    kept = [(k, v) for k, v in existing if k not in ("id", "class")]
    pid = paragraph_id(number)
    return (
        f"<p{attrs([('id', pid), ('class', classes), *kept])}>"
        f'<a class="bmd-pnum" href="#{pid}" aria-label="Paragraph {number}" data-search-exclude>¶&#8239;{number}</a> '
    )


def paragraph_id(number: int) -> str:
    return f"p{number}"


def term_link(term: Term, text: str, href: str) -> str:
    return (
        f'<a class="bmd-term" href="{escape(href)}" data-bmd-term="{escape(term.id)}"'
        f' aria-describedby="{definition_id(term)}">{escape(text, quote=False)}</a>'
    )


def term_mention(term: Term, text: str) -> str:
    """A later occurrence: no link of its own, but the script gives it the same card."""
    return f'<span class="bmd-term bmd-term--quiet" data-bmd-term="{escape(term.id)}">{escape(text, quote=False)}</span>'


def definition_id(term: Term) -> str:
    return f"bmd-def-{term.id}"


def cards(terms: Sequence[Term], notes: Sequence[Note], glossary_href: str, figures: dict[str, str] | None = None) -> str:
    """The definitions of the terms and the notes on a page, hidden until the script copies one into a card.

    Spans, not paragraphs: the card is placed inside the paragraph that holds the term.

    They stay in the page (not fetched) so cards work offline and screen readers get the definition
    through aria-describedby; search skips them so the glossary page is what search finds.
    """
    if not terms and not notes:
        return ""
    items = "".join(
        f'<div class="bmd-card" data-bmd-term="{escape(t.id)}" data-bmd-name="{escape(t.name)}">'
        f'<span class="bmd-card__name">{escape(t.name)}{_expansion(t)}</span>'
        f'<span class="bmd-card__definition" id="{definition_id(t)}">{escape(t.definition)}</span>'
        f'<span class="bmd-card__more"><a href="{escape(glossary_href)}#{escape(t.id)}">Full entry<span class="bmd-sr"> for {escape(t.name)}</span> →</a></span>'
        "</div>"
        for t in terms
    )
    items += "".join(
        f'<div class="bmd-card" data-bmd-note="{escape(n.id)}" data-bmd-name="Note {escape(n.id)}">'
        f'<span class="bmd-card__name">Note {escape(n.id)}</span>'
        f'<span class="bmd-card__definition" id="{note_text_id(n)}">{note_html(n, figures or {})}</span>'
        f'<span class="bmd-card__more"><a href="#{note_id(n)}">Go to note {escape(n.id)} below ↓</a></span>'
        "</div>"
        for n in notes
    )
    # Not a <div>: Material's search parser matches elements by tag, so the first
    # inner </div> would end the exclusion and index every card's text.
    return f'\n<aside class="bmd-cards" hidden data-search-exclude>{items}</aside>\n'


def note_id(note: Note) -> str:
    return f"note-{note.id}"


def note_ref_id(note: Note) -> str:
    return f"note-ref-{note.id}"


def note_text_id(note: Note) -> str:
    return f"bmd-note-{note.id}"


def note_marker(note: Note) -> str:
    """The superscript number where the note's digit stood; a plain link to the endnote without the script."""
    return (
        f'<sup class="bmd-note-ref" id="{note_ref_id(note)}"><a href="#{note_id(note)}" data-bmd-note="{escape(note.id)}"'
        f' aria-describedby="{note_text_id(note)}" aria-label="Note {escape(note.id)}">{escape(note.id)}</a></sup>'
    )


def note_html(note: Note, figures: dict[str, str]) -> str:
    """A note's text with its addresses, and any "Figure N" it names, as links."""
    html = linkify(note.text)
    return link_figure_mentions(html, figures) if figures else html


def endnotes(placed: Sequence[tuple[Note, ParagraphLink | None]], figures: dict[str, str] | None = None) -> str:
    """The page's notes at its end, each with a link back to its marker and the marker's paragraph."""
    if not placed:
        return ""
    items = []
    for note, link in placed:
        in_paragraph = ""
        if link:
            href, before, paragraph = link
            where = f"{before}, paragraph {paragraph}" if before else f"Paragraph {paragraph}"
            in_paragraph = (
                f' · <a href="{escape(href)}" aria-label="{escape(where)}, where note {escape(note.id)} stands">'
                f"{escape(before) + ' ' if before else ''}¶&#8239;{paragraph}</a>"
            )
        items.append(
            f'<li id="{note_id(note)}" value="{escape(note.id)}"><p>{note_html(note, figures or {})}</p>'
            f'<p class="bmd-endnotes__back"><a href="#{note_ref_id(note)}" aria-label="Back to note {escape(note.id)} in the text">↩ Back to the text</a>{in_paragraph}</p></li>'
        )
    return (
        '\n<section class="bmd-endnotes" aria-labelledby="bmd-notes-title">'
        f'<h2 id="bmd-notes-title">Notes</h2><ol>{"".join(items)}</ol></section>\n'
    )


_URL = re.compile(r"https?://\S+?(?=[.,;)]*(?:\s|$))")


def linkify(text: str) -> str:
    """Plain text with its web addresses made links (a final full stop or comma is not part of an address)."""
    out = []
    at = 0
    for m in _URL.finditer(text):
        out.append(escape(text[at : m.start()]))
        out.append(f'<a href="{escape(m.group())}">{escape(m.group())}</a>')
        at = m.end()
    out.append(escape(text[at:]))
    return "".join(out)


def _expansion(term: Term) -> str:
    return f' <span class="bmd-card__expansion">({escape(term.expansion)})</span>' if term.expansion else ""


WORDS_PER_MINUTE = 230  # a common estimate of adult silent reading speed for non-fiction


def reading_minutes(words: int) -> int:
    return max(1, -(-words // WORDS_PER_MINUTE))


def reading_facts(words: int, terms: Sequence[Term], glossary_href: str) -> str:
    """A section's length and key terms, under its title."""
    minutes = reading_minutes(words)
    links = ", ".join(f'<a href="{escape(glossary_href)}#{escape(t.id)}">{escape(t.name)}</a>' for t in sorted(terms, key=lambda t: t.name.casefold()))
    key_terms = f'<p class="bmd-facts__terms"><span class="bmd-facts__label">Key terms in this section:</span> {links}</p>' if terms else ""
    return (
        f'<div class="bmd-facts" data-search-exclude><p>{words:,} words · about {minutes} minute{"s" if minutes != 1 else ""} to read</p>'
        f"{key_terms}</div>\n"
    )


def editorial_note(what: str) -> str:
    return f'<p class="bmd-editorial" data-search-exclude><span class="bmd-editorial__label">Editorial title.</span> {escape(what)}</p>\n'


def glossary_markdown(glossary: Glossary, intro: str) -> str:
    """The generated glossary page: headings in Markdown (for the table of contents and search), bodies as placeholders."""
    lines = ["---", "title: Glossary", "---", "", "# Glossary", "", escape(intro), "", "<!-- bmd:glossary-index -->", ""]
    for term in sorted(glossary.terms, key=lambda t: t.name.casefold()):
        lines += [f"## {_markdown_text(term.name)} {{#{term.id}}}", "", entry_placeholder(term.id), ""]
    return "\n".join(lines)


def _markdown_text(text: str) -> str:
    """Text that Markdown shows literally."""
    escaped = escape(text, quote=False)
    # Only the characters Python-Markdown unescapes: any other backslash would show.
    return "".join("\\" + c if c in "\\`*_{}[]()#+-.!" else c for c in escaped)


def entry_placeholder(term_id: str) -> str:
    return f"<!-- bmd:entry {term_id} -->"


ENTRY_PLACEHOLDER = re.compile(r"<!-- bmd:entry ([a-z0-9-]+) -->")


INDEX_PLACEHOLDER = "<!-- bmd:glossary-index -->"
SECTIONS_PLACEHOLDER = "<!-- bmd:sections -->"


def glossary_index(glossary: Glossary) -> str:
    groups = []
    for category in glossary.categories:
        members = sorted((t for t in glossary.terms if t.category == category.id), key=lambda t: t.name.casefold())
        if not members:
            continue
        links = ", ".join(f'<a href="#{escape(t.id)}">{escape(t.name)}</a>' for t in members)
        groups.append(f'<dt id="category-{escape(category.id)}">{escape(category.name)}</dt><dd>{links}</dd>')
    return f'<nav class="bmd-glossary-index" aria-label="Terms by category"><dl>{"".join(groups)}</dl></nav>'


def glossary_entry(term: Term, glossary: Glossary, appearances: Sequence[tuple[PageRecord, Sequence[int]]], md: SafeMarkdown, base: str) -> str:
    """One entry's body; `base` leads from the glossary page to the site root."""
    parts = ['<div class="bmd-entry">']
    parts.append(
        f'<p class="bmd-entry__meta"><span class="bmd-entry__category">{escape(glossary.category_name(term.category))}</span>'
        + (f' · <span class="bmd-entry__expansion">{escape(term.expansion)}</span>' if term.expansion else "")
        + "</p>"
    )
    parts.append(f'<p class="bmd-entry__definition">{escape(term.definition)}</p>')
    parts.append(f'<div class="bmd-entry__explanation">{md.convert(term.explanation)}</div>')
    if term.later:
        parts.append(f'<div class="bmd-entry__later"><p class="bmd-entry__label">After November 2017</p>{md.convert(term.later)}</div>')
    rows = [("Also written", ", ".join(f"“{escape(v.text)}”" for v in term.variants))]
    related = glossary.related(term.id)
    if related:
        rows.append(("Related", ", ".join(f'<a href="#{escape(r.id)}">{escape(r.name)}</a>' for r in related)))
    rows.append(("Appears in", _appearances(appearances, base)))
    sources = "".join(f'<li><a href="{escape(s.url)}">{escape(s.title)}</a></li>' for s in term.sources)
    rows.append(("Sources", f'<ul class="bmd-entry__sources">{sources}</ul>'))
    parts.append('<dl class="bmd-entry__facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>")
    parts.append("</div>")
    return "".join(parts)


def _appearances(appearances: Sequence[tuple[PageRecord, Sequence[int]]], base: str) -> str:
    if not appearances:
        return "not in the essay's text"
    groups = []
    for page, numbers in appearances:
        links = ", ".join(
            f'<a href="{escape(base + page.url)}#{paragraph_id(n)}" aria-label="{escape(page.title)}, paragraph {n}">¶&#8239;{n}</a>'
            for n in numbers
        )
        groups.append(f'<li><span class="bmd-entry__section">{escape(page.title)}</span>: {links}</li>')
    return f'<ul class="bmd-entry__appears">{"".join(groups)}</ul>'


def sections_table(sections: Sequence[Section], base: str, counts: Sequence[tuple[str, Mapping[str, int]]] = ()) -> str:
    """The sections with their length; `counts` adds columns: (heading, count by page URL)."""
    rows = "".join(
        f'<tr><td><a href="{escape(base + s.page.url)}">{escape(s.page.title)}</a>'
        + (' <span class="bmd-editorial__label">(editorial title)</span>' if s.page.editorial else "")
        + f'</td><td class="bmd-num">{len(s.page.paragraphs)}</td><td class="bmd-num">{s.words:,}</td>'
        f'<td class="bmd-num">{reading_minutes(s.words)}</td><td class="bmd-num">{s.terms}</td>'
        + "".join(f'<td class="bmd-num">{by_url.get(s.page.url, 0)}</td>' for _, by_url in counts)
        + "</tr>"
        for s in sections
    )
    extra = "".join(f'<th scope="col">{escape(heading)}</th>' for heading, _ in counts)
    return (
        '<table class="bmd-sections"><caption>The essay’s sections</caption>'
        '<thead><tr><th scope="col">Section</th><th scope="col">Paragraphs</th><th scope="col">Words</th>'
        f'<th scope="col">Minutes</th><th scope="col">Glossary terms</th>{extra}</tr></thead><tbody>{rows}</tbody></table>'
    )


REFERENCES_PLACEHOLDER = "<!-- bmd:references -->"


def references_markdown(style_title: str) -> str:
    intro = (
        f"The works the essay's notes cite, formatted in the {style_title} style by a CSL processor. "
        "Each lists the notes that cite it, its address as the note gives it, an archived copy, and "
        "downloads for citation managers."
    )
    return "\n".join(["---", "title: References", "---", "", "# References", "", escape(intro), "", REFERENCES_PLACEHOLDER, ""])


def export_links(stem: str, label: str) -> str:
    return " · ".join(
        f'<a href="{escape(stem)}.{ext}" download>{kind}<span class="bmd-sr"> of {escape(label)}</span></a>'
        for ext, kind in (("json", "CSL-JSON"), ("bib", "BibTeX"), ("ris", "RIS"))
    )


def references_body(
    works: Sequence[Work],
    entries: dict[str, str],
    cited_in: dict[str, list[tuple[Note, Citation, QuoteHit]]],
    archive: Callable[[str], str],
    base: str,
) -> str:
    """The References page's list; `entries` is the CSL processor's HTML (made from escaped data)."""
    by_id = {w.id: w for w in works}
    items = []
    for work_id, entry in entries.items():
        work = by_id[work_id]
        rows = [("Cited in", _cited_in(cited_in.get(work_id, []), base))]
        if work.URL:
            rows.append(("Online", f'<a href="{escape(work.URL)}">{escape(work.URL)}</a> · <a href="{escape(archive(work.URL))}">archived copy</a>'))
        rows.append(("Download", export_links(work.id, work.title)))
        facts = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
        items.append(f'<li id="{escape(work.id)}"><p class="bmd-reference">{entry}</p><dl class="bmd-entry__facts">{facts}</dl></li>')
    return (
        f'<p class="bmd-downloads">The whole bibliography: {export_links("bibliography", "the whole bibliography")}</p>'
        f'<ol class="bmd-references">{"".join(items)}</ol>'
    )


def _cited_in(citations: Sequence[tuple[Note, Citation, QuoteHit]], base: str) -> str:
    if not citations:
        return "no note"
    links = []
    for note, citation, hit in citations:
        page = escape(base + hit.url)
        where = f' (<a href="{page}#{paragraph_id(hit.paragraph)}">{escape(hit.title)} ¶&#8239;{hit.paragraph}</a>)' if hit.paragraph else f" ({escape(hit.title)})"
        locator = f", {escape(citation.locator)}" if citation.locator else ""
        links.append(f'<a href="{page}#{note_id(note)}">Note {escape(note.id)}</a>{where}{locator}')
    return "; ".join(links)


def head_metadata(essay: Work, section: str, url: str, cited: Sequence[Work]) -> str:
    """Highwire Press tags and schema.org JSON-LD, so Zotero's connector and Google Scholar read the page."""
    tags = [("citation_title", essay.title)]
    tags += [("citation_author", ", ".join(p for p in (a.family, a.given) if p) or a.literal or "") for a in essay.author]
    if essay.issued:
        tags.append(("citation_publication_date", essay.issued.replace("-", "/")))
    if essay.publisher:
        tags.append(("citation_publisher", essay.publisher))
    tags += [("citation_public_url", url), ("citation_fulltext_html_url", url), ("citation_language", "en")]
    if section:
        tags.append(("citation_section", section))
    tags += [("citation_reference", _reference(w)) for w in cited]
    meta = "".join(f'<meta name="{k}" content="{escape(v)}">\n' for k, v in tags)
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": essay.title,
        "author": [{"@type": "Person", "name": " ".join(p for p in (a.given, a.family) if p)} if a.family else {"@type": "Organization", "name": a.literal} for a in essay.author],
        "datePublished": essay.issued,
        "url": url,
        "inLanguage": "en",
        **({"publisher": {"@type": "Organization", "name": essay.publisher}} if essay.publisher else {}),
        **({"citation": [_creative_work(w) for w in cited]} if cited else {}),
    }
    return meta + json_ld(data)


def json_ld(data: object) -> str:
    # "<" escaped so that no string in the data can close the script element.
    script = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/ld+json">{script}</script>\n'


def _reference(work: Work) -> str:
    parts = [f"citation_title={work.title}"]
    parts += [f"citation_author={a.literal or ', '.join(p for p in (a.family, a.given) if p)}" for a in work.author]
    if work.issued:
        parts.append(f"citation_publication_date={work.issued.replace('-', '/')}")
    if work.container_title:
        parts.append(f"citation_journal_title={work.container_title}")
    if work.publisher:
        parts.append(f"citation_publisher={work.publisher}")
    if work.URL:
        parts.append(f"citation_public_url={work.URL}")
    return "; ".join(p.replace(";", ",") for p in parts)


def _creative_work(work: Work) -> dict[str, object]:
    data: dict[str, object] = {"@type": "CreativeWork", "name": work.title}
    if work.author:
        data["author"] = [a.literal or " ".join(p for p in (a.given, a.family) if p) for a in work.author]
    if work.issued:
        data["datePublished"] = work.issued
    if work.URL:
        data["url"] = work.URL
    return data


PARAGRAPH_SLOT = "@P@"  # stands for a paragraph number in the paragraph citation template


def cite_panel(section: str, formats: Sequence[tuple[str, str]], paragraph_formats: Sequence[tuple[str, str]]) -> str:
    """"Cite this": the section's citations in every format, and a template the script fills for one paragraph."""

    def body(items: Sequence[tuple[str, str]]) -> str:
        return "".join(f'<dt>{escape(label)}</dt><dd><pre class="bmd-cite__text">{escape(text)}</pre></dd>' for label, text in items)

    return (
        f'\n<details class="bmd-cite" id="cite" data-search-exclude><summary>Cite this section</summary>'
        f'<p class="bmd-cite__scope">{escape(section)}, whole section. To cite one paragraph, use its number’s “cite” button or its permalink (the ¶ number).</p>'
        f'<dl class="bmd-cite__formats">{body(formats)}</dl>'
        f'<template class="bmd-cite__paragraph"><p class="bmd-cite__scope">{escape(section)}, paragraph {PARAGRAPH_SLOT}.</p>'
        f'<dl class="bmd-cite__formats">{body(paragraph_formats)}</dl></template></details>\n'
    )


def figure_id(figure: Figure) -> str:
    return f"figure-{figure.id}"


def figure(figure: Figure, base: str) -> str:
    """A figure: the licensed image when there is one, else an honest card saying it is not reproduced."""
    if figure.image:
        image = figure.image
        visual = f'<img src="{escape(base + image.src)}" alt="{escape(figure.alt)}" width="{image.width}" height="{image.height}" loading="lazy">'
    else:
        visual = f'<p class="bmd-figure__missing">Photograph not reproduced.<span class="bmd-sr"> It showed: {escape(figure.alt)}</span></p>'
    return (
        f'<figure class="bmd-figure" id="{figure_id(figure)}">{visual}'
        f'<figcaption><span class="bmd-figure__label">Figure {escape(figure.id)}.</span> {escape(figure.caption)} '
        f'<span class="bmd-figure__credit">({escape(figure.credit)})</span></figcaption></figure>\n'
    )


FIGURES_PLACEHOLDER = "<!-- bmd:figures -->"


def figures_markdown() -> str:
    intro = (
        "The essay's photographs, numbered in the order they stand. We have their captions and credits but not "
        "the images, which are not reproduced here."
    )
    return "\n".join(["---", "title: Figures", "---", "", "# Figures", "", escape(intro), "", FIGURES_PLACEHOLDER, ""])


def figures_list(placed: Sequence[tuple[Figure, QuoteHit | None]], base: str) -> str:
    items = []
    for fig, hit in placed:
        where = (
            f'<a href="{escape(base + hit.url)}#{figure_id(fig)}">{escape(hit.title)}, before ¶&#8239;{hit.paragraph}</a>'
            if hit and hit.paragraph
            else "not placed"
        )
        items.append(
            f'<li id="{figure_id(fig)}"><p><span class="bmd-figure__label">Figure {escape(fig.id)}.</span> {escape(fig.caption)} '
            f'<span class="bmd-figure__credit">({escape(fig.credit)})</span></p><p class="bmd-figure__where">Stands in: {where}</p></li>'
        )
    return f'<ol class="bmd-figures">{"".join(items)}</ol>'


_FIGURE_MENTION = re.compile(r"\bFigure (\d+)\b")


def link_figure_mentions(fragment: str, hrefs: dict[str, str]) -> str:
    """Makes "Figure 2" in an entry or a note a link to that figure (not inside an existing link)."""

    def replace(text: str, around: tuple[Open, ...]) -> str | None:
        if any(o.tag == "a" for o in around) or not _FIGURE_MENTION.search(text):
            return None
        out, at = [], 0
        for m in _FIGURE_MENTION.finditer(text):
            href = hrefs.get(m.group(1))
            if href is None:
                continue
            out += [escape(text[at : m.start()], quote=False), f'<a href="{escape(href)}">{escape(m.group())}</a>']
            at = m.end()
        return "".join(out) + escape(text[at:], quote=False) if out else None

    return rewrite_text(fragment, replace)


TIMELINE_PLACEHOLDER = "<!-- bmd:timeline -->"
INTERCEPTION_PLACEHOLDER = "<!-- bmd:interception -->"
_MONTH_NAMES = "January February March April May June July August September October November December".split()


def _page(title: str, intro: str, placeholder: str) -> str:
    return "\n".join(["---", f"title: {title}", "---", "", f"# {title}", "", escape(intro), "", placeholder, ""])


def timeline_markdown() -> str:
    return _page(
        "Timeline",
        "The dated events the essay mentions or rests on, each with the paragraph or figure that mentions it "
        "and the glossary terms it involves.",
        TIMELINE_PLACEHOLDER,
    )


def interception_markdown() -> str:
    return _page(
        "Where each system intercepts",
        "A ballistic missile's flight has three phases. The defensive systems the essay names, placed in the "
        "phases where they engage a missile; each links to its glossary entry.",
        INTERCEPTION_PLACEHOLDER,
    )


def human_date(date: str) -> str:
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {_MONTH_NAMES[parts[1] - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTH_NAMES[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def timeline(placed: Sequence[tuple[Event, QuoteHit | None]], glossary: Glossary, base: str, glossary_href: str) -> str:
    items = []
    for event, hit in placed:
        links = []
        if hit is not None:
            target = f"#figure-{event.figure}" if event.figure else f"#{paragraph_id(hit.paragraph)}" if hit.paragraph else ""
            where = f"Figure {escape(event.figure)}" if event.figure else f"¶&#8239;{hit.paragraph}"
            links.append(f'<a href="{escape(base + hit.url)}{target}">{escape(hit.title)}, {where}</a>')
        terms = ", ".join(f'<a href="{escape(glossary_href)}#{escape(t)}">{escape(glossary.term(t).name)}</a>' for t in event.terms)
        facts = f"<dt>In the essay</dt><dd>{' '.join(links) or 'not found'}</dd>"
        if terms:
            facts += f"<dt>Terms</dt><dd>{terms}</dd>"
        items.append(
            f'<li class="bmd-timeline__event" id="event-{escape(event.id)}"><time datetime="{escape(event.date)}">{human_date(event.date)}</time>'
            f'<div class="bmd-timeline__body"><h2 class="bmd-timeline__title">{escape(event.title)}</h2><p>{escape(event.text)}</p>'
            f'<dl class="bmd-entry__facts">{facts}</dl></div></li>'
        )
    return f'<ol class="bmd-timeline">{"".join(items)}</ol>'


_PHASES = (
    ("boost", "Boost", "The engines burn, in the first minutes after launch."),
    ("midcourse", "Midcourse", "The missile coasts, for long-range missiles in space: the longest part of the flight."),
    ("terminal", "Terminal", "The warhead falls back through the atmosphere onto its target."),
)


def interception(glossary: Glossary, glossary_href: str) -> str:
    # The arc only illustrates the three phases, which the lists below name: hidden from screen readers.
    arc = (
        '<svg class="bmd-flight" viewBox="0 0 600 170" aria-hidden="true" focusable="false">'
        '<path d="M20 160 C 150 -40, 450 -40, 580 160" fill="none" stroke="currentColor" stroke-width="3" stroke-dasharray="6 5"/>'
        '<line x1="200" y1="0" x2="200" y2="170" stroke="currentColor" stroke-opacity=".3"/>'
        '<line x1="400" y1="0" x2="400" y2="170" stroke="currentColor" stroke-opacity=".3"/>'
        '<text x="100" y="165" text-anchor="middle">Boost</text><text x="300" y="165" text-anchor="middle">Midcourse</text>'
        '<text x="500" y="165" text-anchor="middle">Terminal</text></svg>'
    )
    phases = []
    for key, name, what in _PHASES:
        systems = [
            f'<li><a href="{escape(glossary_href)}#{escape(t.id)}">{escape(t.name)}</a> '
            f'<span class="bmd-phase__by">({escape(e.by)}{", " + escape(e.interceptor) if e.interceptor else ""})</span></li>'
            for t in glossary.terms
            for e in t.intercepts
            if e.phase == key
        ]
        listed = f'<ul>{"".join(systems)}</ul>' if systems else "<p>No system the essay names engages here.</p>"
        phases.append(f'<li class="bmd-phase" id="phase-{key}"><h2>{name}</h2><p>{what}</p>{listed}</li>')
    return arc + f'<ol class="bmd-phases">{"".join(phases)}</ol>'


def question_marker(question_id: str, number: int) -> str:
    return (
        f' <a class="bmd-qref" href="#question-{escape(question_id)}" '
        f'aria-label="Question for discussion {number} is about this paragraph">Q{number}</a>'
    )


ParagraphLink = tuple[str, str, int]  # (href, words before the ¶ sign such as a section's title, number)


def paragraph_link(link: ParagraphLink) -> str:
    href, before, number = link
    return f'<a href="{escape(href)}">{escape(before) + " " if before else ""}¶&#8239;{number}</a>'


def questions(asked: Sequence[tuple[int, str, str, Sequence[ParagraphLink]]]) -> str:
    """Questions for discussion: (number, id, question, the paragraphs it is about)."""
    if not asked:
        return ""
    items = "".join(
        f'<li id="question-{escape(qid)}" value="{n}"><p>{escape(text)}</p><p class="bmd-questions__about">About '
        + ", ".join(paragraph_link(link) for link in about)
        + "</p></li>"
        for n, qid, text, about in asked
    )
    return (
        '\n<section class="bmd-questions" aria-labelledby="bmd-questions-title">'
        f'<h2 id="bmd-questions-title">Questions for discussion</h2><ol>{items}</ol></section>\n'
    )


def local_paragraph(number: int | None) -> ParagraphLink | None:
    """A link to a paragraph of the same page."""
    return (f"#{paragraph_id(number)}", "", number) if number else None


def term_list(terms: Sequence[Term], glossary_href: str, heading: str, print_only: bool = False) -> str:
    """The definitions of the terms a text uses, as a short glossary: on handouts, and printed after sections."""
    if not terms:
        return ""
    items = "".join(
        f'<dt><a href="{escape(glossary_href)}#{escape(t.id)}">{escape(t.name)}</a>{_expansion(t)}</dt><dd>{escape(t.definition)}</dd>'
        for t in sorted(terms, key=lambda t: t.name.casefold())
    )
    classes = "bmd-termlist bmd-print-only" if print_only else "bmd-termlist"
    return (
        f'\n<section class="{classes}" aria-labelledby="bmd-terms-title" data-search-exclude>'
        f'<h2 id="bmd-terms-title">{escape(heading)}</h2><dl>{items}</dl></section>\n'
    )


# ---- For instructors -----------------------------------------------------------------------------------

INSTRUCTORS_SECTIONS_PLACEHOLDER = "<!-- bmd:instructors-sections -->"
BUILDER_PLACEHOLDER = "<!-- bmd:builder -->"
ASSIGNMENTS_PLACEHOLDER = "<!-- bmd:assignments -->"
ASSIGNMENT_PLACEHOLDER = re.compile(r"<!-- bmd:assignment ([a-z0-9-]+) -->")


def instructors_markdown(annotations: str) -> str:
    """The instructors' page: headings in Markdown (for the table of contents), tables and lists as placeholders."""
    return "\n".join(
        [
            "---",
            "title: For instructors",
            "---",
            "",
            "# For instructors",
            "",
            "Assign any part of the essay with a link, hand out ready-made assignments, and print any page as a handout.",
            "",
            "## The sections",
            "",
            INSTRUCTORS_SECTIONS_PLACEHOLDER,
            "",
            "## Assignment links {#links}",
            "",
            "Every paragraph of the essay has a number. A link to a section followed by `#p4-p7` opens the section "
            "with paragraphs 4 to 7 highlighted and a notice naming them; `#p2,p4-p7` names several ranges. "
            "Students need nothing but the link: no account, no download.",
            "",
            BUILDER_PLACEHOLDER,
            "",
            "## Ready-made assignments {#assignments}",
            "",
            ASSIGNMENTS_PLACEHOLDER,
            "",
            "## Handouts {#handouts}",
            "",
            "Print any section or assignment page (or save it as PDF) for a clean handout: the navigation and "
            "search are left out, the paragraph numbers stay, the notes come at the end with their sources' "
            "addresses written out, followed by a short glossary of the terms the text uses.",
            "",
            f"To add an assignment, describe it in `{annotations}/assignments.yml`; "
            "the How to annotate page shows how.",
            "",
        ]
    )


def builder(sections: Sequence[Section], base: str) -> str:
    """The assignment link builder; without the script only the explanation above it shows."""
    options = "".join(
        f'<option value="{escape(s.page.url)}" data-paragraphs="{len(s.page.paragraphs)}">{escape(s.page.title)} (¶ 1–{len(s.page.paragraphs)})</option>'
        for s in sections
    )
    return (
        f'<form class="bmd-builder" data-bmd-builder data-base="{escape(base)}" hidden aria-labelledby="bmd-builder-title">'
        '<h3 id="bmd-builder-title">Build a link</h3>'
        '<p>Choose a section and the paragraphs to read; add a passage for each further range.</p>'
        f'<template class="bmd-builder__options">{options}</template>'
        '<ol class="bmd-builder__rows"></ol>'
        '<p><button type="button" class="md-button bmd-builder__add">Add a passage</button></p>'
        '<div class="bmd-builder__result" aria-live="polite"></div>'
        "</form>"
        '<noscript><p>With JavaScript turned on, this page also builds the links for you.</p></noscript>'
    )


def assignments_list(items: Sequence[tuple[str, str, str]]) -> str:
    """(title, href, what to read) for each named assignment."""
    if not items:
        return "<p>None yet.</p>"
    rows = "".join(f'<li><a href="{escape(href)}">{escape(title)}</a>: {escape(reading)}</li>' for title, href, reading in items)
    return f'<ul class="bmd-assignments">{rows}</ul>'


def passage_label(title: str, first: int, last: int) -> str:
    return f"{title}, ¶ {first}" if first == last else f"{title}, ¶ {first}–{last}"


def assignment_markdown(assignment_id: str, title: str) -> str:
    # MkDocs and the theme put page titles into markup as they are: the title is escaped here.
    return "\n".join(["---", f"title: {json.dumps(escape(title))}", "---", "", f"# {_markdown_text(title)}", "", f"<!-- bmd:assignment {assignment_id} -->", ""])


def passage_id(section: str, number: int) -> str:
    return f"{section}-p{number}"


def passage(section: str, title: str, section_href: str, paragraphs: Sequence[tuple[int, str]]) -> str:
    """Paragraphs shown on a handout: ids that cannot clash across sections, numbers that lead back to the essay."""
    first, last = paragraphs[0][0], paragraphs[-1][0]
    span = f"p{first}-p{last}" if last != first else f"p{first}-p{first}"
    heading_id = f"passage-{section}-{first}"
    body = "".join(
        f'<p class="bmd-para" id="{escape(passage_id(section, n))}"><a class="bmd-pnum" href="{escape(section_href)}#{paragraph_id(n)}"'
        f' aria-label="{escape(title)}, paragraph {n}, in the essay" data-search-exclude>¶&#8239;{n}</a> {html}</p>'
        for n, html in paragraphs
    )
    return (
        f'<section class="bmd-passage" aria-labelledby="{escape(heading_id)}"><h2 id="{escape(heading_id)}">{escape(passage_label(title, first, last))}</h2>'
        f'<p class="bmd-passage__source"><a href="{escape(section_href)}#{span}">Read it in the essay, highlighted</a></p>{body}</section>'
    )


def assignment_body(instructions: str, reading: Sequence[tuple[str, str]], passages: str) -> str:
    """The top of an assignment page: the instructions (rendered safely), what to read, then the passages."""
    items = "".join(f'<li><a href="{escape(href)}">{escape(label)}</a></li>' for label, href in reading)
    return (
        f'<div class="bmd-instructions">{instructions}</div>'
        f'<p class="bmd-reading-list__title">Read:</p><ol class="bmd-reading-list">{items}</ol>'
        f'<div class="bmd-passages" data-search-exclude>{passages}</div>'
    )


# ---- Open data ----------------------------------------------------------------------------------------

def data_markdown(site: str, files: Sequence[tuple[str, str, str, str, str]], licence: str) -> str:
    """The Data page: for each file (path, title, format, what it holds, one line to use it) a short entry."""
    lines = [
        "---",
        "title: Data",
        "---",
        "",
        "# Data",
        "",
        "Everything this reader layers on the essay is also published as data, in open formats, for other "
        "annotation tools, citation managers, scripts and search engines. The files are rebuilt with the site.",
        "",
        escape(licence),
        "",
    ]
    for path, title, kind, holds, example in files:
        lines += [
            f"## {_markdown_text(title)}",
            "",
            f"[`{path.rsplit('/', 1)[-1]}`]({path}) · {escape(kind)}",
            "",
            escape(holds),
            "",
            "```sh",
            example.replace("@SITE@", site),
            "```",
            "",
        ]
    return "\n".join(lines)
