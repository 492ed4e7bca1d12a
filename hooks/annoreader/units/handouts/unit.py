"""Handouts: every printed page says what it is (the text as published, the section or assignment, where it came
from and when it was printed), with a running header and "Page 2 of 4"; page breaks keep headings with what follows."""

from __future__ import annotations

import re

from ...core.site import PageInfo
from ...core.spans import Block
from ...core.unit import Unit, Weave

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def short_address(url: str) -> str:
    """An address as a reader would type it: without its scheme."""
    return _SCHEME.sub("", url)


def page_counter(template: str) -> str:
    """A CSS `content` value from words around {page} and {pages}, such as "Page {page} of {pages}"."""
    parts = re.split(r"(\{pages?\})", template)
    values = [f"counter({p[1:-1]})" if p in ("{page}", "{pages}") else css_string(p) for p in parts if p]
    return " ".join(values) or '""'


def css_string(text: str) -> str:
    """Text as a CSS string: quotes and backslashes escaped, line breaks as \\A, and "<" so that no text closes
    the <style> element it stands in."""
    escaped = "".join(f"\\{ord(c):X} " if c in '"\\<>\n\r\f' or ord(c) < 0x20 or ord(c) == 0x7F else c for c in text)
    return f'"{escaped}"'


class HandoutsUnit(Unit):
    name = "handouts"

    def finish(self, weave: Weave) -> None:
        weave.add(self, Block("title", self.block(weave.page.title, weave.page.url), (30, 0)))

    def block(self, what: str, url: str) -> str:
        """The first-page block of a handout: the text as first published, what this page holds, its address."""
        citing = self.build.unit("citing")
        source = citing.as_published() if citing else None
        text = self.build.text
        address = short_address(self.build.urls.absolute(url))
        return self.build.templates.unit("handouts").block(source, text, what, address)

    def head(self, page: PageInfo) -> str:
        """The running header (the page's title and the site's), the address at the foot, and page numbers, in the
        margins of every printed page; the script keeps them right after instant navigation and for a range."""
        title = page.title if page.homepage or not page.title else f"{page.title} - {self.build.site.site_name}"
        address = short_address(self.build.urls.absolute(page.url))
        counter = page_counter(self.build.strings("handouts.page"))
        return self.build.templates.unit("handouts").running(css_string(title), css_string(address), counter)
