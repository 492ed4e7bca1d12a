"""The timeline and the interception diagram on the real site: every event and system links where it should."""

from __future__ import annotations

import html as htmllib
import re

from tests.conftest import BuildResult


def events(html: str) -> list[tuple[str, str, str, list[str]]]:
    found = []
    for item in re.findall(r'<li class="rdr-timeline__event".*?</li>', html, re.S):
        date = re.search(r'<time datetime="([^"]+)">', item).group(1)
        where = re.search(r"<dt>In the essay</dt> <dd>(.*?)</dd>", item).group(1)
        terms = re.findall(r'href="\.\./glossary/#([a-z0-9-]+)"', item)
        found.append((re.search(r'id="event-([^"]+)"', item).group(1), date, where, terms))
    return found


def test_events_run_in_date_order_and_link_to_their_places(real_site: BuildResult) -> None:
    found = events(real_site.page("timeline/index.html"))
    dates = [d for _, d, _, _ in found]
    assert dates == sorted(dates) and len(found) >= 12
    by_id = {i: (w, t) for i, _, w, t in found}
    assert '<a href="../introduction/#p4">Introduction, ¶&#8239;4</a>' == by_id["abm-withdrawal-2002"][0]
    assert '<a href="../introduction/#figure-1">Introduction, Figure 1</a>' == by_id["sm-6-test-2017"][0]
    assert '<a href="../impact-on-stability/#figure-3">Impact on Stability, Figure 3</a>' == by_id["aegis-ashore-romania-2016"][0]
    assert by_id["hwasong-14-first"][1] == ["hwasong-14", "icbm"]
    for event_id, (where, _) in by_id.items():
        assert where.startswith('<a href="../'), event_id  # every event is placed


def test_dates_read_as_people_write_them(real_site: BuildResult) -> None:
    html = real_site.page("timeline/index.html")
    assert '<time datetime="2002-06-13">13 June 2002</time>' in html
    assert '<time datetime="1999-07">July 1999</time>' in html
    assert '<time datetime="2030">2030</time>' in html


def test_the_diagram_places_each_system_in_its_phases(real_site: BuildResult) -> None:
    html = real_site.page("interception/index.html")
    phases = {k: re.findall(r'href="\.\./glossary/#([a-z0-9-]+)"', body) for k, body in re.findall(r'<li class="rdr-phase" id="phase-(\w+)">(.*?)</li>\s*(?=<li class="rdr-phase"|</ol>)', html, re.S)}
    assert phases["boost"] == []
    assert phases["midcourse"] == ["gmd", "aegis-bmd"]
    assert phases["terminal"] == ["thaad", "aegis-bmd", "s-300", "s-400"]
    assert "(United States, SM-6)" in htmllib.unescape(html) and "(Russia)" in html
    assert '<svg class="rdr-arc" viewBox="0 0 600 170" aria-hidden="true"' in html


def test_figure_mentions_in_the_glossary_link_to_the_figure(real_site: BuildResult) -> None:
    assert 'as it did in a test on 29 August 2017 (<a href="../introduction/#figure-1">Figure 1</a>).' in real_site.page("glossary/index.html")
