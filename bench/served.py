"""The site built into a temporary folder and served on 127.0.0.1, for the scripts that look at it in a browser."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def chromium() -> str:
    """Debian's Chromium, or the one CHROMIUM_PATH names."""
    for found in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/lib/chromium/chromium"):
        if found and Path(found).exists():
            return found
    sys.exit("Chromium is missing: apt-get install chromium, or set CHROMIUM_PATH")


@contextmanager
def served_site() -> Iterator[str]:
    """The address of the freshly built site (`mkdocs build --strict`), served until the block ends."""
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
