"""The edit loop: how long after saving an annotation or a page `mkdocs serve` shows the change (watcher included)."""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import builds

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 5
# The pause after an edit shows, before the next save: a second, and a random part of the watcher's half-second poll
# (MkDocs polls the files every 0.5 s). A fixed pause locks every save to one point of the poll's cycle, so that all
# of them wait alike, either next to nothing or the whole half second, as the build's length happens to fall; an
# author's saves fall anywhere in it. Seeded: the same points in every run.
PAUSE_S = (1.0, 1.5)
SEED = 14
TIMEOUT_S = 120


def essay_copy(folder: Path) -> Path:
    """The real site's sources, copied so the benchmark can edit them."""
    for name in ("docs", "annotations", "hooks"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _glossary_edit(project: Path, token: str) -> str:
    """A glossary definition changed; returns the page that shows it."""
    path = project / "annotations" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(\n\s+definition: )(?:Edited \w+\. )?", rf"\1Edited {token}. ", text, count=1)
    path.write_text(text, encoding="utf-8")
    return "glossary/"


def _prose_edit(project: Path, token: str) -> str:
    """One section page's prose changed (its last paragraph gets a sentence); returns that page."""
    page = next(p for p in sorted((project / "docs").glob("*.md")) if "essay_section: true" in p.read_text(encoding="utf-8")[:200])
    text = re.sub(r" Edited \w+\.\n*$", "", page.read_text(encoding="utf-8").rstrip("\n"))
    page.write_text(f"{text} Edited {token}.\n", encoding="utf-8")
    return page.stem + "/"


EDITS: dict[str, Callable[[Path, str], str]] = {"glossary definition": _glossary_edit, "a page's prose": _prose_edit}


def _memory_mib(pid: int) -> dict[str, float] | None:
    """The process's resident memory now and at its peak (Linux's /proc; None elsewhere)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return None
    found = dict(re.findall(r"^(VmRSS|VmHWM):\s+(\d+) kB", status, re.M))
    return {"now": int(found["VmRSS"]) / 1024, "peak": int(found["VmHWM"]) / 1024} if len(found) == 2 else None


def measure(project: Path, python: str = sys.executable, edits: tuple[str, ...] = tuple(EDITS), memory: dict[str, Any] | None = None) -> dict[str, Any]:
    """Seconds from each save to the served page showing it, ROUNDS times per kind of edit, with medians; `memory`,
    if given, receives the server's memory after its first build and after the last edit (a second later, idle)."""
    port = _port()
    log = (project / "serve.log").open("w")
    server = subprocess.Popen(
        [python, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--livereload"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT, env=builds.ENV,
        # Ctrl-C reaches it even when the benchmark was started in the background, which ignores SIGINT for its
        # children: it is stopped as an author stops it, so that it removes its temporary folders.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + TIMEOUT_S
        while "Serving on" not in (project / "serve.log").read_text(encoding="utf-8"):
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("mkdocs serve did not start:\n" + (project / "serve.log").read_text(encoding="utf-8"))
            time.sleep(0.1)
        first = _memory_mib(server.pid)
        pause = random.Random(SEED)
        results: dict[str, Any] = {}
        for name in edits:
            edit = EDITS[name]
            runs = []
            for n in range(ROUNDS):
                token = f"{name.split()[0]}{n}x{port}"
                start = time.perf_counter()
                page = edit(project, token)
                while token not in _get(base + page):
                    if time.perf_counter() - start > TIMEOUT_S:
                        raise RuntimeError(f"the edit {name!r} never showed on {page}")
                    time.sleep(0.02)
                runs.append(time.perf_counter() - start)
                time.sleep(pause.uniform(*PAUSE_S))
            results[name] = {"runs_s": runs, "median_s": statistics.median(runs)}
        if memory is not None and first is not None:
            memory.update(first_build_mib=first["now"], edits=ROUNDS * len(edits), **{f"after_edits_{k}_mib": v for k, v in (_memory_mib(server.pid) or {}).items()})
        return results
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C: serve and the hook remove what they keep in the temporary folder
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=20)
        log.close()
