"""Merging a record's stated facts (`Document.facts`) with what the NLP found in its text.

A structured record (a National Assembly bill) knows its proposer, committee and dates
for certain; the NLP pipeline reads the same sentence and also finds them, with the
gazetteer's canonical names. The merge keeps one entity per span: where both found the
same span and type, the NLP's entity (its canonical name, sentence) with the record's
attributes on top; a fact the NLP missed or typed differently replaces whatever NLP
entity overlaps it, and gets its canonical name the way the NLP linker would give it
(산업통상자원중소벤처기업위원회, 산자위 → the same IRI as in any news article). Relations
of both survive, re-pointed at the merged entities.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from core.model import Entity, Extraction, Relation


def merge_facts(nlp: Extraction | None, facts: Extraction | None, date: str | None = None) -> Extraction | None:
    """One Extraction from the NLP's and the record's; either may be None. `date` is the
    document's: a fact naming a government body is read as of it, as the linker reads
    the text (a 2007 record's 재정경제부 is 재정경제부 (1998–2008), not today's)."""
    if facts is None or not facts.entities:
        return nlp
    nlp = nlp or Extraction()
    by_span = {(e.start, e.end, e.type): i for i, e in enumerate(nlp.entities)}
    fact_spans = [(f.start, f.end) for f in facts.entities]
    keep: dict[int, int] = {}   # NLP entity index → merged index
    merged: list[Entity] = []
    same: dict[int, int] = {}   # fact index → NLP index of the same span and type
    for fi, f in enumerate(facts.entities):
        ni = by_span.get((f.start, f.end, f.type))
        if ni is not None:
            same[fi] = ni
    taken = set(same.values())
    for ni, e in enumerate(nlp.entities):
        overlaps = any(e.start < fe and fs < e.end for fs, fe in fact_spans)
        if ni in taken or not overlaps:
            keep[ni] = len(merged)
            merged.append(e)
    fact_index: dict[int, int] = {}
    starts = [s for s, _e in nlp.sentences]
    for fi, f in enumerate(facts.entities):
        if fi in same:
            i = keep[same[fi]]
            e = merged[i]
            merged[i] = replace(e, attrs={**e.attrs, **f.attrs},
                                canonical=f.canonical or e.canonical, value=f.value or e.value)
            fact_index[fi] = i
            continue
        sentence = f.sentence
        if sentence is None and starts:
            si = bisect_right(starts, f.start) - 1
            sentence = si if si >= 0 else None
        ent = replace(f, attrs=dict(f.attrs), sentence=sentence, canonical=f.canonical or _canonical(f, date))
        fact_index[fi] = len(merged)
        merged.append(ent)
    relations: list[Relation] = []
    seen: set[tuple[str, int, int]] = set()
    for r in nlp.relations:
        if r.head in keep and r.tail in keep:
            rel = replace(r, head=keep[r.head], tail=keep[r.tail])
            seen.add((rel.type, rel.head, rel.tail))
            relations.append(rel)
    for r in facts.relations:
        if r.head in fact_index and r.tail in fact_index:
            head, tail = fact_index[r.head], fact_index[r.tail]
            if (r.type, head, tail) not in seen:
                seen.add((r.type, head, tail))
                relations.append(Relation(r.type, head, tail, r.sentence if r.sentence is not None
                                          else merged[head].sentence))
    order = sorted(range(len(merged)), key=lambda i: (merged[i].start, merged[i].end))
    where = {old: new for new, old in enumerate(order)}
    return Extraction(
        entities=[merged[i] for i in order],
        relations=[replace(r, head=where[r.head], tail=where[r.tail]) for r in relations],
        sentences=nlp.sentences,
        tokens=nlp.tokens,
    )


def _canonical(ent: Entity, date: str | None = None) -> str | None:
    """The canonical name the NLP linker would give this mention in a document of
    `date` (gazetteer aliases, government bodies by date)."""
    from ingest.nlp.components import canonical  # noqa: PLC0415 (loads the lexicon once)
    from ingest.nlp.lexicon import get_lexicon  # noqa: PLC0415

    attrs = dict(ent.attrs)
    info = get_lexicon().names.get(ent.text)
    if info is not None and info.type == ent.type:
        attrs.setdefault("_gaz", info.canonical)
    return canonical(ent.type, ent.text, attrs, get_lexicon(), date)
