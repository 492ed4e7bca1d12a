"""The one judge of a link's safety: what the browser will finally follow, character references decoded."""

from __future__ import annotations

import html
import re

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_IGNORED = re.compile("[\t\n\r]")  # browsers drop these anywhere in a URL
_EDGES = "".join(chr(c) for c in range(0x21))  # and C0 controls and spaces at either end


def followed(href: str) -> str:
    """The address a browser follows for an href written as `href` in HTML: character references decoded (and
    decoded again, for text that went through one more round of escaping), tabs and line breaks dropped."""
    seen = None
    while seen != href:
        seen, href = href, html.unescape(href)
    return _IGNORED.sub("", href).strip(_EDGES)


def is_safe(href: str) -> bool:
    """Whether a link may stay: http, https, mailto, or no scheme at all (within the site)."""
    m = _SCHEME.match(followed(href))
    return m is None or m.group(1).lower() in SAFE_SCHEMES
