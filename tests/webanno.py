"""What a W3C Web Annotation export must be, as a JSON Schema written from the model's requirements, and helpers
that read a built site's exports."""

from __future__ import annotations

import json

import rdflib

from tests.conftest import BuildResult

MOTIVATIONS = {
    "assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting",
    "identifying", "linking", "moderating", "questioning", "replying", "tagging",
}

# The Web Annotation Data Model's MUSTs for what the export uses (https://www.w3.org/TR/annotation-model/).
IRI = {"type": "string", "pattern": "^https?://\\S+$"}
QUOTE = {
    "type": "object",
    "required": ["type", "exact"],
    "properties": {"type": {"const": "TextQuoteSelector"}, "exact": {"type": "string", "minLength": 1}, "prefix": {"type": "string"}, "suffix": {"type": "string"}},
}
POSITION = {
    "type": "object",
    "required": ["type", "start", "end"],
    "properties": {"type": {"const": "TextPositionSelector"}, "start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0}},
}
TARGET = {
    "type": "object",
    "required": ["source", "selector"],
    "properties": {"source": IRI, "selector": {"type": "array", "prefixItems": [QUOTE, POSITION], "minItems": 2, "maxItems": 2}},
}
BODY = {
    "oneOf": [
        {"type": "object", "required": ["type", "value"], "properties": {"type": {"const": "TextualBody"}, "value": {"type": "string", "minLength": 1}, "format": {"const": "text/plain"}, "language": {"const": "en"}, "purpose": {"enum": sorted(MOTIVATIONS)}}},
        {"type": "object", "required": ["type", "source"], "properties": {"type": {"const": "SpecificResource"}, "source": IRI, "purpose": {"enum": sorted(MOTIVATIONS)}}},
    ]
}
ANNOTATION = {
    "type": "object",
    "required": ["id", "type", "target"],
    "properties": {
        "id": IRI,
        "type": {"const": "Annotation"},
        "motivation": {"enum": sorted(MOTIVATIONS)},
        "body": {"oneOf": [BODY, {"type": "array", "items": BODY, "minItems": 1}]},
        "target": {"oneOf": [TARGET, {"type": "array", "items": TARGET, "minItems": 1}]},
    },
}
COLLECTION = {
    "type": "object",
    "required": ["@context", "id", "type", "first"],
    "properties": {
        "@context": {"const": "http://www.w3.org/ns/anno.jsonld"},
        "id": IRI,
        "type": {"const": "AnnotationCollection"},
        "label": {"type": "string"},
        "total": {"type": "integer", "minimum": 0},
        "first": {
            "type": "object",
            "required": ["id", "type", "items"],
            "properties": {"id": IRI, "type": {"const": "AnnotationPage"}, "startIndex": {"const": 0}, "items": {"type": "array", "items": ANNOTATION}},
        },
    },
}


def annotations(site: BuildResult) -> dict:
    return json.loads(site.page("data/annotations.jsonld"))


def skos_graph(site: BuildResult) -> rdflib.Graph:
    return rdflib.Graph().parse(data=site.page("data/glossary.skos.jsonld"), format="json-ld")


# rdflib's JSON-LD parser still builds a ConjunctiveGraph inside, which rdflib itself now deprecates.


def _schema_org_loader(url: str, options: dict | None = None) -> dict:
    # No network in the tests: schema.org's context maps every term into its vocabulary, which @vocab does here.
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": "https://schema.org/"}}}
