"""Micro-benchmarks of the engine alone: term linking against Markdown's abbr extension, how it scales, and
finding the notes' quotes."""

from __future__ import annotations

import gc
import random
import re
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import markdown
import yaml
from annoreader.core.build import Build, SiteConfig
from annoreader.core.matcher import Matcher
from annoreader.core.prose import WORD, Prose, fold
from annoreader.core.quotes import QuoteIndex, QuoteUse
from annoreader.core.records import load_file
from annoreader.core.site import PageInfo
from annoreader.units import UNITS
from annoreader.units.glossary.model import Glossary, Term
from annoreader.units.notes.model import NotesFile

import synth

BENCH = Path(__file__).resolve().parent
# The units a section page needs for term linking: the length of the section, and the glossary's terms.
UNITS_USED = ["sections", "glossary"]
PAGE = PageInfo("a-section.md", "a-section/", "A section", 1, True)  # its links go to ../glossary/


@contextmanager
def no_gc() -> Iterator[None]:
    """As timeit does: otherwise a collection of whatever the process holds lands in a random run."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def best_of(fn: Callable[[], Any], repeat: int) -> float:
    """The fastest of `repeat` runs, in seconds: the run least disturbed by the rest of the machine."""
    times = []
    with no_gc():
        for _ in range(repeat):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return min(times)


def engine(glossary: Glossary) -> Build:
    """A build that weaves section pages with the sections and glossary units, from an already-loaded glossary."""
    site = SiteConfig(BENCH, "A synthetic book", {"reader": {"units": UNITS_USED}})
    build = Build(site, UNITS)
    build.load(carried={"glossary": glossary})
    return build


def weave(html: str, build: Build) -> str:
    """What the engine does to a section page (the hook's on_page_content): read it once (`Prose`), number its
    paragraphs, mark its terms (the first in the section linked), and write it with its facts, term list and
    cards."""
    return build.weave(html, PAGE)


def matches(build: Build) -> int:
    """The terms marked on the page last woven."""
    return sum(m.kind == "term" for m in build.index.sections[PAGE.url].marks)


def distinct(build: Build) -> int:
    """The different terms marked on the page last woven: each gets a card and a line in the page's lists."""
    return len({m.id for m in build.index.sections[PAGE.url].marks if m.kind == "term"})


def matcher(glossary: Glossary) -> Matcher[Term]:
    """The glossary unit's matcher, built as the unit builds it once per build (GlossaryUnit.matcher)."""
    return Matcher((t, v.text, v.case_rule) for t in glossary.terms for v in t.variants)


def _first_page(html: str, glossary: Glossary) -> float:
    """One page of a fresh build: its matcher compiles each variant it meets on first use. The build's templates
    are loaded (and its matcher built) by an untimed page without terms first."""
    build = engine(glossary)
    weave("<h1>Warm-up</h1>\n<p>No terms here.</p>", build)
    start = time.perf_counter()
    weave(html, build)
    return time.perf_counter() - start


def abbr_pattern(keys: Sequence[str]) -> str:
    """The regular expression abbr builds from its glossary (markdown/extensions/abbr.py, AbbrTreeprocessor.run)."""
    return "\\b(?:" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)) + ")\\b"


def abbr_vs_ours(term_counts: Sequence[int], words: int, repeat: int) -> dict[str, Any]:
    """One page whose mentions all come from the first 100 terms, so only the glossary's size changes."""
    everything = synth.make_terms(max(term_counts))
    page = synth.page_markdown("A section", synth.prose(words, everything[:100], random.Random(5)))
    html = markdown.Markdown().convert(page)
    rows = []
    for count in term_counts:
        terms = everything[:count]
        strings = {v: f"Definition of {t.name}." for t in terms for v in t.variants}
        # Exact case for ours too, so both match exactly the same strings.
        glossary = synth.model_glossary(terms, case="exact")

        def with_abbr() -> str:
            return markdown.Markdown(extensions=["abbr"], extension_configs={"abbr": {"glossary": strings}}).convert(page)

        plain_s = best_of(lambda: markdown.Markdown().convert(page), repeat)
        abbr_s = best_of(with_abbr, repeat)
        pattern = abbr_pattern(list(strings))

        def compile_cold() -> None:
            re.purge()  # re caches compiled patterns, so abbr compiles its pattern once per process
            re.compile(pattern)

        abbr_compile_s = best_of(compile_cold, repeat)
        construct_s = best_of(lambda: matcher(glossary), repeat)
        # A fresh matcher compiles each variant it meets on first use: the first page pays for that.
        with no_gc():
            first_page_s = min(_first_page(html, glossary) for _ in range(repeat))
        build = engine(glossary)
        page_s = best_of(lambda: weave(html, build), repeat)
        weave(html, build)
        ours_matches = matches(build)
        abbr_matches = with_abbr().count("<abbr ")
        abbr_extra_s = abbr_s - plain_s
        rows.append(
            {
                "terms": count,
                "variants": len(strings),
                "plain_markdown_s": plain_s,
                "abbr_markdown_s": abbr_s,
                "abbr_extra_s": abbr_extra_s,
                "abbr_compile_s": abbr_compile_s,
                "ours_construct_s": construct_s,
                "ours_first_page_s": first_page_s,
                "ours_page_s": page_s,
                "ratio_per_page": abbr_extra_s / page_s,
                # Both cold: abbr compiling its pattern, ours building the matcher and compiling on first use.
                "ratio_with_construction": (abbr_extra_s + abbr_compile_s) / (construct_s + first_page_s),
                "abbr_matches": abbr_matches,
                "ours_matches": ours_matches,
            }
        )
    return {"words": len(page.split()), "html_bytes": len(html.encode()), "repeat": repeat, "rows": rows}


def scaling(word_counts: Sequence[int], at_terms: int, term_counts: Sequence[int], at_words: int) -> dict[str, Any]:
    """Engine time per page as the text grows (fixed glossary) and as the glossary grows (fixed text)."""
    everything = synth.make_terms(max(*term_counts, at_terms))

    def point(words: int, count: int) -> dict[str, Any]:
        terms = everything[:count]
        html = synth.page_html(words, terms)
        glossary = synth.model_glossary(terms)
        build = engine(glossary)
        repeat = 3 if words > 50_000 else 7
        page_s = best_of(lambda: weave(html, build), repeat)
        weave(html, build)
        return {
            "words": words,
            "terms": count,
            "html_bytes": len(html.encode()),
            "construct_s": best_of(lambda: matcher(glossary), repeat),
            "page_s": page_s,
            "matches": matches(build),
            "distinct_terms": distinct(build),
            "repeat": repeat,
        }

    return {
        "by_words": [point(w, at_terms) for w in word_counts],
        "by_terms": [point(at_words, n) for n in term_counts],
    }


def notes_anchoring(project: Path, repeat: int = 3) -> dict[str, Any]:
    """What finding the notes' quotes costs on the synthetic book's section pages, as `Build.weave` does it: one
    `QuoteIndex` of every quote, made once per build (`Build.load`), then one `QuoteIndex.find` per page, which
    walks the page's words once (on the folded text of the page's `Prose`). Against it, the old way: every quote
    looked up in every page with `str.find`. The pages are the HTML the hook gets (Markdown with the project's
    extensions)."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in config.get("markdown_extensions", [])]
    options = {k: v for e in config.get("markdown_extensions", []) if isinstance(e, dict) for k, v in e.items()}
    folder = project / "annotations"
    notes = load_file(folder / "notes.yml", "notes.yml", NotesFile).notes
    uses = [QuoteUse("note", n.id, n.anchor, "notes.yml", f'note "{n.id}"') for n in notes]
    pages = []
    for path in sorted((project / "docs").glob("section-*.md")):
        text = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        pages.append(markdown.Markdown(extensions=extensions, extension_configs=options).convert(text))
    index = QuoteIndex(uses)
    found = [index.find(Prose(html)) for html in pages]
    places: dict[str, int] = {}
    for page in found:
        for (_, key), hits in page.items():
            places[key] = places.get(key, 0) + len(hits)
    # Where a quote could start: two words of the page that are the first two words of some quote (or one word, a
    # one-word quote's). Only there does QuoteIndex.find compare quotes with the text.
    firsts: dict[tuple[str, ...], int] = {}
    for use in uses:
        key = tuple(m.group() for m in WORD.finditer(fold(use.quote.exact)))[:2]
        if key:
            firsts[key] = firsts.get(key, 0) + 1

    def candidates(text: str) -> int:
        words = [m.group() for m in WORD.finditer(text)]
        return sum(firsts.get(tuple(words[i : i + 2]), 0) + firsts.get((words[i],), 0) for i in range(len(words)))
    texts = [Prose(html).folded[0] for html in pages]
    quotes = [fold(n.anchor.exact) for n in notes]

    def timed(make: Callable[[], Any], step: Callable[[Any], Any]) -> float:
        """The fastest of `repeat` runs of `step` on fresh objects from `make` (made untimed)."""
        best = float("inf")
        with no_gc():
            for _ in range(repeat):
                made = make()
                start = time.perf_counter()
                step(made)
                best = min(best, time.perf_counter() - start)
        return best

    return {
        "pages": len(pages),
        "notes": len(notes),
        "lookups": len(pages) * len(notes),  # the old way: every quote in every page
        "page_chars": sum(len(t) for t in texts),
        "words": sum(1 for t in texts for _ in WORD.finditer(t)),
        "quote_first_words": len(firsts),
        "candidates": sum(candidates(t) for t in texts),
        "hits": sum(places.values()),
        "placed": sum(n == 1 for n in places.values()),
        "repeat": repeat,
        "prose_s": best_of(lambda: [Prose(html) for html in pages], repeat),
        "index_s": best_of(lambda: QuoteIndex(uses), repeat),
        # find on fresh pages: folding the text (on first use) is part of the lookup
        "find_s": timed(lambda: [Prose(html) for html in pages], lambda proses: [index.find(p) for p in proses]),
        "folded_s": timed(lambda: [Prose(html) for html in pages], lambda proses: [p.folded for p in proses]),
        "str_find_s": best_of(lambda: [t.find(q) for t in texts for q in quotes], repeat),
    }
