"""Run by run.py in a fresh process: one hooked build, then the libraries' share of it replayed alone.

The floor of a hooked build is what it cannot do without, whatever the engine's own code costs: the libraries' work
for what the features show (Python-Markdown rendering each annotation text once, citeproc formatting the works and
the text's own citations, libyaml reading the annotation files, JSON encoding the exports), on top of what MkDocs
and the theme do with the pages and files the features add. This script records the libraries' calls during the
build and replays each alone afterwards, garbage collector off, best of REPEAT (as timeit does: a lower bound).
citeproc is replayed through the engine's three calls into it (`cite.formatted`, `cite.cite_html`,
`cite.citation_html`), whose own part (the works' data handed over, a little clean-up of the output) is small against
the processor's.
It also times writing the files the features add (those the site without the hook does not have) into an empty
folder, which is part of MkDocs' and the hook's share.

Usage: floor.py CONFIG_FILE SITE_DIR PLAIN_SITE_DIR. Prints JSON: the build (as inproc.py), and for each library
the seconds of its replay and what it did.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import inproc
from engine import best_of

REPEAT = 3


def record() -> dict[str, list[Any]]:
    """Wraps the engine's calls into Python-Markdown, citeproc and libyaml to note what each was given."""
    from annoreader.core import markdown, records, yamlfile
    from annoreader.csl import cite

    seen: dict[str, list[Any]] = {"markdown": [], "citeproc": [], "yaml": []}
    convert = markdown.SafeMarkdown.convert

    def converting(self: markdown.SafeMarkdown, text: str) -> str:
        if text not in self._done:  # rendered here, not taken from what this renderer already holds
            seen["markdown"].append(text)
        return convert(self, text)

    markdown.SafeMarkdown.convert = converting  # type: ignore[method-assign]
    for name in ("formatted", "cite_html", "citation_html"):
        original = getattr(cite, name)

        def citing(*args: Any, _original: Callable[..., Any] = original, **kwargs: Any) -> Any:
            seen["citeproc"].append((_original, args, kwargs))
            return _original(*args, **kwargs)

        setattr(cite, name, citing)
    parse = yamlfile.parse_yaml

    def parsing(data: bytes, file: str) -> Any:
        seen["yaml"].append(data)
        return parse(data, file)

    yamlfile.parse_yaml = parsing  # type: ignore[assignment]
    records.parse_yaml = parsing  # type: ignore[attr-defined]
    return seen


def added_files(site: Path, plain: Path) -> dict[str, bytes]:
    """The files the hooked site has and the site without the hook has not, by path, but for pages: the engine writes
    these files itself, MkDocs the pages (whose writing is in MkDocs' part of the floor)."""
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in site.rglob("*")
        if p.is_file() and p.suffix != ".html" and not (plain / p.relative_to(site)).exists()
    }


def replay(seen: dict[str, list[Any]], site: Path, plain: Path) -> dict[str, Any]:
    import yaml

    from annoreader.core.markdown import SafeMarkdown
    from annoreader.csl import cite

    texts = list(dict.fromkeys(seen["markdown"]))
    renderer = SafeMarkdown()._md  # the engine's configuration, without its memo of what it rendered

    def render() -> None:
        for text in texts:
            renderer.reset().convert(text)

    def format_citations() -> None:
        # The styles are parsed once a build: that is the library's work too. The lookups the engine remembers in a
        # parsed style go with it, so each replay finds them as a build does.
        cite._parsed.cache_clear()
        cite._answers.clear()
        for function, args, kwargs in seen["citeproc"]:
            function(*args, **kwargs)

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    documents = [data.decode("utf-8-sig") for data in seen["yaml"]]

    def compose() -> None:
        for text in documents:
            list(yaml.compose_all(text, Loader=loader))

    added = added_files(site, plain)
    exports = {path: json.loads(data) for path, data in added.items() if path.endswith((".json", ".jsonld"))}

    def encode() -> None:
        for value in exports.values():
            json.dumps(value, ensure_ascii=False)

    def write() -> None:
        folder = Path(tempfile.mkdtemp(prefix="rdr-floor-"))
        try:
            for path, data in added.items():
                target = folder / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        finally:
            shutil.rmtree(folder)

    works = sum(len(args[0]) for function, args, _ in seen["citeproc"] if function.__name__ == "formatted")
    return {
        "markdown": {"s": best_of(render, REPEAT), "texts": len(texts), "chars": sum(map(len, texts))},
        "citeproc": {"s": best_of(format_citations, REPEAT), "calls": len(seen["citeproc"]), "works_formatted": works},
        "yaml": {"s": best_of(compose, REPEAT), "files": len(documents), "bytes": sum(len(d) for d in seen["yaml"])},
        "json": {"s": best_of(encode, REPEAT), "files": len(exports), "bytes": sum(len(added[p]) for p in exports)},
        "files": {"s": best_of(write, REPEAT), "count": len(added), "bytes": sum(map(len, added.values()))},
    }


def main(config_file: str, site_dir: str, plain_site: str) -> None:
    seen = record()
    _, total = inproc.instrument()
    elapsed = inproc.timed_build(config_file, site_dir)
    print(json.dumps({"build_s": elapsed, **total, "libraries": replay(seen, Path(site_dir), Path(plain_site))}))


if __name__ == "__main__":
    main(*sys.argv[1:])
