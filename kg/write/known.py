"""Names known across documents, for the ingest: which names the NLP looks up in every
document (ingest.nlp.known), and which documents of a run are read again.

A name is known when some document marked it as a name: an initiative, company or
organisation written in quotes or 「」 (the mention's kgo:quotedName in the graph). At the
start of a run the names the graph holds go to the NLP workers, once each. Names the run
learns (its own documents' quoted names) cannot reach documents already handed to the
workers, and a batch may hold the brief that writes 'K-휴머노이드 연합이' before the
release that quotes it; so the run keeps its documents in a temporary file (not in
memory) and, at its end, reads again those that write a newly learned name where none
of their entities stands (kg.write.reread.reread). The order of the
documents in a batch then does not matter.

Documents stored by earlier runs that write a name the run learned are read again from
the store at the end of the run (kg.write.reread), the text index finding them.
"""
from __future__ import annotations

import dataclasses
import logging
import pickle
import tempfile
from typing import IO, Any, Iterator

from core.model import Document
from ingest.nlp.known import TYPES, KnownName, KnownNames, recognised, strong, unread
from ontology.mapping import INITIATIVE_KINDS
from ontology.namespace import KGO

log = logging.getLogger(__name__)
_KINDS = {str(iri): code for code, iri in INITIATIVE_KINDS.items()}


def stored(kg: Any) -> list[KnownName]:
    """The names the graph holds with strong evidence (see the module docstring)."""
    rows = kg.store.select(f"""SELECT DISTINCT ?name ?type ?kind WHERE {{
        GRAPH ?d {{ ?m <{KGO.quotedName}> ?q ; <{KGO.text}> ?name ; <{KGO.mentionOf}> ?e }}
        ?e <{KGO.entityType}> ?type . OPTIONAL {{ ?e <{KGO.initiativeKind}> ?kind }} }}""")
    out = []
    for r in rows:
        if str(r["type"]) in TYPES:
            out.append(KnownName(str(r["name"]), str(r["type"]), _KINDS.get(str(r.get("kind", "")), "")))
    return sorted(out, key=lambda k: (k.name, k.label, k.kind))


class Learner:
    """What a run learns: the names its documents mark, and its documents (spilled to a
    temporary file in the data directory, gone with the process whatever ends it)."""

    def __init__(self, start: list[KnownName], data_dir: Any) -> None:
        self.start = KnownNames(start)
        self.new: dict[str, KnownName] = {}
        self._spill: IO[bytes] | None = None
        self._dir = data_dir
        self.count = 0
        self.iris: set[str] = set()  # the documents this run staged (kg.write.reread leaves them to rereads())
        self.broken: str | None = None  # why the documents could not be kept, if so

    def seen(self, iri: str, doc: Document) -> None:
        """A document the run staged (its extraction still on it)."""
        ents = doc.extraction.entities if doc.extraction else []
        self.iris.add(iri)
        for k in strong(ents):
            if k.name not in self.start and k.name not in self.new:
                self.new[k.name] = k
        if self.broken:
            return
        try:
            if self._spill is None:
                self._spill = tempfile.TemporaryFile(dir=self._dir, prefix="known-names-")
            pickle.dump((iri, dataclasses.replace(doc, extraction=None), recognised(ents)), self._spill,
                        protocol=pickle.HIGHEST_PROTOCOL)
            self.count += 1
        except (OSError, pickle.PicklingError) as e:  # a full disk: the run goes on, without the second reading
            self.broken = f"{type(e).__name__}: {e}"
            log.warning("known names: documents are not kept for a second reading (%s)", self.broken)

    def known(self) -> KnownNames:
        """The names at the start of the run and those it learned."""
        return KnownNames([*self.start.names(), *self.new.values()])

    def learned(self) -> KnownNames:
        """The names this run learned (none the graph held at its start)."""
        return KnownNames(self.new.values())

    def rereads(self) -> Iterator[tuple[str, Document]]:
        """The run's documents that write a newly learned name where none of their
        entities stands, in the order they came."""
        new = self.learned()
        if not len(new) or self._spill is None or self.broken:
            return
        self._spill.seek(0)
        while True:
            try:
                iri, doc, spans = pickle.load(self._spill)
            except EOFError:
                return
            if unread(doc.text, new, spans):
                yield iri, doc

    def close(self) -> None:
        if self._spill is not None:
            self._spill.close()
            self._spill = None

    def __enter__(self) -> "Learner":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
