"""The published text: what a browser's body holds, with the places of terms, paragraphs and note markers."""

from annoreader.units.opendata.published import published_text
from annoreader.units.opendata.webanno import selectors

PAGE = (
    "<!doctype html><html><head><title>T</title><script>var head = 1;</script></head>\n<body>\n"
    '<p id="p1" class="rdr-para"><a class="rdr-pnum" href="#p1">¶ 1</a> The <a class="rdr-term" href="g#thaad" data-rdr-term="thaad">THAAD</a>'
    ' system.<sup class="rdr-note-ref" id="note-ref-1"><a href="#note-1">1</a></sup></p>'
    "<template><p>not in the document</p></template>"
    "<pre>\nfirst line</pre>"
    '<aside class="rdr-cards" hidden><div class="rdr-card" data-rdr-term="thaad"><span class="rdr-term" data-rdr-term="thaad">THAAD</span></div></aside>'
    "</span><p>After a stray end tag.</p>\n</body></html>\n"
)


def test_the_text_is_the_bodys_text_nodes() -> None:
    text = published_text(PAGE)
    assert text.text == "\n¶ 1 The THAAD system.1first lineTHAADAfter a stray end tag.\n"


def test_terms_paragraphs_and_note_markers_are_located() -> None:
    text = published_text(PAGE)
    ((term, start, end),) = text.terms  # the card's copy is not a term in the prose
    assert (term, text.text[start:end]) == ("thaad", "THAAD")
    start, end = text.paragraphs[1]
    assert text.text[start:end] == "¶ 1 The THAAD system.1"
    assert text.text[: text.note_refs["1"]].endswith("system.")
    assert text.find("system.", 1) == (text.text.index("system."), text.text.index("system.") + 7)
    assert text.find("first line", 1) is None  # not in the paragraph


def test_find_uses_prefix_and_suffix_only_to_choose() -> None:
    text = published_text('<body><p id="p1" class="rdr-para">a cat, a cat.</p></body>')
    assert text.find("cat", 1) is None
    assert text.find("cat", 1, suffix=".") == (9, 12)
    assert text.find("cat", 1, prefix="a ", suffix=",") == (2, 5)


def test_quote_selectors_grow_until_they_are_unique() -> None:
    text = "x" * 100 + "the same words" + "y" * 10 + "the same words" + "x" * 100
    start = text.rindex("the same words")
    quote, position = selectors(text, start, start + len("the same words"))
    assert position == {"type": "TextPositionSelector", "start": start, "end": start + 14}
    whole = quote["prefix"] + quote["exact"] + quote["suffix"]
    assert text.count(whole) == 1 and quote["exact"] == "the same words"


def test_raw_text_comments_and_references_are_read_as_a_browser_reads_them() -> None:
    page = '<body><!-- not text --><script>if (a < b && c) {}</script><p>A &amp; B&nbsp;C</p><textarea>\nx &lt; y</textarea></body>'
    assert published_text(page).text == "if (a < b && c) {}A & B\xa0Cx < y"


# Pieces of HTML, the engine's and an author's, including the odd ones a page may hold: random pages made of them
# must read the same skimmed (runs of plain tokens read in one go) as token by token.
PIECES = (
    "text ", "A &amp; B", "&am", "p;", "&am<br>p;", "&#1</i>0;", "&#10;", "&lt", "<", "a < b", ">", "\n", " ", "é",
    "<body>", "</body>", "<BODY class='x'>", "<template>", "</template>", "<TEMPLATE>",
    '<p id="p1" class="rdr-para">', '<p id="p2" class="rdr-para">', "<p>", "</p>", "</P>", "</p >",
    '<a class="rdr-term" href="g#t" data-rdr-term="t">', '<span class="rdr-term" data-rdr-term="u">', "<a href='x'>", "</a>", "</a\n>", "</abbr>",
    "<span>", "</span>", '<sup class="rdr-note-ref" id="note-ref-1">', '<sup id="note&#45;ref-2">', "</sup>",
    '<a class="rdr&#45;term" data-rdr-term="v" id="x">', '<a title="<!-- not a comment">', '<a title="</a>">', '<a title="x > y">',
    "<!-- a comment </a> -->", "<!-- unclosed", "<!doctype html>", "<?php x ?>", "<br>", "<br/>", "<img alt='&amp;'>",
    "<pre>", "<pre>\n", "</pre>", "<listing>", "<textarea>\nx &lt; y</textarea>", "<script>if (a < b) {}</script>", "<script-x>s</script-x>",
    "<style>p{}</style>", "<title>T &amp; U</title>", "<SCRIPT>x</SCRIPT>", "<script>unclosed",
    '<aside class="rdr-cards" hidden><div><span class="rdr-term" data-rdr-term="t">T</span> &amp; more</div></aside>',
    "<div class='rdr-x'>", "</div>", "<a id=note-ref-3>", "<rdr-el>", "</rdr-el>", "<p\nclass=rdr-para id=p3>",
)


def test_a_skimmed_reading_equals_a_reading_token_by_token() -> None:
    import random

    from annoreader.units.opendata.published import _Reader

    rng = random.Random(20261130)
    for _ in range(3000):
        page = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40)))
        if rng.random() < 0.7:
            page = "<html><head></head><body>" + page
        readings = []
        for skim in (True, False):
            reader = _Reader()
            reader.feed(page, skim=skim)
            readings.append(("".join(reader.parts), reader.terms, reader.paragraphs, reader.note_refs))
        assert readings[0] == readings[1], page


def test_marks_spelled_with_character_references_are_read_as_the_browser_reads_them() -> None:
    page = '<body><p id="p1" class="rdr&#45;para">A <a class="rdr&#x2d;term" data-rdr-term="t">term</a>.<sup id="note&#45;ref-9">9</sup></p></body>'
    text = published_text(page)
    assert text.paragraphs == {1: (0, len("A term.9"))}
    assert [(term, text.text[start:end]) for term, start, end in text.terms] == [("t", "term")]
    assert text.note_refs == {"9": len("A term.")}


def test_of_an_attribute_given_twice_the_first_counts_as_in_a_browser() -> None:
    page = '<body><p id="p2" id="p1" class="rdr-para" class="other">A <a class="rdr-term" data-rdr-term="t" data-rdr-term="u">term</a>.</p><p class=rdr-para id=p3>B</p></body>'
    text = published_text(page)
    assert text.paragraphs == {2: (0, len("A term.")), 3: (len("A term."), len("A term.B"))}
    assert [term for term, _, _ in text.terms] == ["t"]
