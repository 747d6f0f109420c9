"""Who takes part, where a release names the parties apart from the sentence of the event:

    새만금 그린 트러스트 업무협약 체결                        the headline names the agreement
    - 새만금청-새만금공사-새만금간척박물관-산단 입주기업 참여    'A-B-C 참여': each takes part in it
    ** (참여 기관·기업) A청, B공사, C박물관, D텍              a labelled note: each takes part in the
                                                           event of the sentence the note hangs on
    A부는 … B처, C부, D부 등 5개 부처 공동으로 … 보고하였다   a joint report: all report, all take part
    X 청장과 직원들이 … 'Y 행사'에서 …                      a head with the staff takes part

The guideline (ingest/nlp/gold/README.md, sixth batch): the parties to an MOU listed in a footnote
each take part, the reporting body included; the ministries counted as reporting in a joint work
briefing take part in it. Names in such lists that no other rule found are typed by their shape
(`find_party_items`), since a note of parties is where releases name small companies first.
"""
from __future__ import annotations

import re
from typing import Callable, Iterator

from ingest.nlp.ents import span_mask
from ingest.nlp.view import TextView

AGENTS = ("COMPANY", "ORGANIZATION", "PERSON", "MINISTRY")
Cand = tuple[int, int, str, dict]

# '** (참여 기관·기업) A, B, C', '※ 참여기관 : A, B', '(참석) A, B', '※ 참석 : A, B': a labelled list of parties
# ('참석자 :' lines of people are frames.py's)
_LABEL = r"(?:참여|참석|참가|협약)(?:[ \t]?(?:기관|기업|업체|단체|사)(?:[ \t]?[·ㆍ,/및][ \t]?(?:기관|기업|업체|단체))?)?"
_LABELLED = re.compile(r"^[ \t]*(?:\*+|※|ㅇ|-|□)?[ \t]*(?:[(\[［<〈][ \t]*" + _LABEL + r"[ \t]*[)\]］>〉][ \t]*[:：]?|" + _LABEL
                       + r"[ \t]*[:：])[ \t]*(?P<items>[^\n]+)$", re.M)
# '- A-B-C 참여', 'A·B·C 공동 참여' as a headline line of its own (no verb but the participation)
_JOINED = re.compile(r"^[ \t]*[-–○]?[ \t]*(?P<items>[^\s\n][^\n]*?[-·ㆍ][^\n]*?)[ \t](?:등[ \t])?(?:공동[ \t]?)?"
                     r"(?:참여|참석|참가)[ \t]*$", re.M)
# 'B, C 등 5개 부처 공동으로', '4개 기관 합동으로': a count of bodies acting together
_JOINT_COUNT = re.compile(r"(?:\s?등)?\s[\d,]+개\s?(?:부처|기관|부·청|부청|청)(?:가|이)?\s(?:공동|합동)(?:으로)?\s")
_REPORTED = re.compile(r"보고(?:하였|했|한다|합니다|드렸|드립니다|할\s예정|할\s계획)")
# 'X 청장과 직원들이', 'X 장관과 임직원들은': a head with the staff of the body
_WITH_STAFF = re.compile(r"\s?(?:[가-힣]{1,12}\s)?[가-힣]{0,10}(?:장관|차관|청장|처장|원장|사장|위원장|본부장|이사장|회장|시장|군수|구청장|지사)"
                         r"(?:과|와)\s(?:직원|임직원|공무원|관계자|소속\s직원)들?(?:이|은|는)\s")
# shapes of names in a list of parties
_GOV_SHAPE = re.compile(r"(?:청|부|처|공사|공단|진흥원|개발원|관리원|위원회|진흥회)$")
_ORG_SHAPE = re.compile(r"(?:박물관|미술관|과학관|협회|학회|연합회|대학교|대학|병원|재단|조합)$")
_GENERIC = re.compile(r"(?:기업|업체|기관|단체|회사|관계자|주민|시민|기업들|기관들)$")
_ITEM = re.compile(r"[^,，、·ㆍ\-–]+")


def find_party_items(view: TextView, ents: list[Cand]) -> Iterator[Cand]:
    """Names in a labelled list of parties or an 'A-B-C 참여' line that no rule typed: by shape a
    government or public body (…청, …공사, …진흥원), an organisation (…박물관, …협회), else a
    company where the label counts companies."""
    text = view.text
    if "참" not in text and "협약" not in text:
        return
    taken = span_mask(len(text), ents)
    for rx in (_LABELLED, _JOINED):
        for m in rx.finditer(text):
            companies = rx is _LABELLED and re.search(r"기업|업체|사\b", text[m.start():m.start("items")]) is not None
            for part in _ITEM.finditer(text, *m.span("items")):
                s, e = part.span()
                while s < e and text[s] in " \t'‘\"“(":
                    s += 1
                while e > s and text[e - 1] in " \t'’\"”).":
                    e -= 1
                if text.endswith(" 등", s, e):
                    e -= 2
                word = text[s:e]
                if len(word) < 2 or len(word) > 20 or " " in word or taken.find(1, s, e) != -1 or _GENERIC.search(word) \
                        or not view.aligned(s, e) or not view.is_nominal(s, e):
                    continue
                gov, org = _GOV_SHAPE.search(word), _ORG_SHAPE.search(word)
                if gov and gov.start() >= 2:  # a name before the kind ('대학' alone is nobody)
                    yield s, e, "MINISTRY", {"rule": "party_list"}
                elif org and org.start() >= 2:
                    yield s, e, "ORGANIZATION", {"rule": "party_list"}
                elif companies and re.fullmatch(r"[가-힣A-Za-z][가-힣A-Za-z0-9&]+", word):
                    yield s, e, "COMPANY", {"rule": "party_list"}


def party_relations(view: TextView, mentions: list, sents: list[tuple[int, int]], buckets: list[list],
                    out: list, add: Callable) -> None:
    """PARTICIPATES_IN from the lists and sentences of the module docstring."""
    text = view.text
    inits = [m for m in mentions if m.label == "INITIATIVE"]
    if not inits:
        return
    for rx in (_LABELLED, _JOINED):
        for line in rx.finditer(text):
            si = _sent_of(sents, line.start("items"))
            if si is None:
                continue
            agents = [m for m in buckets[si] if m.label in AGENTS and line.start("items") <= m.start < line.end()]
            if any(m.label == "INITIATIVE" and line.start() <= m.start < line.end() for m in buckets[si]):
                continue  # the line names its own event: the sentence rules read it
            target = _event_before(view, sents, buckets, si, out, notes=rx is _LABELLED)
            for m in agents if target is not None else ():
                add("PARTICIPATES_IN", m, target, si)
    for si, (ss, se) in enumerate(sents):
        ms = buckets[si]
        _joint_report(view, ms, [m for m in ms if m.label == "INITIATIVE"], (ss, se), si, sents, buckets, add)
        _with_staff(view, ms, si, add)
        _headline_signing(view, ms, (ss, se), si, add)
        _caption(view, ms, (ss, se), si, add)
        _counted_parties(view, ms, (ss, se), si, add)
    _starred_notes(view, sents, buckets, out, add)
    _at_that_place(view, sents, buckets, add)


# "A-B, 'X 업무협약' 체결", 'A·B·C, X MOU 체결': a headline with the parties before the agreement
_SIGNED_AFTER = re.compile(r"['’\"”」』]?(?:\s?\((?:MOU|업무협약|양해각서)\))?\s?(?:체결|서명|맺어|맺었|맺는다|협약식)")
_JOINERS = re.compile(r"[\s\-–·ㆍ,'‘\"“「『]*(?:[와과]\s)?[\s'‘\"“「『]*")


def _headline_signing(view: TextView, ms: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """'환경부-환경공단, 폐배터리 업무협약 체결': every body named before an agreement that the line
    says was signed, with nothing but separators between them, is a party to it."""
    text = view.text
    for m in ms:
        if m.label != "INITIATIVE" or not _is_event(view, m) or not _SIGNED_AFTER.match(text, m.end):
            continue
        before = [a for a in ms if a.end <= m.start]
        if len(before) < 2 or any(a.label not in ("MINISTRY", "COMPANY", "ORGANIZATION") for a in before):
            continue
        pos, ok = sent[0], True
        for a in [*before, m]:
            gap = _JOINERS.fullmatch(text, pos, a.start)
            if gap is None:
                ok = False
                break
            pos = a.end
        if ok:
            for a in before:
                add("PARTICIPATES_IN", a, m, si)


# a starred word for those a note lists: '관계부처*와 함께', '7개 기관*과', '참여 기업*이'
_STAR_WORD = re.compile(r"(?:부처|기관|기업|업체|단체|개사|곳|공기업|공공기관)\*+(?=[와과이가은는도\s])")
_NOTE_MARK = re.compile(r"\s*\*(?!\*)\s*")


def _starred_notes(view: TextView, sents: list[tuple[int, int]], buckets: list[list], out: list, add: Callable) -> None:
    """'산업부는 관계부처*와 함께 점검회의를 개최했다' + '* 기획재정부, 외교부': the bodies the note lists
    for a starred word take part in the meeting or agreement of that sentence."""
    text = view.text
    if "*" not in text:
        return
    for si in range(len(sents) - 1):
        ss, se = sents[si]
        if not _STAR_WORD.search(text, ss, se):
            continue
        events = [m for m in buckets[si] if m.label == "INITIATIVE" and _is_event(view, m) and _stands(view, m)]
        ni = si + 1
        if _MARK_ONLY.fullmatch(text, *sents[ni]) and ni + 1 < len(sents):
            ni += 1  # the mark split off as a sentence of its own
        elif not _NOTE_MARK.match(text, sents[ni][0]):
            continue
        agents = [m for m in buckets[ni] if m.label in ("MINISTRY", "COMPANY", "ORGANIZATION")]
        if not events or len(agents) < 2 or any(m.label == "INITIATIVE" for m in buckets[ni]):
            continue
        joined = {t for kind, _h, t, s in out if kind in ("PARTICIPATES_IN", "ANNOUNCES") and s == si}
        target = next((m for m in events if m.key in joined), events[-1])
        for m in agents:
            add("PARTICIPATES_IN", m, target, ni)


# '이 자리에서 A 장관은 …', '… 전야제가 열렸는데, 이 자리에서 …': the place of the meeting named just before
_AT_THAT = re.compile(r"(?:^|(?<=[\s,]))(?:[□ㅇ○◦-]\s*)?(?:이날\s|또\s|또한\s)?(?:이|그)\s?자리에서(?:는)?\s", re.M)


def _at_that_place(view: TextView, sents: list[tuple[int, int]], buckets: list[list], add: Callable) -> None:
    """'X 회의가 열렸다. 이 자리에서 A 장관은 … 보고했다': the subject of a clause set 'at that place'
    takes part in the meeting named just before it (the host is dropped by relations.py)."""
    from ingest.nlp.roles import chain_back, subject  # noqa: PLC0415 (roles imports relations, which imports us)
    text = view.text
    if "자리에서" not in text:
        return
    for si, (ss, se) in enumerate(sents):
        for at in _AT_THAT.finditer(text, ss, se):
            agents = [m for m in buckets[si] if m.label in AGENTS and m.start >= at.end()]
            first = next((m for m in agents if subject(view, m)), None)
            if first is not None and any(q in text[at.end():first.start] for q in "\"“「『‘'"):
                first = None  # '이 자리에서 대통령은 "정부가 …"': who is quoted is not there
            events = [m for m in buckets[si] if m.label == "INITIATIVE" and m.end <= at.start()]
            for pi in range(si - 1, max(-1, si - 3), -1) if not text[ss:at.start()].strip() else ():
                events = [m for m in buckets[pi] if m.label == "INITIATIVE"]
                if events:
                    break
            events = [m for m in events if m.attrs.get("kind") == "meeting" and _stands(view, m)]
            if first is None or not events:
                continue
            for m in chain_back(view, agents, first):
                add("PARTICIPATES_IN", m, events[-1], si)


# 'A·B·C 3개 기관은', 'A, B 등 2개 기업이': a list closed by its count as the subject
_COUNT_SUBJECT = re.compile(r"(?:\s?등)?\s[\d,]+\s?(?:개\s?)?(?:기관|기업|부처|개사|사|곳|단체|지자체|공공기관)(?:은|는|이|가)\s")
_SIGN_OR_ATTEND = re.compile(r"(?:체결|맺|서명|참석|참여|참가|동참)(?:했|하였|한다|합니다|하고|해|하며|할\s(?:계획|예정))")


def _counted_parties(view: TextView, ms: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """'한국전력·가스공사·한수원 3개 기관은 5일 '에너지 안전 협약'을 체결했다': every body of a list its
    count closes, as the subject, signs or attends the event the verb takes."""
    from ingest.nlp.roles import chain_back  # noqa: PLC0415 (roles imports relations, which imports us)
    text = view.text
    bodies = [m for m in ms if m.label in ("MINISTRY", "COMPANY", "ORGANIZATION")]
    for b in bodies:
        count = _COUNT_SUBJECT.match(text, b.end)
        if count is None:
            continue
        verb = _SIGN_OR_ATTEND.search(text, count.end(), sent[1])
        events = [m for m in ms if m.label == "INITIATIVE" and count.end() <= m.start and verb is not None
                  and m.end <= verb.start() and _is_event(view, m) and _stands(view, m)]
        if not events or verb.start() - events[-1].end > 12:
            continue
        for m in chain_back(view, bodies, b):
            add("PARTICIPATES_IN", m, events[-1], si)


# a photo caption: 'A 장관(왼쪽 세 번째)이 … 열린 'X'에서 … 하고 있다'
_POSITION = re.compile(r"\s?[^)\n]{0,12}\((?:앞줄\s|뒷줄\s|첫째\s줄\s)?(?:왼쪽|오른쪽|가운데|좌측|우측|중앙)[^)]{0,12}\)(?:이|가|은|는|과|와)\s")
# the progressive of a photo caption ('기념촬영을 하고 있다'), not a state ('알려져 있다', '밝힌 바 있다')
_CAPTION_END = re.compile(r"[가-힣]고\s있(?:다|습니다)\s?\.?\s*$")
# the briefer of a briefing leads it (relations.py, reports.py): no caption makes him a participant
_NOT_ATTENDED = ("브리핑", "기자회견", "회견")


def _caption(view: TextView, ms: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """'A 장관(왼쪽 세 번째)이 5일 … 열린 'X 협약식'에서 기념촬영을 하고 있다', 'A 장관과 B 차관이 …
    'X'에서 … 하고 있다': the people a photo caption places in the picture take part in the event it
    names with 에서."""
    text = view.text
    ss, se = sent
    if not _CAPTION_END.search(text, ss, se):
        return
    from ingest.nlp.roles import chain_back, subject  # noqa: PLC0415 (roles imports relations, which imports us)
    people = [m for m in ms if m.label == "PERSON"]
    for p in people:
        if not (_POSITION.match(text, p.end) or subject(view, p)):
            continue
        for m in ms:
            if m.label == "INITIATIVE" and m.start > p.end and _is_event(view, m) \
                    and not view.text[m.start:m.end].rstrip("'’\"”").endswith(_NOT_ATTENDED) \
                    and text.startswith("에서", m.end + (text[m.end:m.end + 1] in "'’\"”")):
                for q in chain_back(view, people, p):
                    add("PARTICIPATES_IN", q, m, si)


def _sent_of(sents: list[tuple[int, int]], pos: int) -> int | None:
    for i, (s, e) in enumerate(sents):
        if s <= pos < e:
            return i
    return None


# a note line, or the rest of one whose mark the sentence splitter cut off ('*' then '(그린 트러스트) …')
_MARK_ONLY = re.compile(r"\s*(?:\*+|※|ㅇ|□|-)\s*")
_NOTE_START = re.compile(r"\s*(?:\*+|※|\(|\[|［)")


def _event_before(view: TextView, sents: list[tuple[int, int]], buckets: list[list], si: int, out: list,
                  notes: bool):
    """The event a list hangs on: for a note, the last event of the nearest sentence before it that is
    no note itself (one its parties already take part in, if any); for a headline line, the last
    event named in the three sentences before it."""
    for pi in range(si - 1, max(-1, si - 4), -1):
        if notes and (_NOTE_START.match(view.text, sents[pi][0]) or _MARK_ONLY.fullmatch(view.text, *sents[pi])):
            continue
        events = [m for m in buckets[pi] if m.label == "INITIATIVE" and _is_event(view, m) and _stands(view, m)]
        if events:
            joined = {t for kind, _h, t, s in out if kind == "PARTICIPATES_IN" and s == pi}
            return next((m for m in events if m.key in joined), events[-1])
        if notes:
            return None
    return None


# after an event named as such: a particle, the end of the line, or the verb a headline leaves bare
_STANDS = re.compile(r"['’\"”」』]?(?:\s?\([^)\n]{0,12}\))?(?:[을를이가은는에의도과와]|에서|\s?(?:체결|개최|출범|서명|열려|성료|참석|참여)|[ \t]*(?:$|[,.\n]))", re.M)


def _stands(view: TextView, m) -> bool:
    """'남북정상회담 메인프레스센터를 방문': an event's name that modifies a noun names no event there."""
    return _STANDS.match(view.text, m.end) is not None


def _is_event(view: TextView, m) -> bool:
    """A meeting or an agreement (what parties take part in), not a plan or a law."""
    name = view.text[m.start:m.end].rstrip("'’\"”")
    return m.attrs.get("kind") == "meeting" or name.endswith(("협약", "MOU", "양해각서", "협정", "협약식", "체결식"))


def _joint_report(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int,
                  sents: list[tuple[int, int]], buckets: list[list], add: Callable) -> None:
    """'A부는 … B처, C부 등 5개 부처 공동으로 … 보고하였다': the subject and the bodies counted
    report together, and take part in the work briefing of the sentence (or of the headline)."""
    text = view.text
    ss, se = sent
    count = _JOINT_COUNT.search(text, ss, se)
    if count is None or _REPORTED.search(text, count.end(), se) is None:
        return
    bodies = [m for m in ms if m.label in ("MINISTRY", "ORGANIZATION", "COMPANY")]
    before = [m for m in bodies if m.end <= count.start()]
    if not before or text[before[-1].end:count.start()].strip(" ,·") not in ("", "등"):
        return
    from ingest.nlp.roles import chain_back, subject  # noqa: PLC0415 (roles imports relations, which imports us)
    parties = chain_back(view, before, before[-1])
    parties += [m for m in before if subject(view, m) and m not in parties][:1]
    reports = [m for m in inits if _is_report(view, m)]
    if not reports:
        for pi in range(si - 1, max(-1, si - 3), -1):
            reports = [m for m in buckets[pi] if m.label == "INITIATIVE" and _is_report(view, m)]
            if reports:
                break
    for target in reports[-1:]:
        for m in parties:
            add("PARTICIPATES_IN", m, target, si)


def _is_report(view: TextView, m) -> bool:
    return view.text[m.start:m.end].rstrip("'’\"”").endswith(("업무보고", "보고회", "합동보고"))


def _with_staff(view: TextView, ms: list, si: int, add: Callable) -> None:
    """'X 청장과 직원들이 … Y 행사에서 …': the head named with the staff takes part in the event the
    sentence names (not one it only plans: the event must be no plan or law)."""
    for p in ms:
        if p.label != "PERSON" or not _WITH_STAFF.match(view.text, p.end):
            continue
        for m in ms:
            if m.label == "INITIATIVE" and m.attrs.get("kind") == "meeting" and not m.attrs.get("generic"):
                add("PARTICIPATES_IN", p, m, si)
