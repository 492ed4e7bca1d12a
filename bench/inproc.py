"""Run by run.py in a fresh process: one MkDocs build timed in-process, with the engine's own calls timed too.

Usage: inproc.py CONFIG_FILE SITE_DIR. Prints JSON: build_s (load_config + build, after MkDocs is imported),
engine_s (the outermost engine calls, summed), calls (each engine call, inclusive) and pages (MkDocs' per-page
steps, for the glossary page, the references page and the others).
"""

from __future__ import annotations

import functools
import inspect
import json
import logging
import sys
import time
from collections.abc import Callable
from typing import Any


def instrument() -> tuple[dict[str, float], dict[str, float]]:
    """Wraps every method of bmdreader's Build, and read_settings, which is all the hook calls in the engine."""
    from bmdreader import bibliography, glossary, reader, render, settings

    inner = (
        (glossary, "parse_yaml"),
        (reader, "load_notes"),
        (bibliography, "formatted"),
        (reader, "number_paragraphs"),
        (reader, "link_terms"),
        (render, "cards"),
        (render, "glossary_entry"),
    )
    calls: dict[str, float] = {}
    total = {"engine_s": 0.0}
    depth = 0

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            nonlocal depth
            depth += 1
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - start
                depth -= 1
                calls[name] = calls.get(name, 0.0) + elapsed
                if depth == 0:  # Build.load constructs a Build: count its matcher once in the total
                    total["engine_s"] += elapsed

        return wrapper

    for name, attr in list(vars(reader.Build).items()):
        if isinstance(attr, classmethod):
            setattr(reader.Build, name, classmethod(timed(f"Build.{name}", attr.__func__)))
        elif inspect.isfunction(attr) and (name == "__post_init__" or not name.startswith("__")):
            setattr(reader.Build, name, timed(f"Build.{name}", attr))
    # Patched before load_config imports the hook, whose `from ... import` then picks up the wrapper.
    settings.read_settings = timed("read_settings", settings.read_settings)
    # Inner steps, for the breakdown only (they run inside the calls above); skipped if the engine renames them.
    for module, name in inner:
        fn = getattr(module, name, None)
        if callable(fn):
            setattr(module, name, timed(f"{module.__name__.removeprefix('bmdreader.')}.{name}", fn))
    return calls, total


def per_page() -> dict[str, float]:
    """Times MkDocs' own per-page steps (render with on_page_content, then template with search indexing and
    writing), split into the generated glossary page, the generated references page and the rest, to see where
    the hook's extra markup costs."""
    from bmdreader.reader import GLOSSARY_PAGE, REFERENCES_PAGE
    from mkdocs.commands import build

    pages: dict[str, float] = {}

    def timed(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(page: Any, *args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(page, *args, **kwargs)
            finally:
                kind = {GLOSSARY_PAGE: "glossary", REFERENCES_PAGE: "references"}.get(page.file.src_uri, "other")
                pages[kind] = pages.get(kind, 0.0) + time.perf_counter() - start

        return wrapper

    build._populate_page = timed(build._populate_page)  # type: ignore[attr-defined]
    build._build_page = timed(build._build_page)  # type: ignore[attr-defined]
    return pages


def main(config_file: str, site_dir: str) -> None:
    calls, total = instrument()
    pages = per_page()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    start = time.perf_counter()
    config = load_config(config_file=config_file, site_dir=site_dir)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    elapsed = time.perf_counter() - start
    config.plugins.on_shutdown()
    print(json.dumps({"build_s": elapsed, **total, "calls": calls, "pages": pages}))


if __name__ == "__main__":
    main(*sys.argv[1:])
