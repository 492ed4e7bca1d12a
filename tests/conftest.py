"""Shared fixtures: the real site built once, and a helper that builds small sites in a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
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
    done = subprocess.run(cmd, cwd=project, env=ENV, capture_output=True, text=True, timeout=300)
    return BuildResult(done.returncode, done.stdout + done.stderr, site)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The project's own site, built strictly once for the whole run."""
    result = mkdocs_build(ROOT, tmp_path_factory.mktemp("real") / "site")
    assert result.returncode == 0, result.output
    return result
