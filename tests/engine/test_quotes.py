"""Anchoring by quotation: one index for every quote, found in one walk over the words; what is wrong with a quote
said in one place."""

from __future__ import annotations

from annoreader.core.prose import Prose, fold
from annoreader.core.quotes import Place, Quote, QuoteIndex, QuoteUse, explain

PAGE = Prose(
    "<h1>Title words</h1>\n<p>The missile defenses grew. Then missile defense <em>slowed</em>.</p>\n"
    "<p>Second   paragraph\nbegins here. The end.</p>\n<h2>The end.</h2>"
)


def use(exact: str, prefix: str | None = None, suffix: str | None = None, opens: bool = False, key: str = "a") -> QuoteUse:
    return QuoteUse("note", key, Quote(exact, prefix, suffix, 7), "annotations/notes.yml", f'note "{key}"', opens)


def found(*uses: QuoteUse) -> dict[str, list[tuple[str, int | None]]]:
    hits = QuoteIndex(uses).find(PAGE)
    return {key: [(PAGE.text[h.start : h.end], h.paragraph) for h in found] for (_, key), found in hits.items()}


def test_quotes_are_found_in_the_prose_with_their_paragraph() -> None:
    assert found(use("missile defense slowed.")) == {"a": [("missile defense slowed.", 1)]}
    assert found(use("paragraph begins here.")) == {"a": [("paragraph\nbegins here.", 2)]}  # white space folded


def test_headings_are_not_prose() -> None:
    assert found(use("Title words")) == {}
    assert found(use("The end.")) == {"a": [("The end.", 2)]}


def test_prefix_and_suffix_choose_among_places() -> None:
    assert found(use("missile")) == {"a": [("missile", 1), ("missile", 1)]}
    assert found(use("missile", prefix="Then ")) == {"a": [("missile", 1)]}
    assert found(use("missile", suffix=" defenses")) == {"a": [("missile", 1)]}
    assert [h.start for h in QuoteIndex([use("missile", prefix="Then ")]).find(PAGE)[("note", "a")]] == [PAGE.text.index("Then missile") + 5]


def test_a_quote_inside_words_or_across_paragraphs_is_not_an_anchor() -> None:
    assert found(use("missile defen")) == {}
    assert found(use("issile defense")) == {}
    assert found(use("slowed. Second paragraph")) == {}


def test_a_quote_that_must_open_its_paragraph() -> None:
    assert found(use("Second paragraph", opens=True)) == {"a": [("Second   paragraph", 2)]}
    assert found(use("begins here.", opens=True)) == {}


def test_quotes_without_words_and_many_quotes_at_once() -> None:
    many = [use(w, key=w) for w in ("grew.", ".", "The end.", "nowhere")]
    assert found(*many) == {"grew.": [("grew.", 1)], ".": [(".", 1), (".", 1), (".", 2), (".", 2)], "The end.": [("The end.", 2)]}


def explained(quote: QuoteUse) -> str | None:
    hits = QuoteIndex([quote]).find(PAGE).get(("note", "a"), [])
    return explain(quote, [(Place("One", h.paragraph), h) for h in hits], {"One": PAGE})


def test_each_mistake_has_its_message() -> None:
    where = 'note "a": the quote'
    assert explained(use("missile defense slowed.")) is None
    assert explained(use("missile")) == f'{where} "missile" occurs 2 times (One ¶ 1, One ¶ 1); add a prefix or suffix that only one of them has'
    assert explained(use("absent words")) == f'{where} "absent words" is not in the text; copy it exactly from the page, with its punctuation'
    assert explained(use("missile defen")) == f'{where} "missile defen" begins or ends inside a word (One); quote whole words'
    assert explained(use("slowed. Second")) == f'{where} "slowed. Second" runs across two paragraphs (One); quote words of one paragraph'
    assert explained(use("begins here.", opens=True)) == (
        f'{where} "begins here." is not at the start of a paragraph (One); quote the opening words of the paragraph it stands before'
    )
    assert explained(use("missile", prefix="Now ")) == (
        f'{where} "missile" is in the text, but never after the prefix "Now " (One); copy them exactly from the page, spaces included'
    )
    assert explained(use("missile", prefix="Then", suffix=" defenses")) == (
        f'{where} "missile" is in the text, but never after the prefix "Then" and before the suffix " defenses" (One); '
        "copy them exactly from the page, spaces included"
    )


def test_every_kind_of_white_space_folds_to_one_space() -> None:
    # Single spaces are left in place, so each other white space character, alone or in a run, must still fold.
    odd = ["\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u00a0", "\u1680", "\u2028", "\u3000"]
    for space in odd:
        for around in ("", " ", space):
            assert fold(f"a{around}{space}{around}b") == "a b"
            prose = Prose(f"<p>one{around}{space}{around}two three</p>")
            text, origin = prose.folded
            assert text == "one two three"
            assert prose.text[origin[text.index("two")] :].startswith("two three")
    assert fold("a b  c") == "a b c"
    assert found(use("missile defense slowed.", prefix="grew. Then ")) == {"a": [("missile defense slowed.", 1)]}
