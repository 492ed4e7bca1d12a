"""Helpers for the pages units generate: Markdown skeletons whose headings feed the table of contents and search,
with placeholders the units fill once every section is woven."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from html import escape

import yaml

from .problems import Problem

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)(?:---|\.\.\.)[ \t]*\r?(?:\n|\Z)", re.S)


def placeholder(unit: str, name: str = "") -> str:
    return f"<!-- rdr:{unit}{':' + name if name else ''} -->"


def markdown_page(title: str, lines: Sequence[str], own_contents: bool = False, own_search: bool = False) -> str:
    """A page with `title` (front matter and heading) and the Markdown `lines` under it. A page that lists its own
    contents (`own_contents`) asks the theme not to list its headings again (Material's `hide: [toc]`, and the hook
    leaves the theme only the title to list): a long glossary would otherwise carry thousands more elements for a
    phone to lay out. A page whose unit gives the search its entries itself (`own_search`) is kept from the theme's
    indexer, which would parse all of it."""
    # MkDocs and the theme put a page's title into markup as it is: escaped here.
    meta = [f"title: {json.dumps(escape(title))}"] + (["hide: [toc]"] if own_contents else []) + (["search: {exclude: true}"] if own_search else [])
    return "\n".join(["---", *meta, "---", "", f"# {markdown_text(title)}", "", *lines, ""])


def markdown_text(text: str) -> str:
    """Text that Markdown shows literally."""
    escaped = escape(text, quote=False)
    # Only the characters Python-Markdown unescapes: any other backslash would show.
    return "".join("\\" + c if c in "\\`*_{}[]()#+-.!" else c for c in escaped)


def front_matter_problem(file: str, markdown: str) -> Problem | None:
    """What is wrong with a page's front matter that MkDocs left in its text, having failed to read it (it then
    treats the page as having none, so a section would silently not be woven)."""
    block = _FRONT.match(markdown)
    if block is None:
        return None
    try:
        data = yaml.safe_load(block.group(1))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 2 if mark else 1  # the block starts on the page's second line
        return Problem(file, line, f"the front matter is not valid YAML ({err.problem or 'invalid YAML'}); fix it")
    except yaml.YAMLError:
        return Problem(file, 1, "the front matter is not valid YAML; fix it")
    if not isinstance(data, dict):
        return Problem(file, 1, "the front matter must be keys and values, such as 'essay_section: true'; fix it")
    return None
