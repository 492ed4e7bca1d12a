"""Gate: two clean strict builds of the real site are the same, byte for byte, file for file.

The builds run in separate processes (so Python's string hashing, and with it any set's order, differs between
them) into folders with different names (so a build that writes its own path somewhere is caught).

The one allowed difference: MkDocs writes the build's date, the UTC day and no finer, into sitemap.xml (`<lastmod>`)
and into sitemap.xml.gz (the same text, and the gzip header's timestamp, midnight of that day). Two builds on the same
UTC day are therefore identical and are required to be; only if the two builds straddle midnight UTC may those two
files differ, and then only in those dates: their text with the dates blanked out must still be identical.
"""

from __future__ import annotations

import gzip
import re
from datetime import datetime, timezone
from pathlib import Path

from tests.conftest import ROOT, mkdocs_build

# Files that hold the build's date, and so differ when two builds fall on different UTC days.
DATED = {"sitemap.xml", "sitemap.xml.gz"}
LASTMOD = re.compile(rb"<lastmod>\d{4}-\d{2}-\d{2}</lastmod>")


def utc_day() -> str:
    return datetime.now(timezone.utc).date().isoformat()


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def sitemap_text(name: str, data: bytes) -> bytes:
    """The sitemap's text with its dates blanked out (decompressed first for the .gz)."""
    return LASTMOD.sub(b"<lastmod>DATE</lastmod>", gzip.decompress(data) if name.endswith(".gz") else data)


def differences(first: dict[str, bytes], second: dict[str, bytes], same_day: bool) -> list[str]:
    problems = [f"{name}: only in the first build" for name in sorted(first.keys() - second.keys())]
    problems += [f"{name}: only in the second build" for name in sorted(second.keys() - first.keys())]
    for name in sorted(first.keys() & second.keys()):
        if first[name] == second[name]:
            continue
        if not same_day and name in DATED and sitemap_text(name, first[name]) == sitemap_text(name, second[name]):
            continue  # the builds straddled midnight UTC: only the dates differ
        problems.append(f"{name}: differs ({len(first[name])} and {len(second[name])} bytes)")
    return problems


def test_two_clean_builds_are_byte_identical(tmp_path: Path) -> None:
    day = utc_day()
    first = mkdocs_build(ROOT, tmp_path / "one" / "site")
    second = mkdocs_build(ROOT, tmp_path / "two-elsewhere" / "built-site")
    same_day = utc_day() == day
    assert first.returncode == 0, first.output
    assert second.returncode == 0, second.output

    built = files(first.site)
    assert {"index.html", "glossary/index.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json"} <= built.keys()
    # the compressed sitemap is the sitemap
    assert gzip.decompress(built["sitemap.xml.gz"]) == built["sitemap.xml"]
    problems = differences(built, files(second.site), same_day)
    assert problems == [], "the two builds differ:\n" + "\n".join(problems)


def test_only_the_sitemaps_dates_may_differ_across_midnight() -> None:
    """The allow-list above, on made-up sitemaps: it lets dates through across midnight, and nothing else."""

    def sitemap(day: str, page: str = "glossary/") -> bytes:
        return f"<urlset><url><loc>http://x/{page}</loc><lastmod>{day}</lastmod></url></urlset>".encode()

    def site(day: str, midnight: int, page: str = "glossary/") -> dict[str, bytes]:
        text = sitemap(day, page)
        return {"index.html": b"<p>same</p>", "sitemap.xml": text, "sitemap.xml.gz": gzip.compress(text, mtime=midnight)}

    def differing(first: dict[str, bytes], second: dict[str, bytes], same_day: bool) -> list[str]:
        return [problem.split(":")[0] for problem in differences(first, second, same_day)]

    monday, tuesday = site("2026-01-05", 1767571200), site("2026-01-06", 1767657600)
    assert differing(monday, tuesday, same_day=False) == []
    assert differing(monday, tuesday, same_day=True) == ["sitemap.xml", "sitemap.xml.gz"]
    # a change beyond the date is caught even across midnight, in the sitemaps as in any other file
    assert differing(monday, site("2026-01-06", 1767657600, page="glossary/x/"), same_day=False) == ["sitemap.xml", "sitemap.xml.gz"]
    assert differing(monday, {**tuesday, "index.html": b"<p>other</p>"}, same_day=False) == ["index.html"]
    assert differences(monday, {**monday, "extra.html": b""}, same_day=True) == ["extra.html: only in the second build"]
