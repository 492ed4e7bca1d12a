"""Run by run.py in a fresh process: `mkdocs serve`'s rebuild after an edit, timed in-process, the engine's calls apart.

Usage: rebuild.py PROJECT EDIT ("glossary definition" or "a page's prose"). Builds once as serve does, then saves
the edit and rebuilds, ROUNDS times; prints JSON: the median rebuild (load_config + build, as serve's builder runs
them) and the median of the engine's calls in it. What is left is MkDocs' and the theme's, which a served edit
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


def main(project: str, edit: str) -> None:
    folder = Path(project).resolve()
    calls, total = inproc.instrument()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.chdir(folder)
    site = folder / "rebuild-site"
    config = load_config(site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)  # the hook keeps what serve may reuse between builds
    build(config)
    rebuilds, engine = [], []
    for n in range(ROUNDS):
        serve.EDITS[edit](folder, f"rebuild{n}")
        calls.clear()
        total["engine_s"] = 0.0
        start = time.perf_counter()
        config = load_config(site_dir=str(site))
        build(config)
        rebuilds.append(time.perf_counter() - start)
        engine.append(total["engine_s"])
    config.plugins.on_shutdown()
    print(json.dumps({"rebuild_s": statistics.median(rebuilds), "engine_s": statistics.median(engine), "rounds": ROUNDS}))


if __name__ == "__main__":
    main(*sys.argv[1:])
