"""The markup of every unit, from autoescaping Jinja templates a site can override from its theme's custom_dir."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, ChoiceLoader, Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .prose import PREFIX
from .strings import Strings


class Macros:
    """A template's macros, called like functions; each returns markup as a str."""

    def __init__(self, module: Any) -> None:
        self._module = module

    def __getattr__(self, name: str) -> Any:
        macro = getattr(self._module, name)

        def call(*args: Any, **kwargs: Any) -> str:
            return str(macro(*args, **kwargs))

        return call


class Templates:
    """Templates are looked up as reader/<unit>.html: first in the site's override folder, then in the units'."""

    def __init__(self, strings: Strings, folders: Sequence[Path], override: Path | None = None, compiled: BytecodeCache | None = None) -> None:
        loaders = [FileSystemLoader(str(override))] if override and override.is_dir() else []
        loaders += [FileSystemLoader(str(folder)) for folder in folders]
        self.env = Environment(
            loader=ChoiceLoader(loaders),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=StrictUndefined,
            bytecode_cache=compiled if compiled is not None else compiled_templates(),
        )
        self.env.globals.update(t=strings, p=PREFIX, safe=Markup)
        self.env.filters["number"] = strings.number
        self.env.filters["json_script"] = json_script
        self.env.filters["unfocusable"] = unfocusable

    @cache
    def unit(self, name: str) -> Macros:
        return Macros(self.env.get_template(f"reader/{name}.html").module)


class _Compiled(FileSystemBytecodeCache):
    def dump_bytecode(self, bucket: Any) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass  # a full or read-only disk: the template is compiled again next time, and the build goes on


@cache
def compiled_templates() -> BytecodeCache | None:
    """Jinja's cache of compiled templates in the user's temporary folder, which Jinja makes private to the user:
    compiling is most of what a small site's build spends on templates, and each build is a new process. An entry
    is used only for the same template source, so an edited template is compiled again. None where the folder
    cannot be made safely (Jinja then compiles every time)."""
    try:
        return _Compiled()
    except (OSError, RuntimeError):
        return None


def json_script(data: object) -> Markup:
    """JSON for a <script> element: '<' is escaped so that no string in it can close the element."""
    return Markup(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))


_LINK_OPEN = re.compile(r"<a(?=[\s>])")


def unfocusable(markup: str) -> Markup:
    """The engine's own markup with its links taken out of the tab order, for a copy shown beside the text whose
    original stays reachable. Only markup the engine wrote passes here: text in it is escaped, so "<a" is a tag."""
    return Markup(_LINK_OPEN.sub('<a tabindex="-1"', str(markup)))
