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

from ingest.nlp.people import OOV_SCORE, oov_score
from ingest.nlp.titles import LEAD_TITLES, NOT_NAMES, SURNAMES
from ingest.nlp.view import TextView

Cand = tuple[int, int, str, dict]

_HEAD_IN_BRACKETS = re.compile(r"\(([가-힣]{3}) ([가-힣]{1,6})\)")
_MEMBER = re.compile(r"(?:(?<=\()|(?<=^)|(?<=\n)|(?<=\s))([가-힣]{3}) 의원(?=\)| 대표\s?발의| 발의)")
_FIELD = re.compile(r"(?:담당자|작성자)\s?[:：]\s?([가-힣]{3})(?=[\s/,)(]|$)")


def _name(name: str) -> bool:
    return name[0] in SURNAMES and name not in NOT_NAMES and oov_score(name) < OOV_SCORE


def find_field_people(view: TextView, ents: dict[tuple[int, int], str], org_ends: dict[int, int]) -> Iterator[Cand]:
    """PERSON candidates of the three forms; `ents`: known spans and labels, `org_ends`:
    the start of each known body by its end (as people.find_people has them)."""
    text = view.text
    if "(" in text:
        for m in _HEAD_IN_BRACKETS.finditer(text):
            title, s, e = m.group(2), *m.span(1)
            body = (org_ends[m.start()], m.start()) if m.start() in org_ends else None
            if body is None or title not in LEAD_TITLES or (s, e) in ents or not _name(m.group(1)):
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
