"""The glossaries a user might set up instead of ours (abbr with Material's recipe, abbr's `glossary` option,
mkdocs-ezglossary), written over a bench project without the hook, built side by side with ours and checked to work."""

from __future__ import annotations

import html
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
import yaml

import builds
from engine import abbr_pattern

ALTERNATIVES = ("abbr-append", "abbr-glossary", "ezglossary")
SECTION = "glossary"  # the ezglossary section the terms are filed in: links read <glossary:term|text>
INCLUDES = "includes/abbreviations.md"  # outside docs/, as Material's recipe advises (else MkDocs would publish it)
# A term as ezglossary can file it: its own pattern, less what Markdown would not carry through unchanged (a quote
# or "=" makes Markdown escape the link as text, not pass it on as inline HTML; "*" or "&" change in the <dt>).
EZGLOSSARY_TERM = re.compile(r"[^:<>\"'=|/@&#*_`\[\]\\]+")
# One definition per paragraph: the recipe's consecutive lines make one block, which abbr reads in time that
# grows with the square of its lines (see abbr_file_cost): a few thousand of them take seconds a page.
BLANK_LINE = "\n\n"
SECTION_FLAG = re.compile(r"^essay_section:\s*true\s*$", re.MULTILINE)
EZGLOSSARY_LINK = 'class="mkdocs-ezglossary-link"'


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    variants: tuple[str, ...]
    definition: str  # plain text on one line: abbr's title and ezglossary's tooltip show it as it is


def entries(glossary: Path) -> list[Entry]:
    """The terms of a glossary file in the real format (annotations/glossary.yml)."""
    terms = yaml.safe_load(glossary.read_text(encoding="utf-8"))["terms"]
    return [
        Entry(t["id"], t["name"], tuple(v if isinstance(v, str) else v["text"] for v in t["variants"]), " ".join(t["definition"].split()))
        for t in terms
    ]


def ezglossary_key(term: Entry) -> str:
    """The term's name as ezglossary files it, where its syntax allows (not "A2/AD"), else its id."""
    return term.name if EZGLOSSARY_TERM.fullmatch(term.name) else term.id


def abbreviations(terms: Sequence[Entry]) -> dict[str, str]:
    """One abbreviation per variant, with its term's definition (a variant of two terms keeps the first's)."""
    found: dict[str, str] = {}
    for term in terms:
        for variant in term.variants:
            found.setdefault(variant, term.definition)
    return found


def abbr_file(terms: Sequence[Entry], separator: str) -> str:
    """The recipe's file of `*[variant]: definition` lines."""
    return separator.join(f"*[{variant}]: {definition}" for variant, definition in abbreviations(terms).items()) + "\n"


def abbr_file_cost(page: Path, terms: Sequence[Entry]) -> dict[str, float]:
    """Seconds to convert one section page with the file appended, its lines consecutive (as the recipe shows it)
    and a blank line apart (as the benchmark writes it). abbr's block processor takes one definition per pass
    and puts the rest of the block back, for every block processor to test again: a block of n definitions
    costs about n² / 2 line reads, a paragraph per definition n."""
    text = page.read_text(encoding="utf-8")
    cost = {}
    for name, separator in (("one_block_s", "\n"), ("blank_line_apart_s", BLANK_LINE)):
        start = time.perf_counter()
        markdown.Markdown(extensions=["abbr"]).convert(text + "\n\n" + abbr_file(terms, separator))
        cost[name] = time.perf_counter() - start
    return cost


def _front_matter(text: str) -> tuple[str, str]:
    """A page's front matter (with its fences) and the rest."""
    if not text.startswith("---\n"):
        return "", text
    end = text.index("\n---\n", 4) + len("\n---\n")
    return text[:end], text[end:]


def section_pages(docs: Path) -> list[Path]:
    """The pages our engine marks terms in: those whose front matter says `essay_section: true`."""
    return sorted(p for p in docs.glob("*.md") if SECTION_FLAG.search(_front_matter(p.read_text(encoding="utf-8"))[0]))


def mark_up(text: str, pattern: re.Pattern[str], keys: dict[str, str]) -> tuple[str, int]:
    """A page with every variant of its prose written as an ezglossary link, as an author would have to by hand;
    headings keep their text (a link there would land in the table of contents). Returns the page and the count."""
    front, body = _front_matter(text)
    count = 0

    def link(m: re.Match[str]) -> str:
        return f"<{SECTION}:{keys[m.group(0)]}|{m.group(0)}>"

    lines = []
    for line in body.split("\n"):
        marked, n = (line, 0) if line.startswith("#") else pattern.subn(link, line)
        count += n
        lines.append(marked)
    return front + "\n".join(lines), count


def matcher(terms: Sequence[Entry]) -> tuple[re.Pattern[str], dict[str, str]]:
    """abbr's own pattern for the variants (longest first, whole words, case as written) and each variant's term
    as ezglossary files it."""
    keys = {v: ezglossary_key(t) for t in reversed(terms) for v in t.variants}  # reversed: a shared variant keeps the first term
    return re.compile(abbr_pattern(list(keys))), keys


def mentions(docs: Path, terms: Sequence[Entry]) -> int:
    """How many mentions the section pages' prose holds: the ezglossary links to expect."""
    pattern, keys = matcher(terms)
    return sum(mark_up(p.read_text(encoding="utf-8"), pattern, keys)[1] for p in section_pages(docs))


def _add_extension(config: dict[str, Any], name: str, options: dict[str, Any] | None = None) -> None:
    """An entry of markdown_extensions, unless the project already has it."""
    extensions = config.setdefault("markdown_extensions", [])
    names = {e if isinstance(e, str) else next(iter(e)) for e in extensions}
    if name not in names:
        extensions.append({name: options} if options else name)


def _abbr_append(project: Path, config: dict[str, Any], terms: Sequence[Entry]) -> None:
    """Material's "Adding a glossary" recipe: every abbreviation in one file, appended to every page by Snippets."""
    (project / INCLUDES).parent.mkdir(parents=True)
    (project / INCLUDES).write_text(abbr_file(terms, BLANK_LINE), encoding="utf-8")
    _add_extension(config, "abbr")
    _add_extension(config, "attr_list")
    # Snippets resolves paths from the working directory, and the benchmark builds from elsewhere: give it the
    # project's folder. check_paths makes a missing file an error rather than a page without abbreviations.
    _add_extension(config, "pymdownx.snippets", {"auto_append": [INCLUDES], "base_path": [str(project)], "check_paths": True})


def _abbr_glossary(project: Path, config: dict[str, Any], terms: Sequence[Entry]) -> None:
    """abbr's own `glossary` option (Markdown 3.6 and later): the abbreviations in mkdocs.yml, no file to append."""
    _add_extension(config, "abbr", {"glossary": abbreviations(terms)})


def _ezglossary(project: Path, config: dict[str, Any], terms: Sequence[Entry]) -> None:
    """mkdocs-ezglossary: each mention marked up in the Markdown, the definitions on a page as a definition list."""
    pattern, keys = matcher(terms)
    for page in section_pages(project / "docs"):
        page.write_text(mark_up(page.read_text(encoding="utf-8"), pattern, keys)[0], encoding="utf-8")
    # Body text of a Markdown page, unlike abbr's titles: escaped so a "<" or "&" in a definition stays text.
    definitions = [f"{SECTION}:{ezglossary_key(t)}\n:   {html.escape(t.definition, quote=False)}\n" for t in terms]
    (project / "docs" / "glossary.md").write_text("# Glossary\n\n" + "\n".join(definitions), encoding="utf-8")
    config.setdefault("nav", []).append({"Glossary": "glossary.md"})
    _add_extension(config, "def_list")
    # tooltip: short puts each definition's first line in its links' title, as abbr does; the default is none.
    config["plugins"] = [*config.get("plugins", []), {"ezglossary": {"tooltip": "short"}}]


WRITERS: dict[str, Callable[[Path, dict[str, Any], Sequence[Entry]], None]] = {
    "abbr-append": _abbr_append,
    "abbr-glossary": _abbr_glossary,
    "ezglossary": _ezglossary,
}


def write(kind: str, base: Path, terms: Sequence[Entry], project: Path) -> Path:
    """A copy of the project without the hook, set up with one alternative."""
    shutil.copytree(base, project)
    path = project / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    WRITERS[kind](project, config, terms)
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
    return project


def marks(kind: str, site: Path, pages: Sequence[Path]) -> int:
    """What an alternative put on the built section pages: `<abbr>` elements, or ezglossary's links."""
    needle = "<abbr" if kind.startswith("abbr") else EZGLOSSARY_LINK
    return sum((site / page.stem / "index.html").read_text(encoding="utf-8").count(needle) for page in pages)


def check(found: dict[str, int], expected: int) -> None:
    """Fails loudly when an alternative silently did nothing. abbr also marks headings, so it may find more;
    ezglossary must resolve every link written (one it cannot stays a plain link without its class)."""
    failed = [kind for kind, n in found.items() if n < expected or (kind == "ezglossary" and n != expected)]
    if failed:
        raise RuntimeError(f"expected {expected} marked mentions on the section pages, found {found}: {', '.join(failed)} did not work")


def import_s(module: str, runs: int = 3) -> float:
    """Median seconds to import a module in a fresh process: ezglossary's plugin builds an `inflect` engine on
    import, which typeguard instruments, a fixed cost every build pays."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=builds.ENV).stdout) for _ in range(runs)]
    return statistics.median(times)


def measure(ours: dict[str, Path], glossary: Path, tmp: Path, rounds: int, strict: bool) -> dict[str, Any]:
    """Ours ('on'), the plain build ('off') and the alternatives written over 'off', in turn, after one untimed
    build of each; medians and ratios."""
    terms = entries(glossary)
    off = ours["off"]
    projects = {"on": ours["on"], "off": off, **{kind: write(kind, off, terms, tmp / kind) for kind in ALTERNATIVES}}
    sites = tmp / "sites"
    builds.warm_up(projects, sites, strict)
    pages = section_pages(off / "docs")
    expected = mentions(off / "docs", terms)
    found = {kind: marks(kind, sites / kind, pages) for kind in ALTERNATIVES}
    check(found, expected)  # before the timed rounds, so a broken set-up costs no more than one build of each
    runs: dict[str, list[builds.Run]] = {name: [] for name in projects}
    for _ in range(rounds):
        for name, run in builds.one_round(projects, sites, strict).items():
            runs[name].append(run)
    result: dict[str, Any] = {"rounds": rounds, **builds.summary(runs)}
    wall = result["median_wall_s"]
    result["ratio_to_plain"] = {name: wall[name] / wall["off"] for name in projects}
    result["ratio_to_ours"] = {name: wall[name] / wall["on"] for name in projects}
    result["marks"] = {"mentions": expected, "section_pages": len(pages), **found}
    result["pages"] = len(list((off / "docs").rglob("*.md")))  # each gets the recipe's file appended
    result["terms"] = len(terms)
    result["variants"] = len(abbreviations(terms))
    result["abbr_file_cost"] = abbr_file_cost(pages[0], terms)
    return result
