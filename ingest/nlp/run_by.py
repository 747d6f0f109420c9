"""A programme a body runs, named after the clause that says so: 'X가 추진하고 있는 Y'.

Releases and news name a body's running programme in passing, in a relative clause before the
programme's name rather than as the sentence's own act:

    정부는 해양수산부가 추진하고 있는 '어촌뉴딜 300 사업'을 확대한다    해양수산부 runs it
    이는 국토교통부가 운영 중인 '청년 전세자금 대출'과 연계된다
    농림축산식품부가 올해 처음 도입한 '농업인 공익직불제'는 …
    이번 행사는 보건복지부가 추진 중인 '헌혈 릴레이 캠페인'의 일환이다

The guideline reads a body that sets up, runs or holds an initiative as announcing it
(ANNOUNCES). The sentence rules (relations.py) look for the initiative as the object of the
verb and miss it after an adnominal ('-하고 있는', '-중인', '-해 온'), or give it to the
sentence's topic ('이번 행사는'). Only the initiative right after the adnominal and a body
marked as the clause's subject (이/가/에서) a few words before it count; 주관 ('in charge of')
is LEADS, not this.

A body that takes applications for a programme or picks its recipients runs it too
('중소벤처기업부는 '스마트공장 구축 지원사업' 신청을 3월 10일부터 접수한다', '… 지원사업' 대상자
2000명을 선발한다'; selects.py reads 선정): the body is the sentence's subject, the programme
stands right before the call's noun. So does the subject that acts for running it ('대덕구는 …
공공청사 건립 사업 추진을 위한 업무협약을 체결했다'): the sentence rules leave a trigger used as a
noun ('추진을') alone, but '… 추진을 위한/위해' names the purpose of the subject's own act.
"""
from __future__ import annotations

import re
from typing import Callable

from ingest.nlp.view import TextView

_VERBS = r"(?:추진|운영|시행|실시|도입|개최|주최|마련|수립|발표|출범|신설|공모|모집|확정)"
# the adnominal of running or having set up, then the name (opening quote allowed)
_RUNS = re.compile(_VERBS + r"(?:하고\s?있는|해\s?오고\s?있는|해\s?온|해\s?왔던|\s?중인|하는|한|했던|시킨)\s['‘\"“「『]?")
_QUOTE_CHARS = "'‘\"“「『"
# the body as the clause's subject, then at most four words (a time, a purpose) before the verb
_SUBJECT = re.compile(r"(?:\([^()]{0,25}\))?(?:이|가|에서|측이)\s(?:[^\s.,]+\s){0,4}?$")
_CLAUSE_END = re.compile(r"(?:고|며|면서|는데|지만|으나|서)\s")  # another clause between: its verb, not ours
_COORD = re.compile(r"(?:\([^()]{0,25}\))?(?:와|과|,|·)\s?")
_BODIES = ("MINISTRY", "ORGANIZATION", "COMPANY")
_BETWEEN_OK = ("DATE", "QUANTITY", "LOCATION", "TIME")  # '올해', '전국 200곳에서'
_REACH = 40


def run_by_relations(view: TextView, ms: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """ANNOUNCES body → the initiative named right after the clause in which the body runs it."""
    text, (ss, se) = view.text, sent
    if not any(v in text[ss:se] for v in ("추진", "운영", "시행", "실시", "도입", "개최", "주최", "마련", "수립",
                                          "발표", "출범", "신설", "공모", "모집", "확정")):
        return
    for r in _RUNS.finditer(text, ss, se):
        init = next((m for m in ms if m.start == r.end() and m.label == "INITIATIVE"), None)
        if init is None and text[r.end() - 1] in _QUOTE_CHARS:
            init = next((m for m in ms if m.start == r.end() - 1 and m.label == "INITIATIVE"), None)
        if init is None or init.attrs.get("generic"):
            continue
        bodies = [m for m in ms if m.label in _BODIES and m.end <= r.start() and r.start() - m.end <= _REACH]
        subj = next((b for b in reversed(bodies) if _SUBJECT.fullmatch(text, b.end, r.start())), None)
        if subj is None:
            continue
        gap = text[subj.end:r.start()]
        if _CLAUSE_END.search(gap) or any(m.start >= subj.end and m.end <= r.start() and m.label not in _BETWEEN_OK for m in ms):
            continue  # 'A가 B와 협력해 운영하는': another party or clause between decides
        if any(x.tag == "JKS" or x.tag == "JX" and x.form in ("은", "는") for x in view.morphs_in(subj.end + 2, r.start())):
            continue  # a subject between is the clause's own
        heads = [subj]
        earlier = [m for m in ms if m.label in _BODIES and m.end <= subj.start]
        while earlier and _COORD.fullmatch(text, earlier[-1].end, heads[-1].start):
            heads.append(earlier.pop())  # 'A와 B가 공동 주최하는'
        for h in heads:
            add("ANNOUNCES", h, init, si)



# the programme, then its call: '… 신청을 접수한다', '… 참가 신청을 받는다', '… 대상자 200명을 선발한다'
_CALL = re.compile(r"['’\"”」』]?\s(?:(?:참가|참여|지원|사업)\s?)?(?:신청|접수)(?:을|를)\s(?:[^\s.,]+\s){0,3}?(?:접수(?:한|하|합|했)|받(?:는|습|고|을|았))"
                   r"|['’\"”」』]?\s(?:지원\s?)?(?:대상자|참여자|참가자|수혜자|교육생)(?:\s[\d,]+\s?[가-힣]{1,2})?(?:을|를)\s(?:[^\s.,]+\s){0,3}?선발(?:한|하|합|했)")
_RUN_KINDS = ("program", "project", "fund")
_SUBJ_TAILS = ("은", "는", "이", "가", "에서는")


def call_runs(view: TextView, ms: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """ANNOUNCES body → the programme it takes applications for or picks recipients of."""
    text, (ss, se) = view.text, sent
    if "신청" not in text[ss:se] and "접수" not in text[ss:se] and "선발" not in text[ss:se]:
        return
    for p in ms:
        if p.label != "INITIATIVE" or p.attrs.get("kind") not in _RUN_KINDS or p.attrs.get("generic") \
                or not _CALL.match(text, p.end):
            continue
        subj = [m for m in ms if m.label == "MINISTRY" and m.end <= p.start and view.tail(m.end) in _SUBJ_TAILS]
        if len(subj) != 1 or any(m.label in _BODIES and subj[0].end <= m.start < p.start for m in ms):
            continue  # none, several, or another body between (whose programme it may be)
        add("ANNOUNCES", subj[0], p, si)


# '… 사업 추진을 위한 협약', '… 캠페인 공동 추진을 위해', '… 제도 도입을 위하여'
# ('… 건설사업 추진을 통해 … 확대하겠습니다': running it is the means of the subject's act)
_FOR_RUNNING = re.compile(r"['’\"”」』]?\s(?:공동\s|본격\s|원활한\s|성공적인\s)?(?:추진|시행|도입|운영|수립|마련)(?:을|를)\s(?:위(?:한|해|하여)|통(?:해|하여))\s")


def purpose_runs(view: TextView, ms: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """ANNOUNCES subject body → the initiative its act serves to run ('… 추진을 위한', '… 추진을 통해')."""
    text, (ss, se) = view.text, sent
    if "위" not in text[ss:se] and "통" not in text[ss:se]:
        return
    for p in ms:
        if p.label != "INITIATIVE" or p.attrs.get("generic") or p.attrs.get("kind") == "meeting" \
                or not _FOR_RUNNING.match(text, p.end):
            continue
        subj = [m for m in ms if m.label in _BODIES and m.end <= p.start and view.tail(m.end) in _SUBJ_TAILS]
        if len(subj) != 1 or any(m.label in _BODIES + ("PERSON",) and subj[0].end <= m.start < p.start for m in ms):
            continue  # none, several, or another party between ('정부의 … 추진을 위해': whose it is)
        add("ANNOUNCES", subj[0], p, si)
