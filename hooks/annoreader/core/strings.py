"""The words a reader sees, from one table per language (each unit keeps its part beside its code)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem
from .yamlfile import load_own

FALLBACK = "en"
_SLOT = re.compile(r"\{([a-z_]+)\}")
# Which plural form a count takes, by language (CLDR's rules for the forms "one" and "other").
_ONE = {"fr": lambda n: n in (0, 1), "pt": lambda n: n in (0, 1)}


@dataclass(frozen=True)
class Strings:
    language: str
    table: Mapping[str, object]

    @classmethod
    def load(cls, language: str, folders: Iterable[tuple[str, Path]], overrides: Mapping[str, str]) -> tuple[Strings, list[Problem]]:
        """The strings of `language` (e.g. 'fr' or 'pt-BR'), English where a table has none; `folders` gives each
        unit's name and its strings folder; `overrides` (from mkdocs.yml) replaces single strings."""
        table: dict[str, object] = {}
        problems: list[Problem] = []
        tried = _languages(language)
        for unit, folder in folders:
            for lang in reversed(tried):  # the most specific table wins
                path = folder / f"{lang}.yml"
                if path.is_file():
                    data = load_own(path.read_text(encoding="utf-8")) or {}
                    table.update(_flat(unit, data))
        for key, value in overrides.items():
            if key not in table:
                problems.append(Problem("mkdocs.yml", 0, f"extra.reader.strings: there is no string '{key}' to replace; see the units' strings/en.yml files"))
            else:
                table[key] = value
        return cls(tried[0], table), problems

    def __call__(self, key: str, **values: object) -> str:
        text = self.table[key]
        if isinstance(text, Mapping):
            raise TypeError(f"string {key!r} has plural forms: use plural()")
        return _fill(str(text), values)

    def plural(self, key: str, count: int, **values: object) -> str:
        forms = self.table[key]
        assert isinstance(forms, Mapping), key
        one = _ONE.get(self.language.split("-")[0], lambda n: n == 1)(count)
        return _fill(str(forms["one" if one else "other"]), {"n": self.number(count), **values})

    def number(self, value: int) -> str:
        return f"{value:,}".replace(",", str(self.table["core.thousands"]))

    def date(self, iso: str) -> str:
        """A date written YYYY, YYYY-MM or YYYY-MM-DD, as people write it in this language."""
        parts = [int(p) for p in iso.split("-")]
        months = self.table["core.months"]
        assert isinstance(months, list)
        if len(parts) == 3:
            return self("core.day_month_year", day=parts[2], month=months[parts[1] - 1], year=parts[0])
        if len(parts) == 2:
            return self("core.month_year", month=months[parts[1] - 1], year=parts[0])
        return str(parts[0])

    def for_script(self) -> dict[str, object]:
        """The strings the reader's script shows, by key (plural forms as {one, other})."""
        found: dict[str, object] = {k: v for k, v in self.table.items() if ".script." in k}
        if self.language.split("-")[0] in _ONE:
            found["core.script.zero_is_one"] = True
        return found


def _languages(language: str) -> list[str]:
    parts = (language or FALLBACK).replace("_", "-").split("-")
    found = ["-".join(parts[:i]) for i in range(len(parts), 0, -1)]
    return list(dict.fromkeys([*found, FALLBACK]))


def _flat(unit: str, data: Mapping[str, object], prefix: str = "") -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and not set(value) <= {"one", "other"}:
            out.update(_flat(unit, value, name + "."))
        else:
            out[f"{unit}.{name}"] = value
    return out


def _fill(text: str, values: Mapping[str, object]) -> str:
    # Only {name} slots: a format string from a settings file must not reach attributes.
    return _SLOT.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)
