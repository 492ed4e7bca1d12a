"""Generates synthetic glossaries, prose and whole MkDocs projects for the benchmarks, deterministically."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import markdown
import yaml
from annoreader.core.matcher import CaseRule
from annoreader.units.glossary.model import Category, Glossary, Term, Variant

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
NOTES = 1_000  # issue #3: the synthetic book carries 1,000 notes
WORKS = 200  # the works they cite, in CSL-YAML
WORK_TYPES = ("book", "report", "post-weblog")  # cycled, so a third of the works each
QUOTE_WORDS = (6, 8)  # a note's anchor: this many consecutive words of a paragraph, ending a sentence
UNCITED = 0.12  # share of the notes that are commentary, citing no work
TWO_WORKS = 0.1  # share of the notes that cite two works
MONTHS = "January February March April May June July August September October November December".split()


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
    """The engine's own Term objects for the same terms, as the glossary unit would load them."""
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


def model_glossary(terms: Sequence[SynthTerm], case: CaseRule | None = None) -> Glossary:
    """The glossary unit's data for the same terms, as Build.load(carried=...) takes it."""
    categories = tuple(Category(c, n) for c, n in CATEGORIES)
    return Glossary("annotations/glossary.yml", categories, model_terms(terms, case))


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


def write_book(
    root: Path,
    sections: int,
    words: int,
    term_count: int,
    hook: bool,
    seed: int = 3,
    notes_count: int = NOTES,
    works_count: int = WORKS,
) -> Path:
    """A whole MkDocs project, configured like the real site, with glossary, notes, works and essay files;
    without the hook, no annotations and no glossary or references page either (the pages are the same).
    The engine makes the reader's CSS and JS itself, so the project has no assets of its own."""
    rng = random.Random(seed)
    terms = make_terms(term_count)
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("---\ntitle: Home\n---\n\n# A synthetic book\n\n<!-- rdr:sections -->\n", encoding="utf-8")
    paragraphs = prose(words, terms, rng, every_term=True)
    per_section = -(-len(paragraphs) // sections)
    nav: list[object] = [{"Home": "index.md"}]
    for n in range(sections):
        name = f"section-{n + 1:02d}.md"
        chunk = paragraphs[n * per_section : (n + 1) * per_section]
        text = page_markdown(f"Section {n + 1}", chunk, "---\nessay_section: true\n---\n\n")
        (docs / name).write_text(text, encoding="utf-8")
        nav.append({f"Section {n + 1}": name})
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(site_name="A synthetic book", nav=nav)
    config.pop("watch", None)
    # The engine adds its generated assets to extra_css and extra_javascript itself; stylesheets or scripts the
    # real mkdocs.yml may list of its own are files of its docs/, which the synthetic book does not have.
    config.pop("extra_css", None)
    config.pop("extra_javascript", None)
    if hook:
        folder = root / "annotations"
        folder.mkdir()
        (folder / "glossary.yml").write_text(glossary_yaml(terms), encoding="utf-8")
        sections_text = [paragraphs[n * per_section : (n + 1) * per_section] for n in range(sections)]
        notes, works = make_notes(sections_text, notes_count, works_count)
        (folder / "notes.yml").write_text(_dump({"notes": notes}), encoding="utf-8")
        (folder / "works.yml").write_text(_dump({"references": works}), encoding="utf-8")
        (folder / "essay.yml").write_text(_dump({"references": [ESSAY]}), encoding="utf-8")
        config["hooks"] = [str(ROOT / "hooks" / "reader.py")]
        # The book's nav has no section of editors' pages to name (its Data and For instructors pages stay outside it).
        config.get("extra", {}).get("reader", {}).pop("editors_section", None)
        nav.append({"Glossary": "glossary.md"})
        nav.append({"References": "references.md"})
    else:
        config.pop("hooks", None)
        config.get("extra", {}).pop("reader", None)  # the engine's settings: nothing reads them without the hook
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return root


ESSAY = {
    "id": "synthetic-2017",
    "type": "article",
    "author": [{"family": "Author", "given": "Synthetic"}],
    "title": "A Synthetic Book",
    "issued": "2017-11",
    "publisher": "A Made-Up Institute",
}


def _dump(data: object) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120)


def make_works(count: int, seed: int = 4) -> list[dict[str, object]]:
    """Works in CSL-YAML (annotations/works.yml's format), cycling through WORK_TYPES, each with the fields its
    type needs (annoreader.csl.model.REQUIRED_BY_TYPE) and some it may have."""
    rng = random.Random(seed)
    words = _Words(rng)
    works: list[dict[str, object]] = []
    ids: set[str] = set()
    for i in range(count):
        kind = WORK_TYPES[i % len(WORK_TYPES)]
        family = words.new().capitalize()
        year = rng.randint(1972, 2017)
        base = f"{family.lower()}-{year}"
        work_id = next(f"{base}{s}" for s in ("", "a", "b", "c", "d") if f"{base}{s}" not in ids)
        ids.add(work_id)
        title = " ".join(w.capitalize() if j == 0 or len(w) > 3 else w for j, w in enumerate(_title_words(rng, words)))
        slug = "-".join(title.lower().split())
        authors = [{"family": family, "given": words.new().capitalize()}]
        if rng.random() < 0.3:
            authors.append({"family": words.new().capitalize(), "given": words.new().capitalize()})
        work: dict[str, object] = {"id": work_id, "type": kind}
        if kind == "book":
            work.update(author=authors, title=title, publisher=f"{words.new().capitalize()} Press")
            if rng.random() < 0.7:
                work["publisher-place"] = words.new().capitalize()
            work["issued"] = year
        elif kind == "report":
            if rng.random() < 0.5:
                work["author"] = [{"literal": f"Institute for {words.new().capitalize()} Studies"}]
            elif rng.random() < 0.6:
                work["author"] = authors
            work.update(title=title, issued=f"{year}-{rng.randint(1, 12):02d}", URL=f"https://reports.example.org/{year}/{slug}.pdf")
        else:
            blog = f"{words.new().capitalize()}{rng.choice(('blog', 'watch', 'review'))}.example.com"
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            work.update(
                author=authors[:1],
                title=title,
                **{"container-title": blog},
                issued=f"{year}-{month:02d}-{day:02d}",
                URL=f"https://{blog.lower()}/{year}/{month:02d}/{day:02d}/{slug}/",
            )
        works.append(work)
    return works


def _title_words(rng: random.Random, words: _Words) -> list[str]:
    n = rng.randint(3, 9)
    out = [rng.choice(FILLER) for _ in range(n)]
    out[rng.randrange(n)] = words.new()
    return out


def note_text(work: dict[str, object], locator: str | None) -> str:
    """A note's text as the source would print it for one work (the real notes' shapes)."""
    names = work.get("author") or []
    who = " and ".join(n.get("literal") or f"{n['given']} {n['family']}" for n in names)  # type: ignore[union-attr]
    lead = f"{who}, " if who else ""
    date = str(work["issued"]).split("-")
    when = " ".join(([MONTHS[int(date[1]) - 1]] if len(date) > 1 else []) + [date[0]])
    at = f", {locator}" if locator else ""
    if work["type"] == "book":
        place = f"{work['publisher-place']}: " if work.get("publisher-place") else ""
        return f"{lead}{work['title']} ({place}{work['publisher']}, {work['issued']}){at}."
    if work["type"] == "report":
        return f"{lead}“{work['title']},” {when}{at}, {work['URL']}."
    return f"{lead}“{work['title']},” {work['container-title']}, {when}, {work['URL']}."


def make_notes(
    sections: Sequence[Sequence[str]], count: int = NOTES, work_count: int = WORKS, seed: int = 5
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Notes (annotations/notes.yml's format) spread evenly over the sections, numbered in reading order, each
    anchored by 6 to 8 words that end a sentence and occur exactly once in the whole book's prose, in a paragraph
    of its own; and the works they cite (every work at least once)."""
    rng = random.Random(seed)
    works = make_works(work_count)
    book = " ".join(p for section in sections for p in section)
    places: list[tuple[int, int]] = []  # (section, paragraph), in reading order
    for n, section in enumerate(sections):
        share = count * (n + 1) // len(sections) - count * n // len(sections)
        places += [(n, i) for i in sorted(rng.sample(range(len(section)), share))]
    citing = [rng.random() >= UNCITED for _ in places]
    order = list(range(len(works)))
    rng.shuffle(order)
    cited = iter(order)  # the first citing notes go through every work once, in a shuffled order
    notes: list[dict[str, object]] = []
    for number, ((n, i), cites_any) in enumerate(zip(places, citing), start=1):
        note: dict[str, object] = {"id": str(number), "anchor": {"exact": _quote(sections[n][i], book, rng)}}
        if not cites_any:
            note["text"] = _sentences([rng.choice(FILLER) for _ in range(rng.randint(12, 40))], rng)
            notes.append(note)
            continue
        first = next(cited, None)
        picks = [first if first is not None else rng.randrange(len(works))]
        if rng.random() < TWO_WORKS:
            picks.append(rng.choice([w for w in range(len(works)) if w != picks[0]]))
        texts, cites = [], []
        for w in picks:
            work = works[w]
            locator = f"p. {rng.randint(1, 400)}" if work["type"] == "book" and rng.random() < 0.7 else None
            texts.append(note_text(work, locator))
            cites.append({"work": work["id"], **({"locator": locator} if locator else {})})
        note["text"] = ("See " + "; and ".join(t.rstrip(".") for t in texts) + ".") if len(texts) > 1 else texts[0]
        note["cites"] = cites
        notes.append(note)
    return notes, works


def _quote(paragraph: str, book: str, rng: random.Random) -> str:
    """Words of the paragraph that end a sentence and occur once in the book (the marker goes after the full
    stop, so never inside a term of several words)."""
    words = paragraph.split()
    ends = [j for j, w in enumerate(words) if w.endswith(".") and j + 1 >= QUOTE_WORDS[1]]
    rng.shuffle(ends)
    for end in ends:
        for size in sorted(range(QUOTE_WORDS[0], QUOTE_WORDS[1] + 1), key=lambda _: rng.random()):
            quote = " ".join(words[end + 1 - size : end + 1])
            first = book.find(quote)
            if book.find(quote, first + 1) < 0:
                return quote
    raise ValueError(f"no quote of {QUOTE_WORDS} words occurs only once in: {paragraph[:80]}...")


def book_words(root: Path) -> int:
    """Words of prose in the section pages, headings and front matter excluded."""
    return sum(
        len(line.split())
        for page in (root / "docs").glob("section-*.md")
        for line in page.read_text(encoding="utf-8").split("\n---\n", 1)[-1].splitlines()
        if line and not line.startswith("#")
    )
