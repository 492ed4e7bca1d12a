"""The term matcher: longest match first, case rules per variant, whole words only, one pass."""

import random
from typing import Any

import pytest

from annoreader.core.matcher import CaseRule, Matcher, first_word
from annoreader.units.glossary.model import Term, Variant


def term(term_id: str, *variants: Variant | str) -> Term:
    vs = tuple(v if isinstance(v, Variant) else Variant(v) for v in variants)
    return Term(id=term_id, name=term_id, category="c", variants=vs, definition="d", explanation="e", sources=())


TERMS = [
    term("md", "missile defense", "missile defenses"),
    term("mda", "Missile Defense Agency"),
    term("aegis", "Aegis"),
    term("ashore", "Aegis Ashore"),
    term("aim", "aim"),
    term("icbm", "ICBM", "ICBMs"),
    term("abm", "Anti-Ballistic Missile (ABM) Treaty"),
    term("cold", Variant("cold war", case="ignore")),
    term("exact", Variant("hit-to-kill", case="exact")),
]


def matcher(terms: list[Term]) -> Matcher[Term]:
    return Matcher((t, v.text, v.case_rule) for t in terms for v in t.variants)


def found(text: str) -> list[tuple[str, str]]:
    return [(m.owner.id, text[m.start : m.end]) for m in matcher(TERMS).find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Missile Defense Agency said", [("mda", "Missile Defense Agency")]),
        ("missile defenses and missile defense", [("md", "missile defenses"), ("md", "missile defense")]),
        ("Missile defense works", [("md", "Missile defense")]),
        ("MISSILE DEFENSE", []),
        ("Aegis Ashore in Romania and Aegis ships", [("ashore", "Aegis Ashore"), ("aegis", "Aegis")]),
        ("aegis ships", []),
        ("The aim is", [("aim", "aim")]),
        ("Aim high", [("aim", "Aim")]),
        ("the AIM-9 missile", []),
        ("claim", []),
        ("ICBMs and an ICBM-range missile", [("icbm", "ICBMs"), ("icbm", "ICBM")]),
        ("the Anti-Ballistic Missile (ABM) Treaty in return", [("abm", "Anti-Ballistic Missile (ABM) Treaty")]),
        ("after the COLD WAR ended", [("cold", "COLD WAR")]),
        ("Hit-to-kill and hit-to-kill", [("exact", "hit-to-kill")]),
        ("missile\n  defense", [("md", "missile\n  defense")]),
        ("antimissile defenses", []),
    ],
)
def test_matches(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_no_terms_matches_nothing() -> None:
    assert list(matcher([]).find("anything at all")) == []


def test_many_terms_one_pattern() -> None:
    many = [term(f"t{i}", f"word{i}") for i in range(3000)]
    assert [m.owner.id for m in matcher(many).find("word1 word2999 word30000 word17")] == ["t1", "t2999", "t17"]


def test_terms_sharing_their_first_words() -> None:
    many = [term(f"t{i}", f"treaty of X{i}") for i in range(2000)] + [term("treaty", "treaty"), term("tox", "treaty of X12 protocol")]
    text = "the treaty of X1500, a treaty, the treaty of X12 protocol and the treaty of Y"
    assert [(m.owner.id, text[m.start : m.end]) for m in matcher(many).find(text)] == [
        ("t1500", "treaty of X1500"),
        ("treaty", "treaty"),
        ("tox", "treaty of X12 protocol"),
        ("treaty", "treaty"),
    ]


class _ByPattern(Matcher[str]):
    """The matcher as it was: every candidate checked with its compiled pattern (`_source`)."""

    def _end(self, candidate: Any, text: str, start: int, end: int) -> int | None:
        return self._by_pattern(candidate, text, start)


def test_comparing_words_directly_finds_what_the_patterns_find() -> None:
    """The matcher compares a candidate's words with the text's directly and uses its pattern only where case
    rules meet letters outside ASCII; on random text and variants (cases, punctuation, white space of every kind,
    letters whose case folding is special), both ways find the same mentions."""
    rng = random.Random(14)
    pieces = ["a", "A", "b", "B", "ab", "AB", "Ab", "s", "S", "ß", "ſ", "K", "\u212a", "İ", "i", "é", "É", "1", "_", ".", "-", "'", "U.S."]
    spaces = [" ", " ", "  ", "\n", "\u00a0", " \t "]

    def phrase(words: int) -> str:
        out = []
        for n in range(words):
            out.append("".join(rng.choice(pieces) for _ in range(rng.randint(1, 3))))
            if n < words - 1:
                out.append(rng.choice(spaces) if rng.random() < 0.8 else rng.choice([".", "-", ""]))
        return "".join(out)

    rules: list[CaseRule] = ["exact", "sentence", "ignore"]
    for _ in range(3000):
        variants = []
        for n in range(rng.randint(1, 6)):
            text = phrase(rng.randint(1, 3)).strip()
            if first_word(text) is not None and text[0].isalnum():
                variants.append((f"v{n}", text, rng.choice(rules)))
        if not variants:
            continue
        text = " ".join(rng.choice([v[1], v[1].upper(), v[1].lower(), phrase(2)]) for v in variants for _ in range(2))
        text = "".join(c if c != " " else rng.choice(spaces) for c in text)
        direct = [(m.start, m.end, m.owner) for m in Matcher(variants).find(text)]
        assert direct == [(m.start, m.end, m.owner) for m in _ByPattern(variants).find(text)], (variants, text)
