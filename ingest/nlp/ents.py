"""The entity store shared by our components, mirrored into `doc.ents`.

Reading `doc.ents` or `doc.text` in spaCy builds Python objects for every token, which
costs more than all our rules together; so components keep their entities in a plain
list on the Doc (`doc.user_data["kg_ents"]`) and write `doc.ents` (with `kb_id_` =
canonical name) whenever the set changes. If something else changed `doc.ents` in
between — a statistical `ner` sourced into the pipeline — the store notices (a
fingerprint of the entity annotation) and re-reads it, keeping our attributes.
"""
from __future__ import annotations

import warnings
import zlib
from dataclasses import dataclass, field

from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LENGTH
from spacy.tokens import Doc, Span

_STORE, _SIG, _TOKMAP, _WRITTEN = "kg_ents", "kg_ents_sig", "kg_tokmap", "kg_ents_written"


@dataclass(slots=True)
class Ent:
    start: int
    end: int
    label: str
    attrs: dict = field(default_factory=dict)
    value: str | None = None
    canonical: str | None = None

    @property
    def key(self) -> tuple[int, int]:
        return self.start, self.end


def _sig(doc: Doc) -> int:
    return zlib.crc32(doc.to_array([ENT_IOB, ENT_TYPE]).tobytes()) if len(doc) else 0


def get_ents(doc: Doc, sync: bool = True) -> list[Ent]:
    """Our entities of `doc`, sorted by start; re-read from `doc.ents` if something else
    changed them since we wrote them (`sync=False` trusts the store: same component)."""
    store = doc.user_data.get(_STORE)
    if store is not None and (not sync or doc.user_data.get(_SIG) == _sig(doc)):
        return store
    old = {(e.start, e.end, e.label): e for e in store or []}
    fresh = []
    for sp in doc.ents:
        e = old.get((sp.start_char, sp.end_char, sp.label_))
        # an entity we did not write comes from the statistical `ner`: marked "_ner"
        fresh.append(e if e is not None else Ent(sp.start_char, sp.end_char, sp.label_, {"_prio": 5, "_ner": True},
                                                 canonical=sp.kb_id_ or None))
    if store and not doc.user_data.get(_WRITTEN):
        # our last put did not reach doc.ents, so whoever wrote them never saw ours: keep ours
        # where they do not clash with theirs
        mask = bytearray(max([e.end for e in store + fresh], default=0))
        for e in fresh:
            mask[e.start:e.end] = b"\x01" * (e.end - e.start)
        fresh += [e for e in store if mask.find(1, e.start, e.end) == -1]
        fresh.sort(key=lambda e: e.start)
    doc.user_data[_STORE] = fresh
    doc.user_data[_SIG] = _sig(doc)
    return fresh


def put_ents(doc: Doc, ents: list[Ent], write: bool = True) -> None:
    """Store `ents` (non-overlapping, token-aligned) and write them to `doc.ents`
    (`write=False`: the store only, when nothing reads `doc.ents` before our next write)."""
    ents.sort(key=lambda e: e.start)
    if any(b.start < a.end for a, b in zip(ents, ents[1:])):
        ents[:] = _without_overlaps(ents)
    if write:
        starts, ends = token_maps(doc)
        add = doc.vocab.strings.add
        doc.ents = [(e.label, add(e.canonical) if e.canonical else 0, starts[e.start], ends[e.end]) for e in ents]
    doc.user_data[_STORE] = ents
    doc.user_data[_WRITTEN] = write
    doc.user_data[_SIG] = _sig(doc)


def _without_overlaps(ents: list[Ent]) -> list[Ent]:
    """Two rules that claim one stretch of text are a bug in one of them; a document must not
    fail for it (spaCy refuses overlapping entities). The longer span stays, and a warning
    names both, so the tests (warnings are errors there) catch the rule that did it."""
    kept: list[Ent] = []
    for e in ents:
        if kept and e.start < kept[-1].end:
            a = kept[-1]
            warnings.warn(f"overlapping entities {a.label} {a.start}-{a.end} and {e.label} {e.start}-{e.end}; "
                          "the longer kept", RuntimeWarning, stacklevel=3)
            if e.end - e.start > a.end - a.start:
                kept[-1] = e
            continue
        kept.append(e)
    return kept


def token_maps(doc: Doc) -> tuple[dict[int, int], dict[int, int]]:
    """char offset → index of the token starting there / of the token after the one ending there."""
    maps = doc.user_data.get(_TOKMAP)
    if maps is None or len(maps[0]) != len(doc):
        arr = doc.to_array([IDX, LENGTH])
        idx = arr[:, 0].tolist() if len(doc) else []
        end = (arr[:, 0] + arr[:, 1]).tolist() if len(doc) else []
        starts = dict(zip(idx, range(len(idx))))
        ends = dict(zip(end, range(1, len(end) + 1)))
        maps = doc.user_data[_TOKMAP] = (starts, ends)
    return maps


def aligned(doc: Doc, start: int, end: int) -> bool:
    starts, ends = token_maps(doc)
    return start in starts and end in ends and start < end


def cut_tokens(doc: Doc, s: int, e: int) -> None:
    """Split the tokens that [s, e) starts or ends inside at those offsets (the text stays), so
    an entity can sit there: Kiwi reads '경기도지사' as 경기/도지사, '클라우드가' as one noun."""
    for pos in (s, e):
        for tok in doc:
            end = tok.idx + len(tok.text)
            if tok.idx < pos < end:
                with doc.retokenize() as retok:
                    retok.split(tok, [tok.text[:pos - tok.idx], tok.text[pos - tok.idx:]], heads=[(tok, 0), (tok, 0)])
                break


# span extensions for spaCy users: span._.kg_attrs / span._.kg_value read the store
def _find(span: Span) -> Ent | None:
    for e in span.doc.user_data.get(_STORE) or ():
        if e.start == span.start_char and e.end == span.end_char:
            return e
    return None


for _name, _attr, _default in (("kg_attrs", "attrs", {}), ("kg_value", "value", None)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, getter=lambda sp, a=_attr, d=_default: getattr(_find(sp), a, d))


def span_mask(length: int, spans) -> bytearray:
    """One byte per character, 1 where one of `spans` ((start, end, …) tuples) covers it:
    the rules ask `mask.find(1, s, e) != -1` whether a candidate overlaps what is found."""
    mask = bytearray(length)
    for s, e, *_ in spans:
        mask[s:e] = b"\x01" * (e - s)
    return mask
