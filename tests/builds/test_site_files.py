"""The engine writes its downloads itself: under `mkdocs serve`, one that did not change is not made again."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.builds.tinysite import ESSAY, NOTES, WORKS, write_site
from tests.conftest import ENV

# Two builds as `mkdocs serve` makes them, in one process: the second links the copy the first one made.
_SERVED_TWICE = """
import os, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

seen = []
for n in range(2):
    config = load_config(sys.argv[1], site_dir=sys.argv[2], strict=True)
    if n == 0:
        config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    info = os.stat(os.path.join(sys.argv[2], "references", "smith-2010.bib"))
    seen.append((info.st_ino, info.st_nlink))
config.plugins.on_shutdown()
info = os.stat(os.path.join(sys.argv[2], "references", "smith-2010.bib"))
seen.append((info.st_ino, info.st_nlink))
print(seen)
"""


def test_under_serve_a_download_that_did_not_change_is_not_made_again(tmp_path: Path) -> None:
    project = write_site(tmp_path / "project", annotations={"notes.yml": NOTES, "works.yml": WORKS, "essay.yml": ESSAY})
    site = tmp_path / "site"
    done = subprocess.run([sys.executable, "-c", _SERVED_TWICE, str(project / "mkdocs.yml"), str(site)], cwd=project, env=ENV, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    (first, links), (second, links_then), (last, links_after) = eval(done.stdout.strip())  # noqa: S307 - our own output
    # One file, in the site and the run's store (and the bibliography, which here holds the same one work); the
    # store is gone once the run ends, and the site keeps the file.
    assert first == second == last and links == links_then >= 2 and links_after == links - 1
    assert "smith-2010" in (site / "references" / "smith-2010.bib").read_text(encoding="utf-8")
