"""Companies listed under a field that names them: '(참여 기업) A, B, C', '** (참여 기관·기업) A, B, C',
'참석 기업 : A, B, C'. Releases list the parties of an agreement or the attendees of an event so,
with no '등 N개 기업' after the list that patterns.find_list_items reads. Each item no other rule
typed is a company when it is a name (a proper noun, or a word Kiwi does not know), unless its
ending makes it a public body, institute or school (those are left to the rules that know them)."""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.companies import _item_at
from ingest.nlp.ents import span_mask
from ingest.nlp.view import TextView

Cand = tuple[int, int, str, dict]

_KIND = r"(?:기관\s?[·ㆍ,/]\s?)?(?:기업|업체|회사|기업체)(?:\s?[·ㆍ,/]\s?기관)?"
_ROLE = r"(?:참여|참석|참가|협약|입주|선정|회원|협력)"
_FIELD = re.compile(rf"[(［\[<]\s?{_ROLE}?\s?{_KIND}\s?[)］\]>]\s?:?\s?|(?:^|(?<=[\n*※○ㅇ□▲-]))\s*{_ROLE}\s?{_KIND}(?:\s?명단)?\s?:\s?", re.M)
_ITEMS = re.compile(r"[^,\n]+")
_STOP = re.compile(r"\s(?:ㅇ|○|□|▲|△|※)\s|[.;]\s|\n")
# endings of bodies that are no companies (public corporations, agencies, museums, schools, institutes)
_NOT_FIRMS = ("공사", "공단", "청", "부", "처", "원", "위원회", "재단", "협회", "학교", "대학", "대학교", "박물관", "연구소",
              "센터", "진흥원", "조합", "의회", "시", "군", "구", "도")


def find_fielded_companies(view: TextView, ents: list[tuple[int, int, str, dict]]) -> Iterator[Cand]:
    text = view.text
    if "기업" not in text and "업체" not in text and "회사" not in text:
        return
    taken = span_mask(len(text), ents)
    typed = {(s, e) for s, e, _l, _a in ents}
    for field in _FIELD.finditer(text):
        start = field.end()
        stop = _STOP.search(text, start)
        end = stop.start() if stop is not None else len(text)
        items = []
        for part in _ITEMS.finditer(text, start, end):
            s, e = part.start(), part.end()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if text.endswith(" 등", s, e):
                e -= 2
            items.append((s, e))
        if len(items) < 2:
            continue
        for s, e in items:
            name = text[s:e]
            if (s, e) in typed or not name or name.endswith(_NOT_FIRMS):
                continue
            if _item_at(view, s, taken, e, compound="proper") == (s, e):
                yield s, e, "COMPANY", {"rule": "fielded_list"}
