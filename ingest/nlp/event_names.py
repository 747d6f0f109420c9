"""Event names that a plan's name opens (issue #20, round 4).

A plan reported to someone at a sitting is an event in its own right: '평택에서 열린 K-반도체 전략
보고에 참석했다' names the report, not the plan, and attendance is at the report (gold README: a
meeting's name is the whole noun phrase before its meeting word). 보고 alone is too common a word
to head a name ('전략을 보고했다'), so it joins only a plan found before it, and only where the text
holds it as an event: held ('열린 … 보고') or attended, chaired or opened ('… 보고에 참석').
"""
from __future__ import annotations

import re

from ingest.nlp.ents import Ent

_REPORT = re.compile(r" 보고(?=에서|에는|에|가|를|는|도|[^가-힣]|$)")
_HELD_BEFORE = re.compile(r"(?:열린|열리는|열릴|개최된|개최되는|개최될|진행된|진행되는)\s$")
_AS_EVENT_AFTER = re.compile(r"(?:에서|에는|에|가|를|는|도)?\s?(?:[가-힣]+\s)?(?:참석|참여|주재|개최|열리|열렸|열린|진행)")
_PLAN_KINDS = frozenset({"plan", "strategy"})


def join_reported_plans(text: str, ents: list[Ent]) -> list[Ent]:
    """'K-반도체 전략' + ' 보고' → one meeting 'K-반도체 전략 보고' where the report is held as an event."""
    if " 보고" not in text:
        return ents
    for e in ents:
        if e.label != "INITIATIVE" or e.attrs.get("kind") not in _PLAN_KINDS or not (m := _REPORT.match(text, e.end)):
            continue
        held = _HELD_BEFORE.search(text, max(0, e.start - 6), e.start) is not None
        if held or _AS_EVENT_AFTER.match(text, m.end()):
            e.end = m.end()
            e.attrs = {**e.attrs, "kind": "meeting"}
    return ents


# 'a dialogue' is a named diplomatic or policy meeting when numbered ('제3차 한미 경제안보 대화') or
# held between two countries under a kind ('한미 전략대화', '한-EU 고위급 정책대화'); '대화를 나눴다'
# alone is talk, no event
_DIALOGUE = re.compile(r"대화(?=$|[^가-힣]|[은는이가을를의에도와과로](?![가-힣]{2})|에서|에는|으로)")
_NUMBER = re.compile(r"제\d+차")
_PAIR = re.compile(r"한[·-][가-힣A-Z]{1,8}|한(?:미일|중일|미|중|일|러|영|독|불|호|인|베|몽|아세안|EU)|남북|북미|미중")  # not '한국'
_KINDS = ("전략", "정책", "안보", "경제", "고위급", "차관급", "장관급", "통상", "산업", "공급망", "에너지")


def find_dialogues(view) -> list[tuple]:
    """'제3차 한미 경제안보 대화', '한미 전략대화': a named dialogue is a meeting."""
    text = view.text
    out: list[tuple] = []
    if "대화" not in text:
        return out
    for m in _DIALOGUE.finditer(text):
        e = m.end()
        ws = view.word_start(m.start())
        fused = text[ws:m.start()]  # '전략' of '전략대화'
        if fused and not view.is_nominal(ws, m.start()):
            continue
        words = [(ws, fused)] if fused else []
        pos = ws
        while len(words) < 5 and pos >= 2 and text[pos - 1] == " ":
            ps = view.word_start(pos - 1)
            words.insert(0, (ps, text[ps:pos - 1]))
            pos = ps
        start = None
        for k, (ps, w) in enumerate(words):
            inner = words[k + 1:]
            if not inner or not all(view.is_nominal(a, a + len(x)) or "-" in x or "·" in x for a, x in inner):
                continue
            if _NUMBER.fullmatch(w) or _PAIR.fullmatch(w) and inner[-1][1].endswith(_KINDS):
                start = ps
                break
        if start is not None and view.aligned(start, e):
            out.append((start, e, "INITIATIVE", {"kind": "meeting", "generic": False}))
    return out


# a committee no rule knows, held, chaired or attended as a sitting: '안전정책조정위원회 주재',
# '국가물관리위원회를 주재했다', '…위원회에 참석했다' (the real gold has these sittings as meetings;
# a known committee keeps its body type, the gazetteer having named it first)
_SITTING = re.compile(r"(?<![가-힣A-Za-z0-9·])([가-힣·]{2,18}위원회)(?:를|을)?\s?(?:주재|개최)|(?<![가-힣A-Za-z0-9·])([가-힣·]{2,18}위원회)(?:에\s참석|가\s열리|가\s열렸|가\s개최)")
# the Assembly's committees, subcommittees and special committees are bodies (gold README)
_NOT_SITTINGS = ("상임위원회", "소위원회", "분과위원회", "특별위원회")


def add_committee_sittings(view, ents: list[Ent]) -> list[Ent]:
    """'안전정책조정위원회 주재': an unknown committee chaired or attended is its sitting (a meeting)."""
    text = view.text
    if "위원회" not in text:
        return ents
    added = []
    for m in _SITTING.finditer(text):
        g = 1 if m.group(1) else 2
        s, e = m.span(g)
        name = text[s:e]
        if name.endswith(_NOT_SITTINGS) or not view.aligned(s, e) \
                or not view.is_nominal(s, e) or any(x.start < e and s < x.end for x in ents):
            continue
        added.append(Ent(s, e, "INITIATIVE", {"kind": "meeting", "generic": False}))
    if not added:
        return ents
    return sorted(ents + added, key=lambda x: (x.start, x.end))


# an event's name before a press room names the room ('남북정상회담 메인프레스센터를 방문', '메인 브리핑
# 룸에는'): the whole is the venue (LOCATION, as the real gold has it), not the event
_PRESS_ROOM = re.compile(r"\s?(?:(?:메인|국제|공동)\s?)?(?:프레스센터|미디어센터|기자실|브리핑\s?룸)|\s룸")


def press_rooms(text: str, ents: list[Ent]) -> list[Ent]:
    """'평양정상회담 프레스센터': the event's press centre is a place."""
    if "센터" not in text and "룸" not in text and "기자실" not in text:
        return ents
    for e in ents:
        if e.label != "INITIATIVE" or (m := _PRESS_ROOM.match(text, e.end)) is None:
            continue
        if m.group().strip() == "룸" and not text[e.start:e.end].endswith("브리핑"):
            continue  # '… 룸': only a briefing room
        if m.end() < len(text) and (text[m.end()].isalnum() and not _PARTICLE.match(text, m.end())):
            continue
        inside = [o for o in ents if o is not e and o.start < m.end() and o.end > e.end]
        if any(o.start < e.start or o.end > m.end() for o in inside):
            continue  # the room runs into another name: leave both as they are
        e.end, e.label, e.attrs = m.end(), "LOCATION", {}
        ents = [o for o in ents if not any(o is i for i in inside)]  # a room read alone ('프레스센터') goes in the whole
    return ents


_PARTICLE = re.compile(r"(?:에서|에는|에|을|를|이|가|은|는|의|도|와|과|로)(?![가-힣])")


# a commemorative day a release marks ('법정기념일인 청년의날(9월 셋째 토요일)을 맞이해', '발명의 날을
# 맞아'): a designated day is an initiative (gold README), unlike a holiday (어린이날 is a DATE)
_MARKED_DAY = re.compile(r"(?<![가-힣A-Za-z0-9·])([가-힣A-Za-z0-9·]{2,12}의 ?날)(?:\s?\([^()\n]{1,20}\))?(?:을|를)?\s?(?:맞아|맞이해|맞이하여|맞이하며|기념해|기념하여|기념하는)")
_FIGURATIVE = ("결전", "운명", "심판", "약속", "오늘", "내일", "어제", "그", "이", "최후", "마지막")


def find_marked_days(view) -> list[tuple]:
    """'청년의날을 맞이해': the commemorative day a release marks is an initiative."""
    text = view.text
    if "날" not in text or "맞" not in text and "기념" not in text:
        return []
    out = []
    for m in _MARKED_DAY.finditer(text):
        s, e = m.span(1)
        stem = text[s:e].rstrip("날").rstrip().removesuffix("의")
        if stem in _FIGURATIVE or not view.aligned(s, e) or not view.is_nominal(s, s + len(stem)):
            continue
        out.append((s, e, "INITIATIVE", {"kind": "meeting", "generic": False}))
    return out


# '박삼득 국가보훈처장을 비롯한 정부대표단', '허창수 GS그룹 회장을 비롯한 경제사절단': the official named
# first in a delegation takes part in it with his body (gold README)
_LED_BY = re.compile(r"(?:을|를)\s비롯(?:한|해|하여)\s$")
_DELEGATIONS = ("대표단", "사절단", "경제인단", "특사단")


def delegation_members(view, ms: list, inits: list, si: int, add) -> None:
    """The person and body named before 'X을 비롯한 <delegation>' take part in it."""
    text = view.text
    for d in inits:
        if not text[d.start:d.end].endswith(_DELEGATIONS) or not (m := _LED_BY.search(text, max(0, d.start - 8), d.start)):
            continue
        before = [x for x in ms if x.end <= m.start() and m.start() - x.end <= 20]
        people = [x for x in before if x.label == "PERSON"]
        if not people:
            continue
        p = people[-1]
        add("PARTICIPATES_IN", p, d, si)
        body = next((x for x in before if x.start == p.end + 1 and x.label in ("MINISTRY", "COMPANY", "ORGANIZATION")), None)
        if body is not None:
            add("PARTICIPATES_IN", body, d, si)
