"""Every URL the engine writes, by MkDocs' own rules: a source path's page URL, links between pages, absolute URLs."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote


# The extensions MkDocs builds pages from (mkdocs.utils.markdown_extensions).
_MARKDOWN = frozenset({".markdown", ".mdown", ".mkdn", ".mkd", ".md"})


@dataclass(frozen=True)
class Urls:
    site_url: str  # the published address, ending in "/"; empty when mkdocs.yml sets none
    directory_urls: bool = True

    @classmethod
    def of(cls, site_url: str | None, directory_urls: bool) -> Urls:
        site = (site_url or "").strip()
        return cls(site if not site or site.endswith("/") else site + "/", directory_urls)

    def page(self, src: str) -> str:
        """The URL MkDocs gives the page built from `src` (a path under docs/), relative to the site's root.

        As MkDocs' File: README.md is an index; index pages and, without directory URLs, every page become
        name.html; with them, name/ (and an index page its folder, the home page "")."""
        parent, name = posixpath.split(src)
        stem, ext = posixpath.splitext(name)
        if ext.lower() not in _MARKDOWN:
            return quote(src)  # not a page: a file keeps its path
        stem = "index" if stem == "README" else stem
        if not self.directory_urls or stem == "index":
            dest = posixpath.join(parent, stem + ".html")
        else:
            dest = posixpath.join(parent, stem, "index.html")
        folder, file = posixpath.split(dest)
        url = (folder + "/" if folder else "") if self.directory_urls and file == "index.html" else dest
        return quote(url)

    def href(self, from_url: str, to_url: str) -> str:
        """A link from the page at `from_url` to `to_url` (both relative to the root), as a relative URL, the way
        MkDocs' get_relative_url makes one; the site's root is written as a path to a folder ("../", "")."""
        return _relative(from_url, to_url)

    def absolute(self, url: str) -> str:
        """The address of `url` on the published site; relative to the root when there is no site_url."""
        return self.site_url + url


@lru_cache(maxsize=100_000)  # a long text's glossary page links its thousands of entries to the same few pages
def _relative(from_url: str, to_url: str) -> str:
    if to_url == "":
        return root(from_url)
    folder, name = posixpath.split(from_url)
    base = folder if "." in name else from_url
    relative = posixpath.relpath("/" + to_url, "/" + base)
    return relative + "/" if to_url.endswith("/") else relative


def root(page_url: str) -> str:
    """The relative path from a page to the site's root: one '../' per folder in the page's URL."""
    return "../" * page_url.count("/")


def section_name(src: str) -> str:
    """How annotation files name a page: its path under docs/ without '.md' (and without a final '/index')."""
    stem = posixpath.splitext(src)[0]
    return stem.removesuffix("/index").removesuffix("/README")
