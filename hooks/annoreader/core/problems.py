"""Problems found in annotation files or while anchoring them, each naming a file and a line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class Severity(Enum):
    ERROR = "error"  # the annotation files cannot be read into a model
    WARNING = "warning"  # the model does not fit the text; fails only a strict build


@dataclass(frozen=True)
class Problem:
    file: str
    line: int  # 1-based; 0 when the problem concerns the whole file
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        """One line, whatever the file held: a line break or a terminal's escape code in a quoted id cannot start
        another line of the log or colour it."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), f"{where}: {self.message}")


class AnnotationError(Exception):
    """Raised with every problem that stops loading, so that all of them are reported at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in problems))


def duplicate_ids(kind: str, items: list[tuple[str, int]], file: str) -> list[Problem]:
    """One problem for each (id, line) whose id an earlier item already has."""
    first: dict[str, int] = {}
    problems = []
    for id_, line in items:
        if id_ in first:
            problems.append(Problem(file, line, f'{kind} id "{id_}" is already used on line {first[id_]}; ids must be unique'))
        else:
            first[id_] = line
    return problems
