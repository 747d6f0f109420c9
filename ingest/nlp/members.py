"""The body a member of a council or task force sits for takes part in it too.

A council, task force or alliance is made of people who sit for their bodies: the
minister is a member as the ministry's head, and the real gold annotates the body with
them (real-dev-75: '조명균 통일부 장관과 정의용 국가안보실장 … 등이 위원으로 참여' → the
ministries as well; real-dev-03: '환경부 차관 및 실·국장으로 구성된' → 환경부):

    TF에는 김민준 산업통상자원부 장관과 이서연 외교부 장관 등이 위원으로 참여한다.
        PARTICIPATES_IN 김민준, 이서연 (the sentence rules) → TF
        PARTICIPATES_IN 산업통상자원부, 외교부 (here)       → TF

Attending a meeting is not so: an official at a meeting is there as themself (the real
gold), so only a standing group counts, known by its head word (not a meeting's).
"""
from __future__ import annotations

import re
from typing import Callable

# a standing group by its head word: '… 준비위원회', '… TF', '… 협의체', '… 얼라이언스'
_GROUP = re.compile(r"(?:위원회|준비위|추진위|협의체|TF|태스크포스|추진단|자문단|얼라이언스|연합|동맹|협의회)$")
_BODIES = ("MINISTRY", "ORGANIZATION", "COMPANY")


def member_bodies(view, mentions: list, out: list, add: Callable) -> None:
    """PARTICIPATES_IN for the body of each person who takes part in a standing group."""
    text = view.text
    by_key = {m.key: m for m in mentions}
    for kind, h, t, si in list(out):
        if kind != "PARTICIPATES_IN" or not _GROUP.search(text, t[0], t[1]) or re.search(r"회의$|차\s?회의", text[t[0]:t[1]]):
            continue
        person, group = by_key.get(h), by_key.get(t)
        if person is None or group is None or person.label != "PERSON":
            continue
        body = by_key.get(tuple(person.attrs.get("_org") or ()))
        if body is not None and body.label in _BODIES:
            add("PARTICIPATES_IN", body, group, si)


# "'X' 회원사인 A", "'X' 참여기업인 A", 'X 입주기업 A': a member named by its role in the group or programme
_ROLE_OF = re.compile(r"['’\"”」』]?(?:의)?\s(?:회원사|회원\s?기관|참여\s?기업|참여\s?기관|참여사|참가\s?기업|입주\s?기업|수혜\s?기업"
                      r"|협약\s?기관|공급\s?기업|수요\s?기업)(?:인|으로서|로서)?\s")


def role_appositions(view, mentions: list, sents: list[tuple[int, int]], buckets: list[list], add: Callable) -> None:
    """PARTICIPATES_IN for a company or body named right after its role in an initiative."""
    from ingest.nlp.roles import chain_forward  # noqa: PLC0415 (roles imports relations)
    text = view.text
    for si, ms in enumerate(buckets):
        agents = [m for m in ms if m.label in _BODIES and not m.attrs.get("byline")]
        for x in ms:
            if x.label != "INITIATIVE" or (r := _ROLE_OF.match(text, x.end)) is None:
                continue
            first = next((m for m in agents if m.start == r.end()), None)
            for m in chain_forward(view, agents, first) if first is not None else ():
                add("PARTICIPATES_IN", m, x, si)


# 'A 등이 위원으로 참여했고, B, C 등도 이번에 새로 추가됐다': joined to the same group
_ADDED = re.compile(r"(?:\s[가-힣]{1,8}){0,2}(?:\s?등)?도\s(?:이번에\s|새롭게\s|이날\s)?(?:새로\s|추가로\s|신규로\s)?"
                    r"(?:추가됐|추가되었|추가된다|합류했|합류하였|합류한다|가세했|포함됐|포함되었|참여하게\s됐)")


def added_members(view, sents: list[tuple[int, int]], buckets: list[list], out: list, add: Callable) -> None:
    """PARTICIPATES_IN for those a sentence adds ('B 등도 새로 추가됐다') to what the sentence's
    participants named before them take part in."""
    from ingest.nlp.roles import chain_back  # noqa: PLC0415
    text = view.text
    if "도 " not in text:
        return
    by_key = {m.key: m for ms in buckets for m in ms}  # (the group may be named sentences before)
    for si, ms in enumerate(buckets):
        agents = [m for m in ms if m.label in _BODIES + ("PERSON",) and not m.attrs.get("byline")]
        for last in agents:
            if not _ADDED.match(text, last.end):
                continue
            chain = chain_back(view, agents, last)
            first = min(m.start for m in chain)
            targets = {t for kind, h, t, s in out if kind == "PARTICIPATES_IN" and s == si and h[1] <= first}
            for t in targets:
                if t in by_key:
                    for m in chain:
                        add("PARTICIPATES_IN", m, by_key[t], si)
