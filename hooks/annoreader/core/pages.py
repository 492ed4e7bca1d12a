"""Helpers for the pages units generate: Markdown skeletons whose headings feed the table of contents and search,
with placeholders the units fill once every section is woven."""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape


def placeholder(unit: str, name: str = "") -> str:
    return f"<!-- rdr:{unit}{':' + name if name else ''} -->"


def markdown_page(title: str, lines: Sequence[str]) -> str:
    """A page with `title` (front matter and heading) and the Markdown `lines` under it."""
    # MkDocs and the theme put a page's title into markup as it is: escaped here.
    return "\n".join(["---", f"title: {json.dumps(escape(title))}", "---", "", f"# {markdown_text(title)}", "", *lines, ""])


def markdown_text(text: str) -> str:
    """Text that Markdown shows literally."""
    escaped = escape(text, quote=False)
    # Only the characters Python-Markdown unescapes: any other backslash would show.
    return "".join("\\" + c if c in "\\`*_{}[]()#+-.!" else c for c in escaped)
