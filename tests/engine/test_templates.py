"""Compiled templates are kept between builds (each build is a new process), and an edited template is compiled again."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import FileSystemBytecodeCache

from annoreader.core.build import CORE
from annoreader.core.strings import Strings
from annoreader.core.templates import Templates, _Compiled

STRINGS, _ = Strings.load("en", [("core", CORE / "strings")], {})


class Counting(FileSystemBytecodeCache):
    """Jinja's file cache, counting the templates it had compiled already."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self.hits = 0

    def load_bytecode(self, bucket) -> None:  # type: ignore[no-untyped-def]
        super().load_bytecode(bucket)
        self.hits += bucket.code is not None


def templates(folder: Path, cache: FileSystemBytecodeCache) -> Templates:
    return Templates(STRINGS, [folder], compiled=cache)


def test_a_new_process_uses_the_templates_an_earlier_one_compiled(tmp_path: Path) -> None:
    (tmp_path / "reader").mkdir()
    (tmp_path / "reader" / "demo.html").write_text("{% macro hello(name) %}<b>{{ name }}</b>{% endmacro %}", encoding="utf-8")
    first = Counting(tmp_path / "cache")
    (tmp_path / "cache").mkdir()
    assert templates(tmp_path, first).unit("demo").hello("<x>") == "<b>&lt;x&gt;</b>"
    assert first.hits == 0 and list((tmp_path / "cache").iterdir())
    second = Counting(tmp_path / "cache")
    assert templates(tmp_path, second).unit("demo").hello("<x>") == "<b>&lt;x&gt;</b>"
    assert second.hits == 1


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    (tmp_path / "reader").mkdir()
    (tmp_path / "cache").mkdir()
    page = tmp_path / "reader" / "demo.html"
    page.write_text("{% macro hello(name) %}<b>{{ name }}</b>{% endmacro %}", encoding="utf-8")
    templates(tmp_path, Counting(tmp_path / "cache")).unit("demo")
    page.write_text("{% macro hello(name) %}<i>{{ name }}</i>{% endmacro %}", encoding="utf-8")
    again = Counting(tmp_path / "cache")
    assert templates(tmp_path, again).unit("demo").hello("y") == "<i>y</i>"
    assert again.hits == 0


def test_a_cache_that_cannot_be_written_does_not_stop_the_build(tmp_path: Path) -> None:
    (tmp_path / "reader").mkdir()
    (tmp_path / "reader" / "demo.html").write_text("{% macro hello() %}hi{% endmacro %}", encoding="utf-8")
    cache = _Compiled(str(tmp_path / "gone"))  # a folder that does not exist: writing there fails
    assert templates(tmp_path, cache).unit("demo").hello() == "hi"


def test_without_a_safe_cache_folder_the_templates_are_compiled_every_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    from annoreader.core.templates import compiled_templates

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(blocked))  # the cache's folder cannot be made inside a file
    assert compiled_templates.__wrapped__() is None
    (tmp_path / "reader").mkdir()
    (tmp_path / "reader" / "demo.html").write_text("{% macro hello() %}hi{% endmacro %}", encoding="utf-8")
    uncached = Templates(STRINGS, [tmp_path])
    uncached.env.bytecode_cache = compiled_templates.__wrapped__()
    assert uncached.unit("demo").hello() == "hi"
