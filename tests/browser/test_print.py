"""Section and assignment pages print as clean handouts: Chromium prints them to PDF and the PDF's text is read."""

from __future__ import annotations

import io
import re

from playwright.sync_api import Page
from pypdf import PdfReader

from tests.browser.conftest import ASSIGNMENTS

CHROME = ["Skip to content", "Table of contents", "How to annotate", "Where systems intercept", "Cite this section", "Previous", "Copy"]


def printed(page: Page, url: str) -> str:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)


def assert_no_chrome(text: str) -> None:
    assert not [words for words in CHROME if words in text]
    assert not re.search(r"\bSearch\b", text)


def test_a_section_prints_with_numbers_notes_and_a_glossary(page: Page, site_url: str) -> None:
    text = printed(page, site_url + "tech-breakthrough/")
    assert "Tech Breakthrough" in text
    assert "Recent developments will add more uncertainty regarding U.S. intentions." in text
    assert re.search(r"¶\s*1\b", text) and re.search(r"¶\s*6\b", text)
    notes = text.index("Notes")
    glossary = text.index("Terms used in this section")
    assert notes < glossary  # endnotes, then the short glossary, at the end
    assert "reportlinker.com/p03605945" in re.sub(r"\s", "", text[notes:glossary])  # the cited work's address, written out
    assert "THAAD (Terminal High Altitude Area Defense) A mobile US Army missile defense system" in text[glossary:]
    assert_no_chrome(text)


def test_every_assignment_prints_as_a_handout(page: Page, site_url: str) -> None:
    for assignment in ASSIGNMENTS:
        text = printed(page, site_url + f"assignments/{assignment}/")
        assert "Read:" in text
        assert re.search(r"¶\s*\d", text)
        questions = text.index("Questions for discussion")
        assert questions < text.index("Terms in these passages")
        assert_no_chrome(text)
