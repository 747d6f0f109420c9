"""The one table of entity types: code, IRI path segment, ontology class, Korean label,
display order. Every layer reads its lists from here (no rdflib, so `kg` starts fast).

Extraction types (`ENTITY_TYPES`) are what the NLP pipeline tags; node types (`NODE_TYPES`)
get an IRI of their own; DATE, TIME and QUANTITY are values, not nodes. EVENT is a node
type only: the pipeline tags meetings as INITIATIVE and the mapping makes them events.
"""
from __future__ import annotations

from typing import NamedTuple


class EntityType(NamedTuple):
    code: str            # kgo:entityType code, e.g. "COMPANY"
    slug: str | None     # IRI path segment under {base}id/, None for values
    cls: str | None      # local name of the kgo: class (MINISTRY: refined by gov_kind)
    label: str           # Korean name shown on pages
    extracted: bool      # tagged by the NLP pipeline (ENTITY_TYPES)


# in display order
TYPES: tuple[EntityType, ...] = (
    EntityType("MINISTRY", "gov", "GovernmentBody", "정부기관", True),  # any government body
    EntityType("COMPANY", "company", "Company", "기업", True),
    EntityType("ORGANIZATION", "org", "Organization", "기관·단체", True),  # associations, institutes, …
    EntityType("PERSON", "person", "Person", "인물", True),
    EntityType("INITIATIVE", "initiative", "Initiative", "정책·사업", True),  # plans, laws, funds, meetings
    EntityType("EVENT", "event", "Meeting", "행사·회의", False),
    EntityType("LOCATION", "place", "Place", "장소", True),
    EntityType("DATE", None, None, "날짜", True),
    EntityType("TIME", None, None, "시간", True),
    EntityType("QUANTITY", None, None, "수량", True),
)
BY_CODE = {t.code: t for t in TYPES}

TYPE_ORDER = tuple(t.code for t in TYPES)
TYPE_LABELS = {t.code: t.label for t in TYPES}
TYPE_SLUGS = {t.code: t.slug for t in TYPES if t.slug}
SLUG_TYPES = {v: k for k, v in TYPE_SLUGS.items()}
NODE_TYPES = frozenset(TYPE_SLUGS)
NODE_TYPE_ORDER = tuple(t for t in TYPE_ORDER if t in NODE_TYPES)  # entities are nodes
ENTITY_TYPES = tuple(t.code for t in TYPES if t.extracted)
