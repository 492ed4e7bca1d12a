"""The kinds of values annotation files hold, as type markers the loader and the schema writer both read."""

from __future__ import annotations

import re
from dataclasses import field
from typing import Annotated, Any

# Kinds of text, used as Annotated markers; the loader checks each kind its own way.
ID = "id"  # lowercase letters, digits and single hyphens
TEXT = "text"  # plain text, shown escaped
MARKDOWN = "markdown"  # Markdown, rendered with raw HTML disabled
URL = "url"  # an absolute http(s) URL
DATE = "date"  # a year, year-month or full date: 2014, 2016-06, 2008-02-07
VERBATIM = "verbatim"  # text whose spaces at either end count, as in a quote's prefix
RANGE = "range"  # a paragraph number or range: 4, 4-7
PAGE = "page"  # a page of the site by its path without .md: impact-on-stability, essay/part-one
FILE = "file"  # a file of the site by its path under docs/: images/figure-1.jpg

Id = Annotated[str, ID]
Text = Annotated[str, TEXT]
Markdown = Annotated[str, MARKDOWN]
Url = Annotated[str, URL]
Date = Annotated[str, DATE]
Verbatim = Annotated[str, VERBATIM]
Range = Annotated[str, RANGE]
PageName = Annotated[str, PAGE]
FilePath = Annotated[str, FILE]

TEXT_KINDS = frozenset({ID, TEXT, MARKDOWN, URL, VERBATIM, PAGE, FILE})

ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
URL_PATTERN = r"[hH][tT][tT][pP][sS]?://[^\s/$.?#][^\s]*"
DATE_PATTERN = r"(?!0000)[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?"
RANGE_PATTERN = r"[1-9][0-9]*(?:-[1-9][0-9]*)?"
PAGE_PATTERN = r"[A-Za-z0-9_][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_][A-Za-z0-9_.-]*)*"

# Ids a generated page already uses: the reader's own prefix, and paragraph links (p4, p4-p7), which the script
# reads as an assignment of paragraphs wherever they appear.
RESERVED_ID = re.compile(r"rdr-.*|p[0-9]+(?:-p?[0-9]+)?")

PATTERNS = {ID: ID_PATTERN, URL: URL_PATTERN, DATE: DATE_PATTERN, RANGE: RANGE_PATTERN, PAGE: PAGE_PATTERN, FILE: PAGE_PATTERN}
COMPILED = {kind: re.compile(pattern) for kind, pattern in PATTERNS.items()}


def doc(text: str, **extra: object) -> dict[str, object]:
    """Field metadata: a description for error messages and the JSON Schema."""
    return {"doc": text, **extra}


def position() -> Any:
    """A field filled by the loader with the line the record starts on, not read from the YAML."""
    return field(default=0, compare=False, metadata={"internal": True})


def extensions() -> Any:
    """A field filled by the loader with the keys other units add to this record (see Extension)."""
    return field(default=(), compare=False, metadata={"internal": True, "extensions": True})
