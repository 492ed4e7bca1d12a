"""The figures' model: each figure's caption and credit, placed before the paragraph whose opening words it quotes."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...core.kinds import FilePath, Id, Text, doc, position
from ...core.quotes import Quote


@dataclass(frozen=True)
class Image:
    """A licensed image file for a figure; width and height keep the page from shifting while it loads."""

    src: FilePath = field(metadata=doc("path of the image file under docs/, such as images/figure-1.jpg"))
    width: int = field(metadata=doc("width in pixels"))
    height: int = field(metadata=doc("height in pixels"))
    line: int = position()


@dataclass(frozen=True)
class Figure:
    id: Id = field(metadata=doc("the figure's number: 1, 2, 3"))
    before: Quote = field(metadata=doc("the opening words of the paragraph the figure stood before"))
    caption: Text = field(metadata=doc("the caption, word for word"))
    credit: Text = field(metadata=doc("the credit, word for word"))
    alt: Text = field(metadata=doc("what the figure shows, for readers who cannot see it"))
    image: Image | None = field(default=None, metadata=doc("the image file, once one may be shown"))
    line: int = position()


@dataclass(frozen=True)
class FiguresFile:
    figures: tuple[Figure, ...] = field(metadata=doc("the text's figures, in order"))
