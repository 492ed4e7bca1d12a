"""Writing the engine's files into the built site: all of them, or a problem naming each that could not be; under
`mkdocs serve`, each text made once and linked into every build."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annoreader.core.sitefiles import Store, write

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


def _store_files(store: Store) -> list[Path]:
    folder = store._folder
    return sorted(folder.iterdir()) if folder is not None else []


def test_the_store_links_one_copy_of_each_text_into_every_build(tmp_path: Path) -> None:
    store = Store()
    try:
        for build in ("one", "two"):
            assert write(tmp_path / build, {"a.bib": "@book{a}", "sub/b.ris": "TY  - BOOK"}, store) == []
        for name in ("a.bib", "sub/b.ris"):
            first, second = (tmp_path / "one" / name).stat(), (tmp_path / "two" / name).stat()
            assert first.st_ino == second.st_ino and first.st_nlink == 3  # both sites and the store: one file made
        assert (tmp_path / "two" / "a.bib").read_text(encoding="utf-8") == "@book{a}"
        assert len(_store_files(store)) == 2
    finally:
        store.close()
    assert store._folder is None and (tmp_path / "two" / "a.bib").read_text(encoding="utf-8") == "@book{a}"


def test_the_store_keeps_only_what_the_last_build_used(tmp_path: Path) -> None:
    store = Store()
    try:
        write(tmp_path / "one", {"a.bib": "@book{a}", "b.bib": "@book{b}"}, store)
        write(tmp_path / "two", {"a.bib": "@book{a, edited}"}, store)
        assert [p.read_text(encoding="utf-8") for p in _store_files(store)] == ["@book{a, edited}"]
        assert (tmp_path / "one" / "b.bib").read_text(encoding="utf-8") == "@book{b}"  # the old site keeps its file
    finally:
        store.close()


def test_a_copy_changed_through_the_site_is_made_again(tmp_path: Path) -> None:
    store = Store()
    try:
        write(tmp_path / "one", {"a.bib": "@book{a}"}, store)
        with (tmp_path / "one" / "a.bib").open("r+", encoding="utf-8") as handle:  # something wrote into the site
            handle.write("@evil")
        write(tmp_path / "two", {"a.bib": "@book{a}"}, store)
        assert (tmp_path / "two" / "a.bib").read_text(encoding="utf-8") == "@book{a}"
    finally:
        store.close()


def test_a_file_left_by_the_last_build_is_replaced_not_written_through(tmp_path: Path) -> None:
    """`mkdocs serve --dirty` does not empty the site folder: the new text must not reach the last build's copy."""
    store, site = Store(), tmp_path / "site"
    try:
        write(site, {"a.bib": "@book{a}"}, store)
        write(tmp_path / "other", {"a.bib": "@book{a}"}, store)  # a second link to the first text's copy
        write(site, {"a.bib": "@book{a, edited}"}, store)
        assert (site / "a.bib").read_text(encoding="utf-8") == "@book{a, edited}"
        assert (tmp_path / "other" / "a.bib").read_text(encoding="utf-8") == "@book{a}"
    finally:
        store.close()


def test_where_links_cannot_be_made_files_are_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(source: object, target: object) -> None:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", no_links)
    store = Store()
    try:
        assert write(tmp_path / "site", {"a.bib": "@book{a}", "b.bib": "@book{b}"}, store) == []
        assert not store.linking
        assert [(tmp_path / "site" / n).read_text(encoding="utf-8") for n in ("a.bib", "b.bib")] == ["@book{a}", "@book{b}"]
    finally:
        store.close()


def test_only_a_served_run_keeps_a_store_and_its_end_removes_it(tmp_path: Path) -> None:
    from annoreader.core.session import Session

    session = Session(())
    session.start("build")
    assert session.store is None
    session.start("serve")
    assert session.store is not None
    write(tmp_path, {"a.bib": "@book{a}"}, session.store)
    folder = session.store._folder
    assert folder is not None and folder.is_dir()
    session.stop()
    assert not folder.exists()


def test_a_store_never_closed_is_removed_all_the_same(tmp_path: Path) -> None:
    """A build run in-process under `serve` without the shutdown event, or a serve whose start failed."""
    import gc

    store = Store()
    write(tmp_path, {"a.bib": "@book{a}"}, store)
    folder = store._folder
    assert folder is not None and folder.is_dir()
    del store
    gc.collect()
    assert not folder.exists() and (tmp_path / "a.bib").read_text(encoding="utf-8") == "@book{a}"
