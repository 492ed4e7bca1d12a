"""A work as CSL-YAML holds it (the Citation Style Language's data model, as Pandoc and Zotero use it), and its checks."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.kinds import Date, Id, Text, Url, doc, position
from ..core.problems import Problem, duplicate_ids


@dataclass(frozen=True)
class Name:
    """A person (family and given names) or an organisation (literal), as CSL writes names."""

    family: Text | None = field(default=None, metadata=doc("family name"))
    given: Text | None = field(default=None, metadata=doc("given names"))
    literal: Text | None = field(default=None, metadata=doc("an organisation's name, or a name not to be split"))
    line: int = position()

    @property
    def display(self) -> str:
        """The name as it is read: given names first."""
        return " ".join(p for p in (self.given, self.family) if p) or self.literal or ""

    @property
    def inverted(self) -> str:
        """The name as it is sorted: family name first."""
        return self.literal or ", ".join(p for p in (self.family, self.given) if p)


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
    references: tuple[Work, ...] = field(metadata=doc("works in CSL-YAML"))


# The CSL item types a work may have, with the fields each needs before a style can cite it.
REQUIRED_BY_TYPE: dict[str, tuple[str, ...]] = {
    "article": ("author", "issued"),
    "book": ("author", "publisher", "issued"),
    "chapter": ("author", "container_title", "publisher", "issued"),
    "article-journal": ("author", "container_title", "issued"),
    "article-magazine": ("container_title", "issued"),
    "article-newspaper": ("container_title", "issued"),
    "report": ("issued",),
    "interview": ("issued",),
    "speech": ("author", "issued"),
    "post": ("container_title", "issued", "URL"),
    "post-weblog": ("container_title", "issued", "URL"),
    "webpage": ("URL",),
    "document": (),
}
_KEY = {"container_title": "container-title", "publisher_place": "publisher-place"}


def check_works(works: tuple[Work, ...], file: str) -> list[Problem]:
    problems = duplicate_ids("work", [(w.id, w.line) for w in works], file)
    for work in works:
        where = f'work "{work.id}"'
        needs = REQUIRED_BY_TYPE.get(work.type)
        if needs is None:
            known = ", ".join(sorted(REQUIRED_BY_TYPE))
            problems.append(Problem(file, work.line, f'{where}: unknown CSL type "{work.type}"; use one of: {known}'))
            continue
        missing = [_KEY.get(f, f) for f in needs if not getattr(work, f)]
        if missing:
            fields = ", ".join(f"'{m}'" for m in missing)
            article = "an" if work.type[0] in "aeiou" else "a"
            problems.append(Problem(file, work.line, f"{where}: {article} {work.type} needs {fields} to be cited; add {'it' if len(missing) == 1 else 'them'}"))
        for name in work.author:
            if bool(name.literal) == bool(name.family) or (name.given and not name.family):
                problems.append(Problem(file, name.line, f"{where}: an author has either 'family' (and 'given') or 'literal', not both or neither"))
    return problems
