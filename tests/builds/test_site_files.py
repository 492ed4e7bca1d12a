"""The engine writes its downloads on a second thread while MkDocs renders the pages: when the build ends they are
all there, and an export written at the end is never replaced by the stand-in that claimed its path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.builds.tinysite import ESSAY, NOTES, WORKS, write_site
from tests.conftest import ENV

# The second thread made slow, as on a busy disk: the build must wait for it, and then write its exports.
_SLOW_BUILD = """
import sys, time
from annoreader.core import sitefiles
from mkdocs.commands.build import build
from mkdocs.config import load_config

run = sitefiles.Writing._run
def slow(self, folder, files):
    time.sleep(1.0)
    run(self, folder, files)
sitefiles.Writing._run = slow
build(load_config(sys.argv[1], site_dir=sys.argv[2], strict=True))
"""


def test_slow_downloads_are_all_written_before_the_build_ends_and_exports_last(tmp_path: Path) -> None:
    project = write_site(tmp_path / "project", annotations={"notes.yml": NOTES, "works.yml": WORKS, "essay.yml": ESSAY})
    site = tmp_path / "site"
    done = subprocess.run([sys.executable, "-c", _SLOW_BUILD, str(project / "mkdocs.yml"), str(site)], cwd=project, env=ENV, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    for ext in ("bib", "ris", "json"):
        assert "smith-2010" in (site / "references" / f"smith-2010.{ext}").read_text(encoding="utf-8")
        assert "smith-2010" in (site / "references" / f"bibliography.{ext}").read_text(encoding="utf-8")
    assert (site / "assets" / "reader.css").stat().st_size > 0 and (site / "data" / "glossary.skos.jsonld").stat().st_size > 0
    export = json.loads((site / "data" / "annotations.jsonld").read_text(encoding="utf-8"))
    assert export["first"]["items"], "the Web Annotation export was replaced by its stand-in"
