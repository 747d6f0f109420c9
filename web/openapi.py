"""The OpenAPI 3.1 description of the JSON API, the SPARQL endpoint and the linked-data
URLs, served at /api/openapi.json. Kept as Python (not a file) so that the limits in
it are the running settings and the entity types are those of ontology.iris; a test
calls every operation in it and checks each answer against what it documents."""
from __future__ import annotations

from typing import Any

from kg.settings import Settings
from ontology.iris import SLUG_TYPES
from web.helpers import BROWSE_TYPES


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _error(description: str) -> dict[str, Any]:
    return _json(_ref("Error"), description)


def _text_error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"text/plain": {"schema": {"type": "string"}}}}


def _param(name: str, description: str, schema: dict[str, Any], *, where: str = "query",
           required: bool = False, **extra: Any) -> dict[str, Any]:
    return {"name": name, "in": where, "required": required, "description": description, "schema": schema, **extra}


STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
INTEGER = {"type": "integer"}
IRI_PARAM = "An IRI minted by this knowledge graph (…/id/…), as stored (Hangul as is or percent-encoded)."

RESULT_TYPES = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values"]
GRAPH_TYPES = ["text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"]

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object", "required": ["ok", "status", "message"],
        "properties": {"ok": {"const": False}, "status": INTEGER, "error": STRING, "message": STRING},
    },
    "Stats": {
        "type": "object", "required": ["documents", "triples", "entities"],
        "properties": {"documents": INTEGER, "triples": INTEGER, "indexed": INTEGER,
                       "entities": {"type": "object", "additionalProperties": INTEGER,
                                    "description": "entities by type code (MINISTRY, COMPANY, …)"}},
    },
    "LookupHit": {
        "type": "object", "required": ["iri", "label", "type", "documents"],
        "properties": {"iri": STRING, "page": NULLABLE_STRING, "label": STRING, "type": STRING,
                       "documents": INTEGER},
    },
    "EntityList": {
        "type": "object", "required": ["query", "type", "total", "page", "pages", "page_size", "results"],
        "properties": {"query": STRING, "type": NULLABLE_STRING, "total": INTEGER, "page": INTEGER,
                       "pages": INTEGER, "page_size": INTEGER,
                       "unmentioned": {"type": "integer", "description": "names left out: no document mentions them"},
                       "results": {"type": "array", "items": _ref("LookupHit")}},
    },
    "SearchHit": {
        "type": "object", "required": ["iri", "title", "snippet", "score"],
        "properties": {"iri": STRING, "page": NULLABLE_STRING, "title": STRING, "date": NULLABLE_STRING,
                       "publisher": NULLABLE_STRING, "source": NULLABLE_STRING, "url": NULLABLE_STRING,
                       "snippet": {"type": "string", "description": "HTML: matches in <mark>, the rest escaped"},
                       "score": {"type": "number"}},
    },
    "SearchResult": {
        "type": "object", "required": ["query", "total", "page", "pages", "hits"],
        "properties": {"query": STRING, "filters": {"type": "object"}, "total": INTEGER, "page": INTEGER,
                       "pages": INTEGER, "page_size": INTEGER, "hits": {"type": "array", "items": _ref("SearchHit")},
                       "facets": {"type": "object", "description": "type, entity, year, month (YYYY-MM, oldest "
                                  "first: documents over time), publisher, source, source_kind"},
                       "included": {"type": "array", "description": "names a word also found, ranked below it: "
                                    "[{word, names: [{iri, label, type, documents}]}] (삼성 → 삼성전자, 삼성SDI …)"},
                       "compounds": {"type": "array", "description": "[{word, also}]: 수소경제 also as 수소 경제"},
                       "bodies": {"type": "array", "description": "[{word, names}]: a name government bodies "
                                  "carried in turn, each body's name also searched (산업부 → 산업통상부)"},
                       "card": {"type": ["object", "null"], "description": "the entity the query names: iri, page, "
                                "label, type, names, documents, relations [{label, total, names}]"},
                       "suggestions": {"type": "array", "description": "when the result is empty or thin: entities "
                                       "a user may have meant [{label, iri, type, documents, search, page}]"},
                       "next": NULLABLE_STRING, "prev": NULLABLE_STRING},
    },
    "Label": {"type": "object", "required": ["value"],
              "properties": {"value": STRING, "lang": NULLABLE_STRING}},
    "Relation": {
        "type": "object", "required": ["direction", "property", "other", "document"],
        "properties": {"direction": {"enum": ["in", "out"]}, "property": STRING, "other": STRING,
                       "other_label": STRING, "value": NULLABLE_STRING, "document": STRING,
                       "document_title": STRING, "sentence": NULLABLE_STRING,
                       "documents": {"type": "integer", "description": "documents that state this relation"},
                       "first_date": NULLABLE_STRING},
    },
    "RelationGroup": {
        "type": "object", "required": ["property", "direction", "total"],
        "properties": {"property": STRING, "direction": {"enum": ["in", "out"]},
                       "total": {"type": "integer", "description": "other ends in all (the page shows the most "
                                                                   "documented few)"},
                       "documents": INTEGER},
    },
    "DocumentRef": {"type": "object", "required": ["iri", "title"],
                    "properties": {"iri": STRING, "title": STRING, "date": NULLABLE_STRING,
                                   "page": NULLABLE_STRING}},
    "Entity": {
        "type": "object", "required": ["iri", "label", "type", "relations", "documents", "total"],
        "description": "The JSON twin of the entity page (/id/<type>/<name>.json); pages may add fields. "
                       "`documents` is one page (?page=N) of the `total` documents that mention the entity, "
                       "newest first; `relations` are the most documented relations of each group, "
                       "`relation_groups` how many there are in all (the .csv twin lists every one).",
        "properties": {"iri": STRING, "page": NULLABLE_STRING, "label": STRING, "type": STRING,
                       "types": {"type": "array", "items": STRING},
                       "pref_labels": {"type": "array", "items": _ref("Label")},
                       "alt_labels": {"type": "array", "items": _ref("Label")},
                       "titles": {"type": "array", "items": STRING},
                       "relations": {"type": "array", "items": _ref("Relation")},
                       "relation_groups": {"type": "array", "items": _ref("RelationGroup")},
                       "documents": {"type": "array", "items": _ref("DocumentRef")},
                       "total": INTEGER, "page_number": INTEGER, "pages": INTEGER, "page_size": INTEGER,
                       "next": NULLABLE_STRING, "prev": NULLABLE_STRING,
                       "predecessors": {"type": "array"}, "successors": {"type": "array"},
                       "groups": {"type": "array", "description": "a company's business group (org:subOrganizationOf)"},
                       "members": {"type": "array", "description": "a business group's companies (org:hasSubOrganization)"},
                       "same_names": {"type": "array", "description": "an initiative's page: the node of its full title or of its short name, as a document defined it"},
                       "month_siblings": {"type": "array", "description": "an event's page: the events of the same name and body that a report gives only the month of, or the days of such a month"},
                       "version": NULLABLE_STRING,
                       "series": {"type": ["object", "null"], "description": "a plan's name without its version"},
                       "versions": {"type": "array", "description": "the plan's other versions, oldest first"}},
    },
    "Mention": {"type": "object", "required": ["start", "end", "type"],
                "properties": {"start": INTEGER, "end": INTEGER, "type": STRING, "entity": NULLABLE_STRING,
                               "value": NULLABLE_STRING}},
    "Document": {
        "type": "object", "required": ["iri", "title", "text", "mentions"],
        "description": "The JSON twin of the document page (/id/doc/<hash>.json).",
        "properties": {"iri": STRING, "page": NULLABLE_STRING, "title": STRING, "date": NULLABLE_STRING,
                       "source": NULLABLE_STRING, "source_kind": NULLABLE_STRING, "text": STRING,
                       "publisher": NULLABLE_STRING, "url": {"type": ["string", "null"], "description":
                                                             "the original http(s) address (none for a file)"},
                       "url_text": {"type": ["string", "null"], "description":
                                    "an original address of another scheme, as text only (never a link)"},
                       "mentions": {"type": "array", "items": _ref("Mention")},
                       "entities": {"type": "array", "items": {"type": "object"}},
                       "relations": {"type": "array", "description": "the relations the document reports, in text "
                                     "order: subject, property, object (a date's expression and value), their "
                                     "labels and pages, and the sentence (start, end, text)",
                                     "items": {"type": "object", "required": ["subject", "property", "object"]}}},
    },
    "SparqlResults": {
        "type": "object", "required": ["head"],
        "description": "SPARQL 1.1 Query Results JSON; `truncated: true` when the row cap cut the result.",
        "properties": {"head": {"type": "object"}, "results": {"type": "object"}, "boolean": {"type": "boolean"},
                       "truncated": {"type": "boolean"}},
    },
}


def _sparql_responses(settings: Settings) -> dict[str, Any]:
    content = {t: {"schema": _ref("SparqlResults") if t.endswith("+json") else STRING} for t in RESULT_TYPES}
    content.update({t: {"schema": {"type": ["object", "array"]} if t.endswith("json") else STRING} for t in GRAPH_TYPES})
    return {
        "200": {"description": "SELECT/ASK results or a CONSTRUCT/DESCRIBE graph; without a query, the service "
                               "description (Turtle). Header `X-KG-Truncated: true` when the row cap "
                               f"({settings.max_rows:,}) cut the result.",
                "headers": {"X-KG-Truncated": {"schema": STRING, "description": "`true` when truncated"}},
                "content": content},
        "400": _text_error("Malformed query (the parser's message), no query in a POST, two queries."),
        "403": _text_error("SPARQL Update, SERVICE or a Graph Store Protocol write: the endpoint is read-only."),
        "406": _text_error("No acceptable result format (Accept / format=)."),
        "413": _text_error("Query longer than 100,000 characters, or a body over 1 MB."),
        "415": _text_error("A POST body that is neither form-encoded nor application/sparql-query."),
        "503": _text_error(f"The query ran past the time limit ({settings.query_timeout:g} s) and was stopped, "
                           "or no data yet."),
    }


def spec(settings: Settings, server: str = "/") -> dict[str, Any]:
    graph_params = [
        _param("default-graph-uri", "Graph(s) forming the default graph (repeatable); default: the union of all.",
               {"type": "array", "items": STRING}, explode=True),
        _param("named-graph-uri", "Graph(s) visible to GRAPH (repeatable); default: all.",
               {"type": "array", "items": STRING}, explode=True),
    ]
    fmt = _param("format", "Result format instead of Accept: json, xml, csv, tsv (SELECT/ASK); turtle, nt, "
                           "jsonld, rdfxml (CONSTRUCT/DESCRIBE).",
                 {"enum": ["json", "xml", "csv", "tsv", "turtle", "nt", "jsonld", "rdfxml"]})
    rdf_content = {t: {"schema": {"type": ["object", "array"]} if t.endswith("json") else STRING} for t in GRAPH_TYPES}
    linked = {
        "200": {"description": "HTML for browsers, the JSON twin for `Accept: application/json` or `.json`, the "
                               "RDF description by Accept or suffix (.ttl, .jsonld, .nt, .rdf).",
                "content": {"text/html": {"schema": STRING}, "application/json": {"schema": {"type": "object"}},
                            **rdf_content}},
        "404": {"description": "No such entity or document.",
                "content": {"text/html": {"schema": STRING}, "application/json": {"schema": _ref("Error")}}},
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "한국 정책·산업 지식그래프 API (Korean policy knowledge graph)",
            "version": "1.0",
            "description": "Read-only JSON API, SPARQL 1.1 endpoint and linked-data URLs. Every answer carries "
                           "`Access-Control-Allow-Origin: *`. Errors are JSON under /api/ and plain text at /sparql. "
                           f"Limits: {settings.query_timeout:g} s per SPARQL query, {settings.max_rows:,} rows per result.",
        },
        "servers": [{"url": server}],
        "paths": {
            "/api/search": {"get": {
                "summary": "Full-text search (the JSON twin of /search)",
                "operationId": "search",
                "parameters": [
                    _param("q", "Words (ANDed), \"phrases\", OR, NOT; Korean particles and aliases are normalised.", STRING),
                    _param("type", "Entity type of a mentioned entity (repeatable), e.g. COMPANY.",
                           {"type": "array", "items": STRING}, explode=True),
                    _param("entity", "IRI of a mentioned entity (repeatable).", {"type": "array", "items": STRING},
                           explode=True),
                    _param("from", "Earliest date: YYYY, YYYY-MM or YYYY-MM-DD.", STRING),
                    _param("to", "Latest date: YYYY, YYYY-MM or YYYY-MM-DD.", STRING),
                    _param("kind", "Source kind (보도자료, 기사, …).", STRING),
                    _param("publisher", "Publisher (the 출처 facet: 산업통상자원부, example.org, …).", STRING),
                    _param("sort", "relevance (default) or date.", {"enum": ["relevance", "date"]}),
                    _param("page", "Page number, from 1.", {"type": "integer", "minimum": 1}),
                ],
                "responses": {"200": _json(_ref("SearchResult"), "One page of hits, with facets."),
                              "400": _error("A bad parameter (date, sort, page)."),
                              "503": _error("No data yet.")},
            }},
            "/api/entity": {"get": {
                "summary": "One entity: names, types, relations with their sentences, documents",
                "operationId": "entity",
                "parameters": [_param("iri", IRI_PARAM, STRING, required=True),
                               _param("page", "Page of the documents that mention the entity (1, the newest, "
                                              "by default).", {"type": "integer", "minimum": 1})],
                "responses": {"200": _json(_ref("Entity"), "The entity (same as /id/<type>/<name>.json)."),
                              "400": _error("No iri, or the IRI of a document (use /api/document)."),
                              "404": _error("Not an IRI of this graph, or no such entity."),
                              "503": _error("No data yet, or the store is busy.")},
            }},
            "/api/document": {"get": {
                "summary": "One document: metadata, text, mentions, entities",
                "operationId": "document",
                "parameters": [_param("iri", IRI_PARAM + " A fragment (#s3) is ignored.", STRING, required=True)],
                "responses": {"200": _json(_ref("Document"), "The document (same as /id/doc/<hash>.json)."),
                              "400": _error("No iri, or the IRI of an entity (use /api/entity)."),
                              "404": _error("Not an IRI of this graph, or no such document."),
                              "503": _error("No data yet.")},
            }},
            "/api/stats": {"get": {
                "summary": "Counts: documents, triples, entities by type",
                "operationId": "stats",
                "responses": {"200": _json(_ref("Stats"), "The counts."), "503": _error("No data yet.")},
            }},
            "/api/lookup": {"get": {
                "summary": "Entities whose name contains q (autocomplete), most mentioned first",
                "operationId": "lookup",
                "parameters": [_param("q", "Part of a name, any language.", STRING),
                               _param("limit", "At most this many (1–50, default 10).",
                                      {"type": "integer", "minimum": 1, "maximum": 50})],
                "responses": {"200": _json({"type": "array", "items": _ref("LookupHit")}, "Matching entities."),
                              "503": _error("No data yet.")},
            }},
            "/entities.json": {"get": {
                "summary": "Entities mentioned in the documents, most mentioned first, paged; or those whose name "
                           "contains q",
                "operationId": "entities",
                "parameters": [_param("q", "Part of a name, any language (none: every entity).", STRING),
                               _param("type", "Keep one type.", {"enum": list(BROWSE_TYPES)}),
                               _param("page", "Page number, from 1.", {"type": "integer", "minimum": 1}),
                               _param("size", "Entities a page (also per_page; default 50, at most 500).",
                                      {"type": "integer", "minimum": 1}),
                               _param("all", "1: with q, also the names no document mentions (old ministries).",
                                      {"enum": ["1"]})],
                "responses": {"200": _json(_ref("EntityList"), "One page of entities and the total."),
                              "400": _error("An unknown type or a bad page number."),
                              "503": _error("No data yet.")},
            }},
            "/api/openapi.json": {"get": {
                "summary": "This description",
                "operationId": "openapi",
                "responses": {"200": _json({"type": "object"}, "OpenAPI 3.1")},
            }},
            "/sparql": {
                "get": {
                    "summary": "SPARQL 1.1 Protocol query (read-only)",
                    "operationId": "sparqlGet",
                    "parameters": [_param("query", "The SPARQL query; without it, the service description.", STRING),
                                   *graph_params, fmt],
                    "responses": _sparql_responses(settings),
                },
                "post": {
                    "summary": "SPARQL 1.1 Protocol query by POST (form-encoded or application/sparql-query)",
                    "operationId": "sparqlPost",
                    "parameters": [*graph_params, fmt],
                    "requestBody": {"required": True, "content": {
                        "application/x-www-form-urlencoded": {"schema": {
                            "type": "object", "required": ["query"],
                            "properties": {"query": STRING, "default-graph-uri": {"type": "array", "items": STRING},
                                           "named-graph-uri": {"type": "array", "items": STRING}}}},
                        "application/sparql-query": {"schema": STRING},
                    }},
                    "responses": _sparql_responses(settings),
                },
            },
            "/id/{type}/{name}": {"get": {
                "summary": "An entity IRI, dereferenced (HTML, JSON, RDF)",
                "operationId": "entityResource",
                "parameters": [_param("type", "Entity type segment.", {"enum": sorted(SLUG_TYPES)}, where="path",
                                      required=True),
                               _param("name", "Canonical name, spaces as _ (optionally + .json .ttl .jsonld .nt .rdf).",
                                      STRING, where="path", required=True)],
                "responses": linked,
            }},
            "/id/doc/{id}": {"get": {
                "summary": "A document IRI, dereferenced (HTML, JSON, RDF: the document's named graph)",
                "operationId": "documentResource",
                "parameters": [_param("id", "Content hash (optionally + .json .ttl .jsonld .nt .rdf).", STRING,
                                      where="path", required=True)],
                "responses": linked,
            }},
        },
        "components": {"schemas": SCHEMAS},
    }
