"""Sentence-local, trigger-based relations between entity mentions.

    ANNOUNCES        body → initiative   산업부는 'AI 자율제조 전략'을 발표했다
    PARTICIPATES_IN  company/person/body → initiative or meeting
                                         간담회에는 LG전자, … 등 기업이 참석했다
    LEADS            person → meeting    강경성 1차관 주재로 열린 간담회
                     person → body       안덕근 산업부 장관 (from the title pattern)
    SCHEDULED_FOR    initiative → DATE   2030년까지 … 추진한다

Korean is verb-final and marks roles with particles, so the rules look at the particle
after a mention (산업부는 = topic/subject) and at the distance to the trigger verb; no
parser is needed. Each relation is (type, head span, tail span, sentence index).
"""
# Over 400 lines, kept whole: the trigger rules of all relation types share their particle and distance helpers.
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ingest.nlp.official_agendas import agenda_relations
from ingest.nlp.council_relations import council_relations
from ingest.nlp.frames import frame_relations
from ingest.nlp.briefings import briefing_relations
from ingest.nlp.parties import clause_start as _clause_start, describes_others as _describes_others, reports_others as _reports_others
from ingest.nlp.parties import parties as _parties, possessor as _possessor, SIGNED as _SIGNED
from ingest.nlp.attendance import attendance_relations
from ingest.nlp.head_lines import head_line_relations
from ingest.nlp.roles import role_relations
from ingest.nlp.reports import report_relations
from ingest.nlp.rosters import note_participants
from ingest.nlp.introductions import introduced_participants, speakers_at
from ingest.nlp.pair_refs import pair_relations
from ingest.nlp.zero_subject import carried_attendance
from ingest.nlp.members import added_members, member_bodies, role_appositions
from ingest.nlp.titles import LEAD_TITLES, TITLES
from ingest.nlp.partners import party_relations
from ingest.nlp.selects import runner_of_means, selector_runs
from ingest.nlp.speakers import speaker_relations
from ingest.nlp.schedules import sentence_schedules
from ingest.nlp.runs import runs_call
from ingest.nlp.presenter import presenter_relations
from ingest.nlp.together import co_held, listed_dates, short_named
from ingest.nlp.boards import board_relations
from ingest.nlp.periods import period_fields
from ingest.nlp.prepared import prepared_relations
from ingest.nlp.pronoun_acts import pronoun_acts
from ingest.nlp.fund_setters import fund_setters
from ingest.nlp.run_by import call_runs, purpose_runs, run_by_relations
from ingest.nlp.news_items import news_filters
from ingest.nlp.news_relations import news_relations
from ingest.nlp.news_hosts import decided_through, meeting_hosts, talked_at
from ingest.nlp.timing import iso as _iso
from ingest.nlp.event_names import delegation_members
from ingest.nlp.view import TextView

ANNOUNCE_RE = re.compile(r"발표|공개|수립|내놓|내놨|확정|출범|추진|마련|개최|공표|제시|선포|발간|착수|제정|의결|신설|가동|시행|모집|공모(?!전)|공고|운영|발족|실시(?=한|하|했|할|합)|도입(?=한다|하기로|했|할\s|합니다|하였)|개시(?=한다|했|할\s|합니다)|(?<![가-힣])시작(?=한다|했|하였|합니다|하기로|할\s|하며|하고\s)|(?<![가-힣])개막(?=한다|했|하였|합니다|하기로|할\s|하며|하고\s)"
                         r"|(?<![가-힣])(?:꾸려|꾸렸|꾸린다)|(?<![가-힣])(?:만들(?:었|어|고|기로)|만든다)|설치(?=했|한다|하고|하기로|하며|하였)|(?<![가-힣])(?:열(?:어|고|었|기로)|연다|엽니다)|주최(?=한다|합니다|하며|하고\s|했|하였|해\s|하기로)|진행(?=했|한다|하고|하며|하여|해|할|합니다|하였)|(?<=[을를]\s)(?:갖(?=는다|습니다|고\s|기로|는\s)|가졌|가진다|가질\s|가집니다)"
                         r"|이행(?=한다|하고|하며|할\s|합니다|했|하였)|(?<![가-힣])선보(?=인다|였|이고|이며|일\s|입니다|인\s)|단행(?=한다|했|하고|하며|할\s|합니다|하였)|(?<![가-힣])벌(?=인다|였|이고|이며|일\s|입니다|이는\s|인\s)|구성(?=했|한다|하고|하며|하여|할\s|합니다|하였)|(?<![가-힣])펼(?=친다|쳤|치고|치며|칠\s|칩니다|치는\s|친\s)|투입(?=한다|하고|하며|할\s|합니다|했|하였)|(?:입법|행정)\s?예고(?=한다|하고|하며|할\s|합니다|했|하였|\s하)|(?<![가-힣])신청(?=\s?접수를\s(?:받|시작)|을\s(?:[^.]{0,20}?\s)?받(?:는다|습니다|았|고\s|을\s))"
                         r"|출시(?=한다|했|하였|합니다|할\s|하기로|하고\s|하며)|(?<![가-힣])고시(?=한다|했|하였|합니다|할\s|하기로|하고\s|하며)"
                         r"|(?:(?<=[을를]\s)|(?<=[을를]\s올해도\s)|(?<=[을를]\s계속\s))이어(?=간다|갔|가고\s|가며|갈\s|가기로|갑니다)")  # ('… 사업을 올해도 이어간다': runs it on)
# a negated verb ('추진하지 않았다', '발표하지 못했다'; not '… 않으면 안 된다')
_NEGATED = re.compile(r"[가-힣]{1,4}?지\s?(?:않|못)(?!으면|는다면|고는|고서는|하면)")
# holding a meeting is announcing it only for what is a meeting ('간담회를 진행했다', not '사업을 진행')
HOLD_ONLY_RE = re.compile(r"진행|갖|가[졌진질집]")  # ('간담회를 갖습니다', not '관심을 갖고')
_HAVE = re.compile(r"갖|가[졌진질집]")
# conducting ('사업을 실시한다'), as holding, needs the body as the subject ('… 위원장후보자에 대한
# 청문회를 실시하겠습니다' is the committee's)
CONDUCT_RE = re.compile(r"실시|도입|개시|시작")  # ('… 캠페인을 시작한다': its object only, not '회의가 시작했다')
# 'X는 회의를 열었다': holding is announcing only for the sentence's subject (not '장관은 … 열었다'
# for the body in the minister's title)
HOLD_RE = re.compile(r"열|연|엽|주최")
PARTICIPATE_RE = re.compile(r"(?:참석|참여|참가|동참|합류|가입|참관|(?<!불)출석(?!하지\s?않|\s?요구))(?!\s?(?:기업|업체|사|자|율|형|국|기관|대상|신청))"
                            r"|(?<=[와과] )함께|(?<![가-힣])함께(?=한다|하며|합니다|했|할\s|하고|하였)|자리했|자리를 (?:함께|같이)|배석|협약|체결(?!일)|(?<![가-힣])맺|(?<=에 )서명(?=했|한다|하였|하고|할\s|합니다|해)|가졌|가진|가질|갖는|갖고|이름을 올|(?<![가-힣])모인(?=\s)")
# ('정전협정 체결일을 기념하여 … 대회에 참석': the day of a signing names no signatory)
# signing an agreement: every party named before it signs ('A는 B와 협약을 체결했다')
SIGN_RE = re.compile(r"체결|맺")
# attending an event: a listed person's company or body attends with them (guideline)
ATTEND_RE = re.compile(r"참석|참가|자리|배석|참관|출석")  # (출석: a sitting of the Assembly)
# the trigger as a modifier of what follows: '참석한 간담회', '참여하는 프로젝트'
ADNOMINAL_AFTER = re.compile(r"^\S*?(?:한|하는|할|했던|하기로 한|중인)\s")
LEAD_RE = re.compile(r"주재|주관|좌장")
SUBJECT_TAILS = ("은", "는", "이", "가", "도", "에서", "에서는", "께서", "측은", "측이")
AGENT_TAILS = ("은", "는", "이", "가", "도", "께서", "측은", "측이")  # 에서 marks a venue when people take part
COORD_TAILS = ("와", "과", ",", "·", "ㆍ", "및")
ADNOMINAL_RE = re.compile(r"^(?:[한할된될던]|하는|되는|했던|됐던|해온|하기로 한|\s?중인)\s")
# verbs whose adnominal form is not 한/할: '정부가 내놓은 대책', '환경부가 펼치는 캠페인'
_ADNOMINAL_VERB = re.compile(r"(?:내놓(?:은|는|을)|펼(?:친|치는|칠)|선보(?:인|이는|일))\s")
# 'A, B 등 해외 업체도', 'A, B 등 20개 기업은', 'A와 B 등 국내 20개 기업이'
# (the words before the particle are taken lazily: '등 12개 기관이 참여하는' ends at 기관이, not 참여하는)
_LIST_END = re.compile(r"\s?등\s(?:[가-힣A-Za-z]+\s){0,2}?(?:[\d,]+여?\s?[가-힣]*\s)?(?:[가-힣A-Za-z]+\s)??(?:[\d,]+여?\s?)?[가-힣A-Za-z]*?(은|는|이|가|도)(?:\s|$)")
_COORD = re.compile(r"(?:[와과,·]|\s?및)?\s*(?:및|함께)?\s*")  # A와 B, A·B, A 및 B, A와 함께 B
# between coordinated subjects: '경기도와 수원시는', '수원시, 용인시', '수원시·용인시', 'A 및 B'
_COORD_BODIES = re.compile(r"(?:\([^)]{0,20}\))?(?:[와과]|\s?[,·]|\s?및)\s?")  # '중소기업청(청장 주영섭)과 창업진흥원은'
AGENT_TYPES = frozenset({"COMPANY", "PERSON", "MINISTRY", "ORGANIZATION"})


@dataclass
class Mention:
    start: int
    end: int
    label: str
    attrs: dict = field(default_factory=dict)
    value: str | None = None

    @property
    def key(self) -> tuple[int, int]:
        return self.start, self.end


Rel = tuple[str, tuple[int, int], tuple[int, int], int]


def extract_relations(view: TextView, mentions: list[Mention], sents: list[tuple[int, int]],
                      doc_date: str | None = None) -> list[Rel]:
    """All relations of a document; `mentions` sorted by start, `sents` by start."""
    out: list[Rel] = []
    seen: set[tuple] = set()

    def add(kind: str, head: Mention, tail: Mention, si: int) -> None:
        k = (kind, head.key, tail.key)
        if head.key != tail.key and k not in seen:
            seen.add(k)
            out.append((kind, head.key, tail.key, si))

    by_key = {m.key: m for m in mentions}
    starts = [s for s, _e in sents]
    for m in mentions:  # LEADS person → body from '이름 기관 직함'
        org = m.attrs.get("_org")
        if m.label == "PERSON" and org and m.attrs.get("_leads") and tuple(org) in by_key:
            add("LEADS", m, by_key[tuple(org)], max(0, bisect_right(starts, m.start) - 1))
    buckets: list[list[Mention]] = [[] for _ in sents]
    for m in mentions:
        i = bisect_right(starts, m.start) - 1
        if i >= 0:
            buckets[i].append(m)
    ref = _iso(doc_date)
    for si, ((ss, se), ms) in enumerate(zip(sents, buckets)):
        if len(ms) < 2:
            continue
        inits = [m for m in ms if m.label == "INITIATIVE"]
        if not inits:
            continue
        text = view.text
        inside = [(m.start, m.end) for m in ms]

        def triggers(rx: re.Pattern) -> list[int]:  # trigger words outside any mention
            return [t.start() for t in rx.finditer(text, ss, se) if not any(a <= t.start() < b for a, b in inside)]

        presiders: set[tuple] = set()  # (chair, meeting): the chair does not also take part
        _with_meeting(view, ms, inits, si, add)
        for t in triggers(LEAD_RE):
            _leads(view, ms, inits, t, si, add, presiders)
        for t in triggers(ANNOUNCE_RE):
            if not _NEGATED.match(text, t):  # '… 파견은 추진하지 않았습니다': nothing is announced
                _announces(view, ms, inits, t, si, add)
        for t in triggers(PARTICIPATE_RE):
            _participates(view, ms, inits, t, si, add, presiders)
        speaker_relations(view, ms, inits, (ss, se), si, add)
        role_relations(view, ms, inits, (ss, se), si, add)
        head_line_relations(view, ms, inits, (ss, se), si, add)  # '- A 총리, B회의 주재 -', 'A 본부장(B부 장관)'
        report_relations(view, ms, inits, (ss, se), si, add, buckets[si - 1] if si else [])
        attendance_relations(view, ms, inits, (ss, se), si, add)
        prepared_relations(view, ms, (ss, se), si, add)
        run_by_relations(view, ms, (ss, se), si, add)  # 'X가 추진하고 있는 Y'
        call_runs(view, ms, (ss, se), si, add)  # 'X는 Y 신청을 접수한다'
        purpose_runs(view, ms, (ss, se), si, add)  # 'X는 Y 추진을 위한 협약을 체결했다'
        selector_runs(view, ms, (ss, se), si, add)
        runner_of_means(view, ms, si, add)
        delegation_members(view, ms, inits, si, add)  # 'A 처장을 비롯한 정부대표단'
        for b in ms:  # '기획재정부 신성장전략기획추진단': a ministry's own office is the ministry's
            if b.label == "MINISTRY" and _own_office(view, b, inits):
                add("ANNOUNCES", b, next(i for i in inits if i.start >= b.end), si)
        sentence_schedules(view, ms, inits, (ss, se), si, add, ref)
    frame_relations(view, mentions, sents, buckets, out, add, ref)
    pronoun_acts(view, sents, buckets, add, ref)  # '… 대책을 확정했다. 정부는 하반기부터 이를 시행한다'
    fund_setters(view, sents, buckets, add)  # '중기부는 … 펀드에 출자해 … 또 … 펀드를 조성하고'
    agenda_relations(view, mentions, sents, add)
    council_relations(view, mentions, sents, out, add)  # local councils' minutes
    briefing_relations(view, mentions, sents, buckets, add)
    note_participants(view, mentions, sents, buckets, out, add)
    introduced_participants(view, mentions, sents, buckets, add)  # '… 교수께서 나와 주셨습니다'
    speakers_at(view, buckets, add, sents)  # "'X 포럼' 기조연설에서", '… 개막식에는 …. A 총리는 축사를 통해'
    pair_relations(view, mentions, sents, buckets, add)  # 'A와 B가 …. 양 기관은 … 협약을 체결했다'
    carried_attendance(view, sents, buckets, add)  # 'A 대통령은 …. 오후에는 … 개청식에 참석했다'
    role_appositions(view, mentions, sents, buckets, add)  # "'X' 회원사인 A"
    party_relations(view, mentions, sents, buckets, out, add)
    news_relations(view, sents, buckets, out, add, ref)  # a news report's attendee lists, guests met, events held first
    meeting_hosts(view, sents, buckets, add)  # the head who meets people in the lead holds the meeting named after
    decided_through(view, sents, buckets, add)  # '위원회는 제N차 전체회의를 통해 … 의결했다'
    talked_at(view, sents, buckets, add)  # '이날 간담회에서 A 사장, B 부사장과 의견을 나눴다'
    presenter_relations(view, mentions, sents, buckets, add)
    board_relations(view, mentions, sents, add)
    period_fields(view, mentions, sents, add, ref)
    co_held(view, buckets, out, add)
    listed_dates(view, buckets, sents, out, add)
    short_named(view, mentions, out, add)
    added_members(view, sents, buckets, out, add)  # '…이 참여했고, B 등도 새로 추가됐다'
    member_bodies(view, mentions, out, add)  # 'A 산업부 장관 등이 위원으로 참여': the ministry too
    # the host of a meeting or the body that sets up an initiative does not also take part
    # in it ('산업부는 … 출범식을 열고, 참여 기업과 업무협약을 맺었다'), in any sentence of the
    # document ('산업부는 간담회를 열었다. … 산업부는 간담회에서 … 논의했다')
    def name(k: tuple[int, int]) -> str:
        return view.text[k[0]:k[1]]

    hosts = {(name(h), name(t)) for kind, h, t, _si in out if kind in ("ANNOUNCES", "LEADS")}
    out = [r for r in out if r[0] != "PARTICIPATES_IN" or (name(r[1]), name(r[2])) not in hosts]
    # '내일 4월 22일에는', '내일 2024년 11월 20일까지': the day written out names the same day as
    # the word before it; the event is due on the written date only
    due = {(h, t[0]) for kind, h, t, _si in out if kind == "SCHEDULED_FOR"}
    return news_filters(view, [r for r in out if r[0] != "SCHEDULED_FOR" or name(r[2]) not in _RELATIVE_DAYS
                               or not (_DAY_AFTER.match(view.text, r[2][1]) and (r[1], r[2][1] + 1) in due)])


_RELATIVE_DAYS = frozenset({"오늘", "내일", "모레", "어제"})
_DAY_AFTER = re.compile(r"\s(?:\d{4}년\s)?\d{1,2}월\s\d{1,2}일")


def _tail(view: TextView, m: Mention) -> str:
    return view.tail(m.end)


def _target(view: TextView, inits: list[Mention], t: int, window: int = 30) -> list[Mention]:
    """Initiatives the trigger at `t` governs: those just before it (object: 'X을 발표'),
    else the one right after an adnominal form ('발표한 X')."""
    # a venue ('국무회의에서', '간담회에는') is no object of the trigger ('X에 착수' is)
    before = [m for m in inits if m.end <= t and (t - m.end <= window or _far_object(view, m, t))
              and not _tail(view, m).startswith(_NOT_OBJECT)]
    if before:
        last = before[-1]
        group = [last]
        for m in reversed([m for m in inits if m.end <= last.start]):  # coordinated objects: 'A와 B를 발표'
            between = view.text[m.end:group[-1].start].strip(" '\"‘’“”「」『』")
            if _COORD.fullmatch(between):
                group.append(m)
            else:
                break
        return group
    word_end = view.word_end(t)
    if ADNOMINAL_RE.match(view.text[word_end - 1:word_end + 6]) or ADNOMINAL_RE.match(view.text[t + 2:t + 10]) \
            or _ADNOMINAL_VERB.match(view.text, t):
        after = [m for m in inits if m.start >= t and m.start - word_end <= 12]
        return after[:1]
    return []


def _far_object(view: TextView, m: Mention, t: int) -> bool:
    """'제1차 회의를 9월 24일 오후 켄싱턴호텔(서울 영등포구 소재)에서 개최했다': the object (을/를)
    of the trigger with only when and where between them, however long."""
    if t - m.end > 90 or _tail(view, m) not in ("을", "를"):
        return False
    between = view.morphs_in(m.end + 1, t)
    return not any(x.tag in ("JKO", "EF") or (x.tag == "EC" and x.form in ("고", "며", "으며", "면서")) for x in between)


_PASSIVE = re.compile(r"[가-힣]{2}(?:되|됐|된|될|돼|됩|됨)")  # ('개최됩니다': the formal ending)
_NOT_OBJECT = ("에서", "에는", "에도", "에게", "에선")
# a trigger used as a noun with a case particle: '미국 인플레이션감축법(IRA) 시행을 … 활용해야'
# (someone else enforces it), '개정안 추진에 따라'; the predicate is elsewhere
_NOUN_TRIGGERS = frozenset({"발표", "공개", "수립", "확정", "출범", "추진", "마련", "개최", "공표", "제시", "선포", "발간",
                            "착수", "제정", "의결", "신설", "가동", "시행", "모집", "공모", "공고", "운영", "실시"})
# setting about it: '… 모집에 나선다', '… 본격 시행에 들어갔다' (the noun is the act)
_SETS_ABOUT = re.compile(r"에\s(?:본격\s|본격적으로\s)?(?:나선|나섰|나서|나설|나섭|들어간|들어갔|들어가|들어갈|들어갑)")
# issuing a notice: '… 공고를 6일 낸다' (the noun with its verb of issuing is the act)
_ISSUES = re.compile(r"를\s(?:[^\s.,]+\s){0,2}?(?:낸다|냈|내고\s|낼\s|냅니다|내기로)")
_OF_TRIGGER = re.compile(r"\s(?:상황|현황|실적|성과|경과|과정|실태|동향|여부|상태)")
_NOMINAL_TRIGGER = re.compile(r"(?:을|를|이|가|은|는|의|에|에서|에는|과|와|으로|로)(?:\s|$|[,.])")


_GROUP_LAUNCH = re.compile(r"['’\"”」』]\s?(?:발대식|위촉식)")  # (출범식, 창단식: launching the group sets it up, so it is announced too: guideline)


def _announces(view: TextView, ms: list[Mention], inits: list[Mention], t: int, si: int, add) -> None:
    if _PASSIVE.match(view.text, t):
        _by_agent(view, ms, inits, t, si, add)  # '… 과기정통부에 의해 수립된 전략': the agent named
        return  # '계획이 확정됐다': the agent is rarely in the sentence, the nearest body is a guess
    if view.text[t:t + 2] in ("입법", "행정") and _NOMINAL_TRIGGER.match(view.text, view.word_end(t) if view.text[t + 2] == " " else t + 4):
        return  # '입법예고를 거쳐': the notice as a noun
    if view.text[t:t + 2] in _NOUN_TRIGGERS and (_NOMINAL_TRIGGER.match(view.text, t + 2) or _OF_TRIGGER.match(view.text, t + 2)) \
            and not _SETS_ABOUT.match(view.text, t + 2) and not (view.text.startswith("공고", t) and _ISSUES.match(view.text, t + 2)):
        return  # ('… 전략의 추진 상황을 점검했다': how it is going, not running it)
    tails = _target(view, inits, t)
    # "‘제1기 국민 서포터즈’ 발대식을 개최": the ceremony is held, the quoted group is its name's part
    tails = [m for m in tails if not ((g := _GROUP_LAUNCH.match(view.text, m.end)) and any(o.start == g.end() - 3 for o in tails))]
    if view.text.startswith("투입", t):  # funding a programme: '… 사업에 500억 원을 투입한다' (money, by a government body)
        tails = [m for m in tails if _tail(view, m).lstrip("'’\"”」』") == "에" and re.search(r"\d\s?[조억만천]{0,2}\s?원(?:을|를)\s", view.text[m.end:t])]
        if not any(b.label == "MINISTRY" and b.end <= t for b in ms):
            return
    holding = HOLD_RE.match(view.text, t) or HOLD_ONLY_RE.match(view.text, t) or CONDUCT_RE.match(view.text, t)
    if HOLD_ONLY_RE.match(view.text, t):  # (running a campaign or a call: '캠페인을 진행한다', '… 공모를 진행한다')
        tails = [m for m in tails if m.attrs.get("kind") == "meeting" or (view.text.startswith("진행", t) and runs_call(view, m, t))]
    if CONDUCT_RE.match(view.text, t):  # '국회법 제65조에 따라 실시하는 청문회': the object, or what follows
        after = [m for m in inits if m.start > t and re.fullmatch(r"(?:하는|한|할)\s['‘\"“「『]?", view.text[t + 2:m.start])]
        tails = after[:1] or [m for m in tails if _tail(view, m).lstrip("'’\"”」』") in ("을", "를")]
    if not tails:
        return
    first_tail = min(m.start for m in tails)
    # not the body in the title of a person who is the object ('A 장관을 초청한 가운데 … 개최했다')
    guests = {tuple(p.attrs["_org"]) for p in ms if p.label == "PERSON" and p.attrs.get("_org")
              and _phrase_tail(view, p) in ("을", "를")}
    bodies = [m for m in ms if m.label == "MINISTRY" and m.end <= t and m.key not in guests
              and not any(i.start <= m.start < i.end for i in inits)]
    if not bodies:  # '대한상공회의소가 … 경제인단을 발표했다': an association or company as the subject
        bodies = [m for m in ms if m.label in ("ORGANIZATION", "COMPANY") and m.end <= first_tail
                  and not any(i.start <= m.start < i.end for i in inits)]
        if not any((_body_tail(view, m) in ("은", "는", "이", "가") or _through_office(view, m, inits))
                   and not _in_relative_clause(view, m, t) for m in bodies):
            return  # only the subject: '… 기업과 협약을 맺고 사업을 추진한다' is the ministry's
    if not bodies:
        return
    # '산업통상자원부가 지난 4월 출범시킨 연합이 … 창립총회를 열고': the body is the subject of a
    # clause that describes another subject, not of the trigger
    subj = [m for m in bodies if (_body_tail(view, m) in SUBJECT_TAILS or _through_office(view, m, inits))
            and not _in_relative_clause(view, m, t) and not _venue_after_topic(view, ms, m)]
    if first_tail < t and subj:  # 'A가 주최하고 B가 주관하는 X 접수를 진행한다': B is the subject of the clause on X
        subj = [m for m in subj if not (m.end <= first_tail and _ROLE_CLAUSE.match(view.text, m.end, first_tail))]
        if not subj:
            return
    if any(_tail(view, m) in ("은", "는") for m in subj):  # '산업부는 미국 상무부가 발표한 조치에 대응해
        subj = [m for m in subj if not _adnominal_subject(view, m, t)]  # 대책을 마련했다': 상무부 is 발표한's
    having = _HAVE.match(view.text, t) is not None  # '간담회를 갖습니다': the body itself or its unnamed head
    own = [m for m in subj if _body_tail(view, m) in ("은", "는", "이", "가", "에서는")] if having else []
    if own and all(_SIGNING.search(view.text, m.start, m.end) for m in tails):
        own = []  # '한전과 한수원은 체코 정부와 업무협약식을 가졌다': the parties sign, they take part
    if own:  # '농림축산식품부는 … 간담회를 가졌다': the body holds it
        subj = own
    elif having or not subj and holding:
        # '통일부 장관은 … 간담회를 갖습니다': the ministry's own event, held by its unnamed head
        # (not a named head's title: '방문규 신임 산업부 장관이 취임식을 갖고')
        subj = [m for m in bodies if _UNNAMED_HEAD.match(view.text, m.end) and not any(
            p.label == "PERSON" and tuple(p.attrs.get("_org") or ()) == m.key for p in ms) and not _in_relative_clause(view, m, t)][:1]
    if not subj and holding:
        return
    heads: list[Mention] = []
    if subj:
        head = subj[-1] if subj[-1].end <= first_tail or len(subj) == 1 else subj[0]
        heads = [head]
        i = bodies.index(head)  # 'A와 B는 발표했다': coordinated subjects
        while i > 0 and _COORD_BODIES.fullmatch(view.text, bodies[i - 1].end, bodies[i].start):
            i -= 1
            heads.append(bodies[i])
    elif _speaks(view, ms, bodies[-1], t):
        heads = [bodies[-1]]
    else:
        return
    # '한국전력과 삼성물산은 … 공동으로 추진한다': a company or association coordinated after
    # the body as the subject holds it too
    others = [m for m in ms if m.label in ("COMPANY", "ORGANIZATION") and heads[0].end <= m.start and m.end <= first_tail]
    prev = heads[0]
    for m in others:
        if not _COORD_BODIES.fullmatch(view.text, prev.end, m.start):
            break
        if _tail(view, m) in SUBJECT_TAILS:
            heads += [x for x in others if heads[0].end <= x.start <= m.start]
            break
        prev = m
    if subj and not holding and not any(m.attrs.get("kind") == "meeting" for m in tails):
        # '산업부는 중소벤처기업부와 함께 X 사업을 추진한다': who the subject runs it with runs it too
        # (not a meeting: '… 기업과 함께 간담회를 열었다' is held with guests)
        heads += [m for m in ms if m.label in ("MINISTRY", "COMPANY", "ORGANIZATION") and heads[0].end <= m.start
                  and m.end <= first_tail and m not in heads and _TOGETHER.match(view.text, m.end)]
    if all(h.label == "MINISTRY" and _TOGETHER.match(view.text, h.end) for h in heads):
        # '한국무역협회는 산업부와 함께 … 설명회를 개최한다': the ministry is the companion, the association
        # (no ministry, so not among the bodies) the subject; both hold it
        heads += [m for m in ms if m.label in ("ORGANIZATION", "COMPANY") and m.end <= heads[0].start
                  and _body_tail(view, m) in ("은", "는", "이", "가") and not _in_relative_clause(view, m, t)
                  and not any(i.start <= m.start < i.end for i in inits)
                  and not any(x.tag == "ETM" for x in view.morphs_in(m.end, heads[0].start))][-1:]  # ('…가 후원하는 행사에서')
    for h in heads:
        for tl in tails:
            add("ANNOUNCES", h, tl, si)


_TOPICS = AGENT_TYPES | {"INITIATIVE"}  # (not '올해는 환경부에서 … 추진한다': a time)


def _venue_after_topic(view: TextView, ms: list[Mention], m: Mention) -> bool:
    """'…준비위원회는 … 전체회의를 17일 외교부에서 개최했다': a body marked 에서 after the
    sentence's topic is where it is held, not who holds it."""
    return _tail(view, m) == "에서" and any(o.end <= m.start and o.label in _TOPICS and _phrase_tail(view, o).lstrip("'’\"”」』") in ("은", "는") for o in ms)


def _body_tail(view: TextView, m: Mention) -> str:
    """The particle after a body, also after its head or short name in brackets
    ('한국케이블TV방송협회(회장 A)가', '대한상공회의소(대한상의)는': both names)."""
    tail = _tail(view, m)
    if (p := re.match(r"(은|는|이|가)\(", tail)) and ")" in view.text[m.end:m.end + 30]:
        return p.group(1)  # '특허청은(청장 김완기) …': the particle before the head's bracket
    if tail.startswith("(") and (b := _BRACKET_TAIL.match(view.text, m.end)) and b.group(1):
        return b.group(1)
    if tail.startswith(")") and view.text.rfind("(", max(0, m.start - 30), m.start) >= 0 and view.text.find(")", max(0, m.start - 30), m.start) < 0:
        return tail[1:]
    return tail


_QUOTE_OPEN = re.compile(r"[「『'‘\"“]")
_HEADLINE_BODY = re.compile(r",|\s['‘\"“「『]")  # '특허청, … 발대식 개최', "산업부 '…' 발표"
_OFFICE_SUBJECT = re.compile(r"\s[가-힣·]{1,15}(?:본부|실|국|과|단|센터|팀)(?:은|는|이|가)\s")  # the body's own unit as subject
_CLOSED_ALIAS = re.compile(r"\)(?:은|는|이|가|께서|도)\s")


def _speaks(view: TextView, ms: list[Mention], b: Mention, t: int) -> bool:
    """Whether the body `b`, the nearest before the trigger at `t` with no plain subject
    particle, is still who acts: marked after a bracket ('환경부(장관 한정애)는'), through its
    head as the subject ('최상목 기획재정부 장관은 … 밝혔다') or opening a headline ('대한민국 특허청,
    … 발대식 개최', "산업부 '…' 발표"). Not a body asked ('성평등가족부에 … 마련할 것을 요청'), a funder ('교육부의
    지원을 받아'), the owner of a noun ('과기정통부 소관 법률안') or a counterpart ('… 외교부 차관과')."""
    tail = _QUOTE_OPEN.split(_phrase_tail(view, b), 1)[0].rstrip(",")  # 'KTV는「생방송 정보와이드」', '공사는, "…'
    if tail in AGENT_TAILS or tail == "에서도" or _CLOSED_ALIAS.match(view.text, b.end):  # '(장관 송미령, 이하 농식품부)는'
        return not _in_relative_clause(view, b, t)
    if _UNNAMED_HEAD.match(view.text, b.end) or _TOGETHER.match(view.text, b.end) or _OFFICE_SUBJECT.match(view.text, b.end):
        return True  # '산업통상자원부 장관은 … 발표했다', '과기정통부와 함께 … 추진한다', '법무부 출입국·외국인정책본부는'
    if _HEADLINE_BODY.match(view.text, b.end) and all(m.label == "LOCATION" for m in ms if m.start < b.start):
        return True
    prev = b  # '한국전력과 삼성물산은 … 공동으로 추진한다': coordinated with the subject after it
    for m in (m for m in ms if b.end <= m.start < t and m.label in AGENT_TYPES):
        if not _COORD_BODIES.fullmatch(view.text, prev.end, m.start):
            break
        if _phrase_tail(view, m) in AGENT_TAILS:
            return True
        prev = m
    return any(p.label == "PERSON" and tuple(p.attrs.get("_org") or ()) == b.key and p.end <= t
               and _phrase_tail(view, p) in AGENT_TAILS for p in ms)


_TOGETHER = re.compile(r"(?:\([^()]{0,25}\))?(?:와|과)\s(?:함께|공동으로)\s")
# a body's part in the object, in a clause that describes it: '… 진흥원이 주관하는 X', '…가 후원하는 X'
_ROLE_CLAUSE = re.compile(r"(?:이|가)\s(?:\S+\s){0,2}?(?:주관|주최|후원|참여|협력|지원)(?:하는|한|할)\s")
_SIGNING = re.compile(r"협약|MOU|양해각서|서명|체결|조인")
_UNNAMED_HEAD = re.compile(r"\s(?:장관|제?[12]?차관|청장|처장|원장)(?:님)?(?:은|는|이|가|께서는?)\s")
_BY = re.compile(r"에\s?의(?:해|하여|해서)\s(?:[가-힣]+\s)?")


def _by_agent(view: TextView, ms: list[Mention], inits: list[Mention], t: int, si: int, add) -> None:
    """A passive with its agent: '과기정통부에 의해 수립된 'K-바이오 전략'', ''K-바이오 전략'은
    과기정통부에 의해 수립되었다'."""
    agent = next((m for m in ms if m.label in ("MINISTRY", "ORGANIZATION", "COMPANY") and _BY.fullmatch(view.text, m.end, t)), None)
    if agent is None:
        return
    end = view.word_end(t)
    after = [m for m in inits if m.start >= end and re.fullmatch(r"\s['‘\"“「『]?", view.text[end:m.start])]
    before = [m for m in inits if m.end <= agent.start and _tail(view, m).lstrip("'’\"”」』") in ("은", "는", "이", "가")]
    target = after[0] if after and view.text[end - 1] in "된될던" else (before[-1] if before else None)
    if target is not None:
        add("ANNOUNCES", agent, target, si)


def _own_office(view: TextView, m: Mention, inits: list[Mention]) -> bool:
    """Whether the body `m` is written right before a task force of its own, unquoted
    ('기획재정부 신성장전략기획추진단', '산업통상자원부 공급망TF')."""
    nxt = next((i for i in inits if i.start >= m.end), None)
    return nxt is not None and nxt.attrs.get("kind") == "taskforce" and view.text[m.end:nxt.start] == " "


def _through_office(view: TextView, m: Mention, inits: list[Mention]) -> bool:
    """'기획재정부 신성장전략기획추진단은 … 간담회를 열었다': a body named before its own task
    force, which is the subject, acts through it (the office is no agent of its own)."""
    nxt = next((i for i in inits if i.start >= m.end), None)
    return _own_office(view, m, inits) and nxt is not None and _tail(view, nxt) in AGENT_TAILS


def _adnominal_subject(view: TextView, m: Mention, t: int) -> bool:
    """Whether `m` (marked 이/가) is the subject of an adnominal verb between it and the
    trigger at `t` ('상무부가 발표한 조치에 대응해 … 마련했다'), not of the trigger."""
    return _tail(view, m) in ("이", "가") and any(mo.tag == "ETM" for mo in view.morphs_in(m.end, t))


def _in_relative_clause(view: TextView, m: Mention, t: int) -> bool:
    """Whether `m` (marked 이/가) is the subject of an adnominal clause that ends before the
    trigger at `t`, with the main clause's own subject after it."""
    if _tail(view, m) not in ("이", "가"):
        return False
    seen_etm = False
    for mo in view.morphs_in(m.end, t):
        if mo.tag == "ETM":
            seen_etm = True
        elif seen_etm and (mo.tag == "JKS" or (mo.tag == "JX" and mo.form in ("은", "는"))):
            return True
    return False


# the subject of a clause that describes the event: '… B 위원장께서 추가로 말씀하신 (회의)'
_SAID_OF = re.compile(r"(?:\s[가-힣]+?){0,2}?(?:께서|이|가)\s(?:[가-힣]+\s){0,2}?[가-힣]*(?:하신|한)\s")


def _participates(view: TextView, ms: list[Mention], inits: list[Mention], t: int, si: int, add,
                  presiders: set) -> None:
    if view.text.startswith("출석", t) and not any(m.attrs.get("kind") == "meeting" for m in inits):
        return  # a sitting of the Assembly attended ('… 전체회의에 출석하도록'), not a law it acts under
    if view.text.startswith("함께", t) and _in_title(view.text, t):
        return  # "특별전시회 '왕비와 함께 잠들다'를 개최": words of a quoted title, no companion
    if _CALLED_FOR.match(view.text, view.word_end(t) - 1):
        return  # '기업들의 참여에 감사드린다', '참여를 당부했다': participation named, not stated
    before = [m for m in inits if m.end <= t]
    if _quoted_apart(view, before[-1].end if before else t, t):
        return  # '개막식 축사에서 "… 참여에 …"': a remark quoted at the event
    after = [m for m in inits if m.start >= t]
    by_key = {m.key: m for m in ms}
    adnominal = False
    gathered = view.text.startswith("모인", t)  # "A, B 등 22개 기업이 모인 'X'": only the group it describes
    if before and not gathered:
        target = before[-1]
        lo = max(target.end, _clause_start(view, target.end, t))  # ('… 주최하고 B가 후원했으며, A가 참석했다')
        topic = next((m for m in before if m.attrs.get("kind") == "meeting" and _tail(view, m).lstrip("'’\"”」』") in ("은", "는", "에는")), None)
        if topic is not None and ATTEND_RE.match(view.text, t) and (target.attrs.get("kind") != "meeting"
                                                                   or _tail(view, target).rstrip(",") in ("로", "으로", "로서", "으로서")):
            # '이번 회의는 … 추진계획 등을 공유하기 위해 마련되었고, A 등이 참석했다': the meeting;
            # '이번 만찬은 … 첫 번째 행사로, A 등이 참석했다': the topic, which the noun describes
            target = topic
    elif after and (ADNOMINAL_AFTER.match(view.text[t:t + 12]) or gathered):  # 'LG전자 등이 참석한 간담회'
        target = after[0]
        if len(after) > 1 and after[1].attrs.get("kind") == "meeting" \
                and re.fullmatch(r"['\"’”」』]?\s?", view.text[target.end:after[1].start]):
            target = after[1]  # '… 참석한 가운데 'K-휴머노이드 연합' 출범식을 열었다': the event
        first = min((m.start for m in ms), default=t)
        lo = max(_clause_start(view, first, t), view.text.rfind("고 ", 0, t) + 1, first)
        adnominal = True
    else:
        return
    if view.text.startswith("함께", t) and view.text[t - 2:t] in ("와 ", "과 "):  # 'B와 함께': only B
        if before and re.fullmatch(r"['\"’”」』]?(?:\s?\S*)?(?:과|와)\s", view.text[target.end:t]):
            return  # 'X 개정과 함께': together with an initiative, not taking part in it
        lo = max(lo, _with_list_start(view, ms, t, lo))
    attending = ATTEND_RE.match(view.text, t) is not None and target.attrs.get("kind") == "meeting"
    # ('삼성전자(대표 한종희)': the company is the one listed, its head in brackets)
    orgs_of_people = {tuple(m.attrs["_org"]) for m in ms if m.label == "PERSON" and m.attrs.get("_org")
                      and not _HEAD_IN_BRACKETS.fullmatch(view.text, m.attrs["_org"][1], m.start)}
    if attending:
        # attendees named with their bodies ('A 회장, B 사장 등이 참석한', also one or two): an
        # executive attends for a company, association or public corporation (real gold README:
        # "and so does the company or body"); an official is there as themself (the real gold)
        orgs_of_people = {k for k in orgs_of_people if not _attends_for(ms, by_key.get(k))}
    agents = [m for m in ms if m.label in AGENT_TYPES and (m.key, target.key) not in presiders and m.key not in orgs_of_people
              and not (target.start <= m.start < target.end) and not m.attrs.get("byline") and not _possessor(view, ms, m)
              and not _ORGANISER.match(view.text, m.end)]
    found = [m for m in agents if lo <= m.start and m.end <= t]
    # a body right before the event names whose event it is ('청와대 신년인사회 무대에'), not who takes part
    found = [m for m in found if not (m.end < target.start and view.text[m.end:target.start] == " ")]
    if adnominal:  # a topic (KOTRA는) stands outside the clause '… 참석하는 설명회'
        found = [m for m in found if _phrase_tail(view, m) not in ("은", "는")]
    if not found and not adnominal and before and view.text.startswith("체결", t) and re.fullmatch(r"(?:\([^)]{0,10}\))?\s?", view.text[target.end:t]):
        # a headline's 'A과 B 업무협약 체결': the bodies right before the agreement sign it
        prior = [m for m in agents if m.end <= target.start]
        if prior and re.fullmatch(r"\s?(?:간\s)?", view.text[prior[-1].end:target.start]):
            found = [prior[-1]]
            while len(found) < len(prior) and _joined(view, prior[-len(found) - 1], found[-1]):
                found.append(prior[-len(found) - 1])
    if not found and not adnominal and not view.text.startswith("맺", t) and not _describes_others(view, t):  # 'X 장관은 … 출범식에 참석해': the sentence's subject takes part
        # ('KOTRA는 20명이 참석하는 설명회를 열고': the clause names who attends, not the subject)
        # (a head in brackets, '해양수산부(장관 강도형)와 환경부는', is not one of the list)
        before = [m for m in agents if m.end <= target.start and not _HEAD_IN_BRACKETS.search(view.text, max(0, m.start - 12), m.start)]
        # ('청와대는 … 시민들이 … 참여하고 있다면서': the topic only reports who takes part)
        found = [m for m in before if _is_subject(view, m, ("이", "가", "도") if _reports_others(view, t) else AGENT_TAILS)]
        if found:  # 'A와 B는': coordinated subjects
            i = before.index(found[0])
            while i > 0 and (_phrase_tail(view, before[i - 1]).rstrip(",") in COORD_TAILS + ("",)
                             or view.text[before[i - 1].end:before[i].start] in ("·", "ㆍ")) \
                    and _joined(view, before[i - 1], before[i]):
                i -= 1
                found.append(before[i])
    if view.text.startswith("출석", t):  # ('A 위원장이 … B 위원장께서 말씀하신 회의에 출석하도록': B only speaks of it)
        found = [m for m in found if not _SAID_OF.match(view.text, m.end)]
    if attending:  # 'A 한국전력 사장과 B 가스공사 사장이 참석했다': each attendee's body with him
        # (not a professor's or member's: '김 아주대 명예교수' is there as himself)
        found += [b for p in found if p.label == "PERSON" and p.attrs.get("_org")
                  for b in [by_key.get(tuple(p.attrs["_org"]))] if b in agents and b not in found and _attends_for(ms, b)]
    if not adnominal and before and SIGN_RE.match(view.text, t) and _SIGNED.fullmatch(view.text, target.end, t):
        found += [m for m in _parties(view, agents, target) if m not in found]
    targets = [target]  # "'A 회의'와 'B 회의'에 참석한다": both
    for m in reversed([i for i in inits if i.end <= target.start]):
        if not _COORD_EVENTS.fullmatch(view.text, m.end, targets[-1].start) or m.attrs.get("kind") != target.attrs.get("kind"):
            break  # ('조직위원회와 업무협약을 체결': the partner, not a second agreement)
        targets.append(m)
    # 'A 장관은 … 간담회를 가졌다', '… A 장관이 … 초청해 갖는 첫 간담회': the subject holds it (LEADS, the guideline)
    # (not several who have it together: 'A 장관과 B 회장 등 경제계 인사들이 간담회를 가졌다')
    # (a ceremony one has is one's own: '취임식을 갖고' takes part in it)
    holds = not adnominal and len(found) == 1 and _HAVE.match(view.text, t) is not None and target.attrs.get("kind") == "meeting" \
        and not view.text.endswith("식", target.start, target.end)
    for m in found:
        lead = holds and m.label == "PERSON" and _is_subject(view, m, AGENT_TAILS)
        for tg in targets:
            add("LEADS" if lead else "PARTICIPATES_IN", m, tg, si)


# a public corporation's executives (한국전력 사장, KOTRA 이사장) attend for it, as a company's do
_EXECUTIVE_TITLES = frozenset({"사장", "부사장", "이사장", "대표", "대표이사", "회장", "부회장"})
_AS_THEMSELVES = frozenset(TITLES) - LEAD_TITLES  # professors, members, staff: no officer of the body


def _attends_for(ms: list[Mention], body: Mention | None) -> bool:
    """Whether an attendee named with `body` attends for it: an officer of a company or
    organisation, an executive of a public corporation; not a minister (there as himself)
    nor a professor or member ('서울대 교수')."""
    titles = {p.attrs.get("title") for p in ms if body is not None and p.label == "PERSON"
              and tuple(p.attrs.get("_org") or ()) == body.key}
    if body is None:
        return False
    return bool(titles & _EXECUTIVE_TITLES) if body.label == "MINISTRY" else bool(titles - _AS_THEMSELVES)


# the trigger as a noun that is called for or thanked for: '참여에 감사', '참석을 당부', '동참을 호소'
_CALLED_FOR = re.compile(r"[에를을의]\s(?:[가-힣]+\s)?(?:감사|당부|요청|독려|호소|기대|바라|바란|부탁|촉구|유도|확대|높이|늘리|이끌)")


def _quoted_apart(view: TextView, a: int, b: int) -> bool:
    """Whether a quotation opens between `a` and `b` and is still open at `b`: the trigger at
    `b` is in a remark quoted after the event named at `a`."""
    while a < b and view.text[a] in "'’\"”」』":
        a += 1  # the closing quote of the event's own name ('"AI 포럼"에는 …')
    seg = view.text[a:b]
    opens = sum(seg.count(q) for q in "“「『")
    closes = sum(seg.count(q) for q in "”」』")
    return opens > closes or seg.count('"') % 2 == 1


def _in_title(text: str, t: int, reach: int = 30) -> bool:
    """Whether `t` stands inside a quotation in single quotes opened shortly before it."""
    seg = text[max(0, t - reach):t]
    return seg.count("‘") > seg.count("’") or seg.count("'") % 2 == 1


# the subject of a clause that describes the event as theirs: '연천군이 주최하는 … 세미나에 참석하여'
# (the host, not a participant)
_ORGANISER = re.compile(r"(?:이|가|에서)\s(?:공동\s?)?(?:주최|주관|개최)(?:하는|한|할|했던|하고\s있는)\s"
                        r"|\s(?:장관|차관|제?[12]차관|청장|처장|원장|위원장|실장|본부장)\s?주재(?:로|하에|\s하에)\s")  # '산업부 장관 주재로 열린'

# ('위촉식 및 제1차 회의' is one event's name in the guideline, not two)
_HEAD_IN_BRACKETS = re.compile(r"\((?:대표|대표이사|회장|사장|부사장|원장|이사장|위원장|장관|청장|처장|총장|학장|소장|관장|단장|본부장|센터장|시장|군수|구청장|도지사|지사|교육감|의장|CEO)\s")
_COORD_EVENTS = re.compile(r"['’\"”」』]?(?:와|과|,)\s?['‘\"“「『]?")
# the end of a list before '함께': '현대자동차, LG, 신세계 등 8개 기업 경영인들과 함께했다'
# between a companion and its '과 함께': at most the rest of its title ('A 장관과 함께', 'A(대표 B)와 함께')
_NEAR_WITH = re.compile(r"(?:\([^()]{0,25}\))?(?:\s[가-힣A-Za-z0-9·]+(?<![까지에을를의서])){0,2}")
_WITH_LIST_END = re.compile(r"\s?등\s(?:[\d,]+여?\s?[가-힣]*\s)?(?:[가-힣]+\s){0,2}[가-힣]*(?:과|와)\s$")


def _with_list_start(view: TextView, ms: list[Mention], t: int, lo: int) -> int:
    """Where the companions of '함께' at `t` begin: the mention right before it ('B와 함께'),
    or the first of a list that ends in 등 ('A, B, C 등 8개 기업 경영인들과 함께')."""
    near = max((m for m in ms if m.end <= t - 2 and m.start >= lo), key=lambda m: m.start, default=None)
    agents = [m for m in ms if m.label in AGENT_TYPES and lo <= m.start and m.end <= t]
    if not agents or not _WITH_LIST_END.match(view.text[agents[-1].end:t]):
        if near is not None and not _NEAR_WITH.fullmatch(view.text, near.end, t - 2):
            return t  # '정부 예산안 편성까지 재정당국과 함께': the companion is no mention
        return near.start if near is not None else lo
    i = len(agents) - 1
    while i > 0 and _joined(view, agents[i - 1], agents[i]):
        i -= 1
    return agents[i].start


def _phrase_tail(view: TextView, m: Mention) -> str:
    """The particle that marks a mention's role: right after it (LG전자는), after the title
    of a person ('안덕근 산업통상자원부 장관은' → 은), or after a list it ends
    ('A, B 등 해외 업체도' → 도)."""
    tail = _tail(view, m)
    end = m.end
    if (inc := _INCLUDING.match(view.text, m.end)) and (tail in ("을", "를") or not tail):
        return inc.group(1)  # '배우 정우성 씨를 포함한 많은 시민들이', 'A를 비롯한 기업들이'
    if tail.startswith("(") and (b := _BRACKET_TAIL.match(view.text, m.end)):
        if b.group(1) or not _ACRONYM_AFTER.match(view.text, m.end):
            return b.group(1)  # '해양수산부(장관 강도형)와', '삼성전자(대표 한종희)는'
        end = b.end()  # '대한무역투자진흥공사(KOTRA) 등 지원기관도': the list's particle
    elif tail.startswith(")") and _IN_BRACKETS.fullmatch(view.text, max(0, m.start - 1), m.end):
        if tail[1:]:  # an acronym in brackets: '(KOTRA)는' is its body's particle
            return tail[1:]
        end = m.end + 1
    elif tail:
        return tail
    after = view.text[end:end + 40]
    if m.label == "PERSON" and (hon := re.match(r"\s씨(께서|은|는|이|가|도)(?:\s|$)", after)):
        return hon.group(1)  # '이희아 씨가'
    title = m.attrs.get("title")
    if m.label == "PERSON" and title:
        # '방문규 신임 산업부 장관이', '김성범 해양수산부 장관 직무대행은' (an acting head)
        # ('김동연 경기도지사는', '구자열 한국무역협회장은': the title fused with its body)
        t = re.match(rf"\s(?:\S+\s){{0,2}}[^\s\d]{{0,12}}?{re.escape(title)}(?:\s?직무대행|\s?권한대행|\s?대행)?(?:\([^()]{{1,14}}\))?(\S*)", after)  # '장관(가운데)이'
        if t and t.group(1):
            return t.group(1)
        if t and (dual := _DUAL_POST.match(after, t.end())):
            return dual.group(1)  # '최상목 부총리 겸 기획재정부 장관은'
        if t:  # 'A 현대그룹 회장 등 상의 회장단이': a list the person closes
            after = after[t.end():]
    elif m.label in ("COMPANY", "ORGANIZATION", "MINISTRY") and (g := _GROUP_OF.match(after)):
        return g.group(1)  # '대한상공회의소 회장단은', '삼성전자 관계자들이': the body's people
    t = _LIST_END.match(after)
    return t.group(1) if t else ""


# the one named first in a group it belongs to: 'A 씨를 포함한 많은 시민들이', 'A를 비롯한 기업들은'
_INCLUDING = re.compile(r"(?:\s씨|\s[가-힣]{1,6}(?=[을를]))?[을를]\s(?:포함|비롯)(?:한|해|하여)\s(?:[가-힣]+\s){0,2}[가-힣]*?[들](은|는|이|가|도)\s")
# a second post after 겸: '부총리 겸 기획재정부 장관은'
_DUAL_POST = re.compile(r"\s겸(?:\s[가-힣]+){1,2}?(은|는|이|가|께서|도)(?:\s|$)")
# an acronym written in brackets after its body: '대한무역투자진흥공사(KOTRA)'
_ACRONYM_AFTER = re.compile(r"\([A-Z][A-Za-z0-9&-]{1,9}\)")
_IN_BRACKETS = re.compile(r"\([A-Z][A-Za-z0-9&-]{1,9}")
# the people of a body as the subject: '대한상공회의소 회장단은', 'A사 관계자들이'
_GROUP_OF = re.compile(r"\s(?:회장단|대표단|임직원|관계자|관계자들|대표들|경영진|사절단)(은|는|이|가|도)(?:\s|$)")


def _joined(view: TextView, a: Mention, b: Mention) -> bool:
    """Whether `a` and `b` are coordinated: only a conjunction, comma or the rest of a's
    title phrase stands between them ('A와 B', 'A, B', 'X 삼성전자 회장과 Y')."""
    between = _BRACKET.sub("", view.text[a.end:b.start], count=1)  # 'A(장관 X)와 B'
    if between == "(" and _IN_BRACKETS.fullmatch(view.text, b.start - 1, b.end):
        return True  # '대한무역투자진흥공사(KOTRA)': the body and its acronym
    if between == "(" and a.label == b.label == "PERSON" and view.text.startswith(")", b.end):
        return True  # '존 스미스(John Smith)': a name and its spelling
    if between.startswith(")") and (_IN_BRACKETS.fullmatch(view.text, max(0, a.start - 1), a.end)
                                    or a.label == "PERSON" and view.text[a.start - 1:a.start] == "("):
        between = between[1:]  # '(KIAT), 대한무역투자진흥공사', '(John Smith) 외교부 차관과'
        if a.label == "PERSON" and re.fullmatch(r"\s[가-힣]{2,8}\s", between):
            return True  # '(John Smith) 영국 외교부 차관과': a foreign official's country
    # (a person's title phrase may name a long body: 'A 대한상공회의소 회장, B')
    return len(between) <= (18 if a.label == "PERSON" else 12) and re.fullmatch(r"(?:\s\S+)?(?:\s\S+)?(?:와|과|,|·|ㆍ|\s및)?\s?", between) is not None \
        and (between.strip() == "" or between.rstrip().endswith(("와", "과", ",", "·", "ㆍ", "및")))


_BRACKET = re.compile(r"^\([^()]{0,25}\)")
_BRACKET_TAIL = re.compile(r"\([^()\n]{0,25}\)(\S*)")


def _is_subject(view: TextView, m: Mention, tails: tuple[str, ...] = SUBJECT_TAILS) -> bool:
    return _phrase_tail(view, m) in tails


# 'LG전자 등과 간담회', 'KOTRA 등 수출지원기관과 함께 「점검회의」를 개최', 'A 사장 등과 간담회',
# 'A, B 등 반도체 기업 대표들과 '…' 간담회를 가졌다'
_WITH = re.compile(r"(?:(?:\s[가-힣]{1,6})?\s?등(?:\s[\d,]*여?\s?[가-힣A-Z]{1,10}){0,3}|\s(?:사장|회장|대표|대표이사|부회장|원장|장관|차관|청장|위원장|이사장|총장|단장|본부장|대사)|\s[가-힣]+(?:을|를)\s비롯(?:한|해)(?:\s[가-힣]{1,10}){1,2})?(?:과|와)\s(?:함께\s)?(?:[가-힣A-Za-z]+\s)?['‘\"“「『]?$")


# a counterpart named with a longer title: 'B(Maria Rocha) 브라질 외교차관과 양자 회담을',
# 'B 베트남 국방장관과 회담을 갖고', foreign titles ('B 중국 외교부장과', 'B 국가주석과', 'B 경제산업상과')
_WITH_OFFICIAL = re.compile(r"(?:\s?\([^()]{1,40}\))?(?:\s[가-힣·]{1,10}){0,2}\s[가-힣]{0,8}(?:장관|차관|총리|대사|대통령|총재|의장|위원장|총장|청장|회장|사장|대표"
                            r"|부장|주석|국왕|왕세자|총통|수상|(?:산업|외무|방위|재무|경제)상)(?:과|와)\s(?:(?:오찬|만찬|조찬)을\s겸한\s)?(?:[가-힣A-Za-z]+\s)?['‘\"“「『]?")


def _with_meeting(view: TextView, ms: list[Mention], inits: list[Mention], si: int, add) -> None:
    """'LG전자, LS일렉트릭 등과 간담회를 열고': who the meeting is held with takes part."""
    for m in inits:
        if m.attrs.get("kind") != "meeting":
            continue
        agents = [a for a in ms if a.label in AGENT_TYPES and a.end <= m.start]
        if len(agents) > 1 and view.text[agents[-2].end:agents[-1].start] == "(":
            agents.pop()  # 'B(Maria Rocha) … 차관과': the name in brackets is B's
        if not agents or not (_WITH.fullmatch(view.text[agents[-1].end:m.start]) or agents[-1].label == "PERSON"
                              and _WITH_OFFICIAL.fullmatch(view.text[agents[-1].end:m.start])):
            continue
        i = len(agents) - 1
        found = [agents[i]]
        while i > 0 and _joined(view, agents[i - 1], agents[i]):
            i -= 1
            found.append(agents[i])
        for a in found:
            add("PARTICIPATES_IN", a, m, si)


def _leads(view: TextView, ms: list[Mention], inits: list[Mention], t: int, si: int, add, presiders: set) -> None:
    """'X 주재로 열린 간담회' (presider right before 주재) or 'X는 … 회의를 주재했다'
    (the subject presides over the meeting right before 주재)."""
    people = [m for m in ms if m.label == "PERSON" and m.end <= t]
    near = [m for m in people if t - m.end <= 25 and not any(m.end <= i.start < t for i in inits)]
    agent = near[-1] if near else next((m for m in people if _is_subject(view, m)), None)
    if agent is None and view.text.startswith("주재한 ", t):  # '회의를 주재한 최상목 대통령 권한대행은'
        agent = next((m for m in ms if m.label == "PERSON" and 0 <= m.start - (t + 4) <= 2), None)
        if agent is not None:
            before = [m for m in inits if m.end <= t and t - m.end <= 8]
            if before:
                presiders.add((agent.key, before[-1].key))
                add("LEADS", agent, before[-1], si)
            return
    if agent is None and view.text.startswith("주관", t):
        bodies = [m for m in ms if m.label in ("MINISTRY", "ORGANIZATION", "COMPANY") and m.end <= t and t - m.end <= 3]
        agent = bodies[-1] if bodies else None
    if agent is None:
        return
    meetings = [m for m in inits if m.attrs.get("kind") == "meeting"] or inits
    before = [m for m in meetings if agent.end <= m.start and m.end <= t and t - m.end <= 6]
    after = [m for m in meetings if m.start >= t]
    # '회의는 X 주재로 열렸으며', '이니셔티브는 과기정통부가 주관해': the topic before the agent
    topic = [m for m in meetings if m.end <= agent.start and _tail(view, m).lstrip("'’\"”」』") in ("은", "는")]
    target = before[-1] if before else (after[0] if after else (topic[-1] if topic else None))
    if target is not None:
        agents = [agent]
        if agent.label == "PERSON":  # 'A 국무총리와 B 위원장이 공동으로 회의를 주재했다'
            i = people.index(agent)
            while i > 0 and _joined(view, people[i - 1], people[i]):
                i -= 1
                agents.append(people[i])
        for a in agents:
            presiders.add((a.key, target.key))
            add("LEADS", a, target, si)
