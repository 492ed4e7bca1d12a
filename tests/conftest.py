"""Shared fixtures: the real site built once, and a helper that builds small sites in a temporary folder."""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str
    site: Path

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def mkdocs_build(project: Path, site: Path, strict: bool = True) -> BuildResult:
    cmd = [*MKDOCS, "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)] + (["--strict"] if strict else [])
    return _run(cmd, project, site)


# The command line cannot set site_url, which Material's instant navigation compares with the page's port.
_BUILD_AT = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
build(load_config(sys.argv[1], site_url=sys.argv[2], site_dir=sys.argv[3], strict=True))
"""


def mkdocs_build_at(project: Path, site: Path, site_url: str) -> BuildResult:
    """A strict build of `project` as if published at `site_url`."""
    cmd = [sys.executable, "-c", _BUILD_AT, str(project / "mkdocs.yml"), site_url, str(site)]
    return _run(cmd, project, site)


def _run(cmd: list[str], project: Path, site: Path) -> BuildResult:
    done = subprocess.run(cmd, cwd=project, env=ENV, capture_output=True, text=True, timeout=300)
    return BuildResult(done.returncode, done.stdout + done.stderr, site)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The project's own site, built strictly once for the whole run."""
    result = mkdocs_build(ROOT, tmp_path_factory.mktemp("real") / "site")
    assert result.returncode == 0, result.output
    return result


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def end_headers(self) -> None:
        # Tells linkchecker this server is ours to check at full speed (it throttles other hosts).
        self.send_header("LinkChecker", "allowed")
        super().end_headers()


@contextlib.contextmanager
def server(folder: Path) -> Iterator[tuple[ThreadingHTTPServer, str]]:
    """A server of `folder` on 127.0.0.1 (a free port), and its address."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(autouse=True)
def _collector_rhythm() -> Iterator[None]:
    """Engine tests begin builds without the hook that ends them: the garbage collector's rhythm, which a
    session changes while a build runs, is the same after every test as before it."""
    threshold = gc.get_threshold()
    yield
    gc.set_threshold(*threshold)
