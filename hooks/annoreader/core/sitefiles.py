"""Writes the files the engine adds to the built site: its downloads while MkDocs renders the pages, its exports after."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

from .problems import Problem

Text = str | Sequence[str]  # a file's text, whole or in the pieces it was made of (a large export is never joined)


def write(folder: Path, files: Mapping[str, Text]) -> list[Problem]:
    """Writes each file at its path under `folder`, as UTF-8, making folders as needed. A file that cannot be
    written is a problem that names it; the others are written all the same."""
    problems = []
    for path, text in files.items():
        target = folder / path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("w", encoding="utf-8") as out:
                out.writelines([text] if isinstance(text, str) else text)
        except OSError as err:
            problems.append(Problem(str(target), 0, _why(err)))
    return problems


def _why(err: OSError) -> str:
    if isinstance(err, (FileExistsError, IsADirectoryError, NotADirectoryError)):
        return "cannot be written: another file of the site is in the way (a folder of this name, or a file where a folder goes); rename that one"
    return f"cannot be written ({err.strerror or err}); check that the disk has room and that the site folder can be written"


class Writing:
    """`write` on a second thread, begun as soon as the files are known. On some systems making a file costs up to a
    millisecond however little it holds, and a book has a download per work and format: hundreds of files. The
    system's work does not hold Python's lock, so it runs on another core while the first thread renders the pages."""

    def __init__(self, folder: Path, files: Mapping[str, Text]) -> None:
        self._problems: list[Problem] = []
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(folder, dict(files)), name="annoreader-files", daemon=True)
        self._thread.start()

    def _run(self, folder: Path, files: Mapping[str, Text]) -> None:
        try:
            self._problems = write(folder, files)
        except BaseException as err:  # handed to the build's thread by `wait`, not printed and forgotten here
            self._error = err

    def wait(self) -> list[Problem]:
        """Returns once every file is written: the problems, reported once (waiting again returns none). Anything
        else that went wrong is raised here, in the build's thread."""
        self._thread.join()
        problems, self._problems = self._problems, []
        error, self._error = self._error, None
        if error is not None:
            raise error
        return problems
