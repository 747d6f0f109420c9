"""The head words of initiative names and the words that never open one: shared by the
rules (ingest.nlp.initiatives) and the check of known names (ingest.nlp.known), which
the ingest's main process runs without loading spaCy."""
from __future__ import annotations

import re
from functools import lru_cache

HEADS = {
    "계획": "plan", "플랜": "plan", "마스터플랜": "plan", "로드맵": "plan", "방안": "plan", "대책": "plan",
    "기본계획": "plan", "비전": "plan", "청사진": "plan", "뉴딜": "plan", "바우처": "program", "구상안": "plan", "기본구상": "plan", "기본구상안": "plan", "가이드라인": "plan", "지침": "plan", "패키지": "plan", "정책": "strategy", "전략": "strategy", "이니셔티브": "strategy", "사업": "program",
    "프로그램": "program", "프로젝트": "project", "법": "law", "특별법": "law", "기본법": "law", "법안": "law", "개정안": "law", "시행령": "law", "조례": "law",
    "펀드": "fund", "기금": "fund", "추진단": "taskforce", "얼라이언스": "taskforce", "협의체": "taskforce",
    "전담반": "taskforce", "태스크포스": "taskforce", "TF": "taskforce", "연합체": "taskforce",
    "업무협약": "project", "협약": "project",  # an agreement its signatories take part in ('탄소중립 산업 전환 협약')
    "MOU": "project", "양해각서": "project",  # '…에 관한 MOU', '실버 경제 분야 협력 양해각서'
    "공모전": "program", "캠페인": "program", "챌린지": "program",  # '환경교육 영상 공모전', '바다가꾸기 캠페인'

    "경제인단": "taskforce", "사절단": "taskforce", "경제사절단": "taskforce",  # a delegation its members join
    # a ministry's citizen reporters ('농식품부 정책기자단', '지식재산 정책기자단', and '기자단' after one:
    # QUOTED_HEADS); not the press ('출입기자단', '해외 기자단', '취재 기자단')
    "정책기자단": "taskforce", "국민기자단": "taskforce", "명예기자단": "taskforce", "시민기자단": "taskforce",
    "정부대표단": "taskforce", "정부 대표단": "taskforce", "특사단": "taskforce",  # ('…처장을 비롯한 정부대표단': gold README)
    "심의위원회": "taskforce", "추진위원회": "taskforce",  # convened for a purpose ('통상추진위원회', '산업위기 대응 심의위원회')
    "조직위원회": "taskforce", "유치위원회": "taskforce", "준비위원회": "taskforce", "준비위": "taskforce",
    "이행위원회": "taskforce",  # convened to carry out a declaration or an agreement ('… 선언 이행위원회')  # an event's organisers and bidders ('2030 부산세계박람회 유치위원회')
    # a scheme or charter of a long name ('국민취업지원제도', '탄소중립 실천 헌장'); a broadcaster's
    # reorganisation of its programmes ('가을철 프로그램 개편'): initiatives.find_unquoted checks the modifier
    "제도": "program", "헌장": "plan", "개편": "program",
    "자문단": "taskforce", "참여단": "taskforce", "점검단": "taskforce", "서포터즈": "taskforce",  # '국민참여단', '정책 자문단'
    "아카데미": "program", "쇼": "meeting", "영화제": "meeting", "영상제": "meeting", "문화제": "meeting", "예술제": "meeting",
    "음악제": "meeting", "가요제": "meeting",  # '청년 창업 아카데미', '월드IT쇼', '국민영상제'
    "간담회": "meeting", "협의회": "meeting", "회의": "meeting", "포럼": "meeting", "출범식": "meeting",
    "협약식": "meeting", "세미나": "meeting", "설명회": "meeting", "토론회": "meeting", "워크숍": "meeting",
    "콘퍼런스": "meeting", "컨퍼런스": "meeting", "심포지엄": "meeting", "박람회": "meeting", "전시회": "meeting",
    "총회": "meeting", "발대식": "meeting", "기념식": "meeting", "착공식": "meeting", "준공식": "meeting",
    "개소식": "meeting", "서밋": "meeting", "정상회의": "meeting", "회담": "meeting", "업무협약식": "meeting",
    "심의회": "meeting", "점검": "meeting",  # a council convened for a purpose; an inspection ('현장점검', '합동 점검')
    "공청회": "meeting", "패널토론": "meeting", "패널 토론": "meeting",
    # news' business events ('K-소비재 수출 상담회', '수소산업 정기교류회', '스마트시티 로드쇼', '창업 데모데이')
    "상담회": "meeting", "교류회": "meeting", "로드쇼": "meeting", "데모데이": "meeting", "토크콘서트": "meeting", "출정식": "meeting", "선포식": "meeting", "선언식": "meeting", "보고대회": "meeting", "보고회": "meeting",
    "대회": "meeting", "행사": "meeting", "회동": "meeting", "면담": "meeting", "라운드테이블": "meeting",
    "라운드 테이블": "meeting", "인사회": "meeting", "신년인사회": "meeting", "오찬": "meeting", "만찬": "meeting", "조찬": "meeting", "미팅": "meeting",
    "취임식": "meeting", "개청식": "meeting", "기공식": "meeting", "개막식": "meeting", "폐막식": "meeting",
    # sittings and hearings of the National Assembly, briefings
    # ceremonies ('제21대 대통령 국민 임명식', '○○대교 개통식', '동상 제막식')
    "임명식": "meeting", "임관식": "meeting", "수료식": "meeting", "졸업식": "meeting", "입학식": "meeting", "개원식": "meeting",
    "개관식": "meeting", "현판식": "meeting", "제막식": "meeting", "명명식": "meeting", "진수식": "meeting", "추도식": "meeting",
    "추모식": "meeting", "환영식": "meeting", "결단식": "meeting", "해단식": "meeting", "발족식": "meeting", "개통식": "meeting",
    "완공식": "meeting", "개장식": "meeting", "개회식": "meeting", "폐회식": "meeting",
    "수여식": "meeting", "위촉식": "meeting", "시상식": "meeting", "서명식": "meeting", "발표회": "meeting",
    "청문회": "meeting", "국정감사": "meeting", "현안질의": "meeting", "업무보고": "meeting", "브리핑": "meeting",
    # briefing schedules: courses opening, round tables, field evaluations, memorial rites ('제40회 망향경모제')
    "입교식": "meeting", "좌담회": "meeting", "평가회": "meeting", "품평회": "meeting", "시연회": "meeting",
    "강연회": "meeting", "특강": "meeting", "경모제": "meeting", "추모제": "meeting", "위령제": "meeting",
    "리셉션": "meeting", "음악회": "meeting", "전람회": "meeting",
    "탐방": "meeting",  # a tour held as an event ('백두대간 마루금 생태탐방'); bare, any visit (initiatives.BARE_OK)
    "기자회견": "meeting",  # a press conference is held like a briefing ('취임 2주년 기자회견')
    "협정": "project", "공동선언": "project", "합의서": "project", "교환각서": "project",  # '한-칠레 자유무역협정', '평양공동선언'
    "공모": "program",  # a call for entries of a name ('홍보매체 시민개방 단체공모'; not '범행을 공모한')  # '한미동맹 70주년 기념 리셉션', '해군 호국 음악회'
    "기획단": "taskforce", "대응반": "taskforce", "대책반": "taskforce",  # groups set up for a task ('비상대응반')
}
# words that are never part of a name: determiners, generic modifiers, the government itself
CHAIN_STOP = frozenset({
    "이번", "이", "그", "해당", "관련", "각", "모든", "새", "향후", "기존", "이날", "정부", "당국", "우리", "국내",
    "등", "및", "총", "약", "최근", "별도", "자체", "추가", "신규", "주요", "전체", "각종", "여러", "다양한", "같은",
    "본", "동", "당", "후속", "세부", "구체적", "관계부처", "부처", "합동", "범정부", "민관", "현장", "업계", "올해",
    "내년", "작년", "지난해", "상반기", "하반기", "연내", "연간", "중장기", "단기", "장기", "첫", "첫번째", "두번째",
    "이같은", "이러한", "이런", "해외", "국가", "공동", "전략", "계획", "대책", "방안", "사업", "회의",
    "우리나라", "역대", "단독", "일련", "다른", "가운데",  # '… 참석한 가운데 업무협약을 체결했다'
    "처음", "최초", "본격", "가장", "주재", "주관", "주최", "공식", "당초", "기본", "전면", "일부", "대표",
    "그동안", "그간", "지금", "현재", "당시", "이후", "이전", "앞서", "이어", "또한", "특히", "다만",
    "월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일", "주", "금주", "차주", "후", "전", "저번",
    "지난번", "다음", "지난", "오늘", "내일", "어제", "첫날", "둘째날", "마지막날", "이튿날", "전날", "당일", "오전", "오후",
    "저녁", "아침", "새벽", "밤", "낮", "점심", "동안", "그런", "저런", "어떤", "위원회",  # '우리 위원회 현안질의': the committee, no name
    "한편", "나머지", "대부분", "전부", "모두", "그중", "이중", "각각",  # '… 삭제하는 한편 부담금관리 기본법'
    "대상", "근거", "뒤", "직후", "직전",  # '소장을 제출한 뒤 기자회견에서'  # '관계자 대상 설명회': the audience; '지정 근거 …법': the law is the basis of an act
    "의사일정", "대표발의", "공동발의", "발의", "제출", "경우", "소관", "이상", "이하",  # '정부 제출 원자력안전법 일부개정법률안': who submitted it
    "가량", "정도", "내외", "남짓",  # '1시간 40분 가량 업무보고를 받았다': how long, no part of the name  # '의사일정 제2항 현안질의', '… 의원 대표발의 과학관법 일부개정법률안'
  # '… 주간 동안 할인 행사', '그런 행사'
})
# head words that name an initiative only in a quoted name ('K-휴머노이드 연합') or when
# they point back to one ('연합에는', '이번 연합은'); unquoted they are too often other
# things (유럽연합, 노동조합 연합)
QUOTED_HEADS = {"연합": "taskforce", "연대": "taskforce", "네트워크": "taskforce", "동맹": "taskforce", "컨소시엄": "taskforce", "기자단": "taskforce",
                # campaigns, festivals and their weeks ('동행축제 특별 판매주간', '바다가꾸기 캠페인')
                "주간": "program", "축제": "meeting", "페스티벌": "meeting", "데이": "meeting",  # '… 네트워킹 데이'
                "엑스포": "meeting", "위크": "meeting", "이벤트": "program",  # "'시청 소감 공모 이벤트'" "어워즈": "meeting", "어워드": "meeting",
                # laws and rules named in quotes ('농촌융복합산업 육성 및 지원에 관한 법률', '… 규정')
                "법률": "law", "규정": "law", "고시": "law"}
_KIND_RE = re.compile(
    r"(?:" + "|".join(sorted(map(re.escape, {**HEADS, **QUOTED_HEADS}), key=len, reverse=True)) + r")(?![A-Za-z0-9])"
)
_LONGEST = max(map(len, {**HEADS, **QUOTED_HEADS}))
_VERSION = re.compile(r"\s*(?:\d+(?:\.\d+)*|[IVX]+|시즌\s?\d+)$")


@lru_cache(maxsize=8192)  # asked again and again of the same names within a document
def head_kind(name: str) -> tuple[str, str] | None:
    """(head word, kind) when `name` ends in a head word ('AI 자율제조 전략 1.0': versions aside)."""
    name = _VERSION.sub("", name.removesuffix("(안)")) or name  # '… 실행계획(안)': a draft
    # the longest head the name ends in, also where a shorter one overlaps it ('업무보고회': 업무보고 | 보고회)
    at = next((i for i in range(max(0, len(name) - _LONGEST), len(name)) if _KIND_RE.fullmatch(name, i)), None)
    if at is None:
        return None
    head = name[at:]
    return head, HEADS.get(head) or QUOTED_HEADS[head]
