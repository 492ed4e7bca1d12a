"""MkDocs hook: hands each build event to the annoreader engine and turns its problems into MkDocs errors."""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

from annoreader.core.build import THEME, Build, SiteConfig
from annoreader.core.pages import front_matter_problem
from annoreader.core.problems import AnnotationError
from annoreader.core import searchindex
from annoreader.core.session import Session, report
from annoreader.core.templates import compiled_templates
from annoreader.core.site import PageInfo
from annoreader.units import UNITS
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import TableOfContents

log = logging.getLogger("mkdocs.plugins.annoreader")

# The one object kept between the builds of a run, since MkDocs does not reload hook modules: it makes each
# build's state anew and, under `mkdocs serve`, keeps the last annotations that loaded.
_session = Session(UNITS)


def _build() -> Build:
    assert _session.current is not None
    return _session.current


def _page(page: Any) -> PageInfo:
    meta = page.meta or {}
    return PageInfo(
        page.file.src_uri,
        page.url,
        html.unescape(page.title or ""),  # MkDocs gives titles as HTML ("A &amp; B"); the engine holds text
        _build().order.get(page.file.src_uri, 0),
        bool(meta.get("essay_section")),
        bool(meta.get("editorial_title")),
        page.is_homepage,
    )


def on_startup(command: str, dirty: bool) -> None:
    _session.start(command)


def on_shutdown() -> None:
    _session.stop()


def on_config(config: Any) -> Any:
    custom = config.theme.custom_dir
    site = SiteConfig(
        Path(config.config_file_path).parent,
        config.site_name or "",
        config.extra,
        config.site_url,
        config.use_directory_urls,
        config.theme.get("language") or "en",
        Path(custom) if custom else None,
        Path(config.docs_dir),
    )
    try:
        build, set_aside = _session.begin(site)
    except AnnotationError as err:
        raise PluginError(report(err.problems)) from None
    if set_aside:
        log.error(report(set_aside) + "\n  The site keeps the last annotations that loaded until the file is fixed.")
    config["nav"] = build.nav(config["nav"])
    config.theme.dirs.insert(1 if custom else 0, str(THEME))
    for kind, path in (("extra_css", build.css), ("extra_javascript", build.js)):
        if path not in [str(p) for p in config[kind]]:
            config[kind].append(path)
    return config


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    # Annotation files are part of the site's source: editing one rebuilds it, whatever mkdocs.yml watches.
    server.watch(str(Path(config.config_file_path).parent / _build().settings.annotations))
    return server


def on_files(files: Files, config: Any) -> Files:
    # MkDocs reads a page whose front matter is broken as a page without any: a section would not be woven.
    pages = (front_matter_problem(f"docs/{f.src_uri}", f.content_string) for f in files.documentation_pages())
    broken = [p for p in pages if p is not None]
    if broken:
        raise PluginError("\n".join(map(str, broken)))
    generated, problems = _build().generated()
    if problems:
        raise PluginError(report(problems))
    in_the_way = _build().in_the_way(f.src_uri for f in files)
    if in_the_way:
        raise PluginError("\n".join(map(str, in_the_way)))
    for path, item in generated.items():
        file = _WrittenByTheEngine.generated(config, path, content=item.content)
        if file.is_documentation_page():
            file = File.generated(config, path, content=item.content)
        else:
            _build().downloads[file.dest_uri] = item.content
        files.append(file)
    return files


class _WrittenByTheEngine(File):
    """A download the engine writes itself once the pages are built (annoreader.core.sitefiles: under `mkdocs serve`,
    only what changed is made again). MkDocs still lists it, so that links to it are checked like any other."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


def on_nav(nav: Any, config: Any, files: Files) -> Any:
    _build().order = {page.file.src_uri: i for i, page in enumerate(nav.pages)}
    _build().sections_of = {page.url: tuple(str(s.title) for s in page.ancestors) for page in nav.pages}
    problems = _build().navigation_problems()
    if problems:
        raise PluginError(report(problems))
    return nav


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    if _build().lists_own_contents(page.file.src_uri):
        # Material writes a page's headings into its markup twice (the drawer's contents and the sidebar's, which
        # `hide: [toc]` only hides): 4,000 links on a book's glossary. The title stays: "Skip to content" leads there.
        title = list(page.toc)[:1]
        for link in title:
            link.children = []
        page.toc = TableOfContents(title)
    info = _page(page)
    return _build().weave(html, info) if info.section else html


def on_env(env: Any, config: Any, files: Files) -> Any:
    if env.bytecode_cache is None:
        # The theme's templates too are compiled once and kept (see templates.compiled_templates): MkDocs makes a
        # new environment for every build and serve's every rebuild, and compiling them took ~70 ms of each.
        env.bytecode_cache = compiled_templates()
    build = _build()
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.content is not None:
            page.content = build.fill(_page(page), page.content)
    for problem in build.warnings():
        log.warning(str(problem))
    return env


def on_post_page(output: str, page: Any, config: Any) -> str:
    return _build().published(_page(page), output)


def on_build_error(error: Exception) -> None:
    _session.end()


def on_post_build(config: Any) -> None:
    try:
        _post_build(config)
    finally:
        _session.end()


def _post_build(config: Any) -> None:
    files, problems = _build().after_build()
    for problem in problems:
        log.warning(str(problem))
    failed = _build().write_files(Path(config.site_dir), files)
    if failed:
        raise PluginError("\n".join(map(str, failed)))
    # The search plugin has written its index by now (hooks run after the configured plugins).
    index = Path(config.site_dir) / "search" / "search_index.json"
    searchindex.rewrite(index, _build().search_entries(), _build().set_apart(), _build().units_search())
