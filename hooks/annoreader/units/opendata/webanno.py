"""The annotations as a W3C Web Annotation collection (JSON-LD): what every unit needs to write its annotations,
each target a published page with a TextQuoteSelector and a TextPositionSelector."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ...core.problems import Problem, Severity
from ...core.quotes import QuoteUse
from ...core.site import Placed
from ...core.urls import Urls
from .published import PublishedText

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
EXPORT_PATH = "data/annotations.jsonld"
CONTEXT_CHARS = 32  # of prefix and suffix, as Hypothesis writes them; longer where that is not enough to be unique


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


@dataclass
class Export:
    """The state of one export: the published text of each section page, the site's addresses, the problems."""

    urls: Urls
    published: Mapping[str, PublishedText]
    language: str
    problems: list[Problem] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.urls.absolute(EXPORT_PATH)

    def page(self, url: str) -> str:
        return self.urls.absolute(url)

    def target(self, url: str, span: tuple[int, int]) -> dict[str, Any]:
        return {"source": self.page(url), "selector": selectors(self.published[url].text, *span)}

    def place(self, use: QuoteUse, placed: Placed) -> tuple[int, int] | None:
        """Where a quote stands in its published page; a problem when it cannot be found there once."""
        text = self.published.get(placed.url)
        quote = use.quote
        span = text.find(quote.exact, placed.paragraph, quote.prefix, quote.suffix) if text and placed.paragraph else None
        if span is None:
            message = f'{use.label}: the quote "{quote.exact}" was not found once in the published page {placed.url}, so it cannot be exported'
            self.problems.append(Problem(use.file, quote.line, message, Severity.WARNING))
        return span

    def text_body(self, value: str, purpose: str) -> dict[str, Any]:
        return {"type": "TextualBody", "value": value, "format": "text/plain", "language": self.language, "purpose": purpose}

    @staticmethod
    def slug(url: str) -> str:
        """A page's URL as a word, for annotation ids."""
        return url.strip("/").replace("/", "-").removesuffix(".html") or "home"

    @staticmethod
    def link(source: str, purpose: str) -> dict[str, Any]:
        return {"type": "SpecificResource", "source": source, "purpose": purpose}

    def annotation(self, anchor: str, motivation: str, body: Any, target: Any, **more: Any) -> dict[str, Any]:
        """One annotation, its id an anchor in the export's own address."""
        return {"id": f"{self.url}#{anchor}", "type": "Annotation", "motivation": motivation, **more, "body": body, "target": target}

    def collection(self, label: str, total: int) -> dict[str, Any]:
        """The collection with its one page's list of items empty, last: the export writes them into it."""
        return {
            "@context": CONTEXT,
            "id": self.url,
            "type": "AnnotationCollection",
            "label": label,
            "total": total,
            "first": {"id": f"{self.url}#page-1", "type": "AnnotationPage", "startIndex": 0, "items": []},
        }
