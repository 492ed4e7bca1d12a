"""Micro-benchmarks of the engine alone: term linking against Markdown's abbr extension, and how it scales."""

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
from bmdreader.linker import LinkedPage, LinkMode, link_terms
from bmdreader.matcher import TermMatcher
from bmdreader.model import Term
from bmdreader.paragraphs import number_paragraphs

import synth

GLOSSARY_HREF = "../glossary/"


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


def weave(html: str, matcher: TermMatcher) -> LinkedPage:
    """What the engine does to every section page's text (the hook also appends the cards, not timed)."""
    numbered, _ = number_paragraphs(html)
    return link_terms(numbered, matcher, LinkMode.FIRST, GLOSSARY_HREF)


def _first_page(html: str, model: Sequence[Term]) -> float:
    matcher = TermMatcher(model)
    start = time.perf_counter()
    weave(html, matcher)
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
        glossary = {v: f"Definition of {t.name}." for t in terms for v in t.variants}
        # Exact case for ours too, so both match exactly the same strings.
        model = synth.model_terms(terms, case="exact")

        def with_abbr() -> str:
            return markdown.Markdown(extensions=["abbr"], extension_configs={"abbr": {"glossary": glossary}}).convert(page)

        plain_s = best_of(lambda: markdown.Markdown().convert(page), repeat)
        abbr_s = best_of(with_abbr, repeat)
        pattern = abbr_pattern(list(glossary))

        def compile_cold() -> None:
            re.purge()  # re caches compiled patterns, so abbr compiles its pattern once per process
            re.compile(pattern)

        abbr_compile_s = best_of(compile_cold, repeat)
        construct_s = best_of(lambda: TermMatcher(model), repeat)
        # A fresh matcher compiles each variant it meets on first use: the first page pays for that.
        with no_gc():
            first_page_s = min(_first_page(html, model) for _ in range(repeat))
        matcher = TermMatcher(model)
        page_s = best_of(lambda: weave(html, matcher), repeat)
        ours_matches = len(weave(html, matcher).occurrences)
        abbr_matches = with_abbr().count("<abbr ")
        abbr_extra_s = abbr_s - plain_s
        rows.append(
            {
                "terms": count,
                "variants": len(glossary),
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
        model: tuple[Term, ...] = synth.model_terms(terms)
        matcher = TermMatcher(model)
        repeat = 3 if words > 50_000 else 7
        return {
            "words": words,
            "terms": count,
            "html_bytes": len(html.encode()),
            "construct_s": best_of(lambda: TermMatcher(model), repeat),
            "page_s": best_of(lambda: weave(html, matcher), repeat),
            "matches": len(weave(html, matcher).occurrences),
            "repeat": repeat,
        }

    return {
        "by_words": [point(w, at_terms) for w in word_counts],
        "by_terms": [point(at_words, n) for n in term_counts],
    }


def notes_anchoring(project: Path, repeat: int = 3) -> dict[str, Any]:
    """What placing the notes costs on the synthetic book's section pages, step by step, as `Build._place_notes`
    does it: one PageText per page, then every note's quote looked up in every page, then the markers inserted.
    The pages are the HTML the hook gets (Markdown with the project's extensions, paragraphs numbered)."""
    from bmdreader.anchor import PageText, fold, insert_after
    from bmdreader.notes import load_notes
    from bmdreader.render import note_marker

    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in config.get("markdown_extensions", [])]
    options = {k: v for e in config.get("markdown_extensions", []) if isinstance(e, dict) for k, v in e.items()}
    folder = project / "annotations"
    notes = load_notes(folder / "notes.yml", "notes.yml", folder / "works.yml", "works.yml").notes
    pages = []
    for path in sorted((project / "docs").glob("section-*.md")):
        text = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        pages.append(number_paragraphs(markdown.Markdown(extensions=extensions, extension_configs=options).convert(text))[0])
    texts = [PageText.of(html) for html in pages]
    quotes = [fold(n.anchor.exact) for n in notes]
    found = [[t.find(n.anchor) for n in notes] for t in texts]
    markups = [{end: [note_marker(n)] for n, ends in zip(notes, row) if len(ends) == 1 for end in ends} for row in found]
    return {
        "pages": len(pages),
        "notes": len(notes),
        "lookups": len(pages) * len(notes),
        "page_chars": sum(len(t.text) for t in texts),
        "placed": sum(len(m) for m in markups),
        "repeat": repeat,
        "page_text_s": best_of(lambda: [PageText.of(html) for html in pages], repeat),
        "find_s": best_of(lambda: [t.find(n.anchor) for t in texts for n in notes], repeat),
        "str_find_s": best_of(lambda: [t.text.find(q) for t in texts for q in quotes], repeat),
        "insert_s": best_of(lambda: [insert_after(html, m) for html, m in zip(pages, markups)], repeat),
    }
