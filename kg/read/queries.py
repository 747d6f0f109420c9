"""Read queries of the web pages that kg/read/graph.py and kg/read/entity.py do not have, kept
here so the facade stays small. Each takes a kg.store.GraphBackend (embedded or remote) and returns
plain Python values.

They read Oxigraph's union default graph (a triple once per graph that states it). An
entity's type, names and relations are stated once, in the entity graph; each document
reports a relation in its own graph (kgr:announces …, see ontology.mapping). Patterns
about a document's statements sit inside GRAPH ?g, relations are counted by document
from those reports before any reified statement is read, and
lists of a hub entity's documents are bounded (the newest SAMPLE of them) or paged.
An OPTIONAL about a graph bound by VALUES stands outside the GRAPH block, as
OPTIONAL { GRAPH ?g { … } }: inside it, Oxigraph 0.5 evaluates the optional part over
every graph before joining (seconds instead of milliseconds at 10,000 documents).
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from rdflib import Literal, URIRef

from core.namespaces import ORG, SKOS_PREF, prefix_lines
from kg.read.entity import (HASH_JOIN_DOCS, NODE_PROPS, doc_dates, doc_titles, document_count, edges, evidence_of, kept,
                            newest_documents, reported_pairs, with_dates)
from kg.store import GraphBackend
from kg.store.sparql_text import _iri
from ontology.mapping import REPORTED
from ontology.namespace import KGO

SAMPLE = 500  # co-mentions of an entity in more documents are counted in its newest SAMPLE

# -- entity profile, network and path queries (web/profile.py, web/network.py) ---------
_PREFIXES = prefix_lines('kgo', 'kgr', 'skos', 'rdf', 'dcterms', 'time')
# the relations between entities that the network and path views follow
SUB_ORGANIZATION_OF = ORG + "subOrganizationOf"  # a company in its business group (ontology.groups)
GRAPH_PROPERTIES = (str(KGO.announces), str(KGO.participatesIn), str(KGO.leads), str(KGO.predecessor),
                    SUB_ORGANIZATION_OF)
_BATCH = 400  # IRIs per VALUES block


def _s(term: object) -> str | None:
    return None if term is None else str(term)


def _values(iris: list[str]) -> list[str]:
    """VALUES bodies of at most _BATCH IRIs each (IRIs checked against injection)."""
    uniq = sorted({_iri(i) for i in iris})
    return [" ".join(f"<{i}>" for i in uniq[k:k + _BATCH]) for k in range(0, len(uniq), _BATCH)]


def succession(store: GraphBackend, iri: str) -> dict[str, list[dict[str, str]]]:
    """Bodies this one continues (kgo:predecessor) and bodies that continue it, and the
    business group a company belongs to (org:subOrganizationOf) and a group's member
    companies (org:hasSubOrganization): the gazetteer's graph says so, one copy of each
    name (ontology.groups)."""
    iri = _iri(iri)
    out: dict[str, list[dict[str, str]]] = {"predecessors": [], "successors": [], "groups": [], "members": []}
    rows = store.select(f"""
        SELECT DISTINCT ?dir ?other ?label WHERE {{
          {{ GRAPH ?g {{ <{iri}> <{KGO.predecessor}> ?other }} BIND("predecessors" AS ?dir) }}
          UNION {{ GRAPH ?g {{ ?other <{KGO.predecessor}> <{iri}> }} BIND("successors" AS ?dir) }}
          UNION {{ GRAPH ?g {{ <{iri}> <{ORG}subOrganizationOf> ?other }} BIND("groups" AS ?dir) }}
          UNION {{ GRAPH ?g {{ <{iri}> <{ORG}hasSubOrganization> ?other }} BIND("members" AS ?dir) }}
          OPTIONAL {{ GRAPH ?g2 {{ ?other <{SKOS_PREF}> ?label . FILTER(lang(?label) = "ko") }} }}
        }} ORDER BY ?label""")
    seen: set[tuple[str, str]] = set()
    for r in rows:
        key = (str(r["dir"]), str(r["other"]))
        if key in seen:
            continue
        seen.add(key)
        out[key[0]].append({"iri": key[1], "label": str(r.get("label") or key[1].rsplit("/", 1)[-1])})
    return out


def node_info(store: GraphBackend, iris: list[str]) -> dict[str, dict[str, str | None]]:
    """Korean label and type code of many entities (IRI → {label, type}), read from the
    store (KnowledgeGraph.nodes asks kg.summary first). DISTINCT before anything is
    joined: the label and the type come once per graph that states them."""
    out: dict[str, dict[str, str | None]] = {}
    for values in _values(iris):
        for r in store.select(_PREFIXES + f"""SELECT DISTINCT ?e ?l WHERE {{ VALUES ?e {{ {values} }}
                ?e skos:prefLabel ?l . FILTER(lang(?l) = "ko") }}"""):
            out.setdefault(str(r["e"]), {"label": None, "type": None})["label"] = str(r["l"])
        for r in store.select(_PREFIXES + f"""SELECT DISTINCT ?e ?t WHERE {{ VALUES ?e {{ {values} }}
                ?e kgo:entityType ?t }}"""):
            out.setdefault(str(r["e"]), {"label": None, "type": None})["type"] = str(r["t"])
    return out


def cooccurring(store: GraphBackend, iri: str, limit: int | None = 30, prefix: str = "",
                sample: int = SAMPLE) -> dict[str, Any]:
    """Entities mentioned in the same documents as `iri` (those whose IRI starts with
    `prefix`, if given; the first `limit`, or all), most shared documents first: {items: [{iri, documents}],
    documents, sampled}. Counted inside each document's graph; an entity in more than
    `sample` documents is counted in its newest `sample` (a hub's co-mentions would read
    every mention of half the corpus), and `sampled` says so."""
    iri = _iri(iri)
    total = document_count(store, iri)
    docs = f"GRAPH ?d {{ ?d kgo:mentions <{iri}> }}"
    if total > sample:
        # the newest by the kept dates (kg.entity.newest_documents): joined with every
        # document's date in the query, each page of a hub read all 100,000 of them
        newest = newest_documents(store, iri, sample, total)
        docs = "VALUES ?d { " + " ".join(f"<{_iri(d)}>" for d in newest) + " }"
    # filtered after counting: once per entity, not once per mention
    keep = f'FILTER(?e != <{iri}>{f" && STRSTARTS(STR(?e), {Literal(prefix).n3()})" if prefix else ""})'
    rows = store.select(_PREFIXES + f"""
        SELECT ?e ?n WHERE {{ {{ SELECT ?e (COUNT(*) AS ?n) WHERE {{ {docs} GRAPH ?d {{ ?d kgo:mentions ?e }} }}
        GROUP BY ?e }} {keep} }} ORDER BY DESC(?n) ?e {f"LIMIT {int(limit)}" if limit else ""}""")
    return {"items": [{"iri": str(r["e"]), "documents": int(r["n"])} for r in rows],
            "documents": total, "sampled": min(total, sample) if total > sample else None}


def _scope(var: str, items: list[str] | None, within: list[tuple[str, str]] | None) -> list[str]:
    """VALUES blocks binding `var` to `items`, or (`var` ?g) to the `within` pairs."""
    if within is None:
        return [f"VALUES {var} {{ {v} }}" for v in _values(items or [])]
    pairs = sorted({(_iri(a), _iri(g)) for a, g in within})
    return [f"VALUES ({var} ?g) {{ " + " ".join(f"(<{a}> <{g}>)" for a, g in pairs[k:k + _BATCH]) + " }"
            for k in range(0, len(pairs), _BATCH)]


def schedules(store: GraphBackend, subjects: list[str] | None = None,
              within: list[tuple[str, str]] | None = None) -> list[dict[str, Any]]:
    """The kgo:scheduledFor dates of `subjects` (or of each subject in the graph paired
    with it in `within`: a bounded read for a hub's related entities), one entry per
    subject and date (the same "연내" in 100 documents is one entry, `documents` 100):
    the original expression, the normalised value (its bounds: value_bounds, as the
    OWL-Time nodes have them), and the newest statement's document and sentence."""
    if subjects is not None and within is None:
        # kept per snapshot (kg.entity.kept): a big initiative's dates are stated in
        # thousands of documents (1.0 s at 100,000); callers add keys to the entries
        return [dict(g) for g in kept(store, ("schedules", tuple(subjects)), lambda: _schedules(store, subjects, None))]
    return _schedules(store, subjects, within)


def _schedules(store: GraphBackend, subjects: list[str] | None,
               within: list[tuple[str, str]] | None) -> list[dict[str, Any]]:
    from ontology.mapping import value_bounds  # noqa: PLC0415

    groups: list[dict[str, Any]] = []
    for scope in _scope("?s", subjects, within):
        rows = store.select(_PREFIXES + f"""
            SELECT ?s ?value (SAMPLE(?expr) AS ?expression) (COUNT(DISTINCT ?g) AS ?n)
                   (MAX(CONCAT(COALESCE(STR(?date), ""), " ", STR(?g), " ", STR(?t))) AS ?newest) WHERE {{
              {scope} GRAPH ?g {{ ?s kgo:scheduledFor ?t }}
              OPTIONAL {{ GRAPH ?g {{ ?t kgo:normalizedValue ?value }} }}
              OPTIONAL {{ GRAPH ?g {{ ?t kgo:expression ?expr }} }}
              OPTIONAL {{ GRAPH ?g {{ ?g dcterms:date ?date }} }}
            }} GROUP BY ?s ?value""")
        for r in rows:
            date, graph, node = str(r["newest"]).split(" ", 2)
            begin, end = value_bounds(_s(r.get("value")))
            groups.append({"subject": str(r["s"]), "node": node, "expression": _s(r.get("expression")),
                           "value": _s(r.get("value")), "begin": begin, "end": end, "documents": int(r["n"]),
                           "document": graph, "document_date": date or None})
    ev = evidence_of(store, [(g["document"], g["subject"], str(KGO.scheduledFor), g["node"]) for g in groups])
    for g in groups:
        title, sentence = (ev.get((g["document"], g["subject"], str(KGO.scheduledFor), g["node"])) or [(None, None)])[0]
        g.update(document_title=title, sentence=sentence)
    return groups


def participants(store: GraphBackend, targets: list[str] | None = None,
                 within: list[tuple[str, str]] | None = None) -> list[dict[str, Any]]:
    """Who takes part in (kgo:participatesIn) each of `targets` (or each target in the
    graph paired with it in `within`), with the number of documents that say so:
    [{target, iri, documents}]."""
    out: list[dict[str, Any]] = []
    for scope in _scope("?i", targets, within):
        rows = store.select(_PREFIXES + f"""SELECT ?i ?p (COUNT(DISTINCT ?g) AS ?n) WHERE {{ {scope}
            GRAPH ?g {{ ?p kgr:participatesIn ?i }} }} GROUP BY ?i ?p""")
        out += [{"target": str(r["i"]), "iri": str(r["p"]), "documents": int(r["n"])} for r in rows]
    return out


def meetings(store: GraphBackend, iri: str, event_prefix: str, limit: int = 10, people: int = 10,
             events: list[str] | None = None) -> list[dict[str, Any]]:
    """Events (meetings) mentioned together with `iri` (the `limit` with the most shared
    documents, unless the caller has them in `events`, and `iri` itself when it is one),
    each with who led it and who took part (the `people` most documented of each, with
    a sentence that says so, and how many there are in all):
    [{event, leads: [...], participatesIn: [...], totals}]."""
    iri = _iri(iri)
    if events is None:
        events = [c["iri"] for c in cooccurring(store, iri, limit=limit, prefix=event_prefix)["items"]]
    events = list(events)
    if iri.startswith(event_prefix):
        events.insert(0, iri)
    roles = (str(KGO.leads), str(KGO.participatesIn))
    out = {ev: {"event": ev, "leads": [], "participatesIn": [], "totals": {"leads": 0, "participatesIn": 0}}
           for ev in events}
    if not events:
        return []
    values = " ".join(f"<{_iri(e)}>" for e in events)

    def count() -> list[tuple[str, str, str, int, str]]:
        # a graph states (who, role, event) once, so COUNT(*) counts documents; the evidence
        # is any one of them (picking the newest by date doubles the time for a hub meeting)
        rows = store.select(_PREFIXES + f"""
            SELECT ?ev ?role ?who (COUNT(*) AS ?n) (SAMPLE(?g) AS ?one) WHERE {{
              VALUES ?ev {{ {values} }} VALUES (?role ?r) {{ {reported_pairs(roles)} }} GRAPH ?g {{ ?who ?r ?ev }}
            }} GROUP BY ?ev ?role ?who""")
        return sorted(((str(r["ev"]), str(r["role"]), str(r["who"]), int(r["n"]), str(r["one"])) for r in rows),
                      key=lambda r: (-r[3], r[2]))

    # kept per snapshot: the meetings around a big initiative are hubs themselves, and
    # counting who took part in each read thousands of statements (0.46 s at 100,000)
    shown: list[tuple[str, str, str, str, int]] = []
    for ev_iri, role, who, n, one in kept(store, ("meetings", tuple(events)), count):
        event, key = out[ev_iri], role.rsplit("#", 1)[-1]
        event["totals"][key] += 1
        if event["totals"][key] <= people:
            shown.append((one, who, role, ev_iri, n))
    ev = evidence_of(store, [x[:4] for x in shown])
    for g, who, role, event, n in shown:
        title, sentence = (ev.get((g, who, role, event)) or [(None, None)])[0]
        out[event][role.rsplit("#", 1)[-1]].append({"who": who, "documents": n, "document": g,
                                                     "document_title": title, "sentence": sentence})
    return list(out.values())


def statements_about(store: GraphBackend, iri: str, evidence: int = 2) -> list[dict[str, Any]]:
    """Relation edges (GRAPH_PROPERTIES) with `iri` at either end, one row per edge with
    the number of documents stating it and the document and sentence of the newest
    `evidence` of them; kgo:predecessor and org:subOrganizationOf come from the gazetteer
    and have no sentence."""
    return top_statements_about(store, iri, None, evidence)[0]


def top_statements_about(store: GraphBackend, iri: str, per_relation: int | None,
                         evidence: int = 2) -> tuple[list[dict[str, Any]], Counter]:
    """statements_about, keeping of each relation and direction only the `per_relation`
    edges stated in the most documents (None: all), with the number of edges each
    relation and direction has in all: (rows, Counter of (property, "out"/"in")). The
    evidence is read for the edges kept only: 산업통상자원부 has some 7,000 edges at
    100,000 documents, and their evidence took 2.7 s."""
    iri = _iri(iri)
    hub = document_count(store, iri) > HASH_JOIN_DOCS
    # read as the entity page reads them (all relations between entities), so that a hub's
    # edges kept for its page serve its network too (kg.entity.kept)
    wanted = set(GRAPH_PROPERTIES) - {str(KGO.predecessor), SUB_ORGANIZATION_OF}
    found = [e for e in edges(store, iri, NODE_PROPS, hub) if e["property"] in wanted]
    totals = Counter((e["property"], e["direction"]) for e in found)
    if per_relation is not None:
        taken: Counter = Counter()
        top = []
        for e in sorted(found, key=lambda e: (-e["documents"], e["other"])):
            taken[(e["property"], e["direction"])] += 1
            if taken[(e["property"], e["direction"])] <= per_relation:
                top.append(e)
        found = top
    ev = evidence_of(store, [(g, *_ends(iri, e, e["property"])) for e in found for _d, g, _n in e["found"][:evidence]])
    out = []
    for e in found:
        s, o = _ends(iri, e)
        out.append({"s": s, "p": e["property"], "o": o, "documents": e["documents"],
                    "evidence": [{"document": g, "document_title": t, "document_date": d or None, "sentence": sent}
                                 for d, g, _n in e["found"][:evidence] for t, sent in ev.get((g, s, e["property"], o), [])]})
    sides = {"predecessors": (str(KGO.predecessor), "out"), "successors": (str(KGO.predecessor), "in"),
             "groups": (SUB_ORGANIZATION_OF, "out"), "members": (SUB_ORGANIZATION_OF, "in")}
    for side, others in succession(store, iri).items():
        prop, direction = sides[side]
        for other in others:
            s, o = (iri, other["iri"]) if direction == "out" else (other["iri"], iri)
            out.append({"s": s, "p": prop, "o": o, "documents": 0, "evidence": []})
            totals[(prop, direction)] += 1
    return out, totals


def _ends(iri: str, edge: dict[str, Any], prop: str | None = None) -> tuple[str, ...]:
    """(subject, object) of an edge of kg.entity.edges, or (subject, prop, object)."""
    s, o = (iri, edge["other"]) if edge["direction"] == "out" else (edge["other"], iri)
    return (s, o) if prop is None else (s, prop, o)


def statement_evidence(store: GraphBackend, triples: list[tuple[str, str, str]],
                       limit: int = 3) -> dict[tuple[str, str, str], list[dict[str, str | None]]]:
    """Document and sentence of the newest `limit` statements of each edge (s, p, o).
    The edges of paths are often between hub entities (stated in hundreds of documents):
    the dates come from kg.entity.doc_dates (one scan, kept), not a lookup per statement."""
    out: dict[tuple[str, str, str], list[dict[str, str | None]]] = {t: [] for t in triples}
    uniq = sorted(set(triples))
    for k in range(0, len(uniq), _BATCH):
        values = " ".join(f"(<{_iri(s)}> <{_iri(p)}> <{REPORTED.get(URIRef(p), p)}> <{_iri(o)}>)"
                          for s, p, o in uniq[k:k + _BATCH])
        rows = store.select(_PREFIXES + f"""
            SELECT ?s ?p ?o (GROUP_CONCAT(CONCAT(COALESCE(STR(?date), ""), " ", STR(?g)); separator="\\n") AS ?gs)
            WHERE {{ {with_dates(f"VALUES (?s ?p ?r ?o) {{ {values} }} GRAPH ?g {{ ?s ?r ?o . ?g a kgo:Document }}", True)} }}
            GROUP BY ?s ?p ?o""")
        picked: list[tuple[str, str, str, str, str | None]] = []
        dates = doc_dates(store)
        for r in rows:
            found = sorted(((dates.get(g, ""), g) for _d, g in (x.split(" ", 1) for x in str(r["gs"]).split("\n") if " " in x)),
                           reverse=True)
            picked += [(g, str(r["s"]), str(r["p"]), str(r["o"]), d or None) for d, g in found[:limit]]
        ev = evidence_of(store, [x[:4] for x in picked])
        for g, s, p, o, d in picked:
            for title, sentence in ev.get((g, s, p, o), []):
                out[(s, p, o)].append({"document": g, "document_title": title, "document_date": d,
                                       "sentence": sentence})
    return out


def shared_documents(store: GraphBackend, a: str, b: str, limit: int = 50) -> dict[str, Any]:
    """Documents that mention both `a` and `b`, newest first (the first `limit`), each
    with the sentences that mention both (possibly none): {documents, total}."""
    a, b = _iri(a), _iri(b)
    both = f"GRAPH ?doc {{ ?doc kgo:mentions <{a}> , <{b}> }}"
    if min(document_count(store, a), document_count(store, b)) > HASH_JOIN_DOCS:
        # two hubs (산업통상자원부 and 삼성전자 share 21,402 of 100,000 documents): counted
        # (and the count kept per snapshot), then the newest found with the kept dates
        # (kg.entity.newest_documents), not listed and sorted joined with every date
        # (listing them all took 1.5 s of a 2.1 s page, counting takes 0.65 s)
        def count() -> int:
            n = store.select(_PREFIXES + f"SELECT (COUNT(*) AS ?n) WHERE {{ {both} }}")
            return int(n[0]["n"]) if n else 0
        total = kept(store, ("shared", a, b), count)
        dates = doc_dates(store)
        page = [{"doc": d, "date": dates.get(d)} for d in newest_documents(store, a, limit, total, also=b)]
    else:
        n = store.select(_PREFIXES + f"SELECT (COUNT(*) AS ?n) WHERE {{ {both} }}")
        total = int(n[0]["n"]) if n else 0
        page = store.select(_PREFIXES + f"""SELECT ?doc ?date WHERE {{ {{ SELECT ?doc WHERE {{ {both} }} }}
            OPTIONAL {{ ?doc dcterms:date ?date }} }} ORDER BY DESC(?date) ?doc LIMIT {int(limit)}""")
    if not total:
        return {"documents": [], "total": 0}
    values = " ".join(f"<{r['doc']}>" for r in page)
    rows = store.select(_PREFIXES + f"""
        SELECT ?doc ?sentence ?start WHERE {{ VALUES ?doc {{ {values} }} GRAPH ?doc {{
          ?ma kgo:mentionOf <{a}> ; kgo:inSentence ?s . ?mb kgo:mentionOf <{b}> ; kgo:inSentence ?s .
          ?s kgo:text ?sentence ; kgo:start ?start }} }} ORDER BY ?doc ?start""")
    titles = doc_titles(store, [str(r["doc"]) for r in page])
    docs: dict[str, dict[str, Any]] = {str(r["doc"]): {"iri": str(r["doc"]), "title": titles.get(str(r["doc"])),
                                                      "date": _s(r.get("date")), "sentences": []} for r in page}
    for r in rows:
        d = docs[str(r["doc"])]
        s = str(r["sentence"])
        if s not in d["sentences"]:
            d["sentences"].append(s)
    return {"documents": list(docs.values()), "total": total}


def documents_info(store: GraphBackend, iris: list[str]) -> dict[str, dict[str, str | None]]:
    """Title and date of many documents (IRI → {title, date}), each from its own graph."""
    out: dict[str, dict[str, str | None]] = {}
    for values in _values(iris):
        rows = store.select(_PREFIXES + f"""
            SELECT ?d ?title ?date WHERE {{ VALUES ?d {{ {values} }}
              GRAPH ?d {{ ?d dcterms:title ?title }} OPTIONAL {{ GRAPH ?d {{ ?d dcterms:date ?date }} }} }}""")
        out.update({str(r["d"]): {"title": _s(r.get("title")), "date": _s(r.get("date"))} for r in rows})
    return out


def mentioned_in(store: GraphBackend, documents: list[str], prefixes: tuple[str, ...]) -> list[tuple[str, str]]:
    """(document, entity) for the entities whose IRI starts with one of `prefixes`
    (their type: ontology.iris) that `documents` mention."""
    out: list[tuple[str, str]] = []
    keep = " || ".join(f"STRSTARTS(STR(?e), {Literal(p).n3()})" for p in prefixes) or "false"
    for values in _values(documents):
        rows = store.select(f"""SELECT ?d ?e WHERE {{ VALUES ?d {{ {values} }}
            GRAPH ?d {{ ?d <{KGO.mentions}> ?e }} FILTER({keep}) }}""")
        out += [(str(r["d"]), str(r["e"])) for r in rows]
    return out



def document_relations(store: GraphBackend, doc: str) -> list[dict[str, Any]]:
    """The relations one document reports, in the order of its text: subject, property,
    object (for a date its expression and value), and the sentence stated in (offsets
    and text), so a reader can check each against the text it came from."""
    doc = _iri(doc)
    rows = store.select(_PREFIXES + f"""
        SELECT ?r ?s ?p ?o ?expr ?value ?start ?end ?text WHERE {{ GRAPH <{doc}> {{
          ?r rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
          OPTIONAL {{ ?r kgo:inSentence ?sent . ?sent kgo:start ?start ; kgo:end ?end ; kgo:text ?text }}
          OPTIONAL {{ ?o kgo:expression ?expr }} OPTIONAL {{ ?o kgo:normalizedValue ?value }} }} }}""")
    out = []
    for r in rows:
        sentence = ({"start": int(r["start"]), "end": int(r["end"]), "text": str(r["text"])}
                    if "start" in r else None)
        out.append({"statement": str(r["r"]), "subject": str(r["s"]), "property": str(r["p"]), "object": str(r["o"]),
                    "expression": _s(r.get("expr")), "value": _s(r.get("value")), "sentence": sentence})
    out.sort(key=lambda x: (x["sentence"]["start"] if x["sentence"] else 1 << 30,
                            int(x["statement"].rsplit("#r", 1)[-1]) if "#r" in x["statement"] else 0))
    return out
