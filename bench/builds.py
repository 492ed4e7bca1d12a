"""Runs `mkdocs build` in fresh processes, in turn, and measures each: wall time and the process's peak memory."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Every measured process runs with Python's default of keeping each module's compiled bytecode (__pycache__), which
# the warm-up build then writes. An environment that turns it off (PYTHONDONTWRITEBYTECODE, as some sandboxes and
# containers set) would have every build compile the engine's modules again, about 40 ms here, while MkDocs' and the
# theme's, compiled when pip installed them, load from bytecode: not the comparison a user's machine makes.
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "NO_MKDOCS_2_WARNING": "1"}
PEAK = Path(__file__).resolve().parent / "peak.py"
KIB_PER_MIB = 1024


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float  # the build process's maximum resident set size


def cli_build(config: Path, site: Path, strict: bool) -> Run:
    """Wall time of `mkdocs build` in a fresh process, start-up included, and the process's peak memory, both
    taken by bench/peak.py, which starts the build (see there why the benchmark does not start it itself)."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    command += ["--strict"] if strict else []
    measured = _through_peak(command)
    return Run(measured["seconds"], measured["peak_kib"] / KIB_PER_MIB)


def _through_peak(command: list[str]) -> dict[str, Any]:
    """What bench/peak.py measures of `command`, which it starts (see there why the benchmark does not)."""
    done = subprocess.run([sys.executable, str(PEAK), *command], check=False, env=ENV, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return dict(json.loads(done.stdout))


def warm_up(projects: dict[str, Path], sites: Path, strict: bool) -> None:
    """One untimed build of each project, so the timed ones find the disk cache and bytecode alike."""
    for name, project in projects.items():
        cli_build(project / "mkdocs.yml", sites / name, strict)


def one_round(projects: dict[str, Path], sites: Path, strict: bool) -> dict[str, Run]:
    """One build of each project, one after the other, so that a slow spell of the machine hits them all."""
    return {name: cli_build(project / "mkdocs.yml", sites / name, strict) for name, project in projects.items()}


def summary(runs: dict[str, list[Run]]) -> dict[str, Any]:
    """Every sample and the medians, per project: wall seconds and peak MiB."""
    wall = {name: [r.seconds for r in rs] for name, rs in runs.items()}
    peak = {name: [r.peak_mib for r in rs] for name, rs in runs.items()}
    return {
        "wall_s": wall,
        "median_wall_s": {name: statistics.median(v) for name, v in wall.items()},
        "peak_mib": peak,
        "median_peak_mib": {name: statistics.median(v) for name, v in peak.items()},
    }


def script_json_and_peak(script: str, config: Path, site: Path, *more: Path | str) -> tuple[Any, float]:
    """As script_json, with the script's process started by bench/peak.py: what it prints, and its peak MiB."""
    measured = _through_peak([sys.executable, str(PEAK.parent / script), str(config), str(site), *map(str, more)])
    return json.loads(measured["last_line"]), measured["peak_kib"] / KIB_PER_MIB


def script_json(script: str, config: Path, site: Path, *more: Path) -> Any:
    """What one of bench/'s build scripts (inproc.py, libraries.py, floor.py) prints as JSON on its last line, run
    in a fresh process on `config`, writing the site to `site` (`more`: the script's further arguments)."""
    command = [sys.executable, str(PEAK.parent / script), str(config), str(site), *map(str, more)]
    done = subprocess.run(command, check=False, env=ENV, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])
