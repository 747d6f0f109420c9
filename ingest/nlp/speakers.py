"""Who speaks at an event takes part in it.

Press releases report what was said at the event they are about, with the event as the
venue of the sentence and the speaker as its subject:

    이날 포럼에서 김지훈 네이버 상무는 "…"라고 강조했다.
    'AI 윤리 포럼'에서 박정우 부회장이 인사말을 하고 있다.     (a caption)
    이 자리에서 A 회장은 … 협력을 당부했다.

The venue is a meeting named in the sentence ('포럼에서') or, when the sentence names none,
a back reference ('이날 행사에서', '이 자리에서') to the meeting named last (frames.py picks
it). The chair of the meeting and the body that holds it are not also participants: the
caller drops a participation that a LEADS or ANNOUNCES of the same pair states.
"""
from __future__ import annotations

import re

# a saying or greeting that ends the sentence: '강조했다', '말했습니다', '인사말을 하고 있다'
_SAYS = re.compile(r"(?:말했|밝혔|강조했|당부했|설명했|전했|약속했|요청했|건의했|제안했|소개했|다짐했|역설했|언급했"
                   r"|인사말을\s|축사를\s|환영사를\s|기조연설을\s|발언하|발표하|발제하)")
# the venue: '포럼에서', "'X'에서는"
_AT = re.compile(r"['’\"”」』]?에서(?:는)?\s")
# a back reference to the event: '이날 행사에서', '이 자리에서', '이날 간담회에서'
_BACK = re.compile(r"(?:이날|이번)\s(?:[가-힣]+\s)?(?:행사|회의|간담회|포럼|토론회|협약식|출범식|기념식|회담|세미나|설명회)에서(?:는)?\s|이\s자리에서(?:는)?\s")
_SUBJECT = ("은", "는", "이", "가", "께서")
_AGENTS = ("PERSON", "COMPANY", "ORGANIZATION")


def has_back_reference(text: str, ss: int, se: int) -> bool:
    """Whether the sentence opens with a back reference to the event ('이날 행사에서')."""
    b = _BACK.search(text, ss, min(se, ss + 40))
    return b is not None and b.start() - ss <= 15


def _says(text: str, ss: int, se: int) -> bool:
    end = text[ss:se].rstrip(" .\"'”’")
    return _SAYS.search(end, max(0, len(end) - 40)) is not None


def _speakers(view, ms: list, lo: int, se: int) -> list:
    """The subject after the venue: a person (with their title) or a company, marked 은/는/이/가."""
    from ingest.nlp.relations import _phrase_tail  # noqa: PLC0415 (relations imports this module)
    out = []
    for m in ms:
        if m.start < lo or m.label not in _AGENTS or m.attrs.get("byline"):
            continue
        if m.label != "PERSON" and any(p.label == "PERSON" and tuple(p.attrs.get("_org") or ()) == m.key for p in ms):
            continue  # '김지훈 네이버 상무는': the person speaks
        if _phrase_tail(view, m) in _SUBJECT:
            out.append(m)
            break  # one subject
    return out


def speaker_relations(view, ms: list, inits: list, sent: tuple[int, int], si: int, add) -> None:
    """PARTICIPATES_IN for the speaker at a meeting named as the sentence's venue."""
    ss, se = sent
    text = view.text
    if not _says(text, ss, se):
        return
    for m in inits:
        if m.attrs.get("kind") != "meeting" or not _AT.match(text, m.end):
            continue
        for p in _speakers(view, ms, m.end, se):
            add("PARTICIPATES_IN", p, m, si)
        return


def back_reference_speaker(view, ms: list, sent: tuple[int, int], target, si: int, add) -> None:
    """'이날 행사에서 A 회장은 …라고 말했다' in a sentence that names no initiative."""
    ss, se = sent
    text = view.text
    if target is None or target.attrs.get("kind") != "meeting" or not _says(text, ss, se):
        return
    b = _BACK.search(text, ss, min(se, ss + 40))
    if b is None or b.start() - ss > 15:
        return
    for p in _speakers(view, ms, b.end(), se):
        add("PARTICIPATES_IN", p, target, si)
