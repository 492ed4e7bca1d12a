"""A small real site for build tests: two section pages, a home page and a two-term glossary."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from tests.conftest import ROOT, BuildResult, mkdocs_build

GLOSSARY = dedent(
    """\
    categories:
      - id: system
        name: Weapons and systems
      - id: concept
        name: Strategic concepts
    terms:
      - id: thaad
        name: THAAD
        expansion: Terminal High Altitude Area Defense
        category: system
        variants: [Terminal High Altitude Area Defense (THAAD) system, THAAD system, THAAD]
        definition: A missile defense system that intercepts missiles at the end of their flight.
        explanation: It is *fielded* by the U.S. Army.
        related: [deterrence]
        sources:
          - {title: THAAD fact sheet, url: "https://www.mda.mil/system/thaad.html"}
      - id: deterrence
        name: Deterrence
        category: concept
        variants: [deterrence]
        definition: Preventing an attack by the threat of a response.
        explanation: A long story.
        sources:
          - {title: Deterrence, url: "https://example.org/deterrence"}
    """
)

NOTES = dedent(
    """\
    notes:
      - id: "1"
        anchor: {exact: "system is here."}
        text: "See Smith, p. 4, and https://example.org/thaad."
        cites:
          - {work: smith-2010, locator: p. 4}
      - id: "2"
        anchor: {exact: "matters."}
        text: Commentary only.
    """
)

WORKS = dedent(
    """\
    references:
      - id: smith-2010
        type: book
        author:
          - {family: Smith, given: Jane}
        title: A Book on Defense
        publisher: A Press
        publisher-place: Boston
        issued: 2010
    """
)

ESSAY = dedent(
    """\
    references:
      - id: essay
        type: article
        author:
          - {family: Doe, given: Jane}
        title: An Essay
        issued: 2017-11
    """
)

FIGURES = dedent(
    """\
    figures:
      - id: "1"
        before: {exact: "Later, THAAD again"}
        caption: A caption.
        credit: Someone
        alt: A thing.
    """
)

QUESTIONS = """\
questions:
  - id: why
    ask: Why does deterrence matter here?
    about:
      - {exact: "Deterrence matters."}
"""

ASSIGNMENTS = """\
assignments:
  - id: week-one
    title: "Week 1: THAAD"
    instructions: Read *closely* <script>alert(1)</script>.
    passages:
      - {section: two, paragraphs: 1}
      - {section: one, paragraphs: 1-2}
    questions: [why]
"""

PAGES = {
    "index.md": "# Home\n\nWelcome.\n\n<!-- rdr:sections -->\n",
    "one.md": "---\nessay_section: true\neditorial_title: true\n---\n\n# One\n\nThe Terminal High Altitude Area Defense (THAAD) system is here.\n\nLater, THAAD again, and deterrence.\n",
    "two.md": "---\nessay_section: true\n---\n\n# Two about THAAD\n\nDeterrence matters. THAAD `THAAD` too.\n",
}


def sub(old: str, new: str, text: str = GLOSSARY) -> str:
    """`text` with the first `old` replaced, which must be there."""
    assert old in text, old
    return text.replace(old, new, 1)


def write_site(
    root: Path,
    glossary: str = GLOSSARY,
    pages: dict[str, str] | None = None,
    reader: str = "{}",
    annotations: dict[str, str | bytes] | None = None,
    docs_files: dict[str, bytes] | None = None,
) -> Path:
    """A project with the given glossary and pages; `annotations` adds other annotation files by name, `docs_files`
    other files under docs/ (images)."""
    (root / "docs").mkdir(parents=True)
    (root / "annotations").mkdir()
    (root / "annotations" / "glossary.yml").write_text(glossary, encoding="utf-8")
    for name, content in (annotations or {}).items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (root / "annotations" / name).write_bytes(data)
    for name, text in (pages or PAGES).items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    for name, data in (docs_files or {}).items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_bytes(data)
    nav = "".join(f"  - {name}\n" for name in (pages or PAGES)) + "  - glossary.md\n"
    (root / "mkdocs.yml").write_text(
        dedent(
            f"""\
            site_name: Test
            site_url: http://127.0.0.1/
            theme:
              name: material
              font: false
            hooks:
              - {ROOT / "hooks" / "reader.py"}
            extra:
              reader: {reader}
            markdown_extensions: [attr_list, toc]
            """
        )
        + "nav:\n"
        + nav,
        encoding="utf-8",
    )
    return root


def build(tmp_path: Path, **kwargs: object) -> BuildResult:
    project = write_site(tmp_path / "project", **kwargs)  # type: ignore[arg-type]
    return mkdocs_build(project, tmp_path / "site")
