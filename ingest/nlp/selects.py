"""Who picks the members of a program runs it.

'과학기술정보통신부는 4일 '독자 AI 파운데이션 모델' 프로젝트를 이끌 정예팀으로 A, B 등 5개
컨소시엄을 선정했다': the body, the sentence's subject, that selects the teams, operators or
recipients of a program, project or fund named before the verb is the one that runs it
(ANNOUNCES in the guideline's sense: it announces, sets up or runs it). The selected take
part through the frame rules; a meeting is never selected for.
"""
from __future__ import annotations

import re
from typing import Callable

from ingest.nlp.view import TextView

_SELECT = re.compile(r"(?<![가-힣])선정(?:했|한다|하였|하고|해|하기로|할\s|합니다)|(?<![가-힣])(?:골랐|뽑았)")
_RUN = ("program", "project", "fund", "taskforce")
_SUBJECT = ("은", "는", "이", "가", "께서")


def selector_runs(view: TextView, ms: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """ANNOUNCES from a selecting body to the program it selects for (see the module docstring)."""
    text = view.text
    for t in _SELECT.finditer(text, *sent):
        ts = t.start()
        bodies = [m for m in ms if m.label == "MINISTRY" and m.end <= ts and view.tail(m.end) in _SUBJECT]
        if not bodies:
            continue
        body = bodies[0]
        progs = [m for m in ms if m.label == "INITIATIVE" and body.end <= m.start and m.end <= ts
                 and m.attrs.get("kind") in _RUN and not m.attrs.get("generic")]
        if not progs or any(m.label == "MINISTRY" and body.end <= m.start < ts and view.tail(m.end) in _SUBJECT
                            for m in ms):
            continue  # another subject between: the verb is not the body's
        add("ANNOUNCES", body, progs[0], si)


_THROUGH = re.compile(r"['’]?(?:[와과]\s[가-힣·\s]{1,20}?)?(?:을|를)\s통(?:해|하여)\s")
_VIA = re.compile(r"(?:을|를)\s통한\s")


def runner_of_means(view: TextView, ms: list, si: int, add: Callable) -> None:
    """ANNOUNCES from the government body that delivers a program: the subject that acts through it
    ('한국로봇산업진흥원은 로봇 보급 사업과 실증 지원을 통해 … 덜어주고 있다') and the body a
    program goes through ('산업은행을 통한 17조원 규모의 저리 대출 프로그램')."""
    text = view.text
    progs = [m for m in ms if m.label == "INITIATIVE" and m.attrs.get("kind") in _RUN and not m.attrs.get("generic")]
    for p in progs:
        if _THROUGH.match(text, p.end):
            subj = [m for m in ms if m.label == "MINISTRY" and m.end <= p.start  # a company uses it
                    and view.tail(m.end) in _SUBJECT]
            if len(subj) == 1 and not any(m.start < p.start and m.end > subj[0].end for m in ms if m.label != "DATE"):
                add("ANNOUNCES", subj[0], p, si)
    for b in ms:
        if b.label == "MINISTRY" and _VIA.match(text, b.end):
            nxt = next((m for m in ms if m.start > b.end and m.label not in ("QUANTITY", "DATE")), None)
            if nxt is not None and nxt in progs and nxt.start - b.end <= 30:
                add("ANNOUNCES", b, nxt, si)
