"""Generates synthetic glossaries, prose and whole MkDocs projects for the benchmarks, deterministically."""

from __future__ import annotations

import random
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import markdown
import yaml
from bmdreader.model import CaseRule, Term, Variant

ROOT = Path(__file__).resolve().parent.parent

# Ordinary words for the prose around the terms; none can be mistaken for a generated term word.
FILLER = """the of and to in a is that for it as was with be by on not he this are or his from at which but
have an they you were her she there been one all we their has would when if so no will more about can
its out into than them only other new some could time these two may then do first any like now my such
make over our even most after also did many before must through back years where much your way well down
should because each just those people how too little state good very world still own see men work long
get here between both life being under never day same another know while last might great old year off
come since against go came right used take three states himself few house use during without again place
around however home small found thought went say part once general high upon school every public power
policy defense missile system threat ally allies security program strategic stability cost budget test
radar launch range region military political nuclear arsenal deterrence response capability decision
""".split()
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ar", "en", "is", "on", "ul")]
SHARED_HEADS = ("Treaty", "Office", "Council")  # several terms start with these, as "Treaty of ..." does
CATEGORIES = (("system", "Weapons and systems"), ("law", "Treaties and laws"), ("body", "Agencies"), ("idea", "Concepts"))
MENTIONS_PER_1000_WORDS = 40  # a little under the essay's density, which bench/README.md reports
# NOTES: issue #3 asks for 1,000 notes in the synthetic book, but the engine has no notes yet. When it has,
# write them in write_book (marked NOTES there) in their annotation file's format.


@dataclass(frozen=True)
class SynthTerm:
    id: str
    name: str
    variants: tuple[str, ...]  # the first is the name's own form


class _Words:
    """Pseudo-words, each handed out once, so no two terms share a word (bar the shared heads)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set(FILLER) | {h.lower() for h in SHARED_HEADS}

    def new(self) -> str:
        while True:
            word = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4)))
            if word not in self.used:
                self.used.add(word)
                return word

    def acronym(self, initials: str) -> str:
        candidate = initials.upper()
        while candidate.lower() in self.used:
            candidate = initials.upper() + str(self.rng.randint(2, 99))
        self.used.add(candidate.lower())
        return candidate


def make_terms(count: int, seed: int = 1) -> list[SynthTerm]:
    """A mix of four shapes: acronyms with their long forms, lowercase phrases, lowercase words, 'Treaty of X'."""
    rng = random.Random(seed)
    words = _Words(rng)
    terms = []
    for i in range(count):
        shape = i % 4
        if shape == 0:
            parts = [words.new().capitalize() for _ in range(rng.randint(2, 3))]
            long = " ".join(parts)
            acronym = words.acronym("".join(p[0] for p in parts))
            variants = [long, acronym] + ([f"{acronym} {parts[-1]}"] if rng.random() < 0.5 else [])
            terms.append(SynthTerm(f"t{i}-{acronym.lower()}", acronym, tuple(variants)))
        elif shape == 1:
            head, tail = words.new(), words.new()
            terms.append(SynthTerm(f"t{i}-{head}", f"{head} {tail}", (f"{head} {tail}", tail)))
        elif shape == 2:
            word = words.new()
            plural = (word + "s",) if rng.random() < 0.5 and word + "s" not in words.used else ()
            words.used.update(plural)
            terms.append(SynthTerm(f"t{i}-{word}", word, (word, *plural)))
        else:
            place = words.new().capitalize()
            head = SHARED_HEADS[i % len(SHARED_HEADS)]
            terms.append(SynthTerm(f"t{i}-{place.lower()}", f"{head} of {place}", (f"{head} of {place}", f"{place} {head}")))
    return terms


def model_terms(terms: Sequence[SynthTerm], case: CaseRule | None = None) -> tuple[Term, ...]:
    """The engine's own Term objects for the same terms, as the glossary loader would build them."""
    return tuple(
        Term(
            id=t.id,
            name=t.name,
            category=CATEGORIES[i % len(CATEGORIES)][0],
            variants=tuple(Variant(v, case) for v in t.variants),
            definition=f"Definition of {t.name}.",
            explanation=f"Explanation of {t.name}.",
            sources=(),
        )
        for i, t in enumerate(terms)
    )


def prose(words: int, terms: Sequence[SynthTerm], rng: random.Random, every_term: bool = False) -> list[str]:
    """Paragraphs of about `words` words with term mentions mixed in; `every_term` mentions each at least once."""
    mentions = max(words * MENTIONS_PER_1000_WORDS // 1000, len(terms) if every_term else 0)
    chosen = list(terms) if every_term else []
    chosen += [rng.choice(terms) for _ in range(mentions - len(chosen))] if terms else []
    tokens = [rng.choice(t.variants) for t in chosen]
    tokens += [rng.choice(FILLER) for _ in range(max(0, words - sum(len(t.split()) for t in tokens)))]
    rng.shuffle(tokens)
    paragraphs, at = [], 0
    while at < len(tokens):
        size = rng.randint(60, 160)
        paragraphs.append(_sentences(tokens[at : at + size], rng))
        at += size
    return paragraphs


def _sentences(tokens: list[str], rng: random.Random) -> str:
    out, start = [], True
    for token in tokens:
        # Capitalising a lowercase term at a sentence start is what the 'sentence' case rule is for.
        out.append(token[0].upper() + token[1:] if start else token)
        start = rng.random() < 1 / 15
        if start:
            out[-1] += "."
    return " ".join(out).rstrip(".") + "."


def page_markdown(title: str, paragraphs: Sequence[str], front_matter: str = "") -> str:
    """A section page: a title, then the paragraphs with a subheading every ten of them."""
    parts = [front_matter + f"# {title}\n"]
    for i, text in enumerate(paragraphs):
        if i and i % 10 == 0:
            parts.append(f"## Part {i // 10 + 1}\n")
        parts.append(text + "\n")
    return "\n".join(parts)


def page_html(words: int, terms: Sequence[SynthTerm], seed: int = 2) -> str:
    """The HTML that MkDocs would hand the hook for a generated section page."""
    return markdown.Markdown().convert(page_markdown("A section", prose(words, terms, random.Random(seed))))


def glossary_yaml(terms: Sequence[SynthTerm]) -> str:
    """The glossary in the real file's format (annotations/glossary.yml)."""
    entries = []
    for i, t in enumerate(terms):
        entry: dict[str, object] = {
            "id": t.id,
            "name": t.name,
            "category": CATEGORIES[i % len(CATEGORIES)][0],
            "variants": list(t.variants),
            "definition": f"A made-up term, number {i}, standing in for a real one such as {t.name}.",
            "explanation": f"The full entry for **{t.name}**, in Markdown.\n\nA second paragraph with a [link](https://example.org/{t.id}).",
            "sources": [{"title": f"Source for {t.name}", "url": f"https://example.org/sources/{t.id}"}],
        }
        if i % 5 == 4:
            entry["related"] = [terms[i - 1].id]
        entries.append(entry)
    data = {"categories": [{"id": c, "name": n} for c, n in CATEGORIES], "terms": entries}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120)


def write_book(root: Path, sections: int, words: int, term_count: int, hook: bool, seed: int = 3) -> Path:
    """A whole MkDocs project, configured like the real site; without the hook, no glossary page either."""
    rng = random.Random(seed)
    terms = make_terms(term_count)
    docs = root / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    (docs / "index.md").write_text("---\ntitle: Home\n---\n\n# A synthetic book\n\n<!-- bmd:sections -->\n", encoding="utf-8")
    paragraphs = prose(words, terms, rng, every_term=True)
    per_section = -(-len(paragraphs) // sections)
    nav: list[object] = [{"Home": "index.md"}]
    for n in range(sections):
        name = f"section-{n + 1:02d}.md"
        chunk = paragraphs[n * per_section : (n + 1) * per_section]
        text = page_markdown(f"Section {n + 1}", chunk, "---\nessay_section: true\n---\n\n")
        (docs / name).write_text(text, encoding="utf-8")
        nav.append({f"Section {n + 1}": name})
    # NOTES: write 1,000 notes into annotations/ here once the engine has notes (issue #3).
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(site_name="A synthetic book", nav=nav)
    config.pop("watch", None)
    if hook:
        (root / "annotations").mkdir()
        (root / "annotations" / "glossary.yml").write_text(glossary_yaml(terms), encoding="utf-8")
        config["hooks"] = [str(ROOT / "hooks" / "reader.py")]
        nav.append({"Glossary": "glossary.md"})
    else:
        config.pop("hooks", None)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return root


def book_words(root: Path) -> int:
    """Words of prose in the section pages, headings and front matter excluded."""
    return sum(
        len(line.split())
        for page in (root / "docs").glob("section-*.md")
        for line in page.read_text(encoding="utf-8").split("\n---\n", 1)[-1].splitlines()
        if line and not line.startswith("#")
    )
