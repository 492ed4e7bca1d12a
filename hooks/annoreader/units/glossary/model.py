"""The glossary's model: categories and terms, each found in the text by its variants."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ...core.kinds import Id, Markdown, Text, Url, doc, extensions, position
from ...core.matcher import CaseRule


@dataclass(frozen=True)
class Source:
    title: Text = field(metadata=doc("title of the work that supports the entry's facts"))
    url: Url = field(metadata=doc("address of that work"))
    line: int = position()


@dataclass(frozen=True)
class Variant:
    """One way a term is written in the prose."""

    SHORTHAND = "text"  # a bare string in the YAML stands for {text: ...}

    text: Text = field(metadata=doc("the words as they stand in the prose"))
    case: CaseRule | None = field(
        default=None,
        metadata=doc(
            "exact: only as written; sentence: also with a capital first letter; ignore: any case. "
            "Default: exact if the variant has a capital letter, else sentence"
        ),
    )
    line: int = position()

    @property
    def case_rule(self) -> CaseRule:
        if self.case is not None:
            return self.case
        return "exact" if any(c.isupper() for c in self.text) else "sentence"


@dataclass(frozen=True)
class Category:
    id: Id = field(metadata=doc("identifier used by terms' 'category'"))
    name: Text = field(metadata=doc("heading shown for the category"))
    description: Text | None = field(default=None, metadata=doc("what the category holds, in a sentence"))
    line: int = position()


@dataclass(frozen=True)
class Term:
    id: Id = field(metadata=doc("identifier, also the anchor of the glossary entry"))
    name: Text = field(metadata=doc("display name"))
    category: Id = field(metadata=doc("id of one of the file's categories"))
    variants: tuple[Variant, ...] = field(metadata=doc("the forms under which the term appears in the prose"))
    definition: Text = field(metadata=doc("one or two sentences for the card"))
    explanation: Markdown = field(metadata=doc("the full entry, in Markdown"))
    sources: tuple[Source, ...] = field(metadata=doc("where the entry's facts come from"))
    expansion: Text | None = field(default=None, metadata=doc("the full form of an acronym"))
    later: Markdown | None = field(default=None, metadata=doc("what changed after the text was published"))
    related: tuple[Id, ...] = field(default=(), metadata=doc("ids of related terms"))
    line: int = position()
    extensions: tuple[tuple[str, Any], ...] = extensions()

    def extension(self, key: str) -> Any:
        """What a key another unit adds to terms holds here (None when the term does not give it)."""
        return next((value for k, value in self.extensions if k == key), None)


@dataclass(frozen=True)
class GlossaryFile:
    categories: tuple[Category, ...] = field(metadata=doc("the categories terms are grouped in"))
    terms: tuple[Term, ...] = field(metadata=doc("the glossary terms"))


@dataclass(frozen=True)
class Glossary:
    """The validated glossary, with the file it came from for messages."""

    file: str
    categories: tuple[Category, ...]
    terms: tuple[Term, ...]

    @cached_property
    def _by_id(self) -> dict[str, Term]:
        return {t.id: t for t in self.terms}

    @cached_property
    def _backlinks(self) -> dict[str, list[str]]:
        back: dict[str, list[str]] = {}
        for t in self.terms:
            for ref in t.related:
                back.setdefault(ref, []).append(t.id)
        return back

    def term(self, term_id: str) -> Term:
        return self._by_id[term_id]

    def category_name(self, category_id: str) -> str:
        return next(c.name for c in self.categories if c.id == category_id)

    def related(self, term_id: str) -> tuple[Term, ...]:
        """Terms related either way, so that a link from A to B shows on B's entry too."""
        ids = dict.fromkeys([*self.term(term_id).related, *self._backlinks.get(term_id, [])])
        return tuple(sorted((self.term(i) for i in ids), key=lambda t: sort_key(t.name)))

    def in_order(self) -> list[Term]:
        return sorted(self.terms, key=lambda t: sort_key(t.name))


def sort_key(name: str) -> str:
    return name.casefold()
