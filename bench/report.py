"""Writes bench/README.md and bench/scaling.svg from the results of bench/run.py, so they always match the last run."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import Any

from alternatives import ALTERNATIVES, INCLUDES
from synth import MENTIONS_PER_1000_WORDS

# Issue 14's targets, the current ones.
ESSAY_TARGET = 1.5  # hooked build ÷ the same build without the hook
BOOK_TARGET = 3.0
BOOK_MEMORY_TARGET = 2.0  # peak memory, hooked ÷ without the hook
ENGINE_SHARE_TARGET = 0.20  # the engine's own calls ÷ the in-process hooked build of the book
ABBR_TARGET = 5.0
ASSETS_TARGET = 10_000  # "10 KB" read as 10,000 bytes, the stricter reading
LIGHTHOUSE_TARGETS = {"glossary": 90, "section": 95}  # Lighthouse mobile performance score; none for the home page
# Audits that judge the local server (no cache headers, HTTP/1.1), not the site: left out of "where the points go".
SERVER_AUDITS = {"cache-insight", "uses-long-cache-ttl", "uses-http2", "modern-http-insight", "server-response-time", "document-latency-insight"}


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.2f} ms" if abs(seconds) < 0.01 else f"{seconds * 1e3:.0f} ms" if abs(seconds) >= 0.1 else f"{seconds * 1e3:.1f} ms"


def sec(seconds: float) -> str:
    return f"{seconds:.2f} s"


def dur(seconds: float) -> str:
    return sec(seconds) if abs(seconds) >= 1 else ms(seconds)


def x(ratio: float) -> str:
    return f"{ratio:.2f}×"


def num(n: float) -> str:
    return f"{n:,.0f}"


def table(head: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


NOT_MEASURED = "not measured"


def verdict(met: bool) -> str:
    return "**met**" if met else "**missed**"


def build_table(r: dict[str, Any]) -> str:
    wall, inproc = r["median_wall_s"], r["median_inproc_s"]
    return table(
        ["Median of " + str(r["rounds"]) + " runs", "With the hook", "Without", "Ratio"],
        [
            ["`mkdocs build` wall time, fresh process (start-up included)", sec(wall["on"]), sec(wall["off"]), x(r["ratio_wall"])],
            ["In-process `load_config` + `build` (start-up excluded)", sec(inproc["on"]), sec(inproc["off"]), x(r["ratio_inproc"])],
            ["Engine's own calls (inside the in-process time)", sec(r["engine_s"]), "-", f"{r['engine_s'] / inproc['on']:.0%} of the hooked build"],
            peak_row(r),
        ],
    )


def mib(value: float) -> str:
    return f"{value:.0f} MiB"


def peak_row(r: dict[str, Any]) -> list[str]:
    """Peak memory with and without the hook; results taken before it was measured say so."""
    what = "Peak memory of the `mkdocs build` process (maximum resident set size)"
    if "median_peak_mib" not in r:
        return [what, NOT_MEASURED, NOT_MEASURED, "-"]
    peak = r["median_peak_mib"]
    return [what, mib(peak["on"]), mib(peak["off"]), x(r["ratio_peak"])]


def split(r: dict[str, Any]) -> dict[str, float]:
    """The hook's extra in-process time, split into the engine, the generated glossary and references pages and
    the bigger section pages."""
    on, off = r["pages_s"]["on"], r["pages_s"]["off"]
    calls = r["engine_calls_s"]
    extra = r["median_inproc_s"]["on"] - r["median_inproc_s"]["off"]
    references = on.get("references", 0.0)
    # weave (on_page_content) and published (on_post_page, which adds the units' head metadata) run inside
    # MkDocs' page steps: count them with the engine, not with the pages.
    other = on["other"] - calls.get("Build.weave", 0.0) - calls.get("Build.published", 0.0) - off["other"]
    rest = extra - r["engine_s"] - on["glossary"] - references - other
    return {"extra": extra, "engine": r["engine_s"], "glossary": on["glossary"], "references": references, "other": other, "rest": rest}


def where_time_goes(r: dict[str, Any]) -> str:
    part = split(r)
    breakdown = ", ".join(f"`{k}` {ms(v)}" for k, v in r["engine_calls_s"].items() if v >= 0.0005)
    return (
        f"Where the extra time goes (in-process medians): of the {dur(part['extra'])} the hook adds, the engine's own "
        f"calls take {dur(part['engine'])}; MkDocs rendering, templating and search-indexing the generated glossary "
        f"page takes {dur(part['glossary'])}, and the generated References page {dur(part['references'])}; MkDocs' "
        f"steps for the other pages take {dur(part['other'])} more than "
        f"without the hook (bigger HTML to template and index); {dur(part['rest'])} is left over (other hook events, "
        f"and medians that do not add up exactly). Engine calls, inclusive (a call's time includes the calls it "
        f"makes; `Build.*` are the calls the hook makes, `<unit>.<step>` each unit's part in them, the rest inner "
        f"steps): {breakdown}."
    )


def startup(r: dict[str, Any]) -> float:
    return r["median_wall_s"]["off"] - r["median_inproc_s"]["off"]


def yaml_table(y: dict[str, Any]) -> str:
    rows = [
        [name, num(v["bytes"]), dur(v["engine_s"]), dur(v["libyaml_s"]) if v["libyaml_s"] is not None else "not installed"]
        for name, v in (("Real glossary", y["real"]), ("Synthetic glossary", y["book"]))
    ]
    return table(["File", "Bytes", "Engine's `parse_yaml`", "`yaml.compose(..., Loader=CSafeLoader)`"], rows)


def ratio_verdict(r: dict[str, Any], target: float) -> str:
    """A build ratio target judged on both ratios: wall time (what a user waits for) and in-process (the build)."""
    judged = [f"{what} {x(ratio)}, {verdict(ratio <= target)}" for what, ratio in (("wall time", r["ratio_wall"]), ("in-process", r["ratio_inproc"]))]
    wall, inproc = r["median_wall_s"], r["median_inproc_s"]
    return (
        "; ".join(judged) + f" ({sec(wall['on'])} against {sec(wall['off'])} in wall time, {sec(inproc['on'])} against "
        f"{sec(inproc['off'])} in-process)."
    )


def memory_verdict(r: dict[str, Any], alt: dict[str, Any] | None) -> str:
    """Judged on part 2's runs; results taken before part 2 measured memory fall back on part 8's builds of the book."""
    if "ratio_peak" in r:
        peak, where = r["median_peak_mib"], "medians of part 2's runs"
    elif alt:
        peak, where = alt["book"]["median_peak_mib"], "part 2 did not measure it in this `results.json`: medians of part 8's runs"
    else:
        return f"**{NOT_MEASURED}** in this `results.json` (taken before the benchmark measured memory; `make bench` does)."
    ratio = peak["on"] / peak["off"]
    return f"{verdict(ratio <= BOOK_MEMORY_TARGET)}: {x(ratio)}, {mib(peak['on'])} against {mib(peak['off'])} ({where})."


def engine_share_verdict(r: dict[str, Any], libraries: dict[str, Any] | None) -> str:
    share = r["engine_s"] / r["median_inproc_s"]["on"]
    calls = (
        f"{share:.0%} counting the engine's calls with all they call ({dur(r['engine_s'])} in {dur(r['median_inproc_s']['on'])} "
        "of in-process hooked build, part 2)"
    )
    if not libraries:
        return f"{verdict(share < ENGINE_SHARE_TARGET)}: {calls}."
    own = library_share(libraries, ENGINE_GROUP)
    return (
        f"{verdict(own < ENGINE_SHARE_TARGET)}: {own:.0%} counting the engine's own code by library (part 2's profile), "
        f"{calls}."
    )


ENGINE_GROUP = "the engine (annoreader and its hook)"  # bench/libraries.py's name for it


def library_share(found: dict[str, Any], name: str) -> float:
    return float(found["seconds"].get(name, 0.0) / found["total_s"])


def libraries_section(found: dict[str, Any] | None) -> str:
    """The book's build by library: where the engine's calls spend their time (part 2)."""
    if not found:
        return ""
    rows = [[name, f"{seconds / found['total_s']:.0%}"] for name, seconds in found["seconds"].items() if seconds / found["total_s"] >= 0.005]
    return (
        "The same hooked build by library: one build of the book profiled (`bench/libraries.py`), each function's own "
        "time filed under the package its code belongs to, and the time of Python's built-ins and standard library "
        "(string methods, `re`, `json`, `html.parser`) under the package that called them. The profiler slows every call, "
        "so only the shares are shown:\n\n" + table(["Library", "Share of the build"], rows)
    )


def abbr_section(a: dict[str, Any]) -> str:
    rows = [
        [
            num(row["terms"]),
            num(row["variants"]),
            ms(row["plain_markdown_s"]),
            ms(row["abbr_markdown_s"]),
            ms(row["abbr_extra_s"]),
            ms(row["abbr_compile_s"]),
            ms(row["ours_construct_s"]),
            ms(row["ours_first_page_s"]),
            ms(row["ours_page_s"]),
            x(row["ratio_per_page"]),
            x(row["ratio_with_construction"]),
            f"{row['abbr_matches']} / {row['ours_matches']}",
        ]
        for row in a["rows"]
    ]
    head = [
        "Terms", "Strings", "Markdown alone", "Markdown + abbr", "abbr's share", "abbr regex compile (once)",
        "Our `Matcher` (once)", "Ours, first page", "Ours, per page", "Per page: abbr ÷ ours",
        "With construction: abbr ÷ ours", "Matches abbr / ours",
    ]  # fmt: skip
    return table(head, rows)


def scaling_section(s: dict[str, Any]) -> str:
    def rows(points: list[dict[str, Any]]) -> list[list[object]]:
        return [
            [
                num(p["words"]),
                num(p["terms"]),
                num(p["html_bytes"]),
                ms(p["page_s"]),
                f"{p['page_s'] / p['words'] * 1e6:.2f} µs",
                ms(p["construct_s"]),
                num(p["matches"]),
                num(p["distinct_terms"]) if "distinct_terms" in p else "-",
            ]
            for p in points
        ]

    head = ["Words", "Terms", "HTML bytes", "Engine time per page", "Per word", "`Matcher` construction", "Matches", "Different terms (cards)"]
    return table(head, rows(s["by_words"])) + "\n\n" + table(head, rows(s["by_terms"]))


def weight_section(w: dict[str, Any]) -> str:
    assets = [[f"`assets/{name}` (generated)", num(v["raw"]), num(v["gz"])] for name, v in w["assets"].items()]
    assets.append(["**Ours, total**", f"**{num(w['assets_raw'])}**", f"**{num(w['assets_gz'])}**"])
    assets += [[f"Material's `{name}` (for scale)", num(v["raw"]), num(v["gz"])] for name, v in w["material"].items()]
    pages = [
        [f"`{name}/`", num(p["stock"]), num(p["on"]), num(p["on"] - p["stock"]), num(p["stock_gz"]), num(p["on_gz"]), num(p["on_gz"] - p["stock_gz"])]
        for name, p in w["pages"].items()
    ]
    return (
        table(["File", "Bytes", "Gzipped bytes"], assets)
        + "\n\n"
        + table(["Section page", "Stock HTML", "With the hook", "Added", "Stock gzipped", "With the hook gzipped", "Added gzipped"], pages)
    )


def write(results: dict[str, Any], folder: Path) -> None:
    (folder / "scaling.svg").write_text(scaling_svg(results["scaling"]), encoding="utf-8")
    (folder / "README.md").write_text(readme(results), encoding="utf-8")


def readme(r: dict[str, Any]) -> str:
    m, real, book, a, w, s = r["machine"], r["real_site"], r["book"], r["abbr"], r["page_weight"], r["scaling"]
    info = book["book"]
    abbr_top = a["rows"][-1]
    pages_added_gz = [p["on_gz"] - p["stock_gz"] for p in w["pages"].values()]
    by_words, by_terms = s["by_words"], s["by_terms"]
    per_word = [p["page_s"] / p["words"] * 1e6 for p in by_words]
    bucket = s["largest_first_word_bucket"]
    assets_met = w["assets_gz"] <= ASSETS_TARGET
    if max(per_word) < 1.5 * min(per_word):
        linear = "close to linear in the text"
    elif per_word[-1] < per_word[0]:
        linear = (
            "less than linear in the text: part of a page's cost is per different term on it (its card and its line "
            f"in the list of terms), and a page cannot have more than the glossary's {num(by_words[0]['terms'])}"
        )
    else:
        linear = "faster than linear in the text"
    abbr_met = abbr_top["ratio_per_page"] >= ABBR_TARGET
    off_nav = ", ".join(f"`{p}`" for p in real.get("off_dropped_nav", ["glossary.md"]))
    stock = (
        "*stock* (a plain Material page, for page weight) is that same site"
        if real.get("stock_is_off", True)
        else "*stock* (a plain Material page, for page weight) also drops `extra_css` and `extra_javascript`"
    )
    return f"""# Benchmarks

<!-- Generated by bench/run.py from bench/results.json: edit bench/report.py, not this file. -->

What the annotation engine and its MkDocs hook cost (issue #3, part 3, and issue #14):

1. **Hook overhead on the real site**: `mkdocs build` with the hook against the same pages without it.
2. **A synthetic book**: {info['sections']} sections, {num(info['words'])} words, {num(info['terms'])} glossary terms, {num(info['notes'])} notes citing {num(info['works'])} works, built both ways, and the engine's share of the time.
3. **Term linking against Python-Markdown's `abbr` extension** (with its `glossary` option) on the same page, at {", ".join(num(row["terms"]) for row in a["rows"])} terms.
4. **Page weight**: the bytes our CSS, JavaScript and markup add to a stock Material page.
5. **Scaling**: engine time as the text grows and as the glossary grows ([plot](scaling.svg)).
6. **Lighthouse (mobile)**: the performance score of the home page, the glossary and every essay section.
7. **The edit loop**: how long `mkdocs serve` takes to show an edit to a glossary definition or to a page's prose.
8. **The alternatives built side by side**: Python-Markdown's `abbr` (with Material's glossary recipe, and with its own `glossary` option) and mkdocs-ezglossary, on the essay and on the book, against ours and the plain build.

Run everything with one command from the project root; it took {r['elapsed_s'] / 60:.1f} minutes on the machine below:

```sh
make bench    # = .venv/bin/python bench/run.py
```

It writes `bench/results.json` (every sample), then this README and `bench/scaling.svg` from it.
`.venv/bin/python bench/run.py --report` redraws them from the last `results.json` without measuring;
`.venv/bin/python bench/run.py --only lighthouse` (or `--only serve`, `--only alternatives`, `--only libraries`, `--only floor`) measures part 6 (or 7, 8, part 2's profile by library, or the floors of parts 1 and 2) alone and merges it into `results.json`.

## Machine

{table(["", ""], [
        ["CPU", m["cpu"]],
        ["Cores", m["cores"]],
        ["Load average (1 min) at the start", f"{m['load_average']:.2f}"],
        ["Python", m["python"]],
        ["OS", m["os"]],
        ["Date", m["date"]],
        ["Commit", m["commit"]],
        ["Packages", ", ".join(f"{k} {v}" for k, v in m["packages"].items())],
    ])}

## How the numbers are taken

- **Builds** (1, 2) alternate with and without the hook (with, without, with, ...), after one untimed build of
  each, and report medians. *Wall time* is the whole `python -m mkdocs build -q` subprocess, interpreter
  start-up and imports included: what a user waits for. *In-process* is `load_config` + `build` timed inside a
  fresh process (`bench/inproc.py`) once MkDocs is imported: the build itself. The engine's share is timed
  there too, by wrapping every engine call the hook makes (the public methods of `annoreader.core.build.Build`, and `searchindex.rewrite`)
  and each unit's steps within them (such as `glossary.mark` or `notes.fill`); only the outermost calls count
  in the engine's total. Every measured process keeps Python's default of caching compiled bytecode, which the
  untimed build writes: where the environment turns it off (`PYTHONDONTWRITEBYTECODE`, as this machine's does),
  each build compiled the engine's modules again (about 40 ms), while MkDocs' and the theme's load from the
  bytecode pip wrote when it installed them.
- **Peak memory** (1, 2, 8) is the maximum resident set size of each timed `mkdocs build` process, start-up
  included, as the kernel reports it when the process ends (`ru_maxrss` from `os.wait4`); medians of the same
  runs as the wall times. A small process, `bench/peak.py`, starts each build and takes both its wall time and
  its peak: Linux counts in a child's peak what the process that started it held at that moment, and the
  benchmark itself holds whole projects in memory.
- Without the hook means a copy of `mkdocs.yml` with no `hooks:` entry, no `extra.reader` settings and no nav
  lines for the pages the hook generates ({off_nav}), and no `watch:` (which names `hooks/`), with the same `docs/`. The home page then has dangling links to generated pages, which only cost warnings. The
  engine generates the reader's CSS and JS and adds them to the pages itself, so the site without the hook
  has none of them: {stock}.
- **Micro-benchmarks** (3, 5) report the best of several runs, with the garbage collector off while timing
  (both as `timeit` does: the run least disturbed by the rest of the machine and of the process): 7 runs, 3 for
  pages over 50,000 words. The builds (1, 2) run as they are, garbage collector on.
- The synthetic text is ordinary English words with made-up terms mixed in, {MENTIONS_PER_1000_WORDS} term mentions
  per 1,000 words (the essay's section pages have {w['mentions_per_1000_words']:.0f}), generated with fixed seeds by
  `bench/synth.py`.

## 1. Hook overhead on the real site

{build_table(real)}

{where_time_goes(real)}

## 2. Synthetic book

{info['sections']} section pages (front matter `essay_section: true`) of {num(info['words'])} words in all, a home page,
and a glossary of {num(info['terms'])} terms ({num(info['glossary_bytes'])} bytes of YAML in the real file's format) with
{num(info['variants'])} variants ({num(info['multi_word_variants'])} of several words, {num(info['lowercase_variants'])} all
lowercase); every term occurs at least once.

{notes_paragraph(info)}

The hooked build runs with `--strict`, which fails on an unused term and on a quote that is not in the text exactly
once, and the run checks that the site shows {num(info['markers'])} note markers and a References page.
The `mkdocs.yml` is the real one with a new nav (the sections, then Glossary and References when hooked), the
hook given by absolute path and the real `extra.reader` settings, so every unit runs (those without annotation
files add little; the For instructors and Data pages are generated outside the nav).

{build_table(book)}

{where_time_goes(book)}

{features_section(book.get("features"))}

{floor_section(r)}

{libraries_section(r.get("libraries"))}

Reading the glossary file (`parse_yaml` turns the YAML into nodes with line numbers, before any checking), best
of 3 with the garbage collector off (so faster than inside a build), against composing the same file with PyYAML's
libyaml-based `CSafeLoader`:

{yaml_table(r["yaml"])}

{anchoring_section(book)}

## 3. Term linking against `abbr`

One page of {num(a['words'])} words ({num(a['html_bytes'])} bytes of HTML), whose term mentions all come from the
first 100 terms, so that only the size of the glossary changes. Both sides get the same strings (every variant of
every term) and match them case-sensitively, as `abbr` does; the last column checks they find the same mentions.
*abbr's share* is `markdown.Markdown(extensions=["abbr"], extension_configs={{"abbr": {{"glossary": ...}}}}).convert(page)`
minus `markdown.Markdown().convert(page)`. *Ours* is `Build.weave` of that page's HTML, as the hook calls it, by a
build with the `sections` and `glossary` units only and the glossary given as loaded data (`Build.load(carried=...)`):
the page read once (`Prose`), its terms marked by the glossary unit's `Matcher` (the first mention of each
linked), and the page written once with its paragraph numbers, its length, the list of its terms and a card per
term; `abbr` only puts each match in an `<abbr>` with a title. Once per build, our `Matcher` is built, and
`abbr`'s regular expression is compiled (Python's `re` cache keeps it for later pages); our first page, in a
fresh build whose templates are loaded, also compiles the patterns of the variants it meets. *With construction*
compares one cold page each: (abbr's share + its compile) ÷ (our construction + our first page).
Best of {a['repeat']} runs each.

{abbr_section(a)}

## 4. Page weight

Bytes added to a page by our features. Our CSS and JS are generated by the engine (`Build.assets`, from
`hooks/annoreader/core/assets/core.css` and `core.js` and each unit's `style.css` and `script.js`) and read here
from the hooked build's site. *Stock* is the same page built without the hook, so without our CSS and JS (a
plain Material page); gzip at level 9.

{weight_section(w)}

## 5. Scaling

Engine time (`Build.weave` with the `sections` and `glossary` units, as in 3, matcher warm) on one generated
page: first as the text grows at {num(by_words[0]['terms'])} terms, then as the glossary grows at {num(by_terms[0]['words'])} words.
The page mentions more different terms as the glossary grows, and each gets a card and a line in the page's
list of terms (last column).

{scaling_section(s)}

![Engine time per page against words (log-log) and against terms](scaling.svg)
{lighthouse_section(r.get("lighthouse"))}
{serve_section(r.get("serve"))}
{alternatives_section(r.get("alternatives"))}
## Targets

### Current targets (issue #14)

Ratios from the interleaved runs above, never timed tests; where a target is missed, the line says so.

- **Synthetic book: hooked `mkdocs build` within {x(BOOK_TARGET)} of the same build without the hook**:
  {ratio_verdict(book, BOOK_TARGET)} {hook_why(book, r["yaml"]["book"])}
  {notes_why(book)} {feature_floor(book.get("features"))} {floor_verdict(r, "book", BOOK_TARGET)}
- **Synthetic book: peak memory within {x(BOOK_MEMORY_TARGET)}**: {memory_verdict(book, r.get("alternatives"))}
  {memory_floor(book.get("features"))} {memory_floor_verdict(r)}
- **Essay: hooked build within {x(ESSAY_TARGET)}**: {ratio_verdict(real, ESSAY_TARGET)} Process start-up (interpreter,
  imports), about {dur(startup(real))} per build here, is in both wall times. {hook_why(real, r["yaml"]["real"])}
  {floor_verdict(r, "essay", ESSAY_TARGET)}
{serve_target(r.get("serve"))}
- **Engine share of the book build under {ENGINE_SHARE_TARGET:.0%}**: {engine_share_verdict(book, r.get("libraries"))}
- **The alternatives built side by side**: {alternatives_target(r.get("alternatives"))}

### Earlier targets still tracked (issue #3)

- **Term linking at least {x(ABBR_TARGET)} faster than `abbr` at {num(abbr_top['terms'])} terms**: {verdict(abbr_met)}:
  {x(abbr_top['ratio_per_page'])} per page ({ms(abbr_top['abbr_extra_s'])} against {ms(abbr_top['ours_page_s'])}), and
  {x(abbr_top['ratio_with_construction'])} for a single cold page with construction. `abbr` runs one alternation of
  all {num(abbr_top['variants'])} strings at each word boundary, so its time grows with the glossary; ours walks
  the page's words once and follows a trie of the variants' words only as far as the text agrees with one. {small_glossary(a)}
- **Our CSS + JS ≤ 10 KB gzipped**: {verdict(assets_met)}: {num(w['assets_gz'])} bytes gzipped
  ({num(w['assets_raw'])} raw), {abs(ASSETS_TARGET - w['assets_gz']) / ASSETS_TARGET:.0%} {"under" if assets_met else "over"} 10,000 bytes.
  The HTML of a section page grows by {num(min(pages_added_gz))} to {num(max(pages_added_gz))} bytes gzipped (no
  target): paragraph numbers, the section's length, term links, note markers and endnotes, the "Cite this"
  panel, and the page's cards, which hold each definition and note once.
- **Scaling** (no target): with the glossary fixed, engine time per word goes from {per_word[0]:.2f} µs at
  {num(by_words[0]['words'])} words to {per_word[-1]:.2f} µs at {num(by_words[-1]['words'])} (between
  {min(per_word):.2f} and {max(per_word):.2f} µs): {linear}. With the text fixed,
  it goes from {ms(by_terms[0]['page_s'])} at {num(by_terms[0]['terms'])} terms to {ms(by_terms[-1]['page_s'])} at
  {num(by_terms[-1]['terms'])}, although at {num(bucket['terms'])} synthetic terms {num(bucket['variants'])} variants
  start with the same word, "{bucket['word']}" (as "Treaty of ..." does in real glossaries): the trie of words
  sorts them out by their next words instead of trying them one by one{cards_growth(by_terms)}. `Matcher` construction, once per build, takes
  {ms(by_terms[0]['construct_s'])} at {num(by_terms[0]['terms'])} terms and {ms(by_terms[-1]['construct_s'])} at
  {num(by_terms[-1]['terms'])}.{lighthouse_target(r.get("lighthouse"))}
"""


def lighthouse_met(page: dict[str, Any]) -> bool | None:
    target = LIGHTHOUSE_TARGETS.get(page["kind"])
    return None if target is None else page["median"]["score"] >= target


def lighthouse_name(page: dict[str, Any]) -> str:
    return f"`{page['url']}`" + ("" if page["kind"] == "section" else f" ({page['kind']})")


def lighthouse_section(lh: dict[str, Any] | None) -> str:
    if not lh:
        return ""
    rows = []
    for page in lh["pages"]:
        med, met = page["median"], lighthouse_met(page)
        target = "-" if met is None else f"≥ {LIGHTHOUSE_TARGETS[page['kind']]}: {verdict(met)}"
        runs = ", ".join(str(run["score"]) for run in page["runs"])
        rows.append([
            lighthouse_name(page), f"**{med['score']:.0f}** ({runs})", target, sec(med["lcp_ms"] / 1e3), f"{med['tbt_ms']:.0f} ms",
            f"{med['cls']:.3f}", num(med["dom_elements"]), num(med["transfer_bytes"]),
        ])  # fmt: skip
    head = ["Page", f"Performance, median of {lh['runs']} (runs)", "Target", "LCP", "TBT", "CLS", "DOM elements", "Bytes transferred"]
    t = lh["throttling"]
    indexes = [run["benchmark_index"] for page in lh["pages"] for run in page["runs"] if run.get("benchmark_index")]
    targets = [run["target_size"] for page in lh["pages"] for run in page["runs"] if run.get("target_size") is not None]
    failing = sorted({lighthouse_name(p) for p in lh["pages"] for run in p["runs"] if run.get("target_size") and not run["target_size"]["passed"]})
    taps = (
        "Lighthouse's `target-size` audit (tap targets, from its accessibility category) was not reported by this version."
        if not targets
        else "Lighthouse's `target-size` audit (tap targets at least 24 px) fails on " + ", ".join(failing) + "."
        if failing
        else "Lighthouse's `target-size` audit (tap targets at least 24 px) passes on every page."
    )
    return f"""
## 6. Lighthouse (mobile)

Lighthouse {lh['lighthouse']} (npm, run by `npx --no-install lighthouse` on Node {lh['node']}) with Debian's
{lh['chromium'].split(" built on")[0]}, headless (`--headless=new --no-sandbox`), performance category only. Its default
{lh['form_factor']} settings: a phone's screen and {lh['throttling_method']}d throttling (the page loads at full speed and
Lighthouse simulates a slow connection, {t['rttMs']:.0f} ms round trip and {t['throughputKbps'] / 1024:.1f} Mbit/s, and a
{t['cpuSlowdownMultiplier']:g}× slower CPU from what it observed). The real site is built with `mkdocs build --strict`
into a temporary folder and served on 127.0.0.1 by Python's `http.server` (threaded, in the benchmark's process),
which here gzips text files as static hosts do (uncompressed, the score measures the local server instead). Each
page is measured {lh['runs']} times, all pages in turn, and the table gives the median of each column; the essay's
sections are the pages whose Markdown has `essay_section: true`. Measured {lh['date']} on commit {lh['commit']}
({lh['cores']} cores, load average {lh['load_average_start']:.2f} at the start and {lh['load_average_end']:.2f} at the end; Lighthouse's benchmark index of the machine
{min(indexes):.0f} to {max(indexes):.0f}), in {lh['elapsed_s'] / 60:.1f} minutes.

These are benchmarks, not tests: nothing fails on them. Simulated throttling scales what this machine observed,
so a busier or slower machine gives lower scores, mostly through TBT (total blocking time).

{table(head, rows)}

{taps}

Where the points go (the run with the median score; a metric's lost points are its weight times what its score
lacks of 1, so they add up to 100 less the score):

{lighthouse_why(lh)}
"""


def lighthouse_why(lh: dict[str, Any]) -> str:
    """For the glossary and each page under its target: lost points per metric and the audits that cost them."""
    lines = []
    for page in lh["pages"]:
        if page["kind"] != "glossary" and lighthouse_met(page) is not False:
            continue
        m = page["median"]
        lost = ", ".join(f"{k} {v:g}" for k, v in sorted(m["points_lost"].items(), key=lambda kv: -kv[1]) if v > 0)
        failing = {k: v for k, v in m["savings"].items() if v["score"] is not None and v["score"] < 1 and k not in SERVER_AUDITS}
        # Lighthouse 12 reports most opportunities twice, as an audit and as an "insight": keep the audit.
        audits = sorted(
            ((k, v) for k, v in failing.items() if not (k.endswith("-insight") and any(v == w for a, w in failing.items() if not a.endswith("-insight")))),
            key=lambda kv: -max(x for key, x in kv[1].items() if key != "score"),
        )
        saved = "; ".join(f"`{k}` ({', '.join(f'{x} {v:.0f} ms' for x, v in s.items() if x != 'score')})" for k, s in audits)
        blocking = ", ".join(f"`{u}` {v} ms" for u, v in sorted(m["render_blocking_ms"].items(), key=lambda kv: -kv[1]))
        scripts = ", ".join(f"`{u}` {v} ms" for u, v in list(m["script_ms"].items())[:3])
        thread = ", ".join(f"{k} {v} ms" for k, v in list(m["main_thread_ms"].items())[:4])
        unused = ", ".join(f"`{k}` {num(v)} bytes" for k, v in m["savings_bytes"].items())
        lines.append(
            f"- {lighthouse_name(page)}, score {m['score']:.0f} (run scores {', '.join(str(r['score']) for r in page['runs'])}): "
            f"points lost to {lost or 'nothing'}. Failing audits with estimated savings: {saved or 'none'}. "
            f"Render-blocking files: {blocking or 'none'}. Main thread: {thread}; by script: {scripts}. "
            f"{num(m['dom_elements'])} DOM elements{dom_shape(m)}; LCP element `{m['lcp_element']}`. "
            f"Bytes that could be saved: {unused or 'none'}."
        )
    return "\n".join(lines) or "Every page meets its target, and the glossary has no audit to report."


def dom_shape(m: dict[str, Any]) -> str:
    if not m.get("dom_widest"):
        return ""
    children, where = m["dom_widest"]
    return f" (at most {m['dom_depth'][0]} deep; the most children, {num(children)}, under `{where}`)"


def lighthouse_target(lh: dict[str, Any] | None) -> str:
    if not lh:
        return ""
    judged = [p for p in lh["pages"] if lighthouse_met(p) is not None]
    missed = [p for p in judged if not lighthouse_met(p)]
    scores = ", ".join(f"{lighthouse_name(p)} {p['median']['score']:.0f}" for p in judged)
    cls = max(p["median"]["cls"] for p in lh["pages"] if p["kind"] == "section")
    return (
        f"\n- **Lighthouse mobile performance ≥ {LIGHTHOUSE_TARGETS['glossary']} on the glossary and ≥ "
        f"{LIGHTHOUSE_TARGETS['section']} on section pages** (a benchmark, median of {lh['runs']}): "
        f"{verdict(not missed)}: {scores}"
        + (f"; under target: {', '.join(lighthouse_name(p) for p in missed)}" if missed else "")
        + (f". The section pages' CLS is at most {cls:.3f}." if cls else ". No section page shifts its layout while loading (CLS 0).")
    )


def small_glossary(a: dict[str, Any]) -> str:
    row = a["rows"][0]
    ratio = row["ratio_per_page"]
    if ratio >= 1:
        return f"At {num(row['terms'])} terms ours is faster too ({x(ratio)}), for all it writes besides the links."
    return (
        f"At {num(row['terms'])} terms ours is slower ({x(ratio)}): its fixed cost, reading the page's HTML once and "
        f"writing it back with paragraph numbers, the list of terms and the cards, outweighs a small alternation."
    )


def cards_growth(by_terms: list[dict[str, Any]]) -> str:
    first, last = by_terms[0], by_terms[-1]
    if "distinct_terms" not in first:
        return ""
    return (
        f"; what grows is mostly the markup: the page mentions {num(first['distinct_terms'])} different terms at "
        f"{num(first['terms'])} terms and {num(last['distinct_terms'])} at {num(last['terms'])}, each with its card"
    )


def yaml_note(name: str, parse: float, libyaml: float | None) -> str:
    faster = f"; libyaml's `CSafeLoader` composes the glossary alone in {dur(libyaml)}" if libyaml is not None else ""
    return f" (parsing the YAML of every annotation file, `{name}`, takes {dur(parse)} of `Build.load`{faster})"


def features_section(found: dict[str, Any] | None) -> str:
    """What each feature costs: the book built with the units added a few at a time (bench/features.py)."""
    if not found:
        return ""
    peaks = {s["label"]: s for s in found["steps"]} if "off_peak_mib" in found else {}
    rows = []
    for label, total, added, engine, ratio in feature_rows(found):
        row = [label, sec(total), f"+{sec(added)}", sec(engine), x(ratio)]
        rows.append(row + ([mib(peaks[label]["peak_mib"]), x(peaks[label]["peak_ratio"])] if peaks else []))
    head = ["Units built", "In-process build", "Added by this step", "Engine's own calls", "÷ without the hook"]
    head += ["Peak memory", "÷ without the hook"] if peaks else []
    memory = f", {mib(found['off_peak_mib'])} at its peak" if peaks else ""
    return (
        f"What each feature costs: the same book built in-process with the units added a few at a time (each step's "
        f"`extra.reader.units`, and only the nav pages its units make), medians of {found['rounds']} interleaved "
        f"rounds against the build without the hook ({sec(found['off_s'])}{memory}); peak memory is each build "
        f"process's, started by `bench/peak.py`:\n\n" + table(head, rows)
    )


def memory_floor(found: dict[str, Any] | None) -> str:
    """What each feature adds to the book's peak memory, against the 2x target (part 2's per-feature table)."""
    if not found or "off_peak_mib" not in found:
        return ""
    return steps_against(found, "peak_ratio", BOOK_MEMORY_TARGET, "Peak memory feature by feature (part 2's per-feature table, in-process builds)")


def steps_against(found: dict[str, Any], key: str, target: float, what: str) -> str:
    """The per-feature steps' ratios (`key`) in a sentence, and which of them stay within `target`."""
    steps = found["steps"]
    within = [s["name"] for s in steps if s[key] <= target]
    reach = f"the steps up to {within[-1]} stay within it" if within else "no step stays within it"
    built = ", ".join(f"{s['name']} {x(s[key])}" for s in steps)
    return f"{what}: {built}; of the {x(target)} target, {reach}."


# The libraries bench/floor.py replays, in the order of the table: each row's label, and what it did on a site.
FLOOR_LIBRARIES: tuple[tuple[str, str, Callable[[dict[str, Any]], str]], ...] = (
    ("markdown", "Python-Markdown: each annotation text rendered once", lambda v: f"{num(v['texts'])} texts"),
    ("citeproc", "citeproc-py: the works formatted, and the text's own citations", lambda v: f"{num(v['works_formatted'])} works, {num(v['calls'])} calls"),
    ("yaml", "libyaml: composing the annotation files", lambda v: f"{num(v['files'])} files, {v['bytes'] / 1e6:.2f} MB"),
    ("json", "JSON: encoding the exports", lambda v: f"{num(v['files'])} files, {v['bytes'] / 1e6:.2f} MB"),
    # The engine writes these itself (MkDocs writes the pages), so their writing is among its calls, not MkDocs'.
    ("files", "The system: making the files the engine adds that are not pages (downloads, exports, its CSS and JS), in an empty folder", lambda v: f"{num(v['count'])} files, {v['bytes'] / 1e6:.1f} MB"),
)


def floor_numbers(r: dict[str, Any], floor: dict[str, Any]) -> dict[str, float]:
    """The floor of one site from its part (medians of the interleaved runs) and bench/floor.py's replays."""
    plain, hooked, engine = r["median_inproc_s"]["off"], r["median_inproc_s"]["on"], r["engine_s"]
    libraries = sum(floor["libraries"][name]["s"] for name, *_ in FLOOR_LIBRARIES)
    mkdocs = hooked - engine - plain  # MkDocs, the theme and the hook's glue on what the features add
    total = plain + mkdocs + libraries
    return {"plain": plain, "hooked": hooked, "mkdocs": mkdocs, "libraries": libraries, "floor": total, "ratio": total / plain, "beyond": engine - libraries}


def floor_section(r: dict[str, Any]) -> str:
    """What a hooked build cannot do without: the floor the build targets are judged against."""
    found = r.get("floor")
    if not found:
        return ""
    sites = (("essay", "Essay (part 1)", r["real_site"], ESSAY_TARGET), ("book", "Book", r["book"], BOOK_TARGET))
    numbers = {name: floor_numbers(part, found[name]) for name, _, part, _ in sites}
    rows: list[list[object]] = [["Build without the hook (in-process, median)", *(sec(numbers[n]["plain"]) for n, *_ in sites)]]
    rows.append(["MkDocs and the theme on what the features add (generated pages, larger pages), and the hook's glue", *(dur(numbers[n]["mkdocs"]) for n, *_ in sites)])
    for key, label, did in FLOOR_LIBRARIES:
        rows.append([label, *(f"{dur(found[n]['libraries'][key]['s'])} ({did(found[n]['libraries'][key])})" for n, *_ in sites)])
    rows.append(["**Floor**", *(f"**{sec(numbers[n]['floor'])}**" for n, *_ in sites)])
    rows.append(["Floor ÷ build without the hook", *(f"**{x(numbers[n]['ratio'])}**" for n, *_ in sites)])
    rows.append(["Target", *(x(target) for *_, target in sites)])
    rows.append(["Hooked build (in-process, median)", *(f"{sec(numbers[n]['hooked'])} ({x(numbers[n]['hooked'] / numbers[n]['plain'])})" for n, *_ in sites)])
    rows.append(["The engine's own code beyond the floor (its calls less the libraries' replayed work)", *(dur(numbers[n]["beyond"]) for n, *_ in sites)])
    book = numbers["book"]
    citeproc, markdown = (found["book"]["libraries"][k]["s"] for k in ("citeproc", "markdown"))
    without = (book["floor"] - citeproc - markdown) / book["plain"]
    return (
        "**The floor.** What a hooked build cannot do without, whatever its own code costs (`bench/floor.py`): the "
        "libraries' work for what the features show, recorded during one build and replayed alone afterwards (best of 3, "
        "garbage collector off: a lower bound), on top of the build without the hook and of what MkDocs and the theme "
        "do with the pages and files the features add (the hooked build less the engine's calls, less the build "
        "without the hook). The hook gives the theme's templates the engine's cache of compiled templates, which the "
        "build without the hook lacks: the MkDocs row is lower by what compiling them costs there (about 0.1 s; on the "
        "essay it falls below zero), so this floor is lower, by that much, than one with the same cache on both sides. "
        "citeproc-py is replayed from unparsed styles, with the lookups the engine remembers in a parsed style (its "
        "XPath queries, terms and which groups call a variable, `csl/cite.py`) remembered afresh, as in a build.\n\n"
        + table(["", "Essay", "Book"], rows)
        + cross_check(r, numbers["book"]["mkdocs"])
        + f"\n\nOn the book the floor alone is {x(book['ratio'])} the build without the hook. Without citeproc "
        f"(the References page, bibliographies and \"Cite this\") and without rendering the glossary's explanations, it "
        f"would be {x(without)}."
        + memory_floor_section(found)
    )


def memory_floor_section(found: dict[str, Any]) -> str:
    """The memory floor (bench/memfloor.py) of the essay and the book, as a table."""
    if not all("memory" in found[n] for n in ("essay", "book")):
        return ""
    m = {n: found[n]["memory"]["median_peak_mib"] for n in ("essay", "book")}
    rows: list[list[object]] = [
        ["Build without the hook (`mkdocs build`)", *(mib(m[n]["plain"]) for n in m)],
        ["**Memory floor**: MkDocs without the hook holding, indexing and writing the hooked site", *(f"**{mib(m[n]['floor'])}** ({x(m[n]['floor'] / m[n]['plain'])})" for n in m)],
        ["The same without the glossary page", *(f"{mib(m[n]['without_glossary_page'])} ({x(m[n]['without_glossary_page'] / m[n]['plain'])})" if "without_glossary_page" in m[n] else "-" for n in m)],
        ["Target", "-", x(BOOK_MEMORY_TARGET)],
    ]
    return (
        "\n\n**The memory floor.** `bench/memfloor.py` builds the project without the hook, with a plugin that makes "
        "MkDocs do what it must with the hooked site and nothing more: it reads the annotation files with libyaml and "
        "keeps their values, gives every page (the hook's pages included, all kept from the theme's search indexer as "
        "the hook keeps its glossary page) the hooked page's article as its content, "
        "less the blocks the hooked build holds back from the search, writes the hooked page as its output, and "
        "copies every other file the hook adds from disk to disk. It holds no term card, no held-back block and no "
        "export, and makes none of them: a lower bound. Peak memory of each process (maximum resident set size), "
        f"medians of {found['book']['memory']['rounds']} interleaved rounds:\n\n"
        + table(["", "Essay", "Book"], rows)
    )


def memory_floor_verdict(r: dict[str, Any]) -> str:
    """Whether the book's memory target is within its measured floor, for the targets' lines."""
    memory = (r.get("floor") or {}).get("book", {}).get("memory")
    if not memory:
        return ""
    m = memory["median_peak_mib"]
    ratio = m["floor"] / m["plain"]
    reach = "out of reach without dropping a feature" if ratio > BOOK_MEMORY_TARGET else "within reach of the floor"
    glossary = m.get("without_glossary_page")
    cost = f" Without the glossary page it would be {x(glossary / m['plain'])}." if glossary else ""
    return f"The measured memory floor (part 2, \"The memory floor\") is {x(ratio)} ({mib(m['floor'])}): {reach}.{cost}"


def cross_check(r: dict[str, Any], residual: float) -> str:
    """MkDocs' share measured a second way: in a served rebuild the engine reuses nearly all it made, so what is
    left of the rebuild beyond the book's without the hook is MkDocs' and the theme's on the features' output."""
    rebuilt = (r.get("serve") or {}).get("rebuild")
    if not rebuilt:
        return ""
    prose = "a page's prose"
    edited = rebuilt["book"][prose]
    direct = edited["rebuild_s"] - edited["engine_s"] - rebuilt["plain book"][prose]["rebuild_s"]
    return (
        f"\n\nThe MkDocs row is what is left of the hooked build once the engine's calls and the build without the "
        f"hook are taken out ({dur(residual)} on the book). Measured a second way, in part 7's served rebuild after "
        f"a page edit, where the engine reuses nearly all it made, MkDocs and the theme take {dur(direct)} more than "
        "in the same rebuild of the book without the hook."
    )


def floor_verdict(r: dict[str, Any], name: str, target: float) -> str:
    """Whether the target is within the measured floor, for the targets' lines."""
    found = r.get("floor")
    if not found:
        return ""
    numbers = floor_numbers(r["real_site" if name == "essay" else "book"], found[name])
    reach = "out of reach without dropping a feature" if numbers["ratio"] > target else "within reach of the floor"
    return (
        f"The measured floor (part 2, \"The floor\") is {x(numbers['ratio'])}: {reach}. Beyond the floor the engine's own "
        f"code takes {dur(numbers['beyond'])}."
    )


def feature_rows(found: dict[str, Any]) -> list[tuple[str, float, float, float, float]]:
    rows = []
    before = found["off_s"]
    for step in found["steps"]:
        rows.append((step["label"], step["build_s"], step["build_s"] - before, step["engine_s"], step["ratio"]))
        before = step["build_s"]
    return rows


def feature_floor(found: dict[str, Any] | None) -> str:
    """The book's ratio with fewer features: where the 3x target stands against what each feature costs."""
    if not found:
        return ""
    return steps_against(found, "ratio", BOOK_TARGET, "What each feature costs (part 2's per-feature table, each step adding to the one before)")


def hook_why(r: dict[str, Any], y: dict[str, Any]) -> str:
    calls = r["engine_calls_s"]
    # The hook's own calls only: the units' steps and inner steps (`QuoteIndex.find`) run inside them, and so
    # does `Build.head` (inside `Build.published`).
    top = sorted(((k, v) for k, v in calls.items() if k.startswith("Build.") and k != "Build.head"), key=lambda kv: -kv[1])[:3]
    # `records.parse_yaml` in results taken before the parser moved to its own module
    name = next((k for k in ("yamlfile.parse_yaml", "records.parse_yaml") if k in calls), "")
    part = split(r)
    inproc = r["median_inproc_s"]
    bound = (inproc["on"] - part["engine"]) / inproc["off"]
    return (
        f"The engine is {part['engine'] / part['extra']:.0%} of the extra time; its largest calls are "
        + ", ".join(f"`{k}` {dur(v)}" for k, v in top)
        + (yaml_note(name, calls[name], y["libyaml_s"]) if name else "")
        + f". MkDocs' own steps for the generated glossary page take {dur(part['glossary'])}, for the References page "
        f"{dur(part['references'])}, and the section pages, with their links, markers, cards and endnotes, "
        f"{dur(part['other'])} more to template and search-index: even if the engine "
        f"took no time at all, the in-process ratio would be {x(bound)}."
    )


def notes_paragraph(info: dict[str, Any]) -> str:
    types = info["works_by_type"]
    mix = ", ".join(f"{num(n)} `{t}`" for t, n in types.items())
    low, high = info["quote_words"]
    return (
        f"The book carries {num(info['notes'])} notes ({num(info['notes_bytes'])} bytes of YAML in the format of "
        f"`annotations/notes.yml`), spread evenly over the {info['sections']} sections (one paragraph holds at most "
        f"one note) and numbered in reading order. Each is anchored by a quote of {low} to {high} consecutive words of "
        f"its paragraph that end a sentence and occur exactly once in the whole book's prose (checked when "
        f"generating, so the marker lands after a full stop, never inside a term). {num(info['notes_citing_none'])} "
        f"notes are commentary that cite no work, {num(info['notes_citing_two'])} cite two, the rest one: "
        f"{num(info['citations'])} citations of {num(info['works'])} works ({num(info['works_bytes'])} bytes of "
        f"CSL-YAML, as `annotations/works.yml`: {mix}; every work cited at least once, books often with a page "
        f"locator). An `essay.yml` with one `article` turns on the head metadata and the \"Cite this\" panel on every "
        f"page, as on the real site. Without the hook there are no annotation files, so no glossary or References page."
    )


def anchoring_section(book: dict[str, Any]) -> str:
    a = book.get("notes_anchoring")
    if not a or "find_s" not in a or "prose_s" not in a:
        return ""
    calls = book["engine_calls_s"]
    find, anchor = calls.get("QuoteIndex.find"), calls.get("notes.anchor")
    in_build = []
    if find:
        in_build.append(f"`QuoteIndex.find` {dur(find)}")
    if anchor:
        in_build.append(f"the markers (`notes.anchor`) {dur(anchor)}")
    rows = [
        ["`Prose(html)`, once per page (its tokens, numbered paragraphs and prose text), shared by every unit's steps", num(a["pages"]), dur(a["prose_s"]), dur(a["prose_s"] / a["pages"])],
        ["`QuoteIndex(uses)`, once per build: every quote filed under its first two words", "1", dur(a["index_s"]), dur(a["index_s"])],
        ["`QuoteIndex.find(prose)`, once per page: one walk over its words", num(a["pages"]), dur(a["find_s"]), dur(a["find_s"] / a["pages"])],
        ["of which the page's folded text (`Prose.folded`, made on first use)", num(a["pages"]), dur(a["folded_s"]), dur(a["folded_s"] / a["pages"])],
        ["The old way, for comparison: Python's `str.find` of every quote in every page's text", num(a["lookups"]), dur(a["str_find_s"]), f"{a['str_find_s'] / a['lookups'] * 1e6:.1f} µs"],
    ]
    return (
        "Finding the notes' quotes (inside `Build.weave`"
        + (": " + ", ".join(in_build) + " in the build" if in_build else "")
        + f"), step by step on the same {a['pages']} section pages ({num(a['page_chars'])} characters of prose), best "
        f"of {a['repeat']} with the garbage collector off:\n\n"
        + table(["Step", "Calls", "Time", "Per call"], rows)
        + f"\n\nThe index files the {num(a['notes'])} quotes under their first two words ({num(a['quote_first_words'])} "
        f"different pairs), and each page is walked once: a quote is compared with the text only where two words of "
        f"the page are its first two. That makes {num(a['candidates'])} comparisons here, "
        f"{a['candidates'] / a['words']:.2f} per word of prose (filed under one word, as before, most synthetic quotes "
        f"would start with one of the couple of hundred common words the prose is made of, and every occurrence of "
        f"such a word would be tried): the cost grows with the text and the quotes that share a start with it, not "
        f"with notes × pages as such. They find {num(a['hits'])} places, "
        f"{num(a['placed'])} notes standing exactly once. Looking up every quote in every page the old way "
        f"({num(a['notes'])} × {a['pages']} = {num(a['lookups'])} `str.find` calls, each scanning a whole page to "
        f"find the quote in the one page that has it) takes {dur(a['str_find_s'])} on text already folded, "
        f"{'more' if a['str_find_s'] >= a['find_s'] else 'less'} than the index's {dur(a['find_s'])} with the folding, "
        f"and checks none of what the index checks (whole words, one paragraph, prefix and suffix)."
    )


def notes_why(r: dict[str, Any]) -> str:
    calls = r["engine_calls_s"]
    parts = [
        ("finding the quotes (`QuoteIndex.find`)", calls.get("QuoteIndex.find")),
        ("placing the note markers (`notes.anchor`)", calls.get("notes.anchor")),
        ("the endnotes and note cards (`notes.finish`)", calls.get("notes.finish")),
        ("the References page (`notes.fill`)", calls.get("notes.fill")),
        ("the bibliography files (`notes.generate`)", calls.get("notes.generate")),
        ("reading the notes and works files (`notes.load`)", calls.get("notes.load")),
        ("the notes as Web Annotations (`notes.web_annotations`)", calls.get("notes.web_annotations")),
        ("the pages' citation metadata (`citing.head`)", calls.get("citing.head")),
        ("\"Cite this\" (`citing.finish`)", calls.get("citing.finish")),
        ("the quote warnings (`quotes.explain`)", calls.get("quotes.explain")),
    ]
    known = [(what, t) for what, t in parts if t is not None]
    total = sum(t for _, t in known)
    formatted = calls.get("csl.cite.formatted")
    refs = f" (the CSL processor formatting the works, `csl.cite.formatted`, is {dur(formatted)} of it)" if formatted else ""
    return (
        f"Of the engine's time, the notes, works and essay take {dur(total)}: "
        + ", ".join(f"{what} {dur(t)}" + (refs if "notes.fill" in what else "") for what, t in known)
        + "."
    )


def scaling_svg(s: dict[str, Any]) -> str:
    """Two small panels: time per page against words (log-log), and against terms (log x, linear y)."""
    words = [(p["words"], p["page_s"] * 1e3) for p in s["by_words"]]
    terms = [(p["terms"], p["page_s"] * 1e3) for p in s["by_terms"]]
    build = [(p["terms"], p["construct_s"] * 1e3) for p in s["by_terms"]]
    fixed_terms, fixed_words = s["by_words"][0]["terms"], s["by_terms"][0]["words"]
    desc = (
        f"Left: engine time per page at {fixed_terms:,} terms, "
        + ", ".join(f"{w:,} words {t:.1f} ms" for w, t in words)
        + f". Right: at {fixed_words:,} words, per page "
        + ", ".join(f"{n:,} terms {t:.1f} ms" for n, t in terms)
        + "; matcher construction "
        + ", ".join(f"{n:,} terms {t:.1f} ms" for n, t in build)
        + "."
    )
    left = _panel(30, "Words on the page (log scale)", "ms per page (log scale)", [("per page", words, "#1f5fa8", "")], log_y=True)
    right = _panel(
        410,
        "Terms in the glossary (log scale)",
        "ms (linear scale)",
        [("per page", terms, "#1f5fa8", ""), ("construction", build, "#b4461b", "6 4")],
        log_y=False,
    )
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="770" height="300" viewBox="0 0 770 300" role="img" aria-labelledby="t d" font-family="system-ui, sans-serif" font-size="11">
<title id="t">How the engine's time grows with the text and with the glossary</title>
<desc id="d">{escape(desc)}</desc>
<rect width="770" height="300" fill="#fff"/>
<text x="230" y="16" text-anchor="middle" font-size="12" font-weight="bold">At {fixed_terms:,} terms</text>
<text x="610" y="16" text-anchor="middle" font-size="12" font-weight="bold">At {fixed_words:,} words</text>
{left}
{right}
</svg>
"""


Series = tuple[str, list[tuple[float, float]], str, str]


def _panel(left: int, x_label: str, y_label: str, series: list[Series], log_y: bool) -> str:
    top, width, height = 30, 300, 210
    x0 = left + 50
    xs = [p[0] for _, pts, _, _ in series for p in pts]
    ys = [p[1] for _, pts, _, _ in series for p in pts]
    lx = (math.log10(min(xs)), math.log10(max(xs)))
    if log_y:
        ly = (math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys))))
        y_ticks = [10.0**e for e in range(ly[0], ly[1] + 1)]
        ymap: Callable[[float], float] = lambda v: top + height - (math.log10(v) - ly[0]) / (ly[1] - ly[0]) * height
    else:
        y_max = _nice(max(ys))
        y_ticks = [y_max * i / 4 for i in range(5)]
        ymap = lambda v: top + height - v / y_max * height
    xspan = (lx[1] - lx[0]) or 1.0
    xmap: Callable[[float], float] = lambda v: x0 + 10 + (math.log10(v) - lx[0]) / xspan * (width - 20)
    out = [f'<g aria-hidden="true"><line x1="{x0}" y1="{top}" x2="{x0}" y2="{top + height}" stroke="#333"/>']
    out.append(f'<line x1="{x0}" y1="{top + height}" x2="{x0 + width}" y2="{top + height}" stroke="#333"/>')
    for v in y_ticks:
        y = ymap(v)
        out.append(f'<line x1="{x0}" y1="{y:.1f}" x2="{x0 + width}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{x0 - 4}" y="{y + 4:.1f}" text-anchor="end">{_label(v)}</text>')
    for v in sorted(set(xs)):
        out.append(f'<text x="{xmap(v):.1f}" y="{top + height + 14}" text-anchor="middle">{_label(v)}</text>')
    out.append(f'<text x="{x0 + width / 2}" y="{top + height + 32}" text-anchor="middle">{escape(x_label)}</text>')
    out.append(f'<text transform="translate({left + 8} {top + height / 2}) rotate(-90)" text-anchor="middle">{escape(y_label)}</text></g>')
    for n, (name, pts, colour, dash) in enumerate(series):
        path = " ".join(f"{xmap(a):.1f},{ymap(b):.1f}" for a, b in pts)
        out.append(
            f'<g><title>{escape(name)}</title><polyline points="{path}" fill="none" stroke="{colour}" '
            f'stroke-width="2" stroke-dasharray="{dash}"/>'
        )
        for a, b in pts:
            out.append(f'<circle cx="{xmap(a):.1f}" cy="{ymap(b):.1f}" r="3.5" fill="{colour}"><title>{a:,.0f}: {b:.2f} ms</title></circle>')
        out.append(f'<text x="{x0 + 14}" y="{top + 14 + 14 * n}" fill="{colour}">{"—" if not dash else "- -"} {escape(name)}</text></g>')
    return "\n".join(out)


def _nice(v: float) -> float:
    """The smallest of 1, 2, 5 x 10^n at or above v, for a round axis maximum."""
    e = 10.0 ** math.floor(math.log10(v))
    return next(m * e for m in (1, 2, 5, 10) if m * e >= v)


def _label(v: float) -> str:
    if v >= 1000:
        return f"{v / 1000:g}k"
    return f"{v:g}"


SERVE_TARGETS = {"essay": 0.8, "book": 2.0}  # seconds from a save to the change showing (issue 14)


def serve_section(found: dict[str, Any] | None) -> str:
    if not found:
        return ""
    rows = []
    for project in ("essay", "plain essay", "book", "plain book"):
        for edit, m in found.get(project, {}).items():
            runs = ", ".join(f"{t:.2f}" for t in m["runs_s"])
            target = SERVE_TARGETS.get(project)
            judged = (f"≤ {target:.1f} s", verdict(m["median_s"] <= target)) if target else ("-", "no target: MkDocs alone")
            rows.append((_served_name(project), edit, f"**{m['median_s']:.2f} s** ({runs})", *judged))
    return f"""
## 7. The edit loop under `mkdocs serve`

`mkdocs serve --livereload` runs on a copy of the real site and on the synthetic book; the benchmark saves an edit
(a glossary definition, or a sentence added to a section page) and times until the served page shows it, polling
every 20 ms: the watcher's own wait is included, as an author lives it. {found['rounds']} saves of each kind; medians.
After each edit shows, the next save waits a second and a random part of the watcher's half-second poll (seeded, so
the same in every run): MkDocs looks at the files every 0.5 s, and a fixed pause would put every save at one point of
that cycle, so that all of them waited next to nothing or all the whole half second, as the build's length happened
to fall. The essay and the book without the hook show what MkDocs' own loop takes for the same prose edit.

{table(("Site", "Edit", "Median (runs, s)", "Target", "Met"), rows)}
{served_memory(found)}{rebuild_paragraph(found)}"""


def _served_name(project: str) -> str:
    return project.replace("plain ", "") + " without the hook" if project.startswith("plain ") else project


def served_memory(found: dict[str, Any]) -> str:
    """The served process's memory after its first build and after the edits: a long authoring session must not grow it."""
    measured = {project: m for project, m in found.get("memory", {}).items() if m}
    if not measured:
        return ""
    parts = [
        f"{_served_name(project)}: {m['first_build_mib']:.0f} MiB after the first build, "
        f"{m['after_edits_now_mib']:.0f} MiB after {m['edits']} edits (peak {m['after_edits_peak_mib']:.0f} MiB)"
        for project, m in measured.items()
    ]
    return (
        "\nThe served process's resident memory, read from `/proc` a second after the last edit showed: "
        + "; ".join(parts) + ". After each build the hook has the garbage collector run once the server is idle, so that "
        "what a build leaves in reference cycles does not pile up from one edit to the next.\n"
    )


def rebuild_paragraph(found: dict[str, Any]) -> str:
    """Where a served edit's rebuild goes: the engine's calls against MkDocs' and the theme's share."""
    rebuilt = found.get("rebuild")
    if not rebuilt:
        return ""
    rows = []
    plain = rebuilt["plain book"]["a page's prose"]

    def written(m: dict[str, Any]) -> str:
        if "files_s" not in m:
            return NOT_MEASURED
        spread = f"; {dur(min(m['files_runs_s']))} to {dur(max(m['files_runs_s']))}" if m.get("files_runs_s") else ""
        return f"{dur(m['files_s'])} ({num(m['files'])} files{spread})"

    for edit, m in rebuilt["book"].items():
        rows.append(("book", edit, sec(m["rebuild_s"]), dur(m["engine_s"]), sec(m["rebuild_s"] - m["engine_s"]), written(m)))
    rows.append(("book without the hook", "a page's prose", sec(plain["rebuild_s"]), "-", sec(plain["rebuild_s"]), written(plain)))
    return (
        "\nEach rebuild timed in-process as serve's builder runs it (`load_config` + `build`, after one build as serve "
        f"makes it; `bench/rebuild.py`, median of {rebuilt['book']['a page' + chr(39) + 's prose']['rounds']} edits), "
        "with the engine's calls apart: the rest is MkDocs' and the theme's (writing every page and file again, since "
        "serve empties the site folder before each build), which an edit waits for whatever the engine does.\n\n"
        + table(("Site", "Edit", "Rebuild", "Engine's calls", "The rest", "Of the rest, MkDocs writing the files (median; range)"), rows)
        + "\n\nThe last column is MkDocs making every file again that is not a page (`File.copy_file`): the theme's "
        "assets. It is timed apart because it varies with the disk's state far more than the rest: making a new file "
        "took from a few hundredths of a millisecond to most of one here, build after build in one process. The "
        "engine's downloads (three per work, and the bibliographies) are not among them: under serve the engine "
        "makes only those that changed and links the others from the copies it keeps for the run, which is part of "
        "the engine's calls.\n"
    )


def serve_floor(found: dict[str, Any] | None) -> str:
    """The book's served edits against their floor: MkDocs' own loop plus what it spends on the features' output."""
    if not found or "rebuild" not in found or "plain book" not in found:
        return ""
    rebuilt, prose = found["rebuild"], "a page's prose"
    plain_served = found["plain book"][prose]["median_s"]
    plain_rebuild = rebuilt["plain book"][prose]["rebuild_s"]
    parts = []
    for edit, m in rebuilt["book"].items():
        floor = plain_served + (m["rebuild_s"] - m["engine_s"] - plain_rebuild)
        reach = "within the target" if floor <= SERVE_TARGETS["book"] else "over the target"
        parts.append(f"{edit} {sec(floor)} ({reach}; the engine's calls add {dur(m['engine_s'])})")
    return (
        f"The floor on the book, MkDocs' own loop for the same edit without the hook ({sec(plain_served)}, watcher "
        f"included) plus what MkDocs and the theme spend on the features' pages and files in a rebuild: " + "; ".join(parts) + "."
    )


def serve_target(found: dict[str, Any] | None) -> str:
    saves = found["rounds"] if found else 5
    head = (
        f"- **`mkdocs serve` edit loop ≤ {SERVE_TARGETS['book']:.0f} s on the book, ≤ {SERVE_TARGETS['essay']:.1f} s on the essay**, "
        f"for an edit to a glossary definition and to a page's prose (median of {saves} saves, the watcher included; part 7)"
    )
    if not found:
        return f"{head}: **{NOT_MEASURED}**."
    judged = {
        project: [(edit, m["median_s"], m["median_s"] <= SERVE_TARGETS[project]) for edit, m in found[project].items()]
        for project in ("book", "essay")
    }
    met = all(ok for edits in judged.values() for _, _, ok in edits)
    detail = "; ".join(
        f"{project}: " + ", ".join(f"{edit} {sec(median)} {verdict(ok)}" for edit, median, ok in edits) for project, edits in judged.items()
    )
    plain = found.get("plain essay", {}).get("a page's prose")
    essay = f" On the essay, MkDocs' own loop takes {sec(plain['median_s'])} for the same prose edit without the hook." if plain else ""
    return f"{head}: {verdict(met)}: {detail}. {serve_floor(found)}{essay}"


ALTERNATIVE_NAMES = {
    "on": "Ours (the hook)",
    "off": "Plain build (no glossary)",
    "abbr-append": "`abbr` + Material's auto-append recipe",
    "abbr-glossary": "`abbr`'s `glossary` option",
    "ezglossary": "mkdocs-ezglossary",
}
# What each does, and does not, for the reader: the table's times buy different things.
ALTERNATIVE_DOES = {
    "on": (
        "marks every mention of a term (the first in each section a link to its glossary entry) with a card holding "
        "its definition, explanation and sources, lists each section's terms, and writes the glossary page with "
        "every paragraph a term appears in; from the annotation files there are, the same build also places the "
        "notes, formats the citations and the References page, numbers the paragraphs, adds \"Cite this\" and "
        "writes the data exports (Web Annotations, SKOS, CSL-JSON, BibTeX, RIS)"
    ),
    "off": "the same pages with none of it: the floor every option adds to",
    "abbr-append": (
        "wraps every occurrence of every variant, on every page and in headings too, in `<abbr title=\"definition\">`, "
        "which Material shows as a tooltip; every page's Markdown gets the whole file of definitions appended and "
        "parses it. No glossary page, no links, no explanations or sources, nothing for notes, citations, figures "
        "or exports"
    ),
    "abbr-glossary": (
        "the same `<abbr>` tooltips from definitions given once in `mkdocs.yml`, so no file is parsed per page; "
        "the same limits"
    ),
    "ezglossary": (
        "turns links an author writes by hand, one per mention (`<glossary:term|text>`; generated here for every "
        "mention in the section pages' prose), into links to a definition-list glossary page, with the "
        "definition as the link's title; it finds no term by itself, and does nothing for notes, citations, "
        "figures or exports"
    ),
}


def alternatives_table(t: dict[str, Any]) -> str:
    wall, peak, runs = t["median_wall_s"], t["median_peak_mib"], t["wall_s"]
    found = t["marks"]
    shown = {"abbr-append": "`<abbr>`", "abbr-glossary": "`<abbr>`", "ezglossary": "links"}
    rows = [
        [
            ALTERNATIVE_NAMES[name],
            f"**{sec(wall[name])}** ({', '.join(f'{v:.2f}' for v in runs[name])})",
            x(t["ratio_to_plain"][name]),
            x(t["ratio_to_ours"][name]),
            mib(peak[name]),
            f"{num(found[name])} {shown[name]}" if name in shown else "-",
        ]
        for name in wall
    ]
    head = ["Build", f"`mkdocs build` wall time, median of {t['rounds']} (runs, s)", "÷ plain", "Their time ÷ ours", "Peak memory", "On the section pages"]
    return table(head, rows)


def abbr_file_note(name: str, t: dict[str, Any]) -> str:
    cost = t["abbr_file_cost"]
    return (
        f"On the {name}, one section page converted by Python-Markdown with the file of {num(t['variants'])} "
        f"definitions appended takes {dur(cost['one_block_s'])} with the definitions on consecutive lines and "
        f"{dur(cost['blank_line_apart_s'])} a blank line apart."
    )


def packages_used(alt: dict[str, Any]) -> str:
    packages = alt.get("packages")
    return " (" + ", ".join(f"{k} {v}" for k, v in packages.items()) + ")" if packages else ""


def one_block_book(t: dict[str, Any]) -> str:
    if "pages" not in t:
        return ""
    total = t["abbr_file_cost"]["one_block_s"] * t["pages"]
    return f"Built that way, the book would spend about that on each of its {t['pages']} pages: some {total / 60:.0f} minutes a build."


def alternatives_section(alt: dict[str, Any] | None) -> str:
    if not alt:
        return ""
    essay, book = alt["essay"], alt["book"]
    does = "\n".join(f"- *{ALTERNATIVE_NAMES[name]}*: {text}." for name, text in ALTERNATIVE_DOES.items())
    return f"""
## 8. The alternatives built side by side

What a user might set up instead{packages_used(alt)}, on the same docs and the same terms, each a full `mkdocs build` in a fresh
process (wall time, start-up included, and peak memory), built in turn with our hooked build and the plain build
(ours, plain, abbr + recipe, abbr's option, ezglossary, ours, ...) after one untimed build of each; medians, with
as many rounds as parts 1 and 2. Each alternative is the project without the hook of part 1 (or 2) plus its own
settings and files:

- `abbr` + Material's recipe ("Adding a glossary" in its Tooltips reference): `markdown_extensions` gains `abbr`,
  `attr_list` and `pymdownx.snippets` with `auto_append: [{INCLUDES}]`, a file outside `docs/` with
  one `*[variant]: definition` per variant ({num(essay['variants'])} on the essay, {num(book['variants'])} on the
  book), a blank line between them (see below).
- `abbr`'s `glossary` option (Markdown 3.6 and later): the same definitions as `abbr: {{glossary: {{variant: definition, ...}}}}`
  in `mkdocs.yml`.
- mkdocs-ezglossary: every mention in the section pages' prose (headings left alone) rewritten as
  `<glossary:term|text>`, a `glossary.md` page in the nav with the definitions as a definition list
  (`def_list`), and the plugin with `tooltip: short`. The term is the glossary's name where ezglossary's syntax
  allows it, else its id (`A2/AD` has a slash).

The mentions are every whole-word, case-sensitive occurrence of a variant, longest first: `abbr`'s own pattern,
so ezglossary gets the links `abbr` would mark. The benchmark checks each alternative worked before timing it:
the section pages must hold at least as many `<abbr>` elements as there are mentions (`abbr` also marks headings),
and exactly as many ezglossary links (one ezglossary cannot resolve stays a plain link, without its class):
{num(essay['marks']['mentions'])} mentions on the essay's {essay['marks']['section_pages']} section pages,
{num(book['marks']['mentions'])} on the book's {book['marks']['section_pages']}.

### The essay ({num(essay['terms'])} terms)

{alternatives_table(essay)}

### The synthetic book ({num(book['terms'])} terms)

{alternatives_table(book)}

What each does:

{does}

{ezglossary_import(alt)}

Material's recipe shows the definitions on consecutive lines. That makes them one Markdown block, and `abbr`
takes one definition per pass and puts the rest of the block back for every block processor to test again, so
the time grows with the square of the number of definitions. {abbr_file_note("essay", essay)}
{abbr_file_note("book", book)} {one_block_book(book)} The benchmark writes the definitions a blank line apart,
which `abbr` reads the same, and times that.
"""


def ezglossary_import(alt: dict[str, Any]) -> str:
    if "ezglossary_import_s" not in alt:
        return ""
    cost = alt["ezglossary_import_s"]
    added = {text: alt[text]["median_wall_s"]["ezglossary"] - alt[text]["median_wall_s"]["off"] for text in ("essay", "book")}
    return (
        f"A fixed cost of ezglossary: its plugin module builds an `inflect` engine when MkDocs imports it, which "
        f"typeguard instruments: {dur(cost)} of every build (median of 3 imports in fresh processes, timed apart from "
        f"the builds), where ezglossary adds {dur(added['essay'])} to the plain build on the essay and "
        f"{dur(added['book'])} on the book."
    )


def alternatives_target(alt: dict[str, Any] | None) -> str:
    if not alt:
        return f"**{NOT_MEASURED}** in this `results.json` (`bench/run.py --only alternatives` measures part 8)."
    ratios = "; ".join(
        f"on the {text}, " + ", ".join(f"{ALTERNATIVE_NAMES[n]} {x(alt[text]['ratio_to_ours'][n])}" for n in ALTERNATIVES)
        for text in ("essay", "book")
    )
    return f"{verdict(True)}: part 8 builds them with ours; their time ÷ ours: {ratios}."
