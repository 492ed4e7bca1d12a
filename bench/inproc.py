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
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

# The public methods of the engine's Build: all the hook calls (the session makes the Build and loads it), but for
# the search index's rewrite, timed apart.
BUILD_METHODS = ("__init__", "load", "nav", "assets", "generated", "weave", "fill", "head", "published", "after_build", "warnings")
# Each unit's steps, timed where the unit's class (or a class between it and Unit) overrides them.
UNIT_METHODS = ("load", "quotes", "anchor", "mark", "finish", "generate", "fill", "head", "published", "after_build", "warnings", "web_annotations")


def instrument() -> tuple[dict[str, float], dict[str, float]]:
    """Wraps the public methods of annoreader's Build and every unit's steps (named like "Build.weave" and
    "glossary.fill"), and some inner steps for the breakdown."""
    import annoreader.core.build as build_module
    from annoreader.core import prose, quotes, records, searchindex, spans, yamlfile
    from annoreader.core.unit import Unit
    from annoreader.csl import cite
    from annoreader.units import UNITS

    calls: dict[str, float] = {}
    total = {"engine_s": 0.0}
    depth = 0

    def enter() -> float:
        nonlocal depth
        depth += 1
        return time.perf_counter()

    def leave(name: str, start: float) -> None:
        nonlocal depth
        elapsed = time.perf_counter() - start
        depth -= 1
        calls[name] = calls.get(name, 0.0) + elapsed
        if depth == 0:  # only the outermost engine calls count in the total: the rest run inside them
            total["engine_s"] += elapsed

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        if inspect.isgeneratorfunction(fn):
            # A unit's generate, quotes or web_annotations does its work as it is iterated: time each step.
            @functools.wraps(fn)
            def steps(*args: Any, **kwargs: Any) -> Iterator[Any]:
                it = fn(*args, **kwargs)
                while True:
                    start = enter()
                    try:
                        item = next(it)
                    except StopIteration:
                        return
                    finally:
                        leave(name, start)
                    yield item

            return steps

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = enter()
            try:
                return fn(*args, **kwargs)
            finally:
                leave(name, start)

        return wrapper

    def wrap_methods(cls: type, label: str, names: tuple[str, ...], base: type | None = None) -> None:
        for name in names:
            fn = getattr(cls, name, None)
            if not inspect.isfunction(fn) or (base is not None and fn is getattr(base, name, None)):
                continue  # a unit that keeps Unit's empty step does nothing there
            setattr(cls, name, timed(f"{label}.{name}", fn))

    wrap_methods(build_module.Build, "Build", BUILD_METHODS)
    # The hook also calls the engine's search index rewrite itself, once the theme has written its index.
    searchindex.rewrite = timed("searchindex.rewrite", searchindex.rewrite)  # type: ignore[assignment]
    for unit in UNITS:
        wrap_methods(unit, unit.name, UNIT_METHODS, Unit)
    # Inner steps, for the breakdown only (they run inside the calls above); skipped if the engine renames them.
    wrap_methods(prose.Prose, "Prose", ("__init__",))
    wrap_methods(quotes.QuoteIndex, "QuoteIndex", ("__init__", "find"))
    inner: tuple[tuple[ModuleType, str], ...] = (
        (yamlfile, "parse_yaml"),
        (records, "load_file"),
        (cite, "formatted"),
        (quotes, "explain"),
        (spans, "plan"),
        (spans, "write"),
    )
    modules = [m for n, m in sys.modules.items() if n == "annoreader" or n.startswith("annoreader.")]
    for module, name in inner:
        fn = getattr(module, name, None)
        if not callable(fn):
            continue
        wrapper = timed(f"{module.__name__.removeprefix('annoreader.').removeprefix('core.')}.{name}", fn)
        # Modules that imported the function by name hold it too: replace it there as well.
        for other in modules:
            if getattr(other, name, None) is fn:
                setattr(other, name, wrapper)
    return calls, total


def per_page() -> dict[str, float]:
    """Times MkDocs' own per-page steps (render with on_page_content, then template with on_post_page, search
    indexing and writing), split into the generated glossary page, the generated references page and the rest,
    to see where the hook's extra markup costs."""
    from annoreader.units.glossary.unit import GlossaryUnit
    from annoreader.units.notes.unit import NotesUnit
    from mkdocs.commands import build

    # The pages' default paths (glossary.md, references.md), which the real site and the synthetic book keep.
    kinds = {spec.path: spec.key for unit in (GlossaryUnit, NotesUnit) for spec in unit.pages if spec.key in ("glossary", "references")}
    pages: dict[str, float] = {}

    def timed(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(page: Any, *args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(page, *args, **kwargs)
            finally:
                kind = kinds.get(page.file.src_uri, "other")
                pages[kind] = pages.get(kind, 0.0) + time.perf_counter() - start

        return wrapper

    build._populate_page = timed(build._populate_page)  # type: ignore[attr-defined]
    build._build_page = timed(build._build_page)  # type: ignore[attr-defined]
    return pages


def timed_build(config_file: str, site_dir: str) -> float:
    """Seconds of `load_config` + `build`, as `mkdocs build` runs them (MkDocs imported before)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    start = time.perf_counter()
    config = load_config(config_file=config_file, site_dir=site_dir)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    elapsed = time.perf_counter() - start
    config.plugins.on_shutdown()
    return elapsed


def main(config_file: str, site_dir: str) -> None:
    calls, total = instrument()
    pages = per_page()
    elapsed = timed_build(config_file, site_dir)
    print(json.dumps({"build_s": elapsed, **total, "calls": calls, "pages": pages}))


if __name__ == "__main__":
    main(*sys.argv[1:])
