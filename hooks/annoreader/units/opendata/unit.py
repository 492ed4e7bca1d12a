"""Open data: every unit's annotations as one W3C Web Annotation collection, measured in the pages as published,
and a Data page that lists every file the units offer for other tools."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable, Sequence
from typing import Any

from ...core.pages import markdown_text
from ...core.problems import Problem
from ...core.site import PageInfo
from ...core.unit import DataFile, Generated, PageSpec, Unit
from .published import PublishedText, published_text
from .webanno import EXPORT_PATH, Export


class OpenDataUnit(Unit):
    name = "opendata"
    pages = (PageSpec("data", "data.md", "the Data page, which lists the files for other tools"),)

    def __init__(self, build: Any, position: int) -> None:
        super().__init__(build, position)
        self._published: dict[str, PublishedText] = {}

    def downloads(self) -> Sequence[DataFile]:
        t = self.build.strings
        example = t("opendata.export.example", site=self.build.urls.absolute(""))
        return (DataFile(EXPORT_PATH, t("opendata.export.title"), t("opendata.export.format"), t("opendata.export.holds"), example),)

    def generate(self) -> Iterable[Generated]:
        # Written again once every page is (after_build): positions are counted in the published pages.
        yield Generated(EXPORT_PATH, "{}\n")
        setting = self.page_setting("data")
        if setting.path is None:
            return
        lines = [markdown_text(self.build.settings.licence), ""] if self.build.settings.licence else []
        folder = posixpath.dirname(setting.path)
        for unit in [self, *(u for u in self.build.units if u is not self)]:  # this unit's own file first
            for file in unit.downloads():
                link = posixpath.relpath(file.path, folder or ".")
                lines += [f"## {markdown_text(file.title)}", "", f"[`{posixpath.basename(file.path)}`]({link}) · {markdown_text(file.format)}", ""]
                lines += [markdown_text(file.holds), "", "```sh", file.example, "```", ""]
        page = self.generated_page("data", lines[:-1])
        yield from [page] if page else []

    def published(self, page: PageInfo, document: str) -> None:
        self._published[page.url] = self.build.reuse(("published", document), lambda: published_text(document))

    def after_build(self) -> tuple[dict[str, str | list[str]], list[Problem]]:
        export = Export(self.build.urls, self._published, self.build.strings.language)
        # Each annotation encoded as it is made (a book's run to tens of thousands, and their dictionaries would
        # take several times the memory of their text), by json.dumps's C encoder (used without indent).
        items = [self._encoded(item) for unit in self.build.units for item in unit.web_annotations(export)]
        label = self.build.strings("opendata.label", title=self.build.text.title)
        empty = json.dumps(export.collection(label, len(items)), ensure_ascii=False)
        # The list is written as json.dumps writes one, items apart, without joining them into one more copy.
        listed = [part for i, item in enumerate(items) for part in ((", ", item) if i else (item,))]
        return {EXPORT_PATH: [empty.removesuffix("[]}}"), "[", *listed, "]}}\n"]}, export.problems

    def _encoded(self, item: dict[str, Any]) -> str:
        # Under serve, the units hand back the very annotations they made last time where nothing they say changed
        # (Build.reuse_if): those are not encoded again. The previous build holds each one, so no other can take
        # its id while the test `is` runs.
        return self.build.reuse(("webanno", id(item)), lambda: (item, json.dumps(item, ensure_ascii=False)), lambda found: found[0] is item)[1]
