"""The real essay's site: open data: the Web Annotation export has the model's required shape, the SKOS glossary and the embedded
schema.org DefinedTermSet parse as RDF, and the Data page lists every file."""

from __future__ import annotations

import json
import re
from collections import Counter

import jsonschema
import pytest
import rdflib
import yaml
from pyld import jsonld
from rdflib.namespace import SKOS

from tests.conftest import ROOT, BuildResult
from tests.sitetext import term_paragraphs
from tests.webanno import COLLECTION, _schema_org_loader, annotations, skos_graph

SITE = "http://127.0.0.1:8000/"  # the site_url of mkdocs.yml
SECTIONS = ["introduction", "tech-breakthrough", "impact-on-stability", "missile-defense-policy", "about-the-author"]


def test_the_export_has_the_web_annotation_models_shape(real_site: BuildResult) -> None:
    export = annotations(real_site)
    jsonschema.validate(export, COLLECTION)
    items = export["first"]["items"]
    assert export["total"] == len(items)
    assert len({i["id"] for i in items}) == len(items)
    for item in items:
        targets = item["target"] if isinstance(item["target"], list) else [item["target"]]
        for target in targets:
            quote, position = target["selector"]
            assert position["end"] - position["start"] == len(quote["exact"])


def test_every_annotation_is_exported(real_site: BuildResult) -> None:
    items = annotations(real_site)["first"]["items"]
    kinds = Counter(i["id"].split("#")[1].split("-")[0] for i in items)
    load = lambda name, key: yaml.safe_load((ROOT / "annotations" / f"{name}.yml").read_text(encoding="utf-8"))[key]  # noqa: E731
    assert kinds["note"] == len(load("notes", "notes"))
    assert kinds["figure"] == len(load("figures", "figures"))
    assert kinds["question"] == len(load("questions", "questions"))
    # one annotation for every term element the sections show: in the prose, captions and notes, not in the
    # hidden cards the script copies
    in_prose = 0
    for name in SECTIONS:
        html = re.sub(r'<aside class="rdr-cards".*?</aside>', "", real_site.page(f"{name}/index.html"), flags=re.S)
        in_prose += len(re.findall(r'class="rdr-term(?: rdr-term--quiet)?" (?:href="[^"]*" )?data-rdr-term=', html))
        assert term_paragraphs(html)
    assert kinds["term"] == in_prose
    note_4 = next(i for i in items if i["id"].endswith("#note-4"))
    assert note_4["motivation"] == "commenting"
    assert note_4["body"][1] == {"type": "SpecificResource", "source": SITE + "references/#lewis-2016", "purpose": "linking"}
    assert note_4["target"]["source"] == SITE + "impact-on-stability/"
    assert note_4["target"]["selector"][0]["exact"] == "350 to 550 missiles"


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_the_skos_glossary_parses_as_rdf(real_site: BuildResult) -> None:
    graph = skos_graph(real_site)
    glossary = yaml.safe_load((ROOT / "annotations" / "glossary.yml").read_text(encoding="utf-8"))
    scheme = rdflib.URIRef(SITE + "glossary/")
    assert (scheme, rdflib.RDF.type, SKOS.ConceptScheme) in graph
    assert graph.value(scheme, SKOS.prefLabel) == rdflib.Literal("Glossary of Ballistic Missile Defense: Proceed With Caution", lang="en")
    # the scheme's source is the essay as published
    assert graph.value(scheme, rdflib.URIRef("http://purl.org/dc/terms/source")) == rdflib.URIRef(
        "https://www.armscontrol.org/act/2017-11/features/ballistic-missile-defense-proceed-caution")
    for category in glossary["categories"]:
        concept = rdflib.URIRef(f"{SITE}glossary/#category-{category['id']}")
        assert graph.value(concept, SKOS.definition) == rdflib.Literal(" ".join(category["description"].split()), lang="en")
    for term in glossary["terms"]:
        concept = rdflib.URIRef(f"{SITE}glossary/#{term['id']}")
        assert (concept, rdflib.RDF.type, SKOS.Concept) in graph
        assert graph.value(concept, SKOS.prefLabel) == rdflib.Literal(term["name"], lang="en")
        assert graph.value(concept, SKOS.definition) == rdflib.Literal(" ".join(term["definition"].split()), lang="en")
        assert (concept, SKOS.inScheme, scheme) in graph
        broader = graph.value(concept, SKOS.broader)
        assert broader == rdflib.URIRef(f"{SITE}glossary/#category-{term['category']}")
        assert (broader, SKOS.topConceptOf, scheme) in graph
        assert {str(s) for s in graph.objects(concept, rdflib.URIRef("http://purl.org/dc/terms/source"))} == {s["url"] for s in term["sources"]}
        for related in term.get("related", []):
            other = rdflib.URIRef(f"{SITE}glossary/#{related}")
            assert (concept, SKOS.related, other) in graph and (other, SKOS.related, concept) in graph
    thaad = rdflib.URIRef(SITE + "glossary/#thaad")
    assert rdflib.Literal("Terminal High Altitude Area Defense", lang="en") in set(graph.objects(thaad, SKOS.altLabel))


def test_the_glossary_page_embeds_a_defined_term_set(real_site: BuildResult) -> None:
    page = real_site.page("glossary/index.html")
    scripts = [json.loads(s) for s in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)]
    (data,) = [s for s in scripts if s.get("@type") == "DefinedTermSet"]
    nquads = jsonld.to_rdf(data, {"format": "application/n-quads", "documentLoader": _schema_org_loader})
    graph = rdflib.Graph().parse(data=nquads, format="nt")  # quads in the default graph: N-Triples
    schema = rdflib.Namespace("https://schema.org/")
    terms = set(graph.subjects(rdflib.RDF.type, schema.DefinedTerm))
    assert len(terms) == len(yaml.safe_load((ROOT / "annotations" / "glossary.yml").read_text(encoding="utf-8"))["terms"])
    thaad = rdflib.URIRef(SITE + "glossary/#thaad")
    assert thaad in terms
    assert str(graph.value(thaad, schema.name)) == "THAAD"
    assert (thaad, schema.inDefinedTermSet, rdflib.URIRef(SITE + "glossary/")) in graph


def test_the_data_page_lists_every_file(real_site: BuildResult) -> None:
    page = real_site.page("data/index.html")
    for href in ["annotations.jsonld", "glossary.skos.jsonld", "../references/bibliography.json", "../references/bibliography.bib", "../references/bibliography.ris"]:
        assert f'href="{href}"' in page, href
        assert (real_site.site / "data" / href).resolve().exists(), href
    assert "CC BY 4.0" in page
    home = real_site.page("index.html")
    assert '<a href="data/">Data</a> page lists the files' in home
    assert '<a href="data/annotations.jsonld">W3C Web Annotations</a>' in home


