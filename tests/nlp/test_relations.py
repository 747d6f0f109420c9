"""Relations and document-level naming beyond the single-sentence table of test_extract."""
from __future__ import annotations

from ingest.nlp.pipeline import extract

D = "2024-03-07"


def rels(text: str, date: str | None = D) -> list[tuple[str, str, str]]:
    ex = extract(text, date)
    return sorted((r.type, ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations)


def test_issue_meeting_sentence() -> None:
    text = "강경성 산업부 1차관 주재로 열린 간담회에는 LG전자, LS일렉트릭, DN솔루션즈, 마키나락스 등 기업이 참석했다."
    ex = extract(text, D)
    person = ex.entities[0]
    assert (person.text, person.type, person.attrs["title"]) == ("강경성", "PERSON", "1차관")
    meeting = next(i for i, e in enumerate(ex.entities) if e.text == "간담회")
    assert ("LEADS", 0, meeting) in [(r.type, r.head, r.tail) for r in ex.relations]
    participants = [ex.entities[r.head] for r in ex.relations if r.type == "PARTICIPATES_IN" and r.tail == meeting]
    assert [(e.text, e.type) for e in participants] == [
        ("LG전자", "COMPANY"), ("LS일렉트릭", "COMPANY"), ("DN솔루션즈", "COMPANY"), ("마키나락스", "COMPANY")]


def test_relations_carry_their_sentence() -> None:
    ex = extract("날씨가 맑았다. 산업부는 'AI 자율제조 전략'을 발표했다.", D)
    assert [(r.type, r.sentence) for r in ex.relations] == [("ANNOUNCES", 1)]


def test_no_relation_across_sentences() -> None:
    # holding the briefing is announced in the first sentence; the plan of the second is not
    assert rels("산업부는 설명회를 열었다. 'AI 자율제조 전략'이 화제다.") == [("ANNOUNCES", "산업부", "설명회")]


def test_with_meeting_participants() -> None:
    assert rels("산업부는 LG전자, 마키나락스 등과 간담회를 열었다.") == [("ANNOUNCES", "산업부", "간담회"),
        ("PARTICIPATES_IN", "LG전자", "간담회"), ("PARTICIPATES_IN", "마키나락스", "간담회")]


def test_holding_a_meeting_is_announcing_it_only_for_the_subject() -> None:
    """'X 장관은 … 회의를 열었다': the body in the minister's title does not hold it."""
    assert rels("국회는 26일 본회의를 열어 법안을 처리했다.") == [("ANNOUNCES", "국회", "본회의")]
    assert [r for r in rels("이상민 행정안전부 장관은 긴급 회의를 열었다.") if r[0] == "ANNOUNCES"] == []


def test_presiding_subject() -> None:
    assert rels("윤석열 대통령은 8일 비상경제민생회의를 주재했다.") == [("LEADS", "윤석열", "비상경제민생회의")]


def test_body_organises() -> None:
    assert ("LEADS", "대한상의", "반도체 포럼") in rels("대한상의 주관으로 '반도체 포럼'이 열렸다.")


def test_participants_before_an_adnominal_trigger() -> None:
    assert rels("LG전자와 삼성전자가 참여한 'AI 자율제조 얼라이언스'가 출범했다.") == [
        ("PARTICIPATES_IN", "LG전자", "AI 자율제조 얼라이언스"), ("PARTICIPATES_IN", "삼성전자", "AI 자율제조 얼라이언스")]


def test_jointly_prepared_is_no_participation() -> None:
    """'함께 마련한' is joint preparation, not taking part in the plan."""
    assert [r for r in rels("산업부는 관계부처가 함께 마련한 'K-반도체 전략'을 발표했다.")
            if r[0] == "PARTICIPATES_IN"] == []


def test_schedule_needs_a_future_or_a_deadline() -> None:
    # the meeting word after the quoted name is its own event ('AI 반도체 이니셔티브 회의')
    assert rels("산업부는 14일 'AI 반도체 이니셔티브' 회의를 개최했다.") == [
        ("ANNOUNCES", "산업부", "AI 반도체 이니셔티브"), ("ANNOUNCES", "산업부", "회의")]
    assert ("SCHEDULED_FOR", "AI 반도체 이니셔티브", "14일") in rels("산업부는 14일 'AI 반도체 이니셔티브'를 발표할 예정이다.")
    assert ("SCHEDULED_FOR", "탄소중립 추진 로드맵", "지난해") not in rels("정부는 지난해 탄소중립 추진 로드맵을 수립할 계획이었다.")


def test_date_in_direct_speech_stays_in_the_speech() -> None:
    text = "안덕근 장관은 'AI 자율제조 얼라이언스' 출범식에서 \"2030년까지 도입률을 40%로 높이겠다\"고 말했다."
    assert not [r for r in rels(text) if r[0] == "SCHEDULED_FOR"]


def test_back_reference_takes_the_antecedent_name() -> None:
    ex = extract("산업부는 'AI 자율제조 전략 1.0'을 발표했다. 이번 전략은 2030년까지 추진된다.", D)
    ref = next(e for e in ex.entities if e.text == "전략")
    assert ref.type == "INITIATIVE" and ref.canonical == "AI 자율제조 전략 1.0"
    assert ("SCHEDULED_FOR", "전략", "2030년") in rels("산업부는 'AI 자율제조 전략 1.0'을 발표했다. 이번 전략은 2030년까지 추진된다.")


def test_meeting_named_by_the_initiative_before_it() -> None:
    ex = extract("산업부는 'AI 자율제조 얼라이언스' 출범식을 열었다. 출범식에는 100개 기업이 참여했다.", D)
    names = [(e.text, e.canonical) for e in ex.entities if e.type == "INITIATIVE"]
    assert names == [("AI 자율제조 얼라이언스", "AI 자율제조 얼라이언스"),
                     ("출범식", "AI 자율제조 얼라이언스 출범식"), ("출범식", "AI 자율제조 얼라이언스 출범식")]


def test_generic_meeting_without_date_keeps_its_word() -> None:
    ex = extract("간담회에는 LG전자가 참석했다.")
    assert (ex.entities[0].canonical, ex.entities[0].attrs["generic"]) == ("간담회", True)


def test_a_head_word_inside_another_noun_phrase_is_no_back_reference() -> None:
    """'국가 AI 전략 과제' is about another strategy; '확정할 계획이다' means 'intends to
    confirm'; neither points back to the plan named before, and neither takes its dates."""
    text = ("산업부는 'AI 자율제조 전략'을 발표했다. 정부는 연말까지 국가 AI 전략 과제를 구체화할 계획이다. "
            "배터리를 전략 산업으로 키운다. 세부 과제는 상반기 중 확정할 계획이다.")
    ex = extract(text, D)
    assert [e.text for e in ex.entities if e.type == "INITIATIVE"] == ["AI 자율제조 전략"]
    assert not [r for r in rels(text) if r[0] == "SCHEDULED_FOR"]


def test_back_references_that_act_on_the_plan_or_repeat_its_ending_are_kept() -> None:
    text = ("산업부는 'AI 자율제조 마스터플랜' 수립에 착수했다. 마스터플랜 수립은 상반기에 마친다. "
            "기업들은 '추석 상여금 지급 계획'을 밝혔다. 지급 계획은 대기업이 많았다. "
            "국회는 '반도체특별법'을 논의했다. 공급망 보호를 돕는 특별법의 처리가 필요하다.")
    refs = {(e.text, e.canonical) for e in extract(text, D).entities if e.attrs.get("coref")}
    assert refs == {("마스터플랜", "AI 자율제조 마스터플랜"), ("계획", "추석 상여금 지급 계획"),
                    ("특별법", "반도체특별법")}


def test_a_meeting_where_a_plan_is_announced_is_not_announced_itself() -> None:
    text = "과학기술정보통신부는 17일 대통령 주재로 열린 국무회의에서 전 부처가 함께 마련한 '인공지능 국가전략'을 발표했다."
    assert [r for r in rels(text) if r[0] == "ANNOUNCES"] == [("ANNOUNCES", "과학기술정보통신부", "인공지능 국가전략")]
    text = "정부는 13일 비상경제장관회의에서 관계부처가 마련한 '이차전지 산업 강화 방안'을 확정했다."
    assert [r for r in rels(text) if r[0] == "ANNOUNCES"] == [("ANNOUNCES", "정부", "이차전지 산업 강화 방안")]


def test_the_subject_of_a_describing_clause_does_not_hold_the_main_clauses_meeting() -> None:
    # 산업부 launched the alliance; the alliance, not 산업부, holds its general meeting
    text = "산업통상자원부가 지난 4월 출범시킨 K-휴머노이드 연합이 27일 서울대학교에서 창립총회를 열었다."
    assert not [r for r in rels(text) if r[:2] == ("ANNOUNCES", "산업통상자원부")]


def test_a_trigger_word_used_as_a_noun_announces_nothing() -> None:
    # the minister speaks of the enforcement of a US law; his ministry does not enforce it
    text = "이창양 산업부 장관은 미국 인플레이션감축법(IRA) 시행을 북미 시장 확대 기회로 활용해야 한다는 입장을 밝혔다."
    assert rels(text) == [("LEADS", "이창양", "산업부")]
    assert ("ANNOUNCES", "산업부", "AI 자율제조 마스터플랜") in rels("산업부는 'AI 자율제조 마스터플랜' 수립에 착수했다.")


def test_together_with_a_law_is_not_taking_part_in_it_but_lists_what_is_announced() -> None:
    text = "산업통상자원부가 추진한 '로봇 촉진법' 개정안이 도로교통법 개정과 함께 시행됐다."
    assert not [r for r in rels(text) if r[0] == "PARTICIPATES_IN"]
    assert sorted(r for r in rels("산업부는 '반도체 전략'과 함께 '이차전지 전략'을 발표했다.") if r[0] == "ANNOUNCES") == [
        ("ANNOUNCES", "산업부", "반도체 전략"), ("ANNOUNCES", "산업부", "이차전지 전략")]
    assert ("ANNOUNCES", "산업통상자원부", "AI 자율제조 전략") in rels(
        "전문가들은 산업통상자원부가 추진 중인 'AI 자율제조 전략'의 진행 상황을 공유했다.")


def test_the_day_something_was_launched_is_no_schedule_whatever_the_past_verb() -> None:
    # 출범시켰다, 열었다 … end in the past tense (Kiwi's 었 before the final ending), not
    # only the spellings 했다/됐다
    for text in ("산업부는 이날 '배터리 얼라이언스'를 함께 출범시켰다.",
                 "정부는 8일 'K-배터리 발전 전략 보고대회'를 열고 2030년을 겨냥한 청사진을 내놨다.",
                 "산업부는 7일 '반도체 전략 회의'를 열어 목표를 세웠다."):
        assert not [r for r in rels(text) if r[0] == "SCHEDULED_FOR"], text
    assert ("SCHEDULED_FOR", "AI 전략", "연내") in rels("산업부는 연내 'AI 전략'을 마련할 계획이라고 밝혔다.")
    assert ("SCHEDULED_FOR", "AI 전략", "2030년") in rels("산업부는 'AI 전략'을 2030년까지 추진한다고 밝혔다.")


def test_a_deadline_reached_before_the_article_is_no_schedule_and_then_is_no_part_of_a_name() -> None:
    ex = extract("중기부는 그동안 스마트공장 보급사업이 2022년까지 누적 3만 개라는 목표를 달성했다.", D)
    assert [e.text for e in ex.entities if e.type == "INITIATIVE"] == ["스마트공장 보급사업"]
    assert not ex.relations


def test_running_a_program_announces_it_and_a_meeting_word_with_에는_is_no_object() -> None:
    assert rels("중기부는 올해 '스마트공장 구축 지원사업' 참여기업을 모집한다.") == [
        ("ANNOUNCES", "중기부", "스마트공장 구축 지원사업")]
    assert ("ANNOUNCES", "산업부", "AI 자율제조 사업") in rels("산업부는 'AI 자율제조 사업'에 착수했다.")
    text = "이어진 간담회에는 전문가들이 참석해 산업통상자원부가 추진 중인 'AI 자율제조 전략'의 진행 상황을 공유했다."
    assert [r for r in rels(text) if r[0] == "ANNOUNCES"] == [("ANNOUNCES", "산업통상자원부", "AI 자율제조 전략")]


def test_a_date_in_another_clause_goes_to_no_initiative_unless_that_is_the_clauses_subject() -> None:
    text = ("산업통상자원부는 연내 로봇 산업 중장기 전략을 내놓을 예정이며, 지능형 로봇법 개정에 따라 "
            "다음 달부터는 실외 로봇의 보도 통행도 허용된다.")
    assert not [r for r in rels(text) if r[:3] == ("SCHEDULED_FOR", "지능형 로봇법", "연내")]
    text = "'저작권법 개정안'은 상원에서 통과되었고, 하원에서 통과됨에 따라, 2025년 1월에 효력을 발휘하게 된다."
    assert ("SCHEDULED_FOR", "저작권법 개정안", "2025년 1월") in rels(text)
