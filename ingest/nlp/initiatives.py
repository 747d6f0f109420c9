"""INITIATIVE mentions: named plans, strategies, programs, laws, funds, task forces, meetings.

Two shapes: a quoted name ('AI 자율제조 전략', 「산업발전법」, “K-칩스법”), or an unquoted
noun phrase that ends in a head word (계획, 전략, 마스터플랜, 특별법, 간담회 …). For the
unquoted shape we walk back from the head over bare nouns (no particle) and stop at
another entity, a date, punctuation or a determiner, so '산업부는 7일 반도체 초강대국
달성전략을 발표했다' yields '반도체 초강대국 달성전략'. A single generic modifier (투자
계획) is not a name; a bare meeting word (간담회) is, because the meeting is an event.
"""
# Over 400 lines, kept whole: the quoted, unquoted, law and sitting finders share the head words, the chain-stop lists and the name checks.
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.heads import _KIND_RE, CHAIN_STOP, HEADS, QUOTED_HEADS, head_kind  # noqa: F401 (the head words; re-exported)
from ingest.nlp.people import TITLES
from ingest.nlp.view import NOMINAL, TextView

# meeting words name an event on their own ('간담회에는 … 참석했다', '이날 회의에서는'):
# every meeting head, as the gold guidelines have it (ingest/nlp/gold/README.md)
BARE_OK = frozenset(h for h, k in HEADS.items() if k == "meeting" and h not in ("오찬", "만찬", "조찬", "점검", "쇼", "탐방")) \
    | {"업무협약"} \
    | {"정부대표단", "정부 대표단", "특사단", "경제인단", "경제사절단", "정책기자단", "국민기자단", "명예기자단", "시민기자단"}  # a meal is one only by its name; an agreement is one by itself ('업무협약을 체결했다'), and so is a delegation its word names
# words that stop a plan's name but may name a meeting's topic or participants
# ('반도체 업계 간담회', '해외시장 진출 전략 설명회', '민관 합동 회의')
MEETING_CHAIN_OK = frozenset({"업계", "현장", "민관", "합동", "관계부처", "부처", "범정부", "해외", "국내", "공동", "관련",
                              "전략", "계획", "대책", "방안", "사업", "후속", "기본", "대표", "국가", "전체"})
_PERSON_WORDS = ("후보자", "내정자", "당선인", "당선자")
_CAPS = re.compile(r"[A-Z][A-Z0-9]+")  # APEC, CEO, G20: part of a meeting's name ('APEC CEO 서밋')
# 2-letter words ending in 법 that are no laws (방법 'method', 불법 'illegal' …)
NOT_LAWS = frozenset({"방법", "불법", "위법", "편법", "해법", "기법", "수법", "요법", "공법", "문법", "입법", "사법",
                      "합법", "헌법", "탈법", "비법", "화법", "용법", "어법", "민법", "형법", "적법", "세법", "상법",
                      "마법", "필법", "작법", "변법", "범법", "준법", "국법", "대법"})
# courts are no laws: '대전지법', '서울중앙지법', '서울고법' (but '장애인복지법' is one)
_COURT = re.compile(r"(?:서울|부산|대구|인천|광주|대전|울산|수원|창원|청주|춘천|전주|제주|의정부|서울중앙|서울동부|서울서부"
                    r"|서울남부|서울북부|특허)(?:지법|고법)")
# words ending in a head word that name no initiative in briefings
NOT_PLANS = frozenset({"보도계획", "취재계획", "일정계획", "신사협정"})  # ('신사협정': a gentlemen's agreement)
# modifiers that do not name a meeting ('긴급 회의' is any urgent meeting): still generic
MEETING_GENERIC = frozenset({"서면", "언론", "백", "긴급", "임시", "정례", "정기", "비공개", "공개", "화상", "영상", "후속", "기자", "실무",
                             "확대", "전문가", "간부", "내부", "자체", "대책", "비상", "특별", "현장", "업계",
                             "기업", "관계부처", "관계기관", "민관", "분과", "부처", "장관", "차관", "실장급", "국장급"})

_HEAD_RE = re.compile(
    r"(?:" + "|".join(sorted(map(re.escape, HEADS), key=len, reverse=True)) + r")(?![A-Za-z0-9])"
)
_QUOTE_RE = re.compile(
    r"'([^'\n]{2,40})'|‘([^’\n]{2,40})’|\"([^\"\n]{2,40})\"|“([^”\n]{2,40})”"
    r"|「([^」\n]{1,60})」|『([^』\n]{1,60})』|《([^》\n]{1,60})》|<([^<>\n]{2,40})>"
    r"|’(?!\d)([^‘’\n]{2,40})‘|`([^`\n]{2,40})`"  # reversed curly quotes ('’보조금24 … 공모전‘') and backticks
)
_SPEECH = re.compile(r"(?:[다요죠니까네]|습니다)\s*[.!?]?$|[.!?…]$|[,;]")
_ANNOUNCE_NEAR = re.compile(r"^[^\s]{0,3}\s?(?:[가-힣]+\s)?(?:발표|공개|수립|내놓|확정|출범|추진|마련|시행|선포|제시|발간|공포"
                            r"|개최|실시|운영|도입|신설|전개|편성)"
                            r"|^(?:을|를)?\s(?:진행(?!자)|펼치|펼친|펼쳐|펼쳤|열었|연다|열어|열고|열기로|열 |가졌|갖는|갖고|가질|갖기로)"  # "'청춘 마켓'을 연다"
                            r"|^(?:에|에는|에서)?\s(?:[가-힣]+\s)?(?:참석|참가|참여)")  # a headline's "'…' 참석"  # "'제18회 반도체의 날'에 참석"
_LETTER = re.compile(r"[가-힣A-Za-z]")
_OPENERS = "'\"‘“(「『《<"
_BULLETS = "▲△□■○●◇◆※☞▶▷◎"
_STOP_CHARS = set("*,.;:!?()[]{}<>'\"‘’“”「」『』《》·…" + _BULLETS)  # and list bullets ('▲제7차 …계획')


# a head word right after a quoted name: "'독자 AI 파운데이션 모델' 프로젝트", "'챌린지코리아' 캠페인"
_HEAD_AFTER = re.compile(r"\s?(" + "|".join(sorted(map(re.escape, {**HEADS, **QUOTED_HEADS}), key=len, reverse=True))
                         + r")(?![가-힣A-Za-z0-9]{2})")
_EVENT_KINDS = frozenset({h for h, k in HEADS.items() if k == "meeting"} | {"캠페인", "챌린지", "공모전", "축제", "페스티벌"})
_KIND_WORD = re.compile(r"\s([가-힣]{2,4})(?=\s)")  # "'…' 온라인 캠페인": one noun before the kind
# quoted names listed before the kind they are ("‘현장포커스’, ‘생활과 정책’ 등 정책현장 프로그램")
_LISTED = re.compile(r"(?:\s?,\s?['‘\"“][^'’\"”\n]{1,40}['’\"”])*\s?등\s(?:[가-힣A-Za-z0-9·]+\s){0,2}(?:[가-힣]+)?("
                     + "|".join(sorted((re.escape(h) for h, k in {**HEADS, **QUOTED_HEADS}.items() if k != "meeting"),
                                       key=len, reverse=True)) + r")(?![가-힣A-Za-z0-9]{2})")  # ('A', 'B' 등 기업 간담회: participants)
# events held once a year under one name, whose year before the name is the edition's
EDITIONS = frozenset({"쇼", "박람회", "엑스포", "전시회", "영화제", "영상제", "문화제", "예술제", "음악제", "가요제", "공모전",
                      "페스티벌", "축제", "서밋", "콘퍼런스", "컨퍼런스", "어워즈", "어워드"})
_EDITION_YEAR = re.compile(r"(?:^|(?<=[\s'\"‘“(]))(?:19|20)\d\d년? $")
# "'시청자가 만드는 TV'라는 이름의 고정 프로그램", "'희망 나눔'이라는 캠페인": the quote names the kind after it
_NAMED_AS = re.compile(r"(?:이)?라는\s(?:이름의\s|명칭의\s|이름으로\s)?(?:[가-힣A-Za-z0-9·]+\s){0,2}?("
                       + "|".join(sorted(map(re.escape, {**HEADS, **QUOTED_HEADS}), key=len, reverse=True))
                       + r")(?=[\s.,)]|$|(?:은|는|이|가|을|를|의|에|에서|으로|로|와|과|도|에는|에서는|인|이다)(?![가-힣]))")
# a quoted subject held later in its clause ("'…'가 오는 8일 NH아트홀에서 열린다")
_HELD_LATER = re.compile(r"(?:이|가|은|는)\s[^'\"‘’“”.,\n]{0,30}?(?:열린다|열렸다|열릴|개최된다|개최됐다|개최되었다|개최될|개막한다|개막했다"
                         r"|막을 내렸다|막을 내린다|막을 올린다|막을 올렸다|폐막했다)")
# a quoted programme aired later in its clause ("'정책 이야기'는 매주 토요일 오후 방송된다")
_AIRED = re.compile(r"(?:이|가|은|는)\s[^'\"‘’“”.,\n]{0,30}?(?:방송된다|방송됐다|방송될|방영된다|방영됐다|방영될|전파를 탄다|전파를 탔다)"
                    r"|\s재?방영(?=[을이은\s,]|시간)")  # "'KTV 대한뉴스' 방영 30분 앞당겨": the programme aired
# a quoted name right after its kind ("정책 뉴스 프로그램 <KTV 대한뉴스>는", "신규 캠페인 '함께 걷기'를")
_KIND_BEFORE = re.compile(r"(?:^|\s)(프로그램|캠페인|공모전|축제|프로젝트|사업|행사)\s$")
_NOTE = re.compile(r"\([^()\n]{1,30}\)")
# a parenthesis closing a quoted name: its short name ('(이하 공모전)') or another name ('(ㅊㅋ챌린지)')
_TRAILING_PAREN = re.compile(r"\s?\(([^()]{1,30})\)$")
_WORDISH = re.compile(r"[가-힣A-Za-z0-9]")
# what names an inspection as an event: its kind, not what it inspects
_INSPECTIONS = frozenset({"", "현장", "합동", "특별", "긴급", "일제", "안전", "정기", "집중", "민관", "민관합동", "현장합동"})
# words that open no name, except right after its number ('제3차 국가 기후위기 적응대책')
_ORDINAL_OPENS = frozenset({"국가", "범정부", "중장기", "정부", "관계부처", "민관"})
_ACRONYM_NOTE = re.compile(r"([가-힣]+)\([A-Za-z][A-Za-z0-9-]*\)")  # '전환(DX)', '지페어(G-FAIR)'
# heads whose names need more than a modifier: a scheme's or charter's name of six letters or more
# ('국민취업지원제도', '청년 일자리 도약 장려금 제도'), a reorganisation of a broadcaster's programmes
_LONG_NAME = lambda m: len(re.sub(r"\W", "", m)) >= 6  # noqa: E731
_STRICT = {"제도": _LONG_NAME, "헌장": _LONG_NAME,
           "개편": lambda m: re.search(r"프로그램|편성|채널|(?:봄|여름|가을|겨울)(?:철|맞이)?(?: |$)", m) is not None}
_DATE_WORD = re.compile(r"\d+(?:년|월|일)(?:자|부|부로|자로)|\d+(?:\.\d+)+(?:자|부|부로|자로)")  # '6일자', '9.1자로' (not '3자')
_ANNUAL = re.compile(r"(?<![\d.~])(?:19|20)\d\d년도? $")  # the year of an annual plan ('2025년 업무계획')
# '2018년도 업무계획을 국무총리에게 보고': the plan is the report's content, a report document (no
# initiative, its year a DATE: real gold README, sixth batch); the briefing itself is the event
_REPORTED = re.compile(r"(?:을|를)\s(?:[가-힣]+(?:에게|께)\s)?보고")
_ANNUAL_PLANS = frozenset({"업무", "시행", "실행", "추진", "종합", "운용", "운영", "세부추진", "연차별"})  # not '투자계획'
_AGREEMENTS = ("협약", "MOU", "양해각서")
_SIGNED = re.compile(r"(?:을|를|이|가)?\s?(?:체결|맺|서명|교환)")  # '협약을 체결했다', 'MOU를 맺었다'
_DISCUSSED = re.compile(r"(?:을|를|\s?등을|\s?등에 대해)\s(?:[가-힣]+(?:히|게|적으로)\s|심층\s|집중\s|함께\s)?(?:논의|모색|검토|협의)")
_ABOUT_AMOUNT = frozenset({"가량", "정도", "남짓", "안팎", "내외"})  # '1시간 40분 가량 업무보고를': no part of the name
_ORDINAL_BEFORE = re.compile(r"(?<![가-힣0-9])제\d+(?:회|차|기) $")
_VERSION_WORD = re.compile(r"\d+\.\d+")  # '3.0' in '스마트제조 혁신 3.0 전략'
_PHASE = re.compile(r"\d+단계")  # '차세대 주민등록시스템 1단계 사업'


def _fused_nominal(view: TextView, start: int, end: int) -> bool:
    """Nouns fused to a long head word; Kiwi reads some of them as adverbs there ('통상추진위원회':
    통상/MAG 추진/NNG), which the head fused to them in one word shows to be nouns ('연대회의'
    with a short head is read the other way as often)."""
    ms = view.morphs_in(start, end)
    return bool(ms) and all(m.tag in NOMINAL or m.tag == "MAG" and len(m.form) >= 2 for m in ms)


def _named_after(text: str, taken: bytearray, he: int) -> bool:
    """'대담 프로그램 국정토크(매주 수 오후 8시)': a name found right after the kind word, with
    its airtime in brackets (ingest.nlp.programmes)."""
    if not text.startswith(" ", he) or he + 1 >= len(taken) or not taken[he + 1]:
        return False
    end = taken.find(0, he + 1)
    return end != -1 and text.startswith("(", end)


def _gerund(view: TextView, start: int, end: int) -> bool:
    """A verb made a noun by -기 names what a scheme does ('청년마을 만들기 사업', '바다가꾸기 캠페인')."""
    ms = view.morphs_in(start, end)
    return len(ms) >= 2 and ms[-1].tag == "ETN" and ms[-1].form == "기" and ms[-2].tag in ("VV", "XSV") \
        and all(m.tag in ("NNG", "NNP", "SL", "SN", "XPN", "XSN", "VV", "XSV") for m in ms[:-1])
_ORDINAL = re.compile(r"제?\d+(?:차|기|회)")
_BRAND = re.compile(r"K-?[가-힣]{2,}$")
_ORDINAL_SITTING = re.compile(r"제\s?\d+\s?(?:차|회)\s")


# what stands between quoted names of one list: "'대한뉴스7'을, … '정책&이슈'를 편성한다", '<A> <B> 등을'
_LIST_GAP = re.compile(r"\s?|(?:을|를|이|가|은|는|도)?\s?,\s?|\s?(?:및|또는)\s|(?:과|와)\s")
_QUOTE_CHARS = "'\"‘“「『《<`’"


def _kind_after(view: TextView, at: int) -> re.Match | None:
    """"'우리 마을 줍깅' 온라인 캠페인": an event's or campaign's head word after one noun on its kind
    (not "'수리온' 개발 사업": a product's programme)."""
    if (word := _KIND_WORD.match(view.text, at)) is None or word.group(1) in CHAIN_STOP or not view.is_nominal(*word.span(1)):
        return None
    head = _HEAD_AFTER.match(view.text, word.end(1))
    return head if head is not None and head.group(1) in _EVENT_KINDS else None


def find_quoted(view: TextView) -> Iterator[tuple]:
    """Quoted names (see _quoted); a quoted name with no cue of its own that is listed
    right before a quoted name with one is a name of the same kind."""
    text = view.text
    found, pending = [], []
    for item in _quoted(view):
        (pending if item[2] == "_PENDING" else found).append(item)
    for s, e, _l, a in sorted(pending, reverse=True):
        nxt = min((f for f in found if f[0] >= a["close"]), default=None)
        if nxt is not None and nxt[2] == "INITIATIVE" and not text[s:e].endswith("위원회") \
                and _LIST_GAP.fullmatch(text[a["close"]:nxt[0]].rstrip(_QUOTE_CHARS)) is not None:
            found.append((s, e, "INITIATIVE", {"kind": nxt[3]["kind"], "quoted": True}))
    yield from sorted(found)


def _quoted(view: TextView) -> Iterator[tuple]:
    text = view.text
    for m in _QUOTE_RE.finditer(text):
        gi = next(i for i, g in enumerate(m.groups(), 1) if g is not None)
        s, e = m.span(gi)
        inner = text[s:e].strip()
        if text[e - 1].isspace() and not text[s].isspace():
            continue  # '… 발표한다"고 전제한 뒤 "축제 …': a closing quote after a space opens the next quotation
        if not inner or _SPEECH.search(inner) and not _AIRED.match(text, m.end()) or len(inner.split()) > 8 \
                or not _LETTER.search(inner) or len(inner) < 2:  # ("'국민이 묻고 장관이 답하다'가 방송된다": a programme)
            continue  # (「예」 하는 위원 있음): an answer in the minutes
        s = s + (len(text[s:e]) - len(text[s:e].lstrip()))
        e = s + len(inner)
        if inner.startswith("(가칭)") and len(inner) > 6:
            s, inner = s + 4 + (len(inner[4:]) - len(inner[4:].lstrip())), inner[4:].lstrip()  # '(가칭)K-반도체 벨트 조성 전략'
        hk = head_kind(inner)
        if hk is not None and hk[0] == "법" and inner.split()[-1] in NOT_LAWS:
            hk = None  # "'던지기 수법'": a method, no law
        if hk is not None and hk[0] == "점검":
            hk = None  # '"전략·문제점 직접 점검"': a quoted remark
        par = _TRAILING_PAREN.search(inner)
        if par and par.group(1) != "안" and (par.group(1).startswith(("이하", "약칭")) or hk is None and head_kind(inner[:par.start()])):
            e = s + par.start()  # '2019 대한민국 환경사랑공모전(이하 공모전)': the name is before its short name
            inner = text[s:e]
            hk = head_kind(inner)
        bracket = text[m.start()] == "「"  # 「」 marks laws and plans; 『』《》<> mostly books and papers
        if hk is None and (after := _HEAD_AFTER.match(text, m.end()) or _kind_after(view, m.end())):
            # "'독자 AI 파운데이션 모델' 프로젝트": a project's name; "'제20회 전자·IT의 날' 기념식": an event's;
            # "'… 줍깅' 온라인 캠페인": a word on its kind between
            hk = (after.group(1), HEADS.get(after.group(1)) or QUOTED_HEADS[after.group(1)])
        if hk is None and re.search(r"[가-힣]의 ?날$", inner):
            hk = ("날", "meeting")  # "'…기술협력 네트워킹의 날'을 가졌다": a named day
        if hk is None and (named := _NAMED_AS.match(text, m.end())):
            hk = (named.group(1), HEADS.get(named.group(1)) or QUOTED_HEADS[named.group(1)])  # "'…'라는 이름의 고정 프로그램"
        if hk is None and (listed := _LISTED.match(text, m.end())):
            hk = (listed.group(1), HEADS.get(listed.group(1)) or QUOTED_HEADS[listed.group(1)])  # "'A', 'B' 등 … 프로그램"
        # "『KTV 캠퍼스 리포트』(매주 토, 저녁 9시)를 신설": a parenthesis between the name and its verb
        near = m.end() + (p.end() - p.start() if (p := _NOTE.match(text, m.end())) else 0)
        if hk is None and _AIRED.match(text, near):
            hk = ("", "program")  # "'정책 이야기'는 매주 토요일 오후 방송된다": a programme
        if hk is None and (kb := _KIND_BEFORE.search(text, max(0, m.start() - 8), m.start())):
            hk = (kb.group(1), HEADS.get(kb.group(1)) or QUOTED_HEADS[kb.group(1)])  # '프로그램 <정책&이슈>를'
        if hk is None and _HELD_LATER.match(text, near):
            hk = ("", "meeting")  # "'제17회 환경보전홍보대상 공모전 시상식 및 전시회'가 오는 8일 … 열린다"
        if hk is None and not bracket and not _ANNOUNCE_NEAR.match(text[near:near + 20]):
            yield s, e, "_PENDING", {"close": m.end()}  # no cue of its own: maybe one of a list (find_quoted)
            continue
        if inner.endswith("위원회") and not _ORDINAL_SITTING.match(inner):
            # a committee set up by a ministry ('AI 시대의 신산업정책 위원회') is a body, not a plan;
            # its numbered sitting ("'제3차 안전정책조정위원회'를 개최") is a meeting (gold README)
            yield s, e, "MINISTRY", {"gov_kind": "committee", "quoted": True}
            continue
        kind = hk[1] if hk else "plan"
        yield s, e, "INITIATIVE", {"kind": kind, "quoted": True}


# 'CES 2024', 'MWC 2025', 'SEMICON Korea 2024': trade shows named by a Latin name and a year
_SHOW_RE = re.compile(r"(?<![A-Za-z0-9.&-])[A-Z][A-Za-z]{1,11}(?: [A-Z][A-Za-z]+)? 20\d\d(?![\d.,%년])")


_SHOW_CUE = re.compile(r"열리|열린|열렸|개최|개막|참가|참석|전시|부스|방문")


def find_shows(view: TextView) -> Iterator[tuple]:
    """Trade shows: a Latin name and a year with an event word nearby ('GDP 2024' is none)."""
    text = view.text
    for m in _SHOW_RE.finditer(text):
        s, e = m.span()
        if view.aligned(s, e) and _SHOW_CUE.search(text, max(0, s - 30), min(len(text), e + 60)):
            yield s, e, "INITIATIVE", {"kind": "meeting", "generic": False}


_NAMED_BODY = re.compile(r" (?:위원회|추진위원회|추진본부|본부)(?![가-힣]{2})")
_NAME_AFTER = re.compile(r"\s[<‘「『《][^’」』》>\n]{2,40}[>’」』》]|\s'[^'\n]{2,40}'")
_APPOSITION = re.compile(r"인\s?['‘\"“「『]")


# documents whose name ends in 서 ('협약서', '계약서'): no place
_DOCUMENT_STEMS = ("협약", "계약", "약정", "합의", "서약", "확인", "동의", "신청", "보고", "의견", "제안", "설명", "명세", "증명",
                   "청구", "계획", "결의", "성명", "이행", "각", "설계", "지침", "교과", "도")


def _locative(view: TextView, start: int, end: int) -> bool:
    """A headline's place with 서 for 에서 ('메타버스 공간서 발대식', '광화문서'): where the event
    is held, no part of its name."""
    last = view.last.get(end)
    return last is not None and view.text[last.start:end] == "서" and last.start - start >= 2 \
        and not view.text[start:last.start].endswith(_DOCUMENT_STEMS)


def _nominal_word(view: TextView, ps: int, word: str) -> bool:
    """A noun, or nouns joined by hyphens ('톱-티어'), which the tagger splits at the hyphen."""
    return view.is_nominal(ps, ps + len(word)) or ("-" in word.strip("-") and all(
        view.is_nominal(ps + a, ps + a + len(p)) for a, p in _parts(word, "-")))


def _parts(word: str, sep: str = "·") -> list[tuple[int, str]]:
    """The pieces of 'A·B' with their offsets."""
    out, at = [], 0
    for piece in word.split(sep):
        out.append((at, piece))
        at += len(piece) + len(sep)
    return [(a, p) for a, p in out if p]


def _coordinated(view: TextView, taken: bytearray, at: int) -> int | None:
    """'A 및 B 방안': the start of the noun before '및' at `at`, when it is a topic of the same
    name, not a name or an act of its own ('… 전략 및 계획', '점검 및 업무협약')."""
    text = view.text
    if at < 2 or text[at - 1] != " ":
        return None
    ps = view.word_start(at - 1)
    word = text[ps:at - 1]
    if (len(word) < 2 or word in CHAIN_STOP or word in TITLES or head_kind(word) is not None or taken.find(1, ps, at - 1) != -1
            or any(c in _STOP_CHARS for c in word.replace("·", "")) or not _nominal_parts(view, ps, at - 1)):
        return None
    return ps


# acts and ceremonies before 및 make two events ('출범 및 업계 간담회', '위촉식 및 1차 회의'), not one topic
_EVENT_ACTS = frozenset({"출범", "발표", "체결", "서명", "개최", "개소", "개관", "개통", "선포", "위촉", "발족", "시상", "점검",
                         "현장점검", "협약", "업무협약", "착공", "준공", "기념", "설명", "토론", "논의", "보고", "방문", "시찰"})


def _coordinated_topic(view: TextView, at: int) -> bool:
    """'공공기관 및 유관기관 업무보고', '우수 행정 및 정책사례 선발대회': in a meeting's name, 및 may join
    two topic or participant nouns; an act or ceremony before it is an event of its own."""
    if at < 2 or view.text[at - 1] != " ":
        return False
    ps = view.word_start(at - 1)
    word = view.text[ps:at - 1]
    return word not in _EVENT_ACTS and not word.endswith(("식", "회", "회의")) and "·" not in word


_COUNTRY_SYLLABLES = frozenset("한미중일북남러영독불호")  # 한·미, 한·중·일, 남·북: the countries of a bilateral meeting


def _countries(view: TextView, at: int, word: str) -> bool:
    """'한·아세안', '한·중·일': countries by their one-syllable short names (Kiwi reads '한' as 'one'), at
    least one of them Korea's; not '대·중소' (who takes part) nor '산·학·연'."""
    parts = _parts(word)
    return len(parts) >= 2 and any(p == "한" or p == "남" for _a, p in parts) and all(
        p in _COUNTRY_SYLLABLES or len(p) > 1 and view.is_nominal(at + a, at + a + len(p)) for a, p in parts)


def _head_matches(text: str) -> Iterator[re.Match]:
    """Head words, also one that overlaps a shorter head before it ('업무보고회': 업무보고 | 보고회)."""
    for m in _HEAD_RE.finditer(text):
        yield m
        if m.end() < len(text) and "가" <= text[m.end()] <= "힣":
            for i in range(m.start() + 1, m.end()):
                if (o := _HEAD_RE.match(text, i)) is not None and o.end() > m.end():
                    yield o
                    break


def _dotted_places(at: int, word: str, places: set[tuple[int, int]]) -> bool:
    """Whether `word` at `at` is places joined by '·' ('수도권·강원권역'), each a LOCATION."""
    parts = _parts(word)
    return len(parts) >= 2 and not word.startswith("·") and not word.endswith("·") \
        and all((at + o, at + o + len(p)) in places for o, p in parts)


def find_unquoted(view: TextView, taken: bytearray, places: set[tuple[int, int]] | None = None) -> Iterator[tuple]:
    """Noun phrases ending in a head word. `taken` marks characters of other entities;
    `places` are LOCATION spans, which may open a meeting's name."""
    text = view.text
    for m in _head_matches(text):
        hs, he = m.span()
        head = m.group()
        if not view.is_cut(he) or taken.find(1, hs, he) != -1 or head in ("점검", "공모") and view.tag_at(he) in ("XSV", "XSA"):
            continue  # '… 상황을 점검해': the verb, no inspection
        ws = view.word_start(hs)
        last_ws = view.word_start(he - 1)  # a head of two words: '라운드 테이블'
        core = view.core_end(last_ws, view.word_end(last_ws))
        if core != he:
            continue  # the head word is followed by more noun (사업자, 계획서 …) or an ending
        # attached modifier inside the head's word (달성전략, 반도체특별법, K-칩스법)
        attached_start = ws
        for i in range(hs - 1, ws - 1, -1):
            if text[i] in _STOP_CHARS and text[i] not in "·":
                attached_start = i + 1
                break
        attached = text[attached_start:hs]
        if attached and (taken.find(1, attached_start, hs) != -1 and head != "법"
                         or not (view.is_nominal(attached_start, hs) or len(head) >= 3 and _fused_nominal(view, attached_start, hs))):
            continue  # a body fused to 법 names a law ('국회법'), not the body
        if head == "점검" and attached not in _INSPECTIONS:
            continue  # '운영점검': no inspection event
        if text[attached_start:he] in NOT_PLANS:
            continue  # '이번 주 보도계획은 총 21건입니다': the week's press releases, no plan
        if head == "법" and (len(attached) < 2 or text[hs - 1:he] in NOT_LAWS or text[attached_start:he] in NOT_LAWS
                            or _COURT.fullmatch(text, attached_start, he)):
            continue
        start, words = attached_start, 0
        meeting = HEADS[head] == "meeting"
        # a council or alliance takes the same modifiers as a meeting ('반도체 민관 협의체')
        chain_ok = meeting or HEADS[head] == "taskforce"
        if attached_start == ws:
            pos = ws
            while words < 8 and pos >= 2 and text[pos - 1] == " " and not text[pos - 2].isspace():
                ps = view.word_start(pos - 1)
                word = text[ps:pos - 1]
                caps = meeting and _CAPS.fullmatch(word) is not None
                if not _WORDISH.search(word):
                    break  # '▷', '-'
                if word[0] in _OPENERS + _BULLETS and len(word) > 2 and not any(c in _STOP_CHARS for c in word[1:]) \
                        and (view.is_nominal(ps + 1, pos - 1) or _ORDINAL.fullmatch(word[1:])) and word[1:] not in CHAIN_STOP \
                        and taken.find(1, ps + 1, pos - 1) == -1:
                    start, words = ps + 1, words + 1  # '"한미일 산업장관회의 …"', '▲제7차 …': the quotation or bullet opens the name
                    break
                fused_day = meeting and len(word) > 3 and word.endswith("의날") and not words and word[:-2] not in ("오늘", "내일", "어제") \
                    and all(view.is_nominal(ps + a, ps + a + len(p)) for a, p in _parts(word[:-2]))  # '청년의날 기념행사'
                if fused_day or text[pos:pos + 2] == "날 " and len(word) > 1 and word.endswith("의") \
                        and all(view.is_nominal(ps + a, ps + a + len(p)) for a, p in _parts(word[:-1])):
                    start, pos, words = ps, ps, words + 1  # '과학·정보통신의 날 기념식': a named day's event
                    year = re.search(r"(?<![\d.])(?:19|20)\d\d년? $", text[max(0, pos - 7):pos])
                    if year:  # '2025년 과학·정보통신의 날 기념식': the year's edition
                        start = pos - len(year.group())
                        break
                    continue
                # nouns joined by '·' ('중증·응급·일차의료 분야 …'); one-syllable ones are who takes
                # part ('대·중소 상생형 사업', '산·학·연'), no subject of a name
                dotted = "·" in word.strip("·") and (_nominal_parts(view, ps, pos - 1)
                                                     and all(len(p) > 1 or p.isdigit() for p in word.split("·"))  # ('5·18 민주화운동 기념식')
                                                     or _countries(view, ps, word))  # '한·아세안 특별정상회의', '한·미 정상회담'

                if _ORDINAL.fullmatch(word) or _PHASE.fullmatch(word):  # '제4기 민·관환경정책협의회', '제1차 회의', '1단계 사업': the number is the name's
                    start, pos, words = ps, ps, words + 1
                    continue
                if word.startswith("(가칭)") and len(word) > 4 and view.is_nominal(ps + 4, pos - 1):
                    start, words = ps + 4, words + 1  # '(가칭)첨단산업 인재양성 특별법': a working title, the note outside
                    break
                if word in _ORDINAL_OPENS and ps >= 2 and _ORDINAL.fullmatch(text, view.word_start(ps - 1), ps - 1):
                    start, words = view.word_start(ps - 1), words + 2  # '제3차 국가 기후위기 적응대책'
                    break
                if _VERSION_WORD.fullmatch(word) and ps >= 2 and text[ps - 1] == " " \
                        and view.is_nominal(pw := view.word_start(ps - 1), ps - 1) and text[pw:ps - 1] not in CHAIN_STOP:
                    start, pos, words = ps, ps, words + 1  # '디지털 뉴딜 2.0 추진계획': a version inside the name
                    continue
                if word == "및" and words and (not meeting or _coordinated_topic(view, ps)) and (ws2 := _coordinated(view, taken, ps)) is not None:
                    start, pos, words = ws2, ws2, words + 2  # '반도체 산업 경쟁력 강화 및 투자 활성화 방안'
                    continue
                if (note := _ACRONYM_NOTE.fullmatch(word)) and view.is_nominal(ps, ps + note.end(1)):
                    start, pos, words = ps, ps, words + 1  # '제조업 디지털 전환(DX) 촉진 방안'
                    continue
                if ((word in CHAIN_STOP and not (chain_ok and word in MEETING_CHAIN_OK)) or (word in TITLES and not caps)
                        or (head == "점검" and word not in _INSPECTIONS) or _ARTICLE.fullmatch(word)  # '제2항'  # '… 메인프레스센터 현장 점검': the site is no name
                        or word.endswith(_PERSON_WORDS)  # '사장후보자 인사청문회': people are outside the name
                        or word.endswith(("적", "째")) or word in _ABOUT_AMOUNT or _locative(view, ps, pos - 1) or (taken.find(1, ps, pos - 1) != -1 and not caps and not ((dotted or "-" in word) and _countries(view, ps, word.replace("-", "·"))))  # '11번째 FTA 협정'; '한·아세안', '한-아세안'
                        or (word == "날" and not text[:ps].rstrip().endswith("의"))  # '5월 22일 날 …법': the day
                        or any(c in _STOP_CHARS for c in (word.replace("·", "") if dotted else word))
                        or not (dotted or _nominal_word(view, ps, word) or _gerund(view, ps, pos - 1))
                        or view.tag_at(ps) == "NNB"  # 등, 만큼, 수 …
                        or _DATE_WORD.fullmatch(word)  # '6일자 봄철 편성개편': the day is no part of the name
                        or _distributive(view, ps, pos - 1)):
                    break
                start, pos, words = ps, ps, words + 1
                if taken.find(1, ps, pos) != -1:
                    break  # an acronym body opens the name ('APEC CEO 서밋'); nothing before it
            if meeting and (words or attached) and pos >= 2 and text[pos - 1] == " " and places is not None:
                ps = view.word_start(pos - 1)
                if (ps, pos - 1) in places or _dotted_places(ps, text[ps:pos - 1], places):
                    start = ps  # '한국 기업 투자 유치 설명회', '평양 남북정상회담', '수도권·충남권 … 업무보고': places open the name
        if words and (num := _ORDINAL_BEFORE.search(text, max(0, start - 8), start)) is not None:
            start = num.start()  # '제9회 대한민국 미술 전람회': the number before a place or body that opens the name
        if not meeting and start >= 2 and text[start - 1] == " " and _distributive(view, view.word_start(start - 1), start - 1):
            continue  # '분야별 업무 추진 계획': one plan per field, no particular one
        if _NAMED_BODY.match(text, he):
            continue  # 'K-뉴딜 위원회': a body named after the plan
        if _NAME_AFTER.match(text, he) and taken[he + 2] or head == "프로그램" and _named_after(text, taken, he):
            continue  # '정책 뉴스 프로그램 <KTV 대한뉴스>는', '대담 프로그램 국정토크(…)': the kind of the name after it
        if _APPOSITION.match(text, he):
            continue  # '국내 최대 수출 행사인 '2025 수출 붐업코리아 Week'': a description of the quoted name
        units = words + (1 if attached and (attached not in CHAIN_STOP or head == "점검") else 0)
        modifier = text[start:hs].strip()
        before = view.last.get(hs - 1 if text[hs - 1] == " " else hs)  # the modifier's last morpheme
        if head in _STRICT and (not _STRICT[head](modifier) or attached in CHAIN_STOP or modifier.startswith("현행")
                                or head == "제도" and (before is None or before.tag not in ("NNG", "XSN", "SL", "SN"))):
            continue  # '아마미 제도' (islands: a proper noun), '관련제도', '현행 제도'
  # '건강보험제도', '아마미 제도', '조직 개편': no scheme or reorganisation of a name
        if head in _STRICT and units:
            units = max(units, 2)  # '국민취업지원제도': one long compound names it
        if units == 1 and not attached and head != "정책" and (len(modifier) >= 6 or _gerund(view, start, hs - 1)):
            units = 2  # one long compound or a -기 noun is a name ('청년내일채움공제 사업', '바다가꾸기 캠페인')
        if units == 1 and attached and start == attached_start and len(attached) >= 6 and HEADS[head] == "plan":
            units = 2  # '국가재정운용계획': three nouns fused into one word name a plan (news writes them so)
        if units == 1 and _BRAND.match(modifier):
            units = 2  # 'K-반도체 전략', 'K-콘텐츠 펀드': a K- brand makes a policy's name by itself
        kind = HEADS[head]
        # a New Deal or a voucher is a policy by its name ('그린뉴딜', '한국판 뉴딜'); a plan needs two words
        need = 0 if head in BARE_OK else 1 if kind in ("meeting", "law", "fund", "taskforce", "project") or head == "뉴딜" \
            or "바우처" in text[start:hs] or head == "바우처" else 2  # a voucher is a named scheme ('수출바우처 사업')
        if units == 0 and head in _AGREEMENTS and _SIGNED.match(text, he):
            need = 0  # '두 기관은 협약을 체결했다': the agreement signed is an event by itself, as 업무협약
        if units == 1 and head == "계획" and attached in _ANNUAL_PLANS and start == attached_start \
                and not _REPORTED.match(text, he) and (year := _ANNUAL.search(text, max(0, start - 8), start)):
            start, units = year.start(), 2  # '2025년 업무계획': the year's plan is a particular one (gold README: a year in a name)
        if units < need or head in _AGREEMENTS and units == 1 and text[hs - 1] == " " and hs - 1 - start < 4:
            continue  # '교류 협약': one short generic word names no particular agreement
        if kind in ("plan", "strategy") and _DISCUSSED.match(text, he) and not _ORDINAL.match(text, start):
            continue  # '대응 방안을 논의한다': what is merely discussed is no name (gold README)
        # '간담회', '긴급 회의': a meeting, but its name names no particular one
        generic = units == 0 or (kind == "meeting" and all(w in MEETING_GENERIC for w in text[start:hs].split()))
        attrs = {"kind": kind, "generic": generic}
        if units == 0:
            attrs["_bare"] = True
        elif head in EDITIONS and (year := _EDITION_YEAR.search(text, max(0, start - 7), start)):
            start = year.start()  # '2025년 월드IT쇼', '2024 대한민국 환경 박람회': the year's edition is the name's
        yield start, he, "INITIATIVE", attrs


_OPENS_SITTING = re.compile(r"(?:개의|개회)하겠습니다|의사일정 제\d+항|상정(?:합니다|하겠습니다|하도록 하겠습니다)")


def drop_sitting_refs(text: str, ents: list) -> list:
    """In the minutes of a sitting ('…위원회를 개의하겠습니다'), a bare '회의' ('오늘 회의에서는',
    '회의에 불참하시면') is the sitting itself or sittings in general, whose name is the
    numbered sitting ('제1차 과학기술정보방송통신위원회'): no mention of its own."""
    if _OPENS_SITTING.search(text) is None:
        return ents
    return [e for e in ents if not (e.label == "INITIATIVE" and e.attrs.get("_bare") and text[e.start:e.end] == "회의")]


def _distributive(view: TextView, start: int, end: int) -> bool:
    """'기업별', '분야별': a plan per company or field is no particular plan."""
    ms = view.morphs_in(start, end)
    return bool(ms) and ms[-1].tag == "XSN" and ms[-1].form == "별"


# bare head words that may point back to a named initiative of the same document
# ('AI 자율제조 얼라이언스' … '얼라이언스에는'); too generic ones (사업, 법) are left out
_GENERIC_REFS = frozenset({"법", "사업", "정책", "기금", "지침", "제도", "헌장"})
_REF_HEADS = sorted([h for h, k in HEADS.items() if k != "meeting"] + [h for h, k in QUOTED_HEADS.items() if k == "taskforce"], key=len, reverse=True)
# a determiner that points back: '이번 연합은', '동 사업은', '해당 법은'
_DETERMINER = re.compile(r"(?:이번|동|해당|본|이|같은)\s$")
_REF_RE = re.compile(r"(?<![^\s'\"‘“(])(" + "|".join(map(re.escape, _REF_HEADS)) + r")(?![A-Za-z0-9])")


def find_references(view: TextView, ents: list[tuple[int, int, str, dict]]) -> Iterator[tuple]:
    """A bare head word ('전략은', '얼라이언스에는') after a named initiative with that head
    in the same document refers to it: attrs['_ante'] is the antecedent's span."""
    # a bare agreement ('업무협약을 체결했다') is generic, yet '이번 협약은' points back to it
    named = [(s, e, a) for s, e, lab, a in ents if lab == "INITIATIVE" and not a.get("coref")]
    if not named:
        return
    heads = [(s, e, a, (head_kind(view.text[s:e]) or ("", ""))[0]) for s, e, a in named]
    taken = {(s, e) for s, e, _l, _a in ents}
    text = view.text
    for m in _REF_RE.finditer(text):
        hs, he = m.span(1)
        if not view.is_cut(he) or view.core_end(hs, view.word_end(hs)) != he or (hs, he) in taken:
            continue
        if m.group(1) in _GENERIC_REFS and not _DETERMINER.search(text, max(0, hs - 4), hs):
            continue
        pointed = _DETERMINER.search(text, max(0, hs - 4), hs) is not None
        # '업무협약(MOU)을 체결했다. 이번 협약은': a determiner points back to a head ending the same way
        ante = [x for x in heads if x[1] <= hs and (pointed and x[3].endswith(m.group(1))
                                                     or x[3] in (m.group(1), "기본" + m.group(1)) and not x[2].get("generic"))]
        if ante and not _in_compound(view, hs, he, text[ante[-1][0]:ante[-1][1]]):
            s, e, a, _h = ante[-1]
            yield hs, he, "INITIATIVE", {"kind": a.get("kind", "plan"), "coref": True, "_ante": (s, e)}


# nouns after a bare head word that act on the plan itself ('마스터플랜 수립에 착수'):
# the head word still points back to it
_ACTS = frozenset({"수립", "발표", "추진", "이행", "마련", "시행", "공개", "확정", "출범", "실행", "점검", "착수",
                   "개정", "제정", "발족", "운영", "성과", "내용", "목표", "체결", "서명", "단행"})  # '이번 협약 체결은'


def _in_compound(view: TextView, hs: int, he: int, antecedent: str) -> bool:
    """'국가 AI 전략 과제', '9대 전략과': a head word between other bare nouns is part of
    another noun phrase, not a reference to the named plan, unless that plan's name ends
    the same way ('지급 계획은' after '추석 상여금 지급 계획'); nor is one a clause
    describes ('확정할 계획이다': 'intends to confirm')."""
    text = view.text
    if view.word_end(he) == he and he + 1 < len(text) and text[he] == " ":
        ne = view.word_end(he + 1)
        noun = text[he + 1:view.core_end(he + 1, ne)]
        if view.tag_at(he + 1) in ("NNG", "NNP", "SL", "SH") and noun not in _ACTS:
            return True
    if hs >= 2 and text[hs - 1] == " ":
        ps = view.word_start(hs - 1)
        prev = text[ps:hs - 1]
        last = view.last.get(hs - 1)
        if last is not None and last.tag == "ETM" and HEADS.get(text[hs:he]) != "law":
            return True  # a clause describes it: '확정할 계획이다', '높이는 방안' (a bill's often restates its name)
        if (prev and prev not in CHAIN_STOP and view.is_nominal(ps, hs - 1)
                and last is not None and last.tag in ("NNG", "NNP", "SL", "SH", "SN")):
            return not antecedent.replace(" ", "").endswith(prev + text[hs:he])
    return False


# sittings: '제420회 국회(임시회)', '제1차 과학기술정보방송통신위원회', '제3차 비상경제장관회의'
_SITTING_RE = re.compile(r"(?<![가-힣0-9])제\d+(?:차|회)\s?(?:국회|[가-힣·]{2,20}(?:위원회|소위원회|소위))")


def find_sittings(view: TextView) -> Iterator[tuple]:
    """A numbered sitting of the National Assembly or of a committee is an event, not the body."""
    for m in _SITTING_RE.finditer(view.text):
        if view.aligned(*m.span()):
            yield m.start(), m.end(), "INITIATIVE", {"kind": "meeting", "generic": False}


# laws named by what they regulate: '국회에서의 증언·감정 등에 관한 법률', '우주항공청 설치 및
# 운영에 관한 특별법'. The name runs back over nouns, '및', '등' and nouns with 의/에서의
# to the first word with another particle or ending ('것으로', '정부는').
# '… 보호에 관한 특별조치법', '… 해소를 위한 특별법' (a bare 법 only after 관한), with its decree ('… 특례법 시행령')
_LAW_RE = re.compile(r"(?:에 관한 (?:특별법|특별조치법|특례법|기본법|법률안|법률|법)|(?<=[가-힣])(?:을|를) 위한 (?:특별법|특별조치법|특례법|기본법|법률))"
                     r"(?: 시행령| 시행규칙)?(?![A-Za-z0-9])")
_GENITIVE = ("에서의", "과의", "와의", "의")
_LAW_DETERMINERS = frozenset({"이번", "해당", "동", "이", "그", "관련", "현행", "개정", "기존", "새", "후", "전", "의사일정",
                              "대표발의", "발의", "정부", "같은", "위반", "근거"})
_DAY_WORD = re.compile(r"\d+(?:년|월|일|년도)")  # '국회는 11일 … 특별법을': the date is outside
_ARTICLE = re.compile(r"제?\d+(?:조|항|호)(?:의\d+)?")  # '의사일정 22항 …에 관한 법률안': an agenda item's number  # '국회법 제129조 및 …': another law's article


def find_laws(view: TextView) -> Iterator[tuple]:
    text = view.text
    for m in _LAW_RE.finditer(text):
        end, pos = m.end(), m.start()
        if not view.is_cut(end) or view.core_end(view.word_start(end - 1), view.word_end(end)) != end:
            continue  # '법률가', '법안': another word
        start = view.word_start(pos)
        if start == pos or not view.is_nominal(start, pos):
            continue
        words = 0
        while words < 8 and start >= 2 and text[start - 1] == " ":
            ps = view.word_start(start - 1)
            word = text[ps:start - 1]
            stem = next((ps + len(word) - len(g) for g in _GENITIVE if word.endswith(g) and len(word) > len(g)), start - 1)
            if word in _LAW_DETERMINERS or word in TITLES or _ARTICLE.fullmatch(word) or _DAY_WORD.fullmatch(word) \
                    or (word not in ("등", "간") and view.single_word_tag(ps, start - 1) == "NNB") \
                    or any(c in _STOP_CHARS and c != "·" for c in word) \
                    or not (word in ("및", "등") or _nominal_parts(view, ps, stem)):
                break
            if word == "및" and text[view.word_start(max(0, ps - 1)):ps - 1].endswith(("법", "법률안", "법안", "개정안")):
                break  # '… 일부개정법률안 및 …에 관한 법률': two laws
            start, words = ps, words + 1
        while text.startswith(("및 ", "등 "), start):
            start += 2
        if view.aligned(start, end):
            yield start, end, "INITIATIVE", {"kind": "law", "generic": False}


def _nominal_parts(view: TextView, start: int, end: int) -> bool:
    """Whether each ·-separated part of [start, end) is nominal ('증언·감정')."""
    pos = start
    for part in view.text[start:end].split("·"):
        if not part or not view.is_nominal(pos, pos + len(part)):
            return False
        pos += len(part) + 1
    return True


# '제4기 민·관환경정책협의회 1차 회의', '탄소중립위원회 제2차 전체회의': a council's numbered
# meeting is one name, the council's and the number's
_NUMBERED_MEETING = re.compile(r" 제?\d+차 (?:[가-힣]{0,4}회의|총회)$")


def join_numbered_meetings(text: str, ents: list) -> list:
    """Merge an INITIATIVE (a council) or a committee with the numbered meeting word right
    after it ('과학기술정보방송통신위원회 제3차 전체회의') into one span, which keeps the
    meeting's attributes."""
    out: list = []
    for e in ents:
        prev = out[-1] if out else None
        if (prev is not None and e.label == "INITIATIVE" and e.start == prev.end + 1
                and (prev.label == "INITIATIVE" or prev.label == "MINISTRY" and text[prev.start:prev.end].endswith("위원회"))
                and _NUMBERED_MEETING.match(" " + text[e.start:e.end]) and not _ORDINAL.fullmatch(text[prev.start:prev.end])):
            e.start = prev.start
            e.attrs["generic"] = False
            out[-1] = e
            continue
        out.append(e)
    return out

