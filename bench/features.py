"""What each feature costs on the synthetic book: the hooked build with the units added a few at a time."""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

import yaml

import builds

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
# Each step adds units to the one before (in the engine's order: a unit comes after those it uses), with the pages
# of the navigation that only those units make.
STEPS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("paragraph numbers", "Paragraph numbers and section facts", ("sections",), ()),
    ("the glossary", "+ glossary: terms marked, cards, Glossary page, SKOS", ("glossary",), ("glossary.md",)),
    ("the notes", "+ notes: markers, cards, endnotes, References page (CSL), bibliographies", ("notes",), ("references.md",)),
    ('"Cite this"', '+ "Cite this", head metadata (CSL)', ("citing",), ()),
    ("the Web Annotation export", "+ Web Annotation export and Data page", ("opendata",), ()),
    ("every feature", "+ the other units (figures, timeline, questions, assignments, handouts, phases): every feature", (), ()),
)


def _units(config: dict[str, Any]) -> list[str]:
    """The units the real settings build, in order (the default: all but the optional ones)."""
    from annoreader.units import UNITS

    reader = (config.get("extra") or {}).get("reader") or {}
    return list(reader.get("units") or [u.name for u in UNITS if not u.optional])


def _for_units(reader: dict[str, Any], units: list[str]) -> dict[str, Any]:
    """The reader's settings for those units alone: the settings of pages and words of the others would be errors."""
    from annoreader.units import UNITS

    pages = {p.key for u in UNITS if u.name in units for p in u.pages}
    kept = {**reader, "units": units}
    if "pages" in reader:
        kept["pages"] = {k: v for k, v in reader["pages"].items() if k in pages}
    if "strings" in reader:
        kept["strings"] = {k: v for k, v in reader["strings"].items() if k.split(".", 1)[0] in ("core", *units)}
    return kept


def configs(project: Path) -> list[tuple[str, Path]]:
    """A configuration file in `project` (the hooked book) for each step, next to its mkdocs.yml."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    everything = _units(config)
    chosen: list[str] = []
    pages: set[str] = set()
    made = []
    for n, (_, label, units, needs_pages) in enumerate(STEPS):
        chosen += units
        pages |= set(needs_pages)
        step = dict(config)
        last = n == len(STEPS) - 1
        reader = _for_units(step["extra"]["reader"], everything if last else [u for u in everything if u in chosen])
        step["extra"] = {**step["extra"], "reader": reader}
        generated = {"glossary.md", "references.md"}
        step["nav"] = [item for item in config["nav"] if last or not (set(item.values()) & generated) or set(item.values()) <= pages]
        path = project / f"mkdocs-feature-{n + 1}.yml"
        path.write_text(yaml.safe_dump(step, sort_keys=False, allow_unicode=True), encoding="utf-8")
        made.append((label, path))
    return made


def costs(on: Path, off: Path, sites: Path, rounds: int) -> dict[str, Any]:
    """In-process build time and peak memory of each step and of the book without the hook, interleaved, medians
    of `rounds`."""
    steps = configs(on)
    runs: dict[str, list[float]] = {"off": []}
    peaks: dict[str, list[float]] = {"off": []}
    engine: dict[str, list[float]] = {}
    for label, _ in steps:
        runs[label], peaks[label], engine[label] = [], [], []
    for _ in range(rounds):
        found, peak = builds.script_json_and_peak("inproc.py", off / "mkdocs.yml", sites / "off")
        runs["off"].append(found["build_s"])
        peaks["off"].append(peak)
        for n, (label, config) in enumerate(steps):
            found, peak = builds.script_json_and_peak("inproc.py", config, sites / f"step-{n + 1}")
            runs[label].append(found["build_s"])
            peaks[label].append(peak)
            engine[label].append(found["engine_s"])
    plain = statistics.median(runs["off"])
    plain_peak = statistics.median(peaks["off"])
    rows = []
    for (name, *_), (label, _) in zip(STEPS, steps):
        median = statistics.median(runs[label])
        peak = statistics.median(peaks[label])
        rows.append(
            {"name": name, "label": label, "build_s": median, "engine_s": statistics.median(engine[label]), "ratio": median / plain, "peak_mib": peak, "peak_ratio": peak / plain_peak}
        )
    return {"rounds": rounds, "off_s": plain, "off_peak_mib": plain_peak, "steps": rows, "samples": runs, "peak_samples": peaks}

