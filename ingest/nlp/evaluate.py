"""Score the extraction pipeline against hand-annotated gold documents (`kg eval`).

Gold files are JSON Lines in the `kg extract` format plus the text, one document a line:

    {"id": "dev-01", "date": "2024-03-07", "text": "산업부는 7일 'AI 자율제조 전략'을 발표했다.",
     "entities": [{"start": 0, "end": 3, "type": "MINISTRY", "text": "산업부", "canonical": "산업통상자원부"},
                  {"start": 5, "end": 7, "type": "DATE", "text": "7일", "value": "2024-03-07"},
                  {"start": 9, "end": 19, "type": "INITIATIVE", "text": "AI 자율제조 전략", "id": "plan"}],
     "relations": [{"type": "ANNOUNCES", "head": 0, "tail": "plan"}]}

- `text` (required) and `date` (YYYY-MM-DD, optional: anchors '7일', '올해 상반기').
- `entities[*]`: character offsets `start`/`end` (end exclusive) and `type` (one of
  core.model.ENTITY_TYPES) are required; `text`, when given, must equal
  text[start:end] (a check on the offsets); `canonical` and `value` are optional and,
  when given, are scored as linking / normalisation accuracy over matched mentions;
  `id` is an optional name for relations to refer to. Spans may not overlap: the
  pipeline's output is flat, so nested gold spans could never be matched.
- `relations[*]`: `type` (core.model.RELATION_TYPES), `head` and `tail`: an index into
  `entities` (as `kg extract` writes them) or an entity `id`.

Scoring is exact: an entity counts when start, end and type all match (a right span with
the wrong type, or a span one character off, is one false positive plus one false
negative); a relation counts when its type and both argument spans and types match.
Why exact: the graph keys nodes on the surface name, so '산업부 장관' for '산업부' is a
wrong node, not half a right one. Micro F1 pools all mentions; macro F1 averages the
per-type F1 of the types that occur in gold.
"""
# Over 400 lines, kept whole: gold loading, scoring and the report of `kg eval` share one data model (GoldDoc, the scores).
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from core.model import ENTITY_TYPES, RELATION_TYPES, Entity, Extraction, Relation
from core.errors import GoldError

Span = tuple[int, int, str]                      # (start, end, type)
RelKey = tuple[str, Span, Span]                  # (type, head span, tail span)
MAX_ERRORS = 20                                  # malformed-input problems reported at once


@dataclass
class GoldDoc:
    """One gold document; `line` is its line number in the gold file (for messages)."""

    id: str
    text: str
    date: str | None
    entities: list[Entity]
    relations: list[Relation]
    line: int = 0


# --- reading gold ---------------------------------------------------------------------

def load_gold(path: Path | str) -> list[GoldDoc]:
    """Parse a gold JSON Lines file; GoldError lists every malformed line (up to 20),
    each as "PATH: N행: 한국어 (English)" like the loaders' errors."""
    p = Path(path)
    return parse_gold(_read_lines(p), str(p))


def _read_lines(p: Path) -> list[str]:
    try:
        return p.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as e:
        raise GoldError(f"{p}: UTF-8 텍스트로 읽을 수 없습니다. UTF-8로 저장하세요 (cannot read: {e})") from None
    except OSError as e:
        raise GoldError(f"{p}: 파일을 읽을 수 없습니다 (cannot read: {e})") from None


def parse_gold(lines: Iterable[str], source: str = "<gold>") -> list[GoldDoc]:
    docs: list[GoldDoc] = []
    problems: list[str] = []
    ids: dict[str, int] = {}
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = _parse_line(line, lineno)
        except GoldError as e:
            problems.append(f"{source}: {lineno}행: {e}")
            continue
        if doc.id in ids:
            problems.append(f"{source}: {lineno}행: 중복된 문서 id {doc.id!r}: {ids[doc.id]}행에 먼저 있습니다. id를 "
                            f"바꾸세요 (duplicate document id {doc.id!r}, first on line {ids[doc.id]})")
        ids.setdefault(doc.id, lineno)
        docs.append(doc)
    if problems:
        extra = len(problems) - MAX_ERRORS
        more = f"\n… 외 {extra}건 (and {extra} more)" if extra > 0 else ""
        raise GoldError("정답(gold) 데이터에 잘못된 줄이 있습니다 (malformed gold data):\n"
                        + "\n".join(problems[:MAX_ERRORS]) + more)
    if not docs:
        raise GoldError(f"{source}: 정답 문서가 없습니다. 한 줄에 문서 하나를 JSON 객체로 쓰세요 (no gold documents)")
    return docs


def _parse_line(line: str, lineno: int) -> GoldDoc:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise GoldError(f"올바른 JSON이 아닙니다: {e.colno}열 (not valid JSON: {e.msg} at column {e.colno})") from None
    if not isinstance(obj, dict):
        raise GoldError("JSON 객체가 아닙니다. 한 줄에 문서 하나를 {…} 객체로 쓰세요 (a line must be a JSON object)")
    text = obj.get("text")
    if not isinstance(text, str):
        raise GoldError('"text"가 없거나 문자열이 아닙니다. 문서의 본문을 문자열로 쓰세요 (missing or non-string "text")')
    date = obj.get("date")
    if date is not None and not isinstance(date, str):
        raise GoldError('"date"는 YYYY-MM-DD 형식의 문자열이어야 합니다 ("date" must be a string, YYYY-MM-DD)')
    doc_id = obj.get("id", f"line-{lineno}")
    if not isinstance(doc_id, (str, int)):
        raise GoldError('"id"는 문자열이어야 합니다 ("id" must be a string)')
    ents_in, rels_in = obj.get("entities", []), obj.get("relations", [])
    if not isinstance(ents_in, list) or not isinstance(rels_in, list):
        raise GoldError('"entities"와 "relations"는 목록([…])이어야 합니다 ("entities" and "relations" must be lists)')
    entities: list[Entity] = []
    names: dict[str, int] = {}
    for i, e in enumerate(ents_in):
        entities.append(_entity(e, i, text))
        if isinstance(e.get("id"), str):
            if e["id"] in names:
                raise GoldError(f"entities[{i}]: 중복된 개체 id {e['id']!r}: entities[{names[e['id']]}]에 먼저 "
                                f"있습니다 (duplicate entity id {e['id']!r})")
            names[e["id"]] = i
    order = sorted(range(len(entities)), key=lambda i: entities[i].start)
    for a, b in zip(order, order[1:]):
        if entities[b].start < entities[a].end:
            raise GoldError(f"두 개체의 구간이 겹칩니다: entities[{a}] {entities[a].text!r}, entities[{b}] "
                            f"{entities[b].text!r}. 파이프라인의 출력은 겹치지 않으니 하나만 남기세요 "
                            f"(entities[{a}] {entities[a].text!r} and entities[{b}] {entities[b].text!r} overlap)")
    relations = [_relation(r, i, entities, names) for i, r in enumerate(rels_in)]
    return GoldDoc(str(doc_id), text, date, entities, relations, lineno)


def _entity(e: Any, i: int, text: str) -> Entity:
    where = f"entities[{i}]"
    if not isinstance(e, dict):
        raise GoldError(f"{where}: JSON 객체여야 합니다 (must be an object)")
    start, end, typ = e.get("start"), e.get("end"), e.get("type")
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        raise GoldError(f'{where}: "start"와 "end"는 정수여야 합니다 ("start" and "end" must be integers)')
    if not 0 <= start < end <= len(text):
        raise GoldError(f"{where}: 구간 {start}–{end}: 비었거나 본문(길이 {len(text)})을 벗어납니다. end는 start보다 커야 "
                        f"합니다 (span {start}–{end} is empty or outside the text, length {len(text)})")
    if typ not in ENTITY_TYPES:
        raise GoldError(f"{where}: 알 수 없는 유형입니다: {typ!r}. 다음 가운데 하나를 쓰세요: {', '.join(ENTITY_TYPES)} "
                        f"(unknown type {typ!r})")
    surface = text[start:end]
    if "text" in e and e["text"] != surface:
        raise GoldError(f'{where}: "text"가 {e["text"]!r}인데 본문의 text[{start}:{end}]는 {surface!r}입니다. '
                        f'start와 end를 확인하세요 ("text" is {e["text"]!r} but text[{start}:{end}] is {surface!r})')
    for k in ("canonical", "value"):
        if e.get(k) is not None and not isinstance(e[k], str):
            raise GoldError(f'{where}: "{k}"는 문자열이어야 합니다 ("{k}" must be a string)')
    return Entity(start, end, surface, typ, canonical=e.get("canonical"), value=e.get("value"))


def _relation(r: Any, i: int, entities: list[Entity], names: dict[str, int]) -> Relation:
    where = f"relations[{i}]"
    if not isinstance(r, dict):
        raise GoldError(f"{where}: JSON 객체여야 합니다 (must be an object)")
    if r.get("type") not in RELATION_TYPES:
        raise GoldError(f"{where}: 알 수 없는 관계 유형입니다: {r.get('type')!r}. 다음 가운데 하나를 쓰세요: "
                        f"{', '.join(RELATION_TYPES)} (unknown type {r.get('type')!r})")
    ends = []
    for k in ("head", "tail"):
        ref = r.get(k)
        if isinstance(ref, int) and not isinstance(ref, bool):
            if not 0 <= ref < len(entities):
                raise GoldError(f"{where}: {k}의 번호 {ref}에 해당하는 개체가 없습니다. entities의 번호는 "
                                f"0–{len(entities) - 1}입니다 ({k} {ref} is not an index into entities "
                                f"(0–{len(entities) - 1}))")
            ends.append(ref)
        elif isinstance(ref, str) and ref in names:
            ends.append(names[ref])
        else:
            raise GoldError(f"{where}: {k}의 값 {ref!r}: 개체 번호도 개체 id도 아닙니다. entities의 번호나 개체에 붙인 "
                            f"\"id\"를 쓰세요 ({k} {ref!r} is neither an entity index nor an entity id)")
    if ends[0] == ends[1]:
        raise GoldError(f"{where}: head와 tail이 같은 개체입니다 (head and tail are the same entity)")
    return Relation(r["type"], ends[0], ends[1])


# --- scoring --------------------------------------------------------------------------

@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f, 4), "tp": self.tp, "fp": self.fp,
                "fn": self.fn, "gold": self.tp + self.fn, "pred": self.tp + self.fp}


@dataclass
class Miss:
    """One false positive or negative, with where it is, for `--errors`."""

    doc: str
    kind: str          # "FP" or "FN"
    what: str          # entity type, or relation type
    text: str          # the mention, or "head → tail" for a relation
    context: str       # the text around it, the mention in ⟦ ⟧
    note: str = ""     # e.g. the overlapping prediction for a missed gold span

    def to_json(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}


@dataclass
class Report:
    documents: int = 0
    entities: dict[str, Counts] = field(default_factory=dict)
    relations: dict[str, Counts] = field(default_factory=dict)
    # per document, as sets of (type, head name, tail name): any mention of the right entity counts
    relations_by_name: dict[str, Counts] = field(default_factory=dict)
    canonical: Counts = field(default_factory=Counts)  # tp: right canonical of a matched mention
    value: Counts = field(default_factory=Counts)      # tp: right normalised value of a matched DATE/TIME
    misses: list[Miss] = field(default_factory=list)

    @staticmethod
    def _total(table: dict[str, Counts]) -> Counts:
        return Counts(sum(c.tp for c in table.values()), sum(c.fp for c in table.values()),
                      sum(c.fn for c in table.values()))

    @property
    def entity_micro(self) -> Counts:
        return self._total(self.entities)

    @property
    def entity_macro_f1(self) -> float:
        """Mean F1 of the types that occur in gold (a type only predicted has no recall)."""
        scored = [c.f for c in self.entities.values() if c.tp + c.fn]
        return sum(scored) / len(scored) if scored else 0.0

    @property
    def relation_micro(self) -> Counts:
        return self._total(self.relations)

    @property
    def relation_by_name_micro(self) -> Counts:
        return self._total(self.relations_by_name)

    def to_json(self, errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "documents": self.documents,
            "entities": {t: c.to_json() for t, c in self.entities.items()},
            "entity_micro": self.entity_micro.to_json(),
            "entity_macro_f1": round(self.entity_macro_f1, 4),
            "relations": {t: c.to_json() for t, c in self.relations.items()},
            "relation_micro": self.relation_micro.to_json(),
            "relations_by_name": {t: c.to_json() for t, c in self.relations_by_name.items()},
            "relation_by_name_micro": self.relation_by_name_micro.to_json(),
            "canonical_accuracy": _accuracy(self.canonical),
            "value_accuracy": _accuracy(self.value),
        }
        if errors:
            out["errors"] = [m.to_json() for m in self.misses]
        return out


def _accuracy(c: Counts) -> dict[str, Any]:
    n = c.tp + c.fn
    return {"accuracy": round(c.tp / n, 4) if n else None, "right": c.tp, "scored": n}


def _spans(ents: list[Entity], types: frozenset[str] | None) -> dict[Span, Entity]:
    return {(e.start, e.end, e.type): e for e in ents if types is None or e.type in types}


def _rels(ents: list[Entity], rels: list[Relation]) -> set[RelKey]:
    out = set()
    for r in rels:
        if 0 <= r.head < len(ents) and 0 <= r.tail < len(ents):
            h, t = ents[r.head], ents[r.tail]
            out.add((r.type, (h.start, h.end, h.type), (t.start, t.end, t.type)))
    return out


_DISAMBIGUATION = re.compile(r" \((?:[^()]+, )?[\d–-]+\)$")


def _name(e: Entity) -> str:
    """What a relation's argument is called, whichever mention names it: the canonical
    name, a date's value, else the words."""
    if e.type in ("DATE", "TIME") and e.value:
        return e.value
    # '간담회 (산업통상자원부, 2024-03-07)', '재정경제부 (1998–2008)': the linker's disambiguation is no part of the name
    return _DISAMBIGUATION.sub("", " ".join((e.canonical or e.text or "").split()))


def _named_rels(ents: list[Entity], rels: list[Relation],
                names: dict[Span, str] | None = None) -> set[tuple[str, str, str]]:
    """`names`: the gold's name of each gold span, used for a predicted mention of the
    same span (so the two name a mention alike); other mentions by their own name."""
    def name(e: Entity) -> str:
        return (names or {}).get((e.start, e.end, e.type)) or _name(e)

    return {(r.type, name(ents[r.head]), name(ents[r.tail])) for r in rels
            if 0 <= r.head < len(ents) and 0 <= r.tail < len(ents)}


def score(gold: list[GoldDoc], pred: list[Extraction], types: Iterable[str] | None = None) -> Report:
    """Compare predictions with gold, document by document (same order, same length).
    `types` limits entity scoring to those types (relations are always scored in full)."""
    if len(gold) != len(pred):
        raise GoldError(f"정답 문서는 {len(gold)}건인데 예측은 {len(pred)}건입니다 "
                        f"({len(gold)} gold documents but {len(pred)} predictions)")
    only = frozenset(types) if types else None
    rep = Report(documents=len(gold))
    for t in ENTITY_TYPES:
        if only is None or t in only:
            rep.entities[t] = Counts()
    for t in RELATION_TYPES:
        rep.relations[t] = Counts()
        rep.relations_by_name[t] = Counts()
    for g, p in zip(gold, pred):
        gs, ps = _spans(g.entities, only), _spans(p.entities, only)
        for span, ge in gs.items():
            c = rep.entities[span[2]]
            pe = ps.get(span)
            if pe is not None:
                c.tp += 1
                if ge.canonical is not None:
                    _tally(rep.canonical, pe.canonical == ge.canonical)
                if ge.value is not None:
                    _tally(rep.value, pe.value == ge.value)
            else:
                c.fn += 1
                rep.misses.append(Miss(g.id, "FN", span[2], ge.text, _context(g.text, span[0], span[1]),
                                       _overlapping(span, ps.values(), "predicted")))
        for span, pe in ps.items():
            if span not in gs:
                rep.entities[span[2]].fp += 1
                rep.misses.append(Miss(g.id, "FP", span[2], g.text[span[0]:span[1]], _context(g.text, span[0], span[1]),
                                       _overlapping(span, gs.values(), "gold")))
        gold_names = {(e.start, e.end, e.type): _name(e) for e in g.entities}
        gn, pn = _named_rels(g.entities, g.relations), _named_rels(p.entities, p.relations, gold_names)
        for key in gn | pn:
            c = rep.relations_by_name[key[0]]
            c.tp, c.fn, c.fp = c.tp + (key in gn and key in pn), c.fn + (key in gn and key not in pn), \
                c.fp + (key in pn and key not in gn)
        gr, pr = _rels(g.entities, g.relations), _rels(p.entities, p.relations)
        for kind, rels, other in (("FN", gr, pr), ("FP", pr, gr)):
            for key in sorted(rels, key=lambda k: (k[1][0], k[0])):
                c = rep.relations[key[0]]
                if key in other:
                    c.tp += kind == "FN"  # count each match once
                    continue
                if kind == "FN":
                    c.fn += 1
                else:
                    c.fp += 1
                (hs, he, ht), (ts, te, tt) = key[1], key[2]
                rep.misses.append(Miss(g.id, kind, key[0], f"{g.text[hs:he]} ({ht}) → {g.text[ts:te]} ({tt})",
                                       _context(g.text, min(hs, ts), max(he, te), mark=False)))
    for t in [t for t, c in rep.relations.items() if c.tp + c.fp + c.fn == 0]:
        del rep.relations[t]  # relation types neither annotated nor predicted (bill records)
        rep.relations_by_name.pop(t, None)
    for t in [t for t, c in rep.entities.items() if c.tp + c.fp + c.fn == 0]:
        del rep.entities[t]
    return rep


def _tally(c: Counts, right: bool) -> None:
    if right:
        c.tp += 1
    else:
        c.fn += 1


def _overlapping(span: Span, others: Iterable[Entity], who: str) -> str:
    hits = [e for e in others if e.start < span[1] and span[0] < e.end]
    return "; ".join(f"{who}: {e.text} ({e.type})" for e in sorted(hits, key=lambda e: e.start))


def _context(text: str, start: int, end: int, width: int = 25, mark: bool = True) -> str:
    lo, hi = max(0, start - width), min(len(text), end + width)
    mid = f"⟦{text[start:end]}⟧" if mark else text[start:end]
    s = ("…" if lo else "") + text[lo:start] + mid + text[end:hi] + ("…" if hi < len(text) else "")
    return " ".join(s.split())


# --- running --------------------------------------------------------------------------

def predict(gold: list[GoldDoc], *, ner_model: bool = False) -> list[Extraction]:
    """Run the real pipeline over the gold texts (with their dates); `ner_model`: the setting."""
    from ingest.nlp.pipeline import extract_many  # noqa: PLC0415  (loads spaCy + Kiwi)

    return list(extract_many(((g.text, g.date) for g in gold), ner_model=ner_model))


def load_predictions(path: Path | str, gold: list[GoldDoc]) -> list[Extraction]:
    """Saved `kg extract` output, matched to gold documents by `id` (else by line order)."""
    p = Path(path)
    rows: list[dict] = []
    for lineno, line in enumerate(_read_lines(p), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise GoldError(f"{p}: {lineno}행: 올바른 JSON이 아닙니다: {e.colno}열 "
                            f"(not valid JSON: {e.msg} at column {e.colno})") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("entities", []), list):
            raise GoldError(f"{p}: {lineno}행: `kg extract`가 쓴 객체가 아닙니다. 한 줄에 \"entities\" 목록이 있는 "
                            f"JSON 객체 하나가 와야 합니다 (not a `kg extract` output object)")
        rows.append(obj)
    by_id = {str(r.get("id")): r for r in rows if r.get("id") is not None}
    out = []
    for i, g in enumerate(gold):
        row = by_id.get(g.id) or (rows[i] if i < len(rows) and not by_id else None)
        if row is None:
            raise GoldError(f"{p}: 정답 문서 {g.id!r}의 예측이 없습니다. 예측의 \"id\"를 정답 문서의 id와 맞추세요 "
                            f"(no prediction for gold document {g.id!r})")
        try:
            ents = [Entity(e["start"], e["end"], g.text[e["start"]:e["end"]], e["type"], canonical=e.get("canonical"),
                           value=e.get("value")) for e in row.get("entities", [])]
            rels = [Relation(r["type"], r["head"], r["tail"]) for r in row.get("relations", [])]
        except (KeyError, TypeError) as e:
            raise GoldError(f"{p}: 문서 {g.id!r}의 예측에 필드가 빠졌습니다: {e} "
                            f"(prediction for {g.id!r} lacks a field: {e})") from None
        out.append(Extraction(entities=ents, relations=rels))
    return out


def format_report(rep: Report, errors: bool = False) -> str:
    """The human-readable tables (and the error list when asked)."""
    head = f"{'':16s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>5s} {'pred':>5s} {'TP':>5s}"

    def row(name: str, c: Counts) -> str:
        return f"{name:16s} {c.p:6.3f} {c.r:6.3f} {c.f:6.3f} {c.tp + c.fn:5d} {c.tp + c.fp:5d} {c.tp:5d}"

    lines = [f"문서 {rep.documents}건", "", "개체 (exact span + type)", head]
    lines += [row(t, c) for t, c in rep.entities.items()]
    lines += [row("micro", rep.entity_micro), f"{'macro F1':16s} {'':6s} {'':6s} {rep.entity_macro_f1:6.3f}", "",
              "관계 (type + both argument spans and types)", head]
    lines += [row(t, c) for t, c in rep.relations.items()]
    lines.append(row("micro", rep.relation_micro))
    lines += ["", "관계, 이름 기준 (type + head and tail names, per document: any mention of the entity counts)", head]
    lines += [row(t, c) for t, c in rep.relations_by_name.items()]
    lines.append(row("micro", rep.relation_by_name_micro))
    for name, c in (("canonical", rep.canonical), ("value", rep.value)):
        n = c.tp + c.fn
        if n:
            lines.append(f"{name} accuracy on matched mentions: {c.tp / n:.3f} ({c.tp}/{n})")
    if errors:
        lines += ["", f"오류 {len(rep.misses)}건 (FP: 잘못 찾음, FN: 놓침)"]
        for m in rep.misses:
            note = f"   [{m.note}]" if m.note else ""
            lines.append(f"{m.doc}\t{m.kind} {m.what:15s} {m.text}\t{m.context}{note}")
    return "\n".join(lines)
