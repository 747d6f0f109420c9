"""Natural landmarks that releases name as places: mountains, peaks, ridges, passes, falls
('지리산 천황봉에서', '백두대간을 찾아', '대관령에서'). The gold guideline has them as
LOCATION like cities and venues; no list names them all, but Kiwi knows the well-known ones
as one proper noun, and the ending says what kind of place it is. So a word that is a single
NNP morpheme ending in 산, 봉, 대간, 산맥, 령, 폭포 or 계곡 is a place, unless another rule
types it (a city such as 부산 is a place already; a person or body wins by priority).
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.people import TITLES
from ingest.nlp.view import TextView

Cand = tuple[int, int, str, dict]

# the ending first, cheap: only words that end so are asked about their morphemes
_ENDING = re.compile(r"(?:산맥|대간|폭포|계곡|산|봉|령)(?![A-Za-z0-9])")
_STEM = re.compile(r"(?<![A-Za-z0-9가-힣])[가-힣]{1,6}$")
# proper nouns with these endings that name no place: titles and orders
_NOT_LANDMARKS = frozenset({"대통령", "명령", "법령", "수령", "사령", "훈령", "요령", "강령", "본령"})
# how long a landmark's name is, by its ending: Korean mountains are three syllables (지리산,
# 설악산); longer words in 산 are mostly foreign names or chemicals (스리니바산, 카르복실산) or
# places with a city inside (중앙부산); two syllables are too often a word or a name (남산, 청산)
_LENGTHS = {"산": (3, 3), "봉": (3, 4), "령": (3, 3)}
_NEXT = re.compile(r"\s?([가-힣]+?)(?:은|는|이|가|을|를|의|과|와|도|에게|께서|으로|로)?(?![가-힣])")


def find_landmarks(view: TextView) -> Iterator[Cand]:
    text = view.text
    for m in _ENDING.finditer(text):
        stem = _STEM.search(text, max(0, m.start() - 6), m.start())
        if stem is None:
            continue
        s, e = stem.start(), m.end()
        name = text[s:e]
        low, high = _LENGTHS.get(m.group(), (4, 8))
        if not low <= len(name) <= high or name in _NOT_LANDMARKS or not view.aligned(s, e) \
                or view.core_end(s, view.word_end(s)) != e:
            continue
        ms = view.morphs_in(s, e)
        if len(ms) != 1 or ms[0].tag != "NNP" or ms[0].start != s or ms[0].end != e:
            continue
        after = _NEXT.match(text, e)
        if after is not None and (after.group(1) in TITLES or after.group(1) in ("씨", "님")):
            continue  # '송미령 장관': a person whose given name ends like a mountain
        yield s, e, "LOCATION", {"rule": "landmark", "place": name, "place_kind": "landmark"}


# a room of a named building where something is held ('여민관 영상회의실에서', '과학기술회관 대회의실에서'):
# one venue, as the guideline has a hall of a body ('산업부 대회의실'); a room alone names no place, nor does
# a briefing room ('서울청사 브리핑실': the building is the place)
_OWNED_ROOM = re.compile(r"(?<![A-Za-z0-9가-힣])([가-힣A-Za-z0-9]{1,12}(?:관|청사|센터|회관|빌딩|타워)) "
                         r"(?:영상회의실|대회의실|소회의실|회의실|접견실|세미나실|대강당|강당|국제회의장)(?=에서)")


def find_owned_rooms(view: TextView) -> Iterator[Cand]:
    text = view.text
    if "에서" not in text:
        return
    for m in _OWNED_ROOM.finditer(text):
        s, e = m.start(1), m.end()
        if len(m.group(1)) >= 3 and view.aligned(s, e) and view.is_nominal(s, m.end(1)):
            yield s, e, "LOCATION", {"rule": "owned_room", "place": m.group()}
