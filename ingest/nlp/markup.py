"""Inline annotation markup → gold JSON Lines for `kg eval`.

Offsets typed by hand go wrong; brackets around the words do not. The gold set in
ingest/nlp/gold/ is written in this markup and converted with
`python -m ingest.nlp.markup ingest/nlp/gold/dev.txt > ingest/nlp/gold/dev.jsonl`:

    # dev-01 2024-03-07
    [산업부]{MINISTRY=산업통상자원부}는 [7일]{DATE=2024-03-07} '[AI 자율제조 전략]{INITIATIVE#plan}'을
    발표했다.
    @ ANNOUNCES 산업부 > plan

- `# ID [YYYY-MM-DD]` starts a document; its text lines are joined with one space, or
  with a line break when the line starts with `| ` (headlines, notice fields).
- `[surface]{TYPE}`, `{TYPE=x}` (x: `value` for DATE/TIME, else `canonical`), `{TYPE#id}`,
  `{TYPE=x#id}`.
- `@ TYPE head > tail`: a relation; head and tail are an entity id or a surface form that
  occurs once among the document's entities.
- `%` starts a comment line (annotation notes); blank lines are ignored.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any, Iterable, Iterator

from core.errors import GoldError

_ENT = re.compile(r"\[([^\[\]{}]+)\]\{([A-Z]+)(?:=([^#{}]+))?(?:#([\w-]+))?\}")
_HEAD = re.compile(r"#\s+(\S+)(?:\s+(\d{4}-\d{2}-\d{2}))?\s*$")
_REL = re.compile(r"@\s+([A-Z_]+)\s+(.+?)\s+>\s+(.+?)\s*$")
VALUE_TYPES = ("DATE", "TIME")


def parse(lines: Iterable[str], source: str = "<markup>") -> Iterator[dict[str, Any]]:
    """Gold documents (dicts in the `kg eval` format) from markup lines."""
    doc: dict[str, Any] | None = None
    body: list[str] = []
    rels: list[tuple[int, str, str, str]] = []
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\n").strip()
        if not line or line.startswith("%"):
            continue
        if line.startswith("# "):
            if doc is not None:
                yield _finish(doc, body, rels, source)
            m = _HEAD.fullmatch(line)
            if m is None:
                raise GoldError(f"{source}: {lineno}행: 문서 머리 줄은 '# ID [YYYY-MM-DD]' 꼴이어야 합니다 "
                                f"(a header is '# ID [YYYY-MM-DD]')")
            doc, body, rels = {"id": m.group(1), "line": lineno}, [], []
            if m.group(2):
                doc["date"] = m.group(2)
        elif doc is None:
            raise GoldError(f"{source}: {lineno}행: 첫 '# ID' 머리 줄 앞에 본문이 있습니다 "
                            f"(text before the first '# ID' header)")
        elif line.startswith("@"):
            m = _REL.fullmatch(line)
            if m is None:
                raise GoldError(f"{source}: {lineno}행: 관계 줄은 '@ TYPE head > tail' 꼴이어야 합니다 "
                                f"(a relation is '@ TYPE head > tail')")
            rels.append((lineno, m.group(1), m.group(2), m.group(3)))
        else:
            body.append((lineno, line))
    if doc is not None:
        yield _finish(doc, body, rels, source)


def _finish(doc: dict[str, Any], body: list, rels: list, source: str) -> dict[str, Any]:
    text, ents, pos = [], [], 0
    for i, (lineno, line) in enumerate(body):
        if line.startswith("| "):
            line = line[2:]
            if i:
                text.append("\n")
                pos += 1
        elif i:
            text.append(" ")
            pos += 1
        last = 0
        for m in _ENT.finditer(line):
            plain = line[last:m.start()]
            text.append(plain)
            pos += len(plain)
            surface, typ, extra, ident = m.groups()
            e: dict[str, Any] = {"start": pos, "end": pos + len(surface), "text": surface, "type": typ}
            if extra:
                e["value" if typ in VALUE_TYPES else "canonical"] = extra.strip()
            if ident:
                e["id"] = ident
            ents.append(e)
            text.append(surface)
            pos += len(surface)
            last = m.end()
        rest = line[last:]
        if any(c in rest for c in "[]{}"):
            raise GoldError(f"{source}: {lineno}행: 개체 표시의 괄호가 맞지 않습니다: {rest!r} "
                            f"(unbalanced entity markup in {rest!r})")
        text.append(rest)
        pos += len(rest)
    out: dict[str, Any] = {"id": doc["id"]}
    if "date" in doc:
        out["date"] = doc["date"]
    out["text"] = "".join(text)
    out["entities"] = ents
    out["relations"] = [_relation(r, ents, source) for r in rels]
    return out


def _relation(r: tuple[int, str, str, str], ents: list[dict], source: str) -> dict[str, Any]:
    lineno, typ, head, tail = r
    return {"type": typ, "head": _ref(head, ents, source, lineno), "tail": _ref(tail, ents, source, lineno)}


def _ref(ref: str, ents: list[dict], source: str, lineno: int) -> int:
    by_id = [i for i, e in enumerate(ents) if e.get("id") == ref]
    if by_id:
        return by_id[0]
    by_text = [i for i, e in enumerate(ents) if e["text"] == ref]
    if len(by_text) != 1:
        why = ("그런 개체가 없습니다", "no entity") if not by_text else \
            (f"그런 개체가 {len(by_text)}개입니다", f"{len(by_text)} entities")
        raise GoldError(f"{source}: {lineno}행: id나 글자가 {ref!r}인 {why[0]}. 하나에 #id를 붙이세요 "
                        f"({why[1]} with id or text {ref!r}; give one an #id)")
    return by_text[0]


def convert(path: Path | str) -> str:
    """The JSON Lines text for one markup file."""
    p = Path(path)
    docs = parse(p.read_text(encoding="utf-8").splitlines(), str(p))
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)


_EDGE_DATE = re.compile(r"\[([^\[\]{}]+?)(\s?(?:까지|부터|이후|이내|이전))\]\{DATE(=[^#{}]+)?(#[\w-]+)?\}")


def move_date_particles(markup: str) -> str:
    """Markup with the boundary particle of each DATE moved outside its brackets
    ('[2030년까지]{DATE=…}' → '[2030년]{DATE=…}까지', the guideline since December 2026),
    relation lines that named the old text renamed, and an #id given where the shorter
    text is no longer unique in its document."""
    out, n = [], 0
    for doc in re.split(r"(?m)^(?=# )", markup):
        surfaces = [m.group(1) for m in _ENT.finditer(doc)]
        moved: dict[str, str] = {}

        def move(m: re.Match) -> str:
            nonlocal n
            core, edge, value, ident = m.group(1), m.group(2), m.group(3) or "", m.group(4) or ""
            if not ident and core in surfaces:
                n += 1
                ident = f"#d{n}"
            if not m.group(4):
                moved[core + edge] = ident[1:] if ident else core
            return f"[{core}]{{DATE{value}{ident}}}{edge}"

        lines = []
        for line in _EDGE_DATE.sub(move, doc).split("\n"):
            m = _REL.fullmatch(line.strip()) if line.startswith("@") else None
            if m is not None and (m.group(2) in moved or m.group(3) in moved):
                line = f"@ {m.group(1)} {moved.get(m.group(2), m.group(2))} > {moved.get(m.group(3), m.group(3))}"
            lines.append(line)
        out.append("\n".join(lines))
    return "".join(out)


if __name__ == "__main__":  # pragma: no cover
    try:
        if sys.argv[1:2] == ["--move-date-particles"]:  # rewrite markup files in place
            for arg in sys.argv[2:]:
                Path(arg).write_text(move_date_particles(Path(arg).read_text(encoding="utf-8")), encoding="utf-8")
        else:
            for arg in sys.argv[1:]:
                sys.stdout.write(convert(arg))
    except GoldError as e:
        sys.exit(f"error: {e}")
