"""The kg_type_refiner component (config.cfg: after kg_patterns): settles each entity's
type. Statistical NER labels (KLUE's PS/LC/OG …) become ours, ORG splits into
MINISTRY/COMPANY/ORGANIZATION by the lexicon and the name's ending, a local government
named as a place ('경기도 평택에', '수원시에서', '서울 강남구 …') and a body named after its
building ('청와대로 초청해') become a LOCATION. merge_model (components.py) maps the
model's labels with the same table.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from core.model import ENTITY_TYPES
from ingest.nlp import bodies, initiatives, patterns, place_cues, venues
from ingest.nlp.ents import Ent, get_ents, put_ents
from ingest.nlp.lexicon import get_lexicon
from ingest.nlp.view import TextView

ORG_TYPES = ("MINISTRY", "COMPANY", "ORGANIZATION")


def _org_type(text: str, lex, label: str) -> str:
    info = lex.names.get(text)
    if info is not None:
        return info.type
    if _MINISTRY_END.search(text):
        return "MINISTRY"
    if _COMPANY_HINT.search(text):
        return "COMPANY"
    return "ORGANIZATION" if label == "ORG" else label


_NER_LABELS = {"PS": "PERSON", "PER": "PERSON", "PERSON": "PERSON", "LC": "LOCATION", "LOC": "LOCATION",
               "GPE": "LOCATION", "DT": "DATE", "DAT": "DATE", "TI": "TIME", "TIM": "TIME", "QT": "QUANTITY",
               "NUM": "QUANTITY", "OG": "ORG", "ORG": "ORG"}
_MINISTRY_END = re.compile(r"(?:부|처|청|위원회|공사|공단|진흥원|평가원|시청|도청|군청|구청)$")
_COMPANY_HINT = re.compile(r"(?:㈜|\(주\)|주식회사|" + "|".join(patterns.STRONG_SUFFIXES) + r")")
_LOCATIVE_TAILS = ("에", "에서", "에는", "에서는", "에도", "로", "으로", "지역", "일대", "소재", "내", "의")


@Language.factory("kg_type_refiner", default_config={})
class TypeRefiner:
    """Settles entity types: maps statistical NER labels (KLUE's PS/LC/OG …) to ours,
    splits ORG into MINISTRY/COMPANY/ORGANIZATION, and turns a local government used as
    a place ('경기도 평택에', '충북 청주', '수원시에서', '서울 강남구 …에서') into a LOCATION."""

    def __init__(self, nlp: Language, name: str) -> None:
        pass

    def __call__(self, doc: Doc) -> Doc:
        view, lex = TextView.of(doc), get_lexicon()
        ents = get_ents(doc)
        changed, out = False, []
        for i, ent in enumerate(ents):
            label, attrs, text = ent.label, ent.attrs, view.text[ent.start:ent.end]
            new = _NER_LABELS.get(label, label)
            if new == "ORG":
                info = lex.names.get(text)
                new = info.type if info else ("MINISTRY" if _MINISTRY_END.search(text) else
                                              "COMPANY" if _COMPANY_HINT.search(text) else "ORGANIZATION")
            if new == "MINISTRY" and attrs.get("gov_kind") == "local" \
                    and _is_place(view, ent, out[-1:], ents[i + 1:i + 2]):
                new = "LOCATION"
                attrs.pop("gov_kind", None)
                place = lex.places.get(text)
                attrs["place"] = place.canonical if place else attrs.get("_gaz", text)
            if new in ORG_TYPES and bodies.addressed(view, ent, ents[i + 1:i + 2]):
                new = "LOCATION"  # 'KOTRA(서울 서초구)에서': a body named as the venue, its address after it
                attrs.pop("gov_kind", None)
                attrs["place"] = text
            if new in ORG_TYPES and attrs.get("gov_kind") != "local" and _named_as_venue(view, ent, out[-1:]):
                new = "LOCATION"  # '서울 중구 안전보건공단에서 간담회', '롯데호텔에서 개최되는': the venue
                attrs.pop("gov_kind", None)
                attrs["place"] = text
            if new == "MINISTRY" and (text in _BUILDING_BODIES and bodies.building_as_place(view, ent, ents[i + 1:i + 2], _BUILDING_TAILS)
                                      or place_cues.timed_building(view, ent.start, ent.end)):  # '오후 1시 국회에서
                new = "LOCATION"
                attrs.pop("gov_kind", None)
                attrs["place"] = text
            if new == "COMPANY" and text in _PLATFORMS and _as_channel(view, ent.start, ent.end):
                changed = True  # '공식 블로그·페이스북·유튜브에 올린다': where content is put, no company
                continue
            if new == "INITIATIVE" and "kind" not in attrs:
                hk = initiatives.head_kind(text)
                attrs["kind"] = hk[1] if hk else "plan"
            if new not in ENTITY_TYPES:
                changed = True
                continue
            if new != label:
                changed = True
                ent.label = new
            out.append(ent)
        if changed:
            put_ents(doc, out)
        return doc


def _is_place(view: TextView, ent: Ent, prev: list[Ent], nxt: list[Ent]) -> bool:
    """Whether a local government (서울시, 수원시, 강남구) is named as a place: a locative
    particle, or a part of an address; a subject particle keeps it the body."""
    tail = view.tail(ent.end)
    if tail in ("은", "는", "이", "가", "도", "와", "과"):
        return False
    if tail in _LOCATIVE_TAILS or tail.startswith(("에서", "에 ")):
        return True
    if nxt and nxt[0].label == "LOCATION" and nxt[0].start - ent.end == 1:
        return True  # 경기도 평택, 충북 청주
    if tail in ("을", "를") and prev and prev[0].label == "LOCATION" and ent.start - prev[0].end == 1:
        return True  # '경북 포항시를 지정했다', '경기도 화성시를 방문했다': an address as the object
    if tail[:1] in (",", "·") and (_listed_with_place(view, prev, ent.start, before=True)
                                   or _listed_with_place(view, nxt, ent.end, before=False)):
        return True  # '광주, 충북, 부산 등': a list of places
    if not tail and view.text.startswith((" 소재", " 일대", " 인근", " 지역"), ent.end):
        return True  # '종로구 소재 전통시장': where something is
    if not tail or tail[0] == ")":  # a part of an address: 경기도 수원시, 서울 강남구 …, 서울 중구 명동에서, (서울 서초구)
        if nxt and nxt[0].attrs.get("gov_kind") == "local" and nxt[0].start - ent.end == 1:
            return True  # a higher level before a lower one
        if prev and prev[0].label == "LOCATION" and ent.start - prev[0].end == 1:
            return True  # a lower level after a higher one
        if _address_follows(view, ent.end):
            return True
    text = view.text[ent.start:ent.end]
    return not tail and text.endswith(("북", "남")) and len(text) == 2


def _named_as_venue(view: TextView, ent: Ent, prev: list[Ent]) -> bool:
    p = prev[0] if prev else None
    return venues.body_as_venue(view, ent.start, ent.end, p.label if p else "", p.end if p else -1,
                                p.attrs.get("place_kind", "") if p else "")


def _listed_with_place(view: TextView, other: list[Ent], pos: int, before: bool) -> bool:
    """Whether `other` (the entity before or after) is a place joined to `pos` by a comma or ·."""
    if not other or other[0].label != "LOCATION":
        return False
    gap = view.text[other[0].end:pos] if before else view.text[pos:other[0].start]
    return gap in (", ", ",", "·")


# bodies named after the building they sit in: '청와대로 초청해', '네, 청와대입니다' (a reporter's
# place) are the place; '청와대는 … 밝혔다' is the office
_BUILDING_BODIES = frozenset({"청와대"})
_BUILDING_TAILS = ("로", "으로", "에", "에는", "입니다")  # 에서: the written set reads an act (청와대에서 … 주재했다)


def _address_follows(view: TextView, end: int, words: int = 3) -> bool:
    """Whether the words after `end` are proper nouns (Kiwi's NNP), the last with a locative
    particle: '중구 명동에서', '종로구 세종대로 정부서울청사에서' (not '수원시 관계자에')."""
    text, pos = view.text, end
    for _ in range(words):
        if not text.startswith(" ", pos) or view.tag_at(pos + 1) != "NNP":
            return False
        start, pos = pos + 1, view.word_end(pos + 1)
        tail = text[view.core_end(start, pos):pos]
        if tail:
            return tail.startswith("에")
    return False


# platforms named as the channel content goes out on ('블로그·페이스북·유튜브에', '유튜브로 생중계',
# '유튜브 등을 통해'); the company behind one is named otherwise ('페이스북은 … 밝혔다')
_PLATFORMS = frozenset({"페이스북", "인스타그램", "유튜브", "트위터", "틱톡", "카카오톡", "Facebook", "Instagram", "YouTube"})
# the rest of a list the platform is in ('·인스타그램·유튜브', ', 블로그 등'), then a channel's particle
_CHANNEL_AFTER = re.compile(r"(?:\s?[·,]\s?[가-힣A-Za-z]+)*(?:\s?등)?(?:(?:에|에서|에도|에서도|으로|로|으로도|로도)(?![가-힣])"
                            r"|\s?(?:을|를)\s통(?:해|한)|\s(?:채널|계정|페이지))")
_CHANNEL_WORDS = re.compile(r"(?:블로그|홈페이지|누리집|누리소통망|SNS)\s?[·,]\s?$")


def _as_channel(view: TextView, start: int, end: int) -> bool:
    """Whether a platform is named as a channel: a locative or instrumental particle or
    '… 채널/계정' after it or after the list it ends, or a blog or homepage listed before it."""
    text = view.text
    return _CHANNEL_AFTER.match(text, end) is not None or _CHANNEL_WORDS.search(text, max(0, start - 12), start) is not None
