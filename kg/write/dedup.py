"""Near-duplicate documents: the same wire story published by several outlets.

Each document's normalised text (NFKC, lower case, letters and digits only: spacing,
punctuation and quotes differ between outlets) is cut into character 5-grams; a MinHash
signature of PERMS values estimates the Jaccard similarity of two such sets, and an LSH
index (BANDS bands of ROWS values) finds the candidates without comparing every pair.
A candidate whose estimated similarity reaches THRESHOLD makes the new document a near
duplicate of that candidate's original (clusters are stars around the first-ingested
copy). The duplicate is still stored and indexed, flagged `kgo:nearDuplicateOf`.

The LSH index is a small SQLite file in DATA_DIR (dedup.sqlite). The pipeline writes a
document's row before its graph and index entry and drops rows of documents that never
made it into both (kg.pipeline.reconcile), so after a crash the file never names a
document the store lacks for long.

Short texts (under MIN_CHARS normalised characters) and structured records (documents
with `facts`, e.g. bills whose one-sentence texts differ only in a name and a date) are
never flagged: their similarity says nothing about being the same story.
"""
from __future__ import annotations

import hashlib
import sqlite3
import threading
import unicodedata
from pathlib import Path
from contextlib import contextmanager
from typing import Any, Iterable, Iterator

import numpy as np

SHINGLE = 5
PERMS = 128
BANDS, ROWS = 32, 4          # P(candidate) = 1-(1-J^4)^32: 0.9999 at J=0.8, 0.87 at J=0.5
THRESHOLD = 0.8
MIN_CHARS = 200
DB_NAME = "dedup.sqlite"
_BLOCK = 4096                 # shingles hashed at a time (bounds memory on long texts)
_M1, _M2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
_SEEDS = np.random.default_rng(20240307).integers(1, 2**63, size=PERMS, dtype=np.int64).astype(np.uint64)
_POW = np.array([pow(1_000_003, k, 2**64) for k in range(SHINGLE - 1, -1, -1)], dtype=np.uint64)
assert BANDS * ROWS == PERMS


def normalise(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in t if c.isalnum())


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: a bijection on 64-bit values that scatters every bit."""
    x = x ^ (x >> np.uint64(30))
    x = x * _M1
    x = x ^ (x >> np.uint64(27))
    x = x * _M2
    return x ^ (x >> np.uint64(31))


def _mix_inplace(x: np.ndarray) -> np.ndarray:
    """_mix over a big block, in place (no temporary per step: a third faster)."""
    t = np.empty_like(x)
    np.right_shift(x, np.uint64(30), out=t)
    x ^= t
    x *= _M1
    np.right_shift(x, np.uint64(27), out=t)
    x ^= t
    x *= _M2
    np.right_shift(x, np.uint64(31), out=t)
    x ^= t
    return x


def signature(text: str) -> np.ndarray | None:
    """MinHash signature (PERMS uint64) of the text's 5-grams, or None for a short text."""
    norm = normalise(text)
    if len(norm) < MIN_CHARS:
        return None
    codes = np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(codes) - SHINGLE + 1
    with np.errstate(over="ignore"):
        grams = codes[:n] * _POW[0]  # wraps mod 2^64: fine for a hash
        for k in range(1, SHINGLE):
            grams += codes[k:k + n] * _POW[k]
        # a repeated 5-gram is hashed twice, which leaves each minimum as it is (cheaper than np.unique)
        hashes = _mix(grams)
        sig = np.full(PERMS, np.iinfo(np.uint64).max, dtype=np.uint64)
        for i in range(0, len(hashes), _BLOCK):
            x = np.bitwise_xor(hashes[i:i + _BLOCK, None], _SEEDS[None, :])
            np.minimum(sig, _mix_inplace(x).min(axis=0), out=sig)
    return sig


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two signatures' shingle sets."""
    return float(np.count_nonzero(a == b)) / PERMS


_PAIRS = ", ".join(["(?, ?)"] * BANDS)


def _bands(sig: np.ndarray) -> list[int]:
    out = []
    for b in range(BANDS):
        digest = hashlib.blake2b(sig[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return out


class DedupIndex:
    """The on-disk LSH index (one writer: the ingesting process)."""

    def __init__(self, data_dir: Path | str) -> None:
        self.path = Path(data_dir) / DB_NAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._batch = False
        self.db = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")  # WAL: survives a killed process
        self.db.executescript("""
            CREATE TABLE IF NOT EXISTS docs (seq INTEGER PRIMARY KEY AUTOINCREMENT, iri TEXT UNIQUE NOT NULL,
                                             key TEXT, dup_of TEXT, sig BLOB);
            CREATE TABLE IF NOT EXISTS bands (band INTEGER NOT NULL, hash INTEGER NOT NULL, iri TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS bands_hash ON bands (band, hash);
            CREATE INDEX IF NOT EXISTS bands_iri ON bands (iri);
            CREATE INDEX IF NOT EXISTS docs_dup ON docs (dup_of);
        """)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "DedupIndex":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- looking up ----------------------------------------------------------------------
    def find(self, sig: np.ndarray | None, exclude: Iterable[str] = ()) -> tuple[str, float] | None:
        """(original IRI, similarity) of the most similar stored document at or above
        THRESHOLD, or None. The original is the root of that document's cluster."""
        if sig is None:
            return None
        skip = set(exclude)
        with self._lock:
            pairs = [v for b, h in enumerate(_bands(sig)) for v in (b, h)]
            cands: set[str] = {r[0] for r in self.db.execute(  # one query for all bands, by the index
                f"SELECT b.iri FROM (VALUES {_PAIRS}) AS v CROSS JOIN bands AS b "
                "ON b.band = v.column1 AND b.hash = v.column2", pairs)}
            best: tuple[str, float] | None = None
            for iri in sorted(cands - skip):
                row = self.db.execute("SELECT sig, dup_of FROM docs WHERE iri = ?", (iri,)).fetchone()
                if row is None or row[0] is None:
                    continue
                sim = similarity(sig, np.frombuffer(row[0], dtype=np.uint64))
                if sim >= THRESHOLD and (best is None or sim > best[1]):
                    root = row[1] if row[1] and row[1] not in skip else iri
                    best = (root, sim)
            return best

    def iris(self) -> set[str]:
        with self._lock:
            return {r[0] for r in self.db.execute("SELECT iri FROM docs")}

    def duplicates_of(self, iri: str) -> list[str]:
        """The documents flagged as near duplicates of `iri`, in ingest order."""
        with self._lock:
            return [r[0] for r in self.db.execute("SELECT iri FROM docs WHERE dup_of = ? ORDER BY seq", (iri,))]

    def dangling(self) -> list[tuple[str, str]]:
        """(duplicate, original) pairs whose original is no longer indexed."""
        with self._lock:
            return [(r[0], r[1]) for r in self.db.execute(
                "SELECT iri, dup_of FROM docs WHERE dup_of IS NOT NULL AND dup_of NOT IN (SELECT iri FROM docs)")]

    def get(self, iri: str) -> dict[str, Any] | None:
        with self._lock:
            row = self.db.execute("SELECT key, dup_of, sig FROM docs WHERE iri = ?", (iri,)).fetchone()
        if row is None:
            return None
        return {"key": row[0], "dup_of": row[1],
                "sig": np.frombuffer(row[2], dtype=np.uint64) if row[2] is not None else None}

    def count(self) -> tuple[int, int]:
        """(documents, near duplicates)."""
        with self._lock:
            n, d = self.db.execute("SELECT COUNT(*), COUNT(dup_of) FROM docs").fetchone()
        return int(n), int(d)

    # -- writing -------------------------------------------------------------------------
    def add(self, rows: Iterable[tuple[str, str, np.ndarray | None, str | None]]) -> None:
        """Add or replace (iri, key, signature, duplicate_of) rows, in one transaction."""
        with self._lock, self._tx():
            for iri, key, sig, dup_of in rows:
                self.db.execute("DELETE FROM bands WHERE iri = ?", (iri,))
                self.db.execute("DELETE FROM docs WHERE iri = ?", (iri,))
                self.db.execute("INSERT INTO docs (iri, key, dup_of, sig) VALUES (?, ?, ?, ?)",
                                (iri, key, dup_of, sig.tobytes() if sig is not None else None))
                if sig is not None:
                    self.db.executemany("INSERT INTO bands (band, hash, iri) VALUES (?, ?, ?)",
                                        [(b, h, iri) for b, h in enumerate(_bands(sig))])

    def remove(self, iris: Iterable[str]) -> None:
        with self._lock, self._tx():
            for iri in iris:
                self.db.execute("DELETE FROM bands WHERE iri = ?", (iri,))
                self.db.execute("DELETE FROM docs WHERE iri = ?", (iri,))

    def set_original(self, iri: str, dup_of: str | None) -> None:
        with self._lock, self._tx():
            self.db.execute("UPDATE docs SET dup_of = ? WHERE iri = ?", (dup_of, iri))

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction for every add and remove inside (an ingest chunk): a commit
        per document was most of the near-duplicate stage's time. Reads inside see the
        rows added before them."""
        if self._batch:  # inside another batch: that one commits
            yield
            return
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            self._batch = True
        try:
            yield
        except BaseException:
            with self._lock:
                self._batch = False
                self.db.execute("ROLLBACK")
            raise
        with self._lock:
            self._batch = False
            self.db.execute("COMMIT")

    def _tx(self) -> Any:
        db, outer = self.db, self._batch

        class _Tx:
            def __enter__(self) -> None:
                if not outer:
                    db.execute("BEGIN IMMEDIATE")

            def __exit__(self, exc_type: object, *rest: object) -> None:
                if not outer:
                    db.execute("ROLLBACK" if exc_type else "COMMIT")

        return _Tx()


def count_unique(store: Any) -> tuple[int, int]:
    """(documents, of which near duplicates), from the graph store: `kg stats` counts
    the unique ones (documents minus duplicates)."""
    from ontology.namespace import KGO  # noqa: PLC0415

    rows = store.select(f"""SELECT (COUNT(DISTINCT ?d) AS ?n) (COUNT(DISTINCT ?dup) AS ?m) WHERE {{
        GRAPH ?d {{ ?d a <{KGO.Document}> . OPTIONAL {{ ?d <{KGO.nearDuplicateOf}> ?o . BIND(?d AS ?dup) }} }} }}""")
    if not rows:
        return 0, 0
    return int(rows[0].get("n", 0)), int(rows[0].get("m", 0))
