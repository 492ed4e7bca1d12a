"""linkchecker, run over HTTP against a served site: the gate on the real site and the checks of test sites use it.

Over HTTP, not file://: linkchecker cannot check anchors on directory URLs (`introduction/#p4`) from files. External
links (the glossary's sources) are only syntax-checked (`checkextern=0`): the tests have no network.

linkchecker drops root's privileges to user `nobody`, so its configuration goes in a world-readable folder, and its
report comes back through a pipe (XML: in its CSV a same-page link such as `#p4` starts a line like a comment does).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# The test server sends a `LinkChecker` header, which lets linkchecker go faster than its default for other
# hosts; maxrequestspersecond sets how much faster.
CONFIG = """\
[checking]
maxrequestspersecond=200

[filtering]
checkextern=0

[AnchorCheck]
"""

# A start URL whose anchor does not exist: linkchecker must report it, which proves that anchors are checked in this
# very run. It is the only problem the gate expects.
SELF_CHECK = "#rdr-gate-self-check-no-such-anchor"


@dataclass(frozen=True)
class Checked:
    url: str  # as written in the page
    real: str  # absolute
    parent: str
    line: str
    result: str
    valid: bool
    warnings: tuple[str, ...]

    def __str__(self) -> str:
        where = f"{self.parent}, line {self.line}" if self.parent else "start URL"
        # an anchor warning goes on to list every id of the page: too long to read
        warnings = " ".join(w.split(" Available anchors:")[0] for w in self.warnings)
        return f"{self.real} (written {self.url!r} in {where}): {self.result} {warnings}".rstrip()


def linkchecker() -> str:
    exe = Path(sys.executable).parent / "linkchecker"
    if not exe.exists():
        pytest.fail("linkchecker is missing from the virtual environment: `make test` installs it (pip, test extras)")
    return str(exe)


@pytest.fixture
def config_dir() -> Iterator[Path]:
    """A folder that user `nobody` can read: pytest's own temporary folders are root's alone."""
    folder = Path(tempfile.mkdtemp(prefix="rdr-linkchecker-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def crawl(site_url: str, config_dir: Path) -> list[Checked]:
    config = config_dir / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    config.chmod(0o644)
    # The home page crawls every linked page; the sitemap and the 404 page add what no page links to.
    starts = [site_url, site_url + "sitemap.xml", site_url + "404.html", site_url + SELF_CHECK]
    done = subprocess.run(
        [linkchecker(), "--config", str(config), "--no-status", "--verbose", "--output", "xml/utf-8", *starts],
        capture_output=True, text=True, timeout=600, cwd=config_dir, env={**os.environ, "HOME": str(config_dir)},
    )
    # 0: nothing to report, 1: problems found (listed in the report); anything else is linkchecker failing to run.
    assert done.returncode in (0, 1), f"linkchecker failed (exit {done.returncode}):\n{done.stderr[-3000:]}"
    try:
        report = ET.fromstring(done.stdout)
    except ET.ParseError as e:
        pytest.fail(f"linkchecker's report is not XML ({e}):\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    checked = []
    for item in report.iter("urldata"):
        valid = item.find("valid")
        parent = item.find("parent")
        checked.append(Checked(
            url=item.findtext("url", ""),
            real=item.findtext("realurl", "") or item.findtext("url", ""),
            parent=(parent.text or "") if parent is not None else "",
            line=parent.get("line", "?") if parent is not None else "",
            result=valid.get("result", "") if valid is not None else "",
            valid=valid is not None and valid.text == "1",
            warnings=tuple(w.text or "" for w in item.iterfind("warnings/warning")),
        ))
    return checked


# An assignment link (#p4-p7, #p1,p3-p5) names paragraphs that the script highlights; no element has that id.
ASSIGNMENT = re.compile(r"#(p\d+(?:-p\d+)?(?:,p\d+(?:-p\d+)?)*)$")


def is_assignment_link(checked: Checked) -> bool:
    """True if the link is an assignment link whose every named paragraph is on the target page."""
    match = ASSIGNMENT.search(checked.real)
    if not match or checked.result != "200 OK" or len(checked.warnings) != 1:
        return False
    available = set(re.findall(r"`([^']+)'", checked.warnings[0].split("Available anchors:", 1)[-1]))
    named = set(re.findall(r"p\d+", match.group(1)))
    return "Available anchors:" in checked.warnings[0] and named <= available




def broken(checked: list[Checked], site_url: str) -> list[Checked]:
    """What linkchecker found wrong, but for the planted bad anchor and assignment links that are right."""
    problems = [c for c in checked if not c.valid or c.warnings]
    return [p for p in problems if p.real != site_url + SELF_CHECK and not is_assignment_link(p)]
