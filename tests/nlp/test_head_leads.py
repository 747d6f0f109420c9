"""Heads of bodies and chairs of meetings in the forms captions and local news use (issue #20,
round 3b: LEADS recall on unseen text); sentences of our own."""
from __future__ import annotations

from tests.nlp._extract import rels


def test_a_photo_caption_bracket_after_a_fused_title() -> None:
    """'X 산림청장(오른쪽)이': the caption's position keeps the person and his body."""
    got = rels("신원섭 산림청장(오른쪽)이 산불 대응 점검회의를 주재하고 있다.")
    assert {("LEADS", "신원섭", "산림청"), ("LEADS", "신원섭", "산불 대응 점검회의")} <= got
    assert ("LEADS", "한지민", "국무조정실") in rels("한지민 국무조정실장(장관급)이 첫 외청장 회의를 열었다.")


def test_a_caption_bracket_after_a_spaced_title_keeps_the_subject() -> None:
    got = rels("안덕근 산업통상자원부 장관(가운데)이 반도체 업계 간담회를 주재하고 있다.")
    assert ("LEADS", "안덕근", "반도체 업계 간담회") in got
    got = rels("박은정 산업통상자원부 장관(앞줄 왼쪽 네 번째)이 17일 오전 서울 강남구 무역센터 대회의실에서 열린 "
               "수출 비상점검회의를 주재하고 있다.")
    assert ("LEADS", "박은정", "수출 비상점검회의") in got
    got = rels("안덕근 산업통상자원부 장관(왼쪽 세번째)이 반도체 업계 간담회에서 발언하고 있다.")
    assert ("LEADS", "안덕근", "반도체 업계 간담회") not in got  # he speaks there, he does not chair it


def test_a_mayor_in_a_caption() -> None:
    got = rels("박수현 부산시장(오른쪽)이 협약식에 참석했다.")
    assert ("LEADS", "박수현", "부산시") in got


def test_a_local_government_with_its_head_in_brackets() -> None:
    assert ("LEADS", "박수현", "부산시") in rels("부산시(시장 박수현)는 생활권 공원 디자인이 공모전에서 입상했다고 밝혔다.")
    assert ("LEADS", "최민호", "강남구") in rels("서울 강남구(구청장 최민호)는 5일 주민 설명회를 개최했다.")


def test_a_local_head_with_the_province_before_his_city() -> None:
    got = rels("정태호 경기 여주시장은 9일 시장실에서 열린 업무협약식을 주관했다.")
    assert {("LEADS", "정태호", "여주시"), ("LEADS", "정태호", "업무협약식")} <= got
    got = rels("김영수 서울 성북구청장은 9일 오전 현안점검회의를 열었다.")
    assert ("LEADS", "김영수", "현안점검회의") in got
    assert any(k == "LEADS" and h == "김영수" and t.startswith("성북구") for k, h, t in got)


def test_a_province_word_alone_is_no_name() -> None:
    """'서울 성북구청장은' with no name before the province: nobody is made up."""
    got = rels("서울 성북구청장은 9일 오전 현안점검회의를 열었다.")
    assert not any(k == "LEADS" and h in ("서울", "성북구") for k, h, _t in got)


def test_a_headline_names_the_chair_before_a_comma() -> None:
    """Release sub-headings and broadcast headlines: 'A 총리, B회의 주재', 'A 장관, … 개최'."""
    assert ("LEADS", "한지훈", "제12차 중앙안전관리위원회") in rels("- 한지훈 국무총리, 제12차 중앙안전관리위원회 주재 -")
    assert ("LEADS", "박은정", "간담회") in rels("박은정 장관, 반도체 업계와 간담회 개최")
    got = rels("- 박은정 산업통상자원부 장관, 수출 점검회의 개최 -")
    assert {("LEADS", "박은정", "산업통상자원부"), ("LEADS", "박은정", "수출 점검회의")} <= got


def test_a_headline_of_attending_or_of_a_sentence_leads_nothing() -> None:
    assert ("LEADS", "박은정", "간담회") not in rels("박은정 장관, 반도체 업계 간담회 참석")
    got = rels("박은정 장관, 이정우 차관은 간담회 개최 여부를 논의했다.")
    assert ("LEADS", "박은정", "간담회") not in got


def test_a_standing_headquarters_head_with_his_ministry_in_brackets() -> None:
    got = rels("이수민 중앙재난안전대책본부장(행정안전부 장관)은 5일 집중호우 대비 회의를 주재했다.")
    assert ("LEADS", "이수민", "행정안전부") in got
    got = rels("이수민 중앙재난안전대책본부장(전 행정안전부 장관)은 5일 회의를 주재했다.")
    assert ("LEADS", "이수민", "행정안전부") not in got  # a former post leads nothing


def test_a_headline_whose_last_noun_is_the_visit_he_makes() -> None:
    assert ("LEADS", "한지훈", "현장 점검") in rels("한지훈 국무총리, 집중호우 피해 현장 점검…\"신속 복구\"")
    assert ("LEADS", "한지훈", "현장 점검") not in rels("한지훈 국무총리, 현장 점검 결과 발표")


def test_an_acting_head_introduces_himself_with_his_body() -> None:
    got = rels("감사합니다.방송통신위원회 위원장 직무대행 김준호입니다.오늘 업무보고를 드리겠습니다.")
    assert ("LEADS", "김준호", "방송통신위원회") in got
    got = rels("방송통신위원회 위원장 김준호입니다.")
    assert ("LEADS", "김준호", "방송통신위원회") in got
