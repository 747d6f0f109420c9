"""Korean particles chosen by the name's last sound (web.korean)."""
from __future__ import annotations

import pytest

from web.korean import particle, with_particle


@pytest.mark.parametrize("word, which, expected", [
    ("산업통상자원부", "과", "와"), ("산업통상자원부", "와", "와"), ("마키나락스", "과", "와"),
    ("환경부", "을", "를"), ("금융위원회", "은", "는"), ("강경성", "와", "과"), ("강경성", "를", "을"),
    ("삼성전자", "이", "가"), ("한국전력공사", "는", "는"), ("정책", "와", "과"), ("정책", "가", "이"),
    ("LG", "와", "와"), ("SK하이닉스", "와", "와"), ("KOTRA", "을", "를"), ("DGIST", "은", "는"),
    ("AI 얼라이언스(M.AX)", "와", "와"),     # the last letter read: X (엑스)
    ("제조 AX", "와", "와"), ("IBM", "과", "과"), ("2030", "와", "과"), ("제1차", "와", "와"),
    ("서울", "으로", "로"), ("부산", "로", "으로"), ("세종", "으로", "으로"), ("울산시", "으로", "로"),
])
def test_the_particle_follows_the_last_sound(word: str, which: str, expected: str) -> None:
    assert particle(word, which) == expected


def test_unknown_sound_keeps_both_forms_and_with_particle_joins() -> None:
    assert particle("…", "와") == "과(와)"
    assert with_particle("산업통상자원부", "과") == "산업통상자원부와"


def test_network_page_says_the_particle_right(client) -> None:
    from urllib.parse import quote

    text = client.get("/id/gov/" + quote("산업통상자원부") + "/network").get_data(as_text=True)
    assert "산업통상자원부와 직접 이어진" in text and "과(와)" not in text
