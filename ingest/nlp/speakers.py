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

# a saying, greeting or pose that ends the sentence: '강조했다', '말했습니다', '인사말을 하고 있다'
_SAYS = re.compile(r"(?:말했|밝혔|강조했|당부했|설명했|전했|약속했|요청했|건의했|제안했|소개했|다짐했|역설했|언급했"
                   r"|인사말을\s|축사를\s|환영사를\s|기조연설을\s|발언하|발언했|발표하|발제하"
                   r"|(?:사진|기념사진|단체사진)을\s촬영|기념촬영|악수하|박수를\s치)")  # a photo caption: '… 발대식에서 단체사진을 촬영하고 있다'
# the venue: '포럼에서', "'X'에서는"
_AT = re.compile(r"['’\"”」』]?에서(?:는)?\s")
# a back reference to the event: '이날 행사에서', '이 자리에서', '이날 간담회에서'
_BACK = re.compile(r"(?:이날|이번)\s(?:[가-힣]+\s)?(?:행사|회의|간담회|포럼|토론회|협약식|출범식|기념식|회담|세미나|설명회)에서(?:는)?\s|이\s자리에서(?:는)?\s")
_DESCRIBING = re.compile(r"(?:\S+\s)?\S*(?:된|한|하는|되는|할|될)\s")
_HELD_AT = re.compile(r"(?:열린|개최된|진행된)\s")
_BRIEFING = re.compile(r"(?:브리핑|기자회견|기자\s?간담회|회견)$")
_SUBJECT = ("은", "는", "이", "가", "께서")
_AGENTS = ("PERSON", "COMPANY", "ORGANIZATION")


def has_back_reference(text: str, ss: int, se: int) -> bool:
    """Whether the sentence opens with a back reference to the event ('이날 행사에서')."""
    b = _BACK.search(text, ss, min(se, ss + 40))
    return b is not None and b.start() - ss <= 15


def _says(text: str, ss: int, se: int) -> bool:
    end = text[ss:se].rstrip(" .\"'”’")
    return _SAYS.search(end, max(0, len(end) - 40)) is not None


_QUOTE = re.compile(r'"[^"]*"|“[^”]*”|‘[^’]*’|\'[^\']*\'')
# a clause break outside quotes: '…라고 하였지만, B는 …', '…했으며, …'
_BREAK = re.compile(r"(?:지만|는데|으며|하며|했고|하고|였고),\s")


def _one_clause(text: str, a: int, b: int) -> bool:
    """Whether [a, b) holds no clause break once quotations are left out."""
    return _BREAK.search(_QUOTE.sub("", text[a:b])) is None


def _speakers(view, ms: list, venue, se: int, before_too: bool = False) -> list:
    """The subject of the saying, in the venue's clause: right after the venue ('포럼에서 A
    상무는 …'), else, for a briefing (`before_too`), right before it ('A 의원은 당사의
    브리핑에서 …': who speaks at a meeting from the subject's place is often its host); not
    inside a quotation."""
    from ingest.nlp.relations import _phrase_tail  # noqa: PLC0415 (relations imports this module)
    text = view.text
    quotes = [q.span() for q in _QUOTE.finditer(text, max(0, venue.start - 200), se)]
    if any(a + 1 < venue.start and venue.end + 10 < b for a, b in quotes):
        return []  # 'A는 "23일 본회의에서 법안이 처리되면 …"이라고 밝혔다': a meeting spoken of, not the venue

    def fits(m) -> bool:
        if m.label not in _AGENTS or m.attrs.get("byline") or any(a <= m.start < b for a, b in quotes):
            return False
        if m.label != "PERSON" and any(p.label == "PERSON" and tuple(p.attrs.get("_org") or ()) == m.key for p in ms):
            return False  # '김지훈 네이버 상무는': the person speaks
        return _phrase_tail(view, m) in _SUBJECT

    after = [m for m in ms if venue.end <= m.start <= venue.end + 30 and fits(m)]
    if after:
        return after[:1] if _one_clause(text, venue.end, se) else []
    # (a longer reach when the gap describes the event: '… 1일 … 플랫폼에서 열린 'X' 발대식에서')
    before = [m for m in ms if m.end <= venue.start and fits(m) and venue.start - m.end
              <= (64 if _HELD_AT.search(text, m.end, venue.start) else 40)]
    if before_too and before and _one_clause(text, before[-1].end, se):
        return before[-1:]
    return []


def speaker_relations(view, ms: list, inits: list, sent: tuple[int, int], si: int, add) -> None:
    """PARTICIPATES_IN for the speaker at a meeting named as the sentence's venue."""
    ss, se = sent
    text = view.text
    if not _says(text, ss, se):
        return
    for m in inits:
        if m.attrs.get("kind") != "meeting" or not _AT.match(text, m.end):
            continue
        # who speaks at a briefing gives it: LEADS (the guideline), not taking part
        kind = "LEADS" if _BRIEFING.search(text, max(0, m.start - 3), m.end) else "PARTICIPATES_IN"  # (기자 간담회)
        # 'A 장관은 반도체 업계 간담회에서 "…"라고 말했다': the subject before the venue speaks
        # there too, unless the venue belongs to a clause that describes something else
        # ('간담회에서 논의된 방안을 설명했다')
        before_too = kind == "LEADS" or not _DESCRIBING.match(text, _AT.match(text, m.end).end())
        for p in _speakers(view, ms, m, se, before_too=before_too):
            if kind == "PARTICIPATES_IN" or p.label == "PERSON":
                add(kind, p, m, si)
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
    venue = _Span(b.start(), b.end())
    for p in _speakers(view, [m for m in ms if m.start >= b.end()], venue, se):
        add("PARTICIPATES_IN", p, target, si)


class _Span:
    """The back reference as a venue (start, end) for `_speakers`."""

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end
