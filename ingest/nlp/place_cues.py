"""Places no list names, found by a cue that recurs across releases and news items:

- a foreign city or state right after its country ('스페인 마드리드에서', '베트남 하노이를
  방문', '미국 플로리다 주에', '미국 펜실베이니아 주립대에서'): the gazetteer cannot list every
  foreign city. A proper noun (Kiwi's NNP) after a country is as often a person, party or firm
  ('독일 앙겔라 메르켈', '북한 노동당', '일본의 라쿠텐과'), so only a place's particle (에서, 에,
  까지), a visit, or a place word after it (주, 성, 지역, 시내) makes it a place; and not after
  Korea itself, whose places the gazetteer knows;
- an industrial complex by name ('여수국가산업단지', '반월산단', '전남 영암 대불산단'): the name
  before 산업단지/산단/농공단지 is a place or a proper noun, so the complex is a place;
- a named facility someone visits ('한반도통일미래센터를 방문', '국립과천과학관을 찾아'): a
  compound ending like a facility, before 방문/찾다/둘러보다/견학, when no other rule typed it.

- rivers, dams and bridges by name ('임진강 유역', '소양강댐과', '광안대교에서'): a river is a
  natural place like the mountains of landmarks.py; Kiwi knows the well-known ones as one proper
  noun, and a dam or bridge is a proper noun with 댐/대교 after it.

- a building that names its office ('오후 1시 국회에서 면담', '행사는 청와대에서 열린다', '이틀
  동안 청와대에서'): after a clock time, a span of time or an event as topic, the body at 에서 is
  where the event is, not who acts (`timed_building`, asked by the type refiner).

Each cue yields LOCATION candidates only where no other candidate lies (a body or person
found by its own rule keeps its type).
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.view import TextView

Cand = tuple[int, int, str, dict]

# after a country, the particles that make a word a place ('마드리드에서', '하노이에', '뮌헨까지'): a
# subject or object particle is as often a person or a firm ('라쿠텐과', '오콘조이웨알라를')
_PLACE_TAILS = frozenset({"에서", "에서는", "에서도", "에서의", "에", "에는", "에도", "까지", "에서만", "으로부터"})
# a word after a bare name that says it is a place: a state, province, region, its parts
_PLACE_AFTER = frozenset({"주", "성", "현", "시", "지역", "섬", "일대", "시내", "현지", "지방", "근교", "교외", "외곽", "도심",
                          "자치구", "자치주", "인근", "해안", "앞바다", "항", "공항"})
_NEXT = re.compile(r"\s([가-힣]+?)(?:은|는|이|가|을|를|의|과|와|도|에|에서|으로|로)?(?![가-힣])")
_ABOUT = re.compile(r"\s(?:대한|대해|관한|관해|따른|따라|의한|의해|비해|맞서|반대|앞서)")
_VISITED = re.compile(r"\s(?:방문|찾아|찾았|찾은|찾는|순방)")
_UNIVERSITY = re.compile(r"(?:주립대학교|주립대|대학교|대학)(?=에서)")
# Korea's own cities are in the gazetteer: after 대한민국/한국/북한 a proper noun is mostly a body or person
_HOME = frozenset({"대한민국", "한국", "북한", "조선민주주의인민공화국", "남한"})
_NOT_PLACES = frozenset({"정부", "의회", "국민", "경제", "시장", "현지", "대사", "측", "내"})


def find_country_places(view: TextView, countries: list[tuple[int, int]], taken: set[int]) -> Iterator[Cand]:
    """'COUNTRY(의) NAME': NAME a proper noun after its country. `countries`: the (start, end)
    of country mentions; `taken`: positions another candidate covers."""
    text = view.text
    for cs, ce in countries:
        if text[cs:ce] in _HOME:
            continue
        pos = ce + 1 if text.startswith("의 ", ce) else ce
        if pos >= len(text) or text[pos] != " ":
            continue
        s = pos + 1
        we = view.word_end(s)
        e = view.core_end(s, we)
        name = text[s:e]
        if not 2 <= len(name) <= 10 or not re.fullmatch(r"[가-힣]+", name) or name in _NOT_PLACES \
                or any(p in taken for p in range(s, e)) or not view.aligned(s, e):
            continue
        tag = view.single_word_tag(s, e)
        if tag != "NNP" and not (tag == "NNG" and len(name) >= 4 and text[e:we] != ""):
            continue  # Kiwi may call an unknown foreign name one common noun ('쿠알라룸프르를 방문')
        if text[e:we] == "":
            uni = _UNIVERSITY.match(text, we + 1)
            if uni is not None:  # '미국 펜실베이니아 주립대에서': the university, one venue
                yield s, uni.end(), "LOCATION", {"rule": "country_place", "place": text[s:uni.end()], "place_kind": "venue"}
                continue
            nxt = _NEXT.match(text, we)
            if nxt is None or nxt.group(1) not in _PLACE_AFTER:
                continue  # '독일 앙겔라 메르켈', '미국 백악관 청원': a person or body as often as a place
        elif _ABOUT.match(text, we):
            continue  # '일본 행정지도에 대한': what is spoken of, not where
        elif text[e:we] not in _PLACE_TAILS and not (text[e:we] in ("을", "를") and _VISITED.match(text, we)):
            continue
        yield s, e, "LOCATION", {"rule": "country_place", "place": name, "place_kind": "city"}


_COMPLEX = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,8}?)(?:국가산업단지|일반산업단지|산업단지|국가산단|산단|농공단지)"
                      r"(?=[\s,.)·]|[은는이가을를의에과와도]|$)")


def find_complexes(view: TextView, place_spans: set[tuple[int, int]], taken: set[int]) -> Iterator[Cand]:
    """'여수국가산업단지', '반월산단': a named complex; the name is a place or a proper noun."""
    text = view.text
    if "단" not in text:
        return
    for m in _COMPLEX.finditer(text):
        s, e = m.start(), m.end()
        stem_end = m.end(1)
        if any(p in taken for p in range(s, e)) or not view.aligned(s, e):
            continue
        from ingest.nlp.lexicon import get_lexicon  # noqa: PLC0415
        stem = m.group(1)
        first = view.first.get(s)
        proper = first is not None and first.tag == "NNP" and first.end <= stem_end
        national = text.startswith(("국가", "일반", "농공"), stem_end)  # '시화국가산업단지': a designated complex has a name
        if not (proper or national or stem in get_lexicon().places or (s, stem_end) in place_spans):
            continue
        yield s, e, "LOCATION", {"rule": "complex", "place": text[s:e], "place_kind": "venue"}


_VISIT = re.compile(r"[을를]\s(?:방문|찾아|찾았|찾은|찾는|찾을|둘러보|둘러봤|둘러본|시찰|견학|찾기)")
_FACILITY = re.compile(r"(?:센터|회관|전당|기념관|박물관|미술관|과학관|도서관|체육관|전시관|홍보관|공원|청사|발전소|캠퍼스|수목원|식물원|기지|항만)$")
_GENERIC = frozenset({"센터", "회관", "공원", "청사", "기지", "항만", "발전소", "캠퍼스", "주민센터", "행정복지센터", "복지관",
                      "체육관", "도서관", "박물관", "미술관", "기념관", "전시관", "홍보관", "과학관"})


def find_visited(view: TextView, taken: set[int]) -> Iterator[Cand]:
    """'한반도통일미래센터를 방문': a named facility before a visit verb."""
    text = view.text
    if "를 " not in text and "을 " not in text:
        return
    for m in _VISIT.finditer(text):
        e = m.start()
        s = view.word_start(e)
        name = text[s:e]
        if len(name) < 4 or name in _GENERIC or not _FACILITY.search(name) or not re.fullmatch(r"[가-힣]+", name) \
                or any(p in taken for p in range(s, e)) or not view.aligned(s, e) or not view.is_nominal(s, e):
            continue
        ms = view.morphs_in(s, e)
        if not ms or ms[0].tag != "NNP":
            continue  # '복지센터를 방문': a kind of facility, no name
        yield s, e, "LOCATION", {"rule": "visited", "place": name, "place_kind": "venue"}


_WATER = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,5}?)(강|댐|대교)(?=[\s,.)·]|[은는이가을를의에과와도]|$)")
_NEXT_WORD = re.compile(r"\s([가-힣]+?)(?:은|는|이|가|을|를|의|과|와|도|에게|께서|으로|로|에|에서|에는)?(?![가-힣])")


def find_waters(view: TextView, taken: set[int], body_starts: set[int]) -> Iterator[Cand]:
    """'임진강', '소양강댐', '광안대교': a river (three syllables, one proper noun), or a dam or
    bridge whose name is a proper noun; not a person whose name ends so ('김대강 씨')."""
    from ingest.nlp.initiatives import head_kind  # noqa: PLC0415  (initiatives imports people)
    from ingest.nlp.people import TITLES  # noqa: PLC0415  (people imports the lexicon)
    text = view.text
    if "강" not in text and "댐" not in text and "대교" not in text:
        return
    for m in _WATER.finditer(text):
        s, e = m.start(), m.end()
        if any(p in taken for p in range(s, e)) or not view.aligned(s, e):
            continue
        ms = view.morphs_in(s, e)
        if m.group(2) == "강":
            if len(m.group()) != 3 or len(ms) != 1 or ms[0].tag != "NNP" or ms[0].end != e:
                continue
        elif not ms or ms[0].tag != "NNP" or not (ms[0].end == e or ms[0].end == m.end(1)):
            continue
        nxt = _NEXT_WORD.match(text, view.word_end(e))
        if nxt is not None and (nxt.group(1) in TITLES or nxt.group(1) in ("씨", "님", "선수", "감독", "작가")):
            continue
        if view.word_end(s) == e and e + 1 in body_starts:
            continue  # '노태강 문화체육관광부 제2차관': a person before his body and title
        if view.word_end(s) == e and nxt is not None and head_kind(nxt.group(1)):
            continue  # '한강대교 개통식': the place opens the event's name
        yield s, e, "LOCATION", {"rule": "water", "place": m.group(), "place_kind": "landmark"}


# offices named by their building: 에서 after them is where, when a time or the event comes first
BUILDINGS = frozenset({"청와대", "국회", "대통령실", "국회의사당", "백악관", "크렘린궁"})
_WHEN_BEFORE = re.compile(r"(?:\d{1,2}시(?:\s?\d{1,2}분)?|\d{1,2}시\s?반|오전|오후|낮|저녁|밤|새벽|동안|내내|어제|그제|이날|당일)\s$")
_VENUE_FIELD = re.compile(r"장소\s?:[^()\n:]*$")
_TOPIC_BEFORE = re.compile(r"(?<![가-힣])([가-힣]{2,8})[은는]\s$")


def timed_building(view: TextView, start: int, end: int) -> bool:
    """Whether the office [start, end) named by its building ('국회', '청와대') is the venue: 에서
    after it, and a time ('오후 1시 국회에서') or the event as topic ('행사는 청와대에서') before it."""
    text = view.text
    if text[start:end] not in BUILDINGS:
        return False
    if _VENUE_FIELD.search(text, max(0, start - 24), start):
        return True  # '(장소: 오늘 오전, 용산 대통령실)': the venue field of a schedule
    if not view.tail(end).startswith("에서"):
        return False
    after = text[end:end + 40].split(".")[0]
    if "주재" in after:
        return False  # '오전 10시 청와대에서 회의를 주재했다': the written set reads the office presiding
    before = text[max(0, start - 12):start]
    if _WHEN_BEFORE.search(before):
        return True
    topic = _TOPIC_BEFORE.search(before)
    if topic is None:
        return False
    from ingest.nlp.initiatives import head_kind  # noqa: PLC0415  (initiatives imports people)
    return bool(head_kind(topic.group(1)))


_LOCAL_TIME = re.compile(r"\(현지\s?(?:시간|시각)\)\s")


def find_local_time_places(view: TextView, taken: set[int]) -> Iterator[Cand]:
    """'10일(현지시간) 리야드에서', '(현지 시각) 타슈켄트에 도착': news abroad names the city right
    after the local time; a proper noun there with 에서/에 is that city."""
    text = view.text
    if "현지" not in text:
        return
    for m in _LOCAL_TIME.finditer(text):
        s = m.end()
        we = view.word_end(s)
        e = view.core_end(s, we)
        name = text[s:e]
        if not 2 <= len(name) <= 10 or not re.fullmatch(r"[가-힣]+", name) or text[e:we] not in ("에서", "에서는", "에", "에는") \
                or any(p in taken for p in range(s, e)) or not view.aligned(s, e) or _ABOUT.match(text, we):
            continue
        tag = view.single_word_tag(s, e)
        if tag == "NNP" or (tag == "NNG" and len(name) >= 4):
            yield s, e, "LOCATION", {"rule": "local_time_place", "place": name, "place_kind": "city"}


def find_cues(view: TextView, known: list[Cand], cands: list[Cand]) -> list[Cand]:
    """All the cues of this module, after the gazetteer (`known`) and other rules (`cands`)."""
    taken: set[int] = set()
    for s, e, _lab, _a in [*known, *cands]:
        taken.update(range(s, e))
    countries = [(s, e) for s, e, lab, a in cands if lab == "LOCATION" and a.get("place_kind") == "country"]
    places = {(s, e) for s, e, lab, _a in [*known, *cands] if lab == "LOCATION"}
    bodies: set[int] = set()  # a place inside a longer name is no obstacle ('한반도통일미래센터')
    for s, e, lab, _a in [*known, *cands]:
        if lab != "LOCATION":
            bodies.update(range(s, e))
    out = list(find_country_places(view, countries, taken))
    out += find_complexes(view, places, bodies)
    out += find_visited(view, bodies)
    out += find_local_time_places(view, taken)
    out += find_waters(view, taken, {s for s, _e, lab, _a in [*known, *cands] if lab != "LOCATION"})
    return out
