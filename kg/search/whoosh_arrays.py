"""Whoosh queries answered with numpy arrays: every match counted, facets and filters
read from per-segment columns, top hits chosen by one sort.

whoosh evaluates a query one document at a time in Python (about 4 µs a match) and, to
find the top page quickly, its collector replaces sub-matchers that cannot lift a
document onto the page: counts taken from that collector miss documents (a search for
산업부 over 10,000 documents said 561 where 5,065 match). Here each term's postings are
read once per segment into arrays (segments are immutable; cached, bounded), and the
query tree is combined with array operations:

    Term     postings → ids, BM25F scores (whoosh's formula, statistics and length bytes)
    And      intersection, scores summed; Not children subtracted
    Or       union, scores summed
    AndNot   difference
    Phrase   intersection, then (document, start) keys from each word's cached positions
    Prefix   the union of the segment's terms that start with it
    other    (wildcards, phrases with slop, …) whoosh's own matcher, iterated over the segment

The scores are whoosh's, so the ranking is the one whoosh's collector gives.
"""
# Over 400 lines, kept whole: one query evaluator: the array operators, BM25F and the segment cache depend on each other.
from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
from whoosh import query as Q
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.matching import ListMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from kg.search.base import source_origin

LIST_GROUPS = ("entity_types", "entities")
SINGLE_GROUPS = ("year", "source_kind", "source", "publisher")
GROUPS = ("entity_types", "entities", "year", "source_kind", "source")  # every index of schema 2 has them
OPTIONAL_GROUPS = ("publisher",)  # added later: a segment without the column counts no values
TEXT_FIELDS = ("title", "body")
_LENGTH = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)
_EMPTY = (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float64))


@dataclass
class Segment:
    """The column arrays of one segment, by local document number."""

    n: int
    single: dict[str, tuple[np.ndarray, list[str]]]  # codes, vocabulary
    lists: dict[str, tuple[np.ndarray, np.ndarray, list[str]]]  # offsets (n + 1), codes, vocabulary
    date: np.ndarray  # YYYYMMDD, 0 without a date
    origin: tuple[np.ndarray, list[str]] | None = None  # source → its site or folder (the source facet)
    lengths: dict[str, np.ndarray] = field(default_factory=dict)  # field → length (whoosh's byte scale)
    live: tuple[int, np.ndarray] | None = None  # (deleted count, mask)
    first: tuple[dict[str, int], np.ndarray] | None = None  # entity IRI → code, code → first document
    labels: dict[str, tuple[str, str]] = field(default_factory=dict)  # entity IRI → (label, type), as read
    shared: dict[str, np.ndarray] = field(default_factory=dict)  # facet → local code → shared code

    def shared_codes(self, facet: str, vocab: list[str]) -> np.ndarray:
        """This segment's codes of `facet` in the process's shared vocabulary."""
        got = self.shared.get(facet)
        if got is None:
            got = self.shared[facet] = _SHARED.code("source" if facet == "source origin" else facet, vocab)
        return got

    def first_doc(self, iri: str) -> int | None:
        """A document (local number) that mentions the entity, or None."""
        if self.first is None:
            offsets, codes, vocab = self.lists["entities"]
            _u, pos = np.unique(codes, return_index=True)
            docs = np.zeros(len(vocab), dtype=np.int64)
            docs[_u] = np.searchsorted(offsets, pos, side="right") - 1
            self.first = ({v: k for k, v in enumerate(vocab)}, docs)
        code = self.first[0].get(iri)
        return None if code is None else int(self.first[1][code])

    def nbytes(self) -> int:
        arrays = [c for c, _v in self.single.values()] + [a for o, c, _v in self.lists.values() for a in (o, c)]
        return sum(a.nbytes for a in [*arrays, self.date, *self.lengths.values()])


class _Cache:
    """A small LRU by bytes, shared by the threads of one process."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.items: OrderedDict[tuple, tuple[object, int]] = OrderedDict()
        self.bytes = 0
        self.lock = threading.Lock()

    def get(self, key: tuple):  # noqa: ANN201
        with self.lock:
            hit = self.items.get(key)
            if hit is not None:
                self.items.move_to_end(key)
                return hit[0]
        return None

    def put(self, key: tuple, value: object, size: int) -> None:
        with self.lock:
            if key in self.items:
                return
            self.items[key] = (value, size)
            self.bytes += size
            while self.bytes > self.max_bytes and len(self.items) > 1:
                _k, (_v, s) = self.items.popitem(last=False)
                self.bytes -= s

    def keys(self) -> list[tuple]:
        with self.lock:
            return list(self.items)


SEGMENTS = _Cache(256 << 20)  # (index, segment id) → Segment
POSTINGS = _Cache(128 << 20)  # (index, segment id, field, term) → (ids, weights)


def segment(index: str, reader) -> Segment:  # noqa: ANN001
    """The arrays of one segment reader, read once (a merged segment has a new id); the
    live-document mask follows deletions, which only ever grow within a segment."""
    key = (index, reader.segment().segment_id())
    seg = SEGMENTS.get(key)
    if seg is None:
        seg = _read_segment(reader)
        SEGMENTS.put(key, seg, seg.nbytes())
    deleted = reader.segment().deleted_count()
    if seg.live is None or seg.live[0] != deleted:
        live = np.ones(seg.n, dtype=bool)
        if deleted:
            gone = reader.deleted_docs_set  # a property in whoosh-reloaded 2.7
            live[np.fromiter(gone() if callable(gone) else gone, dtype=np.int64)] = False
        seg.live = (deleted, live)
    return seg


def _read_segment(reader) -> Segment:  # noqa: ANN001
    """Values are read raw (bytes) and coded; only the distinct ones are decoded."""
    n = reader.doc_count_all()
    single: dict[str, tuple[np.ndarray, list[str]]] = {}
    for name in SINGLE_GROUPS:
        if name in OPTIONAL_GROUPS and (name not in reader.schema or not reader.has_column(name)):
            single[name] = (np.zeros(n, dtype=np.int32), [""])
            continue
        col = reader.column_reader(name, translate=False)
        single[name] = _encode([col[i] for i in range(n)])
    lists: dict[str, tuple[np.ndarray, np.ndarray, list[str]]] = {}
    for name in LIST_GROUPS:
        col = reader.column_reader(name, translate=False)
        values = [col[i] for i in range(n)]
        offsets = np.zeros(n + 1, dtype=np.int64)
        np.cumsum([len(v) for v in values], out=offsets[1:])
        codes, vocab = _encode([x for v in values for x in v])
        lists[name] = (offsets, codes, vocab)
    col = reader.column_reader("date", translate=False)
    codes, vocab = _encode([col[i] for i in range(n)])
    date = np.array([_date_key(v) for v in vocab], dtype=np.int32)[codes] if n else np.zeros(0, dtype=np.int32)
    codes, vocab = single["source"]
    origins, origin_vocab = _encode([source_origin(v)[0] if v else "" for v in vocab])
    seg = Segment(n, single, lists, date, origin=(origins[codes] if len(vocab) else codes, origin_vocab))
    for name in TEXT_FIELDS:
        seg.lengths[name] = _lengths(reader, name, n)
    return seg


def _lengths(reader, name: str, n: int) -> np.ndarray:  # noqa: ANN001
    """Each document's length of one field, as whoosh scores with it (a length byte)."""
    perdoc = getattr(reader, "_perdoc", None)
    col = perdoc._cached_reader(f"_{name}_len", LENGTHS_COLUMN) if hasattr(perdoc, "_cached_reader") else None
    if col is not None:
        return _LENGTH[np.fromiter((col[i] for i in range(n)), dtype=np.uint8, count=n)]
    return np.fromiter((reader.doc_field_length(i, name, 0) or 0 for i in range(n)), dtype=np.float64, count=n)


def _encode(values: list) -> tuple[np.ndarray, list[str]]:
    """Codes of values (text or raw bytes) and the distinct values, as text."""
    vocab: dict = {}
    codes = np.fromiter((vocab.setdefault(v, len(vocab)) for v in values), dtype=np.int32, count=len(values))
    return codes, [sys.intern(_text(v)) for v in vocab]


def _text(value: object) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value or "")


def _date_key(date: str) -> int:
    digits = "".join(c for c in date if c.isdigit())[:8]
    return int(digits.ljust(8, "0")) if digits else 0


# -- filters and facets -------------------------------------------------------------------
def with_value(seg: Segment, name: str, wanted) -> np.ndarray:  # noqa: ANN001
    """Mask of the documents whose `name` column holds a value for which wanted(value)."""
    if name in seg.lists:
        offsets, codes, vocab = seg.lists[name]
        ok = np.fromiter((bool(wanted(v)) for v in vocab), dtype=bool, count=len(vocab))
        mask = np.zeros(seg.n, dtype=bool)
        pos = np.flatnonzero(ok[codes]) if len(codes) else np.zeros(0, dtype=np.int64)
        mask[np.searchsorted(offsets, pos, side="right") - 1] = True
        return mask
    codes, vocab = seg.single[name]
    ok = np.fromiter((bool(wanted(v)) for v in vocab), dtype=bool, count=len(vocab))
    return ok[codes] if len(vocab) else np.zeros(seg.n, dtype=bool)


class FacetCounts:
    """Facet counts of one search, summed over segments in arrays. Each segment's values
    are coded once into a vocabulary shared by the process (per facet), so adding a
    segment's counts is one array operation; only the values counted become a dict, at
    the end. (Merging each segment's counts into dicts took 60% of a browse over 100,000
    documents in 25 segments: 1.1 M dict updates for ten searches.)"""

    def __init__(self) -> None:
        self.parts: dict[str, list[tuple[np.ndarray, np.ndarray]]] = {name: [] for name in (*GROUPS, *OPTIONAL_GROUPS)}

    def add(self, seg: Segment, ids: np.ndarray) -> None:
        """Count the facet values of the documents `ids` (local numbers) of `seg`."""
        for name, (codes, vocab) in seg.single.items():
            key = name
            if name == "source" and seg.origin is not None:  # counted by site or folder
                codes, vocab = seg.origin
                key = "source origin"
            self.parts[name].append((seg.shared_codes(key, vocab), np.bincount(codes[ids], minlength=len(vocab))))
        for name, (offsets, codes, vocab) in seg.lists.items():
            starts, lens = offsets[ids], offsets[ids + 1] - offsets[ids]
            total = int(lens.sum())
            if not total:
                continue
            # the positions of every value of every document in ids, without a Python loop
            pos = np.repeat(starts - np.cumsum(lens) + lens, lens) + np.arange(total)
            self.parts[name].append((seg.shared_codes(name, vocab), np.bincount(codes[pos], minlength=len(vocab))))

    def result(self, top: dict[str, int] | None = None) -> dict[str, dict[str, int]]:
        """{facet: {value: count}} of the values counted (the empty value left out); for
        a facet in `top`, only its values counted at least as often as the top[facet]-th
        (the entity facet shows the first 40 of some 26,000 values in a browse over
        100,000 documents)."""
        out: dict[str, dict[str, int]] = {}
        for name, parts in self.parts.items():
            if not parts:
                out[name] = {}
                continue
            values = _SHARED.values(name)
            total = np.zeros(len(values), dtype=np.int64)
            for shared, binned in parts:
                total[shared] += binned  # a segment's codes are distinct: no add.at needed
            nz = np.flatnonzero(total)
            k = (top or {}).get(name)
            if k is not None and len(nz) > k:
                nth = np.partition(total[nz], len(nz) - k)[len(nz) - k]
                nz = nz[total[nz] >= nth]
            counted = dict(zip(map(values.__getitem__, nz.tolist()), total[nz].tolist()))
            counted.pop("", None)
            out[name] = counted
        return out


class _SharedVocabulary:
    """facet → value → code, for every value of every segment read by this process
    (bounded by the distinct values of the index: entities, sources, years…). The source
    facet's site-or-folder values share the source facet's codes."""

    def __init__(self) -> None:
        self.codes: dict[str, dict[str, int]] = {}
        self.lists: dict[str, list[str]] = {}
        self.lock = threading.Lock()

    def code(self, facet: str, vocab: list[str]) -> np.ndarray:
        with self.lock:
            codes = self.codes.setdefault(facet, {})
            values = self.lists.setdefault(facet, [])
            out = np.empty(len(vocab), dtype=np.int64)
            for k, v in enumerate(vocab):
                c = codes.get(v)
                if c is None:
                    c = codes[v] = len(values)
                    values.append(v)
                out[k] = c
            return out

    def values(self, facet: str) -> list[str]:
        with self.lock:
            return self.lists.get(facet, [])


_SHARED = _SharedVocabulary()


# -- query evaluation ------------------------------------------------------------------------
class Evaluator:
    """Evaluates a whoosh query over one segment: (sorted local ids, scores)."""

    def __init__(self, index: str, top, sub, context) -> None:  # noqa: ANN001
        self.index, self.top, self.sub, self.context = index, top, sub, context
        self.reader = sub.reader()
        self.seg = segment(index, self.reader)
        w = top.weighting
        self.bm25 = (w.B, w.K1) if type(w) is BM25F and not w._field_B else None

    def run(self, q: Q.Query) -> tuple[np.ndarray, np.ndarray]:
        ids, scores = self._eval(q)
        keep = self.seg.live[1][ids]
        return ids[keep], scores[keep]

    def _eval(self, q: Q.Query) -> tuple[np.ndarray, np.ndarray]:
        if isinstance(q, type(Q.NullQuery)):
            return _EMPTY
        if isinstance(q, Q.Term) and self.bm25 and q.fieldname in self.seg.lengths:
            return self._term(q)
        if isinstance(q, Q.And) and any(not isinstance(s, Q.Not) for s in q.subqueries):
            pos = [s for s in q.subqueries if not isinstance(s, Q.Not)]
            ids, scores = self._eval(pos[0])
            for s in pos[1:]:
                if not len(ids):
                    break
                ids2, scores2 = self._eval(s)
                ids, ia, ib = np.intersect1d(ids, ids2, assume_unique=True, return_indices=True)
                scores = scores[ia] + scores2[ib]
            for s in q.subqueries:
                if isinstance(s, Q.Not) and len(ids):
                    keep = ~np.isin(ids, self._eval(s.query)[0], assume_unique=True)
                    # whoosh's inverse matcher adds its weight, 1, to every document it lets through
                    ids, scores = ids[keep], scores[keep] + 1.0
            return ids, scores * q.boost
        if (isinstance(q, Q.Or) and not q.minmatch and q.scale is None
                and not any(isinstance(s, Q.Not) for s in q.subqueries)):
            parts = [self._eval(s) for s in q.subqueries]
            ids = np.concatenate([p[0] for p in parts])
            scores = np.concatenate([p[1] for p in parts])
            ids, inverse = np.unique(ids, return_inverse=True)
            return ids.astype(np.int32), np.bincount(inverse, weights=scores, minlength=len(ids)) * q.boost
        if (isinstance(q, Q.Phrase) and q.slop == 1 and len(q.words) > 1 and self.bm25
                and q.fieldname in self.seg.lengths):
            return self._phrase(q)
        if isinstance(q, Q.Prefix) and self.bm25 and q.fieldname in self.seg.lengths:
            # whoosh ORs the segment's terms with the prefix, each scored as a term
            # (its "constant score" falls back to the searcher's weighting)
            words = [_text(t) for t in self.reader.expand_prefix(q.fieldname, q.text)]
            if len(words) < 2:
                return self._eval(Q.Term(q.fieldname, words[0])) if words else _EMPTY
            return self._eval(Q.Or([Q.Term(q.fieldname, w) for w in words], boost=q.boost))
        if isinstance(q, Q.Not):  # every document but the query's; whoosh scores them 1
            ids = np.setdiff1d(np.arange(self.seg.n, dtype=np.int32), self._eval(q.query)[0], assume_unique=True)
            return ids, np.ones(len(ids))
        if isinstance(q, Q.AndNot):
            ids, scores = self._eval(q.a)
            keep = ~np.isin(ids, self._eval(q.b)[0], assume_unique=True)
            return ids[keep], scores[keep]
        return self._iterate(q)

    def _term(self, q: Q.Term) -> tuple[np.ndarray, np.ndarray]:
        ids, weights = self._postings(q.fieldname, q.text)
        if not len(ids):
            return _EMPTY
        B, K1 = self.bm25
        idf = self.top.idf(q.fieldname, q.text)
        avgfl = self.top.avg_field_length(q.fieldname) or 1
        fl = self.seg.lengths[q.fieldname][ids]
        scores = idf * ((weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * fl / avgfl)))
        return ids, scores * q.boost if q.boost != 1.0 else scores

    def _phrase(self, q: Q.Phrase) -> tuple[np.ndarray, np.ndarray]:
        """Documents where the words stand next to each other in order (whoosh's slop 1),
        scored as whoosh scores a phrase: the sum of its words' scores."""
        terms = [self._term(Q.Term(q.fieldname, w)) for w in q.words]
        ids, scores = terms[0]
        for ids2, scores2 in terms[1:]:
            ids, ia, ib = np.intersect1d(ids, ids2, assume_unique=True, return_indices=True)
            scores = scores[ia] + scores2[ib]
        if not len(ids):
            return _EMPTY
        # (candidate, start) keys: a start p where word k is at p + k for every k
        starts = None
        for k, word in enumerate(q.words):
            offsets, flat = self._positions(q.fieldname, word)
            postings = np.searchsorted(self._postings(q.fieldname, word)[0], ids)
            first, lens = offsets[postings], offsets[postings + 1] - offsets[postings]
            at = np.repeat(first - np.cumsum(lens) + lens, lens) + np.arange(int(lens.sum()))
            keys = (np.repeat(np.arange(len(ids), dtype=np.int64), lens) << 32) + (flat[at].astype(np.int64) - k)
            starts = keys if starts is None else np.intersect1d(starts, keys)
            if not len(starts):
                return _EMPTY
        found = np.unique(starts >> 32)
        return ids[found], scores[found] * q.boost

    def _positions(self, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The positions of a term in each of its postings (offsets per posting, flat)."""
        key = (self.index, self.reader.segment().segment_id(), fieldname, text, "positions")
        hit = POSTINGS.get(key)
        if hit is not None:
            return hit
        m = self.reader.postings(fieldname, self.top.schema[fieldname].to_bytes(text))
        m = m.child if isinstance(m, FilterMatcher) else m
        decode = self.top.schema[fieldname].format.decode_positions
        lists = []
        if all(hasattr(m, a) for a in ("_read_values", "_goto", "_lastblock", "_nextoffset")):
            while m.is_active():
                m._read_values()
                lists += [decode(v) for v in m._values]
                if m._lastblock:
                    break
                m._goto(m._nextoffset)
        else:
            while m.is_active():
                lists.append(decode(m.value()))
                m.next()
        offsets = np.zeros(len(lists) + 1, dtype=np.int64)
        np.cumsum([len(x) for x in lists], out=offsets[1:])
        flat = np.fromiter((p for x in lists for p in x), dtype=np.int32, count=int(offsets[-1]))
        POSTINGS.put(key, (offsets, flat), offsets.nbytes + flat.nbytes + 200)
        return offsets, flat

    def _postings(self, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        key = (self.index, self.reader.segment().segment_id(), fieldname, text)
        hit = POSTINGS.get(key)
        if hit is not None:
            return hit
        btext = self.top.schema[fieldname].to_bytes(text)
        if (fieldname, btext) not in self.reader:
            out = _EMPTY
        else:
            m = self.reader.postings(fieldname, btext)
            out = _read_postings(m.child if isinstance(m, FilterMatcher) else m)
        POSTINGS.put(key, out, out[0].nbytes + out[1].nbytes + 200)
        return out

    def _iterate(self, q: Q.Query) -> tuple[np.ndarray, np.ndarray]:
        """Any other query: whoosh's own matcher, every match with its score."""
        m = q.matcher(self.sub, self.context)
        ids: list[int] = []
        scores: list[float] = []
        while m.is_active():
            ids.append(m.id())
            scores.append(m.score())
            m.next()
        order = np.argsort(np.asarray(ids, dtype=np.int32), kind="stable")
        return np.asarray(ids, dtype=np.int32)[order], np.asarray(scores, dtype=np.float64)[order]


def _read_postings(m) -> tuple[np.ndarray, np.ndarray]:  # noqa: ANN001
    """All the (document, weight) postings of a leaf matcher, a block at a time where it
    is whoosh 3's block reader (pinned version) or postings kept in the term table (a
    ListMatcher, see whoosh_backend._PostingsWriter), else a posting at a time."""
    if type(m) is ListMatcher and m._i == 0:
        ids_ = np.asarray(m._ids, dtype=np.int32)
        if m._all_weights or not m._weights:  # ListMatcher.weight's order
            return ids_, np.full(len(ids_), float(m._all_weights or 1.0))
        return ids_, np.asarray(m._weights, dtype=np.float64)
    ids: list = []
    weights: list = []
    if all(hasattr(m, a) for a in ("_read_ids", "_read_weights", "_goto", "_lastblock", "_nextoffset")):
        while m.is_active():
            m._read_ids()
            m._read_weights()
            ids.append(np.asarray(m._ids, dtype=np.int32))
            weights.append(np.asarray(m._weights, dtype=np.float64))
            if m._lastblock:
                break
            m._goto(m._nextoffset)
        if ids:
            return np.concatenate(ids), np.concatenate(weights)
        return _EMPTY
    while m.is_active():
        ids.append(m.id())
        weights.append(m.weight())
        m.next()
    return np.asarray(ids, dtype=np.int32), np.asarray(weights, dtype=np.float64)


def positive_terms(q: Q.Query, reader) -> list[str]:  # noqa: ANN001
    """The body and title terms a match can have matched (not those under NOT), prefixes
    expanded: what the snippet marks."""
    out: list[str] = []
    if isinstance(q, Q.Not):
        return out
    if isinstance(q, Q.AndNot):
        return positive_terms(q.a, reader)
    subs = [] if q.is_leaf() else list(q.children())
    if subs:
        for s in subs:
            out += positive_terms(s, reader)
        return list(dict.fromkeys(out))
    for fname, text in q.existing_terms(reader, phrases=True, expand=True):
        if fname in TEXT_FIELDS:
            out.append(text.decode("utf-8") if isinstance(text, bytes) else text)
    return list(dict.fromkeys(out))
