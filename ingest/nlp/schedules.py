"""SCHEDULED_FOR initiative → DATE within a sentence: when an initiative is planned for,
due by, starts or takes place.

    2030년까지 … 로드맵을 추진한다          a target year (the particle stays outside the span)
    다음 달 박람회를 개최한다고 밝혔다        what a body says it will do, though the saying is past
    오늘 … 기념식이 오후 2시 …에서 있습니다   an event held today, in a briefing or the minutes

Dates of what already happened (the day a plan was announced, a past meeting) are no
schedules; a past sentence keeps a date only with a strong cue ('까지', '예정', '목표').
"""
from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Callable

from ingest.nlp.timing import clause_break as _clause_break, date_expr, over as _over, past as _past, said_ahead
from ingest.nlp.timing import OCCASION, names_week_of, value_end as _value_end, value_start as _value_start
from ingest.nlp.bracket_dates import bracket_owner, bracketed_schedules, with_bracketed_days
from ingest.nlp.view import TextView

if TYPE_CHECKING:
    from ingest.nlp.relations import Mention

# (a programme carried on: "'KTV 편성 개방'이 올해도 계속된다", '… 사업은 내년에도 이어진다')
SCHEDULE_CUE_RE = re.compile(r"까지|예정|목표|추진|시행|계획|착수|완료|개최|출범|본격|중에|내에|[까이]내"
                             r"|계속(?:된다|됩니다|되며|될\s)|이어(?:진다|집니다|지며|질\s|간다|갑니다)")
STRONG_CUE_RE = re.compile(r"까지|예정|목표|계획이다|방침")
QUOTE_RE = re.compile(r'"[^"]{8,}"|“[^”]{8,}”')
DATE_CUE_RE = re.compile(r"까지|부터|이후|이내|내$|중$|초$|말$|반기|분기|연내|연말|예정|^오는")


def _tail(view: TextView, m: Mention) -> str:
    return view.tail(m.end)


def sentence_schedules(view: TextView, ms: list[Mention], inits: list[Mention], sent: tuple[int, int], si: int,
                       add: Callable, ref: date | None) -> None:
    """SCHEDULED_FOR initiative → date in one sentence that speaks of planning, a deadline,
    a day to come or an event held today."""
    text, (ss, se) = view.text, sent
    add = with_bracketed_days(text, ms, add)  # '내일(14일)'
    _held_on(view, ms, inits, sent, si, add, ref)
    bracketed_schedules(text, ms, inits, sent, si, add, ref)  # "'청년주간행사'(9.16~9.20)"
    if SCHEDULE_CUE_RE.search(text, ss, se) or _HOLD_TODAY.search(text, ss, se) or _DECIDED.search(text, ss, se) or any(
            m.label == "DATE" and (DATE_CUE_RE.search(date_expr(view, m)) or _WITHIN.match(text, m.end)) for m in ms) \
            or _future_sentence(view, ms, sent, ref):
        _scheduled(view, ms, inits, si, add, ref, sent)
    elif _HELD_TODAY.search(text[ss:se]):
        _scheduled(view, ms, inits, si, add, ref, sent, today_only=True)


def _future_sentence(view: TextView, ms: list[Mention], sent: tuple[int, int], ref: date | None) -> bool:
    """A sentence in the present tense about a day to come ('21일 … 간담회를 주재한다'):
    its dates are schedules even without a cue word."""
    if ref is None or _over(view, *sent):
        return False
    return any(m.label == "DATE" and m.value and (_value_start(_ahead(view, m, ref, sent[1])) or date.min) > ref for m in ms)


_BARE_DAY = re.compile(r"\d{1,2}\s?일")
_DONE_THEN = re.compile(r"(?:에|에는)?\s(?:[가-힣A-Za-z]+\s){0,2}?[가-힣]*(?:한|된|린|던|진|간|은)\s")
_THAT_DAY = re.compile(r"(?:이날|오늘)\s$")  # an event pointed at as the day's own


def _ahead(view: TextView, m: Mention, ref: date | None, se: int) -> str:
    """A bare day ('21일') in a sentence about what is to come ('회의는 21일 열린다', of a
    document dated 5 March) is that day of the document's month, though the nearest one
    (21 February) is its value: the schedule rules read it ahead. Any other date: its value."""
    v = m.value or ""
    if ref is None or len(v) != 10 or not _BARE_DAY.fullmatch(view.text, m.start, m.end) or v >= ref.isoformat() \
            or _DONE_THEN.match(view.text, m.end) or any(x.tag == "EC" for x in view.morphs_in(m.end, se)):
        return v  # '21일 발표한 전략': what was done on a day before; '21일 협약을 맺고 … 나선다': the
        # day of the first clause, whose tense the sentence does not say
    try:
        day = date(ref.year, ref.month, int(v[8:]))  # the same day of this month, still ahead
    except ValueError:
        return v
    return day.isoformat() if day >= ref else v


def _scheduled(view: TextView, ms: list[Mention], inits: list[Mention], si: int, add, ref: date | None,
               sent: tuple[int, int], today_only: bool = False) -> None:
    ss, se = sent
    past = _past(view, ss, se)
    reported = past and said_ahead(view, ss, se)  # '… 개최한다고 밝혔다': what is said is ahead
    past = past and not reported
    quotes = [q.span() for q in QUOTE_RE.finditer(view.text, ss, se)]
    dates = [m for m in ms if m.label == "DATE"]
    for k, d in enumerate(dates):
        if not d.value or bracket_owner(view.text, d, inits) is not None:
            continue  # a date in brackets is the name's before it (bracket_dates.py)
        if k + 1 < len(dates) and _MOVED.fullmatch(view.text[d.end:dates[k + 1].start]) \
                and view.text.startswith(("로", "으로"), dates[k + 1].end):
            continue  # 'A에서 B로 앞당겨': A is the schedule no longer
        if _FORMERLY.search(view.text, max(ss, d.start - 4), d.start) and any(o.start > d.end and o.value for o in dates):
            continue  # '당초 18일부터 19일까지 … 실시하는 것에서 18일부터 20일까지 …로': only the new dates
        text = date_expr(view, d)
        after = view.text[d.start + len(text):d.start + len(text) + 20]
        if _release_day(view, d, ss, se):
            continue  # a weekly press plan's '29일 월요일에는 … 소식을 전해드리겠습니다': the day of the release
        if _SINCE.match(view.text, d.end):
            continue  # '이번 회의는 2019년 이후 6년 만에 개최됩니다': when it was held last
        if _AS_OF.match(view.text, d.end):
            continue  # '4월 26일 기준 … 기자회견 이후 잠적 중', '13일 현재': the day a state is told of
        nxt = next((m for m in inits if m.start > d.end), None)
        if nxt is not None and _HELD_ON.fullmatch(view.text, d.end, nxt.start):
            continue  # '준비위원회는 오는 27일 열리는 정상회담을': the day of the event the verb describes (_held_on)
        if _HAND_IN.search(after):
            continue  # '자료를 12월 16일 오후 5시까지 제출할 것', '회의 종료 전까지 제출': a deadline for papers
        cue = bool(DATE_CUE_RE.search(text)) or bool((STRONG_CUE_RE if past else SCHEDULE_CUE_RE).search(after)) \
            or _WITHIN.match(view.text, d.end) is not None  # '올해 안에', '이달 안으로': a deadline, like 연내
        if past and not cue and ref is not None and (_value_start(d.value) or date.min) > ref:
            cue = _DECIDED.search(view.text, d.end, se) is not None  # '8월 8일 … 실시하기로 하였습니다'
        if past and not cue:
            continue  # '14일 회의를 개최했다': a report of the past, not a schedule
        in_quote = next(((a, b) for a, b in quotes if a <= d.start < b), None)
        targets = [m for m in inits if not _ROOM.match(view.text, m.end)]  # '과기자문회의 회의실에서': a room
        targets = [m for m in targets if not names_week_of(view, d, m, dates)]  # '이번 주 정례브리핑': its name
        targets = [m for m in targets if not _nearer_day(view, d, m, dates)]  # '4일 통화에서 5일 … 회견을 가질 예정'
        if OCCASION.match(view.text, d.end):  # '이날 오찬은 연말을 맞아 …', '연말을 맞아 다음 달 12일 …
            if any(o.start > d.end and o.value for o in dates):  # 행사를 연다': the event has its day, and
                continue  # the period it falls in is its occasion, not its schedule
            targets = [m for m in targets if not _THAT_DAY.search(view.text, max(ss, m.start - 4), m.start)]
        if not targets:
            continue
        if in_quote is not None:  # a date in direct speech goes only with initiatives in the quote
            targets = [m for m in inits if in_quote[0] <= m.start < in_quote[1]]
            if not targets:
                continue
        end = _value_end(d.value if past else _ahead(view, d, ref, se))
        if reported and ref is not None and end is not None and end <= ref and "까지" not in text:
            continue  # '산업부는 5일 … 추진한다고 밝혔다': the day of saying, not of the plan
        if reported and ref is None and not DATE_CUE_RE.search(text):
            continue  # with no document date '5일' may be the day of saying: only '오는 5일', '5일까지' …
        if ref is not None and end is not None and end < ref and "까지" not in text:
            continue  # wholly past ('지난해 말'): what was done then, not what is planned
        if past and ref is not None and end is not None and (end < ref or end == ref and not d.value.startswith("..")):
            continue  # '28일부터 31일까지 이어졌다', '2022년까지 목표를 달성했다': over, reported in the past
        if not cue and any(o is not d and o.value and o.value != d.value and _within(o.value, d.value) for o in dates):
            continue  # '올해도 … 대책을 1월 중 내놓겠다': the year frames the narrower date, which is due
        held: list[Mention] = []
        if ref is not None and not cue:
            # '오늘 회의에서는 청문회를 실시하도록 하겠습니다': what is held today, said before it is;
            # '오늘 … 기념식이 오후 2시 … 있습니다': a briefing's event of the day
            held = _held_today(view, d, targets, se) if end == ref and not past else []
            if end is None or end < ref or (end == ref and not held):
                continue  # a past or present date in a planning sentence: the announcement day
        elif not cue:
            continue
        if held:
            for m in held:  # ('국정브리핑과 기자회견을 잇따라 진행합니다': both)
                add("SCHEDULED_FOR", m, d, si)
            continue
        if today_only:
            continue  # a sentence that only says an event takes place: only its 'today' is read
        # '오늘 회의에서는 현안질의를 실시할 예정': the venue of the sentence is not what is due
        objects = [m for m in targets if m.start > d.end and _tail(view, m).lstrip("'’\"”」』") in ("을", "를")]
        due = [m for m in targets if not _tail(view, m).startswith(("에서", "에는"))] if objects else targets
        # ('4월 2일 … 청년정책에 대한 전략 발표회를 개최한다': the topic of the object is not what is held)
        due = [m for m in due if not (objects and m.end < objects[-1].start and m not in objects
                                      and _TOPIC_OF.match(view.text, m.end))]
        due = due or targets
        # "'산의 날'을 맞아 기념식을 연다": the occasion is not what is held that day, the event is
        due = [m for m in due if not OCCASION.match(view.text, m.end)] or due
        # '<국유재산법>에 따라 … 추진할 것': a law as the basis of the act, not what is due
        due = [m for m in due if not (m.attrs.get("kind") == "law" and _BASIS.match(view.text, m.end))]
        if not due:
            continue
        best = min(due, key=lambda m: (m.start - d.end if m.start >= d.end else d.start - m.end))
        head = next((m for m in targets if _NAMES_EVENT.fullmatch(view.text, best.end, m.start)
                     and view.text[m.start:m.end] not in _CLASS_NOUNS), None)
        best = head or best  # "'2022 공예트렌드페어' 개막식에 참석": the event attended is the ceremony
        # (not the class noun of the name: "'전통시장 가는 날' 행사를 개최한다")
        if _clause_break(view, min(d.end, best.end), max(d.start, best.start)) \
                and _tail(view, best).lstrip("'\"’”」』") not in ("은", "는", "이", "가", "도"):
            continue  # '연내 (an unrecognised plan)을 내놓을 예정이며, B 개정에 따라': B is not due
            # then; a subject carries over the clauses ('개정안은 … 통과되었고, 2015년 1월에 …')
        if best.end <= d.start and _tail(view, best).lstrip("'\"’”」』") in ("을", "를") \
                and _ends_clause(view, best.end, d.start, _IF):
            continue  # '예산이 국무회의를 통과하면 … 8월 초까지 공사를 완료할 계획': the date is the next clause's
            # (not '전략에 따르면 … 2030년까지': according to the plan)
        if best.start > d.end and any(d.end <= o.start and o.end <= best.start and o.value and _ends_clause(view, d.end, o.start)
                                      for o in dates):
            continue  # '연말까지 (a plan)을 마련하고 내년부터 X를 시행한다': X's date is the one in its clause
        add("SCHEDULED_FOR", best, d, si)
        for m in targets:  # '이번 주 목요일 장관회의에 상정 예정인 X': X is due that day as well
            if m.start > max(d.end, best.end) and _DUE_BEFORE.fullmatch(view.text, d.end, m.start) \
                    and not _ends_clause(view, d.end, m.start) and not any(d.end <= o.start < m.start for o in dates):
                add("SCHEDULED_FOR", m, d, si)


# a press plan read out: the news is delivered or released ('소식을 전해드리겠습니다', '안내해 드리고',
# '보도자료를 배포할 예정입니다'); the day that opens the sentence is the release's
_NEWS = re.compile(r"(?:전해|알려|안내해|소개해|말씀)\s?드리|보도자료를\s(?:[가-힣]+\s)?(?:배포|제공)|소식(?:을|입니다)")
_OPENS = re.compile(r"\s*(?:먼저|다음으로|그리고|이어서|또한)?[,\s]*")
_DAY_TOPIC = re.compile(r"\s?(?:\(?[월화수목금토일](?:요일)?\)?\s?)?(?:에는|에|은|는|입니다)(?:[\s,.]|$)")


def _release_day(view: TextView, d: Mention, ss: int, se: int) -> bool:
    """Whether `d` opens a sentence of a press plan as its topic ('29일 월요일에는 … 안내해
    드리고, …', '30일 화요일에는 … 지정한다는 소식을 전해드리겠습니다'): the day the news is
    released, not when what it tells of takes place."""
    return _OPENS.fullmatch(view.text, ss, d.start) is not None and _DAY_TOPIC.match(view.text, d.end) is not None \
        and _NEWS.search(view.text, d.end, se) is not None


# what names the topic of a later noun: 'X에 대한', 'X에 관한', 'X을 위한', 'X 관련'
_TOPIC_OF = re.compile(r"['’\"”」』]?(?:에\s?(?:대한|관한)|[을를]\s?위한|\s관련(?:한)?)\s")
# an adnominal of what is due, right before the initiative: '… 상정 예정인 X', '… 발표될 예정인 X'
_DUE_BEFORE = re.compile(r"[^.,\n]{0,60}?\s(?:[가-힣]+\s)?(?:예정인|예정된|계획인)\s['‘\"“「『]?")


# what joins two days of one meeting: '18일과 19일', '18일·19일', '9일(월) ~ 10일', '6일 화요일과 8일'
_DAYS_JOINED = re.compile(r"\s*(?:\(?[월화수목금토일](?:요일)?\)?\s*)?(?:과|와|및|부터|또는|이나|[,·~∼\-–])?\s*")


def _nearer_day(view: TextView, d: Mention, m: Mention, dates: list[Mention]) -> bool:
    """Whether another single day stands between the day `d` and the meeting `m` after it, not
    joined to `d` ('9월 4일 … 통화에서 5일 오전 … 기자회견을 가질 예정'): a meeting is held on the
    day nearer to it; the other is the day of something else (the call, the statement)."""
    if m.attrs.get("kind") != "meeting" or m.start < d.end or len(d.value or "") != 10:
        return False
    return any(d.end <= o.start and o.end <= m.start and len(o.value or "") == 10 and o.value != d.value
               and not _DAYS_JOINED.fullmatch(view.text, d.end, o.start) for o in dates)


_AND = ("고", "며", "으며", "면서", "으면서")
_IF = ("면", "으면")


def _ends_clause(view: TextView, a: int, b: int, forms: tuple[str, ...] = _AND) -> bool:
    """Whether a connective ending closes a clause between `a` and `b` ('마련하고', '구축하며';
    with `_IF` a condition: '통과하면')."""
    return any(x.tag == "EC" and x.form in forms for x in view.morphs_in(a, b))


def _within(inner: str, outer: str) -> bool:
    """Whether the ISO value `inner` lies inside `outer` ('2025-01' in '2025')."""
    a, b, c, e = _value_start(inner), _value_end(inner), _value_start(outer), _value_end(outer)
    if b == date.max:  # '11월 20일부터': from a day in the year
        b = a
    return None not in (a, b, c, e) and c <= a and b <= e


_WITHIN = re.compile(r"\s안(?:에|에는|으로)\s")  # '올해 안에 … 마련하기로 했다', '이달 안으로 확정한다'
_MOVED = re.compile(r"에서\s")
_AS_OF = re.compile(r"\s?(?:기준|현재)")
_SINCE = re.compile(r"\s?(?:이후|이래)\s(?:\d+\s?(?:년|개월|주|일)\s?만에|처음)")
_CLASS_NOUNS = frozenset({"행사", "사업", "프로그램", "캠페인", "대회", "축제", "프로젝트", "공모전"})
_NAMES_EVENT = re.compile(r"['’\"”」』]\s?")  # a quoted name before the event's own noun
_FORMERLY = re.compile(r"(?:당초|애초|원래)\s$")
_BASIS = re.compile(r"['’\"”」』>)]?에\s?(?:따라|따른|의해|의한|근거해|근거한)")
_ROOM = re.compile(r"\s?(?:대|소|전체)?회의(?:실|장)")
_HAND_IN = re.compile(r"까지\s?(?:[가-힣]+\s)?제출")  # handing in documents is no schedule (guideline)
_DECIDED = re.compile(r"기로\s(?:했|하였|결정|합의)")  # a decision about a day to come
_HOLD_TODAY = re.compile(r"(?:실시|진행|개최|열|갖|가지)(?:하도록|하겠|할|겠|도록|기로|려고)|(?<=[을를]\s)하(?:도록|겠)"
                         r"|(?:실시|진행|개최|주재)(?:합니다|한다|하고\s있)"  # a briefing's '오늘 … 국정브리핑을 진행합니다'
                         # a release of the day, in the present: '3. 31.(월) … 발대식을 갖고 본격 활동에 들어간다'
                         r"|(?<=[을를]\s)(?:갖|열|개최하|진행하|실시하)고\s")

# an event of the day as the subject: '기념식이 오후 2시 과학관에서 있습니다', '포럼이 … 열립니다'
_HELD_TODAY = re.compile(r"(?:(?<!고\s)있습니다|(?<!고\s)있다|열립니다|열린다|개최됩니다|개최된다|진행됩니다|진행된다)[.\s]*$")


# a short name given in brackets after the name: "‘… 발대식’(이하 ‘발대식’)을"
_SHORT_NAME = re.compile(r"['’\"”」』]?(?:\(이하\s?['‘\"“]?[^()'’\"”]{1,20}['’\"”]?\)|['’\"”]?\))")


def _held_tail(view: TextView, m: Mention) -> str:
    """The particle after an event, past a short name in brackets (either mention of it)."""
    b = _SHORT_NAME.match(view.text, m.end)
    return view.tail(b.end() if b else m.end).lstrip("'’\"”」』")


def _held_today(view: TextView, d: Mention, targets: list[Mention], se: int) -> list[Mention]:
    """The meetings held on the day `d` (today): the objects of a verb of holding after it
    ('… 현안질의를 하도록 하겠습니다'), or the subject of a sentence that says it takes place."""
    hold = _HOLD_TODAY.search(view.text, d.end, se)
    meetings = [m for m in targets if m.attrs.get("kind") == "meeting" and m.start > d.end]
    if hold is not None:
        # ('국정브리핑과 기자회견을 잇따라 진행합니다': both)
        return [m for m in meetings if _held_tail(view, m) in ("을", "를", "과", "와") and m.end <= hold.start()]
    if _HELD_TODAY.search(view.text[d.end:se]):
        # ('오늘 회의가 … 열리고 있습니다' in the minutes: the sitting itself, no event announced)
        return [m for m in meetings if _tail(view, m).lstrip("'’\"”」』") in ("이", "가") and not m.attrs.get("generic")][:1]
    return []


# the date of an event told by the verb that describes it, in the present or future whatever
# the main clause's tense: '다음 달 애틀랜타에서 열리는 '…대회'에 관심을 기울이겠다고 약속했다',
# '27일부터 31일까지 진행되는 회의에 참석 중인 공관장들을 초청했다'
_HELD_ON = re.compile(r"(?:\s?\([월화수목금토일]\))?(?:에|에는|부터|까지|간|중)?\s(?:[^\s.,!?]+\s){0,3}?"
                      r"(?:열리는|열릴|개최되는|개최될|진행되는|진행될|치러지는|치러질|개최 예정인|열릴 예정인)\s['‘\"“「『<《]?")
_HOLD_VERB = re.compile(r"열리는|열릴|개최되는|개최될|진행되는|진행될|치러지는|치러질|개최 예정인")
_RANGE = re.compile(r"(?:\s?\([월화수목금토일]\))?\s?(?:~|∼|-|부터\s?)\s?")


def _held_on(view: TextView, ms: list[Mention], inits: list[Mention], sent: tuple[int, int], si: int,
             add: Callable, ref: date | None) -> None:
    """SCHEDULED_FOR an event → the date right before the adnominal verb that says it is
    held ('열리는', '개최될', '진행되는'), and the start of a range that ends there; not a
    date already over, nor across a clause's end, nor a year that frames the event's day."""
    if not _HOLD_VERB.search(view.text, *sent):
        return  # (a cheap check before the per-date look)
    dates = [m for m in ms if m.label == "DATE" and m.value]
    for k, d in enumerate(dates):
        m = next((i for i in inits if i.start > d.end), None)
        if m is None or not _HELD_ON.fullmatch(view.text, d.end, m.start) \
                or any(x.tag in ("EC", "EF", "ETM") for x in view.morphs_in(d.end, _hold_word(view, d.end, m.start))):
            continue
        end = _value_end(_ahead(view, d, ref, sent[1]))
        if ref is not None and end is not None and end < ref:
            continue
        if any(o is not d and o.value != d.value and _within(o.value, d.value) for o in dates):
            continue  # '올해 처음 열리는 박람회는 11월 20일부터 …': the year frames its day
        add("SCHEDULED_FOR", m, d, si)
        if k and _RANGE.fullmatch(view.text, dates[k - 1].end, d.start):
            add("SCHEDULED_FOR", m, dates[k - 1], si)


def _hold_word(view: TextView, a: int, b: int) -> int:
    """Where the verb of holding starts in the gap [a, b)."""
    w = re.search(r"(?:열리|열릴|개최|진행|치러)[^\s]*\s['‘\"“「『<《]?$", view.text[a:b])
    return a + w.start() if w else b
