"""Rules that misfired more than once on unlabelled text no rule was written on (issue #20, round
3b: the precision audit of the evening's rules with bench/rule_diff.py against 2e43e26, over
agency releases, KTV items and local councils' minutes from the search corpus, Wikinews and
Assembly speeches). Every sentence is written for these tests; each fix keeps a case where the
rule must still fire."""
from __future__ import annotations

from ingest.nlp.pipeline import extract

D = "2024-06-20"


def run(text: str, date: str | None = D) -> tuple[set[tuple[str, str, str]], set[tuple[str, str]]]:
    ex = extract(text, date)
    rels = {(r.type, ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations}
    return rels, {(e.text, e.type) for e in ex.entities}


def test_a_head_titled_isajang_is_no_fused_surname() -> None:
    # '이사장' is 이 + 사장, but a title of its own: not the surname of the person named before it
    rels, ents = run("이정우 한국물류진흥공단 이사장은 15일 지역 대학과 업무협약을 체결했다고 밝혔다.")
    assert ("이사장", "PERSON") not in ents
    assert ("LEADS", "이정우", "한국물류진흥공단") in rels
    _, ents = run("한국물류진흥공단(이사장 이정우)은 15일 업무협약을 체결했다.")
    assert ("이사장", "PERSON") not in ents and ("이정우", "PERSON") in ents
    # still: a surname fused with the title of the person the document names in full
    _, ents = run("김도현 한국도로관리공사 사장은 17일 현장을 점검했다. 김사장은 안전 대책을 주문했다.")
    assert ("김사장", "PERSON") in ents


MINUTES = ("제120회 양주시의회(임시회)\n자치행정위원회회의록\n제1호\n양주시의회사무국\n"
           "(10시 05분 개의)\n○위원장 한도윤  성원이 되었으므로 제120회 양주시의회 임시회 제1차 자치행정위원회를 "
           "개의하겠습니다.\n  먼저 의회사무국 직원 보고해 주시기 바랍니다.\n○의회사무국 서지안  의회사무국 서지안입니다.")

AUDIT = ("제300회 양주시의회(정례회)\n행정사무감사특별위원회회의록\n피감사기관 의회사무국\n"
         "○위원장 한도윤  지금부터 양주시의회사무국에 대한 2024년도 행정사무감사 실시를 선언합니다. "
         "서지안 사무국장을 비롯한 관계공무원 여러분 수고 많으셨습니다.")


def test_a_councils_secretariat_is_a_unit_unless_audited() -> None:
    # the guideline: secretariats are the council's units; only an audited one is a body
    rels, ents = run(MINUTES)
    assert ("의회사무국", "MINISTRY") not in ents
    assert ("LEADS", "한도윤", "제1차 자치행정위원회") in rels  # the chair still opens the sitting
    _, ents = run(AUDIT)
    assert ("의회사무국", "MINISTRY") in ents  # the audited secretariat (피감사기관) still is


NO_BULLETS = ("제140회 양주시의회(임시회)\n본회의 회의록\n제1차\n양주시의회\n일 시 2024년 06월 20일 (목) 오전 10시\n"
              "의사일정\n1. 회기결정의건\n10시 05분 개의\n의장 한도윤\n의석을 정돈하여 주시기 바랍니다.\n"
              "성원이 되었으므로 오늘 제140회 양주시의회 임시회 제1차 본회의를 개의하겠습니다.")


def test_a_sittings_heading_date_schedules_nothing_without_speaker_bullets() -> None:
    # minutes that print speakers without '○': the heading still ends where the sitting opens
    rels, _ = run(NO_BULLETS)
    assert not any(r[0] == "SCHEDULED_FOR" and r[2] == "2024년 06월 20일" for r in rels)
    assert ("SCHEDULED_FOR", "제140회 양주시의회 임시회", "오늘") in rels  # opened 'today': still scheduled


def test_a_law_cited_as_the_source_of_a_deadline_is_not_scheduled_for_it() -> None:
    # '…법에 따르면 …까지 알려야': the deadline of what the law asks, no date of the law (as one cited by article)
    rels, _ = run("과학기술기본법에 따르면 각 부처는 다음 날인 6월 30일까지 기획재정부에 알려야 합니다.")
    assert not any(r[0] == "SCHEDULED_FOR" and r[1] == "과학기술기본법" for r in rels)
    rels, _ = run("개정 과학기술기본법은 오는 7월 1일부터 시행된다.")
    assert ("SCHEDULED_FOR", "개정 과학기술기본법", "오는 7월 1일") in rels  # taking effect: still scheduled
