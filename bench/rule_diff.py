"""What a change to the NLP rules does on text no rule was written on: run the rule pipeline of two trees
over the same documents and diff entities (span, type) and relations (type, head, tail) per document.

    bench/rule_diff.py --base /tmp/base_tree                  # Wikinews + 300 Assembly speeches, counts
    bench/rule_diff.py --base /tmp/base_tree --jsonl pages.jsonl --show --kind relations
    bench/rule_diff.py --base /tmp/base_tree --jsonl diag/dev5.jsonl   # a gold dev file: counts only

`--base` is a checkout of the tree before (e.g. `git worktree add /tmp/base de33ad2`); `--new` defaults to
this repository. Each tree runs in its own process (both are the package `ingest`), the default rule
pipeline (no trained NER), with each document's date. Input: the 644 Korean Wikinews articles
(`--wikinews N`), committee speeches of the Assembly (`--speeches N`, every k-th speech of ≥ 150 chars),
and JSON Lines files of `{"id", "date", "text"|"body"}` (`--jsonl`). Why precision matters: on unseen
text a misfiring rule costs as much F1 as a missed relation, and only unlabelled text shows what a rule
does where nobody looked.

Gold discipline (issue #20): the test halves (`ingest/nlp/gold/test.*`, `gold/real/test.*`) and the
reserves real-dev-133 … 152 (and 113 … 132, whose even ids are still scored only as a whole) are refused; a document that carries annotations (a gold file) is counted but
never shown (`--show` prints changed items of unlabelled text only).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KG_SHARED_DATA", ROOT.parent / "shared" / "data"))
if not SHARED.exists():
    SHARED = Path("/work/shared/data")
WIKINEWS = SHARED / "ko-wikinews" / "ko_wikinews.jsonl"
SPEECHES = SHARED / "assembly-kr" / "speeches_22_science_ict.jsonl.gz"
RESERVED = frozenset(f"real-dev-{n}" for n in range(113, 153))  # the unseen-text reserves (133 … 152, and 113 … 132 before it)
CACHE = Path(os.environ.get("RULE_DIFF_CACHE", "/tmp/rule_diff_cache"))


class Refused(SystemExit):
    """A reserved or test document was asked for."""


def refuse_path(path: Path) -> None:
    """The test halves are only scored (kg eval), never diffed or shown."""
    parts = path.resolve().parts
    if path.name.startswith("test.") and "gold" in parts:
        raise Refused(f"거부: {path} 는 시험(test) 절반입니다 [refused: a gold test half is only scored]")


def refuse_doc(doc_id: str) -> None:
    if doc_id in RESERVED or doc_id.startswith(("test-", "real-test")):
        raise Refused(f"거부: {doc_id} 는 예약 문서입니다 [refused: reserved or test document]")


def wikinews(n: int) -> Iterator[dict[str, Any]]:
    with WIKINEWS.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= n:
                break
            row = json.loads(line)
            yield {"id": row["id"], "date": row.get("date"), "text": row["body"], "labelled": False}


def speeches(n: int, step: int = 15) -> Iterator[dict[str, Any]]:
    """Every `step`-th speech of at least 150 characters: spread over the 43 meeting days."""
    if n <= 0:
        return
    with gzip.open(SPEECHES, "rt", encoding="utf-8") as f:
        k = taken = 0
        for i, line in enumerate(f):
            row = json.loads(line)
            if len(row["speech"]) < 150:
                continue
            k += 1
            if k % step:
                continue
            yield {"id": f"speech-{i}", "date": row["date"], "text": row["speech"], "labelled": False}
            taken += 1
            if taken >= n:
                return


def jsonl(path: Path) -> Iterator[dict[str, Any]]:
    refuse_path(path)
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            doc_id = str(row.get("id", ""))
            refuse_doc(doc_id)
            labelled = "entities" in row or "relations" in row
            yield {"id": doc_id, "date": row.get("date"), "text": row.get("text") or row.get("body", ""),
                   "labelled": labelled}


# ---- the worker: run inside one tree's process ---------------------------------------------------

def dump(inp: Path, out: Path) -> None:
    """Extract every document of `inp` with the tree on PYTHONPATH; entities and relations per line."""
    from ingest.nlp.pipeline import extract_many

    docs = [json.loads(line) for line in inp.open(encoding="utf-8")]
    with out.open("w", encoding="utf-8") as f:
        for d, ex in zip(docs, extract_many((d["text"], d["date"]) for d in docs)):
            ents = [[e.start, e.end, e.type] for e in ex.entities]
            rels = []
            for r in ex.relations:
                h, t = ex.entities[r.head], ex.entities[r.tail]
                rels.append([r.type, h.text, t.text, h.start, t.start, h.canonical, t.canonical])
            f.write(json.dumps({"id": d["id"], "ents": ents, "rels": rels}, ensure_ascii=False) + "\n")


def run_tree(tree: Path, docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The tree's extractions of `docs`, cached by the tree's commit, its uncommitted diff and the input."""
    payload = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=tree, capture_output=True, text=True).stdout
    diff = subprocess.run(["git", "diff", "HEAD", "--", "ingest"], cwd=tree, capture_output=True,
                          text=True).stdout
    tool = Path(__file__).read_bytes().decode()  # a new dump format is a new cache
    key = hashlib.sha1((head + diff + tool + payload).encode()).hexdigest()[:16]
    CACHE.mkdir(parents=True, exist_ok=True)
    out = CACHE / f"{key}.jsonl"
    if not out.exists():
        inp = CACHE / f"{key}.in.jsonl"
        inp.write_text(payload, encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(tree))
        tmp = out.with_suffix(".part")
        subprocess.run([sys.executable, str(Path(__file__).resolve()), "--dump", str(inp), str(tmp)],
                       cwd=tree, env=env, check=True)
        tmp.rename(out)
    return {row["id"]: row for row in map(json.loads, out.open(encoding="utf-8"))}


# ---- the diff ------------------------------------------------------------------------------------

def sentence_at(text: str, pos: int, end: int | None = None, width: int = 60) -> str:
    """The line around `pos`, cut to `width` characters either side; a span [pos, end) is bracketed."""
    start = max(text.rfind("\n", 0, pos) + 1, pos - width)
    stop = text.find("\n", pos)
    stop = min(stop if stop >= 0 else len(text), (end or pos) + width)
    if end is None:
        return re.sub(r"\s+", " ", text[start:stop])
    return re.sub(r"\s+", " ", f"{text[start:pos]}⟦{text[pos:end]}⟧{text[end:stop]}")


def diff(docs: list[dict[str, Any]], old: dict, new: dict) -> tuple[Counter, list[tuple]]:
    counts: Counter = Counter()
    items: list[tuple] = []
    for d in docs:
        a, b = old[d["id"]], new[d["id"]]
        text, src = d["text"], d["id"].split("-")[0]
        ea = {tuple(e) for e in a["ents"]}
        eb = {tuple(e) for e in b["ents"]}
        spans_a = {(s, e) for s, e, _ in ea}
        spans_b = {(s, e) for s, e, _ in eb}
        for sign, only, other in (("+", eb - ea, spans_a), ("-", ea - eb, spans_b)):
            for s, e, typ in sorted(only):
                counts["entities", sign, typ] += 1
                note = "retyped" if (s, e) in other else ""
                if not d["labelled"]:
                    items.append(("entities", sign, typ, d["id"], f"{text[s:e]} {note}".strip(),
                                  sentence_at(text, s, e)))
        ra = {tuple(r[:3]): r for r in a["rels"]}
        rb = {tuple(r[:3]): r for r in b["rels"]}
        for sign, keys, src_rels in (("+", rb.keys() - ra.keys(), rb), ("-", ra.keys() - rb.keys(), ra)):
            for k in sorted(keys):
                counts["relations", sign, k[0]] += 1
                if not d["labelled"]:
                    r = src_rels[k]
                    lo, hi = sorted((r[3], r[4]))
                    names = f"{k[1]} → {k[2]}"
                    if len(r) > 6 and (r[5] or r[6]):
                        names += f"  ({r[5] or k[1]} → {r[6] or k[2]})"
                    items.append(("relations", sign, k[0], d["id"], names,
                                  sentence_at(text, lo, width=60) + " … " + sentence_at(text, hi, width=40)
                                  if hi - lo > 100 else sentence_at(text, lo, hi + len(k[2]))))
        counts["docs", src, "changed" if (ea != eb or ra.keys() != rb.keys()) else "same"] += 1
    return counts, items


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dump", nargs=2, metavar=("IN", "OUT"), help=argparse.SUPPRESS)
    ap.add_argument("--base", type=Path, help="the tree before (a read-only checkout)")
    ap.add_argument("--new", type=Path, default=ROOT, help="the tree after (default: this one)")
    ap.add_argument("--wikinews", type=int, default=644, help="first N Wikinews articles (0: none)")
    ap.add_argument("--speeches", type=int, default=300, help="N Assembly committee speeches (0: none)")
    ap.add_argument("--jsonl", type=Path, nargs="*", default=[], help='files of {"id","date","text"}')
    ap.add_argument("--show", action="store_true", help="print the changed items (unlabelled text only)")
    ap.add_argument("--kind", choices=("entities", "relations"), help="show only this kind")
    ap.add_argument("--sample", type=int, help="show at most N items per kind and sign, drawn at random")
    args = ap.parse_args(argv)
    if args.dump:
        dump(Path(args.dump[0]), Path(args.dump[1]))
        return 0
    if args.base is None:
        ap.error("--base is required")
    docs = list(wikinews(args.wikinews)) + list(speeches(args.speeches))
    for p in args.jsonl:
        docs += list(jsonl(p))
    strip = [{k: d[k] for k in ("id", "date", "text")} for d in docs]
    old, new = run_tree(args.base.resolve(), strip), run_tree(args.new.resolve(), strip)
    counts, items = diff(docs, old, new)
    srcs = sorted({k[1] for k in counts if k[0] == "docs"})
    print("documents changed / read: " + ", ".join(
        f"{s} {counts['docs', s, 'changed']}/{counts['docs', s, 'changed'] + counts['docs', s, 'same']}"
        for s in srcs))
    for kind in ("entities", "relations"):
        types = sorted({k[2] for k in counts if k[0] == kind})
        print(f"{kind}: added {sum(counts[kind, '+', t] for t in types)}, "
              f"removed {sum(counts[kind, '-', t] for t in types)}")
        for t in types:
            print(f"  {t:18} +{counts[kind, '+', t]:<4} -{counts[kind, '-', t]}")
    if args.show:
        rng = random.Random(0)
        for kind in ("entities", "relations"):
            if args.kind and kind != args.kind:
                continue
            for sign in "+-":
                chosen = [it for it in items if it[0] == kind and it[1] == sign]
                if args.sample and len(chosen) > args.sample:
                    chosen = sorted(rng.sample(chosen, args.sample), key=items.index)
                for it in chosen:
                    print(f"{it[1]} {it[2]:16} {it[3]:18} {it[4]}  | {it[5]}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Refused as e:
        print(e.code, file=sys.stderr)
        sys.exit(2)
