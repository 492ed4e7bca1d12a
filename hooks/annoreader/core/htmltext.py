"""Splits an HTML fragment into tokens and rebuilds it, so text nodes can be rewritten without touching markup."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Literal

VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())

Kind = Literal["start", "end", "empty", "text", "raw"]


@dataclass(frozen=True)
class Token:
    kind: Kind
    markup: str  # the token as HTML; for text, the escaped text
    tag: str = ""
    attrs: tuple[tuple[str, str | None], ...] = ()
    text: str = ""  # decoded text, for kind "text"

    def attr(self, name: str) -> str | None:
        return next((v for k, v in self.attrs if k == name), None)


class _Tokenizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[Token] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(Token("start", self.get_starttag_text() or "", tag, tuple(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(Token("empty", self.get_starttag_text() or "", tag, tuple(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.tokens.append(Token("end", f"</{tag}>", tag))

    def handle_data(self, data: str) -> None:
        # Inside <script> and <style> the parser hands over raw content, which must stay as it is.
        if self.cdata_elem is not None:  # type: ignore[attr-defined]
            self.tokens.append(Token("raw", data))
        else:
            self.tokens.append(Token("text", html.escape(data, quote=False), text=data))

    def handle_comment(self, data: str) -> None:
        self.tokens.append(Token("raw", f"<!--{data}-->"))

    def handle_decl(self, decl: str) -> None:
        self.tokens.append(Token("raw", f"<!{decl}>"))

    def handle_pi(self, data: str) -> None:
        self.tokens.append(Token("raw", f"<?{data}>"))

    def unknown_decl(self, data: str) -> None:
        self.tokens.append(Token("raw", f"<![{data}]>"))


def tokenize(fragment: str) -> list[Token]:
    parser = _Tokenizer()
    parser.feed(fragment)
    parser.close()
    return parser.tokens


@dataclass(frozen=True)
class Open:
    """An element that encloses the current token."""

    tag: str
    attrs: tuple[tuple[str, str | None], ...]

    def attr(self, name: str) -> str | None:
        return next((v for k, v in self.attrs if k == name), None)

    def has(self, name: str) -> bool:
        """Whether the element has the attribute, with a value or without (data-rdr-text)."""
        return any(k == name for k, _ in self.attrs)


def walk(tokens: list[Token]) -> Iterator[tuple[Token, tuple[Open, ...]]]:
    """Yields each token with the elements around it, outermost first."""
    stack: list[Open] = []
    for token in tokens:
        if token.kind == "end":
            # Close up to the matching element; stray end tags leave the stack alone.
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth].tag == token.tag:
                    del stack[depth:]
                    break
        yield token, tuple(stack)
        if token.kind == "start" and token.tag not in VOID:
            stack.append(Open(token.tag, token.attrs))


def rewrite_text(fragment: str, replace: Callable[[str, tuple[Open, ...]], str | None]) -> str:
    """Rebuilds `fragment`, letting `replace` return new markup for any text node (None keeps it)."""
    out: list[str] = []
    for token, around in walk(tokenize(fragment)):
        new = replace(token.text, around) if token.kind == "text" else None
        out.append(token.markup if new is None else new)
    return "".join(out)


def text_of(fragment: str) -> str:
    return "".join(t.text for t in tokenize(fragment) if t.kind == "text")
