"""MkDocs hook: hands each build event to the bmdreader engine and turns its problems into MkDocs errors."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from bmdreader.problems import AnnotationError, Problem, Severity
from bmdreader.reader import Build
from bmdreader.settings import read_settings
from bmdreader.webanno import EXPORT_PATH
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.plugins.bmdreader")

# One Build per build: set in on_config, which runs first on every (re)build of `mkdocs serve`.
_state: dict[str, Any] = {}
# Kept across the rebuilds of one `mkdocs serve` (the hook module is not reloaded): the command, and the
# last annotations that loaded, which keep the site served while an annotation file is being fixed.
_session: dict[str, Any] = {}


def _current() -> Build:
    return _state["build"]


def on_startup(command: str, dirty: bool) -> None:
    _session.clear()
    _session["command"] = command


def on_config(config: Any) -> Any:
    _state.clear()
    try:
        settings = read_settings(config.extra)
        build = Build.load(Path(config.config_file_path).parent, settings, config.site_url or "")
    except AnnotationError as err:
        last: Build | None = _session.get("last_good")
        if _session.get("command") != "serve" or last is None:
            raise PluginError(_report(err.problems)) from None
        log.error(_report(err.problems) + "\n  The site keeps the last annotations that loaded until the file is fixed.")
        build = last.anew()
    _session["last_good"] = build
    _state["build"] = build
    config["nav"] = build.assignment_nav(config["nav"])
    return config


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    # Annotation files are part of the site's source: editing one rebuilds it, whatever mkdocs.yml watches.
    server.watch(str(Path(config.config_file_path).parent / _current().settings.annotations))
    return server


def on_files(files: Files, config: Any) -> Files:
    for path, content in _current().generated_files().items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path}: this file is generated from the annotations; delete it")
        files.append(File.generated(config, path, content=content))
    return files


def on_nav(nav: Any, config: Any, files: Files) -> Any:
    _state["order"] = {page.url: i for i, page in enumerate(nav.pages)}
    return nav


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    if not page.meta.get("essay_section"):
        return html
    order = _state["order"].get(page.url, len(_state["order"]))
    return _current().weave(html, page.url, page.title or "", order, bool(page.meta.get("editorial_title")))


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    # overrides/main.html puts this in the page's <head>.
    context["bmd_head"] = _current().head(page.url, page.title or "")
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    _current().record_published(page.url, output)
    return output


def on_post_build(config: Any) -> None:
    text, problems = _current().annotations_export()
    for problem in problems:
        log.warning(str(problem))
    target = Path(config.site_dir) / EXPORT_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def on_env(env: Any, config: Any, files: Files) -> Any:
    build = _current()
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.content is not None:
            page.content = build.fill(file.src_uri, page.content, page.url, page.is_homepage)
    for problem in build.warnings():
        log.warning(str(problem))
    return env


def _report(problems: tuple[Problem, ...]) -> str:
    errors = [p for p in problems if p.severity is Severity.ERROR]
    count = f"{len(errors)} problems" if len(errors) > 1 else "1 problem"
    return f"the annotations have {count}:\n" + "\n".join(f"  {p}" for p in problems)
