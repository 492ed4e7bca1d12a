"""The engine is not this essay's: a second, made-up essay (tests/sites/second) builds strictly, link-clean, and
without a word of the real essay, as written and under other MkDocs settings (file URLs, a site under a path or
with no address, another language, sections in a folder)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, BuildResult, mkdocs_build, server
from tests.linkcheck import broken, config_dir, crawl  # noqa: F401 - a fixture

SECOND = ROOT / "tests" / "sites" / "second"
SECTIONS = ["on-the-rooftops", "forage-and-flowers", "keeping-the-peace"]


def first_essays_words() -> list[str]:
    """Words that would give the real essay away: its author, its subject, every name and variant of its glossary."""
    glossary = yaml.safe_load((ROOT / "annotations" / "glossary.yml").read_text(encoding="utf-8"))
    words = {"Toucas", "Boris", "missile", "missiles", "ballistic", "interceptor", "Proceed With Caution", "CSIS"}
    for term in glossary["terms"]:
        words.add(term["name"])
        words.update(v if isinstance(v, str) else v["text"] for v in term["variants"])
    return sorted(words, key=len, reverse=True)


def in_folder(project: Path, config: dict) -> None:
    """Moves the sections into docs/essay/; assignments still name them by file name, which stays unique."""
    (project / "docs" / "essay").mkdir()
    for name in SECTIONS:
        (project / "docs" / f"{name}.md").rename(project / "docs" / "essay" / f"{name}.md")
    config["nav"] = [{k: f"essay/{v}" if v.removesuffix(".md") in SECTIONS else v} for item in config["nav"] for k, v in item.items()]


def settings(**changes: object) -> Callable[[Path, dict], None]:
    def apply(project: Path, config: dict) -> None:
        for key, value in changes.items():
            if key == "language":
                config["theme"]["language"] = value
            elif value is None:
                config.pop(key, None)
            else:
                config[key] = value

    return apply


VARIANTS: dict[str, Callable[[Path, dict], None]] = {
    "as written": settings(),
    "file URLs, site under a path": settings(use_directory_urls=False, site_url="https://example.org/reader/"),
    "in French, no site address": settings(language="fr", site_url=None),
    "sections in a folder": in_folder,
}


def build_variant(tmp_path: Path, name: str) -> BuildResult:
    project = tmp_path / "project"
    shutil.copytree(SECOND, project)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [str(ROOT / "hooks" / "reader.py")]
    VARIANTS[name](project, config)
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return mkdocs_build(project, tmp_path / "site")


_BUILT: dict[str, BuildResult] = {}


def built(name: str, tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Each setting's site, built once for the whole run."""
    if name not in _BUILT:
        result = build_variant(tmp_path_factory.mktemp("second"), name)
        assert result.returncode == 0, result.output
        _BUILT[name] = result
    return _BUILT[name]


@pytest.fixture(params=list(VARIANTS))
def variant(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, BuildResult]:
    return request.param, built(request.param, tmp_path_factory)


def written(site: Path) -> dict[str, str]:
    """The files the build wrote, but Material's own assets and the search engine's code."""
    return {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.suffix in (".html", ".json", ".jsonld", ".bib", ".ris", ".css", ".js", ".xml")
        and not (p.relative_to(site).as_posix().startswith(("assets/javascripts", "assets/stylesheets", "search/lunr")))
    }


def test_it_builds_strictly_with_every_kind_of_annotation(variant: tuple[str, BuildResult]) -> None:
    name, result = variant
    files = written(result.site)
    ext = ".html" if "file URLs" in name else "/index.html"
    folder = "essay/" if "folder" in name else ""
    rooftops = files[f"{folder}on-the-rooftops{ext}"]
    assert 'class="rdr-term"' in rooftops and 'class="rdr-note-ref"' in rooftops and 'class="rdr-figure rdr-aside-margin"' in rooftops
    for page in ("glossary", "references", "figures", "timeline", "for-instructors", "data", "assignments/hives-and-flowers"):
        assert f"{page}{ext}" in files, sorted(files)
    assert "rdr-strings" in rooftops and "assets/reader.js" in rooftops


def test_not_a_word_of_the_first_essay(variant: tuple[str, BuildResult]) -> None:
    _, result = variant
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in first_essays_words()) + r")\b", re.IGNORECASE)
    found = {path: sorted({m.group() for m in pattern.finditer(text)}) for path, text in written(result.site).items()}
    assert {path: words for path, words in found.items() if words} == {}


def test_every_link_and_anchor_resolves(variant: tuple[str, BuildResult], config_dir: Path, tmp_path: Path) -> None:
    name, result = variant
    # A site published under a path is served under it: its 404 page links from the root.
    under = "reader/" if "under a path" in name else ""
    root = tmp_path / "www"
    (root / under).parent.mkdir(parents=True, exist_ok=True)
    (root / under.rstrip("/")).symlink_to(result.site) if under else shutil.copytree(result.site, root)
    with server(root) as (_, url):
        checked = crawl(url + under, config_dir)
    found = broken(checked, url + under)
    assert found == [], f"{name}: {len(found)} broken links or anchors:\n" + "\n".join(map(str, found))
    assert len({c.real for c in checked if "#p" in c.real and c.valid}) >= 15, "paragraph links were not followed"


def test_urls_follow_the_settings(variant: tuple[str, BuildResult]) -> None:
    name, result = variant
    files = written(result.site)
    glossary = files["glossary.html" if "file URLs" in name else "glossary/index.html"]
    if "file URLs" in name:
        assert 'href="on-the-rooftops.html#p' in glossary
        section = files["on-the-rooftops.html"]
        assert '<meta name="citation_fulltext_html_url" content="https://example.org/reader/on-the-rooftops.html">' in section
    elif "folder" in name:
        assert 'href="../essay/on-the-rooftops/#p' in glossary
    elif "no site address" in name:
        assert "citation_fulltext_html_url" not in files["on-the-rooftops/index.html"] and "127.0.0.1" not in glossary
    else:
        assert 'href="../on-the-rooftops/#p' in glossary


def test_another_language_speaks_it_throughout(tmp_path_factory: pytest.TempPathFactory) -> None:
    files = written(built("in French, no site address", tmp_path_factory).site)
    section = files["on-the-rooftops/index.html"]
    assert '<html lang="fr"' in section
    assert "Termes clés de cette section :" in section and "environ" in section and "Citer cette section" in section
    assert '<h1 id="glossaire">Glossaire' in files["glossary/index.html"]
    english = ["Key terms in this section", "Full entry", "Cite this section", "Back to the text", "Questions for discussion"]
    pages = [text for path, text in files.items() if path.endswith(".html")]
    assert [w for w in english if any(w in text for text in pages)] == []
    assert '"language": "fr"' in files["data/annotations.jsonld"] and '"@language": "fr"' in files["data/glossary.skos.jsonld"]
