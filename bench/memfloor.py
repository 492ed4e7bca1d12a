"""Run by run.py through bench/peak.py: the memory floor of a hooked build, MkDocs without the hook made to hold
and write what the hooked build's site holds.

A build with the features must, whatever the engine's own code, hold every page's content at the size the features
make it (MkDocs converts every page before it writes any, and keeps each page's content), have the theme index the
section pages as the hooked build has it index them, write the same pages, and hold the annotations' data. This
process does that and nothing more: it builds the project without the hook, with a plugin that
- reads the annotation files with libyaml into plain Python values, kept for the whole build;
- adds a page for each page the hooked site has and the plain site has not (the glossary, the References page...),
  kept from the theme's search indexer, as the hook keeps its glossary page (the hook's own entries are not made);
- gives each page, as MkDocs' content, the hooked page's <article> without the blocks the hooked build holds back
  from the search (`data-search-exclude`), and writes the hooked page's document as its output, read when written;
- copies every other file the hooked site adds, disk to disk.
So it holds no term card, no held-back block, no export in memory, and makes none of it: a lower bound.
With `--without PREFIX`, the hooked site's files under PREFIX (a page's folder, "glossary/") are left out, to show
what that page costs.

Usage: memfloor.py CONFIG_FILE SITE_DIR HOOKED_SITE ANNOTATIONS [--without PREFIX]. Prints JSON: the build's seconds.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import sys
import time
from pathlib import Path
from typing import Any

_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)([^>]*)>")
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.DOTALL)
# The hook keeps its glossary page from the theme's indexer and indexes it itself; these pages are all kept from it,
# so the floor indexes less than any hooked build does.
_ADDED_PAGE = "---\nsearch:\n  exclude: true\n---\n\nThe hooked page's article, set as its content.\n"
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def searched(html: str) -> str:
    """`html` less the elements the hooked build holds back from the search until the page is written."""
    out: list[str] = []
    at = 0
    skipping: tuple[str, int] | None = None
    for match in _TAG.finditer(html):
        closing, name, attrs = match.group(1), match.group(2).lower(), match.group(3)
        if skipping is None:
            if not closing and "data-search-exclude" in attrs and name not in _VOID and not attrs.rstrip().endswith("/"):
                out.append(html[at : match.start()])
                skipping = (name, 1)
            continue
        if name == skipping[0] and name not in _VOID:
            depth = skipping[1] + (-1 if closing else 1)
            skipping = None if depth == 0 else (name, depth)
            if skipping is None:
                at = match.end()
    out.append(html[at:] if skipping is None else "")
    return "".join(out)


def main(config_file: str, site_dir: str, hooked_site: str, annotations: str, *options: str) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    import yaml
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin
    from mkdocs.structure.files import File

    left_out = options[options.index("--without") + 1] if "--without" in options else None
    hooked = Path(hooked_site)
    site = Path(site_dir)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Floor(BasePlugin):  # type: ignore[type-arg]
        def on_config(self, config: Any) -> Any:
            # Held to the end of the build, as the engine holds what it loaded.
            self.data = [yaml.load(p.read_text(encoding="utf-8"), Loader=loader) for p in sorted(Path(annotations).glob("*.yml"))]
            return config

        def on_files(self, files: Any, config: Any) -> Any:
            have = {f.dest_uri for f in files}
            self.copied = []
            for path in sorted(p for p in hooked.rglob("*") if p.is_file()):
                uri = path.relative_to(hooked).as_posix()
                if uri in have or uri in ("sitemap.xml.gz", "404.html") or uri.startswith("search/") or (left_out and uri.startswith(left_out)):
                    continue  # MkDocs makes these itself (or --without leaves them out)
                if uri.endswith("/index.html"):  # a page the hook makes: MkDocs holds its content as it does any page's
                    files.append(File.generated(config, uri.removesuffix("/index.html") + ".md", content=_ADDED_PAGE))
                else:
                    self.copied.append(uri)
            return files

        def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:
            found = _ARTICLE.search((hooked / page.file.dest_uri).read_text(encoding="utf-8"))
            return searched(found.group(1)) if found else html

        def on_post_page(self, output: str, page: Any, config: Any) -> str:
            return (hooked / page.file.dest_uri).read_text(encoding="utf-8")

        def on_post_build(self, config: Any) -> None:
            for uri in self.copied:
                target = site / uri
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(hooked / uri, target)

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(config_file, site_dir=site_dir)
    config.plugins["bench-memory-floor"] = Floor()
    start = time.perf_counter()
    build(config)
    print(json.dumps({"build_s": time.perf_counter() - start, "without": left_out}))


if __name__ == "__main__":
    main(*sys.argv[1:])
