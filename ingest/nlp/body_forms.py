"""Public bodies by the form of their name, and their short forms in the same document.

- A regional development corporation is named by its region and its trade
  ('새만금개발공사', '제주관광공사', '경북개발공사'): a public institution (MINISTRY, as the
  guideline has 한전 and KOTRA). `orgs.find_public_bodies` takes those opening with 한국… or
  a city; a region Kiwi reads as a proper noun ('새만금') opens these.
- A release names a body in full and, in a headline or a list, by a short form that keeps
  its first word and its ending ('새만금개발공사' → '새만금공사', '새만금개발청' → '새만금청')
  or drops '국립' or '한국' ('국립새만금간척박물관' → '새만금간척박물관'): the short form is a mention of
  the full name (its canonical name), so both are one body.
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.ents import span_mask
from ingest.nlp.view import TextView

Cand = tuple[int, int, str, dict]

_ENTERPRISE = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,5})(?:도시개발|개발|관광|도시|시설관리|시설)(?:공사|공단)"
                         r"(?=[\s,.)(·\-'’\"”]|[은는이가도의와과에을를로]|$)")
_WORKS = frozenset({"택지", "단지", "도로", "하천", "부지", "토지", "지역", "관광지", "공공", "민간", "신규", "대규모"})


def find_enterprises(view: TextView) -> Iterator[Cand]:
    """'새만금개발공사', '제주관광공사': a region's public enterprise by its trade."""
    text = view.text
    if "공사" not in text and "공단" not in text:  # in every match: skip the scan
        return
    from ingest.nlp.lexicon import get_lexicon  # noqa: PLC0415  (the lexicon imports people)
    places = get_lexicon().places
    for m in _ENTERPRISE.finditer(text):
        s, e = m.start(), m.end()
        region = m.group(1)
        if region in _WORKS or not view.aligned(s, e):
            continue
        first = view.first.get(s)
        named = first is not None and first.tag == "NNP" and first.end == m.end(1)
        if named or region in places:
            yield s, e, "MINISTRY", {"rule": "public_suffix", "gov_kind": "public"}


_ENDS = ("개발청", "공사", "공단", "진흥원", "박물관", "미술관")
_AFTER = re.compile(r"(?:에서는|에서|에게|과의|와의|으로|은|는|이|가|을|를|의|와|과|도|에|로|만|측|)(?![가-힣A-Za-z0-9])")


def _short_forms(name: str) -> set[str]:
    """'새만금개발공사' → {'새만금공사'}; '국립새만금간척박물관' → {'새만금간척박물관'}."""
    out = set()
    if name.startswith(("국립", "한국")) and len(name) >= 7:
        out.add(name[2:])  # '국립해양박물관' → '해양박물관', '한국가스안전공사' → '가스안전공사'
    for end in _ENDS:
        if name.endswith(end) and len(name) - len(end) >= 4:
            stem = name[:-len(end)]
            tail = "청" if end == "개발청" else end
            for cut in range(2, len(stem) - 1):
                if stem[:cut] not in ("한국", "국립", "국가", "대한"):
                    out.add(stem[:cut] + tail)
    out.discard(name)
    return out


def find_short_bodies(view: TextView, ents: list[tuple[int, int, str, dict]]) -> Iterator[Cand]:
    """Short forms of the document's public bodies and museums, as whole words no entity covers."""
    text = view.text
    full: dict[str, tuple[str, str]] = {}
    bodies = {(text[s:e], label) for s, e, label, _a in ents if label in ("MINISTRY", "ORGANIZATION") and e - s >= 5}
    for name, label in bodies:
        for short in _short_forms(name):
            if short in text:  # most short forms never occur: one substring test each, no scan
                full.setdefault(short, (name, label))
    if not full:
        return
    taken = span_mask(len(text), ents)
    for m in re.finditer("|".join(map(re.escape, sorted(full, key=len, reverse=True))), text):
        s, e = m.span()
        if taken.find(1, s, e) != -1 or (s > 0 and text[s - 1].isalnum()) or not _AFTER.match(text, e) \
                or not view.aligned(s, e):
            continue
        name, label = full[m.group()]
        taken[s:e] = b"\x01" * (e - s)
        attrs = {"rule": "short_body", "_gaz": name}
        if label == "MINISTRY":
            attrs["gov_kind"] = "public"
        yield s, e, label, attrs
