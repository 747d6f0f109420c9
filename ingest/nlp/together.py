"""Events held together: 'A과 함께 B를 개최' holds both, by the same body, on the same day;
so does a list ("'A'와 'B'를 잇따라 주재한다", "'A', 'B', 'C'를 차례로 개최한다").

A release often joins a second event to the one it holds with '함께', and places it
between them, so the two are no plain coordination ('A와 B를 개최'):

    새만금개발청은 오는 4월 중 그린 트러스트 출범식과 함께 일대에서 나무 심기 행사를 개최할 계획이다.
    환경부는 다음 달 탄소중립 박람회와 함께 국제 포럼을 연다.

The sentence rules find the body and the date for one of them (the object of the verb,
or the event nearest the date); the guideline annotates both as announced and scheduled.
This pass copies ANNOUNCES and SCHEDULED_FOR from one to the other, and the date of one
member of a list of events to the others that have none (not with '각각': each its own). Only events (meetings,
ceremonies, fairs) are joined: a group held 'together with' ('서포터즈와 함께 캠페인을
진행') takes part, it is not held.
"""
from __future__ import annotations

import re
from typing import Callable

from ingest.nlp.view import TextView

_WITH = re.compile(r"['’\"”」』]?(?:과|와)\s함께\s")
# the verb of holding right after the second event's object particle
_OBJ_HOLD = re.compile(r"['’\"”」』]?(?:을|를)\s(?:[가-힣]+\s)?(?:개최|열|연다|엽니다|진행|실시|갖|가[졌진질집]|마련|펼)")
_REACH = 30  # what may stand between '함께' and the second event ('새만금 일대에', '코엑스에서')
_CLAUSE_END = ("고", "며", "으며", "면서", "으면서", "지만")


def _pairs(view: TextView, inits: list) -> list[tuple]:
    text = view.text
    found = []
    for k, a in enumerate(inits):
        w = _WITH.match(text, a.end)
        if w is None or a.attrs.get("kind") != "meeting":
            continue
        b = next((m for m in inits[k + 1:] if m.start >= w.end()), None)
        if b is None or b.start - w.end() > _REACH or b.attrs.get("kind") != "meeting" or not _OBJ_HOLD.match(text, b.end):
            continue
        if any(x.tag == "EC" and x.form in _CLAUSE_END for x in view.morphs_in(w.end(), b.start)):
            continue
        found.append((a, b))
    return found


# between members of a list: "'A'와 'B'", "'A', 'B'", 'A·B', 'A 및 B'
_LIST_SEP = re.compile(r"['’\"”」』]?\s?(?:와|과|,|·|및)\s?['‘\"“「『]?")
_LIST_END = re.compile(r"['’\"”」』]?(?:을|를|이|가|은|는|도)\s")


def _lists(view: TextView, inits: list) -> list[list]:
    """Runs of two or more events joined as a list that ends as an argument ('…를', '…가')."""
    text, runs, run = view.text, [], []
    for m in inits:
        if run and _LIST_SEP.fullmatch(text, run[-1].end, m.start):
            run.append(m)
            continue
        if len(run) > 1 and _LIST_END.match(text, run[-1].end):
            runs.append(run)
        run = [m]
    if len(run) > 1 and _LIST_END.match(text, run[-1].end):
        runs.append(run)
    return [r for r in runs if all(m.attrs.get("kind") == "meeting" for m in r)]


def listed_dates(view: TextView, buckets: list[list], sents: list[tuple[int, int]], out: list, add: Callable) -> None:
    """A date of one event of a list goes to the others of the list that have no date."""
    for si, ms in enumerate(buckets):
        inits = [m for m in ms if m.label == "INITIATIVE"]
        if len(inits) < 2 or "각각" in view.text[sents[si][0]:sents[si][1]]:
            continue
        by_key = {m.key: m for m in ms}
        for run in _lists(view, inits):
            days: dict[tuple, set] = {m.key: set() for m in run}
            for kind, h, t, _si in out:
                if kind == "SCHEDULED_FOR" and h in days and t in by_key:
                    days[h].add(t)
            sets = {frozenset(v) for v in days.values() if v}
            if len(sets) != 1:
                continue  # (none, or two dates: each event its own)
            shared = next(iter(sets))
            for m in run:
                for t in sorted(shared) if not days[m.key] else ():
                    add("SCHEDULED_FOR", m, by_key[t], si)


def co_held(view: TextView, buckets: list[list], out: list, add: Callable) -> None:
    """ANNOUNCES and SCHEDULED_FOR of one of two events held together go to the other too."""
    if "함께" not in view.text:
        return  # (a cheap check before the per-sentence look)
    for si, ms in enumerate(buckets):
        inits = [m for m in ms if m.label == "INITIATIVE"]
        if len(inits) < 2:
            continue
        by_key = {m.key: m for m in ms}
        for a, b in _pairs(view, inits):
            other = {a.key: b, b.key: a}
            for kind, h, t, _si in list(out):
                if kind == "ANNOUNCES" and t in other and h in by_key:
                    add("ANNOUNCES", by_key[h], other[t], si)
                elif kind == "SCHEDULED_FOR" and h in other and t in by_key:
                    add("SCHEDULED_FOR", other[h], by_key[t], si)


# "‘2025 지식재산 정책기자단 발대식’(이하 ‘발대식’)": the short name is the event named before it
_SHORT_OPEN = re.compile(r"['’\"”」』]?\s?\(이하\s?['‘\"“]?")


def short_named(view: TextView, mentions: list, out: list, add: Callable) -> None:
    """A relation of an event's short name given in brackets holds for its full name too."""
    if "(이하" not in view.text:
        return  # (a cheap check)
    by_key = {m.key: m for m in mentions}
    full_of = {}
    for a, b in zip(mentions, mentions[1:]):
        if a.label == b.label == "INITIATIVE" and _SHORT_OPEN.fullmatch(view.text, a.end, b.start):
            full_of[b.key] = a
    if not full_of:
        return
    for kind, h, t, si in list(out):
        if t in full_of and h in by_key:
            add(kind, by_key[h], full_of[t], si)
        elif h in full_of and t in by_key:
            add(kind, full_of[h], by_key[t], si)
