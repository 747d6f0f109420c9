"""The JSON API (/api/search, /api/entity, /api/document, /api/stats, /api/lookup):
the same answers as the pages' JSON twins, and every operation of /api/openapi.json
answers as documented (status, media type, JSON schema)."""
from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import pytest

MOTIE = "id/gov/산업통상자원부"


# -- the API and the JSON twins agree ------------------------------------------------------
def test_entity_api_is_the_pages_json_twin(client, corpus) -> None:
    iri = corpus.base + MOTIE
    api = client.get("/api/entity", query_string={"iri": iri})
    assert api.status_code == 200 and api.mimetype == "application/json"
    assert api.get_json() == client.get("/" + MOTIE + ".json").get_json()
    encoded = corpus.base + "id/gov/" + quote("산업통상자원부")                      # a percent-encoded IRI too
    assert client.get("/api/entity", query_string={"iri": encoded}).get_json()["iri"] == iri
    spaced = client.get("/api/entity", query_string={"iri": corpus.base + "id/initiative/AI_자율제조_전략"})
    assert spaced.get_json()["label"] == "AI 자율제조 전략"


def test_document_api_is_the_pages_json_twin(client, corpus) -> None:
    iri = corpus.iri(corpus.script)
    api = client.get("/api/document", query_string={"iri": iri})
    assert api.status_code == 200
    assert api.get_json() == client.get(corpus.path(corpus.script) + ".json").get_json()
    assert client.get("/api/document", query_string={"iri": iri + "#s1"}).get_json()["iri"] == iri


def test_search_api_is_the_search_json_twin(client) -> None:
    for params in ({"q": "발표"}, {"q": "산업부", "sort": "date"}, {"type": "COMPANY", "page": "2"}):
        api = client.get("/api/search", query_string=params).get_json()
        twin = client.get("/search.json", query_string=params).get_json()
        for data in (api, twin):  # page links point at the URL asked
            data.pop("next", None), data.pop("prev", None)
        assert api == twin and "hits" in api
    nxt = client.get("/api/search", query_string={"q": "발표"}).get_json()["next"]
    assert nxt.startswith("/api/search?") and client.get(nxt).get_json()["page"] == 2


def test_stats_api(client) -> None:
    assert client.get("/api/stats").get_json() == client.get("/stats.json").get_json()


@pytest.mark.parametrize("path, params, status", [
    ("/api/entity", {}, 400),
    ("/api/entity", {"iri": ""}, 400),
    ("/api/entity", {"iri": "http://example.org/id/gov/x"}, 404),
    ("/api/entity", {"iri": "http://kg.test/id/gov/없는기관"}, 404),
    ("/api/entity", {"iri": "http://kg.test/id/planet/화성"}, 404),
    ("/api/entity", {"iri": "http://kg.test/id/doc/0000000000000000"}, 400),
    ("/api/document", {"iri": "http://kg.test/id/gov/산업통상자원부"}, 400),
    ("/api/document", {"iri": "http://kg.test/id/doc/0000000000000000"}, 404),
    ("/api/document", {"iri": "http://kg.test/id/doc/../../etc/passwd"}, 404),
    ("/api/search", {"from": "yesterday"}, 400),
    ("/api/search", {"page": "0"}, 400),
])
def test_api_errors_are_json(client, path: str, params: dict, status: int) -> None:
    r = client.get(path, query_string=params)
    assert r.status_code == status and r.mimetype == "application/json"
    data = r.get_json()
    assert data["ok"] is False and data["status"] == status and data["message"]


# -- the OpenAPI description ---------------------------------------------------------------
@pytest.fixture(scope="module")
def api(app) -> dict[str, Any]:
    r = app.test_client().get("/api/openapi.json")
    assert r.status_code == 200 and r.mimetype == "application/json"
    doc = r.get_json()
    assert doc["openapi"].startswith("3.") and doc["paths"]
    return doc


def resolve(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = doc["components"]["schemas"][name]
    return schema


TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "object": dict, "array": list,
         "null": type(None)}


def validate(doc: dict[str, Any], schema: dict[str, Any], value: Any, where: str = "$") -> None:
    """Enough of JSON Schema for our description: $ref, type, const, enum, required,
    properties, additionalProperties, items, minimum/maximum."""
    schema = resolve(doc, schema)
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        ok = any(isinstance(value, TYPES[t]) and not (t in ("integer", "number") and isinstance(value, bool))
                 for t in types)
        assert ok, f"{where}: {value!r:.80} is not {types}"
    if "const" in schema:
        assert value == schema["const"], where
    if "enum" in schema:
        assert value in schema["enum"], where
    if isinstance(value, dict):
        for name in schema.get("required", []):
            assert name in value, f"{where}: {name} missing"
        for name, sub in schema.get("properties", {}).items():
            if name in value:
                validate(doc, sub, value[name], f"{where}.{name}")
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            for name, v in value.items():
                if name not in schema.get("properties", {}):
                    validate(doc, extra, v, f"{where}.{name}")
    if isinstance(value, list) and "items" in schema:
        for i, v in enumerate(value):
            validate(doc, schema["items"], v, f"{where}[{i}]")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        assert value >= schema.get("minimum", value) and value <= schema.get("maximum", value), where


@pytest.fixture(scope="module")
def examples(corpus) -> dict[str, Any]:
    """A real value for every parameter the description names."""
    return {
        "q": "산업부", "type": "COMPANY", "entity": corpus.base + MOTIE, "from": str(corpus.year - 1),
        "to": f"{corpus.year}-12", "kind": "보도자료", "publisher": "산업통상자원부", "sort": "date", "page": 1, "limit": 5,
        "query": "SELECT * WHERE { ?s ?p ?o } LIMIT 3", "default-graph-uri": corpus.iri(corpus.ai),
        "named-graph-uri": corpus.iri(corpus.ai), "format": "json", "size": 10, "all": "1",
        ("entity", "iri"): corpus.base + MOTIE, ("document", "iri"): corpus.iri(corpus.ai),
        ("entityResource", "type"): "gov", ("entityResource", "name"): "산업통상자원부",
        ("documentResource", "id"): corpus.path(corpus.ai).rsplit("/", 1)[-1],
    }


def operations(doc: dict[str, Any]):
    for path, item in doc["paths"].items():
        for method, op in item.items():
            yield path, method, op


def call(client, path: str, method: str, op: dict[str, Any], examples: dict[str, Any], *, accept: str = "*/*",
         omit_optional: bool = False, query: str | None = None):
    args: list[tuple[str, str]] = []
    for p in op.get("parameters", []):
        if omit_optional and not p["required"]:
            continue
        value = examples.get((op["operationId"], p["name"]), examples.get(p["name"]))
        assert value is not None, f"no example for {op['operationId']} {p['name']}"
        if p["in"] == "path":
            path = path.replace("{" + p["name"] + "}", str(value))
        elif not (p["name"] == "format" and accept != "*/*"):
            args.append((p["name"], str(value)))
    if method == "post":
        return client.post(path, query_string=args, data={"query": query or examples["query"]},
                           headers={"Accept": accept})
    if query is not None:
        args = [(k, v) for k, v in args if k != "query"] + [("query", query)]
    return client.open(path, method=method.upper(), query_string=args, headers={"Accept": accept})


def check(doc: dict[str, Any], op: dict[str, Any], r, where: str) -> None:
    documented = op["responses"].get(str(r.status_code))
    assert documented is not None, f"{where}: status {r.status_code} is not documented: {r.get_data(as_text=True)[:300]}"
    content = documented.get("content", {})
    assert r.mimetype in content, f"{where}: {r.mimetype} not documented for {r.status_code}"
    if r.mimetype.endswith("json") and r.mimetype != "application/ld+json":
        validate(doc, content[r.mimetype]["schema"], json.loads(r.get_data(as_text=True)), where)


def test_every_operation_answers_as_documented(client, api, examples) -> None:
    seen = 0
    for path, method, op in operations(api):
        for omit in (False, True):
            r = call(client, path, method, op, examples, omit_optional=omit)
            assert r.status_code == 200, f"{method} {path}: {r.status_code} {r.get_data(as_text=True)[:300]}"
            check(api, op, r, f"{method} {path}")
            seen += 1
    assert seen >= 2 * 10


def test_every_documented_media_type_is_served(client, api, examples) -> None:
    for path, method, op in operations(api):
        for mime in op["responses"]["200"]["content"]:
            graph = mime in ("text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml")
            query = ("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 3" if graph else None) if path == "/sparql" else None
            r = call(client, path, method, op, examples, accept=mime, query=query)
            assert r.status_code == 200 and r.mimetype == mime, f"{method} {path} as {mime}: {r.status_code}"
            check(api, op, r, f"{method} {path} as {mime}")


def test_documented_errors_happen(client, api, examples) -> None:
    """Each operation with a required query parameter answers 400 without it, as documented."""
    for path, method, op in operations(api):
        if any(p["required"] and p["in"] == "query" for p in op.get("parameters", [])):
            r = client.get(path)
            assert r.status_code == 400
            check(api, op, r, f"{method} {path} without parameters")
    sparql = api["paths"]["/sparql"]["get"]
    for query, accept, status in [("SELECT ?x WHERE {", "*/*", 400), ("DROP ALL", "*/*", 403),
                                  ("SELECT * {}", "image/png", 406), ("#" * 200_000, "*/*", 413)]:
        r = client.post("/sparql", data={"query": query}, headers={"Accept": accept})
        assert r.status_code == status
        check(api, sparql, r, f"POST /sparql {status}")


def test_the_description_names_every_api_route(app, api) -> None:
    routes = {str(rule) for rule in app.url_map.iter_rules() if str(rule).startswith("/api/")}
    assert routes <= set(api["paths"]), routes - set(api["paths"])
