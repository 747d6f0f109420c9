"""What the Assembly's committee minutes say in their own way: bills, budgets, laws cited, stages.

Bills: a law's name with the kind of bill after it.

    먼저 과학관의 설립·운영 및 육성에 관한 법률 일부개정법률안(대안)은 …
    다음으로 강민국 의원이 대표발의한 우주개발 진흥법 일부개정법률안은 …

The law is found by its own rules (initiatives.find_laws, the head word 법); the bill is
another thing than the law it amends (the guideline: 'each bill or amendment is its own
span, the law it amends another', as '과기 출연기관법 개정안'), so the law and the words
'일부개정법률안' / '전부개정법률안' / '폐지법률안' become one INITIATIVE, the bill's. A bill
written apart from any law name ('법률안을 심사', '6건의 법률안') is no name.

Relations the sentence rules read into the minutes' wording (drop_misreadings), checked on
unlabelled speeches of 과학기술정보방송통신위원회:

- a year that dates a budget ('2025년 예산안과 방송통신발전기금 운용계획안', '국정감사에 이어
  2025년도 예산안을 심사') is the budget's year, no schedule of the fund or audit beside it
  (the guideline: 'the funding year is a budget's, not a programme's schedule');
- a law cited by its article ('… 법률 제5조의2에 따른 … 동법 제6조에 따라 오늘 6시까지
  동행할 것을 명령') is the basis of an act, not an event with a date;
- a date given to a body by its launch ('9월에 출범하는 국가인공지능위원회를 통해 … 인공지능 기본법
  제정에') is the body's, not the date of the initiative the sentence is about;
- a committee named beside the plenary as a stage of a bill's passage ('예결위와 본회의까지
  통과될 수 있도록', '법사위와 본회의 의결 과정에서') does not take part in the plenary.

And one the rules miss (hearing_parties): the bodies an agenda item lists as those a hearing
is about ('과학기술정보통신부, 방송통신위원회 등에 대한 현안질의', '… 원자력안전위원회를 대상으로
현안질의를 실시') take part in it, each of them, as one body alone does in
frame_events._heard ('방송통신심의위원회에 대한 현안질의': the guideline's bodies summoned or
audited), also with the day and manner between ('문화방송에 대해서는 10월 14일 비공개로
업무보고를 받도록'). Two more the chair's and a new head's words state (sitting_parties):
the member or head the chair calls on to greet or to ask in the sitting the same speech opens
('제6차 과학기술정보방송통신위원회를 개의하겠습니다 … 정동영 위원님 인사말씀 해 주시기 바랍니다')
takes part in that sitting (the guideline: members who put questions in a sitting take part in
it); the witnesses the chair introduces after '오늘 청문회에 출석하신 증인을 소개해 드리겠습니다'
('조성은 방송통신위원회 사무처장입니다.' …, until the oath) take part in that hearing, with their
bodies (the guideline's attendee list with affiliations); a head who introduces himself as the one in charge of the body ('우주항공청을 맡고 있는 청장
윤영빈입니다') leads it.
"""
from __future__ import annotations

import re

from typing import Any

from ingest.nlp.ents import Ent
from ingest.nlp.view import TextView

# the kind of bill right after the law's name; '(대안)' after it stays outside
_BILL_TAIL = re.compile(r" ?(?:일부개정|전부개정|개정|폐지)법률안")


def join_bills(view: TextView, ents: list[Ent]) -> list[Ent]:
    """A law followed by its bill's kind ('방송법 일부개정법률안') is one span, the bill."""
    text = view.text
    taken = {e.start for e in ents}
    for e in ents:
        if e.label != "INITIATIVE" or not (text.endswith("법", 0, e.end) or text.endswith("법률", 0, e.end)):
            continue
        m = _BILL_TAIL.match(text, e.end)
        if m is None or m.end() in taken or not view.aligned(e.start, m.end()) or not view.is_cut(m.end()):
            continue
        e.end = m.end()
        e.attrs["kind"] = "law"
        e.attrs["generic"] = False
        e.canonical = None
    return ents


_BUDGET_AFTER = re.compile(r"(?:도)?\s?(?:정부\s?)?(?:R&D\s?)?(?:세입|세출)?(?:예산|결산|기금운용계획)")
_ARTICLE_AFTER = re.compile(r"\s?제\d+조|에\s?(?:따르면|의하면)\s")  # cited by article or as a source
_BODY_LAUNCH = re.compile(r"(?:에|부터)?\s(?:출범|설립|신설|발족|개청|개원|설치)(?:하는|할|한|되는|될|된)\s")
_STAGE = frozenset({"본회의", "전체회의"})
_COMMITTEE_END = ("위원회", "위", "소위")


def drop_misreadings(view: TextView, mentions: list, rels: list[tuple[str, Any, Any, int]]) -> list:
    """`rels` without the readings above; `mentions` have .start, .end, .label; a relation's
    head and tail are (start, end) keys of mentions."""
    text = view.text
    by_key = {(m.start, m.end): m for m in mentions}
    body_starts = {m.start for m in mentions if m.label in ("MINISTRY", "ORGANIZATION", "COMPANY")}
    out = []
    for rel in rels:
        kind, h, t = rel[0], by_key.get(rel[1]), by_key.get(rel[2])
        if h is not None and t is not None:
            if kind == "SCHEDULED_FOR" and t.label == "DATE" and _BUDGET_AFTER.match(text, t.end):
                continue
            if kind == "SCHEDULED_FOR" and h.attrs.get("kind") == "law" and _ARTICLE_AFTER.match(text, h.end):
                continue
            if kind == "SCHEDULED_FOR" and (launch := _BODY_LAUNCH.match(text, t.end)) is not None \
                    and launch.end() in body_starts and h.start > launch.end():
                continue
            if kind == "PARTICIPATES_IN" and text[t.start:t.end] in _STAGE and text[h.start:h.end].endswith(_COMMITTEE_END) \
                    and text[h.end:t.start] in ("와 ", "과 "):
                continue
        out.append(rel)
    return out


_HEARINGS = ("청문회", "현안질의", "국정감사", "업무보고", "공청회")
_ABOUT_LIST = re.compile(r"(?:\s등)?(?:에\s?대한|에\s?대해서?|(?:을|를)\s대상으로)\s(?:[가-힣]+\s)?")
_ABOUT_THEN = re.compile(r"에\s?대해서?는\s(?:\S+\s){0,3}")
_LIST_SEP = re.compile(r"(?:,\s?|·|와\s|과\s|\s및\s)")
_PARTIES = ("MINISTRY", "COMPANY", "ORGANIZATION")


def hearing_parties(view: TextView, mentions: list, sents: list[tuple[int, int]]) -> list[tuple]:
    """PARTICIPATES_IN for each body of a list a hearing is about (see the module's note)."""
    text = view.text
    if "대한" not in text and "대해" not in text and "대상으로" not in text:
        return []
    out = []
    for i, h in enumerate(mentions):
        if h.label != "INITIATIVE" or not text[h.start:h.end].endswith(_HEARINGS):
            continue
        si = next((k for k, (a, b) in enumerate(sents) if a <= h.start < b), None)
        j, listed = i - 1, []
        while j >= 0 and mentions[j].label in _PARTIES:
            m = mentions[j]
            between = text[m.end:(listed[-1].start if listed else h.start)]
            if not (_LIST_SEP.fullmatch(between) if listed else _ABOUT_LIST.fullmatch(between)):
                break
            listed.append(m)
            j -= 1
        # one body alone 'in regard to' it: frame_events._heard; 'A를 대상으로' here
        if si is not None and (len(listed) > 1 or listed and "대상으로" in text[listed[0].end:h.start]):
            out += [("PARTICIPATES_IN", (m.start, m.end), (h.start, h.end), si) for m in listed]
        elif si is not None and not listed and j >= 0:
            # '문화방송에 대해서는 10월 14일 비공개로 업무보고를': only a date or time between
            b = next((m for m in reversed(mentions[:i]) if m.label not in ("DATE", "TIME")), None)
            if b is not None and b.label in _PARTIES and _ABOUT_THEN.fullmatch(text, b.end, h.start):
                out.append(("PARTICIPATES_IN", (b.start, b.end), (h.start, h.end), si))
    return out


_OPENS = re.compile(r"(?:를|을)\s?(?:개의|개회)하겠습니다")
_CALLED = re.compile(r"[^.?!]{0,40}?(?:인사말씀|인사 말씀|질의)(?:을|를)?\s?(?:해\s?)?(?:주시기\s바랍니다|주십시오|하십시오|하시기\s바랍니다)")
_IN_CHARGE = re.compile(r"(?:을|를)\s맡고\s있는\s([가-힣]{1,10})\s")


def sitting_parties(view: TextView, mentions: list, sents: list[tuple[int, int]]) -> list[tuple]:
    """PARTICIPATES_IN for those called on in the sitting a speech opens; LEADS for a head
    'in charge of' the body he names (see the module's note)."""
    from ingest.nlp.titles import LEAD_TITLES

    text = view.text

    def sent_of(pos: int) -> int | None:
        return next((k for k, (a, b) in enumerate(sents) if a <= pos < b), None)

    out = []
    if "맡고 있는" in text:
        for b, p in zip(mentions, mentions[1:]):
            t = _IN_CHARGE.fullmatch(text, b.end, p.start)
            if b.label == "MINISTRY" and p.label == "PERSON" and t and t.group(1) in LEAD_TITLES \
                    and (si := sent_of(p.start)) is not None:
                out.append(("LEADS", (p.start, p.end), (b.start, b.end), si))
    out += _introduced(view, mentions, sents)
    if "개의하겠습니다" not in text and "개회하겠습니다" not in text:
        return out
    sitting = next((m for m in mentions if m.label == "INITIATIVE" and _OPENS.match(text, m.end)), None)
    if sitting is None:
        return out
    for p in mentions:
        if p.label != "PERSON" or p.start < sitting.end or not _CALLED.match(text, p.end):
            continue
        call = _CALLED.match(text, p.end)
        if any(q.label == "PERSON" and p.end <= q.start < call.end() for q in mentions) \
                or (si := sent_of(p.start)) is None:
            continue
        out.append(("PARTICIPATES_IN", (p.start, p.end), (sitting.start, sitting.end), si))
    return out


_ATTENDED = re.compile(r"에\s출석하신\s(?:증인|참고인|진술인)")
_INTRO_END = re.compile(r"입니다[.]?(?:\s*\([^()]{1,20}\))?\s*$")  # '… 사무총장입니다. (인사)'


def _introduced(view: TextView, mentions: list, sents: list[tuple[int, int]]) -> list[tuple]:
    """Who the chair introduces one by one after naming the hearing they attend."""
    text = view.text
    if "출석하신" not in text:
        return []
    out: list[tuple] = []
    for h in mentions:
        if h.label != "INITIATIVE" or not text[h.start:h.end].endswith(_HEARINGS) or not _ATTENDED.match(text, h.end):
            continue
        misses = 0
        for si, (a, b) in enumerate(sents):
            if a <= h.end or misses >= 3:
                continue
            line = text[a:b].strip()
            if "선서" in line:
                break
            inside = [m for m in mentions if a <= m.start < b]
            lead = a + len(text[a:b]) - len(text[a:b].lstrip())
            if inside and inside[0].label == "PERSON" and inside[0].start == lead and len(line) <= 60 and _INTRO_END.search(line):
                misses = 0
                out += [("PARTICIPATES_IN", (m.start, m.end), (h.start, h.end), si) for m in inside
                        if m.label == "PERSON" and m is inside[0] or m.label in _PARTIES]
            else:
                misses += 1
        break
    return out


# what only the minutes of a sitting say: its procedure, whoever speaks
_MINUTES_CUES = re.compile(r"선포합니다|이의\s?(?:없으십니까|있으십니까)|의사일정\s?제\d+항|하는 위원 있음|간사와의 협의|간사 위원")


def drop_bare_sittings(text: str, ents: list[Ent]) -> list[Ent]:
    """A bare '회의' in a speech of the minutes ('당초 오늘 회의 안건에는 없었지만', '이것으로 오늘 회의를
    마치겠습니다') is the sitting the speech is made in, or sittings in general, as
    initiatives.drop_sitting_refs reads it where the speech opens the sitting: no mention of
    its own (the gold's committee speeches leave it unannotated)."""
    if "회의" not in text or _MINUTES_CUES.search(text) is None:
        return ents
    return [e for e in ents if not (e.label == "INITIATIVE" and e.attrs.get("_bare") and text[e.start:e.end] == "회의")]


# a body's own report in the minutes: '과학기술정보통신부 업무현황을 보고드리겠습니다', '우주항공청 소관
# 2025년도 예산안 … 제안설명드리겠습니다', '… 주요 현안을 보고드리겠습니다'
_REPORT = re.compile(r"(?:의|\s소관)?\s(?:[가-힣0-9]+\s){0,4}?(?:업무현황|업무보고|주요\s?현안|현안|예산안|결산|경영실적)[가-힣]{0,8}\s?"
                     r"(?:을|를|에\s?대해(?:서)?|에\s?대하여)\s(?:간략히\s|간단히\s)?(?:보고드리|보고\s?드리|제안설명)")
# what the body sets up or runs: '… 로드맵을 마련하고', '… 건설사업 추진을 통해', '… 사업을 추진하겠습니다'
_RUNS = re.compile(r"['’\"”」』]?(?:(?:을|를)\s(?:[가-힣]+\s){0,2}?(?:마련|수립|추진|시행|운영|구축|도입|확정|신설|출범)"
                   r"|\s(?:추진|시행|운영|구축)(?:을|를)\s통해)")


def report_plans(view: TextView, mentions: list, sents: list[tuple[int, int]]) -> list[tuple]:
    """ANNOUNCES by the reporting body for the named plans and programmes its own report says it
    sets up or runs with no other body in the sentence (the guideline's fourth batch: the omitted
    subject of a body's own report in the minutes is that body)."""
    text = view.text
    if "보고" not in text and "제안설명" not in text:
        return []
    reporter = next((m for m in mentions if m.label == "MINISTRY" and _REPORT.match(text, m.end)), None)
    if reporter is None:
        return []
    out = []
    for si, (a, b) in enumerate(sents):
        if b <= reporter.end:
            continue
        inside = [m for m in mentions if a <= m.start < b]
        for m in inside:
            if m.label != "INITIATIVE" or m.attrs.get("kind") in ("meeting", "law") or m.attrs.get("generic") \
                    or not _RUNS.match(text, m.end):
                continue
            if any(o.label in _PARTIES and o is not m and o.start < m.start and text[o.start:o.end] != text[reporter.start:reporter.end]
                   for o in inside):
                continue  # another body in the sentence before it: its own plan, or a joint one
            out.append(("ANNOUNCES", (reporter.start, reporter.end), (m.start, m.end), si))
    return out


_TERM_BEFORE = re.compile(r"제\d{1,2}대\s$")
_LEGISLATURES = ("위원회", "위", "의회", "국회")


def join_terms(text: str, ents: list[Ent]) -> list[Ent]:
    """A legislature or its committee named with its term ('제21대 과방위', '제22대 국회') is the
    body, one span with the term (the guideline: 'a council named with its term is the body');
    an ordinal sitting ('제417회 국회') is another thing, an event (initiatives.find_sittings)."""
    if "대 " not in text:
        return ents
    starts = {e.end for e in ents}
    for e in ents:
        if e.label != "MINISTRY" or not text.endswith(_LEGISLATURES, 0, e.end):
            continue
        m = _TERM_BEFORE.search(text, max(0, e.start - 6), e.start)
        if m is not None and m.start() not in starts and (m.start() == 0 or not text[m.start() - 1].isalnum()):
            e.start = m.start()
    return ents
