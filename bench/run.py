"""Runs every benchmark of issues #3 and #14, writes bench/results.json and regenerates bench/README.md from it.

`python bench/run.py --report` only regenerates the README and the plot from the last results.json;
`python bench/run.py --only lighthouse` (or `serve`, `alternatives`, `libraries`, `floor`) runs only that part and merges it
into the last results.json.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml

import alternatives
import builds
import engine
import features
import lighthouse
import serve
import report
import synth

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results.json"
ROUNDS_REAL = 7
ROUNDS_BOOK = 5
ROUNDS_FEATURES = 3  # six hooked builds of the book a round
ROUNDS_MEMORY = 3  # peak memory varies little between runs
SECTION_PAGES = ("introduction", "tech-breakthrough", "impact-on-stability", "missile-defense-policy")
PARTS = 8  # bench/README.md's parts, which the steps of a full run follow
BOOK = {"sections": 60, "words": 250_000, "terms": 2_000, "notes": synth.NOTES, "works": synth.WORKS}


def machine() -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    commit = _git("rev-parse", "--short", "HEAD")
    return {
        "cpu": model.group(1).strip() if model else platform.processor(),
        "cores": len(os.sched_getaffinity(0)),
        "load_average": os.getloadavg()[0],  # other work on the machine while measuring skews every number
        "python": platform.python_version(),
        "os": platform.platform(),
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit + (" with uncommitted changes" if _git("status", "--porcelain") else ""),
        "packages": {p: version(p) for p in ("mkdocs", "mkdocs-material", "Markdown", "PyYAML")},
    }


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else "unknown"


def inproc_build(config: Path, site: Path) -> dict[str, Any]:
    """Time of load_config + build measured inside a fresh process, so without start-up and imports."""
    return dict(builds.script_json("inproc.py", config, site))


def compare(projects: dict[str, Path], sites: Path, rounds: int, strict: bool) -> dict[str, Any]:
    """Builds 'on' and 'off' alternately, after one untimed build of each (disk cache, bytecode)."""
    builds.warm_up(projects, sites, strict)
    runs: dict[str, list[builds.Run]] = {name: [] for name in projects}
    inproc: dict[str, list[dict[str, Any]]] = {name: [] for name in projects}
    for _ in range(rounds):
        for name, run in builds.one_round(projects, sites, strict).items():
            runs[name].append(run)
        for name, project in projects.items():
            inproc[name].append(inproc_build(project / "mkdocs.yml", sites / f"{name}-inproc"))
    on = inproc["on"]
    calls = {k: statistics.median(run["calls"].get(k, 0.0) for run in on) for k in on[0]["calls"]}
    result: dict[str, Any] = {"rounds": rounds, **builds.summary(runs)}
    result["inproc_s"] = {n: [r["build_s"] for r in runs] for n, runs in inproc.items()}
    result["median_inproc_s"] = {n: statistics.median(v) for n, v in result["inproc_s"].items()}
    result["ratio_wall"] = result["median_wall_s"]["on"] / result["median_wall_s"]["off"]
    result["ratio_inproc"] = result["median_inproc_s"]["on"] / result["median_inproc_s"]["off"]
    result["ratio_peak"] = result["median_peak_mib"]["on"] / result["median_peak_mib"]["off"]
    result["engine_s"] = statistics.median(r["engine_s"] for r in on)
    result["pages_s"] = {
        name: {kind: statistics.median(r["pages"].get(kind, 0.0) for r in runs) for kind in ("glossary", "references", "other")}
        for name, runs in inproc.items()
    }
    result["engine_calls_s"] = dict(sorted(calls.items(), key=lambda kv: -kv[1]))
    return result


def drop_block(text: str, key: str, indent: str = "", required: bool = True) -> str:
    """mkdocs.yml without one key (top-level, or at `indent` under another) and the lines indented under it."""
    out, n = re.subn(rf"^{indent}{re.escape(key)}:.*\n(?:(?:{indent}[ \t]+.*)?\n)*", "", text, flags=re.MULTILINE)
    if n != 1 and (required or n > 1):
        raise ValueError(f"mkdocs.yml has no single '{key}' at indentation {len(indent)} to drop; update bench/run.py")
    return out


def generated_pages(config: dict[str, Any]) -> set[str]:
    """The pages the hook generates for the real site (glossary.md, references.md, ...), as the engine lists them."""
    from annoreader.core.build import Build, SiteConfig
    from annoreader.units import UNITS

    theme = config.get("theme") or {}
    site = SiteConfig(ROOT, config.get("site_name", ""), config.get("extra") or {}, config.get("site_url"), True, theme.get("language", "en"))
    build = Build(site, UNITS)
    build.load()
    files, _ = build.generated()
    return {path for path in files if path.endswith(".md")}


def real_projects(tmp: Path) -> tuple[dict[str, Path], list[str]]:
    """The real site as it is ('on'); without the hook, its settings and the nav lines of the pages it generates
    ('off'); and without any CSS and JS of the site's own either ('stock', a plain Material page, for page weight:
    the same as 'off' when, as now, the engine adds all of them). `watch` names hooks/, which 'off' lacks."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    generated = generated_pages(yaml.safe_load(text))
    off = drop_block(drop_block(drop_block(text, "hooks"), "watch"), "reader", indent="  ")
    dropped = []

    def nav_line(m: re.Match[str]) -> str:
        if m.group(1) in generated:
            dropped.append(m.group(1))
            return ""
        return m.group(0)

    off = re.sub(r"^[ \t]*- [^\n]*: ([^\s:]+\.md)[ \t]*\n", nav_line, off, flags=re.MULTILINE)
    if "glossary.md" not in dropped:
        raise ValueError("mkdocs.yml has no 'glossary.md' nav line to drop; update bench/run.py")
    stock = drop_block(drop_block(off, "extra_css", required=False), "extra_javascript", required=False)
    projects = {}
    for name, config, folders in (
        ("on", text, ("docs", "annotations", "hooks")),
        ("off", off, ("docs",)),
        ("stock", stock, ("docs",)),
    ):
        if name == "stock" and stock == off:
            projects[name] = projects["off"]
            continue
        project = tmp / f"real-{name}"
        for folder in folders:
            shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        (project / "mkdocs.yml").write_text(config, encoding="utf-8")
        projects[name] = project
    return projects, dropped


def real_site(tmp: Path) -> tuple[dict[str, Any], dict[str, Path]]:
    projects, dropped = real_projects(tmp)
    sites = tmp / "real-sites"
    result = compare({k: projects[k] for k in ("on", "off")}, sites, ROUNDS_REAL, strict=False)
    result["stock_is_off"] = projects["stock"] == projects["off"]
    if result["stock_is_off"]:
        stock = sites / "off"
    else:
        stock = sites / "stock"
        builds.cli_build(projects["stock"] / "mkdocs.yml", stock, strict=False)
    result["off_dropped_nav"] = dropped
    if not (sites / "on" / "glossary" / "index.html").exists() or (sites / "off" / "glossary").exists():
        raise RuntimeError("the hook was not switched on and off as intended")
    if (sites / "off" / "assets" / "reader.css").exists():
        raise RuntimeError("the site without the hook has the reader's CSS")
    return result, {"on": sites / "on", "stock": stock}


def book_project(folder: Path, hook: bool) -> Path:
    """The synthetic book at the benchmark's size, with or without the hook."""
    size = {"notes_count": BOOK["notes"], "works_count": BOOK["works"]}
    return synth.write_book(folder, BOOK["sections"], BOOK["words"], BOOK["terms"], hook=hook, **size)


def book_projects(tmp: Path) -> dict[str, Path]:
    """The synthetic book with the hook ('on') and without ('off'), in book-on and book-off."""
    return {name: book_project(tmp / f"book-{name}", hook=name == "on") for name in ("on", "off")}


def book(tmp: Path) -> dict[str, Any]:
    projects = book_projects(tmp)
    # --strict: a term that never occurs in the text, or a note whose quote is not in it exactly once, is a
    # warning, which would fail the build here.
    result = compare(projects, tmp / "book-sites", ROUNDS_BOOK, strict=True)
    site = tmp / "book-sites" / "on"
    markers = sum(p.read_text(encoding="utf-8").count('class="rdr-note-ref"') for p in site.glob("section-*/index.html"))
    if markers != BOOK["notes"] or not (site / "references" / "index.html").exists():
        raise RuntimeError(f"the synthetic book shows {markers} note markers, not {BOOK['notes']}, or has no References page")
    terms = synth.make_terms(BOOK["terms"])
    folder = projects["on"] / "annotations"
    notes = yaml.safe_load((folder / "notes.yml").read_text(encoding="utf-8"))["notes"]
    works = yaml.safe_load((folder / "works.yml").read_text(encoding="utf-8"))["references"]
    result["book"] = {
        **BOOK,
        "words": synth.book_words(projects["on"]),
        "variants": sum(len(t.variants) for t in terms),
        "multi_word_variants": sum(" " in v for t in terms for v in t.variants),
        "lowercase_variants": sum(v == v.lower() for t in terms for v in t.variants),
        "glossary_bytes": (folder / "glossary.yml").stat().st_size,
        "notes": len(notes),
        "notes_citing_none": sum(not n.get("cites") for n in notes),
        "notes_citing_two": sum(len(n.get("cites", ())) == 2 for n in notes),
        "citations": sum(len(n.get("cites", ())) for n in notes),
        "quote_words": [min(len(n["anchor"]["exact"].split()) for n in notes), max(len(n["anchor"]["exact"].split()) for n in notes)],
        "notes_bytes": (folder / "notes.yml").stat().st_size,
        "works": len(works),
        "works_by_type": {t: sum(w["type"] == t for w in works) for t in dict.fromkeys(w["type"] for w in works)},
        "works_bytes": (folder / "works.yml").stat().st_size,
        "markers": markers,
    }
    result["notes_anchoring"] = engine.notes_anchoring(projects["on"])
    result["features"] = features.costs(projects["on"], projects["off"], tmp / "feature-sites", ROUNDS_FEATURES)
    return result


def floors(real: dict[str, Path], book: dict[str, Path], sites: Path) -> dict[str, Any]:
    """The floor of the hooked builds of the essay and of the book (bench/floor.py): each project ('on', 'off')
    built without the hook first, for the files the hook adds."""
    found = {}
    for name, projects in (("essay", real), ("book", book)):
        plain = sites / f"{name}-floor-off"
        builds.cli_build(projects["off"] / "mkdocs.yml", plain, strict=False)
        hooked = sites / f"{name}-floor-on"
        found[name] = dict(builds.script_json("floor.py", projects["on"] / "mkdocs.yml", hooked, plain))
        found[name]["memory"] = memory_floor(projects, hooked, sites / f"{name}-memory")
    return found


def memory_floor(projects: dict[str, Path], hooked: Path, sites: Path) -> dict[str, Any]:
    """Peak memory of the build without the hook against bench/memfloor.py's (MkDocs without the hook holding and
    writing the hooked site), and against the same without the glossary page, in interleaved rounds."""
    config, annotations = projects["off"] / "mkdocs.yml", projects["on"] / "annotations"
    glossary = "glossary/" if (hooked / "glossary" / "index.html").is_file() else None
    measures: dict[str, Callable[[], float]] = {
        "plain": lambda: builds.cli_build(config, sites / "plain", strict=False).peak_mib,
        "floor": lambda: builds.script_json_and_peak("memfloor.py", config, sites / "floor", hooked, annotations)[1],
    }
    if glossary:
        measures["without_glossary_page"] = lambda: builds.script_json_and_peak("memfloor.py", config, sites / "floor", hooked, annotations, "--without", glossary)[1]
    samples: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(ROUNDS_MEMORY):
        for name, measure in measures.items():
            samples[name].append(measure())
    return {"peak_mib": samples, "median_peak_mib": {name: statistics.median(v) for name, v in samples.items()}, "rounds": ROUNDS_MEMORY}


def floor_part() -> dict[str, Any]:
    """Floors measured alone (`--only floor`), on fresh copies of the essay and the book."""
    with tempfile.TemporaryDirectory(prefix="rdr-floor-") as folder:
        tmp = Path(folder)
        real, _ = real_projects(tmp)
        return floors(real, book_projects(tmp), tmp / "floor-sites")


def by_library() -> dict[str, Any]:
    """One hooked build of the book profiled in a fresh process, its time by library (bench/libraries.py)."""
    with tempfile.TemporaryDirectory(prefix="rdr-libraries-") as folder:
        config = book_project(Path(folder) / "book", hook=True) / "mkdocs.yml"
        return dict(builds.script_json("libraries.py", config, Path(folder) / "site"))


def yaml_parse(files: dict[str, Path]) -> dict[str, Any]:
    """The engine's parse_yaml against composing the same file with libyaml's CSafeLoader, when PyYAML has it."""
    from annoreader.core.yamlfile import parse_yaml

    result = {}
    for name, path in files.items():
        data = path.read_bytes()
        text = data.decode("utf-8")
        result[name] = {
            "bytes": len(data),
            "engine_s": engine.best_of(lambda: parse_yaml(data, path.name), 3),
            "libyaml_s": engine.best_of(lambda: yaml.compose(text, Loader=yaml.CSafeLoader), 3) if yaml.__with_libyaml__ else None,
        }
    return result


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def page_weight(sites: dict[str, Path]) -> dict[str, Any]:
    """What our features add to a section page over a stock Material page, raw and gzipped. Our CSS and JS are
    generated by the engine: they are read from the hooked build's site."""
    assets = {name: (sites["on"] / "assets" / name).read_bytes() for name in ("reader.css", "reader.js")}
    material = [
        *sorted((sites["stock"] / "assets" / "stylesheets").glob("*.min.css")),
        *sorted((sites["stock"] / "assets" / "javascripts").glob("bundle.*.min.js")),
    ]
    pages = {}
    mentions = words = 0
    for page in SECTION_PAGES:
        on = (sites["on"] / page / "index.html").read_bytes()
        mentions += on.count(b'class="rdr-term')  # links and quieter later mentions; the cards are rdr-card
        words += len((ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8").split("\n---\n", 1)[-1].split())
        stock = (sites["stock"] / page / "index.html").read_bytes()
        pages[page] = {"on": len(on), "stock": len(stock), "on_gz": gz(on), "stock_gz": gz(stock)}
    return {
        "assets": {name: {"raw": len(data), "gz": gz(data)} for name, data in assets.items()},
        "assets_raw": sum(map(len, assets.values())),
        "assets_gz": sum(map(gz, assets.values())),
        "material": {p.name: {"raw": p.stat().st_size, "gz": gz(p.read_bytes())} for p in material},
        "pages": pages,
        "mentions_per_1000_words": mentions / words * 1000,
    }


def lighthouse_pages() -> dict[str, Any]:
    """The real site built with `--strict` into a temporary folder, served locally, measured by Lighthouse."""
    start, load = time.perf_counter(), os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="rdr-bench-lighthouse-") as folder:
        tmp = Path(folder)
        builds.cli_build(ROOT / "mkdocs.yml", tmp / "site", strict=True)
        (tmp / "out").mkdir()
        result = lighthouse.measure(ROOT, tmp / "site", tmp / "out")
    m = machine()
    ended = {"load_average_start": load, "load_average_end": m["load_average"], "elapsed_s": time.perf_counter() - start}
    return {**result, **{k: m[k] for k in ("date", "commit", "cores")}, **ended}


def require_alternatives() -> None:
    """Part 8 builds with mkdocs-ezglossary, from the `bench` extra: stop at once, not minutes in, without it."""
    if importlib.util.find_spec("mkdocs_ezglossary_plugin") is None:
        sys.exit("bench/run.py: mkdocs-ezglossary is not installed (part 8 builds it); run .venv/bin/pip install -e '.[bench]'")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="only regenerate bench/README.md and bench/scaling.svg from results.json")
    parser.add_argument("--only", choices=list(ONLY), help="run only this part and merge it into the last results.json")
    args = parser.parse_args()
    if args.report:
        report.write(json.loads(RESULTS.read_text(encoding="utf-8")), BENCH)
        return
    if args.only in (None, "alternatives"):
        require_alternatives()
    if args.only:
        only(args.only)
    else:
        everything()


def only(part: str) -> None:
    """One part measured alone and merged into the last results.json."""
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    began = time.perf_counter()
    print(f"{part} ...", flush=True)
    results[part] = ONLY[part]()
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    complete = "scaling" in results  # the README needs every part: a first run without the others only writes results.json
    if complete:
        report.write(results, BENCH)
    print(f"done in {time.perf_counter() - began:.0f} s: {RESULTS.relative_to(ROOT)}" + (", bench/README.md" if complete else ""))


def everything() -> None:
    """Every part, in the README's order, into a new results.json."""
    start = time.perf_counter()
    results: dict[str, Any] = {"machine": machine(), "command": "make bench"}
    # The steps are numbered as bench/README.md's parts. Page weight (4) reads the sites of part 1: the
    # temporary folder stays until then.
    with tempfile.TemporaryDirectory(prefix="rdr-bench-") as folder:
        tmp = Path(folder)
        print(f"1/{PARTS} real site, hook on and off ...", flush=True)
        results["real_site"], sites = real_site(tmp)
        print(f"2/{PARTS} synthetic book, hook on and off ...", flush=True)
        results["book"] = book(tmp)
        glossaries = {"real": ROOT / "annotations" / "glossary.yml", "book": tmp / "book-on" / "annotations" / "glossary.yml"}
        results["yaml"] = yaml_parse(glossaries)
        results["libraries"] = builds.script_json("libraries.py", tmp / "book-on" / "mkdocs.yml", tmp / "library-site")
        results["floor"] = floors({"on": tmp / "real-on", "off": tmp / "real-off"}, {"on": tmp / "book-on", "off": tmp / "book-off"}, tmp / "floor-sites")
        print(f"3/{PARTS} term linking against abbr ...", flush=True)
        results["abbr"] = engine.abbr_vs_ours((100, 1_000, 5_000), words=5_000, repeat=7)
        print(f"4/{PARTS} page weight ...", flush=True)
        results["page_weight"] = page_weight(sites)
    print(f"5/{PARTS} scaling ...", flush=True)
    results["scaling"] = engine.scaling((1_000, 10_000, 100_000, 250_000), 1_000, (100, 1_000, 5_000, 20_000), 10_000)
    results["scaling"]["largest_first_word_bucket"] = largest_bucket(20_000)
    print(f"6/{PARTS} Lighthouse (mobile) ...", flush=True)
    results["lighthouse"] = lighthouse_pages()
    print(f"7/{PARTS} the edit loop under mkdocs serve ...", flush=True)
    results["serve"] = serve_loop()
    print(f"8/{PARTS} the alternatives built side by side ...", flush=True)
    results["alternatives"] = alternatives_part()
    results["elapsed_s"] = time.perf_counter() - start
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    report.write(results, BENCH)
    print(f"done in {results['elapsed_s']:.0f} s: {RESULTS.relative_to(ROOT)}, bench/README.md, bench/scaling.svg")


def serve_loop() -> dict[str, Any]:
    """Seconds from a save to the served page showing it, on the real site and on the synthetic book; the same
    prose edit on each without the hook (MkDocs' own loop); and each rebuild timed in-process, the engine's
    calls apart (bench/rebuild.py)."""
    found: dict[str, Any] = {"rounds": serve.ROUNDS}
    with tempfile.TemporaryDirectory(prefix="rdr-serve-") as folder:
        tmp = Path(folder)
        memory: dict[str, dict[str, Any]] = {"essay": {}, "plain essay": {}, "book": {}, "plain book": {}}
        prose = "a page's prose"
        found["essay"] = serve.measure(serve.essay_copy(tmp / "essay"), memory=memory["essay"])
        plain_essay = real_projects(tmp / "plain-essay")[0]["off"]
        found["plain essay"] = serve.measure(plain_essay, edits=(prose,), memory=memory["plain essay"])
        found["book"] = serve.measure(book_project(tmp / "book", hook=True), memory=memory["book"])
        found["plain book"] = serve.measure(book_project(tmp / "plain-book", hook=False), edits=(prose,), memory=memory["plain book"])
        found["memory"] = memory
        found["rebuild"] = {
            "book": {edit: rebuild(book_project(tmp / f"rebuild-{n}", hook=True), edit) for n, edit in enumerate(serve.EDITS)},
            "plain book": {prose: rebuild(book_project(tmp / "rebuild-plain", hook=False), prose)},
        }
    return found


def rebuild(project: Path, edit: str) -> dict[str, Any]:
    """serve's rebuild after an edit, in-process in a fresh process (bench/rebuild.py)."""
    command = [sys.executable, str(BENCH / "rebuild.py"), str(project), edit]
    done = subprocess.run(command, check=False, env=builds.ENV, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def alternatives_part() -> dict[str, Any]:
    """What a user might pick instead, built side by side with ours and the plain build, on the essay and the book:
    the projects without the hook of parts 1 and 2, plus each alternative's settings and files."""
    found: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="rdr-alternatives-") as folder:
        tmp = Path(folder)
        essay, _ = real_projects(tmp)
        found["essay"] = alternatives.measure(essay, ROOT / "annotations" / "glossary.yml", tmp / "essay", ROUNDS_REAL, strict=False)
        book = book_projects(tmp)
        found["book"] = alternatives.measure(book, book["on"] / "annotations" / "glossary.yml", tmp / "book", ROUNDS_BOOK, strict=True)
    found["ezglossary_import_s"] = alternatives.import_s("mkdocs_ezglossary_plugin.plugin")
    found["packages"] = {p: version(p) for p in ("Markdown", "pymdown-extensions", "mkdocs-ezglossary-plugin")}
    return found


def largest_bucket(count: int) -> dict[str, Any]:
    """The first word most variants share: the case a matcher keyed on first words alone would handle worst."""
    buckets: dict[str, int] = {}
    for term in synth.make_terms(count):
        for variant in term.variants:
            first = variant.split()[0].casefold()
            buckets[first] = buckets.get(first, 0) + 1
    word = max(buckets, key=lambda w: buckets[w])
    return {"terms": count, "word": word, "variants": buckets[word]}


# The parts `--only` runs alone and merges into the last results.json.
ONLY: dict[str, Callable[[], dict[str, Any]]] = {
    "lighthouse": lighthouse_pages,
    "serve": serve_loop,
    "alternatives": alternatives_part,
    "libraries": by_library,
    "floor": floor_part,
}

if __name__ == "__main__":
    main()
