"""Basic local governments (시·군·구) follow the convention of the metropolitan ones: a
body when it acts (수원시는 … 발표했다), a place when it is where something happens
(수원시에서, 경기도 수원시 영통구에). Names held by several bodies (중구, 동구, 고성군 …)
are linked only when qualified (부산 중구). All sentences are read as of 2024-03-07."""
from __future__ import annotations

from collections import Counter

import pytest

from ingest.nlp.authority import load_authority
from ingest.nlp.gazetteer import load_gazetteer
from ingest.nlp.lexicon import get_lexicon
from ingest.nlp.pipeline import extract

DOC_DATE = "2024-03-07"
METROS = {"서울특별시", "부산광역시", "대구광역시", "인천광역시", "광주광역시", "대전광역시", "울산광역시", "세종특별자치시",
          "경기도", "강원특별자치도", "충청북도", "충청남도", "전북특별자치도", "전라남도", "경상북도", "경상남도", "제주특별자치도"}


def _basic() -> list:
    return [e for e in load_gazetteer().entries if e.kind == "local" and e.canonical not in METROS]


def _topic(name: str) -> str:
    """The name with its topic particle (수원시는, 가평군은)."""
    return name + ("은" if (ord(name[-1]) - 0xAC00) % 28 else "는")


def _rows(text: str) -> list[tuple]:
    ex = extract(text, DOC_DATE)
    return [(e.text, e.type, e.canonical) for e in ex.entities]


def _basic_on(day: str) -> list[str]:
    """The basic local governments of the authority file on `day` (those with a `within`)."""
    return [b.name for b in load_authority().bodies.values()
            if b.within and (b.start or "") <= day and (b.end is None or b.end >= day)]


@pytest.mark.parametrize("day,counts", [
    ("2024-03-07", {"시": 75, "군": 82, "구": 69}),
    # 2026-07-01: 인천 중구·동구 → 제물포구·영종구, 서구 → 서구·검단구
    ("2026-12-07", {"시": 75, "군": 82, "구": 70}),
    # 2013-01-01: 청주시·청원군 (통합 2014), 여주군 (시 2013), no 미추홀구 (2018: 인천 남구)
    ("2013-01-01", {"시": 74, "군": 84, "구": 69}),
])
def test_basic_local_governments_by_date(day: str, counts: dict) -> None:
    """226 cities, counties and autonomous districts in 2024 (75, 82, 69), all MINISTRY
    kind=local in the gazetteer; the authority file knows how many there were on a day."""
    basic = _basic_on(day)
    g = load_gazetteer()
    assert all((e := g.by_canonical(n)) is not None and e.type == "MINISTRY" and e.kind == "local" for n in basic)
    assert Counter(load_authority().bodies[n].official.split()[-1][-1] for n in basic) == counts
    assert all(e.english for e in _basic() if e.canonical in _basic_on("2024-03-07"))


# one or two from every metropolitan city and province (군위군: in 대구 since 2023, before in 경북)
SAMPLE = ["종로구", "강남구", "해운대구", "기장군", "군위군", "수성구", "미추홀구", "강화군", "광산구", "유성구", "대덕구",
          "울주군", "수원시", "가평군", "춘천시", "인제군", "청주시", "단양군", "천안시", "태안군", "전주시", "부안군",
          "여수시", "신안군", "포항시", "울릉군", "창원시", "합천군"]


@pytest.mark.parametrize("name", SAMPLE)
def test_a_body_from_every_province(name: str) -> None:
    ex = extract(f"{_topic(name)} 지역 산업 육성 계획을 발표했다.", DOC_DATE)
    body, plan = ex.entities
    assert (body.text, body.type, body.canonical, body.attrs["gov_kind"]) == (name, "MINISTRY", name, "local")
    assert [(r.type, r.head, r.tail) for r in ex.relations] == [("ANNOUNCES", 0, 1)] and plan.type == "INITIATIVE"


def test_not_autonomous_units_are_not_bodies() -> None:
    g = load_gazetteer()
    for name in ("영통구", "분당구", "오정구", "제주시", "서귀포시"):
        assert g.by_canonical(name) is None and name not in g.alias_to_canonical, name


@pytest.mark.parametrize("body,canonical", [
    ("서울시", "서울특별시"), ("수원시", "수원시"), ("가평군", "가평군"), ("강남구", "강남구"), ("수원특례시", "수원시"),
])
def test_announcing_body_like_seoul(body: str, canonical: str) -> None:
    """The issue's example, with the metropolitan 서울시 for comparison."""
    ex = extract(f"{_topic(body)} 15일 스마트시티 추진 계획을 발표했다.", DOC_DATE)
    gov, day, plan = ex.entities
    assert (gov.text, gov.type, gov.canonical, gov.attrs["gov_kind"]) == (body, "MINISTRY", canonical, "local")
    assert (day.type, day.value) == ("DATE", "2024-03-15")
    assert (plan.text, plan.type) == ("스마트시티 추진 계획", "INITIATIVE")
    assert [(r.type, r.head, r.tail) for r in ex.relations] == [("ANNOUNCES", 0, 2)]


@pytest.mark.parametrize("name,place", [("서울시", "서울"), ("수원시", "수원"), ("가평군", "가평군")])
def test_place_like_seoul(name: str, place: str) -> None:
    """As a venue the body is a LOCATION, named as in places.tsv (수원시 → 수원) if listed."""
    ex = extract(f"{name}에서 열린 스마트시티 박람회에는 기업 40곳이 참가했다.", DOC_DATE)
    where = ex.entities[0]
    assert (where.text, where.type, where.canonical) == (name, "LOCATION", place)
    assert "gov_kind" not in where.attrs
    assert not [r for r in ex.relations if r.head == 0]


def test_address_parts_are_places() -> None:
    assert _rows("경기도 수원시 영통구에 연구소를 세운다.") == [("경기도", "LOCATION", "경기도"), ("수원시", "LOCATION", "수원")]
    assert [r for r in _rows("행사는 서울 종로구 세종대로 정부서울청사에서 열린다.") if r[1] == "LOCATION"] == [
        ("서울", "LOCATION", "서울"), ("종로구", "LOCATION", "종로"), ("세종대로", "LOCATION", "세종대로"),
        ("정부서울청사", "LOCATION", "정부서울청사")]
    # no higher level before it, but proper nouns of an address after it (each its own place)
    assert _rows("음성군 대소면에 공장을 세운다.") == [("음성군", "LOCATION", "음성"), ("대소면", "LOCATION", "대소면")]


def test_qualified_body_after_its_metropolitan_government() -> None:
    assert _rows("부산광역시 해운대구는 해양관광 활성화 계획을 발표했다.")[:2] == [
        ("부산광역시", "LOCATION", "부산"), ("해운대구", "MINISTRY", "해운대구")]
    assert _rows("해운대구 관계자는 일정을 설명했다.") == [("해운대구", "MINISTRY", "해운대구")]


def test_same_name_in_two_cities() -> None:
    """부산 중구 and 서울 중구 are two bodies; the qualifier stays a place of its own."""
    assert _rows("부산 중구와 서울 중구는 원도심 상생 협약을 맺었다.") == [
        ("부산", "LOCATION", "부산"), ("중구", "MINISTRY", "부산광역시 중구"),
        ("서울", "LOCATION", "서울"), ("중구", "MINISTRY", "서울특별시 중구"),
        ("원도심 상생 협약", "INITIATIVE", "원도심 상생 협약")]  # the agreement they sign
    assert _rows("대구 동구와 광주광역시 동구는 교류 협약을 맺었다.") == [
        ("대구", "LOCATION", "대구"), ("동구", "MINISTRY", "대구광역시 동구"),
        ("광주광역시", "LOCATION", "광주"), ("동구", "MINISTRY", "광주광역시 동구")]
    assert _rows("강원도 고성군과 경남 고성군은 교류 협약을 맺었다.") == [
        ("강원도", "LOCATION", "강원"), ("고성군", "MINISTRY", "강원특별자치도 고성군"),
        ("경남", "LOCATION", "경남"), ("고성군", "MINISTRY", "경상남도 고성군")]


def test_bare_shared_name_is_no_body() -> None:
    ex = extract("중구는 주차장 확충 계획을 발표했다.", DOC_DATE)
    assert [e for e in ex.entities if e.type == "MINISTRY"] == []
    assert not {e.canonical for e in ex.entities} & {"부산광역시 중구", "서울특별시 중구"}
    assert _rows("고성군은 산불 대응 계획을 발표했다.") == [("산불 대응 계획", "INITIATIVE", "산불 대응 계획")]
    names = load_gazetteer().alias_to_canonical
    for bare in ("중구", "동구", "서구", "남구", "북구", "강서구", "고성군"):
        assert bare not in names, bare
    # 광주시 stays the metropolitan 광주광역시; Gyeonggi's 광주시 is named with its province
    assert names["광주시"] == "광주광역시" and names["경기 광주시"] == "경기도 광주시"


def test_qualified_shared_name_as_a_place() -> None:
    assert _rows("서울 중구 명동에서 열린 행사")[:2] == [("서울", "LOCATION", "서울"), ("중구", "LOCATION", "중구")]


def test_place_list_still_knows_the_cities() -> None:
    places = get_lexicon().places
    assert places["수원시"].canonical == "수원" and places["강남구"].canonical == "강남"


def test_verb_suffix_is_no_city() -> None:
    """상주시켜 is 상주 + 시키다 ('station'), not 상주시."""
    assert _rows("현장에 인력을 상주시켜 점검한다.") == []


@pytest.mark.parametrize("office, canonical", [("강남구청", "강남구"), ("진도군청", "진도군"), ("수원시청", "수원시"),
                                               ("부산시청", "부산광역시"), ("경북도청", "경상북도"),
                                               ("부산 중구청", "부산광역시 중구")])
def test_the_office_name_is_the_body(office: str, canonical: str) -> None:
    """News names a local government by its office: 강남구청은 … 발표했다."""
    ex = extract(f"{office}은 지역 산업 육성 계획을 발표했다.", DOC_DATE)
    body = next(e for e in ex.entities if e.canonical == canonical)
    assert body.type == "MINISTRY" and body.text.endswith("청")
    assert [(r.type, ex.entities[r.head].canonical) for r in ex.relations] == [("ANNOUNCES", canonical)]


def test_a_bare_shared_office_name_is_no_body() -> None:
    assert "중구청" not in load_gazetteer().alias_to_canonical
    assert not [e for e in extract("중구청은 골목 상권 계획을 발표했다.", DOC_DATE).entities if e.type == "MINISTRY"]


@pytest.mark.parametrize("subjects", ["수원시·용인시·화성시는", "수원시, 용인시, 화성시는", "수원시와 용인시, 화성시는",
                                      "수원시 및 용인시·화성시는"])
def test_every_coordinated_body_announces(subjects: str) -> None:
    ex = extract(f"{subjects} 7일 '반도체 벨트 조성 계획'을 발표했다.", DOC_DATE)
    heads = {ex.entities[r.head].canonical for r in ex.relations if r.type == "ANNOUNCES"}
    assert heads == {"수원시", "용인시", "화성시"}
