"""What broadcast news items (KTV) state and the sentence rules read too far: a last pass over a
document's relations that drops what the guideline does not annotate.

- A nominee heads no body yet: '박영선 중소벤처기업부 장관 후보자는 …', '환경부장관 내정자',
  '녹취> 김연철 / 통일부 장관 후보자' (guideline: nominees get no LEADS to the body; they take part in
  their hearing). The title rule links the name to the body in the title phrase; the word after the
  title says the post is not held.
- A headline joins two of its clauses with '···' ('제53회 국무회의 개최···이번 주 주요 현안 점검',
  '국무회의 내일 개최···다음 주 현안'): a date on one side of the dots is no date of an event named on
  the other side, since each clause is its own statement.
- A KTV page files its item under a programme on a line between the headline and the headline
  repeated, above the posting date: 'headline | KTV 뉴스중심 | headline | 등록일 : …', '… | 문워크 | …'.
  The line with an airtime is read by programmes.find_page_programmes; this one has none.
- A quoted name right after a broadcaster is its programme ("KTV '생방송 대한민국' 1부에 출연",
  "KBS '다큐멘터리K'를"), and a quoted name that starts with KTV is KTV's initiative, whole ("'KTV 편성
  개방'이 올해도 계속된다"; guideline: a quoted name keeps whatever it quotes).
"""
from __future__ import annotations

import re

from ingest.nlp.view import TextView

Rel = tuple[str, tuple[int, int], tuple[int, int], int]

# the rest of the title phrase after the body, up to the word that makes the person a nominee:
# ' 장관 후보자', '장관후보자', '장관 내정자', ' 초대 위원장 후보자'
_NOMINEE = re.compile(r"\s?(?:[가-힣]{1,8}\s?){0,2}?(?:후보자|내정자|지명자)")
# a guest's appearance on a programme ("KTV '생방송 대한민국' 1부에 생방송 출연합니다"): the day is the
# guest's, not the programme's (it airs every day)
_APPEARS_ON = re.compile(r"['’>」]?\s?(?:\d부)?(?:에|에서)\s(?:[가-힣]+\s)?출연")
# dots that join a headline's clauses: '···', '…', '...'
_DOTS = re.compile(r"·{2,}|…|\.{3}")


_POSTED = re.compile(r"등록일\s?:")
_SHORT_LINE = re.compile(r"[^\n'\"‘’“”·…,.?!:()<>\[\]]{2,20}")


def filed_under(view: TextView):
    """INITIATIVE candidates: the programme line between a page's headline and its repetition."""
    text = view.text
    yield from quoted_programmes(view)  # not only on pages: a release names them too
    if "등록일" not in text[:800]:
        return  # a cheap check: no posting date near the top, no page header
    lines, pos = [], 0
    for line in text[:800].split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    for k in range(1, len(lines) - 2):
        (s, name), before, after = lines[k], lines[k - 1][1].strip(), lines[k + 1][1].strip()
        if len(before) < 6 or before != after or not _POSTED.match(lines[k + 2][1].strip()):
            continue
        stripped = name.strip()
        if _SHORT_LINE.fullmatch(stripped) and len(stripped.split()) <= 4 and re.search(r"\d{1,2}시", stripped) is None:
            start = s + name.index(stripped)
            yield start, start + len(stripped), "INITIATIVE", {"kind": "program", "generic": False}


_BROADCASTERS = r"(?:KTV|KBS|EBS|MBC|SBS|국회방송)"
# the quoted name must be read in the sentence (a particle, '1부', '프로그램' after it): a headline's
# quoted phrase ("국민방송 KTV '세종시대 개막'") is none
_AFTER_QUOTE = r"(?=\s?(?:\d부|프로그램|에서|[에을를은는이가의와과도]))"
_AFTER_BROADCASTER = re.compile(_BROADCASTERS + r"\s?['‘<「]([^'’>」\n]{2,25}?)['’>」]" + _AFTER_QUOTE)
_KTV_QUOTED = re.compile(r"['‘]((?:KTV)\s[^'’\n]{2,20}?)['’]" + _AFTER_QUOTE)


def quoted_programmes(view: TextView):
    """INITIATIVE candidates: "KTV '생방송 대한민국'", "'KTV 편성 개방'"."""
    text = view.text
    if "'" not in text and "‘" not in text and "<" not in text and "「" not in text:
        return
    for rx in (_AFTER_BROADCASTER, _KTV_QUOTED):
        for m in rx.finditer(text):
            name = m.group(1).strip()
            if name and not re.fullmatch(r"[\d\s.:~-]+", name):
                s = m.start(1) + m.group(1).index(name)
                yield s, s + len(name), "INITIATIVE", {"kind": "program", "generic": False}


def _nominee(text: str, person: tuple[int, int], body: tuple[int, int]) -> bool:
    """Whether the title phrase that joins person and body ends in 후보자/내정자 (either order:
    '박영선 중기부 장관 후보자', '중기부 장관 후보자 박영선')."""
    if body[1] <= person[0]:  # the title between them
        gap = text[body[1]:person[0]]
        return len(gap) < 20 and re.search(r"(?:후보자|내정자|지명자)\s?$", gap) is not None
    m = _NOMINEE.match(text, body[1], min(len(text), body[1] + 20))
    if m is None:
        return False
    return "\n" not in m.group(0) and not re.search(r"[은는이가을를의에와과]\s", m.group(0))


def news_filters(view: TextView, out: list[Rel]) -> list[Rel]:
    """Drop LEADS of nominees to the body of their title, schedules across a headline's '···' and
    a programme's day that is a guest's appearance."""
    text = view.text
    keep: list[Rel] = []
    for r in out:
        kind, h, t, _si = r
        if kind == "LEADS" and _nominee(text, h, t) and abs(h[0] - t[0]) < 40:
            continue
        if kind == "SCHEDULED_FOR" and _APPEARS_ON.match(text, h[1]):
            continue
        if kind == "SCHEDULED_FOR":
            a, b = (h[1], t[0]) if h[1] <= t[0] else (t[1], h[0])
            if a < b and _DOTS.search(text, a, b) and "\n" not in text[a:b]:
                continue
        keep.append(r)
    return keep
