"""The glossary as data: a SKOS concept scheme and a schema.org DefinedTermSet, both JSON-LD."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...core.markdown import SafeMarkdown
from .model import Glossary, Term

SKOS_PATH = "data/glossary.skos.jsonld"


def skos_context(language: str) -> dict[str, Any]:
    """Written out in the file, so that it parses as RDF with no context to fetch."""

    def text(iri: str) -> dict[str, str]:
        return {"@id": iri, "@language": language}

    def link(iri: str) -> dict[str, str]:
        return {"@id": iri, "@type": "@id"}

    return {
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "dct": "http://purl.org/dc/terms/",
        "prefLabel": text("skos:prefLabel"),
        "altLabel": text("skos:altLabel"),
        "definition": text("skos:definition"),
        "note": text("skos:note"),
        "historyNote": text("skos:historyNote"),
        "notation": "skos:notation",
        "inScheme": link("skos:inScheme"),
        "topConceptOf": link("skos:topConceptOf"),
        "hasTopConcept": link("skos:hasTopConcept"),
        "broader": link("skos:broader"),
        "narrower": link("skos:narrower"),
        "related": link("skos:related"),
        "title": text("dct:title"),
        "description": text("dct:description"),
        "source": link("dct:source"),
        "isPartOf": link("dct:isPartOf"),
    }


def category_id(category: str) -> str:
    return f"category-{category}"


def _alternatives(term: Term) -> list[str]:
    names = [term.expansion] if term.expansion else []
    names += [v.text for v in term.variants]
    return list(dict.fromkeys(n for n in names if n.casefold() != term.name.casefold()))


def skos(
    glossary: Glossary, scheme: str, title: str, description: str, source: str, md: SafeMarkdown, later: str, language: str, category_definition: Callable[[str], str]
) -> dict[str, Any]:
    """`scheme` is the glossary page's absolute URL: each concept is its entry there; `source` the text's own address;
    `later` heads history notes; `category_definition` defines a category that defines none itself."""
    terms = glossary.in_order()
    categories = [c for c in glossary.categories if any(t.category == c.id for t in terms)]
    graph: list[dict[str, Any]] = [
        {
            "@id": scheme,
            "@type": "skos:ConceptScheme",
            "prefLabel": title,
            "title": title,
            "description": description,
            "source": source,
            "hasTopConcept": [f"{scheme}#{category_id(c.id)}" for c in categories],
        }
    ]
    for category in categories:
        graph.append({
            "@id": f"{scheme}#{category_id(category.id)}",
            "@type": "skos:Concept",
            "prefLabel": category.name,
            "definition": category.description or category_definition(category.name),
            "inScheme": scheme,
            "topConceptOf": scheme,
            "narrower": [f"{scheme}#{t.id}" for t in terms if t.category == category.id],
        })
    for term in terms:
        concept: dict[str, Any] = {
            "@id": f"{scheme}#{term.id}",
            "@type": "skos:Concept",
            "prefLabel": term.name,
            "notation": term.id,
            "inScheme": scheme,
            "broader": f"{scheme}#{category_id(term.category)}",
            "definition": term.definition,
            "note": md.plain(term.explanation),
            "source": [s.url for s in term.sources],
        }
        alternatives = _alternatives(term)
        if alternatives:
            concept["altLabel"] = alternatives
        if term.later:
            concept["historyNote"] = f"{later}: " + md.plain(term.later)
        related = glossary.related(term.id)
        if related:
            concept["related"] = [f"{scheme}#{r.id}" for r in related]
        graph.append(concept)
    return {"@context": skos_context(language), "@graph": graph}


def defined_term_set(glossary: Glossary, page: str, name: str, language: str) -> dict[str, Any]:
    """schema.org's view of the glossary, for search engines: embedded in the glossary page."""
    terms = glossary.in_order()
    return {
        "@context": "https://schema.org",
        "@type": "DefinedTermSet",
        "@id": page,
        "name": name,
        "url": page,
        "inLanguage": language,
        "hasDefinedTerm": [
            {
                "@type": "DefinedTerm",
                "@id": f"{page}#{t.id}",
                "name": t.name,
                **({"alternateName": alts} if (alts := _alternatives(t)) else {}),
                "description": t.definition,
                "termCode": t.id,
                "url": f"{page}#{t.id}",
                "inDefinedTermSet": {"@id": page},
            }
            for t in terms
        ],
    }
