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


# A second build in a new process, counting the templates Jinja compiles rather than loads compiled.
_COMPILES = """
import sys
import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config

compiled = []
compile = jinja2.Environment.compile
def counted(self, source, name=None, filename=None, *args, **kwargs):
    compiled.append(name)
    return compile(self, source, name, filename, *args, **kwargs)
jinja2.Environment.compile = counted
build(load_config(sys.argv[1], site_dir=sys.argv[2], strict=True))
print(sorted(n for n in compiled if n))
"""


def test_the_themes_templates_are_compiled_once_not_in_every_build(tmp_path: Path) -> None:
    """MkDocs makes a new template environment for every build (and for serve's every rebuild); the hook gives it the
    engine's cache of compiled templates, so that the theme's are not compiled again each time."""
    project = write_site(tmp_path / "project", annotations={"notes.yml": NOTES, "works.yml": WORKS, "essay.yml": ESSAY})
    runs = [
        subprocess.run([sys.executable, "-c", _COMPILES, str(project / "mkdocs.yml"), str(tmp_path / f"site-{n}")], cwd=project, env=ENV, capture_output=True, text=True, timeout=300)
        for n in range(2)
    ]
    assert all(r.returncode == 0 for r in runs), [r.stdout + r.stderr for r in runs]
    second = eval(runs[1].stdout.strip().splitlines()[-1])  # noqa: S307 - our own output
    # The page templates, loaded compiled (a few partials that the theme reads before the hook's turn still are not).
    assert not {"main.html", "base.html", "404.html", "partials/header.html", "partials/footer.html"} & set(second), second
    assert (tmp_path / "site-1" / "index.html").read_bytes() == (tmp_path / "site-0" / "index.html").read_bytes()
