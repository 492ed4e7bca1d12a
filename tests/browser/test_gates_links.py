"""Gate: linkchecker crawls the served real site and finds no broken link and no missing anchor (see tests/linkcheck.py)."""

from __future__ import annotations

from pathlib import Path

from tests.browser.conftest import PAGES
from tests.linkcheck import SELF_CHECK, broken, config_dir, crawl, is_assignment_link  # noqa: F401 - a fixture


def test_no_broken_links_or_anchors(site_url: str, config_dir: Path) -> None:
    checked = crawl(site_url, config_dir)
    problems = [c for c in checked if not c.valid or c.warnings]
    self_check = [p for p in problems if p.real == site_url + SELF_CHECK]
    assignments = [p for p in problems if is_assignment_link(p)]
    found = broken(checked, site_url)
    assert found == [], f"{len(found)} broken links or anchors:\n" + "\n".join(map(str, found))

    # The gate really ran: the bad anchor planted above was caught, every page was fetched, and anchors were checked.
    assert self_check and "not found" in " ".join(self_check[0].warnings), "linkchecker did not check anchors"
    fetched = {c.real for c in checked if c.result == "200 OK"}
    assert {site_url + p for p in PAGES} <= fetched, sorted(fetched)
    anchored = {c.real for c in checked if c.real.startswith(site_url) and "#" in c.real and c.valid}
    assert len(anchored) > 50, sorted(anchored)  # terms' glossary entries, paragraph numbers, "Appears in"
    assert len(assignments) >= 4, "the assignment pages' links were not checked"
