"""Back references across sentences ('이날 간담회에는', '이 계획은', '동 협의체에는', '협회는'):
what a later sentence says of them attaches to the entity named before, and no new node is
made for the reference (ingest/nlp/backrefs.py, initiatives.find_references, the linker).
Every sentence here is written for the test."""
from __future__ import annotations

from ingest.nlp.evaluate import _DISAMBIGUATION
from ingest.nlp.pipeline import extract

D = "2024-03-07"


def named(text: str, date: str = D) -> set[tuple[str, str, str]]:
    """(type, head name, tail name or date value), as the graph would hold them."""
    ex = extract(text, date)

    def name(e) -> str:
        return e.value if e.type == "DATE" else _DISAMBIGUATION.sub("", e.canonical or e.text)

    return {(r.type, name(ex.entities[r.head]), name(ex.entities[r.tail])) for r in ex.relations}


def test_participants_of_this_days_meeting_are_the_named_meetings() -> None:
    found = named("산업통상자원부는 7일 서울에서 '반도체 업계 간담회'를 개최했다. "
                  "이날 간담회에는 삼성전자, SK하이닉스, DB하이텍 등이 참석했다.")
    for company in ("삼성전자", "SK하이닉스", "DB하이텍"):
        assert ("PARTICIPATES_IN", company, "반도체 업계 간담회") in found


def test_this_days_meeting_after_a_council_named_otherwise_is_that_council() -> None:
    text = ("산업통상자원부는 7일 '제1차 민관 반도체 협의회'를 개최했다. "
            "이날 회의는 최남호 산업통상자원부 2차관이 주재했다. 이날 회의에는 삼성전자와 SK하이닉스가 참석했다.")
    found = named(text)
    assert ("LEADS", "최남호", "제1차 민관 반도체 협의회") in found
    for company in ("삼성전자", "SK하이닉스"):
        assert ("PARTICIPATES_IN", company, "제1차 민관 반도체 협의회") in found
    ex = extract(text, D)  # one event: the reference takes the council's name, no node of its own
    assert {e.canonical for e in ex.entities if e.type == "INITIATIVE"} == {"제1차 민관 반도체 협의회"}


def test_the_deadline_of_this_plan_is_the_named_plans() -> None:
    found = named("정부는 7일 '탄소중립 산업 대전환 계획'을 발표했다. 이 계획은 2030년까지 추진된다.")
    assert ("SCHEDULED_FOR", "탄소중립 산업 대전환 계획", "../2030-12-31") in found


def test_members_of_the_council_named_before() -> None:
    found = named("산업통상자원부는 7일 '배터리 산업 발전 협의회'를 출범했다. "
                  "협의회에는 LG에너지솔루션, 삼성SDI, SK온이 참여한다.")
    for company in ("LG에너지솔루션", "삼성SDI", "SK온"):
        assert ("PARTICIPATES_IN", company, "배터리 산업 발전 협의회") in found
    found = named("산업통상자원부는 7일 '반도체 공급망 협의체'를 출범시켰다. "
                  "동 협의체에는 삼성전자, SK하이닉스, 네패스 등 15개 기업이 참여한다.")
    for company in ("삼성전자", "SK하이닉스", "네패스"):
        assert ("PARTICIPATES_IN", company, "반도체 공급망 협의체") in found


def test_a_bodys_head_word_acts_as_the_body_named_before() -> None:
    text = "한국무역협회는 7일 기업 설명회를 열었다. 협회는 이날 삼성전자와 업무협약을 체결했다."
    found = named(text)
    assert ("PARTICIPATES_IN", "한국무역협회", "업무협약") in found
    assert ("PARTICIPATES_IN", "삼성전자", "업무협약") in found
    ex = extract(text, D)
    assert not any(e.text == "협회" for e in ex.entities)  # the reference is no entity of its own
    found = named("대통령 직속 4차산업혁명위원회는 정책을 심의했다. "
                  "지난 7월에는 위원회가 중심이 돼 '스마트시티 국가 시범도시 기본구상안'을 발표했다.", "2018-10-01")
    assert ("ANNOUNCES", "4차산업혁명위원회", "스마트시티 국가 시범도시 기본구상안") in found


def test_of_two_meetings_the_nearest_with_that_head_word() -> None:
    found = named("산업부는 5일 '수출 점검회의'를 열었다. 이어 7일 '로봇 산업 간담회'를 개최했다. "
                  "이날 간담회에는 레인보우로보틱스와 두산로보틱스가 참석했다.")
    for company in ("레인보우로보틱스", "두산로보틱스"):
        assert ("PARTICIPATES_IN", company, "로봇 산업 간담회") in found
        assert ("PARTICIPATES_IN", company, "수출 점검회의") not in found
    # an unnamed meeting of that word before: that one, not the named meeting of another word
    found = named("김정관 장관은 7일 오전 국무회의에 참석한 뒤 오후 반도체 업계와 간담회를 가졌다. "
                  "이날 간담회에는 삼성전자와 SK하이닉스가 참석했다.")
    assert ("PARTICIPATES_IN", "삼성전자", "간담회") in found
    assert ("PARTICIPATES_IN", "삼성전자", "국무회의") not in found
    found = named("한국무역협회는 5일 설명회를 열었다. 한국바이오협회는 7일 포럼을 열었다. 협회는 이날 삼성바이오로직스와 업무협약을 체결했다.")
    assert ("PARTICIPATES_IN", "한국바이오협회", "업무협약") in found
    assert ("PARTICIPATES_IN", "한국무역협회", "업무협약") not in found


def test_no_resolution_without_an_earlier_entity_of_that_head() -> None:
    found = named("산업부는 7일 '수출 점검회의'를 열었다. 동 위원회는 삼성전자와 업무협약을 체결했다.")
    assert not any(h == "수출 점검회의" for _t, h, _tl in found)
    assert ("PARTICIPATES_IN", "삼성전자", "업무협약") in found
    # the speaker's own committee in the minutes is not the body named last
    found = named("방송통신위원회 위원장이 출석했습니다. 우리 위원회는 증감법에 따라 자료제출을 의결했습니다.", "2024-06-18")
    assert not any(h == "방송통신위원회" and t != "LEADS" for t, h, _tl in found)
    # a head word inside another name ('상원법사 위원회') stands for no body named before
    found = named("미국 상원 정보위원회는 보고서를 발간했다. 상원법사 위원회는 코미 전 국장과 면담을 가졌다.", "2017-05-19")
    assert not any(h == "정보위원회" or h.endswith("정보위원회") for _t, h, _tl in found)


def test_this_project_after_a_programme_named_with_another_word() -> None:
    found = named("과학기술정보통신부는 7일 '디지털 인재 양성 프로젝트'를 발표했다. "
                  "과기정통부는 이번 사업에 2027년까지 1조원을 투입한다. 동 사업에는 삼성전자, 네이버, 카카오 등 20개 기업이 참여한다.")
    assert ("SCHEDULED_FOR", "디지털 인재 양성 프로젝트", "../2027-12-31") in found
    for company in ("삼성전자", "네이버", "카카오"):
        assert ("PARTICIPATES_IN", company, "디지털 인재 양성 프로젝트") in found
    # a reference as the topic of a sentence that describes the programme: nobody announces it there
    found = named("중소기업청은 3일 '상생 서포터즈 청년·창업 프로그램' 참여 기업을 모집한다고 밝혔다. "
                  "이번 사업은 정부와 대기업이 함께 재원을 마련해 창업기업을 지원하는 사업이다.", "2016-10-03")
    assert ("ANNOUNCES", "중소기업청", "상생 서포터즈 청년·창업 프로그램") in found
    assert not any(t == "ANNOUNCES" and h == "대한민국 정부" for t, h, _tl in found)


def test_the_chair_of_the_committee_or_council_named_before() -> None:
    found = named("대통령 직속 4차산업혁명위원회가 11일 출범했다. 이날 위원회 위원장인 장병규 의장은 혁신을 강조했다.", "2017-10-11")
    assert ("LEADS", "장병규", "4차산업혁명위원회") in found
    found = named("환경부는 7일 '녹색전환 민관협의회'를 출범했다. 협의회 위원장인 김미화 이사장은 민관 협력을 강조했다.")
    assert ("LEADS", "김미화", "녹색전환 민관협의회") in found


def _initiatives(text: str, date: str = D) -> dict[str, set[str]]:
    """Each INITIATIVE mention's words → the names the linker gave them (disambiguation off)."""
    out: dict[str, set[str]] = {}
    for e in extract(text, date).entities:
        if e.type == "INITIATIVE":
            out.setdefault(e.text, set()).add(_DISAMBIGUATION.sub("", e.canonical or e.text))
    return out


def test_this_council_by_the_last_words_of_its_name() -> None:
    text = "외교부는 26일 서울에서 '제3차 한-베트남 정책협의회'를 개최한다. 이번 정책협의회에는 베트남 외교부가 참석한다."
    assert _initiatives(text)["정책협의회"] == {"제3차 한-베트남 정책협의회"}
    assert ("PARTICIPATES_IN", "외교부", "제3차 한-베트남 정책협의회") in named(text)


def test_the_event_word_is_the_one_event_the_release_names() -> None:
    one = "농림축산식품부는 13일 '2025년 청년 농업인 기자단 발대식'을 개최했다. 송미령 장관이 행사에 참석해 위촉장을 수여했다."
    assert ("PARTICIPATES_IN", "송미령", "2025년 청년 농업인 기자단 발대식") in named(one)
    # two events named: '행사' may be either, so it is neither
    two = "농림축산식품부는 13일 '청년 농업인 발대식'과 '스마트팜 설명회'를 개최했다. 한국농어촌공사가 행사에 참여했다."
    assert _initiatives(two)["행사"] == {"행사"}


def test_todays_briefing_is_the_briefing_opened_before() -> None:
    text = "문화체육관광부는 오늘 정례브리핑을 진행합니다. 주요 일정을 말씀드리겠습니다. 이상으로 오늘 브리핑을 마치겠습니다."
    ex = extract(text, D)
    assert len({e.canonical for e in ex.entities if e.type == "INITIATIVE"}) == 1  # one event, one node
    # 'today' is a day, not a pointer: today's sitting reported in a briefing is another event
    text = "국회 소식 정례브리핑을 시작합니다. 오늘 본회의가 열렸지만 곧 산회됐습니다."
    assert not any("브리핑" in n for n in _initiatives(text)["본회의"])


def test_this_agreement_is_the_unnamed_agreement_signed_before() -> None:
    text = ("- 관광공사와 네이버 업무협약 체결 -\n한국관광공사와 네이버는 25일 서울에서 업무협약(MOU)을 체결했다. "
            "이번 협약 체결은 관광 콘텐츠를 함께 만들기 위해 마련됐다.")
    assert _initiatives(text)["협약"] == {"업무협약"}


def test_a_meeting_word_two_named_meetings_end_in_stays_unresolved() -> None:
    text = "산업통상자원부는 '수출 유관기관 점검회의'와 '반도체 업계 점검회의'를 잇따라 열었다. 회의에는 한국무역협회가 참석했다."
    found = named(text)
    assert not any(t == "PARTICIPATES_IN" and tl.endswith("점검회의") for t, _h, tl in found)
    # names that nest are one meeting, by its fullest name
    text = "대통령은 23일 수출전략회의를 주재했다. 제1차 수출전략회의는 수출 확대를 위해 마련됐다. 회의에는 삼성전자가 참석했다."
    assert ("PARTICIPATES_IN", "삼성전자", "제1차 수출전략회의") in named(text)
    # 'this meeting' after several: the one named last
    text = ("준비위원회는 '2030 세계 정상회의' 준비를 위해 제2차 전체회의를 17일 개최했다. "
            "이번 회의에는 기획재정부와 교육부가 참석했다.")
    assert ("PARTICIPATES_IN", "기획재정부", "제2차 전체회의") in named(text)


def test_a_headings_meeting_word_takes_the_name_the_text_gives_it() -> None:
    text = ("정부, 내일 보고대회 개최\n정부는 14일 청와대에서 '디지털 뉴딜 대국민보고대회'를 연다. "
            "보고대회에는 경제단체장들이 참석한다.")
    assert _initiatives(text)["보고대회"] == {"디지털 뉴딜 대국민보고대회"}
    # in the body a bare word does not take a name the text gives later: it may be another gathering
    text = "산업부는 7일 간담회를 열었다. 산업부는 다음 달 '반도체 업계 간담회'도 열 계획이다."
    assert _initiatives(text)["간담회"] == {"간담회"}
