"""A launch or announcement with no subject of its own is the document's lead body's.

A release names its body once ('산업통상자원부는 1일 … 전략을 발표했다', or a heading
'환경부, 미세먼지 대책 발표') and goes on without it, as Korean drops a subject the
discourse carries: '공급망 분야에서는 민관 협의 창구인 '배터리 얼라이언스'를 이날 함께
출범시켰다', '아울러 하반기 중 충전소 구축 계획을 발표할 예정이다'. Launching and setting up
(출범, 발족, 신설, 꾸리다, 조성, 설치, 만들다), announcing and putting in force (발표, 수립, 마련,
확정, 시행, 공고, 내놓다), running it from now on (추진, 운영, 도입, 실시: '… 바우처 사업을 새로 도입한다') and holding a meeting still to come (개최한다, 개최할 예정) are read so:
what the verb takes the sentence names as its object, and no other subject stands before it.
A minister's or agency head's work report opens with the speaker ('과학기술정보통신부 장관 김민수입니다',
'… 주요 현안을 보고드리겠습니다') and pledges without a subject ('… 계획을 수립하겠습니다'): the
speaker's body is the lead, and only the report's own '-겠습니다' counts (a quoted '-겠다고' may be
anyone's). The minister of the release ('김 장관은', '장관은') announces a plan for that body (the
guideline: in a ministry's own release '장관' is that ministry's minister); a meeting a named
minister holds is theirs to lead (frames.py), not the body's announcement.
"""
from __future__ import annotations

import re
from typing import Callable

from ingest.nlp.view import TextView

# the name, and the class noun a quoted name may have after it ("'… 바우처' 사업을 시행한다")
_NAMED = r"(?:['’\"”」]\s?(?:사업|행사|캠페인|프로그램|제도|축제|대회|공모전|공모)|['’\"”」])?"
_LAUNCH = re.compile(_NAMED + r"(?:을|를)\s(?:\d[\d.]*\s?[가-힣]{0,2}\s){0,2}(?:[가-힣]+\s){0,2}(?:출범시|출범했|출범한다|발족|신설했|신설한다|꾸렸|꾸려|꾸린다|조성해|조성하|조성했|조성한다|설치했|설치한다|만들었|만든다"
                     r"|발표(?:했|한다|하고|하며|할|합니다|하였)|수립(?:했|한다|하고|하며|할|합니다|하였)|마련(?:했|한다|하고|하며|할|합니다|하였)"
                     r"|확정(?:했|한다|하고|하며|할|합니다|하였)|시행(?:한다|하고|하며|할|합니다)|공고(?:했|한다|할|합니다)|내놓(?:았|는다|을|고)"
                     r"|(?:추진|운영|도입|실시)(?:한다|하고|하며|할|합니다|하기로)"
                     # a report's or speech's own pledge, not one quoted ('…하겠다고 말했다' may be anyone's):
                     # '… 계획을 수립하겠습니다', '… 사업을 추진해 나가겠습니다'
                     # (expanding, funding or strengthening a named programme in the report is running it:
                     # '… 양성 사업을 확대하겠습니다')
                     r"|(?:추진|운영|도입|실시|수립|마련|시행|신설|출범시키|발표|확정|확대|지원|강화)(?:하겠|해\s?나가겠|해\s?가겠)습니다(?=[.\s]|$))")
# running it as the means of the subject's act: '… 건설사업 추진을 통해 우주탐사를 확대하겠습니다' (not a
# purpose, which often names a meeting's aim: '… 협약 마련을 위한 정부간협상위원회가 개막했다')
_MEANS = re.compile(_NAMED + r"\s(?:추진|시행|도입|운영|수립|마련)(?:을|를)\s통(?:해|하여)\s")
# (a day in digits may stand before the verb: '… 출범식을 10일 개최한다')
# holding a meeting counts only when it is still to come ('…을 개최한다', '개최할 예정'): a past
# meeting without a subject is often another's ('이날 간담회를 열었다' in a report of a visit)
_HOLD = re.compile(_NAMED + r"(?:을|를)\s(?:\d[\d.]*\s?[가-힣]{0,2}\s){0,2}(?:[가-힣]+\s){0,2}(?:개최(?:한다|할|합니다|하기로|하겠습니다)|연다|엽니다|열\s(?:예정|계획)|열겠습니다|갖는다|갖습니다|가질\s(?:예정|계획))")
_SUBJECT = ("은", "는", "이", "가", "께서")
_ACTORS = ("MINISTRY", "COMPANY", "ORGANIZATION", "PERSON")
# a heading that opens with the body: '환경부, 미세먼지 대책 발표'
_HEADING = re.compile(r"\s?[,·]\s")
_BRACKETED_SUBJECT = re.compile(r"\([^()]{1,40}\)(?:은|는|이|가)\s")
_SPEAKER = re.compile(r"(?:장|\s(?:제?\d차관|[가-힣]{0,6}(?:장관|차관|청장|위원장|처장|원장|본부장)))\s[가-힣]{2,4}입니다"
                      # or with the body whose work is reported: '… 과학기술정보통신부 주요 현안을 보고드리겠습니다'
                      r"|(?:의)?\s(?:[가-힣]+\s){0,2}?(?:현안|업무현황|업무\s현황|업무|업무계획|업무\s계획)(?:을|를)\s보고(?:드리겠|하겠|드립)")


_HEAD_SPEAKER = re.compile(r"\s(?:사장|이사장|원장|회장)\s[가-힣]{2,4}입니다")


def lead_body(view: TextView, mentions: list, sents: list[tuple[int, int]]):
    """The government body that is the subject of the document's opening sentences, or
    that opens its heading ('환경부, …')."""
    limit = sents[min(2, len(sents) - 1)][1] if sents else 0
    first = next((m for m in mentions if m.start < limit), None)
    if first is not None and first.label == "MINISTRY" and first.start <= 2 and _HEADING.match(view.text, first.end):
        return first
    # (a release's standard opening names its minister and short name in brackets:
    # '농림축산식품부(장관 송미령, 이하 농식품부)는 …')
    subject = next((m for m in mentions if m.label == "MINISTRY" and m.end <= limit
                    and (view.tail(m.end).lstrip(")") in _SUBJECT or _BRACKETED_SUBJECT.match(view.text, m.end))), None)
    if subject is not None:
        return subject
    # a report or speech that opens with its speaker: '과학기술정보통신부 장관 김민수입니다', '기상청장 박영수입니다'
    # (a public corporation's or institute's head reporting to a committee: 'EBS 사장 김유열입니다')
    return next((m for m in mentions if m.end <= limit and (m.label == "MINISTRY" and _SPEAKER.match(view.text, m.end)
                 or m.label in ("COMPANY", "ORGANIZATION") and _HEAD_SPEAKER.match(view.text, m.end))), None)


def carried_launches(view: TextView, ms: list, own: list, lead, si: int, add: Callable, out: list) -> None:
    """ANNOUNCES from the lead body to what a subjectless sentence launches or announces,
    or to what the release's minister announces."""
    announced = {t for kind, _h, t, _si in out if kind == "ANNOUNCES"}
    for h in own:
        meeting = h.attrs.get("kind") == "meeting"
        if h.key in announced or h.attrs.get("generic") or not ((_HOLD if meeting else _LAUNCH).match(view.text, h.end)
                                                                   or not meeting and _MEANS.match(view.text, h.end)):
            continue
        if any(m.label == "MINISTRY" and m.end <= h.start for m in ms):
            continue  # a body named in the sentence: the sentence rules decided
        subjects = [m for m in ms if m.label in _ACTORS and m.end <= h.start and _subject(view, m)]
        if subjects and not (not meeting and all(_minister(view, m) for m in subjects)):
            continue  # the sentence has its own subject: the sentence rules decided
        start = max(view.text.rfind("\n", 0, h.start), view.text.rfind(". ", 0, h.start)) + 1
        if not subjects and _noun_subject(view, ms, start, h.start):
            continue  # '한편 업계는 … 계획을 발표할 예정이다': a subject that is no entity, not the body
        add("ANNOUNCES", lead, h, si)


def _subject(view: TextView, m) -> bool:
    if view.tail(m.end) in _SUBJECT:
        return True
    title = m.attrs.get("title")
    return m.label == "PERSON" and bool(title) and re.match(rf"\s{re.escape(title)}(?:은|는|이|가|께서)\s", view.text[m.end:m.end + 12]) is not None


def _minister(view: TextView, m) -> bool:
    """A person titled 장관 with no body in the title phrase ('이정식 장관은')."""
    return m.label == "PERSON" and m.attrs.get("title") == "장관" and not m.attrs.get("_org")


_TIME_NOUNS = frozenset({"오늘", "이날", "당일", "올해", "내년", "금년", "연내", "연말", "현재", "최근", "앞으로", "향후", "이번", "이후"})


def _noun_subject(view: TextView, ms: list, a: int, b: int) -> bool:
    """Whether a common noun outside any mention is marked as the subject or topic between
    `a` and `b` ('업계는', '지자체들이'); time words ('올해는'), adverbial phrases
    ('분야에서는') and the release's own '장관은' are not subjects of another."""
    inside = [(m.start, m.end) for m in ms]
    morphs = view.morphs_in(max(a, b - 200), b)
    for x, y in zip(morphs, morphs[1:]):
        if not (y.tag == "JKS" or (y.tag == "JX" and y.form in ("은", "는"))):
            continue
        if x.tag in ("NNG", "NNP", "XSN", "NNB") and x.form not in _TIME_NOUNS and x.form != "장관" \
                and not any(s <= x.start < e for s, e in inside):
            return True
    return False
