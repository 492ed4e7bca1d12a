"""The typed model of the annotation files: frozen dataclasses that the loader fills and validates.

The dataclasses are also the schema: the loader reads each field's type and metadata to know what the
YAML may hold, so what is accepted and what is modelled cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated, Literal

# Kinds of text, used as Annotated markers; the loader checks each kind its own way.
ID = "id"  # lowercase letters, digits and single hyphens
TEXT = "text"  # plain text, shown escaped
MARKDOWN = "markdown"  # Markdown, rendered with raw HTML disabled
URL = "url"  # an absolute http(s) URL

Id = Annotated[str, ID]
Text = Annotated[str, TEXT]
Markdown = Annotated[str, MARKDOWN]
Url = Annotated[str, URL]

CaseRule = Literal["exact", "sentence", "ignore"]


def doc(text: str, **extra: object) -> dict[str, object]:
    """Field metadata: a description for error messages and the JSON Schema."""
    return {"doc": text, **extra}


def position() -> object:
    """A field filled by the loader with the line the record starts on, not read from the YAML."""
    return field(default=0, compare=False, metadata={"internal": True})


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
    line: int = position()


Phase = Literal["boost", "midcourse", "terminal"]


@dataclass(frozen=True)
class Engagement:
    """Where in a missile's flight a defensive system engages it (for the interception diagram)."""

    phase: Phase = field(metadata=doc("boost, midcourse or terminal"))
    by: Text = field(metadata=doc("the country that fields the system, such as United States"))
    interceptor: Text | None = field(default=None, metadata=doc("the interceptor used in this phase, such as SM-3"))
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
    later: Markdown | None = field(default=None, metadata=doc("what changed after November 2017"))
    related: tuple[Id, ...] = field(default=(), metadata=doc("ids of related terms"))
    intercepts: tuple[Engagement, ...] = field(default=(), metadata=doc("for a defensive system: the phases of flight where it engages"))
    line: int = position()


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


def sort_key(name: str) -> str:
    return name.casefold()


# ---- Notes and the works they cite -------------------------------------------------------------------

DATE = "date"  # a year, year-month or full date: 2014, 2016-06, 2008-02-07
Date = Annotated[str, DATE]
VERBATIM = "verbatim"  # text whose spaces at either end count, as in a quote's prefix
Verbatim = Annotated[str, VERBATIM]


@dataclass(frozen=True)
class Quote:
    """Where an annotation attaches: the words it follows, as in a W3C TextQuoteSelector."""

    exact: Verbatim = field(metadata=doc("the words, exactly as in the text; the marker goes right after them"))
    prefix: Verbatim | None = field(default=None, metadata=doc("words just before (spaces count), when the exact words occur more than once"))
    suffix: Verbatim | None = field(default=None, metadata=doc("words just after (spaces count), when the exact words occur more than once"))
    line: int = position()


@dataclass(frozen=True)
class Citation:
    work: Id = field(metadata=doc("id of a work in works.yml"))
    locator: Text | None = field(default=None, metadata=doc("where in the work, such as 'p. 403'"))
    line: int = position()


@dataclass(frozen=True)
class Note:
    id: Id = field(metadata=doc("the note's number as the source prints it"))
    anchor: Quote = field(metadata=doc("the words the note's number followed in the source"))
    text: Text = field(metadata=doc("the note, word for word"))
    cites: tuple[Citation, ...] = field(default=(), metadata=doc("the works the note cites; none for commentary"))
    line: int = position()


@dataclass(frozen=True)
class NotesFile:
    notes: tuple[Note, ...] = field(metadata=doc("the essay's notes, in order"))


@dataclass(frozen=True)
class Name:
    """A person (family and given names) or an organisation (literal), as CSL writes names."""

    family: Text | None = field(default=None, metadata=doc("family name"))
    given: Text | None = field(default=None, metadata=doc("given names"))
    literal: Text | None = field(default=None, metadata=doc("an organisation's name, or a name not to be split"))
    line: int = position()


@dataclass(frozen=True)
class Work:
    """One work in CSL-YAML, the Citation Style Language's data model as Pandoc and Zotero use it."""

    id: Id = field(metadata=doc("identifier notes cite the work by"))
    type: Text = field(metadata=doc("the CSL item type, such as book, report, post-weblog, interview"))
    title: Text = field(metadata=doc("title of the work"))
    author: tuple[Name, ...] = field(default=(), metadata=doc("authors"))
    issued: Date | None = field(default=None, metadata=doc("date of publication: YYYY, YYYY-MM or YYYY-MM-DD"))
    container_title: Text | None = field(default=None, metadata=doc("the journal, site or newspaper it appeared in", key="container-title"))
    publisher: Text | None = field(default=None, metadata=doc("publisher"))
    publisher_place: Text | None = field(default=None, metadata=doc("place of publication", key="publisher-place"))
    URL: Url | None = field(default=None, metadata=doc("address of the work online, as the source gives it"))
    note: Text | None = field(default=None, metadata=doc("where a field beyond the source's comes from"))
    line: int = position()


@dataclass(frozen=True)
class WorksFile:
    references: tuple[Work, ...] = field(metadata=doc("the works the notes cite, in CSL-YAML"))


# ---- Figures ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Image:
    """A licensed image file for a figure; width and height keep the page from shifting while it loads."""

    src: Text = field(metadata=doc("path of the image file under docs/, such as images/figure-1.jpg"))
    width: int = field(metadata=doc("width in pixels"))
    height: int = field(metadata=doc("height in pixels"))
    line: int = position()


@dataclass(frozen=True)
class Figure:
    id: Id = field(metadata=doc("the figure's number: 1, 2, 3"))
    before: Quote = field(metadata=doc("the opening words of the paragraph the photograph stood before"))
    caption: Text = field(metadata=doc("the caption, word for word"))
    credit: Text = field(metadata=doc("the credit, word for word"))
    alt: Text = field(metadata=doc("what the photograph shows, for readers who cannot see it"))
    image: Image | None = field(default=None, metadata=doc("the image file, once one may be shown"))
    line: int = position()


@dataclass(frozen=True)
class FiguresFile:
    figures: tuple[Figure, ...] = field(metadata=doc("the essay's figures, in order"))



@dataclass(frozen=True)
class Event:
    """A dated event the essay mentions or rests on, for the timeline."""

    id: Id = field(metadata=doc("identifier, also the event's anchor on the timeline"))
    date: Date = field(metadata=doc("YYYY, YYYY-MM or YYYY-MM-DD"))
    title: Text = field(metadata=doc("what happened, in a few words"))
    text: Text = field(metadata=doc("one or two sentences"))
    mention: Quote | None = field(default=None, metadata=doc("words of the paragraph that mentions the event"))
    figure: Id | None = field(default=None, metadata=doc("or: the figure whose caption dates it"))
    terms: tuple[Id, ...] = field(default=(), metadata=doc("glossary terms the event involves"))
    line: int = position()


@dataclass(frozen=True)
class TimelineFile:
    events: tuple[Event, ...] = field(metadata=doc("the dated events, in any order"))



@dataclass(frozen=True)
class Question:
    id: Id = field(metadata=doc("identifier, also the question's anchor"))
    ask: Text = field(metadata=doc("the question: open, substantive, tied to the text"))
    about: tuple[Quote, ...] = field(metadata=doc("words of each paragraph the question is about"))
    line: int = position()


@dataclass(frozen=True)
class QuestionsFile:
    questions: tuple[Question, ...] = field(metadata=doc("questions for discussion"))


# ---- Reading assignments ------------------------------------------------------------------------------

RANGE = "range"  # a paragraph number or range: 4, 4-7
Range = Annotated[str, RANGE]


@dataclass(frozen=True)
class Passage:
    """Paragraphs of one section, by the numbers every section page shows."""

    section: Id = field(metadata=doc("the section's page name, such as impact-on-stability"))
    paragraphs: Range = field(metadata=doc("a paragraph number or range of that section: 4 or 4-7"))
    line: int = position()

    @property
    def numbers(self) -> range:
        first, _, last = self.paragraphs.partition("-")
        return range(int(first), int(last or first) + 1)


@dataclass(frozen=True)
class Assignment:
    id: Id = field(metadata=doc("identifier, also the name of the assignment's page"))
    title: Text = field(metadata=doc("the assignment's title"))
    instructions: Markdown = field(metadata=doc("what students are to do, in Markdown"))
    passages: tuple[Passage, ...] = field(metadata=doc("the paragraphs to read, in the order to read them"))
    questions: tuple[Id, ...] | None = field(
        default=None, metadata=doc("ids of questions in questions.yml; default: the questions about the assigned paragraphs")
    )
    line: int = position()


@dataclass(frozen=True)
class AssignmentsFile:
    assignments: tuple[Assignment, ...] = field(metadata=doc("named reading assignments"))
