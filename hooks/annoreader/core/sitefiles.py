"""Writes the files the engine adds to the built site (downloads and exports), through a store under `mkdocs serve`."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import weakref
from collections.abc import Mapping, Sequence
from pathlib import Path

from .problems import Problem

Text = str | Sequence[str]  # a file's text, whole or in the pieces it was made of (a large export is never joined)


def write(folder: Path, files: Mapping[str, Text], store: Store | None = None) -> list[Problem]:
    """Writes each file at its path under `folder`, as UTF-8, making folders as needed; whole texts through `store`
    when there is one. A file that cannot be written is a problem that names it; the others are written all the same."""
    problems = []
    for path, text in files.items():
        target = folder / path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if store is not None and isinstance(text, str):
                store.place(target, text.encode("utf-8"))
            else:
                with target.open("w", encoding="utf-8", newline="") as out:
                    out.writelines([text] if isinstance(text, str) else text)
        except OSError as err:
            problems.append(Problem(str(target), 0, _why(err)))
    if store is not None:
        store.forget_unused()
    return problems


def _why(err: OSError) -> str:
    if isinstance(err, (FileExistsError, IsADirectoryError, NotADirectoryError)):
        return "cannot be written: another file of the site is in the way (a folder of this name, or a file where a folder goes); rename that one"
    return f"cannot be written ({err.strerror or err}); check that the disk has room and that the site folder can be written"


class Store:
    """Under `mkdocs serve`, which empties the site folder before every build: each file's bytes kept once, by digest,
    in a private folder, and linked into the site. On some systems making a file costs up to a millisecond however
    little it holds (a link to one that exists, a hundredth of that), and a book has hundreds of downloads, nearly
    all of them the same from one build to the next. Where links cannot be made, files are written as usual."""

    def __init__(self) -> None:
        self._folder: Path | None = None  # made at the first file: a run that never builds leaves nothing behind
        self._kept: dict[str, tuple[int, int]] = {}  # digest -> size and time of the copy as the store wrote it
        self._used: set[str] = set()
        self._remove: weakref.finalize | None = None
        self.linking = True

    def place(self, target: Path, data: bytes) -> None:
        """Makes `target` a file holding `data`."""
        if not self.linking:
            _replace(target, data)
            return
        name = hashlib.blake2b(data, digest_size=16).hexdigest()
        kept = self._copy(name, data)
        self._used.add(name)
        try:
            os.link(kept, target)
        except FileExistsError:
            target.unlink()  # a `--dirty` build keeps the last site: the file is replaced, never written through
            os.link(kept, target)
        except OSError:
            self.linking = False  # another file system, or one without links: every file from now on is written
            _replace(target, data)

    def _copy(self, name: str, data: bytes) -> Path:
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="annoreader-files-"))
            # Removed by `close`, or when the process ends without it (a build run in-process, serve's start failing).
            self._remove = weakref.finalize(self, shutil.rmtree, self._folder, ignore_errors=True)
        kept = self._folder / name
        # Checked, not trusted: something that wrote into the served site may have written through a link.
        stamp = self._kept.get(name)
        if stamp is None or stamp != _stamp(kept):
            kept.unlink(missing_ok=True)
            kept.write_bytes(data)
            self._kept[name] = _stamp(kept)
        return kept

    def forget_unused(self) -> None:
        """Removes the copies the build that just wrote did not use (the site keeps its links to them)."""
        if self._folder is not None:
            for name in set(self._kept) - self._used:
                (self._folder / name).unlink(missing_ok=True)
                del self._kept[name]
        self._used = set()

    def close(self) -> None:
        """Removes the private folder; the sites built keep their files."""
        if self._remove is not None:
            self._remove()
        self._folder, self._remove, self._kept = None, None, {}


def _replace(target: Path, data: bytes) -> None:
    target.unlink(missing_ok=True)  # a link left by a `--dirty` build: writing through it would change the kept copy
    target.write_bytes(data)


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return info.st_size, info.st_mtime_ns
