"""The gazetteer and place lists are well-formed and cover what the issue asks for."""
from __future__ import annotations

from collections import Counter

import pytest

from core.model import ENTITY_TYPES
from ingest.nlp.gazetteer import DATA, load_gazetteer
from ingest.nlp.lexicon import PLACES, get_lexicon

GOV_KINDS = {"ministry", "agency", "committee", "office", "local", "public"}


def test_rows_have_six_columns_and_known_types() -> None:
    for n, line in enumerate(DATA.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        assert len(cols) == 6, (n, line)
        typ, canon, english, _aliases, _preds, kind = cols
        assert typ in ("MINISTRY", "COMPANY", "ORGANIZATION"), (n, line)
        assert canon and english, (n, line)
        if typ == "MINISTRY":
            assert kind in GOV_KINDS, (n, line)


def test_canonical_names_and_aliases_are_unique() -> None:
    entries = load_gazetteer().entries
    canon = Counter(e.canonical for e in entries)
    assert [c for c, k in canon.items() if k > 1] == []
    alias_owner: dict[str, str] = {}
    for e in entries:
        for a in (e.canonical, *e.aliases):
            assert alias_owner.setdefault(a, e.canonical) == e.canonical, f"{a} names two entries"


def test_predecessors_are_not_aliases_of_another_entry() -> None:
    """A predecessor may be a current body of its own (환경부 before 기후에너지환경부) but
    never somebody else's alias."""
    entries = load_gazetteer().entries
    aliases = {a for e in entries for a in e.aliases}
    for e in entries:
        assert not set(e.predecessors) & aliases, e.canonical


CENTRAL_BODIES = """기획재정부 교육부 과학기술정보통신부 외교부 통일부 법무부 국방부 행정안전부 국가보훈부 문화체육관광부
농림축산식품부 산업통상자원부 보건복지부 환경부 고용노동부 여성가족부 국토교통부 해양수산부 중소벤처기업부 인사혁신처 법제처
식품의약품안전처 국세청 관세청 조달청 통계청 우주항공청 재외동포청 검찰청 병무청 방위사업청 경찰청 소방청 국가유산청 농촌진흥청
산림청 특허청 기상청 행정중심복합도시건설청 새만금개발청 해양경찰청 질병관리청 대통령실 국무조정실 국무총리비서실 방송통신위원회
공정거래위원회 금융위원회 국민권익위원회 개인정보보호위원회 원자력안전위원회 국가인권위원회 감사원 국가정보원 4차산업혁명위원회
국가과학기술자문회의 국회 산업통상자원중소벤처기업위원회 과학기술정보방송통신위원회""".split()
METROS = """서울특별시 부산광역시 대구광역시 인천광역시 광주광역시 대전광역시 울산광역시 세종특별자치시 경기도 강원특별자치도
충청북도 충청남도 전북특별자치도 전라남도 경상북도 경상남도 제주특별자치도""".split()


@pytest.mark.parametrize("name", CENTRAL_BODIES)
def test_every_central_body_is_a_ministry(name: str) -> None:
    e = load_gazetteer().by_canonical(name)
    assert e is not None and e.type == "MINISTRY" and e.kind in GOV_KINDS - {"local", "public"}


def test_metropolitan_governments() -> None:
    g = load_gazetteer()
    assert all(g.by_canonical(n) and g.by_canonical(n).kind == "local" for n in METROS)
    # 17 metropolitan + 226 basic local governments in 2024 (see test_local_governments.py),
    # plus the former and later ones of the authority file (마산시, 청원군, 제물포구 …)
    from ingest.nlp.authority import load_authority  # noqa: PLC0415

    local = {e.canonical for e in g.entries if e.kind == "local"}
    in_2024 = [b.name for b in load_authority().bodies.values()
               if b.kind == "local" and (b.start or "") <= "2024-03-07" and (b.end is None or b.end >= "2024-03-07")]
    assert len(in_2024) == 17 + 226 and local >= set(in_2024)
    assert g.alias_to_canonical["충북"] == "충청북도" and g.alias_to_canonical["서울시"] == "서울특별시"


@pytest.mark.parametrize("old,new", [
    ("지식경제부", "산업통상자원부"), ("산업자원부", "산업통상자원부"), ("미래창조과학부", "과학기술정보통신부"),
    ("중소기업청", "중소벤처기업부"), ("안전행정부", "행정안전부"), ("문화재청", "국가유산청"), ("국가보훈처", "국가보훈부"),
])
def test_predecessors(old: str, new: str) -> None:
    assert old in load_gazetteer().by_canonical(new).predecessors


def test_public_institutions_are_ministry_public() -> None:
    g = load_gazetteer()
    for name in ("한국전력공사", "대한무역투자진흥공사", "한국산업기술진흥원", "한국산업기술기획평가원", "정보통신산업진흥원",
                 "한국로봇산업진흥원", "한국에너지공단", "한국수력원자력", "한국가스공사", "한국토지주택공사"):
        e = g.by_canonical(name)
        assert e is not None and (e.type, e.kind) == ("MINISTRY", "public"), name
    assert g.alias_to_canonical["한전"] == "한국전력공사" and g.alias_to_canonical["LH"] == "한국토지주택공사"


def test_companies_and_organisations() -> None:
    g = load_gazetteer()
    companies = [e for e in g.entries if e.type == "COMPANY"]
    assert len(companies) >= 80 and all(e.english for e in companies)
    for name in ("삼성전자", "SK하이닉스", "LG전자", "LG에너지솔루션", "현대자동차", "기아", "포스코홀딩스", "포스코퓨처엠",
                 "삼성SDI", "SK온", "에코프로비엠", "두산에너빌리티", "두산로보틱스", "레인보우로보틱스", "LS일렉트릭",
                 "DN솔루션즈", "마키나락스", "네이버", "카카오", "KT", "SK텔레콤", "한화에어로스페이스", "HD현대중공업"):
        assert g.by_canonical(name) is not None and g.by_canonical(name).type == "COMPANY", name
    for name in ("한국경제인협회", "대한상공회의소", "한국무역협회", "한국과학기술원", "한국전자통신연구원", "한국반도체산업협회"):
        assert g.by_canonical(name).type == "ORGANIZATION", name


def test_places() -> None:
    lex = get_lexicon()
    assert PLACES.exists()
    for name in ("서울", "부산", "경기도", "용인", "평택", "구미", "울산", "세종", "광주", "판교", "미국", "중국", "일본"):
        assert name in lex.places, name
    assert lex.places["서울특별시"].canonical == "서울"
    assert {p.kind for p in lex.places.values()} <= {"metro", "city", "district", "region", "country", "venue"}


def test_entity_types_are_model_types() -> None:
    assert {e.type for e in load_gazetteer().entries} <= set(ENTITY_TYPES)


def test_korean_companies_are_known_by_their_initials_spelled_in_hangul() -> None:
    from ingest.nlp.gazetteer import load_gazetteer  # noqa: PLC0415
    from ingest.nlp.pipeline import extract  # noqa: PLC0415

    names = load_gazetteer().alias_to_canonical
    assert names["엘지전자"] == "LG전자" and names["에스케이하이닉스"] == "SK하이닉스" and names["엘지"] == "LG그룹"
    assert "티에스엠씨" not in names                             # TSMC is foreign: its own name only
    ents = extract("엘지전자와 에스케이하이닉스는 협의체에 참여했다.", "2024-03-07").entities
    assert [(e.text, e.type, e.canonical) for e in ents if e.type == "COMPANY"] == [
        ("엘지전자", "COMPANY", "LG전자"), ("에스케이하이닉스", "COMPANY", "SK하이닉스")]
