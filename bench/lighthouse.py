"""Lighthouse (mobile) performance of the built site's home page, glossary and essay sections: a benchmark, not a test."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import statistics
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

RUNS = 3
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
METRICS = {  # our key: Lighthouse's audit id
    "fcp_ms": "first-contentful-paint",
    "lcp_ms": "largest-contentful-paint",
    "tbt_ms": "total-blocking-time",
    "cls": "cumulative-layout-shift",
    "si_ms": "speed-index",
    "dom_elements": "dom-size",
    "transfer_bytes": "total-byte-weight",
}
KEPT = ("score", "benchmark_index", *METRICS, "target_size")  # what every run keeps; the details only the median run


class AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's nav even when the file has tags such as `!!python/name:` elsewhere."""


AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n") or "\n---" not in text[3:]:
        return {}
    meta = yaml.safe_load(text[4 : text.index("\n---", 3)])
    return meta if isinstance(meta, dict) else {}


def url_of(source: Path) -> str:
    """The page's URL path with MkDocs' default directory URLs: `a/b.md` is `/a/b/`, `a/index.md` is `/a/`."""
    parts = source.with_suffix("").parts
    return "/" + "".join(f"{p}/" for p in (parts[:-1] if parts[-1] in ("index", "README") else parts))


def nav_files(nav: Any) -> list[str]:
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    values = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else []
    return [f for v in values for f in nav_files(v)]


def pages(root: Path, site: Path) -> dict[str, str]:
    """URL path -> kind ('home', 'glossary' or 'section'): the essay sections are the pages whose Markdown has
    `essay_section: true` in its front matter, in the nav's order."""
    docs = root / "docs"
    nav = nav_files(yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=AnyTagLoader).get("nav"))
    sections = [p.relative_to(docs) for p in docs.rglob("*.md") if front_matter(p).get("essay_section") is True]
    sections.sort(key=lambda p: (nav.index(p.as_posix()) if p.as_posix() in nav else len(nav), p.as_posix()))
    found = {"/": "home", "/glossary/": "glossary", **{url_of(p): "section" for p in sections}}
    missing = [url for url in found if not (site / url.lstrip("/") / "index.html").is_file()]
    if missing or len(found) < 3:
        raise RuntimeError(f"the built site lacks {missing or 'essay sections'}; update bench/lighthouse.py")
    return found


class Handler(SimpleHTTPRequestHandler):
    """Serves text gzip-compressed when the browser accepts it, as static hosts do; quiet."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.suffix not in COMPRESSED or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def chromium() -> str:
    path = os.environ.get("CHROME_PATH") or shutil.which("chromium")
    if not path:
        raise RuntimeError("no Chromium: install Debian's (`make chromium`) or set CHROME_PATH")
    return path


def run_lighthouse(root: Path, url: str, out: Path) -> dict[str, Any]:
    command = [
        "npx", "--no-install", "lighthouse", url, "--chrome-flags=--headless=new --no-sandbox",
        "--only-categories=performance", "--only-audits=target-size",
        "--output=json", f"--output-path={out}", "--quiet",
    ]  # fmt: skip
    done = subprocess.run(command, cwd=root, env={**os.environ, "CHROME_PATH": chromium()}, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return json.loads(out.read_text(encoding="utf-8"))


def items(audits: dict[str, Any], audit: str) -> list[dict[str, Any]]:
    return list(((audits.get(audit) or {}).get("details") or {}).get("items") or [])


def sample(lhr: dict[str, Any]) -> dict[str, Any]:
    """One run's numbers, and what cost points: each metric's weighted loss, the opportunities' estimated savings."""
    audits, category = lhr["audits"], lhr["categories"]["performance"]
    if category["score"] is None:
        raise RuntimeError(f"Lighthouse could not score {lhr['finalDisplayedUrl']}: {lhr.get('runtimeError')}")
    result: dict[str, Any] = {"score": round(category["score"] * 100), "benchmark_index": lhr["environment"].get("benchmarkIndex")}
    result.update({key: audits[a].get("numericValue") if a in audits else None for key, a in METRICS.items()})
    result["points_lost"] = {
        ref["id"]: round(ref["weight"] * (1 - (audits[ref["id"]]["score"] or 0)), 1) for ref in category["auditRefs"] if ref["weight"]
    }
    result["savings"] = {
        a["id"]: {"score": a.get("score"), **{m: v for m, v in a["metricSavings"].items() if (v or 0) > 0}}
        for a in audits.values()
        if any((v or 0) > 0 for v in (a.get("metricSavings") or {}).values())
    }
    result["savings_bytes"] = {
        a["id"]: a["details"]["overallSavingsBytes"] for a in audits.values() if (a.get("details") or {}).get("overallSavingsBytes", 0) > 0
    }
    result["render_blocking_ms"] = {urlsplit(i["url"]).path: round(i["wastedMs"]) for i in items(audits, "render-blocking-resources")}
    result["main_thread_ms"] = {i["group"]: round(i["duration"]) for i in items(audits, "mainthread-work-breakdown")}
    result["script_ms"] = {urlsplit(i["url"]).path or i["url"]: round(i["total"]) for i in items(audits, "bootup-time")}
    lcp = items(audits, "largest-contentful-paint-element")
    node = next((i["items"][0].get("node", {}) for i in lcp if i.get("type") == "table" and i.get("items")), {})
    result["lcp_element"] = node.get("selector") or node.get("snippet")
    dom = {i["statistic"]: (i["value"]["value"], (i.get("node") or {}).get("selector")) for i in items(audits, "dom-size") if "statistic" in i}
    result["dom_depth"], result["dom_widest"] = dom.get("Maximum DOM Depth"), dom.get("Maximum Child Elements")
    target = audits.get("target-size")
    result["target_size"] = (
        None
        if not target or target.get("scoreDisplayMode") in ("notApplicable", "error", "manual")
        else {"passed": target["score"] == 1, "failing": len((target.get("details") or {}).get("items", []))}
    )
    return result


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The median of each number over the runs; the details (points lost, savings) of the run with the median score."""
    middle = sorted(runs, key=lambda r: r["score"])[len(runs) // 2]
    medians = {k: statistics.median(r[k] for r in runs) if all(r[k] is not None for r in runs) else None for k in ["score", *METRICS]}
    return {**middle, **medians}


def measure(root: Path, site: Path, out: Path, runs: int = RUNS) -> dict[str, Any]:
    """Lighthouse `runs` times on each page, in turn (all pages once, then again), from a local server."""
    found = pages(root, site)
    samples: dict[str, list[dict[str, Any]]] = {url: [] for url in found}
    lhr: dict[str, Any] = {}
    with serve(site) as base:
        for n in range(runs):
            for url in found:
                print(f"  lighthouse {n + 1}/{runs} {url}", flush=True)
                lhr = run_lighthouse(root, base + url, out / "report.json")
                samples[url].append(sample(lhr))
    version = subprocess.run([chromium(), "--version"], capture_output=True, text=True).stdout.strip()
    return {
        "lighthouse": lhr["lighthouseVersion"],
        "chromium": version,
        "node": subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip(),
        "form_factor": lhr["configSettings"]["formFactor"],
        "throttling_method": lhr["configSettings"]["throttlingMethod"],
        "throttling": lhr["configSettings"]["throttling"],
        "runs": runs,
        "pages": [
            {"url": url, "kind": kind, "runs": [{k: run[k] for k in KEPT} for run in samples[url]], "median": median_run(samples[url])}
            for url, kind in found.items()
        ],
    }
