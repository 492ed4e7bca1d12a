"""Renders Markdown from annotation files with raw HTML shown as text and only safe links kept."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor

_SAFE_SCHEMES = frozenset({"", "http", "https", "mailto"})


class _Defuse(Treeprocessor):
    """Drops links with unsafe schemes and turns images into their alt text: nothing may load from elsewhere."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            href = element.get("href")
            if href is not None and urlsplit(href.strip()).scheme.lower() not in _SAFE_SCHEMES:
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

    def convert(self, text: str) -> str:
        if text not in self._done:
            self._done[text] = self._md.reset().convert(text)
        return self._done[text]
