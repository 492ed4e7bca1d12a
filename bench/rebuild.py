"""Run by run.py in a fresh process: `mkdocs serve`'s rebuild after an edit, timed in-process, the engine's calls apart.

Usage: rebuild.py PROJECT EDIT ("glossary definition" or "a page's prose"). Builds once as serve does, then saves
the edit and rebuilds, ROUNDS times; prints JSON: the median rebuild (load_config + build, as serve's builder runs
them), the median of the engine's calls in it, and of MkDocs writing the site's files (each round's too: it varies). What is left is MkDocs' and the theme's, which a served edit
waits for whatever the engine does.
"""

from __future__ import annotations

import json
import logging
import os
import statistics
import sys
import time
from pathlib import Path

import inproc
import serve

ROUNDS = 5


def files_timer() -> dict[str, float]:
    """Times MkDocs writing the site's files (File.copy_file: the theme's assets, the pages' images): serve empties
    the site folder before each build, so every file is made again. The engine writes its own downloads (through its
    store under serve: annoreader.core.sitefiles), which counts among its calls. A bench-only wrap of MkDocs' code."""
    from mkdocs.structure.files import File

    spent = {"files_s": 0.0, "files": 0}
    copy = File.copy_file

    def timed(self: File, dirty: bool = False) -> None:
        start = time.perf_counter()
        copy(self, dirty)
        spent["files_s"] += time.perf_counter() - start
        spent["files"] += 1

    File.copy_file = timed  # type: ignore[method-assign]
    return spent


def main(project: str, edit: str) -> None:
    folder = Path(project).resolve()
    calls, total = inproc.instrument()
    spent = files_timer()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.chdir(folder)
    site = folder / "rebuild-site"
    config = load_config(site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)  # the hook keeps what serve may reuse between builds
    build(config)
    rebuilds, engine, files = [], [], []
    for n in range(ROUNDS):
        serve.EDITS[edit](folder, f"rebuild{n}")
        calls.clear()
        total["engine_s"] = 0.0
        spent.update(files_s=0.0, files=0)
        start = time.perf_counter()
        config = load_config(site_dir=str(site))
        build(config)
        rebuilds.append(time.perf_counter() - start)
        engine.append(total["engine_s"])
        files.append(spent["files_s"])
    config.plugins.on_shutdown()
    print(json.dumps({
        "rebuild_s": statistics.median(rebuilds), "engine_s": statistics.median(engine), "rounds": ROUNDS,
        "files_s": statistics.median(files), "files_runs_s": files, "files": spent["files"],
    }))


if __name__ == "__main__":
    main(*sys.argv[1:])
