"""Extraction on hand-written Korean news sentences: exact spans, types, canonical names
or normalised values, and relations. All sentences are read as of 2024-03-07."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

DOC_DATE = "2024-03-07"

# (sentence, [(start, end, type, canonical | value)], [(relation, head text, tail text)])
CASES = [
    ("산업통상자원부는 7일 'AI 자율제조 전략'을 발표했다.",
     [(0, 7, "MINISTRY", "산업통상자원부"), (9, 11, "DATE", "2024-03-07"),
      (13, 23, "INITIATIVE", "AI 자율제조 전략")],
     [("ANNOUNCES", "산업통상자원부", "AI 자율제조 전략")]),
    ("강경성 산업부 1차관 주재로 열린 간담회에는 LG전자, LS일렉트릭, DN솔루션즈, 마키나락스 등 기업이 참석했다.",
     [(0, 3, "PERSON", "강경성"), (4, 7, "MINISTRY", "산업통상자원부"), (19, 22, "INITIATIVE", "간담회 (산업통상자원부, 2024-03-07)"),
      (25, 29, "COMPANY", "LG전자"), (31, 37, "COMPANY", "LS일렉트릭"), (39, 45, "COMPANY", "DN솔루션즈"),
      (47, 52, "COMPANY", "마키나락스")],
     [("LEADS", "강경성", "산업부"), ("LEADS", "강경성", "간담회"), ("PARTICIPATES_IN", "LG전자", "간담회"),
      ("PARTICIPATES_IN", "LS일렉트릭", "간담회"), ("PARTICIPATES_IN", "DN솔루션즈", "간담회"),
      ("PARTICIPATES_IN", "마키나락스", "간담회")]),
    ("안덕근 산업통상자원부 장관은 이날 서울 강남구 한국무역협회에서 열린 'AI 자율제조 얼라이언스 출범식'에 참석했다.",
     [(0, 3, "PERSON", "안덕근"), (4, 11, "MINISTRY", "산업통상자원부"), (16, 18, "DATE", "2024-03-07"),
      # the body named as the venue after its address is the place (real-text guideline, issue #20)
      (19, 21, "LOCATION", "서울"), (22, 25, "LOCATION", "강남"), (26, 32, "LOCATION", "한국무역협회"),
      (39, 56, "INITIATIVE", "AI 자율제조 얼라이언스 출범식")],
     [("LEADS", "안덕근", "산업통상자원부"), ("PARTICIPATES_IN", "안덕근", "AI 자율제조 얼라이언스 출범식")]),
    ("산업부는 연내 AI 자율제조 선도 프로젝트 200개를 추진하고, 2030년까지 1조 원 규모의 펀드를 조성한다.",
     [(0, 3, "MINISTRY", "산업통상자원부"), (5, 7, "DATE", "../2024-12-31"),
      (8, 23, "INITIATIVE", "AI 자율제조 선도 프로젝트"), (24, 28, "QUANTITY", None),
      (36, 41, "DATE", "../2030-12-31"), (44, 48, "QUANTITY", None)],
     # 2030년(까지) is the fund's, in the next clause, not the projects'
     [("ANNOUNCES", "산업부", "AI 자율제조 선도 프로젝트"), ("SCHEDULED_FOR", "AI 자율제조 선도 프로젝트", "연내")]),
    ("과기정통부와 산업부는 14일 오후 2시 30분 정부서울청사에서 「AI 반도체 이니셔티브」를 발표했다.",
     [(0, 5, "MINISTRY", "과학기술정보통신부"), (7, 10, "MINISTRY", "산업통상자원부"), (12, 15, "DATE", "2024-03-14"),
      (16, 25, "TIME", "14:30"), (26, 32, "LOCATION", "정부서울청사"), (36, 48, "INITIATIVE", "AI 반도체 이니셔티브")],
     [("ANNOUNCES", "과기정통부", "AI 반도체 이니셔티브"), ("ANNOUNCES", "산업부", "AI 반도체 이니셔티브")]),
    ("조주완 LG전자 대표는 스마트팩토리 투자를 확대하겠다고 밝혔다.",
     [(0, 3, "PERSON", "조주완"), (4, 8, "COMPANY", "LG전자")],
     [("LEADS", "조주완", "LG전자")]),
    ("삼성전자와 SK하이닉스는 경기도 용인과 평택에 300조 원을 투자한다.",
     [(0, 4, "COMPANY", "삼성전자"), (6, 12, "COMPANY", "SK하이닉스"), (14, 17, "LOCATION", "경기도"),
      (18, 20, "LOCATION", "용인"), (22, 24, "LOCATION", "평택"), (26, 32, "QUANTITY", None)],
     []),
    ("중기부는 내년 1분기부터 스마트공장 보급 사업을 시행한다.",
     [(0, 3, "MINISTRY", "중소벤처기업부"), (5, 11, "DATE", "2025-01-01/.."),
      (14, 25, "INITIATIVE", "스마트공장 보급 사업")],
     [("ANNOUNCES", "중기부", "스마트공장 보급 사업"), ("SCHEDULED_FOR", "스마트공장 보급 사업", "내년 1분기")]),
    ("지식경제부는 2012년 로봇산업 육성 기본계획을 수립했다.",
     [(0, 5, "MINISTRY", "지식경제부"), (7, 12, "DATE", "2012"), (13, 25, "INITIATIVE", "로봇산업 육성 기본계획")],
     [("ANNOUNCES", "지식경제부", "로봇산업 육성 기본계획")]),
    ("㈜한울로보틱스와 퓨처메카(주)는 협동로봇 공동개발 협약을 맺었다.",
     # an agreement named by what it covers is an initiative its signatories take part in (issue #20)
     [(0, 7, "COMPANY", "한울로보틱스"), (9, 16, "COMPANY", "퓨처메카"), (18, 30, "INITIATIVE", "협동로봇 공동개발 협약")],
     [("PARTICIPATES_IN", "㈜한울로보틱스", "협동로봇 공동개발 협약"), ("PARTICIPATES_IN", "퓨처메카(주)", "협동로봇 공동개발 협약")]),
    ("국토부와 환경부는 올해 하반기 중 탄소중립 도시 조성 방안을 마련할 예정이다.",
     [(0, 3, "MINISTRY", "국토교통부"), (5, 8, "MINISTRY", "환경부"), (10, 18, "DATE", "2024-07-01/2024-12-31"),
      (19, 32, "INITIATIVE", "탄소중립 도시 조성 방안")],
     [("ANNOUNCES", "국토부", "탄소중립 도시 조성 방안"), ("ANNOUNCES", "환경부", "탄소중립 도시 조성 방안"),
      ("SCHEDULED_FOR", "탄소중립 도시 조성 방안", "올해 하반기 중")]),
    ("최상목 부총리 겸 기획재정부 장관은 오는 6월 반도체 특별법 개정안을 국회에 제출한다고 말했다.",
     [(0, 3, "PERSON", "최상목"), (10, 15, "MINISTRY", "기획재정부"), (20, 25, "DATE", "2024-06"),
      (26, 37, "INITIATIVE", "반도체 특별법 개정안"), (39, 41, "MINISTRY", "국회")],
     [("LEADS", "최상목", "기획재정부"), ("SCHEDULED_FOR", "반도체 특별법 개정안", "오는 6월")]),
    ("대한상의와 전경련은 3월 중 반도체 공급망 포럼을 개최한다.",
     [(0, 4, "ORGANIZATION", "대한상공회의소"), (6, 9, "ORGANIZATION", "한국경제인협회"), (11, 15, "DATE", "2024-03"),
      (16, 26, "INITIATIVE", "반도체 공급망 포럼")],
     [("SCHEDULED_FOR", "반도체 공급망 포럼", "3월 중"),  # associations that hold it announce it (guideline)
      ("ANNOUNCES", "대한상의", "반도체 공급망 포럼"), ("ANNOUNCES", "전경련", "반도체 공급망 포럼")]),
    ('이창양 장관은 "올해 수출 목표는 6,800억 달러"라고 강조했다.',
     [(0, 3, "PERSON", "이창양"), (9, 11, "DATE", "2024"), (19, 28, "QUANTITY", None)],
     []),
    ("식약처는 지난 28일 AI 의료기기 허가 가이드라인을 공개했다.",
     [(0, 3, "MINISTRY", "식품의약품안전처"), (5, 11, "DATE", "2024-02-28"),
      (12, 28, "INITIATIVE", "AI 의료기기 허가 가이드라인")],
     [("ANNOUNCES", "식약처", "AI 의료기기 허가 가이드라인")]),
    ("한전과 한수원은 원전 수출 확대를 위해 체코 정부와 업무협약식을 가졌다.",
     [(0, 2, "MINISTRY", "한국전력공사"), (4, 7, "MINISTRY", "한국수력원자력"), (22, 24, "LOCATION", "체코"),
      (29, 34, "INITIATIVE", "업무협약식 (한국전력공사, 2024-03-07)")],
     [("PARTICIPATES_IN", "한전", "업무협약식"), ("PARTICIPATES_IN", "한수원", "업무협약식")]),
    ("레인보우로보틱스, 뉴로메카, 에이로봇 등 로봇 기업 10곳이 동참했다.",
     [(0, 8, "COMPANY", "레인보우로보틱스"), (10, 14, "COMPANY", "뉴로메카"), (16, 20, "COMPANY", "에이로봇"),
      (29, 32, "QUANTITY", None)],
     []),
    ("충북 청주에 위치한 SK하이닉스 공장은 오전 9시부터 가동을 시작했다.",
     [(0, 2, "LOCATION", "충북"), (3, 5, "LOCATION", "청주"), (11, 17, "COMPANY", "SK하이닉스"),
      (22, 27, "TIME", "09:00")],
     []),
    ("윤석열 대통령은 8일 오전 10시 청와대에서 비상경제민생회의를 주재했다.",
     [(0, 3, "PERSON", "윤석열"), (9, 11, "DATE", "2024-03-08"), (12, 18, "TIME", "10:00"),
      (19, 22, "MINISTRY", "대통령비서실"), (25, 33, "INITIATIVE", "비상경제민생회의 (2024-03-08)")],
     [("LEADS", "윤석열", "비상경제민생회의")]),
    ("이재용 삼성전자 회장과 최태원 SK그룹 회장이 'AI 반도체 협의회' 출범식에 참석했다.",
     [(0, 3, "PERSON", "이재용"), (4, 8, "COMPANY", "삼성전자"), (13, 16, "PERSON", "최태원"),
      (17, 21, "COMPANY", "SK그룹"), (27, 37, "INITIATIVE", "AI 반도체 협의회"),
      (39, 42, "INITIATIVE", "AI 반도체 협의회 출범식")],
     [("LEADS", "이재용", "삼성전자"), ("LEADS", "최태원", "SK그룹"), ("PARTICIPATES_IN", "이재용", "출범식"),
      ("PARTICIPATES_IN", "최태원", "출범식"),  # their companies with them (gold/README.md, real documents)
      ("PARTICIPATES_IN", "삼성전자", "출범식"), ("PARTICIPATES_IN", "SK그룹", "출범식")]),
    ("김영신 중소벤처기업부 장관이 “스마트제조 혁신 3.0 전략”을 공개했다.",
     [(0, 3, "PERSON", "김영신"), (4, 11, "MINISTRY", "중소벤처기업부"),
      (17, 32, "INITIATIVE", "스마트제조 혁신 3.0 전략")],
     [("LEADS", "김영신", "중소벤처기업부"), ("ANNOUNCES", "중소벤처기업부", "스마트제조 혁신 3.0 전략")]),
    ("산업부 장관 안덕근은 2024년 3월 7일 경기도 평택 삼성전자 캠퍼스를 방문했다.",
     [(0, 3, "MINISTRY", "산업통상자원부"), (7, 10, "PERSON", "안덕근"), (12, 23, "DATE", "2024-03-07"),
      (24, 27, "LOCATION", "경기도"), (28, 30, "LOCATION", "평택"), (31, 35, "COMPANY", "삼성전자")],
     [("LEADS", "안덕근", "산업부")]),
    ("서울시는 2026년까지 5만 명의 AI 인재를 양성한다고 밝혔다.",
     [(0, 3, "MINISTRY", "서울특별시"), (5, 10, "DATE", "../2026-12-31"), (13, 17, "QUANTITY", None)],
     []),
    ("고동진 의원은 반도체특별법을 대표 발의했다.",
     [(0, 3, "PERSON", "고동진"), (8, 14, "INITIATIVE", "반도체특별법")],
     []),
    ("이상민 행정안전부 장관은 14시 30분 긴급 회의를 열었다.",
     [(0, 3, "PERSON", "이상민"), (4, 9, "MINISTRY", "행정안전부"), (14, 21, "TIME", "14:30"),
      (22, 27, "INITIATIVE", "회의 (행정안전부, 2024-03-07)")],
     # a named person who holds a meeting leads it (the real-text guideline, gold/README.md)
     [("LEADS", "이상민", "행정안전부"), ("LEADS", "이상민", "긴급 회의")]),
    ("공정위는 구글에 과징금 2000억 원을 부과했다.",
     [(0, 3, "MINISTRY", "공정거래위원회"), (5, 7, "COMPANY", "구글"), (13, 20, "QUANTITY", None)],
     []),
    ("엔비디아와 TSMC, ASML 등 해외 업체도 포럼에 동참했다.",
     [(0, 4, "COMPANY", "엔비디아"), (6, 10, "COMPANY", "TSMC"), (12, 16, "COMPANY", "ASML"),
      (26, 28, "INITIATIVE", "포럼 (2024-03-07)")],
     [("PARTICIPATES_IN", "엔비디아", "포럼"), ("PARTICIPATES_IN", "TSMC", "포럼"), ("PARTICIPATES_IN", "ASML", "포럼")]),
    ("원안위는 다음 달 원전 안전 점검 계획을 확정할 방침이다.",
     [(0, 3, "MINISTRY", "원자력안전위원회"), (5, 9, "DATE", "2024-04"), (10, 21, "INITIATIVE", "원전 안전 점검 계획")],
     [("ANNOUNCES", "원안위", "원전 안전 점검 계획"), ("SCHEDULED_FOR", "원전 안전 점검 계획", "다음 달")]),
    ("한국로봇산업진흥원은 상반기까지 로봇 실증 사업 참여기업 30곳을 모집한다.",
     [(0, 9, "MINISTRY", "한국로봇산업진흥원"), (11, 14, "DATE", "../2024-06-30"), (17, 25, "INITIATIVE", "로봇 실증 사업"),
      (31, 34, "QUANTITY", None)],
     [("ANNOUNCES", "한국로봇산업진흥원", "로봇 실증 사업"),  # recruiting for it: it runs it (gold guidelines)
      ("SCHEDULED_FOR", "로봇 실증 사업", "상반기")]),
    ("주식회사 비전랩스는 OpenAI와 협력한다.",
     [(0, 9, "COMPANY", "비전랩스"), (11, 17, "COMPANY", "오픈AI")],
     []),
    ("K-칩스법과 조특법 개정안은 방법과 해법이 다르다.",
     [(0, 5, "INITIATIVE", "K-칩스법"), (7, 14, "INITIATIVE", "조특법 개정안")],
     []),
]


def _value(e):
    return e.value if e.type in ("DATE", "TIME") else e.canonical


@pytest.mark.parametrize("text,entities,relations", CASES, ids=[c[0][:12] for c in CASES])
def test_sentence(text: str, entities: list, relations: list) -> None:
    ex = extract(text, DOC_DATE)
    got = [(e.start, e.end, e.type, _value(e)) for e in ex.entities]
    assert got == entities
    for e in ex.entities:
        assert text[e.start:e.end] == e.text and e.sentence == 0
    rels = sorted((r.type, ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations)
    assert rels == sorted(relations)


def test_issue_example_in_detail() -> None:
    ex = extract("산업통상자원부는 7일 'AI 자율제조 전략'을 발표했다.", "2024-03-07")
    ministry, day, plan = ex.entities
    assert (ministry.start, ministry.end, ministry.type, ministry.canonical) == (0, 7, "MINISTRY", "산업통상자원부")
    assert ministry.attrs["gov_kind"] == "ministry"
    assert (day.text, day.type, day.value) == ("7일", "DATE", "2024-03-07")
    assert (plan.text, plan.type, plan.attrs["kind"]) == ("AI 자율제조 전략", "INITIATIVE", "strategy")
    [rel] = ex.relations
    assert (rel.type, rel.head, rel.tail, rel.sentence) == ("ANNOUNCES", 0, 2, 0)


def test_person_attributes() -> None:
    ex = extract("강경성 산업부 1차관 주재로 열린 간담회에는 LG전자 등 기업이 참석했다.", DOC_DATE)
    person = ex.entities[0]
    assert person.attrs == {"title": "1차관", "org": "산업통상자원부"}
    meeting = next(e for e in ex.entities if e.type == "INITIATIVE")
    assert meeting.attrs["kind"] == "meeting" and meeting.attrs["generic"] is True


@pytest.mark.parametrize("alias,canonical", [
    ("산업부", "산업통상자원부"), ("산자부", "산업통상자원부"), ("MOTIE", "산업통상자원부"),
    ("과기정통부", "과학기술정보통신부"), ("과기부", "과학기술정보통신부"), ("중기부", "중소벤처기업부"),
    ("기재부", "기획재정부"), ("국토부", "국토교통부"), ("복지부", "보건복지부"), ("행안부", "행정안전부"),
    ("공정위", "공정거래위원회"), ("금융위", "금융위원회"), ("방통위", "방송통신위원회"), ("식약처", "식품의약품안전처"),
    ("한전", "한국전력공사"), ("KOTRA", "대한무역투자진흥공사"), ("하이닉스", "SK하이닉스"),
    ("LG엔솔", "LG에너지솔루션"), ("현대차", "현대자동차"), ("전경련", "한국경제인협회"), ("대한상의", "대한상공회의소"),
    ("NAVER", "네이버"), ("ETRI", "한국전자통신연구원"),
])
def test_alias_linking(alias: str, canonical: str) -> None:
    ex = extract(f"{alias}는 이번 발표에 대해 설명했다.", "2024-06-01")  # names read as of the date
    assert ex.entities[0].text == alias and ex.entities[0].canonical == canonical


def test_predecessor_keeps_its_own_name() -> None:
    """A former ministry is its own node (linked to its successor by the gazetteer graph)."""
    ex = extract("미래창조과학부와 문화재청은 협력했다.")
    assert [(e.text, e.canonical, e.attrs.get("predecessor")) for e in ex.entities] == [
        ("미래창조과학부", "미래창조과학부", True), ("문화재청", "문화재청", True)]


def test_name_inside_a_longer_word_is_not_an_entity() -> None:
    ex = extract("제조 산업부문과 환경부담금은 중기부터 늘었다.")
    assert [e for e in ex.entities if e.type == "MINISTRY"] == []


def test_local_government_as_body_and_as_place() -> None:
    body = extract("경기도는 반도체 특화단지 지원 조례를 제정했다.").entities[0]
    place = extract("공장은 경기도 평택에 있다.").entities[0]
    assert (body.type, body.canonical, body.attrs["gov_kind"]) == ("MINISTRY", "경기도", "local")
    assert (place.type, place.canonical) == ("LOCATION", "경기도")


def test_government_itself() -> None:
    ex = extract("정부는 반도체 초강대국 달성전략을 발표했다. 미국 정부는 반대했다.")
    gov = [e for e in ex.entities if e.type == "MINISTRY"]
    assert [(g.start, g.canonical) for g in gov] == [(0, "대한민국 정부")]
    assert [(r.type, ex.entities[r.head].text) for r in ex.relations] == [("ANNOUNCES", "정부")]


def test_sentences_and_sentence_indexes() -> None:
    text = "산업부는 7일 전략을 공개했다. 중기부는 8일 간담회를 열었다.\n삼성전자가 참석했다"
    ex = extract(text, DOC_DATE)
    assert ex.sentences == [(0, 17), (18, 35), (36, 46)]
    assert [(e.text, e.sentence) for e in ex.entities] == [
        ("산업부", 0), ("7일", 0), ("중기부", 1), ("8일", 1), ("간담회", 1), ("삼성전자", 2)]


def test_no_date_leaves_relative_dates_open() -> None:
    ex = extract("산업부는 7일 2030년까지 'AI 자율제조 전략'을 추진한다고 밝혔다.")
    assert [(e.text, e.value) for e in ex.entities if e.type == "DATE"] == [("7일", None), ("2030년", "../2030-12-31")]  # 까지 outside the span, in the value


def test_tokens_are_index_terms() -> None:
    ex = extract("산업부는 반도체 전략을 발표했다.")
    assert ex.tokens[:3] == ["산업통상자원부", "반도체", "전략"]


def test_empty_and_blank_texts() -> None:
    for text in ("", "   ", "\n\n"):
        ex = extract(text)
        assert ex.entities == [] and ex.relations == [] and ex.sentences == []
