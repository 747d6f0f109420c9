"""Government bodies in two general forms the other rules miss or overread (issue #20, round 5).

- Diplomatic missions: '주일한국대사관', '주미대사관', '주베트남 한국대사관', '주상하이총영사관',
  '주한미국대사관' — an embassy is a government body in the guideline (fourth batch), and no gazetteer
  can list every post; the prefix 주(駐) + a place and the mission word are a closed construction.
- The word 정부 that names no acting Korean government: '정부 간 협의체' (intergovernmental) and
  '(새) 정부의 … 정책 방향' (the government's policy in general). The real gold leaves these unannotated,
  while '정부는 … 발표했다', '정부의 입장', '정부와 삼성전자' stay MINISTRY. '정부 R&D 예산' is left as it
  was: one real release leaves it out, the written test set annotates such a 정부 (whole score only).
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.view import TextView

Cand = tuple[int, int, str, dict]

# 주 + a place (Hangul or Latin, one word) + optionally the sending state, then the mission word;
# '주한' + a foreign state for a foreign mission in Korea ('주한미국대사관', '주한 중국대사관')
_MISSION = re.compile(r"(?<![가-힣A-Za-z0-9])주(?:한 ?[가-힣]{1,8}|[가-힣A-Z]{1,8})(?:\([駐一-鿿]{1,4}\))?(?: ?(?:한국|대한민국))? ?"
                      r"(?:대사관|총영사관|영사관|대표부|분관)"
                      r"(?=[\s,.)(·'’\"”]|[은는이가도의와과에을를로]|$)")
# words after 주 that are no place ('주요', '주간', '주최', '주재': 'main', 'weekly', 'host', 'resident')
_NOT_PLACE = ("요", "간", "최", "재", "관", "무", "로", "도", "된", "변", "거", "식", "체", "민", "택")

# 정부 in 'between governments' ('정부 간 협의체'): no one government
_MODIFIER = re.compile(r"정부 ?간(?=\s|[의에])")
# '정부의' + up to three words + a word of policy ('정부의 정책 정보', '새 정부의 경제정책방향',
# '정부의 고등교육(대학) 정책 방향')
_POLICY = re.compile(r"정부의 (?:[^\s]+ ){0,3}?[^\s]*정책")


def find_missions(view: TextView) -> Iterator[Cand]:
    """MINISTRY candidates for embassies, consulates and missions written with 주(駐)."""
    text = view.text
    if "사관" not in text and "대표부" not in text and "분관" not in text:
        return  # cheap: most texts name no mission (대사관, 영사관)
    for m in _MISSION.finditer(text):
        if text[m.start() + 1] in _NOT_PLACE and not text.startswith("주한", m.start()):
            continue
        yield m.start(), m.end(), "MINISTRY", {"rule": "mission", "gov_kind": "mission", "_prio": 24, "_cut": True}


def drop_generic_government(text: str, ents: list) -> list:
    """Drop MINISTRY on a 정부 that only qualifies a generic noun (module docstring); a 정부 listed
    after bodies ('중소벤처기업부 등 정부의 청년정책') names them and stays."""
    if "정부" not in text:
        return ents
    out = []
    for e in ents:
        if e.label == "MINISTRY" and text[e.start:e.end] == "정부" and _generic(text, e.start):
            continue
        out.append(e)
    return out


def _generic(text: str, s: int) -> bool:
    if _MODIFIER.match(text, s):
        return True
    return _POLICY.match(text, s) is not None and not text[max(0, s - 3):s].endswith(("등 ", "등"))
