"""People as releases and agendas name them in brackets and fields, where the form itself
vouches for a name Kiwi may cut ('김경안' → 김경아 + ㄴ):

- the head in brackets after the body, name first ('새만금개발청(김경안 청장)은',
  '보건복지부(박능후 장관)는'): the person leads the body, as in '산업부(장관 안덕근)';
- a member in brackets or sponsoring a bill ('5분자유발언(박수자 의원)', '(김홍섭 의원
  대표발의)', '김철수 의원 대표발의로');
- the staff field of a release page ('담당자 : 유동욱', '작성자 : 이래호').

A name here is three syllables, a surname first, no word the NOT_NAMES list has, and no
Korean word Kiwi knows (its out-of-vocabulary score), so '(관계자 의원)' stays out.
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.ents import span_mask
from ingest.nlp.people import OOV_SCORE, oov_score
from ingest.nlp.titles import LEAD_TITLES, NOT_NAMES, SURNAMES, TITLES
from ingest.nlp.view import TextView

Cand = tuple[int, int, str, dict]

_HEAD_IN_BRACKETS = re.compile(r"\(([가-힣]{3}) ([가-힣]{1,6})\)")
_MEMBER = re.compile(r"(?:(?<=\()|(?<=^)|(?<=\n)|(?<=\s))([가-힣]{3}) 의원(?=\)| 대표\s?발의| 발의)")
_FIELD = re.compile(r"(?:담당자|작성자)\s?[:：]\s?([가-힣]{3})(?=[\s/,)(]|$)")


def _name(name: str, bracketed: bool = False) -> bool:
    """A surname first and no listed word; the out-of-vocabulary score too, except between a
    body's bracket and a head's title, where the form vouches for names Kiwi reads as words
    ('관세청(이명구 청장)'), units and ranks left out ('(차관급 위원)', '(대표단 단장)')."""
    if name[0] not in SURNAMES or name in NOT_NAMES:
        return False
    return not name.endswith(_UNIT_ENDS) and name not in TITLES if bracketed else oov_score(name) < OOV_SCORE


_UNIT_ENDS = ("급", "단", "측", "회", "실", "팀", "청", "처", "과", "부", "당", "의")  # '(차관급 …)', '(민주당 …)'



def find_field_people(view: TextView, ents: dict[tuple[int, int], str], org_ends: dict[int, int]) -> Iterator[Cand]:
    """PERSON candidates of the three forms; `ents`: known spans and labels, `org_ends`:
    the start of each known body by its end (as people.find_people has them)."""
    text = view.text
    if "(" in text:
        for m in _HEAD_IN_BRACKETS.finditer(text):
            title, s, e = m.group(2), *m.span(1)
            body = (org_ends[m.start()], m.start()) if m.start() in org_ends else None
            if body is None or title not in LEAD_TITLES or (s, e) in ents or not _name(m.group(1), True):
                continue
            attrs: dict = {"title": title, "rule": "field_person"}
            if ents.get(body) in ("MINISTRY", "COMPANY", "ORGANIZATION"):
                attrs["_org"], attrs["_leads"] = body, True
            yield s, e, "PERSON", attrs
    if "의원" in text:
        for m in _MEMBER.finditer(text):
            s, e = m.span(1)
            if (s, e) not in ents and _name(m.group(1)) and view.aligned(s, e):
                yield s, e, "PERSON", {"title": "의원", "rule": "field_person"}
    if "담당자" in text or "작성자" in text:
        for m in _FIELD.finditer(text):
            s, e = m.span(1)
            if (s, e) not in ents and _name(m.group(1)):
                yield s, e, "PERSON", {"rule": "field_person"}


_FUSED_TITLES = ("부총리", "대통령", "총리", "장관", "차관", "청장", "위원장", "처장", "원장", "사장", "지사", "시장", "의장")
_AFTER_FUSED = re.compile(r"(?:께서는|께서|에게|과의|와의|으로|은|는|이|가|을|를|의|와|과|도|에|로|만|님|)(?![가-힣A-Za-z0-9])")


def find_fused_surnames(view: TextView, ents: list[tuple[int, int, str, dict]]) -> Iterator[Cand]:
    """'이부총리의 정례브리핑' after '이헌재 경제부총리': a surname fused with the title of a person
    the document names in full is a mention of that person (the guideline's '이부총리', with the
    full name as canonical); a surname written apart ('이 부총리') is not, nor one that two
    people of the document share."""
    text = view.text
    people: dict[str, set[str]] = {}
    for s, e, label, attrs in ents:
        title = attrs.get("title") or ""
        if label == "PERSON" and e - s == 3 and (end := next((t for t in _FUSED_TITLES if title.endswith(t)), None)):
            people.setdefault(text[s] + end, set()).add(text[s:e])
    if not people:
        return
    taken = span_mask(len(text), ents)
    for word, names in people.items():
        if len(names) != 1 or word in TITLES:
            continue  # '이연승 … 이사장' gives 이 + 사장: a title of its own, no fused surname
        for m in re.finditer(re.escape(word), text):
            s, e = m.span()
            if (s > 0 and text[s - 1].isalnum()) or taken.find(1, s, e) != -1 or not _AFTER_FUSED.match(text, e):
                continue
            yield s, e, "PERSON", {"rule": "fused_surname", "_gaz": next(iter(names)), "title": word[1:]}
