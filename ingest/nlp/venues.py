"""Places that releases name by the shape of the phrase around them rather than by a list:

- a venue right after its address ('서울 서초구 국립중앙도서관에서', '서귀포 칼호텔에서',
  '서울 장충동 서울클럽에서'): a word the event is held at, after a city, district or
  neighbourhood (the gold guideline's venues and facilities);
- a body named as that venue ('서울 중구 안전보건공단에서 간담회', '세종청사 고용노동부에서
  시상식', '롯데호텔에서 개최되는'): a LOCATION, as the guideline has 'KOTRA(서울 서초구)에서';
  see `body_as_venue`, which the type refiner asks;
- a province's short name before a city ('경기 성남의', '경기 화성에서'): 경기 alone is also
  'economy' or 'match', so only a city after it makes it the province;
- a region written as a place with 권/권역 ('충남권역', '부울경권', '제주권'): one LOCATION;
- a name that something is located at ('정릉에 위치한 보호시설', '서초구에 소재한'): a place;
- ports and airports ('감천항과 다대포항', '마산항을', '김해공항에서'): a proper noun ending in
  항/공항, or a place with 항 after it (not '제3항', '사항', '어항').
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.view import TextView

Cand = tuple[int, int, str, dict]

# what may stand before a venue: a place of these kinds (places.tsv) or an address part
_ADDRESS_KINDS = frozenset({"metro", "city", "district", "province", "local", ""})  # not a venue: '서울청사 브리핑실'
# words after an address that are no venue: areas, markets and sides ('서울 시내에서', '중국 시장에서')
_NOT_VENUE = frozenset({"시내", "도심", "현지", "일대", "곳곳", "전역", "현장", "인근", "근처", "주변", "지역", "시장", "거리",
                        "내", "외곽", "한복판", "중심가", "번화가", "각지", "전체", "일원", "소재", "방면", "지방", "관내",
                        "시민", "주민", "시청", "도청", "본사", "공장", "사업장", "사무실", "자택", "온라인", "정부", "당국",
                        "주민센터", "행정복지센터", "보건소", "경찰서", "소방서", "우체국"})
_ACT_AFTER = re.compile(r"\s?(?:발표|밝히|밝혔|밝힌|주최|주관|제공|공개|추진|제작|발간|집계|조사|선정|지정|결정|요청|전했|전한|알렸|설명)")
_VENUE_HEAD = re.compile(r"(?:도서관|센터|클럽|호텔|회관|홀|관|원|실|장|당|터|빌딩|타워|캠퍼스|공원|마을|시장|궁|각|사|교|역)$")


def _address_end(view: TextView, place_ends: dict[int, str], s: int) -> bool:
    """Whether the word starting at `s` comes right after a place of an address kind."""
    return s >= 2 and view.text[s - 1] == " " and place_ends.get(s - 1, "-") in _ADDRESS_KINDS


_ROOMS = frozenset({"회의실", "대회의실", "소회의실", "세미나실", "강당", "대강당", "국제회의장", "컨퍼런스룸", "그랜드홀", "전시장"})


def _words(s: int, e: int, name: str) -> list[tuple[int, int]]:
    out, pos = [], s
    for w in name.split(" "):
        out.append((pos, pos + len(w)))
        pos += len(w) + 1
    return out


def _is_place_name(name: str) -> bool:
    from ingest.nlp.lexicon import get_lexicon  # noqa: PLC0415
    lex = get_lexicon()
    return name in lex.places or name in lex.names


def find_addressed_venues(view: TextView, place_ends: dict[int, str]) -> Iterator[Cand]:
    """A venue after its address: 'PLACE WORD에서' with WORD a proper noun or a compound
    that ends like a facility. `place_ends` maps the end of each place (LOCATION or local
    government) to its kind ('' for address parts and local governments)."""
    text = view.text
    for m in re.finditer("에서", text):
        e = m.start()
        s = view.word_start(e)
        name = text[s:e]
        if name in _ROOMS and s >= 3 and text[s - 1] == " ":
            s = view.word_start(s - 1)  # '광주 김대중컨벤션센터 회의실에서': the hall with its room, one venue
            name = text[s:e]
            if " " not in name or not view.is_nominal(s, name.index(" ") + s):
                continue
        if len(name) < 2 or name in _NOT_VENUE or not _address_end(view, place_ends, s) \
                or not view.aligned(s, e) or not all(view.is_nominal(a, b) for a, b in _words(s, e, name)) or view.tail(e) not in ("에서", "에서는"):
            continue
        if name[-1] in "갑을병" and _is_place_name(name[:-1]):
            continue  # '충남 천안을에서': an electoral district, not a venue
        if _ACT_AFTER.match(text, m.end()):
            continue  # '서울 중구 관계자에서 발표': an actor, not a place
        ms = view.morphs_in(s, e)
        proper = ms[0].tag in ("NNP", "SL")
        if not (proper or (len(ms) >= 2 and _VENUE_HEAD.search(name.split(" ")[0]))):
            continue  # '서울 시내에서', '부산 현지에서': an area, no named venue
        from ingest.nlp.initiatives import head_kind  # noqa: PLC0415  (initiatives imports people)
        if head_kind(name):
            continue  # '서울 간담회에서': an event, not its place
        yield s, e, "LOCATION", {"rule": "addressed_venue", "place": name}


def body_as_venue(view: TextView, start: int, end: int, prev_label: str, prev_end: int, prev_kind: str) -> bool:
    """Whether a body [start, end) is the venue of an event: after an address place
    ('서울 중구 안전보건공단에서', '세종청사 고용노동부에서') or, for a hotel, any '…호텔에서',
    with 에서 and no act of the body after it ('… 안전보건공단에서 발표한': the body)."""
    text = view.text
    tail = view.tail(end)
    if tail not in ("에서", "에서는"):
        return False
    if _ACT_AFTER.match(text, end + len(tail)):
        return False
    if text[start:end].endswith("호텔"):
        return True
    return prev_label == "LOCATION" and prev_end == start - 1 and prev_kind != "country"


# a province's short name that is also a common word: only before a city
_SHORT_PROVINCES = {"경기": "경기도"}


def find_short_provinces(view: TextView, place_starts: dict[int, str]) -> Iterator[Cand]:
    """'경기 성남의', '경기 화성에서': 경기 before a city or county is the province."""
    text = view.text
    for short, canon in _SHORT_PROVINCES.items():
        for m in re.finditer(short + " ", text):
            s, e = m.start(), m.start() + len(short)
            if (s > 0 and text[s - 1].isalnum()) or place_starts.get(e + 1) not in ("city", "district", "local"):
                continue
            if view.aligned(s, e):
                yield s, e, "LOCATION", {"rule": "short_province", "place": canon, "place_kind": "metro"}


_REGION_SUFFIX = re.compile(r"권역|권(?![가-힣])|권(?=[은는이가을를의에과와도])")
_REGION_KINDS = frozenset({"metro", "city", "province", "region", "local"})


def find_regions(view: TextView, places: list[tuple[int, int, str]]) -> Iterator[Cand]:
    """A place fused with 권/권역, the region around it ('충남권역', '제주권', '부산권에'): one
    LOCATION. `places` are (start, end, kind) of places and local governments."""
    text = view.text
    for s, e, kind in places:
        if kind not in _REGION_KINDS:
            continue
        m = _REGION_SUFFIX.match(text, e) if not text.endswith("권", 0, e) else re.compile("역").match(text, e)
        if m is not None and view.is_cut(m.end()):
            yield s, m.end(), "LOCATION", {"rule": "region", "place": text[s:m.end()], "place_kind": "region"}


_PORT = re.compile(r"항(?=[\s,.)·]|[은는이가도의와과에을를으로]|$)")
_NOT_PORT = frozenset({"사항", "조항", "어항", "출항", "입항", "귀항", "기항", "모항", "저항", "대항", "반항", "항", "공항", "선항",
                       "결항", "운항", "취항", "회항", "요항", "강항", "신항", "남항", "북항", "외항", "내항", "국제공항", "신공항"})

# common nouns in 항 that end compounds ('전기저항', '세부사항', '법조항'), unlike '부산신항'
_NOT_PORT_ENDS = ("사항", "조항", "저항", "대항", "반항", "출항", "입항", "귀항", "결항", "운항", "취항", "회항")


def find_ports(view: TextView, places: dict) -> Iterator[Cand]:
    """Ports and airports by name: Kiwi's proper noun ending in 항/공항 ('감천항', '인천공항'),
    or a place, or a proper noun, with 항 written after it ('마산항', '북항')."""
    text = view.text
    for m in _PORT.finditer(text):
        e = m.end()
        s = view.word_start(m.start())
        name = text[s:e]
        if not 2 <= len(name) <= 8 or not name[0].isalpha() or name in _NOT_PORT or not view.aligned(s, e) \
                or name.endswith(_NOT_PORT_ENDS):
            continue
        stem = name[:-2] if name.endswith("공항") else name[:-1]
        if len(stem) < 2:
            continue
        ms = view.morphs_in(s, e)
        whole = len(ms) == 1 and ms[0].tag == "NNP"
        named = ms and ms[0].tag == "NNP" and ms[0].end == s + len(stem)
        if whole or named or stem in places:
            yield s, e, "LOCATION", {"rule": "port", "place": name, "place_kind": "venue"}


_LOCATED = re.compile(r"에 (?:위치한|위치해|위치하고|위치하는|소재한|소재하는|자리한|자리잡은|자리 잡은)")


def find_located(view: TextView) -> Iterator[Cand]:
    """'정릉에 위치한 …', '세종시 조치원읍에 소재한 …': the proper noun before 'located at'."""
    text = view.text
    for m in _LOCATED.finditer(text):
        e = m.start()
        s = view.word_start(e)
        name = text[s:e]
        if len(name) < 2 or name in _NOT_VENUE or not view.aligned(s, e) or not view.is_nominal(s, e):
            continue
        if name.endswith(("단지", "지역", "지구", "일대", "권역", "시설")) and len(name) <= 4:
            continue  # '산업단지에 위치한': a kind of site, no name
        if view.tag_at(s) == "NNP":
            yield s, e, "LOCATION", {"rule": "located", "place": name}


def find_shapes(view: TextView, known: list[Cand], cands: list[Cand]) -> list[Cand]:
    """All the shapes of this module, after the gazetteer (`known`: local governments) and
    the other rule candidates (`cands`: places, address parts) are found."""
    places = [(s, e, a.get("place_kind", "")) for s, e, lab, a in cands if lab == "LOCATION"]
    places += [(s, e, "local") for s, e, _lab, a in known if a.get("gov_kind") == "local"]
    spans = {(s, e) for s, e, _k in places}
    out = list(find_short_provinces(view, {s: k for s, _e, k in places}))
    from ingest.nlp.lexicon import get_lexicon  # noqa: PLC0415
    lex = get_lexicon()  # a place with 권 fused is no place match of its own ('부산권과'): look again
    raw = []
    for k in re.finditer("권", view.text):
        for st in range(max(0, k.start() - 5), k.start() - 1):
            m = lex.place_re.match(view.text, st)
            if m is not None and m.end() == k.start():
                raw.append((st, m.end(), lex.places[m.group()].kind))
                break
    out += find_regions(view, places + raw)
    out += find_ports(view, lex.places)
    out += [c for c in find_located(view) if (c[0], c[1]) not in spans]
    ends = {e: k for _s, e, k in places}
    ends.update({e: "metro" for _s, e, _lab, _a in out})
    out += [c for c in find_addressed_venues(view, ends) if (c[0], c[1]) not in spans]
    return out
