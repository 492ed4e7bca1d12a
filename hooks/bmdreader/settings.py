"""The reader's settings, read from `extra.reader` in mkdocs.yml and checked like annotation files."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .linker import LinkMode
from .problems import AnnotationError, Problem

_KEYS = {
    "link_terms": "which occurrences of a term link to its entry: 'first' (first in each section) or 'all'",
    "annotations": "the folder of annotation files, relative to mkdocs.yml",
}


@dataclass(frozen=True)
class Settings:
    link_terms: LinkMode = LinkMode.FIRST
    annotations: str = "annotations"


def read_settings(extra: Mapping[str, object], file: str = "mkdocs.yml") -> Settings:
    raw = extra.get("reader") or {}
    where = "extra.reader"
    if not isinstance(raw, Mapping):
        raise AnnotationError([Problem(file, 0, f"{where} must be a mapping of settings")])
    problems = [
        Problem(file, 0, f"{where}: unknown setting '{key}'; known settings: " + "; ".join(f"{k} ({v})" for k, v in _KEYS.items()))
        for key in raw
        if key not in _KEYS
    ]
    mode = raw.get("link_terms", LinkMode.FIRST.value)
    modes = [m.value for m in LinkMode]
    if mode not in modes:
        problems.append(Problem(file, 0, f"{where}.link_terms must be one of {', '.join(modes)}, not '{mode}'"))
    folder = raw.get("annotations", "annotations")
    if not isinstance(folder, str) or not folder.strip():
        problems.append(Problem(file, 0, f"{where}.annotations must be a folder name"))
    if problems:
        raise AnnotationError(problems)
    return Settings(LinkMode(mode), folder)
