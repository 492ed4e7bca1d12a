"""The authoring loop: `mkdocs serve` rebuilds when an annotation file changes, and a broken file prints its
message while the site stays served with the last annotations that loaded."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.builds.tinysite import ASSIGNMENTS, ESSAY, FIGURES, GLOSSARY, NOTES, QUESTIONS, WORKS, write_site
from tests.conftest import ENV


class Server:
    def __init__(self, project: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.log = project / "serve.log"
        self._out = self.log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{self.port}"],
            cwd=project, env=ENV, stdout=self._out, stderr=subprocess.STDOUT,
            # Ctrl-C reaches it even when this run was started in the background, which ignores SIGINT for its
            # children: `stop` relies on it.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def wait_for(self, condition: Callable[[], bool], what: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            if self.process.poll() is not None:
                pytest.fail(f"mkdocs serve stopped while waiting for {what}:\n{self.output()}")
            time.sleep(0.2)
        pytest.fail(f"timed out waiting for {what}:\n{self.output()}")

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=10) as response:
            assert response.status == 200
            return response.read().decode("utf-8")

    def stop(self) -> None:
        # As Ctrl-C stops it, so that serve and the hook remove what they keep in the temporary folder.
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self._out.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Server, Path]]:
    project = write_site(tmp_path / "project")
    server = Server(project)
    try:
        server.wait_for(lambda: "Serving on" in server.output(), "the first build")
        yield server, project
    finally:
        server.stop()


def test_an_annotation_change_rebuilds_and_a_broken_file_keeps_the_last_good_site(served) -> None:
    server, project = served
    glossary = project / "annotations" / "glossary.yml"
    assert "Preventing an attack" in server.get("glossary/")

    # Waits are on what the server shows, not on counting rebuilds: one save can fire several.
    glossary.write_text(GLOSSARY.replace("Preventing an attack", "Stopping an attack"), encoding="utf-8")
    server.wait_for(lambda: "Stopping an attack" in server.get("glossary/"), "the edit to show")

    glossary.write_text(GLOSSARY.replace("    definition: Preventing", "    defintion: Preventing"), encoding="utf-8")
    message = "annotations/glossary.yml:21: term \"deterrence\": unknown key 'defintion'; did you mean 'definition'?"
    server.wait_for(lambda: message in server.output(), "the error message")
    assert "The site keeps the last annotations that loaded until the file is fixed." in server.output()
    assert "Traceback" not in server.output()

    # Still served with the annotations that last loaded, and prose edits still come through.
    two = project / "docs" / "two.md"
    two.write_text(two.read_text(encoding="utf-8") + "\nA new paragraph about deterrence.\n", encoding="utf-8")
    server.wait_for(lambda: "A new paragraph about " in server.get("two/"), "the prose edit to show")
    assert 'A new paragraph about <span class="rdr-term rdr-term--quiet" data-rdr-term="deterrence">' in server.get("two/")
    assert "Stopping an attack" in server.get("glossary/")

    glossary.write_text(GLOSSARY, encoding="utf-8")
    server.wait_for(lambda: "Preventing an attack" in server.get("glossary/"), "the fix to show")


def _without_livereload(page: bytes) -> bytes:
    """A served page as built: `mkdocs serve` adds its reload script right before </body>."""
    end = page.rfind(b"</body>")
    start = page.rfind(b"<script>", 0, end)
    return page[:start] + page[end:] if end >= 0 and start >= 0 and b"livereload" in page[start:end] else page


def test_the_served_site_after_edits_equals_a_clean_build_of_the_edited_tree(served, tmp_path: Path) -> None:
    """Serve reuses what did not change (the annotations, when only a page changed); what it serves must still be
    what a clean build of the same files makes, file for file."""
    server, project = served
    two = project / "docs" / "two.md"
    two.write_text(two.read_text(encoding="utf-8") + "\nA new paragraph about deterrence.\n", encoding="utf-8")
    server.wait_for(lambda: "A new paragraph about " in server.get("two/"), "the prose edit to show")
    glossary = project / "annotations" / "glossary.yml"
    glossary.write_text(GLOSSARY.replace("Preventing an attack", "Stopping an attack"), encoding="utf-8")
    server.wait_for(lambda: "Stopping an attack" in server.get("glossary/"), "the annotation edit to show")
    two.write_text(two.read_text(encoding="utf-8") + "\nAnd one more.\n", encoding="utf-8")
    server.wait_for(lambda: "And one more." in server.get("two/"), "the second prose edit to show")

    assert_served_equals_clean_build(server, project, tmp_path / "clean-site")


def assert_served_equals_clean_build(server: Server, project: Path, site: Path) -> None:
    """Every file of a clean build of the project's files as they are now is served byte for byte."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    clean_config = project / "clean.yml"
    clean_config.write_text(config.replace("site_url: http://127.0.0.1/", f"site_url: http://127.0.0.1:{server.port}/"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(clean_config), "-d", str(site)], cwd=project, env=ENV, capture_output=True, text=True)
    clean_config.unlink()  # not a source: the server would otherwise watch a file beside the config
    assert result.returncode == 0, result.stdout + result.stderr
    files = [f for f in site.rglob("*") if f.is_file() and f.suffix != ".gz"]  # gzip headers hold the time
    assert len(files) > 20
    for file in files:
        path = file.relative_to(site).as_posix()
        with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/{path}", timeout=10) as response:
            served_bytes = response.read()
        assert _without_livereload(served_bytes) == file.read_bytes(), path


# An edit to each kind of annotation file: (file, old text, new text, page that shows it, what shows there).
EDITS = [
    ("notes.yml", "Commentary only.", "Commentary, edited.", "two/", "Commentary, edited."),
    ("works.yml", "title: A Book on Defense", "title: A Book on Offense", "references/", "A Book on Offense"),
    ("essay.yml", "title: An Essay", "title: An Edited Essay", "one/", "An Edited Essay"),
    ("figures.yml", "caption: A caption.", "caption: A new caption.", "one/", "A new caption."),
    ("questions.yml", "Why does deterrence matter here?", "Why does deterrence matter now?", "two/", "matter now?"),
    ("assignments.yml", "title: \"Week 1: THAAD\"", "title: \"Week 1: Deterrence\"", "assignments/week-one/", "Week 1: Deterrence"),
    ("glossary.yml", "A long story.", "A longer story.", "glossary/", "A longer story."),
]


def test_the_served_site_equals_a_clean_build_after_an_edit_to_any_kind_of_annotation(tmp_path: Path) -> None:
    """What serve reuses between builds is keyed by what each part shows; an edit to any annotation file must
    reach every file that shows it, as a clean build would make it."""
    annotations = {"notes.yml": NOTES, "works.yml": WORKS, "essay.yml": ESSAY, "figures.yml": FIGURES, "questions.yml": QUESTIONS, "assignments.yml": ASSIGNMENTS}
    project = write_site(tmp_path / "project", annotations=annotations)
    kept_before = set(Path(tempfile.gettempdir()).glob("annoreader-files-*"))
    server = Server(project)
    try:
        server.wait_for(lambda: "Serving on" in server.output(), "the first build")
        for n, (name, old, new, page, shown) in enumerate(EDITS):
            path = project / "annotations" / name
            text = path.read_text(encoding="utf-8")
            assert old in text, (name, old)
            assert shown not in server.get(page), (name, page)
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
            server.wait_for(lambda: shown in server.get(page), f"the edit to {name} to show")
            assert_served_equals_clean_build(server, project, tmp_path / f"clean-{n}")
        assert set(Path(tempfile.gettempdir()).glob("annoreader-files-*")) - kept_before, "serve kept its downloads in a folder"
    finally:
        server.stop()
    # Stopped as Ctrl-C stops it, serve removes the folder where it kept the downloads.
    assert not set(Path(tempfile.gettempdir()).glob("annoreader-files-*")) - kept_before
