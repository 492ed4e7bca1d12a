"""The annotations as a W3C Web Annotation collection (JSON-LD), each target a published page with its selectors."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .model import Figure, Glossary, Note, Question, Quote
from .problems import Problem, Severity
from .published import PublishedText
from .site import PageRecord, QuoteHit

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
EXPORT_PATH = "data/annotations.jsonld"
CONTEXT_CHARS = 32  # of prefix and suffix, as Hypothesis writes them; longer where that is not enough to be unique


@dataclass(frozen=True)
class Sources:
    """Where the annotations come from, with the files named in problems."""

    glossary: Glossary
    notes: Sequence[Note]
    notes_file: str
    figures: Sequence[Figure]
    figures_file: str
    questions: Sequence[Question]
    questions_file: str
    authors: Sequence[str]  # the essay's authors, who wrote its notes


@dataclass(frozen=True)
class Urls:
    site: str  # absolute, ending in /
    glossary: str  # page URLs relative to the site
    references: str
    figures: str

    def page(self, url: str) -> str:
        return self.site + url

    @property
    def export(self) -> str:
        return self.site + EXPORT_PATH


def selectors(text: str, start: int, end: int) -> list[dict[str, Any]]:
    """A TextQuoteSelector whose prefix, exact and suffix occur once in the text, and a TextPositionSelector."""
    exact = text[start:end]
    size = CONTEXT_CHARS
    while True:
        prefix, suffix = text[max(0, start - size) : start], text[end : end + size]
        whole = prefix + exact + suffix
        first = text.find(whole)
        if text.find(whole, first + 1) < 0 or (start - size <= 0 and end + size >= len(text)):
            break
        size *= 2
    return [
        {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]


def _text_body(value: str, purpose: str) -> dict[str, Any]:
    return {"type": "TextualBody", "value": value, "format": "text/plain", "language": "en", "purpose": purpose}


def _link(source: str, purpose: str) -> dict[str, Any]:
    return {"type": "SpecificResource", "source": source, "purpose": purpose}


def collection(
    sources: Sources,
    urls: Urls,
    pages: Sequence[PageRecord],
    published: Mapping[str, PublishedText],
    hits_of: Callable[[str, str], list[QuoteHit]],
    label: str,
) -> tuple[dict[str, Any], list[Problem]]:
    """Every term occurrence, note, figure and question of the essay as one AnnotationCollection."""
    items: list[dict[str, Any]] = []
    problems: list[Problem] = []

    def target(url: str, span: tuple[int, int]) -> dict[str, Any]:
        return {"source": urls.page(url), "selector": selectors(published[url].text, *span)}

    def place(kind: str, id_: str, quote: Quote, hit: QuoteHit, file: str) -> tuple[int, int] | None:
        text = published.get(hit.url)
        span = text.find(quote.exact, hit.paragraph, quote.prefix, quote.suffix) if text and hit.paragraph else None
        if span is None:
            problems.append(
                Problem(file, quote.line, f'{kind} "{id_}": the quote "{quote.exact}" was not found once in the published page {hit.url}, so it cannot be exported', Severity.WARNING)
            )
        return span

    glossary_url = urls.page(urls.glossary)
    for page in pages:
        text = published.get(page.url)
        if text is None:
            continue
        counts: dict[str, int] = {}
        for term_id, start, end in text.terms:
            term = sources.glossary.term(term_id)
            counts[term_id] = counts.get(term_id, 0) + 1
            items.append({
                "id": f"{urls.export}#term-{term_id}-{_slug(page.url)}-{counts[term_id]}",
                "type": "Annotation",
                "motivation": "describing",
                "body": [_text_body(term.definition, "describing"), _link(f"{glossary_url}#{term_id}", "identifying")],
                "target": target(page.url, (start, end)),
            })

    creators = [{"type": "Person", "name": name} for name in sources.authors]
    for note in sources.notes:
        hits = hits_of("note", note.id)
        if len(hits) != 1 or (span := place("note", note.id, note.anchor, hits[0], sources.notes_file)) is None:
            continue
        links = [_link(f"{urls.page(urls.references)}#{c.work}", "linking") for c in note.cites]
        items.append({
            "id": f"{urls.export}#note-{note.id}",
            "type": "Annotation",
            "motivation": "commenting",
            "label": f"Note {note.id}",
            **({"creator": creators} if creators else {}),
            "body": [_text_body(note.text, "commenting"), *links],
            "target": target(hits[0].url, span),
        })
    for fig in sources.figures:
        hits = hits_of("figure", fig.id)
        if len(hits) != 1 or (span := place("figure", fig.id, fig.before, hits[0], sources.figures_file)) is None:
            continue
        items.append({
            "id": f"{urls.export}#figure-{fig.id}",
            "type": "Annotation",
            "motivation": "describing",
            "label": f"Figure {fig.id}: the photograph that stood before this paragraph",
            "body": [
                _text_body(f"{fig.caption} ({fig.credit})", "describing"),
                _link(f"{urls.page(urls.figures)}#figure-{fig.id}", "linking"),
            ],
            "target": target(hits[0].url, span),
        })
    for question in sources.questions:
        targets = []
        for i, quote in enumerate(question.about):
            hits = hits_of("question", f"{question.id}:{i}")
            if len(hits) == 1 and (span := place("question", question.id, quote, hits[0], sources.questions_file)) is not None:
                targets.append(target(hits[0].url, span))
        if len(targets) == len(question.about):
            items.append({
                "id": f"{urls.export}#question-{question.id}",
                "type": "Annotation",
                "motivation": "questioning",
                "body": _text_body(question.ask, "questioning"),
                "target": targets[0] if len(targets) == 1 else targets,
            })
    data = {
        "@context": CONTEXT,
        "id": urls.export,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"id": f"{urls.export}#page-1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return data, problems


def _slug(url: str) -> str:
    return url.strip("/").replace("/", "-").removesuffix(".html") or "home"
