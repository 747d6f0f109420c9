"""What the pages need to know about the whole graph without reading all of it: the
number of documents and triples, and for each entity its names and the number of
documents that mention it. The home and /stats pages, entity lookup (autocomplete,
/entities, the path view's names), the labels of linked entities and the totals on
entity pages read it.

Why: counting an entity's documents reads all its mentions, and counting triples reads
the whole store (2 s at 10,000 documents). So the writer computes a summary when it
publishes a snapshot and stores it in the snapshot (FILE); readers load it once per
snapshot.

Incremental: the writer's GraphStore records the graphs it wrote or removed since the
last publish, and the next summary is the previous one minus what those graphs held in
the previous snapshot plus what they hold now (a few small queries per publish); the
names of the entities those graphs mention, before or after, are read again from the
store (they live in the shared entity graph, ontology.mapping, which the store does not
record as changed). It is counted in full when there is no previous summary, after
writes the store did not record (`kg import`), or when the marker file PENDING shows
that a writer stopped between a write and a publish (a crash). Data written before the
entity graph existed (labels restated in every document's graph) is counted the same
way: a name counts once per graph that states it.

An entity's type is read from its IRI (ontology.iris: /id/<type>/<name>): it is part
of the IRI by construction, and reading kgo:entityType instead costs a lookup per
mention.
"""
# Over 400 lines, kept whole: the summary's build, incremental update and load share one format and must change together.
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from core.namespaces import SKOS
from core.types import SLUG_TYPES
from kg.store.embedded import _iri
from ontology.namespace import KGO

FILE = "kg-summary.json"        # in a snapshot directory
PENDING = "summary.pending"     # in the data directory: a write not yet published
VERSION = 1
_BATCH = 400                    # graph IRIs per VALUES block
LABEL_KINDS = {f"{SKOS}prefLabel": "pref", f"{SKOS}altLabel": "alt", str(KGO.postTitle): "title"}

Row = dict[str, tuple[str, str | None]]       # variable → (lexical value, language tag)
Select = Callable[[str], list[Row]]
# a label is (kind, lang, value): kind pref/alt/title, lang "" when none


@dataclass
class Summary:
    documents: int = 0
    triples: int = 0
    docs: Counter = field(default_factory=Counter)              # entity → documents mentioning it
    labels: dict[str, Counter] = field(default_factory=dict)    # entity → label → graphs stating it
    _names: list[tuple[str, str, str]] | None = field(default=None, repr=False, compare=False)
    # what is derived from the counts and kept until they change: the browse order by type
    # (key None or a type), the index of versioned names (kg.versions)
    kept: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    # -- arithmetic ---------------------------------------------------------------
    def add(self, other: "Summary", sign: int = 1) -> None:
        """Add (sign 1) or take away (sign -1) what `other` counts."""
        self.documents += sign * other.documents
        self.triples += sign * other.triples
        for e, n in other.docs.items():
            self.docs[e] += sign * n
            if self.docs[e] <= 0:
                del self.docs[e]
        for e, labels in other.labels.items():
            mine = self.labels.setdefault(e, Counter())
            for lab, n in labels.items():
                mine[lab] += sign * n
                if mine[lab] <= 0:
                    del mine[lab]
            if not mine:
                del self.labels[e]
        self._names = None
        self.kept = {}

    def copy(self) -> "Summary":
        return Summary(self.documents, self.triples, Counter(self.docs),
                       {e: Counter(c) for e, c in self.labels.items()})

    # -- storage --------------------------------------------------------------------
    def to_json(self) -> bytes:
        ents = {e: {"docs": self.docs.get(e, 0),
                    "labels": [[*lab, n] for lab, n in sorted(self.labels.get(e, {}).items())]}
                for e in sorted(set(self.docs) | set(self.labels))}
        return json.dumps({"version": VERSION, "documents": self.documents, "triples": self.triples,
                           "entities": ents}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> "Summary | None":
        raw = json.loads(data)
        if raw.get("version") != VERSION:
            return None
        s = cls(int(raw["documents"]), int(raw["triples"]))
        for e, v in raw["entities"].items():
            if v["docs"]:
                s.docs[e] = int(v["docs"])
            if v["labels"]:
                s.labels[e] = Counter({(k, lang, val): int(n) for k, lang, val, n in v["labels"]})
        return s

    # -- reading --------------------------------------------------------------------
    def label(self, iri: str) -> str | None:
        """The Korean preferred label stated most often (then the first in order)."""
        ko = [(-n, v) for (kind, lang, v), n in self.labels.get(iri, {}).items() if kind == "pref" and lang == "ko"]
        return min(ko)[1] if ko else None

    def names(self, iri: str) -> dict[str, list[dict[str, Any]]]:
        """Every distinct name of an entity: preferred, alternative, post titles."""
        out: dict[str, list[dict[str, Any]]] = {"pref": [], "alt": [], "title": []}
        for (kind, lang, value), _n in sorted(self.labels.get(iri, {}).items(), key=lambda kv: (-kv[1], kv[0])):
            out[kind].append({"value": value, "lang": lang or None})
        return out

    def known(self, iri: str) -> bool:
        return iri in self.labels or iri in self.docs

    def stats(self, base: str) -> dict[str, Any]:
        """Documents, triples and the mentioned entities by type, most first."""
        by_type: Counter = Counter(t for e in self.docs if (t := entity_type(e, base)))
        return {"documents": self.documents, "triples": self.triples,
                "entities": dict(sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0])))}

    def lookup(self, text: str, base: str, limit: int = 10, type_: str | None = None) -> list[dict[str, Any]]:
        """Entities (of one type) whose name or alias contains `text` (ignoring case),
        most mentioned first."""
        needle = text.strip().lower()
        if not needle:
            return []
        folded = "".join(needle.split())  # 'LG 전자' finds LG전자, 'AI자율제조' finds 'AI 자율제조 전략'
        hits = {e for e, name, bare in self._name_list() if needle in name or folded in bare}
        if type_:
            hits = {e for e in hits if entity_type(e, base) == type_}
        return self._ranked(hits, base, limit)

    def browse(self, base: str, type_: str | None = None, offset: int = 0,
               limit: int = 50) -> tuple[int, list[dict[str, Any]]]:
        """(how many, one page of) the entities mentioned in documents, of one type or
        all, most mentioned first (ties by IRI). The order is kept per summary, that is
        per published snapshot, so paging through 100,000 entities sorts them once."""
        everything = self.kept.get(None)
        if everything is None:
            everything = sorted(e for e in self.docs if e in self.labels and entity_type(e, base))
            everything.sort(key=self.docs.__getitem__, reverse=True)  # stable: ties stay by IRI
            self.kept[None] = everything
        order = everything if type_ is None else self.kept.get(type_)
        if order is None:
            order = self.kept[type_] = [e for e in everything if entity_type(e, base) == type_]
        rows = [{"iri": e, "label": self.label(e) or e.rsplit("/", 1)[-1].replace("_", " "),
                 "type": entity_type(e, base), "documents": self.docs[e], "title": self.title(e)}
                for e in order[max(0, offset):max(0, offset) + max(0, limit)]]
        return len(order), rows

    def title(self, iri: str) -> str | None:
        """A person's post title stated most often (장관, 1차관, 대표), or None."""
        titles = [(-n, v) for (kind, _lang, v), n in self.labels.get(iri, {}).items() if kind == "title"]
        return min(titles)[1] if titles else None

    def resolve(self, name: str, base: str) -> str | None:
        """The entity an exact name or alias stands for (then the same ignoring case),
        the most mentioned first."""
        name = name.strip()
        if not name:
            return None
        exact = {e for e, labels in self.labels.items()
                 if any(k != "title" and v == name for k, _l, v in labels)}
        found = self._ranked(exact, base, 1) or self._ranked(
            {e for e, low, _bare in self._name_list() if low == name.lower()}, base, 1)
        return found[0]["iri"] if found else None

    def _ranked(self, iris: Iterable[str], base: str, limit: int) -> list[dict[str, Any]]:
        rows = []
        for e in iris:
            t, label = entity_type(e, base), self.label(e)
            if t and label is not None:
                rows.append({"iri": e, "label": label, "type": t, "documents": self.docs.get(e, 0)})
        rows.sort(key=lambda r: (-r["documents"], r["iri"]))
        return rows[:limit]

    def _name_list(self) -> list[tuple[str, str, str]]:
        """(entity, lower-cased name or alias, the same without spaces), built once per summary."""
        if self._names is None:
            self._names = sorted({(e, v.lower(), "".join(v.lower().split())) for e, labels in self.labels.items()
                                  for k, _l, v in labels if k != "title"})
        return self._names


def entity_type(iri: str, base: str) -> str | None:
    """MINISTRY, COMPANY, … from an entity IRI under `base` (None for anything else)."""
    if not iri.startswith(base + "id/"):
        return None
    return SLUG_TYPES.get(iri[len(base) + 3:].split("/", 1)[0])


# -- counting ---------------------------------------------------------------------------
_PREFIX = f"PREFIX kgo: <{KGO}>\n"


def count_graphs(select: Select, graphs: Iterable[str] | None, triples: Callable[[], int] | None = None,
                 names: bool = True) -> Summary:
    """What `graphs` hold (every graph when None): documents, triples, mentions, and with
    `names` the names stated in them. Each pattern is inside GRAPH ?g, so a statement
    counts once per graph that states it. `triples` counts all triples faster than a
    COUNT query can (Oxigraph's len)."""
    s = Summary()
    blocks = [""] if graphs is None else _values(graphs)
    for values in blocks:
        head = f"VALUES ?g {{ {values} }}" if graphs is not None else ""
        if triples is None:
            for r in select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {head} GRAPH ?g {{ ?s ?p ?o }} }}"):
                s.triples += int(r["n"][0])
        for r in select(_PREFIX + f"SELECT (COUNT(*) AS ?n) WHERE {{ {head} GRAPH ?g {{ ?g a kgo:Document }} }}"):
            s.documents += int(r["n"][0])
        for r in select(_PREFIX + f"SELECT ?e (COUNT(*) AS ?n) WHERE {{ {head} GRAPH ?g {{ ?g kgo:mentions ?e }} }} "
                                  "GROUP BY ?e"):
            s.docs[r["e"][0]] += int(r["n"][0])
        # one query per label property: with the property in a second VALUES block as
        # well, Oxigraph 0.5 reads every graph's labels (4 s instead of 50 ms for 400 graphs)
        for prop, kind in LABEL_KINDS.items() if names else ():
            for r in select(f"SELECT ?e ?l (COUNT(*) AS ?n) WHERE {{ {head} GRAPH ?g {{ ?e <{prop}> ?l }} "
                            "FILTER(isLiteral(?l)) } GROUP BY ?e ?l"):
                lab = (kind, r["l"][1] or "", r["l"][0])
                s.labels.setdefault(r["e"][0], Counter())[lab] += int(r["n"][0])
    if triples is not None:
        s.triples = triples()
    return s


def named_in(select: Select, graphs: Iterable[str]) -> set[str]:
    """The entities that `graphs` give a name (the gazetteer's graph, or a document graph
    written before the entity graph existed)."""
    out: set[str] = set()
    for values in _values(graphs):
        for prop in LABEL_KINDS:
            out.update(r["e"][0] for r in select(
                f"SELECT DISTINCT ?e WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?e <{prop}> ?l }} }}"))
    return out


def entity_names(select: Select, entities: Iterable[str]) -> dict[str, Counter]:
    """entity → Counter of its names ((kind, lang, value) → graphs stating it), over all
    graphs."""
    out: dict[str, Counter] = {}
    for values in _values(entities):
        for prop, kind in LABEL_KINDS.items():
            for r in select(f"SELECT ?e ?l (COUNT(*) AS ?n) WHERE {{ VALUES ?e {{ {values} }} GRAPH ?g {{ ?e <{prop}> ?l }} "
                            "FILTER(isLiteral(?l)) } GROUP BY ?e ?l"):
                out.setdefault(r["e"][0], Counter())[(kind, r["l"][1] or "", r["l"][0])] += int(r["n"][0])
    return out


def write_counts(store: Any, graph: str, docs: Counter, entities: Iterable[str] | None) -> int:
    """Write kgo:documentCount (documents mentioning it, from `docs`) of each of
    `entities`, or of every entity when None, into `graph` of a pyoxigraph Store, in one
    update (atomic); an entity no document mentions loses its count. Returns the change
    in the number of triples. Analysts rank entities by it in SPARQL: counting 2.8
    million mentions takes a second at 100,000 documents, this a lookup."""
    g, prop = f"<{_iri(graph)}>", f"<{KGO.documentCount}>"
    if entities is None:
        before = next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")))
        rows = [f"<{_iri(e)}> {prop} {n} ." for e, n in sorted(docs.items()) if n > 0]
        store.update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n" + "\n".join(rows) + "\n} }")
        return len(rows) - int(before["n"].value)
    old: dict[str, int] = {}
    for values in _values(entities):
        for r in store.query(f"SELECT ?e ?n WHERE {{ VALUES ?e {{ {values} }} GRAPH {g} {{ ?e {prop} ?n }} }}"):
            old[r["e"].value] = int(r["n"].value)
    gone = [f"<{e}> {prop} {n} ." for e, n in old.items() if docs.get(e, 0) != n]
    new = [f"<{e}> {prop} {docs[e]} ." for e in sorted({_iri(x) for x in entities}) if docs.get(e, 0) > 0
           and old.get(e) != docs[e]]
    parts = ([f"DELETE DATA {{ GRAPH {g} {{\n" + "\n".join(gone) + "\n} }"] if gone else []) + \
            ([f"INSERT DATA {{ GRAPH {g} {{\n" + "\n".join(new) + "\n} }"] if new else [])
    if parts:
        store.update(" ;\n".join(parts))
    return len(new) - len(gone)


def _values(graphs: Iterable[str]) -> list[str]:
    uniq = sorted({_iri(g) for g in graphs})
    return [" ".join(f"<{g}>" for g in uniq[k:k + _BATCH]) for k in range(0, len(uniq), _BATCH)]


# -- snapshots ----------------------------------------------------------------------------
def load(snapshot: Path) -> Summary | None:
    """The summary stored in a snapshot directory, or None (none stored, or unreadable)."""
    try:
        return Summary.from_json((Path(snapshot) / FILE).read_bytes())
    except (OSError, ValueError, KeyError, TypeError):
        return None


def ox_select(store: Any) -> Select:
    """A Select over a pyoxigraph Store, its default graph the union of all graphs."""
    def select(query: str) -> list[Row]:
        res = store.query(query, use_default_graph_as_union=True)
        names = [v.value for v in res.variables]
        return [{n: (t.value, getattr(t, "language", None)) for n, t in zip(names, sol) if t is not None}
                for sol in res]
    return select


def rdflib_select(select_rows: Callable[[str], list[dict[str, Any]]]) -> Select:
    """A Select over GraphStore.select / RemoteStore.select (rows of rdflib terms)."""
    def select(query: str) -> list[Row]:
        return [{k: (str(v), getattr(v, "language", None)) for k, v in row.items()} for row in select_rows(query)]
    return select


def ox_triples(store: Any) -> int:
    """Triples in the named graphs of a pyoxigraph Store (len() counts the default graph too)."""
    default = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))
    return len(store) - int(default["n"].value)


def full(store: Any) -> Summary:
    """The summary of a whole pyoxigraph Store (2 s at 10,000 documents, 4 M triples)."""
    return count_graphs(ox_select(store), None, triples=lambda: ox_triples(store))


class Publisher:
    """The writer's side: the summary to store with each snapshot it publishes.

    `store` is the live GraphStore; its `changed` set and `on_change` hook (called
    before the first write after a publish) are what this reads. The marker file is
    created on that first write and removed when a publish has taken it in, so a
    marker found at start-up means the last published summary may not describe the
    store any more."""

    def __init__(self, data_dir: Path, store: Any, counts_graph: str | None = None) -> None:
        self.marker = Path(data_dir) / PENDING
        self.counts_graph = counts_graph     # where write_counts keeps kgo:documentCount
        self._counts_checked = False
        self.suspect = self.marker.exists()
        self.store = store
        self.base: Summary | None = None     # the summary of `snapshot`
        self.snapshot: Path | None = None    # the last snapshot published (or found) that `base` describes
        store.on_change = self._mark

    def _mark(self) -> None:
        self.marker.parent.mkdir(parents=True, exist_ok=True)
        self.marker.touch()

    def next(self, current: Path | None) -> Summary:
        """The summary of the live store now; `current` is the CURRENT snapshot. The
        document counts of the entities whose counts may have changed are written to
        the counts graph (write_counts) before the snapshot is taken."""
        s, touched = self._next(current)
        if self.counts_graph:
            if touched is not None and not self._counts_checked:
                # once a run: counts that do not match the last summary (a data directory
                # from before the counts graph) are all written again
                self._counts_checked = True
                held = next(iter(self.store.oxigraph.query(
                    f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{_iri(self.counts_graph)}> {{ ?s ?p ?o }} }}")))
                if self.base is None or int(held["n"].value) != len(self.base.docs):
                    touched = None
            s.triples += write_counts(self.store.oxigraph, self.counts_graph, s.docs, touched)
        return s

    def _next(self, current: Path | None) -> tuple[Summary, set[str] | None]:
        """(the summary, the entities whose counts may have changed: None for all)."""
        live = self.store.oxigraph
        if self.base is None and not self.suspect and current is not None:
            self.base, self.snapshot = load(current), current
        if self.base is None or self.snapshot is None or self.store.untracked:
            return full(live), None
        s = self.base.copy()
        touched: set[str] = set()
        if self.store.changed:
            import pyoxigraph as ox  # noqa: PLC0415

            try:
                before = ox.Store.read_only(str(self.snapshot))
            except OSError:  # the snapshot went away: count everything
                return full(live), None
            # the entity graph changes along with the documents: counted for its triples
            shared = getattr(self.store, "entity_graph", None)
            graphs = self.store.changed | ({shared} if shared else set())
            old = count_graphs(ox_select(before), graphs, names=False)
            new = count_graphs(ox_select(live), graphs, names=False)
            s.add(old, -1)
            s.add(new, 1)
            docs = self.store.changed - {shared}
            touched = (set(old.docs) | set(new.docs) | named_in(ox_select(before), docs)
                       | named_in(ox_select(live), docs))
            fresh = entity_names(ox_select(live), touched)
            for e in touched:
                if e in fresh:
                    s.labels[e] = fresh[e]
                else:
                    s.labels.pop(e, None)
            s._names = None
            s.kept = {}
        return s, touched

    def published(self, summary: Summary, snapshot: Path) -> None:
        """`summary` went out with `snapshot`: it is the base of the next one."""
        self.base, self.snapshot, self.suspect = summary, snapshot, False
        self.store.changed.clear()
        self.store.untracked = False
        self.marker.unlink(missing_ok=True)
