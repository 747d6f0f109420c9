"""Initiative names as news articles write them (issue #20, round 4).

A reporter names an event, fund or agreement more loosely than a release: the signing
after the agreement ('… 얼라이언스 MOU 체결식'), the parties' short list or a manner word
before it ('산·학·연·관 기술사업화 포럼', '전략적 방위산업협력 양해각서'), the project's place
before it ('1918억원 규모의 경북 포항 수소클러스터 사업'), a fund call by its round ('2차 출자
공고'), a fund by a bracketed acronym ('인수합병(M&A)펀드'). And it mentions meetings and
funds in general that no one holds as a particular one ('반기별 전체회의 1회', '정기적으로
회의를 개최해', '분야별 펀드'), or a way forward merely sought ('… 방안도 모색한다'): those are
no names (gold README, INITIATIVE). Each rule reads the resolved entities and the text.
"""
from __future__ import annotations

import re

from ingest.nlp.ents import Ent

_INIT = "INITIATIVE"

# --- the signing or launch after an agreement: '… MOU 체결식' is the event (one span) ---
_AGREEMENT_END = re.compile(r"(?:MOU|협약|업무협약|양해각서|협정|약정|의향서)$")
_CEREMONY = re.compile(r" (체결식|서명식|협약식|조인식)")


def join_signings(text: str, ents: list[Ent]) -> list[Ent]:
    """'기술협력 MOU' + ' 체결식' → the ceremony 'X MOU 체결식' (a meeting its guests attend)."""
    if "식" not in text:
        return ents
    for e in ents:
        if e.label == _INIT and _AGREEMENT_END.search(text, e.start, e.end) and (m := _CEREMONY.match(text, e.end)):
            e.end = m.end(1)
            e.attrs = {**e.attrs, "kind": "meeting"}
    return ents


# --- words before a name that belong to it ---
# the parties' initials ('산·학·연·관', '노·사·정'): three or more syllables joined by middle dots
# ('대·중소 상생 협력 사업' keeps its two parties outside, as the written set has it)
_INITIALS = re.compile(r"(?:^|(?<=[\s(\[]))((?:[가-힣][·ㆍ・]){2,5}[가-힣]) $")
# a manner word of an agreement ('전략적 방위산업협력 양해각서', '포괄적 경제동반자 협정')
_MANNER = re.compile(r"(?:^|(?<=[\s(\[]))([가-힣]{1,4}적) $")
_AGREEMENTS = re.compile(r"(?:MOU|협약|양해각서|협정|약정|의향서|파트너십|동반자)$")
_PROJECT_END = re.compile(r"(?:사업|프로젝트)$")
# what may stand before a project's place: a size ('…억원 규모의'), a list's comma, a genitive
_BEFORE_PLACE = re.compile(r"(?:규모의|,|의|및|과|와) $")


def widen_left(text: str, ents: list[Ent]) -> list[Ent]:
    """Take in the initials, a manner word or the places that open a name."""
    by_end = {e.end: e for e in ents}
    starts = {e.start for e in ents}
    drop: set[int] = set()
    for e in ents:
        if e.label != _INIT or e.attrs.get("coref") or e.start < 2:
            continue
        lo = max(0, e.start - 24)
        if (m := _INITIALS.search(text, lo, e.start)) and m.start(1) not in starts and m.start(1) not in by_end:
            e.start = m.start(1)
            continue
        if _AGREEMENTS.search(text, e.start, e.end) and (m := _MANNER.search(text, max(0, e.start - 6), e.start)):
            if not any(x.start < m.end(1) and x.end > m.start(1) for x in ents if x is not e):
                e.start = m.start(1)
            continue
        if _PROJECT_END.search(text, e.start, e.end):
            # one or two places right before ('경북 포항 수소클러스터 사업'), each a LOCATION
            places, at = [], e.start
            while len(places) < 3 and at >= 2 and text[at - 1] == " " and (p := by_end.get(at - 1)) is not None \
                    and (p.label == "LOCATION" or p.attrs.get("gov_kind") == "local"):
                places.append(p)
                at = p.start
            if places and _BEFORE_PLACE.search(text, max(0, at - 4), at):
                e.start = at
                drop.update(id(p) for p in places)
    return [e for e in ents if id(e) not in drop] if drop else ents


# --- meetings and funds in general, no particular one ---
# how often (a rule for sittings, not an event): '반기별 전체회의 1회', '정기적으로 회의를 개최해'
_RECURRING_BEFORE = re.compile(r"(?:반기별|분기별|월별|연도별|매월|매주|매년|매달|매분기|정기적으로|수시로|필요시|필요 시|"
                               r"\d+차례의|\d+차례|수차례|여러 차례의?)\s(?:[가-힣]+[과와]\s)?(?:[가-힣]+\s)?$")
_RECURRING_AFTER = re.compile(r"(?:을|를|은|는)?\s?(?:연\s?|월\s?|연간\s?)?\d+회(?:\s?이상)?(?![가-힣])"
                             r"|(?:의|을|를)?\s?(?:정례화|상시화|정례 개최)")  # '정기교류회 정례화': made a habit
_ORDINAL = re.compile(r"제?\s?\d+\s?(?:차|회)")


def drop_general(text: str, ents: list[Ent]) -> list[Ent]:
    """Leave out meetings said to recur and bare funds of a kind ('분야별 펀드', '1250억 원의 펀드')."""
    out = []
    for e in ents:
        if e.label == _INIT and e.attrs.get("kind") == "meeting" and not _ORDINAL.match(text, e.start) \
                and "'" not in text[max(0, e.start - 1):e.end + 1] \
                and (_RECURRING_BEFORE.search(text, max(0, e.start - 24), e.start) or _RECURRING_AFTER.match(text, e.end)):
            continue
        if e.label == _INIT and e.attrs.get("coref") and _KIND_BEFORE.search(text, max(0, e.start - 16), e.start):
            continue
        out.append(e)
    return out


# a bare head after a word of kind or an amount is another one of its kind, not the one named before
_KIND_BEFORE = re.compile(r"(?:[가-힣]별|\d[억만조천]*\s?원(?: 규모)?의)\s$")

# --- '방안' merely sought or proposed is no name ('글로벌 사업화 방안도 모색한다') ---
_SOUGHT = re.compile(r"(?:을|를|도|\s?등을|\s?등\s[^.,\n]{0,24}?(?:을|를))\s(?:[가-힣]+(?:히|게|적으로)\s|함께\s)?"
                     r"(?:논의|모색|검토|협의|제안|건의|마련하는\s데|고민)")


def drop_sought(text: str, ents: list[Ent]) -> list[Ent]:
    """A '… 방안' that is discussed, sought or proposed (not announced) is no name."""
    if "방안" not in text:
        return ents
    return [e for e in ents if not (e.label == _INIT and not e.attrs.get("coref") and text.endswith("방안", e.start, e.end)
                                    and not _ORDINAL.match(text, e.start) and _SOUGHT.match(text, e.end))]


# --- names the rules before do not find ---
# a fund call by its round: '2차 출자 공고', '1차 출자는', '2023년 1차 정시 출자'
_CALL = re.compile(r"(?<![가-힣0-9])(?:제)?\d+차 (?:정시 |수시 |추가 )?출자(?: 사업)?(?: 공고)?(?=[^가-힣]|[은는이가을를에의도와과로]|$)")
# a fund or programme named with a bracketed acronym fused to it: '인수합병(M&A)펀드', '해외벤처캐피털(VC)글로벌 펀드'
_ACRONYM_FUND = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,12}\([A-Za-z&]{1,8}\)[가-힣]{0,6} ?펀드)(?![가-힣]{2})")


# a joint committee of two states held as a meeting: '15개국과 방산·군수공동위원회를 개최해', '… 공동위 개최'
_JOINT_HELD = re.compile(r"(?<![가-힣A-Za-z0-9])((?:(?:한[·-][가-힣A-Z]{1,8}|한(?:미|중|일|러|영|독|불|호|인|베|캐|EU|아세안)) )?"
                         r"[가-힣A-Za-z·\-]{2,16}(?:공동|합동)위(?:원회)?)(?:를|을|가|이|는)?\s?(?:[가-힣]+\s)?"
                         r"(?:개최|열(?:고|었|린|리|어|며))")
# a team set up for a task, fused to its task ('재정개혁반을 신설', '규제혁신반 구성'); not '작업반' alone
# the government's half-yearly plan, named by its year ('2026년 경제정책방향'; '하반기' stays a DATE)
_POLICY_DIRECTION = re.compile(r"(?<![가-힣])((?:(?:19|20)\d\d년\s?)?경제정책방향)(?=[^가-힣]|[을를은는이가의에과와도]|$)")
# a meal meeting pointed at ('이날 오찬에는', '이번 만찬은'): the event of the text; bare, any meal
_THIS_MEAL = re.compile(r"(?:이날|이번|당일|오늘)\s(오찬|만찬|조찬)(?=[^가-힣]|[은는이가을를에의도]|에는|에서|$)")
_SET_UP_WORDS = ("신설", "구성", "꾸리", "꾸렸", "가동", "출범", "발족")
_TEAM_SET_UP = re.compile(r"(?<![가-힣])([가-힣]{4,8}반)(?:을|를|이|가|은|는|도)?\s?(?:[가-힣]+\s)?(?:신설|구성|꾸리|꾸렸|가동|출범|발족)")
# a plan with its period before it ('2018∼2022년 재정운용계획', '2026년부터 2030년까지 재정운용 계획을'):
# the period makes it a particular plan; the name is the plan's words
_PERIOD_PLAN = re.compile(r"(?:19|20)\d\d\s?(?:[~∼-]\s?(?:19|20)?\d\d년?|년부터\s(?:19|20)\d\d년까지)\s"
                          r"((?:[가-힣]{2,8}\s){0,2}[가-힣]{0,8}(?:계획|전략|로드맵))(?=[^가-힣]|[을를은는이가의에과와도]|$)")
_PLAN_HEAD = re.compile(r"\s?(?:계획|전략|로드맵)$")
_OPEN_QUOTE = re.compile(r"[‘'“\"]([^’'”\"\n]{1,30})$")


def _quoted_whole(text: str, s: int, e: int) -> tuple[int, int]:
    """A call that ends a quoted name is the whole quoted name ('‘모태펀드 2021년 2차 정시 출자 공고’')."""
    if e < len(text) and text[e] in "’'”\"" and (q := _OPEN_QUOTE.search(text, max(0, s - 30), s)):
        return q.start(1), e
    return s, e


def find_news_names(text: str, ents: list[Ent]) -> list[Ent]:
    """Add fund calls by round and acronym funds where no entity stands; a bare head inside gives way."""
    if not any(w in text for w in ("출자", "펀드", "위", "반", "계획", "전략", "로드맵", "방향", "찬")):
        return ents
    found = [_quoted_whole(text, m.start(), m.end()) + ("program",) for m in _CALL.finditer(text)]
    found += [(m.start(1), m.end(1), "fund") for m in _ACRONYM_FUND.finditer(text)]
    if "공동위" in text or "합동위" in text:
        found += [(m.start(1), m.end(1), "meeting") for m in _JOINT_HELD.finditer(text)]
    if any(w in text for w in _SET_UP_WORDS):
        found += [(m.start(1), m.end(1), "taskforce") for m in _TEAM_SET_UP.finditer(text)]
    if "경제정책방향" in text:
        found += [(m.start(1), m.end(1), "plan") for m in _POLICY_DIRECTION.finditer(text)]
    found += [(m.start(1), m.end(1), "plan") for m in _PERIOD_PLAN.finditer(text)
              if len(re.sub(r"\W", "", _PLAN_HEAD.sub("", m.group(1)))) >= 4]  # not '2026~2030년 투자 계획'
    if "찬" in text:
        found += [(m.start(1), m.end(1), "meeting") for m in _THIS_MEAL.finditer(text)]
    for s, e, kind in found:
        inside = [x for x in ents if x.start < e and x.end > s]
        # a quoted name, a committee with its states, a plan with its year take in what they contain
        whole = s > 0 and text[s - 1] in "‘'“\"" or kind == "meeting" or text.startswith("경제정책방향", e - 6)
        if any(x.start < s or x.end > e or not whole and x.label != _INIT for x in inside):
            continue  # another entity across its edge, or a date or amount inside an unquoted call
        ents = [x for x in ents if x not in inside] + [Ent(s, e, _INIT, {"kind": kind, "_news": True})]
    return sorted(ents, key=lambda x: x.start)


# councils convened for a purpose stay initiatives, also where a member's title follows ('금융발전심의회
# 위원') or quotes mark a new one ("'금융개혁 추진위원회'가 신설됐다"); gazetteer bodies keep their type
_NGO_BEFORE = re.compile(r"(?:단체|기구|조직|재단|법인|모임)인?\s?['‘\"“]$")
_PURPOSE_COUNCIL = re.compile(r"(?:심의회|추진위원회|준비위원회|이행위원회)$")


def retype_councils(text: str, ents: list[Ent]) -> list[Ent]:
    """A council for a purpose that a shape rule read as a body is an INITIATIVE (gold README)."""
    for e in ents:
        if e.label == "MINISTRY" and not e.attrs.get("_gaz") and " " not in text[e.start:e.end].strip() \
                and text.endswith("심의회", e.start, e.end) \
                or e.label == "MINISTRY" and e.attrs.get("quoted") and _PURPOSE_COUNCIL.search(text, e.start, e.end):
            e.label = _INIT
            e.attrs = {k: v for k, v in e.attrs.items() if k not in ("gov_kind", "rule")} | {"kind": "taskforce"}
        elif e.label == _INIT and _NGO_BEFORE.search(text, max(0, e.start - 8), e.start) \
                and re.search(r"네트워크(?:\s?\d+)?$", text[e.start:e.end]):
            e.label, e.attrs = "ORGANIZATION", {}  # "시민단체인 '… 전국네트워크'": a body, not a programme
    return ents


# a plan's period in brackets, years alone ('… 촉진 계획(2026~2028)'): a DATE, the plan's own (bracket_dates)
_BRACKET_YEARS = re.compile(r"['’\"”」』]?\(((19|20)\d\d)\s?[~∼-]\s?((?:19|20)\d\d)\)")


def bracket_periods(text: str, ents: list[Ent]) -> list[Ent]:
    """Add the bracketed years right after a plan's name as a DATE with the years as value."""
    if "(" not in text:
        return ents
    added = []
    for e in ents:
        if e.label == _INIT and e.attrs.get("kind") in ("plan", "strategy") and (m := _BRACKET_YEARS.match(text, e.end)) \
                and m.group(1) < m.group(3) and not any(x.start < m.end() and x.end > m.start() for x in ents):
            # read as years by the date normaliser ('2026~2028' alone reads as two days)
            expr = f"{m.group(1)}~{m.group(3)}년"
            added.append(Ent(m.start(1), m.end(3), "DATE", {"_prio": 22, "_expr": expr}))
    return sorted(ents + added, key=lambda x: x.start) if added else ents


# '이번 MOU', '이번 협약' after an agreement of another word ('업무협약을 체결했다. 이번 MOU로'): the
# same agreement (gold README, news: the parties of '이번 협약' take part in it)
_AGREEMENT_WORDS = ("업무협약", "협약", "MOU", "양해각서", "협정")
_AGREEMENT_REF = re.compile(r"(?:이번|해당|동|본|이)\s(업무협약|협약|MOU|양해각서|협정)(?=[^가-힣A-Za-z]|[을를은는이가의에과와도로]|$)")


def agreement_refs(text: str, ents: list[Ent]) -> list[Ent]:
    """A determiner and an agreement word point back to the last agreement named before."""
    if not any(w in text for w in _AGREEMENT_WORDS):
        return ents
    added = []
    for m in _AGREEMENT_REF.finditer(text):
        hs, he = m.span(1)
        if any(x.start < he and x.end > hs for x in ents):
            continue
        ante = [x for x in ents if x.label == _INIT and x.end <= hs and not x.attrs.get("coref")
                and any(text.endswith(w, x.start, x.end) for w in _AGREEMENT_WORDS)]
        if ante:
            a = ante[-1]
            added.append(Ent(hs, he, _INIT, {"kind": a.attrs.get("kind", "project"), "coref": True, "_ante": (a.start, a.end)}))
    return sorted(ents + added, key=lambda x: x.start) if added else ents


def adjust(text: str, ents: list[Ent]) -> list[Ent]:
    """All of the above, in order: find, join, widen, then leave out what is general."""
    ents = retype_councils(text, find_news_names(text, ents))
    ents = join_signings(text, ents)
    ents = widen_left(text, ents)
    return agreement_refs(text, bracket_periods(text, drop_sought(text, drop_general(text, ents))))
