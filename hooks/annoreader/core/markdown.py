"""Renders Markdown from annotation files with raw HTML shown as text and only safe links kept."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor

from .htmltext import text_of
from .safelinks import is_safe

MAX_DEPTH = 16  # nested lists and quotes in one field: deeper ones would exhaust Python-Markdown's recursion


class _Defuse(Treeprocessor):
    """Drops links that are not safe (judged on what the browser will follow) and turns images into their alt
    text: nothing may load from elsewhere."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            href = element.get("href")
            if href is not None and not is_safe(href):
                del element.attrib["href"]
            if element.tag == "img":
                alt = element.get("alt", "")
                element.attrib.clear()
                element.tag = "span"
                element.text = alt


class SafeMarkdown:
    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=["sane_lists", "smarty"])
        # Without these, HTML in an annotation would reach the page as HTML; now it is escaped text.
        self._md.preprocessors.deregister("html_block")
        self._md.inlinePatterns.deregister("html")
        self._md.treeprocessors.register(_Defuse(self._md), "rdr_defuse", 0)
        self._done: dict[str, str] = {}  # the glossary page and the SKOS file render the same explanations
        self._plain: dict[str, str] = {}

    def convert(self, text: str) -> str:
        if text not in self._done:
            try:
                self._done[text] = self._md.reset().convert(text)
            except RecursionError:  # too deep for the parser despite the loader's limit: shown as text, not lost
                self._done[text] = f"<p>{html.escape(text)}</p>"
        return self._done[text]

    def plain(self, text: str) -> str:
        """The Markdown as the words a reader sees, on one line (for data and search, which hold text, not markup)."""
        if text not in self._plain:
            self._plain[text] = " ".join(text_of(self.convert(text)).split())
        return self._plain[text]


def too_deep(text: str) -> bool:
    """Whether Markdown nests lists or quotes deeper than MAX_DEPTH (judged by each line's indent and '>'s)."""
    for line in text.splitlines():
        lead = _LEAD.match(line)
        if lead and lead.group().count(">") + len(lead.group().expandtabs(4).replace(">", "")) // 2 > MAX_DEPTH:
            return True
    return False


_LEAD = re.compile(r"[ \t>]*")
