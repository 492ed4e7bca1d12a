"""The glossary's checks that span records: unique ids, references that resolve, variants owned once."""

from __future__ import annotations

from ...core.matcher import first_word
from ...core.problems import Problem, duplicate_ids
from .model import GlossaryFile, Term, Variant


def check_glossary(parsed: GlossaryFile, file: str) -> list[Problem]:
    """The checks that span records: unique ids, references that resolve, variants owned once."""
    problems = duplicate_ids("category", [(c.id, c.line) for c in parsed.categories], file)
    problems += duplicate_ids("term", [(t.id, t.line) for t in parsed.terms], file)
    categories = {c.id for c in parsed.categories}
    terms = {t.id for t in parsed.terms}
    seen: dict[str, list[tuple[Variant, Term]]] = {}
    for term in parsed.terms:
        where = f'term "{term.id}"'
        if term.id.startswith("category-"):
            problems.append(Problem(file, term.line, f"{where}: ids starting 'category-' name the glossary's categories on its page; choose another"))
        if term.category not in categories:
            known = ", ".join(sorted(categories))
            problems.append(Problem(file, term.line, f'{where}: unknown category "{term.category}"; use one of: {known}'))
        for ref in term.related:
            if ref == term.id:
                problems.append(Problem(file, term.line, f"{where}: 'related' names the term itself; remove \"{ref}\""))
            elif ref not in terms:
                problems.append(Problem(file, term.line, f"{where}: 'related' names unknown term \"{ref}\"; add that term or fix the id"))
        for variant in term.variants:
            if first_word(variant.text) is None:
                problems.append(Problem(file, variant.line, f'{where}: variant "{variant.text}" must start with a letter or digit; leave out leading quotes or brackets'))
                continue
            same = seen.setdefault(" ".join(variant.text.split()).casefold(), [])
            for other, owner in same:
                if _overlap(variant, other):
                    whose = "this term" if owner is term else f'term "{owner.id}"'
                    problems.append(Problem(file, variant.line, f'{where}: variant "{variant.text}" is already a variant of {whose} (line {other.line}); each variant belongs to one term'))
                    break
            same.append((variant, term))
    return problems


def _overlap(a: Variant, b: Variant) -> bool:
    """Whether two variants with the same letters could match the same words (spaces are any run of spaces)."""
    return a.text.split() == b.text.split() or a.case_rule != "exact" or b.case_rule != "exact"

