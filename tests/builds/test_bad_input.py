"""The bad-input matrix: every broken, hostile or oversized annotation input stops a strict build with one exact
message naming the file and line, never a traceback. (Markup in text fields is tested in test_injection.py.)"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.builds.tinysite import ASSIGNMENTS, ESSAY, FIGURES, GLOSSARY, NOTES, PAGES, QUESTIONS, WORKS, sub, write_site
from tests.conftest import mkdocs_build

G = "annotations/glossary.yml"
N = "annotations/notes.yml"
W = "annotations/works.yml"
E = "annotations/essay.yml"
F = "annotations/figures.yml"
T = "annotations/timeline.yml"
Q = "annotations/questions.yml"
A = "annotations/assignments.yml"
TIMELINE = """\
events:
  - id: one
    date: 2016-05-12
    title: Something
    text: Something happened.
    mention: {exact: "Deterrence matters."}
    terms: [deterrence]
"""


@dataclass(frozen=True)
class Case:
    name: str
    glossary: str | bytes = GLOSSARY
    expected: tuple[str, ...] = ()  # exact lines of the build output
    pages: dict[str, str] = field(default_factory=lambda: PAGES)
    reader: str = "{}"
    notes: str | bytes = NOTES
    works: str | bytes = WORKS
    essay: str | bytes = ESSAY
    figures: str | bytes = FIGURES
    timeline: str | bytes = TIMELINE
    questions: str | bytes = QUESTIONS
    assignments: str | bytes = ASSIGNMENTS
    phases: str | None = None


def error(*messages: str) -> tuple[str, ...]:
    count = f"{len(messages)} problems" if len(messages) > 1 else "1 problem"
    return (f"ERROR   -  the annotations have {count}:", *(f"  {m}" for m in messages))


CASES = [
    # the file cannot be read as YAML
    Case("unclosed bracket", sub("related: [deterrence]", "related: [deterrence"),
         error(f"{G}:15: YAML syntax error: expected ',' or ']', but got ':'; check indentation, colons and quotes")),
    Case("colon in plain text", sub("explanation: A long story.", "explanation: A long: story."),
         error(f"{G}:22: YAML syntax error: mapping values are not allowed here; check indentation, colons and quotes")),
    Case("tab indentation", sub("    name: Deterrence", "\tname: Deterrence"),
         error(f"{G}:18: YAML syntax error: found character '\\t' that cannot start any token; check indentation, colons and quotes")),
    Case("bad indentation", sub("    category: concept", "   category: concept"),
         error(f"{G}:19: YAML syntax error: expected <block end>, but found '<block mapping start>'; check indentation, colons and quotes")),
    Case("empty file", "", error(f"{G}: the file is empty; add its top-level keys or delete the file")),
    Case("only comments", "# to do\n", error(f"{G}: the file is empty; add its top-level keys or delete the file")),
    Case("two documents", GLOSSARY + "---\nterms: []\n", error(f"{G}:25: the file holds more than one YAML document; remove the '---'")),
    Case("latin-1 encoding", sub("A long story.", "A long story, déjà vu.").encode("latin-1"),
         error(f"{G}:22: the file is not valid UTF-8 text; save it with UTF-8 encoding")),
    Case("utf-16 encoding", GLOSSARY.encode("utf-16"), error(f"{G}:1: the file is not valid UTF-8 text; save it with UTF-8 encoding")),
    # the YAML does not fit the model
    Case("top level is a list", "- thaad\n", error(f"{G}:1: expected a mapping of keys to values, found a list")),
    Case("unknown top-level key", "glossary:\n" + GLOSSARY,
         error(f"{G}:1: unknown key 'glossary'; allowed keys: categories, terms")),
    Case("misspelt key", sub("    definition: Preventing", "    defintion: Preventing"),
         error(f"{G}:21: term \"deterrence\": unknown key 'defintion'; did you mean 'definition'?")),
    Case("unknown key in a source", sub('{title: Deterrence, url:', '{title: Deterrence, link: "x", url:'),
         error(f"{G}:24: term \"deterrence\", source 1: unknown key 'link'; allowed keys: title, url")),
    Case("missing field", sub("    explanation: A long story.\n", ""),
         error(f"{G}:17: term \"deterrence\": 'explanation' is required (the full entry, in Markdown)")),
    Case("null field", sub("explanation: A long story.", "explanation:"),
         error(f"{G}:22: term \"deterrence\": 'explanation' is required (the full entry, in Markdown)")),
    Case("blank field", sub("explanation: A long story.", "explanation: '   '"),
         error(f"{G}:22: term \"deterrence\": 'explanation' must not be empty")),
    Case("number for text", sub("name: Deterrence", "name: 1983"),
         error(f"{G}:18: term \"deterrence\": 'name' must be text, not a number; put it in quotes")),
    Case("true/false for text", sub("name: Deterrence", "name: yes"),
         error(f"{G}:18: term \"deterrence\": 'name' must be text, not true/false; put it in quotes")),
    Case("list for text", sub("name: Deterrence", "name: [Deterrence]"),
         error(f"{G}:18: term \"deterrence\": 'name' must be text, not a list")),
    Case("mapping for list", sub("variants: [deterrence]", "variants: {text: deterrence}"),
         error(f"{G}:20: term \"deterrence\": 'variants' must be a list, not a mapping")),
    Case("empty list", sub("variants: [deterrence]", "variants: []"),
         error(f"{G}:20: term \"deterrence\": 'variants' must not be an empty list; add an item")),
    Case("empty optional list", sub("related: [deterrence]", "related: []"),
         error(f"{G}:14: term \"thaad\": 'related' must not be an empty list; add an item or remove the key")),
    Case("bad id", sub("id: deterrence", "id: Deterrence_Theory").replace("related: [deterrence]", "related: [deterrence-theory]"),
         error(f"{G}:17: term \"Deterrence_Theory\": 'id' must be lowercase letters, digits and hyphens, like 'chapter-2', not 'Deterrence_Theory'")),
    Case("bad url", sub('url: "https://example.org/deterrence"', 'url: "example.org/deterrence"'),
         error(f"{G}:24: term \"deterrence\", source 1: 'url' must be a full http:// or https:// address, not 'example.org/deterrence'")),
    Case("script url", sub('url: "https://example.org/deterrence"', 'url: "javascript:alert(1)"'),
         error(f"{G}:24: term \"deterrence\", source 1: 'url' must be a full http:// or https:// address, not 'javascript:alert(1)'")),
    Case("bad case rule", sub("variants: [deterrence]", "variants: [{text: deterrence, case: upper}]"),
         error(f"{G}:20: term \"deterrence\", variant 1: 'case' must be one of exact, sentence, ignore, not 'upper'")),
    Case("duplicate key", sub("    name: Deterrence\n", "    name: Deterrence\n    name: Deterrent\n"),
         error(f"{G}:19: term \"deterrence\": key 'name' is given twice; keep one")),
    # input that is hostile or merely enormous: refused before it costs anything, with the reason
    Case("python object tag", sub("name: Deterrence", "name: !!python/object:os.system x"),
         error(f"{G}:18: YAML tags such as 'tag:yaml.org,2002:python/object:os.system' are not supported; remove it (put the value in quotes if it is text)")),
    Case("custom tag", sub("name: Deterrence", "name: !secret Deterrence"),
         error(f"{G}:18: YAML tags such as '!secret' are not supported; remove it (put the value in quotes if it is text)")),
    Case("merge key", sub("  - id: deterrence\n", "  - &t {id: x}\n  - <<: *t\n    id: deterrence\n"),
         error(f"{G}:18: YAML merge keys ('<<') are not supported; write the keys out")),
    Case("alias bomb", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [" + ", ".join(["*a"] * 9) + "]\nc: [" + ", ".join(["*b"] * 12) + "]\n" + GLOSSARY,
         error(f"{G}:3: the file uses more than 20 aliases ('*name'); write the values out")),
    Case("nesting too deep", sub("related: [deterrence]", "related: " + "[" * 30 + "deterrence" + "]" * 30),
         error(f"{G}:14: lists and mappings are nested more than 24 deep; flatten the file")),
    # an escape that is half of a UTF-16 pair: no page or download could be written with it
    Case("lone surrogate in a work", works=sub("title: A Book on Defense", 'title: "A Book \\ud83d on Defense"', WORKS),
         expected=error(f"{W}:6: '\\ud83d' is half of a UTF-16 surrogate pair, not a character; write the character itself, or its '\\U' escape with eight digits")),
    Case("escaped surrogate pair", sub("name: Deterrence", 'name: "Deterrence \\uD83D\\uDE00"'),
         error(f"{G}:18: '\\ud83d' is half of a UTF-16 surrogate pair, not a character; write the character itself, or its '\\U' escape with eight digits")),
    Case("hexadecimal for text", sub("name: Deterrence", "name: 0x10"),
         error(f"{G}:18: term \"deterrence\": 'name' must be text, not a number; put it in quotes")),
    Case("sexagesimal for text", sub("name: Deterrence", "name: 4:30"),
         error(f"{G}:18: term \"deterrence\": 'name' must be text, not a number; put it in quotes")),
    Case("line separator before an error", sub("definition: Preventing", "definition: Pre\u2028venting", sub("explanation: A long story.", "explanation: A long: story.")),
         error(f"{G}:22: YAML syntax error: could not find expected ':'; check indentation, colons and quotes")),
    Case("line break in an id", sub("id: deterrence", 'id: "deter\\nrence"').replace("related: [deterrence]", ""),
         error(f"{G}:17: term \"deter\\nrence\": 'id' must be lowercase letters, digits and hyphens, like 'chapter-2', not 'deter\\nrence'")),
    Case("terminal escape in an id", sub("id: deterrence", 'id: "deter\\x1b[31mrence"').replace("related: [deterrence]", ""),
         error(f"{G}:17: term \"deter\\x1b[31mrence\": 'id' holds the control character U+001B, which no reader can see; remove it")),
    Case("control character in text", sub("name: Deterrence", 'name: "Deter\\x07rence"'),
         error(f"{G}:18: term \"deterrence\": 'name' holds the control character U+0007, which no reader can see; remove it")),
    Case("id the reader uses", sub("id: deterrence", "id: rdr-main").replace("related: [deterrence]", "related: [rdr-main]"),
         error(f"{G}:17: term \"rdr-main\": 'id' 'rdr-main' is an id the reader uses for its own links (paragraphs p4, p4-p7, or rdr-...); choose another")),
    Case("id of a paragraph range", sub("id: deterrence", "id: p1-p3").replace("related: [deterrence]", "related: [p1-p3]"),
         error(f"{G}:17: term \"p1-p3\": 'id' 'p1-p3' is an id the reader uses for its own links (paragraphs p4, p4-p7, or rdr-...); choose another")),
    Case("id of a glossary category", sub("id: deterrence", "id: category-system").replace("related: [deterrence]", "related: [category-system]"),
         error(f"{G}:17: term \"category-system\": ids starting 'category-' name the glossary's categories on its page; choose another")),
    Case("duplicate id but for spaces", sub("id: deterrence", "id: 'thaad '").replace("related: [deterrence]", ""),
         error(f'{G}:17: term id "thaad" is already used on line 7; ids must be unique')),
    Case("Markdown nested too deep", sub("explanation: A long story.", "explanation: '" + ">" * 40 + " deep'"),
         error(f"{G}:22: term \"deterrence\": 'explanation' nests lists or quotes more than 16 deep; flatten it")),
    Case("Markdown list nested too deep", sub("explanation: A long story.", "explanation: |\n" + "".join("      " + "  " * i + "- x\n" for i in range(40))),
         error(f"{G}:22: term \"deterrence\": 'explanation' nests lists or quotes more than 16 deep; flatten it")),
    Case("text too long", sub("explanation: A long story.", "explanation: '" + "a " * 30000 + "'"),
         error(f"{G}:22: term \"deterrence\": 'explanation' has 60,000 characters, more than the 50,000 a field may hold; shorten it")),
    Case("list too long", sub("variants: [deterrence]", "variants: [deterrence" + "".join(f", v{i}" for i in range(50000)) + "]"),
         error(f"{G}:20: term \"deterrence\": 'variants' has 50,001 items, more than the 50,000 a list may hold; split the file")),
    Case("note id like a marker's", notes=sub('id: "2"', "id: ref-1", NOTES),
         expected=error(f'{N}:7: note "ref-1": ids starting \'ref-\' would clash with the markers\' own; choose another')),
    Case("year zero", works=sub("issued: 2010", "issued: '0000'", WORKS),
         expected=error(f"{W}:9: work \"smith-2010\": 'issued' must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not '0000'")),
    Case("enormous paragraph range", assignments=sub("paragraphs: 1-2", "paragraphs: 1-200000", ASSIGNMENTS),
         expected=error(f"{A}:7: assignment \"week-one\", passage 2: 'paragraphs' names paragraph 200,000; a section has at most 100,000")),
    Case("enormous image", figures=FIGURES + "    image: {src: a.png, width: 1000000, height: 480}\n",
         expected=error(f"{F}:7: figure \"1\", image: 'width' must be a whole number from 1 to 100,000, not '1000000'")),
    Case("quote that starts inside a word", notes=sub('exact: "matters."', 'exact: "atters."', NOTES),
         expected=(f'WARNING -  {N}:8: note "2": the quote "atters." begins or ends inside a word (Two about THAAD); quote whole words',)),
    Case("quote across two paragraphs", notes=sub('exact: "matters."', 'exact: "is here. Later"', NOTES),
         expected=(f'WARNING -  {N}:8: note "2": the quote "is here. Later" runs across two paragraphs (One); quote words of one paragraph',)),
    Case("quote after the wrong prefix", notes=sub('exact: "matters."', 'exact: "matters.", prefix: "Nope "', NOTES),
         expected=(f'WARNING -  {N}:8: note "2": the quote "matters." is in the text, but never after the prefix "Nope " (Two about THAAD); copy them exactly from the page, spaces included',)),
    Case("figure before the middle of a paragraph", figures=sub("Later, THAAD again", "THAAD again", FIGURES),
         expected=(f'WARNING -  {F}:3: figure "1": the quote "THAAD again" is not at the start of a paragraph (One); quote the opening words of the paragraph it stands before',)),
    # the records do not fit each other
    Case("duplicate term id", sub("id: deterrence", "id: thaad").replace("related: [deterrence]", ""),
         error(f'{G}:17: term id "thaad" is already used on line 7; ids must be unique')),
    Case("duplicate category id", sub("    name: Strategic concepts\n", "    name: Strategic concepts\n  - id: system\n    name: Systems\n"),
         error(f'{G}:6: category id "system" is already used on line 2; ids must be unique')),
    Case("unknown category", sub("category: concept", "category: concepts"),
         error(f'{G}:17: term "deterrence": unknown category "concepts"; use one of: concept, system')),
    Case("unknown related term", sub("related: [deterrence]", "related: [deterence]"),
         error(f'{G}:7: term "thaad": \'related\' names unknown term "deterence"; add that term or fix the id')),
    Case("related to itself", sub("related: [deterrence]", "related: [thaad]"),
         error(f'{G}:7: term "thaad": \'related\' names the term itself; remove "thaad"')),
    Case("variant of two terms", sub("variants: [deterrence]", "variants: [deterrence, THAAD system]"),
         error(f'{G}:20: term "deterrence": variant "THAAD system" is already a variant of term "thaad" (line 11); each variant belongs to one term')),
    Case("variant starting with a quote", sub("variants: [deterrence]", "variants: [deterrence, '“deterrence”']"),
         error(f'{G}:20: term "deterrence": variant "“deterrence”" must start with a letter or digit; leave out leading quotes or brackets')),
    # the annotations do not fit the text: a warning, which fails a strict build
    Case("term not in the text", sub("variants: [deterrence]", "variants: [deterrance]"),
         (f'WARNING -  {G}:17: term "deterrence": none of its variants occurs in the text; fix the variants or remove the term',)),
    # the project around the annotations
    Case("setting with a wrong value", reader="{link_terms: every}",
         expected=error("mkdocs.yml: extra.reader.link_terms must be one of first, all, not 'every'")),
    Case("unknown setting", reader="{link_term: all}",
         expected=error("mkdocs.yml: extra.reader: unknown setting 'link_term'; did you mean 'link_terms' (which occurrences of a term link to its entry: 'first' (first in each section) or 'all')?")),
    Case("unknown unit", reader="{units: [sections, glossary, people]}",
         expected=error("mkdocs.yml: extra.reader.units: unknown unit 'people'; known units: sections, glossary, notes, figures, timeline, questions, citing, assignments, handouts, opendata, phases")),
    Case("editors' section not in the navigation", reader="{editors_section: Makers}",
         expected=error("mkdocs.yml: extra.reader.editors_section: no section of the navigation is titled 'Makers' (it has no sections); name one, or leave the setting out")),
    Case("editors' section that is not text", reader="{editors_section: [Makers]}",
         expected=error("mkdocs.yml: extra.reader.editors_section must be text")),
    Case("unit without the unit it needs", reader="{units: [glossary, assignments]}",
         expected=error("mkdocs.yml: extra.reader.units: 'assignments' needs 'sections'; add it to the list")),
    Case("unit before the unit it uses", reader="{units: [sections, timeline, glossary, figures]}",
         expected=error("mkdocs.yml: extra.reader.units: 'timeline' uses 'glossary', 'figures'; list it after them")),
    Case("page no unit makes", reader="{pages: {glosary: lexicon.md}}",
         expected=error("mkdocs.yml: extra.reader.pages: no unit makes a page 'glosary'; the pages are: glossary (the glossary, one entry per term); references (the works the notes cite, formatted, with downloads); figures (the figures, each with where it stands); timeline (the dated events, in date order); instructors (for instructors: the sections, a link builder, the assignments); assignments (the folder of the assignments' pages); data (the Data page, which lists the files for other tools); phases (the phases diagram)")),
    Case("page path outside docs", reader="{pages: {glossary: ../glossary.md}}",
         expected=error("mkdocs.yml: extra.reader.pages.glossary: '../glossary.md' must be a path under docs/, such as glossary.md or reference/glossary.md")),
    Case("two pages at one path", reader="{pages: {figures: glossary.md}}",
         expected=error("mkdocs.yml: extra.reader.pages: the glossary unit's page 'glossary' and the figures unit's page 'figures' are both at glossary.md; move one")),
    Case("setting with a control character", reader='{edition: "An \\x1b[2Jedition"}',
         expected=error("mkdocs.yml: extra.reader.edition holds the control character U+001B, which no reader can see; remove it")),
    Case("page introduction too long", reader="{pages: {glossary: {intro: '" + "a" * 50001 + "'}}}",
         expected=error("mkdocs.yml: extra.reader.pages.glossary.intro has 50,001 characters, more than the 50,000 a field may hold; shorten it")),
    Case("string that does not exist", reader="{strings: {glossary.titel: Lexicon}}",
         expected=error("mkdocs.yml: extra.reader.strings: there is no string 'glossary.titel' to replace; see the units' strings/en.yml files")),
    # notes and the works they cite
    Case("note quote not in the text", notes=sub('exact: "matters."', 'exact: "matter."', NOTES),
         expected=(f'WARNING -  {N}:8: note "2": the quote "matter." is not in the text; copy it exactly from the page, with its punctuation',)),
    Case("note quote found twice", notes=sub('exact: "matters."', 'exact: "THAAD"', NOTES),
         expected=(f'WARNING -  {N}:8: note "2": the quote "THAAD" occurs 3 times (One ¶ 1, One ¶ 2, Two about THAAD ¶ 1); add a prefix or suffix that only one of them has',)),
    Case("note cites an unknown work", notes=sub("work: smith-2010", "work: smith-2011", NOTES),
         expected=error(f'{N}:6: note "1": cites unknown work "smith-2011"; add it to {W} or fix the id')),
    Case("duplicate note id", notes=sub('id: "2"', 'id: "1"', NOTES),
         expected=error(f'{N}:7: note id "1" is already used on line 2; ids must be unique')),
    Case("note without text", notes=sub("    text: Commentary only.\n", "", NOTES),
         expected=error(f"{N}:7: note \"2\": 'text' is required (the note, word for word)")),
    Case("notes file syntax error", notes=sub('anchor: {exact: "matters."}', 'anchor: {exact: "matters."', NOTES),
         expected=error(f"{N}:9: YAML syntax error: expected ',' or '}}', but got '<scalar>'; check indentation, colons and quotes")),
    Case("book without a publisher", works=sub("    publisher: A Press\n", "", WORKS),
         expected=error(f"{W}:2: work \"smith-2010\": a book needs 'publisher' to be cited; add it")),
    Case("unknown CSL type", works=sub("type: book", "type: novel", WORKS),
         expected=error(f'{W}:2: work "smith-2010": unknown CSL type "novel"; use one of: article, article-journal, article-magazine, article-newspaper, book, chapter, document, interview, post, post-weblog, report, speech, webpage')),
    Case("CSL key spelt the Python way", works=sub("publisher-place:", "publisher_place:", WORKS),
         expected=error(f"{W}:8: work \"smith-2010\": unknown key 'publisher_place'; did you mean 'publisher-place'?")),
    Case("bad date", works=sub("issued: 2010", "issued: 2010-13", WORKS),
         expected=error(f"{W}:9: work \"smith-2010\": 'issued' must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not '2010-13'")),
    Case("author both person and organisation", works=sub("{family: Smith, given: Jane}", "{family: Smith, literal: Smith Inc.}", WORKS),
         expected=error(f"{W}:5: work \"smith-2010\": an author has either 'family' (and 'given') or 'literal', not both or neither")),
    Case("problems in two files", glossary=sub("name: Deterrence", "name: [Deterrence]"), works=sub("type: book", "type: novel", WORKS),
         expected=error(f"{G}:18: term \"deterrence\": 'name' must be text, not a list",
                        f'{W}:2: work "smith-2010": unknown CSL type "novel"; use one of: article, article-journal, article-magazine, article-newspaper, book, chapter, document, interview, post, post-weblog, report, speech, webpage')),
    # the essay's own record
    Case("essay file with two items", essay=ESSAY + "  - {id: other, type: article, title: Other, issued: 2017, author: [{literal: X}]}\n",
         expected=error(f"{E}:8: the essay file holds exactly one item: the essay")),
    Case("essay without an author", essay=sub("    author:\n      - {family: Doe, given: Jane}\n", "", ESSAY),
         expected=error(f"{E}:2: work \"essay\": an article needs 'author' to be cited; add it")),
    # figures
    Case("figure before a paragraph that is not there", figures=sub("Later, THAAD again", "Sooner, THAAD again", FIGURES),
         expected=(f'WARNING -  {F}:3: figure "1": the quote "Sooner, THAAD again" is not in the text; copy it exactly from the page, with its punctuation',)),
    Case("figure quoting a heading", figures=sub("Later, THAAD again", "Two about THAAD", FIGURES),
         expected=(f'WARNING -  {F}:3: figure "1": the quote "Two about THAAD" is not in the text; copy it exactly from the page, with its punctuation',)),
    Case("duplicate figure number", figures=FIGURES + FIGURES.split("\n", 1)[1].replace("Later, THAAD again", "Deterrence matters"),
         expected=error(f'{F}:7: figure id "1" is already used on line 2; ids must be unique')),
    Case("figure without alt text", figures=sub("    alt: A thing.\n", "", FIGURES),
         expected=error(f"{F}:2: figure \"1\": 'alt' is required (what the figure shows, for readers who cannot see it)")),
    Case("image that is not an image", figures=FIGURES + "    image: {src: images/one.html, width: 640, height: 480}\n",
         expected=error(f"{F}:7: figure \"1\": 'images/one.html' is not an image file (.avif, .gif, .jpeg, .jpg, .png, .svg, .webp); give the image's path")),
    Case("image that is not there", figures=FIGURES + "    image: {src: images/one.png, width: 640, height: 480}\n",
         expected=error(f"{F}:7: figure \"1\": there is no file docs/images/one.png; add it or fix the path")),
    Case("image from another site", figures=FIGURES + "    image: {src: 'https://example.org/one.png', width: 640, height: 480}\n",
         expected=error(f"{F}:7: figure \"1\", image: 'src' must be a file's path under docs/, like 'images/figure-1.jpg', not 'https://example.org/one.png'")),
    Case("image size not a number", figures=FIGURES + "    image: {src: a.png, width: wide, height: 480}\n",
         expected=error(f"{F}:7: figure \"1\", image: 'width' must be a whole number from 1 to 100,000, not 'wide'")),
    # timeline
    Case("event date that does not parse", timeline=sub("date: 2016-05-12", "date: 12 May 2016", TIMELINE),
         expected=error(f"{T}:3: event \"one\": 'date' must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not '12 May 2016'")),
    Case("event with an impossible date", timeline=sub("date: 2016-05-12", "date: 2016-02-31", TIMELINE),
         expected=error(f"{T}:3: event \"one\": 'date' is not a real day: 2016-02-31")),
    Case("event with an unknown term", timeline=sub("terms: [deterrence]", "terms: [deterence]", TIMELINE),
         expected=error(f'{T}:2: event "one": unknown term "deterence"; use the id of a glossary term')),
    Case("event with a mention and a figure", timeline=TIMELINE + '    figure: "1"\n',
         expected=error(f"{T}:2: event \"one\": give either 'mention' (words of the paragraph that mentions it) or 'figure', one of them")),
    Case("event mention not in the text", timeline=sub("Deterrence matters.", "Deterrence mattered.", TIMELINE),
         expected=(f'WARNING -  {T}:6: event "one": the quote "Deterrence mattered." is not in the text; copy it exactly from the page, with its punctuation',)),
    Case("bad phase", glossary=sub("    related: [deterrence]\n", "    related: [deterrence]\n    intercepts: [{phase: ascent, by: US}]\n"),
         reader="{units: [sections, glossary, phases]}", phases="phases:\n  - {id: boost, name: Boost}\n  - {id: terminal, name: Terminal}\n",
         expected=error(f'{G}:15: term "thaad": unknown phase "ascent" in \'intercepts\'; use one of: boost, terminal (from annotations/phases.yml)')),
    Case("phases of a site without the phases unit", glossary=sub("    related: [deterrence]\n", "    related: [deterrence]\n    intercepts: [{phase: boost, by: US}]\n"),
         reader="{units: [sections, glossary, notes, figures, timeline, questions, citing, assignments, opendata]}",
         expected=error(f"{G}:15: term \"thaad\": unknown key 'intercepts'; allowed keys: id, name, category, variants, definition, explanation, sources, expansion, later, related")),
    # questions
    Case("question quote found twice", questions=sub("Deterrence matters.", "THAAD", QUESTIONS),
         expected=(f'WARNING -  {Q}:5: question "why": the quote "THAAD" occurs 3 times (One ¶ 1, One ¶ 2, Two about THAAD ¶ 1); add a prefix or suffix that only one of them has',)),
    Case("question without words to anchor it", questions=sub('    about:\n      - {exact: "Deterrence matters."}\n', "", QUESTIONS),
         expected=error(f"{Q}:2: question \"why\": 'about' is required (words of each paragraph the question is about)")),
    Case("question with an unknown key", questions=QUESTIONS + "    level: hard\n",
         expected=error(f"{Q}:6: question \"why\": unknown key 'level'; allowed keys: id, ask, about")),
    Case("duplicate question id", questions=QUESTIONS + QUESTIONS.split("\n", 1)[1].replace("Deterrence matters.", "Later, THAAD again"),
         expected=error(f'{Q}:6: question id "why" is already used on line 2; ids must be unique')),
    # assignments
    Case("assignment in a section that does not exist", assignments=sub("section: two", "section: three", ASSIGNMENTS),
         expected=(f'WARNING -  {A}:6: assignment "week-one": there is no section "three"; use one of: one, two',)),
    Case("assignment of paragraphs that do not exist", assignments=sub("paragraphs: 1-2", "paragraphs: 2-3", ASSIGNMENTS),
         expected=(f'WARNING -  {A}:7: assignment "week-one": section "one" has 2 paragraphs, so ¶ 2-3 does not exist; fix the numbers',)),
    Case("assignment range that runs backwards", assignments=sub("paragraphs: 1-2", "paragraphs: 2-1", ASSIGNMENTS),
         expected=error(f"{A}:7: assignment \"week-one\", passage 2: 'paragraphs' runs backwards: write 1-2, not 2-1")),
    Case("assignment range that is not a number", assignments=sub("paragraphs: 1-2", "paragraphs: first", ASSIGNMENTS),
         expected=error(f"{A}:7: assignment \"week-one\", passage 2: 'paragraphs' must be a paragraph number or a range like 4-7, not 'first'")),
    Case("empty assignment", assignments=sub("    passages:\n      - {section: two, paragraphs: 1}\n      - {section: one, paragraphs: 1-2}\n", "    passages: []\n", ASSIGNMENTS),
         expected=error(f"{A}:5: assignment \"week-one\": 'passages' must not be an empty list; add an item")),
    Case("assignment without passages", assignments=sub("    passages:\n      - {section: two, paragraphs: 1}\n      - {section: one, paragraphs: 1-2}\n", "", ASSIGNMENTS),
         expected=error(f"{A}:2: assignment \"week-one\": 'passages' is required (the paragraphs to read, in the order to read them)")),
    Case("overlapping passages", assignments=ASSIGNMENTS.replace("    questions", "      - {section: one, paragraphs: 2}\n    questions"),
         expected=error(f'{A}:8: assignment "week-one": ¶ 2 of section "one" overlaps an earlier passage; assign each paragraph once')),
    Case("assignment with an unknown question", assignments=sub("questions: [why]", "questions: [how]", ASSIGNMENTS),
         expected=error(f'{A}:2: assignment "week-one": unknown question "how"; use the id of a question in {Q}')),
    Case("duplicate assignment id", assignments=ASSIGNMENTS + ASSIGNMENTS.split("\n", 1)[1],
         expected=error(f'{A}:9: assignment id "week-one" is already used on line 2; ids must be unique')),
    Case("section with broken front matter", pages={**PAGES, "one.md": "---\nessay_section: true\ntitle: [unclosed\n---\n\n# One\n\nThe THAAD system is here.\n"},
         expected=("ERROR   -  docs/one.md:4: the front matter is not valid YAML (expected ',' or ']', but got '<stream end>'); fix it",)),
    Case("hand-written glossary page", pages={**PAGES, "glossary.md": "# Mine\n"},
         expected=("ERROR   -  docs/glossary.md: the glossary unit's page 'glossary' is generated at this path; delete or rename the file, or set extra.reader.pages.glossary in mkdocs.yml to another path or to false",)),
]


def run(tmp_path: Path, case: Case):
    files = {
        "notes.yml": case.notes,
        "works.yml": case.works,
        "essay.yml": case.essay,
        "figures.yml": case.figures,
        "timeline.yml": case.timeline,
        "questions.yml": case.questions,
        "assignments.yml": case.assignments,
        **({"phases.yml": case.phases} if case.phases else {}),
    }
    project = write_site(tmp_path / "project", glossary="", pages=case.pages, reader=case.reader, annotations=files)
    target = project / "annotations" / "glossary.yml"
    target.write_bytes(case.glossary if isinstance(case.glossary, bytes) else case.glossary.encode("utf-8"))
    return mkdocs_build(project, tmp_path / "site")


def test_the_matrix_is_large_enough() -> None:
    assert len(CASES) >= 25
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_stops_the_build_with_one_clear_message(tmp_path: Path, case: Case) -> None:
    result = run(tmp_path, case)
    assert result.returncode == 1, result.output
    lines = result.output.splitlines()
    start = lines.index(case.expected[0]) if case.expected[0] in lines else -1
    assert lines[start : start + len(case.expected)] == list(case.expected), result.output
    assert "Traceback" not in result.output
    if case.expected[0].startswith("WARNING"):
        assert "Aborted with 1 warnings in strict mode!" in lines
    # one message: nothing else is reported as an error or warning
    reported = [line for line in lines if line.startswith(("ERROR", "WARNING"))]
    assert reported == [case.expected[0]] if case.expected[0].startswith(("ERROR", "WARNING")) else reported == [], result.output


def _device(path: Path) -> None:
    path.unlink()
    path.symlink_to("/dev/zero")


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _pipe(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _enormous(path: Path) -> None:
    with path.open("r+b") as handle:  # sparse: costs no disk
        handle.truncate(10_000_001)


NOT_A_FILE = f"{G}: is not a regular file (it is a folder, a device or a pipe); put a YAML file here"
FILE_CASES = {
    "link to an endless device": (_device, NOT_A_FILE),
    "folder named like the file": (_folder, NOT_A_FILE),
    "named pipe": (_pipe, NOT_A_FILE),
    "file over 10 MB": (_enormous, f"{G}: the file has 10,000,001 bytes, more than the 10,000,000 an annotation file may have; split or shorten it"),
}


@pytest.mark.parametrize("name", FILE_CASES)
def test_a_file_that_is_not_an_annotation_file_is_refused_unread(tmp_path: Path, name: str) -> None:
    """Never read, so never hung on: a device, a pipe or a huge file stops the build at once with its reason."""
    change, message = FILE_CASES[name]
    project = write_site(tmp_path / "project", annotations={"notes.yml": NOTES, "works.yml": WORKS, "essay.yml": ESSAY})
    change(project / "annotations" / "glossary.yml")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.output
    lines = result.output.splitlines()
    assert lines[lines.index("ERROR   -  the annotations have 1 problem:") + 1] == "  " + message, result.output


# A file of docs/ where the reader writes one of its own, or a folder, or where it needs a folder: refused before
# anything is written, since the two would overwrite or break each other (until now MkDocs stopped with a traceback).
IN_THE_WAY_CASES = {
    "folder at a file's path": ({"data/annotations.jsonld/readme.txt": b"mine"},
                                "docs/data/annotations.jsonld/: a file of the opendata unit is generated at this path; rename the folder"),
    "file at a folder's path": ({"references": b"mine"},
                                "docs/references: a file of the notes unit is generated at references/bibliography.json, in a folder of this name; rename the file"),
    "file where an export's folder goes": ({"data": b"mine"},
                                           "docs/data: a file of the glossary unit is generated at data/glossary.skos.jsonld, in a folder of this name; rename the file"),
    "folder at an asset's path": ({"assets/reader.css/x.txt": b"mine"},
                                  "docs/assets/reader.css/: a file of the reader's own assets is generated at this path; rename the folder"),
}


@pytest.mark.parametrize("name", IN_THE_WAY_CASES)
def test_a_file_of_docs_in_the_way_of_a_generated_one_stops_the_build(tmp_path: Path, name: str) -> None:
    docs, message = IN_THE_WAY_CASES[name]
    project = write_site(tmp_path / "project", annotations={"notes.yml": NOTES, "works.yml": WORKS, "essay.yml": ESSAY}, docs_files=docs)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.output, result.output
    assert [line for line in result.output.splitlines() if line.startswith(("ERROR", "WARNING"))] == ["ERROR   -  " + message], result.output
