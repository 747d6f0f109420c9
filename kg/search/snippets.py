"""Search-result snippets with the matched words marked, without re-analysing the text.

whoosh's highlighter runs the analyzer (Kiwi) over every hit's whole body again: about
20 ms per document, 400 ms for a page of 20 hits. The index already knows which terms
matched each hit (Kiwi morphemes, aliases normalised to the canonical name), and Korean
nouns, stems and names appear verbatim in the text with their particles after them, so
looking for each matched term — and for the aliases of a canonical name, since
`산업부` was indexed as `산업통상자원부` — finds the same places in microseconds.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

MAX_CHARS = 220
CONTEXT = 60
FRAGMENTS = 2


@lru_cache(maxsize=1)
def _aliases() -> dict[str, tuple[str, ...]]:
    """canonical name → every name it is written as (from the gazetteer)."""
    try:
        from ingest.nlp.gazetteer import load_gazetteer  # noqa: PLC0415
    except ImportError:  # pragma: no cover - the index without the NLP package
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for e in load_gazetteer().entries:
        names = tuple(dict.fromkeys(n for n in (e.canonical, *e.aliases) if n))
        out[e.canonical] = names
        if e.canonical.isascii():
            out[e.canonical.lower()] = names
    # a dated text's body name was indexed as the body of its day (ingest.nlp.kiwi.dated_terms:
    # 산업부 in 2026 → 산업통상부), so each official name also brings every name its body carried
    from ingest.nlp.authority import load_authority  # noqa: PLC0415

    for b in load_authority().bodies.values():
        carried = (n.text for n in b.names if n.kind in ("official", "short"))
        out[b.official] = tuple(dict.fromkeys((*out.get(b.official, ()), *carried)))
    return out


def surface_forms(terms: list[str]) -> list[str]:
    """The strings to look for: each term and the aliases of canonical names, longest
    first (so 산업통상자원부 wins over 산업)."""
    aliases = _aliases()
    forms: dict[str, None] = {}
    for t in terms:
        t = t.strip()
        if not t:
            continue
        forms[t] = None
        for a in aliases.get(t, ()):
            forms[a] = None
    return sorted(forms, key=lambda f: (-len(f), f))


def _spans(text: str, forms: list[str]) -> list[tuple[int, int]]:
    low = text.lower()
    taken = bytearray(len(text))
    spans = []
    for f in forms:
        if len(f) < 1:
            continue
        for m in re.finditer(re.escape(f.lower()), low):
            s, e = m.span()
            if any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            spans.append((s, e))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):  # 자율|제조 in 자율제조: one mark
        if merged and merged[-1][1] == s:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _window(text: str, spans: list[tuple[int, int]], first: int) -> tuple[int, int]:
    start = max(0, spans[first][0] - CONTEXT)
    if start > 0:  # start at a word boundary
        ws = text.rfind(" ", max(0, start - 15), start)
        start = ws + 1 if ws >= 0 else start
    end = min(len(text), start + MAX_CHARS)
    if end < len(text):
        ws = text.find(" ", end - 15, end)
        end = ws if ws > start else end
    return start, end


def _render(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    out, pos = [], start
    for s, e in spans:
        if s < start or e > end:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f'<mark class="hl">{html.escape(text[s:e])}</mark>')
        pos = e
    out.append(html.escape(text[pos:end]))
    frag = "".join(out).replace("\n", " ").strip()
    return ("…" if start > 0 else "") + frag + ("…" if end < len(text) else "")


# A page's lead lines that are not the story: the headline again, a byline or dateline
# ('보도자료 · 2024-07-22', '2024. 7. 22.'), a kicker. Short lines that end no sentence.
LEAD_LINE = 80
_SENTENCE_END = re.compile(r"(?:다|요|음|함|됨|임)\s*[.!?]?[\"'”’)]*\s*$|[.!?]\s*$")


def body_start(text: str) -> int:
    """Where the story begins: after the leading short lines that end no sentence (a
    repeated headline, a byline), if a sentence follows them."""
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        line = text[pos:end if end != -1 else len(text)].strip()
        if line and (len(line) > LEAD_LINE or _SENTENCE_END.search(line)):
            return pos
        if end == -1:
            return 0  # no sentence after the short lines: nothing to leave out
        pos = end + 1
    return 0


def make_snippet(text: str, terms: list[str], plain_chars: int = 200) -> str:
    """HTML: up to two fragments of `text` around the matched terms, each match in
    <mark>; the text is escaped. Without a match, the escaped start of the story. A
    page's lead lines (headline, byline: body_start) are left out."""
    lead = body_start(text)
    if lead:
        text = text[lead:]
    spans = _spans(text, surface_forms(terms)) if terms else []
    if not spans:
        return html.escape(text[:plain_chars])
    # score each candidate window by the distinct words and the matches it holds
    best: list[tuple[int, int, int]] = []
    for i in range(len(spans)):
        s, e = _window(text, spans, i)
        inside = [text[a:b].lower() for a, b in spans if a >= s and b <= e]
        best.append((len(set(inside)) * 10 + len(inside), s, e))
    best.sort(key=lambda w: (-w[0], w[1]))
    chosen: list[tuple[int, int]] = []
    for _score, s, e in best:
        if all(e <= cs or s >= ce for cs, ce in chosen):
            chosen.append((s, e))
        if len(chosen) == FRAGMENTS:
            break
    return " ".join(_render(text, s, e, spans) for s, e in sorted(chosen))
