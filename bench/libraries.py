"""Where a build's time goes by library: one build profiled in a fresh process, each function's own time filed under
the package its code belongs to; the time of Python's built-ins and standard library (str methods, re, json,
html.parser) goes to the package that called them, in proportion to the calls' time.

Usage: libraries.py CONFIG_FILE SITE_DIR. Prints JSON: the profiled build's total and the seconds of each group.
Run by run.py; the profiler slows every call, so the shares mean more than the seconds.
"""

from __future__ import annotations

import cProfile
import json
import logging
import pstats
import sys
import sysconfig

# Groups by where a function's code lives; the first that matches wins.
GROUPS = (
    ("the engine (annoreader and its hook)", ("/hooks/annoreader/", "/hooks/reader.py")),
    ("Material (theme and search)", ("/material/",)),
    ("MkDocs", ("/mkdocs/",)),
    ("Python-Markdown and its extensions", ("/markdown/", "/pymdownx/")),
    ("Jinja and MarkupSafe", ("/jinja2/", "/markupsafe/")),
    ("citeproc-py (CSL)", ("/citeproc/", "/lxml/")),
    ("PyYAML", ("/yaml/", "_yaml")),
)
STDLIB = "Python's standard library and built-ins"
OTHER = "other packages"


def group(filename: str) -> str:
    for name, markers in GROUPS:
        if any(marker in filename for marker in markers):
            return name
    stdlib = sysconfig.get_paths()["stdlib"]
    if filename.startswith(stdlib) and "site-packages" not in filename or filename in ("~", "") or filename.startswith("<"):
        return STDLIB
    return OTHER


def owners(func: tuple[str, int, str], stats: dict, shares: dict, visiting: set) -> dict[str, float]:  # type: ignore[type-arg]
    """The groups a function's own time belongs to, as fractions: its own package's, or for the standard library
    and built-ins those of its callers, weighted by the time it spent for each."""
    if func in shares:
        return shares[func]
    name = group(func[0])
    callers = stats[func][4] if func in stats else {}
    if name != STDLIB or not callers or func in visiting:
        return {name: 1.0}
    visiting.add(func)
    weights = {caller: timing[2] for caller, timing in callers.items()}
    total = sum(weights.values())
    found: dict[str, float] = {}
    for caller, weight in weights.items():
        part = weight / total if total else 1 / len(weights)
        for owner, share in owners(caller, stats, shares, visiting).items():
            found[owner] = found.get(owner, 0.0) + part * share
    visiting.discard(func)
    shares[func] = found
    return found


def main(config: str, site: str) -> None:
    logging.disable(logging.WARNING)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    profile = cProfile.Profile()
    profile.enable()
    build(load_config(config, site_dir=site))
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    seconds: dict[str, float] = {}
    shares: dict[tuple[str, int, str], dict[str, float]] = {}
    for func, (_, _, own, _, _) in stats.items():
        for name, share in owners(func, stats, shares, set()).items():
            seconds[name] = seconds.get(name, 0.0) + own * share
    print(json.dumps({"total_s": sum(seconds.values()), "seconds": dict(sorted(seconds.items(), key=lambda kv: -kv[1]))}))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
