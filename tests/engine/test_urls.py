"""Every URL the engine writes follows MkDocs' own rules: checked against MkDocs' File and get_relative_url."""

from __future__ import annotations

import pytest
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from annoreader.core.urls import Urls, root, section_name

SOURCES = ["index.md", "README.md", "glossary.md", "essay/part-one.md", "essay/index.md", "a/b/c.md", "with space.md", "data/annotations.jsonld"]


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("src", SOURCES)
def test_page_urls_are_mkdocs_urls(src: str, directory_urls: bool) -> None:
    expected = File(src, "docs", "site", directory_urls).url
    assert Urls("", directory_urls).page(src) == ("" if expected == "./" else expected)


@pytest.mark.parametrize("directory_urls", [True, False])
def test_links_between_pages_are_mkdocs_relative_links(directory_urls: bool) -> None:
    urls = Urls("", directory_urls)
    pages = [urls.page(s) for s in SOURCES if s.endswith(".md")]
    for from_url in pages:
        for to_url in pages:
            if to_url:  # MkDocs writes the root as ".."; the engine as a folder path, which the script can extend
                assert urls.href(from_url, to_url) == get_relative_url(to_url, from_url or "."), (from_url, to_url)
            else:
                assert urls.href(from_url, to_url) == root(from_url)


def test_absolute_addresses_take_the_site_url_as_given() -> None:
    assert Urls.of("https://example.org/reader", True).absolute("glossary/") == "https://example.org/reader/glossary/"
    assert Urls.of("https://example.org/", False).absolute("glossary.html") == "https://example.org/glossary.html"
    assert Urls.of(None, True).absolute("glossary/") == "glossary/"


def test_annotation_files_name_pages_by_their_path() -> None:
    assert [section_name(s) for s in ("one.md", "essay/one.md", "essay/index.md", "README.md")] == ["one", "essay/one", "essay", "README"]
