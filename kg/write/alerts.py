"""Evaluating saved views (kg/write/saved.py) against what changed (kg/write/changes.py).

`evaluate(kg)` runs at each publish of an ingest (kg/write/pipeline.py), after `kg watch` polls
and upload jobs, and reads only the documents changed after each view's cursor:

- pattern views share one read of the changed documents' statements (subject, property,
  object, sentence) and are looked up in a dict by (property, side, entity): 1,000 alerts
  cost what 1 does (bench/alerts.py measures it);
- a SPARQL view runs once per evaluation that has changed documents, over the whole
  graph (a query may join anything); a row it has not returned before is a hit;
- a search view runs its search and keeps the changed documents among the matches;
- a deadline view compares its initiative's scheduled dates with today (no change needed).

A relation known before the view was made is not news: `seed` records what the graph
already says when a view is created.
"""
from __future__ import annotations

import hashlib
import json
import time
from datetime import date, timedelta
from typing import Any, Callable, Iterable

from core.namespaces import prefix_lines
from kg.read.calendar import deadlines
from kg.write.changes import REMOVED, ChangeLog
from kg.write.saved import PATTERNS, Hit, SavedViews, View
from ontology.namespace import KGO

SEARCH_CAP = 2000      # matches of a saved search compared with the changed documents
HORIZON_DAYS = 30      # a deadline this close is 'upcoming'
PROPERTY_LABELS = {"participatesIn": "참여", "leads": "주재·대표", "announces": "발표", "scheduledFor": "일정",
                   "mentions": "언급"}
_PREFIXES = prefix_lines('kgo', 'rdf', 'skos')


def _prop(name: str) -> str:
    return str(getattr(KGO, name))


def _values(iris: Iterable[str], size: int = 200) -> Iterable[str]:
    from kg.read.queries import _iri  # noqa: PLC0415 (the IRI check against injection)

    uniq = sorted({_iri(i) for i in iris})
    for k in range(0, len(uniq), size):
        yield " ".join(f"<{i}>" for i in uniq[k:k + size])


def statements(store: Any, docs: list[str]) -> list[dict[str, Any]]:
    """The relations and mentions the documents state, each with its sentence. One query
    a document for the relations: GRAPH <doc> reads that graph's few statements, where
    GRAPH ?g with VALUES ?g made Oxigraph walk every graph's (5 s at 10,000 documents
    for 20 of them, against 0.08 s)."""
    from kg.read.queries import _iri  # noqa: PLC0415 (the IRI check against injection)

    props = " ".join(f"<{_prop(p)}>" for p in ("participatesIn", "leads", "announces"))
    out: list[dict[str, Any]] = []
    for doc in sorted(set(docs)):
        for r in store.select(_PREFIXES + f"""SELECT ?s ?p ?o ?text WHERE {{ GRAPH <{_iri(doc)}> {{
                ?r rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . VALUES ?p {{ {props} }}
                OPTIONAL {{ ?r kgo:inSentence ?sent . ?sent kgo:text ?text }} }} }}"""):
            out.append({"doc": doc, "s": str(r["s"]), "p": str(r["p"]), "o": str(r["o"]),
                        "sentence": str(r["text"]) if "text" in r else None})
    for values in _values(docs):
        for r in store.select(_PREFIXES + f"""SELECT ?g ?e WHERE {{ VALUES ?g {{ {values} }}
                GRAPH ?g {{ ?g kgo:mentions ?e }} }}"""):
            out.append({"doc": str(r["g"]), "s": str(r["g"]), "p": _prop("mentions"), "o": str(r["e"]), "sentence": None})
    return out


def seed(kg: Any, views: SavedViews, view: View) -> int:
    """Record what the graph already says for a new view, so only later news are hits."""
    keys: list[str] = []
    if view.kind == "pattern" and view.spec["pattern"] in ("joins", "leads", "announces"):
        _label, prop, side, _types = PATTERNS[view.spec["pattern"]]
        e = view.spec["entity"]
        where = f"?r rdf:subject <{e}> ; rdf:object ?x" if side == "subject" else f"?r rdf:subject ?x ; rdf:object <{e}>"
        for r in kg.store.select(_PREFIXES + f"SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ {where} ; "
                                             f"rdf:predicate <{_prop(prop)}> }} }}"):
            s, o = (e, str(r["x"])) if side == "subject" else (str(r["x"]), e)
            keys.append(f"{s}|{_prop(prop)}|{o}")
    elif view.kind == "sparql":
        result = kg.sparql(view.spec["query"])
        keys += [_row_key(row) for row in result.rows]
    views.remember(view, keys)
    return len(keys)


def create_view(kg: Any, name: str, kind: str, spec: dict[str, Any], email: str | None = None) -> View:
    """Make a saved view that starts now: its cursor at the end of the change journal and
    what the graph already says remembered (shared by the CLI and the web page)."""
    with SavedViews(kg.settings.data_dir) as sv, ChangeLog(kg.settings.data_dir) as log:
        view = sv.add(name, kind, spec, cursor=log.last(), email=email)
        try:
            seed(kg, sv, view)
        except Exception:
            sv.remove(view.id)
            raise
        return view


def _row_key(row: dict[str, Any]) -> str:
    cells = sorted((k, str(v)) for k, v in row.items() if v is not None)
    return hashlib.sha256(json.dumps(cells, ensure_ascii=False).encode()).hexdigest()[:32]


def evaluate(kg: Any, *, today: date | None = None, notify: Callable[[View, list[Hit]], None] | None = None,
             ) -> dict[int, list[Hit]]:
    """Evaluate every saved view against the changes after its cursor; store and return
    the new hits by view id (and hand each view's to `notify`, e.g. e-mail)."""
    data_dir = kg.settings.data_dir
    if not SavedViews.exists(data_dir):
        return {}
    with SavedViews(data_dir) as sv, ChangeLog(data_dir) as log:
        all_views = sv.views()
        if not all_views:
            return {}
        changes = log.since(min(v.cursor for v in all_views))
        top = changes[-1].seq if changes else max(v.cursor for v in all_views)
        removed = {c.doc for c in changes if c.kind == REMOVED}
        latest: dict[str, int] = {c.doc: c.seq for c in changes if c.kind != REMOVED and c.doc not in removed}
        hits = _pattern_hits(kg, sv, all_views, latest) + _search_hits(kg, all_views, latest) + \
            _sparql_hits(kg, sv, all_views, latest) + _deadline_hits(kg, all_views, today or date.today())
        new = sv.add_hits(hits)
        sv.advance(all_views, top)
    by_view: dict[int, list[Hit]] = {}
    for h in new:
        by_view.setdefault(h.view, []).append(h)
    if notify:
        for v in all_views:
            if by_view.get(v.id):
                notify(v, by_view[v.id])
    return by_view


def _after(latest: dict[str, int], cursor: int) -> list[str]:
    return [d for d, seq in latest.items() if seq > cursor]


def _pattern_hits(kg: Any, sv: SavedViews, views: list[View], latest: dict[str, int]) -> list[Hit]:
    wanted = [v for v in views if v.kind == "pattern" and v.spec["pattern"] != "deadline"]
    docs = _after(latest, min((v.cursor for v in wanted), default=0))
    if not wanted or not docs:
        return []
    index: dict[tuple[str, str, str], list[View]] = {}
    for v in wanted:
        _label, prop, side, _types = PATTERNS[v.spec["pattern"]]
        index.setdefault((_prop(prop), side, v.spec["entity"]), []).append(v)
    found = statements(kg.store, docs)
    matched = [(v, st) for st in found
               for v in index.get((st["p"], "object", st["o"]), []) + index.get((st["p"], "subject", st["s"]), [])
               if latest[st["doc"]] > v.cursor]
    if not matched:
        return []
    known = {v.id: sv.known(v) for v in {id(v): v for v, _st in matched}.values()}
    labels, info = _labels(kg, matched), _doc_info(kg, [st["doc"] for _v, st in matched])
    out = []
    for v, st in matched:
        mention = st["p"] == _prop("mentions")
        key = st["doc"] if mention else f"{st['s']}|{st['p']}|{st['o']}"
        if key in known[v.id]:
            continue
        name = st["p"].rsplit("#", 1)[-1]
        d = info.get(st["doc"], {})
        summary = (f"{labels.get(st['o'], st['o'])} 언급: {d.get('title') or st['doc']}" if mention else
                   f"{labels.get(st['s'], st['s'])} → {PROPERTY_LABELS.get(name, name)} → {labels.get(st['o'], st['o'])}")
        out.append(Hit(v.id, key, time.time(), summary, st["doc"], d.get("title"), d.get("date"), st["sentence"],
                       {"subject": st["s"], "property": st["p"], "object": st["o"]}))
    return out


def _search_hits(kg: Any, views: list[View], latest: dict[str, int]) -> list[Hit]:
    out = []
    for v in views:
        docs = set(_after(latest, v.cursor)) if v.kind == "search" else set()
        if not docs:
            continue
        spec = v.spec
        result = kg.search(spec["q"], page_size=SEARCH_CAP, facets=False, types=spec.get("types", ()),
                           entities=spec.get("entities", ()), date_from=spec.get("from"), date_to=spec.get("to"),
                           source=spec.get("source"), source_kind=spec.get("source_kind"))
        for h in result.hits:
            if h.doc_iri in docs:
                out.append(Hit(v.id, h.doc_iri, time.time(), h.title, h.doc_iri, h.title, h.date, None,
                               {"snippet": h.snippet, "url": h.url}))
    return out


def _sparql_hits(kg: Any, sv: SavedViews, views: list[View], latest: dict[str, int]) -> list[Hit]:
    """A SPARQL view runs over the whole graph when documents changed after its cursor (its
    query may join anything: the entity graph holds the relations, the documents their
    evidence); a row it never returned before, nor when it was made, is a hit. A row that
    names one of the changed documents is linked to it."""
    out = []
    for v in views:
        docs = set(_after(latest, v.cursor)) if v.kind == "sparql" else set()
        if not docs:
            continue
        result = kg.sparql(v.spec["query"])
        known = sv.known(v)
        fresh = [(row, _row_key(row)) for row in result.rows]
        fresh = [(row, key) for row, key in fresh if key not in known]
        names = _names(kg, {str(c) for row, _k in fresh for c in row.values() if str(c).startswith("http")})
        for row, key in fresh:
            cells = {k: row.get(k) for k in result.vars}
            text = " · ".join(names.get(str(c), str(c)) for c in cells.values() if c is not None)
            doc = next((str(c) for c in cells.values() if str(c) in docs), None)
            out.append(Hit(v.id, key, time.time(), text[:300], doc, None, None, None,
                           {k: None if c is None else str(c) for k, c in cells.items()}))
    return out


def _deadline_hits(kg: Any, views: list[View], today: date) -> list[Hit]:
    out = []
    for v in views:
        if v.kind != "pattern" or v.spec["pattern"] != "deadline":
            continue
        for item in deadlines(kg.store, entity=v.spec["entity"], today=today):
            end = item["end"]
            if item["status"] == "overdue":
                note = f"기한이 지났습니다 ({end})"
            elif item["status"] == "upcoming" and end and date.fromisoformat(end) <= today + timedelta(HORIZON_DAYS):
                note = f"기한이 다가옵니다 (D-{(date.fromisoformat(end) - today).days}, {end})"
            else:
                continue
            out.append(Hit(v.id, f"{item['node']}|{item['status']}", time.time(),
                           f"{item['label']}: {item['expression']} — {note}", item["doc"], item["title"],
                           item["date"], item["sentence"], {"end": end, "status": item["status"]}))
    return out


def _names(kg: Any, iris: set[str]) -> dict[str, str]:
    from kg.read.queries import node_info  # noqa: PLC0415

    return {i: n["label"] for i, n in node_info(kg.store, sorted(iris)).items() if n.get("label")} if iris else {}


def _labels(kg: Any, matched: list[tuple[View, dict[str, Any]]]) -> dict[str, str]:
    return _names(kg, {x for _v, st in matched for x in (st["s"], st["o"]) if "/id/doc/" not in x})


def _doc_info(kg: Any, docs: list[str]) -> dict[str, dict[str, str | None]]:
    from kg.read.queries import documents_info  # noqa: PLC0415

    return documents_info(kg.store, sorted(set(docs)))
