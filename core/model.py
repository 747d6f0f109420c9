"""The typed objects that flow through the pipeline: loaders → nlp → mapping → kg.

These dataclasses are the module boundaries. Loaders produce `Document`s; the NLP
pipeline fills `Document.extraction`; `ontology.mapping` turns a Document into triples.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from core.types import ENTITY_TYPES  # noqa: F401 (the pipeline's types, re-exported)

RELATION_TYPES = ("ANNOUNCES", "PARTICIPATES_IN", "LEADS", "SCHEDULED_FOR",
                  "PROPOSES", "REFERRED_TO", "PROPOSED_ON")  # the last three: structured records (bills)


@dataclass
class Entity:
    """One entity mention: character offsets into the document text (end exclusive)."""

    start: int
    end: int
    text: str
    type: str
    canonical: str | None = None   # canonical name, e.g. 산업통상자원부 for 산업부
    iri: str | None = None         # set by the linker for nameable entities
    value: str | None = None       # normalised value for DATE/TIME (ISO date or interval)
    sentence: int | None = None    # index into Extraction.sentences
    attrs: dict[str, Any] = field(default_factory=dict)  # e.g. {"title": "장관"}, {"kind": "meeting"}

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text, "type": self.type}
        for k in ("iri", "canonical", "value"):
            v = getattr(self, k)
            if v is not None:
                d[k] = v
        return d


@dataclass
class Relation:
    """A typed edge between two entity mentions (indexes into Extraction.entities)."""

    type: str
    head: int
    tail: int
    sentence: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, "head": self.head, "tail": self.tail}


@dataclass
class Extraction:
    """What the NLP pipeline found in one text."""

    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # (start, end) char spans
    tokens: list[str] = field(default_factory=list)  # index terms (morphemes), reused by the text index


@dataclass
class Document:
    """One loaded document. `id` is a content hash, so re-ingest is idempotent."""

    title: str
    text: str
    source: str                      # file path or URL
    key: str = ""                    # stable identity of the source (path, path#record id, URL);
                                     # a changed document with the same key replaces the old one
    date: str | None = None          # ISO date (YYYY-MM-DD) when known
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    extraction: Extraction | None = None
    id: str = ""
    # Facts a structured record states outright (a bill's proposer, committee, dates), as
    # entities with offsets into `text` plus relations; kg.pipeline merges them with the
    # NLP extraction before mapping. Not part of `id`: they are derived from the same fields.
    facts: Extraction | None = None
    # How far into its file the loader was when it made this document (0–1), for the
    # progress bar's ETA on one big JSON Lines or gzip file; not stored anywhere.
    position: float | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.title, self.text, self.date)
        if not self.key:
            self.key = self.url or self.source


def content_id(title: str, text: str, date: str | None) -> str:
    """Deterministic document id from its content (first 16 hex digits of SHA-256)."""
    h = hashlib.sha256()
    for part in (title, date or "", text):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:16]
