"""Handouts' print margins: text goes into CSS strings escaped for CSS and for the <style> element they stand in."""

from __future__ import annotations

import re

from annoreader.units.handouts.unit import css_string, page_counter, short_address


def test_a_css_string_cannot_end_itself_or_its_style_element() -> None:
    hostile = 'A "quoted" \\ title</style><script>alert(1)</script>\nnext'
    out = css_string(hostile)
    assert out.startswith('"') and out.endswith('"')
    inner = out[1:-1]
    assert '"' not in inner.replace('\\22 ', '') and "<" not in inner and ">" not in inner and "\n" not in inner
    # read back as CSS reads it: each \HEX followed by one space is that character
    assert re.sub(r"\\([0-9A-F]+) ", lambda m: chr(int(m.group(1), 16)), inner) == hostile


def test_page_numbers_come_from_the_strings_table() -> None:
    assert page_counter("Page {page} of {pages}") == '"Page " counter(page) " of " counter(pages)'
    assert page_counter("{page}/{pages}") == 'counter(page) "/" counter(pages)'
    assert page_counter("p. {page}") == '"p. " counter(page)'


def test_an_address_to_type_has_no_scheme() -> None:
    assert short_address("https://example.org/a/#p2-p4") == "example.org/a/#p2-p4"
    assert short_address("tech-breakthrough/") == "tech-breakthrough/"
