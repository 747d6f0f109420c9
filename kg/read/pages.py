"""The data of each page, as KnowledgeGraph methods (kg.read.graph mixes this class in):
entity and document pages, the network and path views, profiles, calendars. Each
method asks the graph's store (kg.store.GraphBackend: embedded or remote) through the
query modules of kg.read and its summary, so the web layer calls the facade only and
never holds the store."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rdflib import URIRef

from core.namespaces import DCTERMS
from core.urls import link_or_none
from kg.read import entity as entity_queries
from kg.read import queries, summary
from kg.store.sparql_text import _iri
from ontology.namespace import KGO

if TYPE_CHECKING:
    from collections import Counter

    from kg.read.paths import PathGraph
    from kg.settings import Settings
    from kg.store import GraphBackend


class PageData:
    """Page data over `store` and `summary()`, which KnowledgeGraph provides."""

    settings: Settings
    base: str
    remote: bool

    @property
    def store(self) -> GraphBackend:
        raise NotImplementedError

    def summary(self) -> summary.Summary:
        raise NotImplementedError

    def document(self, iri: str) -> dict[str, Any] | None:
        """Metadata, text and mentions of one document, or None."""
        iri = _iri(iri)
        rows = self.store.select(f"""
            SELECT ?title ?date ?source ?text ?kind ?publisher WHERE {{ GRAPH <{iri}> {{
              <{iri}> a <{KGO.Document}> ; <{DCTERMS}title> ?title ; <{KGO.text}> ?text .
              OPTIONAL {{ <{iri}> <{DCTERMS}date> ?date }}
              OPTIONAL {{ <{iri}> <{DCTERMS}source> ?source }}
              OPTIONAL {{ <{iri}> <{KGO.sourceKind}> ?kind }}
              OPTIONAL {{ <{iri}> <{DCTERMS}publisher> ?publisher }} }} }}""")
        if not rows:
            return None
        r = rows[0]
        src = r.get("source")
        # the original address (an IRI), a link only when http(s): an older store may hold
        # another scheme (javascript:…), given as text only, in url_text
        url = link_or_none(str(src)) if isinstance(src, URIRef) else None
        mentions = self.store.select(f"""
            SELECT ?start ?end ?type ?entity ?value WHERE {{ GRAPH <{iri}> {{
              ?m <{KGO.start}> ?start ; <{KGO.end}> ?end .  # a sentence has offsets too, but no type
              {{ ?m <{KGO.mentionType}> ?type }} UNION {{ ?m <{KGO.entityType}> ?type }}  # the latter: older data
              OPTIONAL {{ ?m <{KGO.mentionOf}> ?entity }} OPTIONAL {{ ?m <{KGO.normalizedValue}> ?value }} }} }}
            ORDER BY ?start""")
        return {
            "iri": iri,
            "title": str(r["title"]),
            "date": str(r["date"]) if "date" in r else None,
            "source": url if isinstance(src, URIRef) else str(src) if src is not None else None,
            "source_kind": str(r["kind"]) if "kind" in r else None,
            "publisher": str(r["publisher"]) if "publisher" in r else None,
            "url": url,
            "url_text": str(src) if isinstance(src, URIRef) and url is None else None,
            "text": str(r["text"]),
            "mentions": [
                {"start": int(m["start"]), "end": int(m["end"]), "type": str(m["type"]),
                 "entity": str(m["entity"]) if "entity" in m else None,
                 "value": str(m["value"]) if "value" in m else None}
                for m in mentions
            ],
        }

    def entity(self, iri: str, page: int = 1, page_size: int | None = None) -> dict[str, Any] | None:
        """Names, type, relations (with the sentence each came from) and one page of the
        documents that mention it, newest first, with their total (see kg.entity)."""
        head = self.entity_names(iri)
        return None if head is None else {**head, **self.entity_details(head["iri"], page, page_size)}

    def entity_names(self, iri: str) -> dict[str, Any] | None:
        """Labels and type of an entity (kg.summary; the store for one it does not know), or None."""
        iri = _iri(iri)
        s = self.summary()
        if s.known(iri):
            names = s.names(iri)
            types = [t] if (t := summary.entity_type(iri, self.base)) else []
        else:
            found = entity_queries.names(self.store, iri)
            if found is None:
                return None
            names, types = found, sorted({t["value"] for t in found["type"]})
        pref = names["pref"]
        ko = [x["value"] for x in pref if x["lang"] == "ko"]
        return {"iri": iri, "label": ko[0] if ko else (pref[0]["value"] if pref else iri.rsplit("/", 1)[-1]),
                "types": types, "pref_labels": pref, "alt_labels": names["alt"],
                "titles": sorted({t["value"] for t in names["title"]})}

    def entity_details(self, iri: str, page: int = 1, page_size: int | None = None) -> dict[str, Any]:
        """The relations shown on an entity page, how many there are in all, and a page
        of its documents: {relations, relation_groups, documents, total, page_number, pages, page_size}."""
        rows, groups = entity_queries.relations(self.store, iri, self.summary().label)
        docs = entity_queries.documents(self.store, iri, page, page_size or self.settings.page_size)
        return {"relations": rows, "relation_groups": groups, **docs}

    def entity_relations(self, iri: str) -> list[dict[str, Any]]:
        """Every relation of an entity with its evidence (the CSV export), at most max_rows."""
        return entity_queries.all_relations(self.store, iri, self.summary().label, self.settings.max_rows)

    def nodes(self, iris: list[str]) -> dict[str, dict[str, str | None]]:
        """Korean label and type code of many entities (IRI → {label, type})."""
        s = self.summary()
        out = {i: {"label": s.label(i), "type": summary.entity_type(i, self.base)} for i in iris if s.known(i)}
        missing = [i for i in dict.fromkeys(iris) if i not in out]
        if missing:
            out.update(queries.node_info(self.store, missing))
        return out

    def lookup(self, prefix: str, limit: int = 10) -> list[dict[str, Any]]:
        """Entities whose name or alias contains `prefix`, most mentioned first (autocomplete)."""
        return self.summary().lookup(prefix, self.base, limit)

    def resolve(self, name: str) -> str | None:
        """The entity an exact name or alias stands for (then ignoring case), or None."""
        return self.summary().resolve(name, self.base)

    def document_sources(self, iris: list[str]) -> dict[str, dict[str, str | None]]:
        """Title, date, publisher and original address of documents, for citations."""
        return entity_queries.doc_sources(self.store, iris)

    def document_relations(self, iri: str) -> list[dict[str, Any]]:
        """The relations a document reports, in text order, each with its sentence."""
        return queries.document_relations(self.store, iri)

    def succession(self, iri: str) -> dict[str, list[dict[str, str]]]:
        """Predecessor and successor bodies of a reorganised government body; the business
        group of a company and the companies of a group."""
        return queries.succession(self.store, iri)

    def month_siblings(self, iri: str, label: str) -> list[dict[str, str]]:
        """Events that may be this one, reported by the month alone (kg.read.events)."""
        from kg.read.events import month_siblings  # noqa: PLC0415

        return month_siblings(self.store, iri, label)

    def same_initiative(self, iri: str, label: str) -> list[dict[str, str]]:
        """A law under its short name and under its full title (kg.read.same_names)."""
        from kg.read.same_names import same_initiative  # noqa: PLC0415

        return same_initiative(self.store, iri, label)

    def lineage(self, iri: str) -> dict[str, Any] | None:
        """A government body's dated lineage (kg.lineage.timeline), or None."""
        from kg.read.lineage import timeline  # noqa: PLC0415

        return timeline(_iri(iri), self.base)

    def deadlines(self, entity: str | None = None, today: Any = None) -> list[dict[str, Any]]:
        """Scheduled dates of initiatives (of `entity`, or all), with today's status (kg.read.calendar)."""
        from kg.read.calendar import deadlines  # noqa: PLC0415

        return deadlines(self.store, entity=entity, today=today)

    def lineage_documents(self, iris: list[str], page: int = 1, page_size: int | None = None) -> dict[str, Any]:
        """One page of the documents of a body and its predecessors (kg.lineage.documents)."""
        from kg.read.lineage import documents  # noqa: PLC0415

        return documents(self.store, iris, page, page_size or self.settings.page_size)

    def labels(self, iris: list[str]) -> dict[str, str]:
        """Korean preferred labels of many entities (IRI → label)."""
        return {i: n["label"] for i, n in self.nodes(iris).items() if n.get("label")}

    # -- network, paths and profiles (web/network.py, web/profile.py) -----------------
    def top_statements(self, iri: str, per_relation: int | None) -> tuple[list[dict[str, Any]], Counter]:
        """The relation edges of `iri`, of each relation and direction the `per_relation`
        stated in the most documents (None: all), and how many there are of each (kg.read.queries)."""
        return queries.top_statements_about(self.store, iri, per_relation)

    def cooccurring(self, iri: str, limit: int | None = 30, sample: int = queries.SAMPLE) -> dict[str, Any]:
        """Entities mentioned in the same documents as `iri`, most shared documents first
        (counted in its newest `sample` documents when it is in more)."""
        return queries.cooccurring(self.store, iri, limit=limit, sample=sample)

    def path_graph(self) -> PathGraph:
        """The edge graph for path finding (kg.read.paths; one per published snapshot)."""
        from kg.read.paths import graph_of  # noqa: PLC0415

        return graph_of(self.store, remote=self.remote)

    def doc_order(self) -> list[str]:
        """Every document newest first (kg.read.entity.doc_order, with the dates hub entity
        pages walk; kept per snapshot): what the server warms at start."""
        return entity_queries.doc_order(self.store)

    def statement_evidence(self, triples: list[tuple[str, str, str]]) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
        """Document and sentence of the newest statements of each edge (s, p, o)."""
        return queries.statement_evidence(self.store, triples)

    def shared_documents(self, a: str, b: str, limit: int = 50) -> dict[str, Any]:
        """The newest `limit` documents that mention both `a` and `b`, with their total."""
        return queries.shared_documents(self.store, a, b, limit)

    def documents_info(self, iris: list[str]) -> dict[str, dict[str, str | None]]:
        """Title and date of documents (IRI → {title, date})."""
        return queries.documents_info(self.store, iris)

    def schedules(self, subjects: list[str] | None = None,
                  within: list[tuple[str, str]] | None = None) -> list[dict[str, Any]]:
        """Scheduled dates of `subjects` (or of each subject in the document paired with it in `within`)."""
        return queries.schedules(self.store, subjects, within=within)

    def participants(self, targets: list[str] | None = None,
                     within: list[tuple[str, str]] | None = None) -> list[dict[str, Any]]:
        """Who takes part in each of `targets` (or in the documents paired with them in `within`)."""
        return queries.participants(self.store, targets, within=within)

    def mentioned_in(self, documents: list[str], prefixes: tuple[str, ...]) -> list[tuple[str, str]]:
        """(document, entity) for the entities under `prefixes` that `documents` mention."""
        return queries.mentioned_in(self.store, documents, prefixes)

    def meetings(self, iri: str, event_prefix: str, people: int = 10,
                 events: list[str] | None = None) -> list[dict[str, Any]]:
        """The meetings around an initiative or event, with who led each and who took part."""
        return queries.meetings(self.store, iri, event_prefix, people=people, events=events)
