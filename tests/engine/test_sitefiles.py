"""Writing the engine's files into the built site: all of them or a problem naming each that could not be, on the
build's thread or a second one."""

from __future__ import annotations

from pathlib import Path

import pytest

from annoreader.core.sitefiles import Writing, write

IN_THE_WAY = "cannot be written: another file of the site is in the way (a folder of this name, or a file where a folder goes); rename that one"


def test_files_are_written_whole_or_from_their_pieces_with_their_folders(tmp_path: Path) -> None:
    assert write(tmp_path, {"a.txt": "één", "data/deep/b.json": ["{", '"x": 1', "}"]}) == []
    assert (tmp_path / "a.txt").read_bytes() == "één".encode("utf-8")
    assert (tmp_path / "data" / "deep" / "b.json").read_text(encoding="utf-8") == '{"x": 1}'


def test_a_file_that_cannot_be_written_is_named_and_the_others_are_written(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file where a folder goes", encoding="utf-8")
    (tmp_path / "taken.bib").mkdir()
    problems = write(tmp_path, {"data/x.json": "{}", "taken.bib": "@book{}", "fine.ris": "TY  - BOOK"})
    assert [(p.file, p.line, p.message) for p in problems] == [
        (str(tmp_path / "data" / "x.json"), 0, IN_THE_WAY),
        (str(tmp_path / "taken.bib"), 0, IN_THE_WAY),
    ]
    assert (tmp_path / "fine.ris").read_text(encoding="utf-8") == "TY  - BOOK"


def test_a_second_thread_has_written_every_file_when_wait_returns(tmp_path: Path) -> None:
    files = {f"references/work-{n}.bib": f"@book{{work-{n}}}\n" for n in range(300)}
    writing = Writing(tmp_path, files)
    assert writing.wait() == []
    assert {f"references/{p.name}": p.read_text(encoding="utf-8") for p in (tmp_path / "references").iterdir()} == files


def test_its_problems_are_reported_once(tmp_path: Path) -> None:
    (tmp_path / "references").write_text("in the way", encoding="utf-8")
    writing = Writing(tmp_path, {"references/a.bib": "@book{a}"})
    assert [p.message for p in writing.wait()] == [IN_THE_WAY]
    assert writing.wait() == []


def test_anything_else_that_goes_wrong_on_the_second_thread_is_raised_by_wait(tmp_path: Path) -> None:
    writing = Writing(tmp_path, {"a.txt": 42})  # type: ignore[dict-item]  # not text: a bug, not a disk problem
    with pytest.raises(TypeError):
        writing.wait()
    assert writing.wait() == []


def test_a_build_that_ends_however_it_ends_leaves_no_file_being_written(tmp_path: Path) -> None:
    """Under `mkdocs serve` the next build empties the site folder: a build that failed must not still be writing."""
    from annoreader.core.session import Session

    class Failed:
        waited = False

        def downloads_written(self) -> list[object]:
            self.waited = True
            raise OSError("the build failed anyway")

    session, build = Session(()), Failed()
    session.current = build  # type: ignore[assignment]
    session.end()
    assert build.waited
